// Dev tool: clean_dump [options] OUT_DIR IMAGE...
// Cleans each image and writes OUT_DIR/<stem>.png (the OCR copy), printing
// the page quality and the time of each step. Options:
//   --binarization=none|sauvola|otsu  --no-<step> (orientation, deskew,
//   borders, background, stamps, despeckle, resolution)  --dump=DIR
//   --repeat=N   clean each page N times and report each step's fastest run
//                (the machine is shared; the minimum is the least disturbed)
//   --osd=MODELS orientation by the OCR engine's detector (OSD, vie from
//                MODELS), as the runner does
//   --ocr=MODELS same, and read the cleaned page with the engine, printing
//                the OCR time and the cleaning/OCR ratio
//   --cv-threads=N  OpenCV's worker threads (default: its own, one per
//                core); 1 times each step on one core, as when every core
//                cleans and reads a page of its own in a batch
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>

#include "clean/clean.h"
#include "clean/steps.h"
#include "ocr/ocr.h"

int main(int argc, char** argv) {
  // One OpenMP thread per engine, as sohoa runs it. libgomp reads this only
  // at start-up (setting it here alone left OCR timed with OpenMP threads
  // spinning, about 4 times slower), so set it and start again.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);  // on failure, carry on with OpenMP as it is
  }
  sohoa::clean::Options options;
  std::vector<std::string> args;
  int repeat = 1;
  std::string models;
  bool read = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("--binarization=", 0) == 0) options.binarization = a.substr(15);
    else if (a.rfind("--dump=", 0) == 0) options.dump_dir = a.substr(7);
    else if (a.rfind("--repeat=", 0) == 0) repeat = std::max(1, std::atoi(a.c_str() + 9));
    else if (a.rfind("--osd=", 0) == 0) models = a.substr(6);
    else if (a.rfind("--ocr=", 0) == 0) models = a.substr(6), read = true;
    else if (a.rfind("--cv-threads=", 0) == 0) cv::setNumThreads(std::max(1, std::atoi(a.c_str() + 13)));
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
  std::unique_ptr<sohoa::ocr::Engine> engine;
  std::unique_ptr<sohoa::OrientationDetector> detector;
  if (!models.empty()) {
    sohoa::ocr::Options ocr_options;
    ocr_options.tessdata_dir = models;
    auto created = sohoa::ocr::Engine::Create(ocr_options);
    if (!created.ok()) {
      std::fprintf(stderr, "%s\n", created.status().ToString().c_str());
      return 1;
    }
    engine = std::move(*created);
    detector = engine->MakeOrientationDetector();
  }
  std::filesystem::create_directories(args[0]);
  sohoa::clean::Cleaner cleaner(options, detector.get());
  for (size_t i = 1; i < args.size(); ++i) {
    // Grey files stay grey, as intake reads them.
    cv::Mat mat = cv::imread(args[i], cv::IMREAD_ANYCOLOR);
    if (mat.empty()) {
      std::fprintf(stderr, "%s: cannot read\n", args[i].c_str());
      continue;
    }
    const sohoa::Image input = sohoa::clean::ToImage(mat);
    sohoa::Result<sohoa::CleanedPage> cleaned = sohoa::Status::Internal("not run");
    std::vector<std::string> order;
    std::map<std::string, double> fastest;
    double fastest_total = 0, fastest_wall = 0;
    for (int r = 0; r < repeat; ++r) {
      sohoa::clean::CleanReport report;
      // Handed over as the runner hands over a page it has read.
      sohoa::Image page = input;
      const auto t0 = std::chrono::steady_clock::now();
      cleaned = cleaner.Clean(std::move(page), &report);
      const double wall =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      fastest_wall = r == 0 ? wall : std::min(fastest_wall, wall);
      if (!cleaned.ok()) break;
      double total = 0;
      for (const auto& s : report.steps) {
        if (r == 0) order.push_back(s.step);
        fastest[s.step] = r == 0 ? s.ms : std::min(fastest[s.step], s.ms);
        total += s.ms;
      }
      fastest_total = r == 0 ? total : std::min(fastest_total, total);
    }
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
    std::printf("%s dpi=%.0f rot=%d skew=%.2f blur=%.0f contrast=%.2f noise=%.5f stamp=%.4f "
                "scale=%.2f rescan=%d [%s] |",
                stem.c_str(), q.estimated_dpi, q.rotation_deg, q.skew_deg, q.blur, q.contrast,
                q.noise, q.stamp_fraction, q.scale, q.rescan_suggested, q.warning.c_str());
    for (const auto& step : order) std::printf(" %s=%.0f", step.c_str(), fastest[step]);
    // total: the steps' sum; wall: the whole Clean() call (input and output copies too).
    std::printf(" total=%.0f wall=%.0f", fastest_total, fastest_wall);
    if (read) {
      const auto t0 = std::chrono::steady_clock::now();
      auto text = engine->Recognize(img, img.dpi);
      const double ocr_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (!text.ok()) {
        std::printf(" ocr=failed(%s)", text.status().ToString().c_str());
      } else {
        std::printf(" ocr=%.0f ratio=%.3f", ocr_ms, fastest_wall / ocr_ms);
      }
    }
    std::printf("\n");
    std::fflush(stdout);
  }
  return 0;
}
