#include "synthetic_page.h"

#include <random>
#include <string>

#include <opencv2/imgproc.hpp>

namespace sohoa::clean::testing {

SyntheticPage MakeTextPage(int width, int height, unsigned seed) {
  static const char* kWords[] = {"ubnd",   "huyen", "quang", "dien",  "bao",   "cao",
                                 "tong",   "ket",   "chuong", "trinh", "cai",   "cach",
                                 "hanh",   "chinh", "phong", "noi",   "vu",    "Kinh",
                                 "gui",    "nam",   "2020",  "Thuc",  "hien",  "ke",
                                 "hoach",  "so",    "ngay",  "thang", "dep",   "gap",
                                 "lap",    "By",    "the",   "quy",   "dinh",  "tlqk"};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> pick(0, sizeof(kWords) / sizeof(kWords[0]) - 1);
  SyntheticPage page;
  page.line_pitch = 72;
  page.bgr = cv::Mat(height, width, CV_8UC3, cv::Scalar::all(255));
  page.text_mask = cv::Mat::zeros(height, width, CV_8U);
  const int left = width / 10, right = width - width / 12;
  for (int baseline = height / 8; baseline < height - height / 10; baseline += page.line_pitch) {
    int x = left;
    const int line_end = right - static_cast<int>(rng() % (width / 6));
    while (true) {
      const std::string word = kWords[pick(rng)];
      int base = 0;
      const cv::Size size = cv::getTextSize(word, cv::FONT_HERSHEY_SIMPLEX, 1.3, 3, &base);
      if (x + size.width > line_end) break;
      cv::putText(page.text_mask, word, {x, baseline}, cv::FONT_HERSHEY_SIMPLEX, 1.3,
                  cv::Scalar(255), 3, cv::LINE_AA);
      x += size.width + 24;
    }
  }
  cv::threshold(page.text_mask, page.text_mask, 127, 255, cv::THRESH_BINARY);
  page.bgr.setTo(cv::Scalar::all(20), page.text_mask);
  return page;
}

cv::Mat MakeMarkedLines(int width, int lines, unsigned seed) {
  static const char* kWords[] = {"ca'c",  "co'",    "qua^n", "ba'o", "ca`i",    "vie^.c",
                                 "Nguye^~n", "thi.", "xa~",  "ho^`", "ngu`o`i", "ky'",
                                 "Tru'o'ng", "Ba'n", "Lu'u", "VT",   "ta^'t",   "nha^.n"};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> pick(0, sizeof(kWords) / sizeof(kWords[0]) - 1);
  const int pitch = 72, top = 80;
  cv::Mat page(top + lines * pitch + 40, width, CV_8UC3, cv::Scalar::all(255));
  const int left = width / 10, right = width - width / 12;
  for (int line = 0; line < lines; ++line) {
    const int baseline = top + line * pitch;
    const int line_end = right - static_cast<int>(rng() % (width / 6));
    for (int x = left;;) {
      const std::string word = kWords[pick(rng)];
      int base = 0;
      const cv::Size size = cv::getTextSize(word, cv::FONT_HERSHEY_SIMPLEX, 1.3, 3, &base);
      if (x + size.width > line_end) break;
      cv::putText(page, word, {x, baseline}, cv::FONT_HERSHEY_SIMPLEX, 1.3, cv::Scalar::all(20), 3,
                  cv::LINE_AA);
      x += size.width + 24;
    }
  }
  return page;
}

cv::Mat MakeHeadlinePage(int width, int height, unsigned seed) {
  std::mt19937 rng(seed);
  cv::Mat page(height, width, CV_8U, cv::Scalar(255));
  const int left = width / 10, right = width - width / 12;
  for (int top = height / 8; top < height - height / 8; top += 72) {
    for (int x = left;;) {
      const int word = 90 + static_cast<int>(rng() % 120);
      if (x + word > right) break;
      cv::rectangle(page, cv::Rect(x, top, word, 5), cv::Scalar(0), cv::FILLED);
      for (int stem = x + 4, k = 0; stem + 4 < x + word; stem += 16, ++k) {
        cv::rectangle(page, cv::Rect(stem, top + 5, 4, 28), cv::Scalar(0), cv::FILLED);
        if (k % 3 == 1) cv::rectangle(page, cv::Rect(stem - 3, top + 36, 10, 10), cv::Scalar(0), cv::FILLED);
      }
      x += word + 24;
    }
  }
  return page;
}

void OverlayInk(cv::Mat& page, const cv::Mat& mask, const cv::Scalar& ink) {
  cv::Mat tinted;
  cv::multiply(page, cv::Scalar(ink[0] / 255.0, ink[1] / 255.0, ink[2] / 255.0), tinted);
  tinted.copyTo(page, mask);
}

}  // namespace sohoa::clean::testing
