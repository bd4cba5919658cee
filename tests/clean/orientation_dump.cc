// Dev tool: orientation_dump [--truth=CW] IMAGE...
// For each image in its four quarter turns, prints the geometric evidence the
// cleaner weighs before asking OSD: the line-direction strip areas and, once
// the lines are turned level and deskewed, the ink above and below the
// x-height band. With --truth (the clockwise turn that sets the image
// upright; default 0), says whether each guess is right.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

int main(int argc, char** argv) {
  using namespace sohoa::clean;
  int truth = 0;
  std::vector<std::string> images;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("--truth=", 0) == 0) truth = std::atoi(a.c_str() + 8);
    else images.push_back(a);
  }
  for (const std::string& path : images) {
    cv::Mat page = cv::imread(path, cv::IMREAD_ANYCOLOR);
    if (page.empty()) {
      std::fprintf(stderr, "%s: cannot read\n", path.c_str());
      continue;
    }
    // The cleaner's analysis copy: stamps out, reduced, borders and shading gone.
    cv::Mat grey = ToGrey(page);
    if (page.channels() == 3) grey = SuppressStamps(page, grey);
    const int longest = std::max(grey.cols, grey.rows);
    if (longest > 2264) {
      const double f = 2264.0 / longest;
      cv::resize(grey, grey, cv::Size(), f, f, cv::INTER_LINEAR);
    }
    grey = FlattenBackground(RemoveBorders(grey));
    for (int k = 0; k < 4; ++k) {
      const cv::Mat turned = RotateQuarterTurns(grey, 90 * k);
      const int want = ((truth - 90 * k) % 360 + 360) % 360;
      const LineDirection d = MeasureLineDirection(turned);
      const int level_turn = d.horizontal() ? 0 : 90;
      const bool direction_right = level_turn % 180 == want % 180;
      cv::Mat level = RotateQuarterTurns(turned, level_turn);
      level = RotateBy(level, -EstimateSkew(level));
      const UprightEvidence u = MeasureUpright(level);
      const bool upside_truth = ((want - level_turn + 360) % 360) == 180;
      const double lo = std::min(d.horizontal_area, d.vertical_area);
      const double hi = std::max(d.horizontal_area, d.vertical_area);
      std::printf("%s\tk=%d\tdir_ratio=%.2f\tdir_ok=%d\tlines=%d\tabove/below=%.3f\tupside=%d\tside_share=%.3f\tstrips=%d\theadline=%.3f\n",
                  path.substr(path.rfind('/') + 1).c_str(), k, lo > 0 ? hi / lo : 99.0,
                  direction_right ? 1 : 0, u.lines, u.below > 0 ? u.above / u.below : 99.0,
                  upside_truth ? 1 : 0, u.ink > 0 ? std::max(u.above, u.below) / u.ink : 0.0,
                  std::max(d.horizontal_strips, d.vertical_strips), u.headline);
    }
  }
  return 0;
}
