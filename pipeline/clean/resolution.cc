// Resolution: real scans often carry no (or a wrong) dpi, so it is measured
// from the text itself. Body text of administrative documents is 13-14 pt;
// its line pitch in pixels gives the scanning resolution.
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

// Line pitch of 13-14 pt body text at 300 dpi, in pixels (measured on the
// dev set's clean pages).
constexpr double kPitchAt300Dpi = 72.0;

}  // namespace

double TextLinePitch(const cv::Mat& grey, cv::Point at, cv::Size page) {
  if (page.area() == 0) page = grey.size();
  // The middle of the page: away from scanner borders and header columns.
  const cv::Rect centre(page.width * 15 / 100, page.height * 10 / 100, page.width * 70 / 100,
                        page.height * 80 / 100);
  if (centre.width < 20 || centre.height < 20) return 0;
  // Of the middle, `grey` holds this; the rest is paper, whose rows count
  // as rows without ink.
  const cv::Rect held = centre & cv::Rect(at, grey.size());
  std::vector<double> p(centre.height, 0.0);
  if (held.area() > 0) {
    cv::Mat ink = InkMask(grey(held - at));
    cv::Mat profile_mat;
    cv::reduce(ink, profile_mat, 1, cv::REDUCE_SUM, CV_64F);
    for (int y = 0; y < held.height; ++y) p[held.y - centre.y + y] = profile_mat.at<double>(y);
  }
  const int n = static_cast<int>(p.size());
  double mean = 0;
  for (double v : p) mean += v;
  mean /= n;
  for (double& v : p) v -= mean;
  // Lines repeat at the pitch: the row profile's autocorrelation peaks there.
  // Tone marks splitting a line into two bands do not change the period.
  const int min_lag = 8, max_lag = std::min(n / 4, 400);
  if (max_lag <= min_lag + 2) return 0;
  std::vector<double> ac(max_lag + 1, 0);
  for (int lag = 0; lag <= max_lag; ++lag) {
    double sum = 0;
    for (int y = 0; y + lag < n; ++y) sum += p[y] * p[y + lag];
    ac[lag] = sum / (n - lag);
  }
  if (ac[0] <= 0) return 0;
  // First the correlation must fall (inside a line), then the first strong
  // local maximum is one line pitch.
  int lag = 1;
  while (lag < max_lag && ac[lag] > 0) ++lag;
  double strongest = 0;
  for (int l = std::max(lag, min_lag); l < max_lag; ++l) strongest = std::max(strongest, ac[l]);
  if (strongest < 0.1 * ac[0]) return 0;
  for (int l = std::max(lag, min_lag); l < max_lag; ++l) {
    if (ac[l] >= 0.6 * strongest && ac[l] >= ac[l - 1] && ac[l] >= ac[l + 1]) {
      // Parabolic refinement of the peak position.
      const double a = ac[l - 1], b = ac[l], c = ac[l + 1];
      const double denom = a - 2 * b + c;
      return l + (denom != 0 ? 0.5 * (a - c) / denom : 0);
    }
  }
  return 0;
}

double EstimateDpi(const cv::Mat& grey, cv::Point at, cv::Size page) {
  const double pitch = TextLinePitch(grey, at, page);
  if (pitch <= 0) return 0;
  const double dpi = 300.0 * pitch / kPitchAt300Dpi;
  // Scanners use a few standard settings; font sizes and line spacing vary
  // by some percent, so a near miss is the standard setting.
  for (double standard : {100.0, 150.0, 200.0, 240.0, 300.0, 400.0, 600.0}) {
    if (std::abs(dpi - standard) <= 0.1 * standard) return standard;
  }
  return dpi;
}

cv::Mat Rescale(const cv::Mat& page, double scale) {
  if (std::abs(scale - 1.0) < 1e-3) return page.clone();
  cv::Mat out;
  cv::resize(page, out, cv::Size(), scale, scale, scale > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
  return out;
}

}  // namespace sohoa::clean
