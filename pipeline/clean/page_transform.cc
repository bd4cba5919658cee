// Turns as values: a quarter turn or a deskew rotation is an affine map of
// the page, so the turns a page needs can be gathered and applied once, to
// the part of it that is cleaned. A colour page's grey copy is turned this
// way: the colour record is turned whole, the OCR copy only where it holds
// ink (a closing page is mostly paper).
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

PageTransform PageTransform::Identity(cv::Size size) {
  return {cv::Matx23d(1, 0, 0, 0, 1, 0), size};
}

PageTransform PageTransform::QuarterTurn(cv::Size size, int rotate_cw_deg) {
  const int quarter = ((rotate_cw_deg % 360 + 360) % 360) / 90;
  const double w = size.width - 1, h = size.height - 1;
  switch (quarter) {
    case 1:  // as cv::ROTATE_90_CLOCKWISE: (x, y) -> (h - y, x)
      return {cv::Matx23d(0, -1, h, 1, 0, 0), {size.height, size.width}};
    case 2:  // (x, y) -> (w - x, h - y)
      return {cv::Matx23d(-1, 0, w, 0, -1, h), size};
    case 3:  // as cv::ROTATE_90_COUNTERCLOCKWISE: (x, y) -> (y, w - x)
      return {cv::Matx23d(0, 1, 0, -1, 0, w), {size.height, size.width}};
    default:
      return Identity(size);
  }
}

PageTransform PageTransform::Rotation(cv::Size size, double deg) {
  const cv::Point2f centre(size.width / 2.0f, size.height / 2.0f);
  const cv::Mat m = cv::getRotationMatrix2D(centre, deg, 1.0);
  const double c = std::abs(m.at<double>(0, 0)), s = std::abs(m.at<double>(0, 1));
  const int w = static_cast<int>(std::ceil(size.height * s + size.width * c));
  const int h = static_cast<int>(std::ceil(size.height * c + size.width * s));
  PageTransform t{cv::Matx23d(m), {w, h}};
  // The canvas grows so no corner is lost; the page stays in its middle.
  t.m(0, 2) += w / 2.0 - centre.x;
  t.m(1, 2) += h / 2.0 - centre.y;
  return t;
}

PageTransform PageTransform::Then(const PageTransform& next) const {
  const cv::Matx33d first(m(0, 0), m(0, 1), m(0, 2), m(1, 0), m(1, 1), m(1, 2), 0, 0, 1);
  const cv::Matx33d second(next.m(0, 0), next.m(0, 1), next.m(0, 2), next.m(1, 0), next.m(1, 1),
                           next.m(1, 2), 0, 0, 1);
  const cv::Matx33d both = second * first;
  return {cv::Matx23d(both(0, 0), both(0, 1), both(0, 2), both(1, 0), both(1, 1), both(1, 2)),
          next.size};
}

bool PageTransform::identity() const {
  return m == cv::Matx23d(1, 0, 0, 0, 1, 0);
}

cv::Mat WarpPart(const cv::Mat& page, const PageTransform& t, cv::Rect part) {
  if (t.identity()) return page(part);
  // Whole rows are turned and the part's columns cut from them. warpAffine
  // rounds a pixel's source position from its column and its row apart: a
  // band of whole rows is the very pixels of the page turned whole, while a
  // part that starts in another column lands up to 1/32 pixel elsewhere,
  // which OCR can read differently.
  cv::Matx23d shifted = t.m;
  shifted(1, 2) -= part.y;
  cv::Mat rows;
  cv::warpAffine(page, rows, shifted, cv::Size(t.size.width, part.height), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar::all(255));
  return rows.colRange(part.x, part.br().x);
}

}  // namespace sohoa::clean
