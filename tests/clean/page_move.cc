// Dev-only: page_move DX DY IN OUT — writes image IN moved DX px right and DY
// px down (the edge rows and columns repeated, the size kept) to OUT,
// losslessly (PNG). The benchmark reads pages moved by a pixel or a few to
// see how much a page's reading depends on where its pixels fall.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: page_move DX DY IN OUT.png\n");
    return 2;
  }
  const int dx = std::atoi(argv[1]), dy = std::atoi(argv[2]);
  if (dx < 0 || dy < 0 || dx > 64 || dy > 64) {
    std::fprintf(stderr, "page_move: DX and DY are 0-64 px\n");
    return 2;
  }
  const cv::Mat page = cv::imread(argv[3], cv::IMREAD_UNCHANGED);
  if (page.empty()) {
    std::fprintf(stderr, "page_move: cannot read %s\n", argv[3]);
    return 1;
  }
  cv::Mat grown;
  cv::copyMakeBorder(page, grown, dy, 0, dx, 0, cv::BORDER_REPLICATE);
  if (!cv::imwrite(argv[4], grown(cv::Rect(0, 0, page.cols, page.rows)))) {
    std::fprintf(stderr, "page_move: cannot write %s\n", argv[4]);
    return 1;
  }
  return 0;
}
