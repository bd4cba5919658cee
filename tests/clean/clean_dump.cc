// Dev tool: clean_dump [options] OUT_DIR IMAGE...
// Cleans each image and writes OUT_DIR/<stem>.png (the OCR copy), printing
// the page quality and the time of each step. Options:
//   --binarization=none|sauvola|otsu  --no-<step> (orientation, deskew,
//   borders, background, stamps, despeckle, resolution)  --dump=DIR
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>

#include "clean/clean.h"
#include "clean/steps.h"

int main(int argc, char** argv) {
  sohoa::clean::Options options;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("--binarization=", 0) == 0) options.binarization = a.substr(15);
    else if (a.rfind("--dump=", 0) == 0) options.dump_dir = a.substr(7);
    else if (a == "--no-orientation") options.orientation = false;
    else if (a == "--no-deskew") options.deskew = false;
    else if (a == "--no-borders") options.remove_borders = false;
    else if (a == "--no-background") options.flatten_background = false;
    else if (a == "--no-stamps") options.suppress_stamps = false;
    else if (a == "--no-despeckle") options.despeckle = false;
    else if (a == "--no-resolution") options.target_dpi = 0;
    else args.push_back(a);
  }
  if (args.size() < 2) {
    std::fprintf(stderr, "usage: clean_dump [options] OUT_DIR IMAGE...\n");
    return 2;
  }
  std::filesystem::create_directories(args[0]);
  sohoa::clean::Cleaner cleaner(options);
  for (size_t i = 1; i < args.size(); ++i) {
    cv::Mat mat = cv::imread(args[i], cv::IMREAD_COLOR);
    if (mat.empty()) {
      std::fprintf(stderr, "%s: cannot read\n", args[i].c_str());
      continue;
    }
    sohoa::clean::CleanReport report;
    auto cleaned = cleaner.Clean(sohoa::clean::ToImage(mat), &report);
    if (!cleaned.ok()) {
      std::fprintf(stderr, "%s: %s\n", args[i].c_str(), cleaned.status().ToString().c_str());
      continue;
    }
    const auto& img = cleaned->ocr;
    cv::Mat out(img.height, img.width, CV_8UC(img.channels),
                const_cast<uint8_t*>(img.pixels.data()));
    const std::string stem = std::filesystem::path(args[i]).stem().string();
    cv::imwrite((std::filesystem::path(args[0]) / (stem + ".png")).string(), out);
    // PNG written by OpenCV carries no resolution: tell the OCR run (tesseract --dpi).
    if (FILE* f = std::fopen((std::filesystem::path(args[0]) / (stem + ".dpi")).c_str(), "w")) {
      std::fprintf(f, "%.0f\n", img.dpi);
      std::fclose(f);
    }
    const auto& q = cleaned->quality;
    std::printf("%s dpi=%.0f rot=%d skew=%.2f blur=%.0f contrast=%.2f noise=%.3f stamp=%.4f "
                "scale=%.2f rescan=%d [%s] |",
                stem.c_str(), q.estimated_dpi, q.rotation_deg, q.skew_deg, q.blur, q.contrast,
                q.noise, q.stamp_fraction, q.scale, q.rescan_suggested, q.warning.c_str());
    double total = 0;
    for (const auto& s : report.steps) {
      std::printf(" %s=%.0f", s.step.c_str(), s.ms);
      total += s.ms;
    }
    std::printf(" total=%.0f\n", total);
  }
  return 0;
}
