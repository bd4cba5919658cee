// Dev tool: reads page images through the real pipeline (intake, clean, ocr)
// and writes each page as recognised, before any text correction, with the
// recogniser's per-character choices (page_words.h), so that
// `text_correct_dir` can correct the same pages again and again without OCR.
//   ocr_dump [--config FILE] --out DIR FILE...
// Writes DIR/<stem>.words (one page) or DIR/<stem>_pNN.words (multi-page input).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/logger.h"
#include "page_words.h"
#include "runner/config.h"
#include "runner/pipeline.h"

int main(int argc, char** argv) {
  std::string config_path = "config/sohoa.toml", out_dir;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--config" && i + 1 < argc) {
      config_path = argv[++i];
    } else if (arg == "--out" && i + 1 < argc) {
      out_dir = argv[++i];
    } else {
      files.push_back(arg);
    }
  }
  if (out_dir.empty() || files.empty()) {
    std::cerr << "usage: ocr_dump [--config FILE] --out DIR FILE...\n";
    return 2;
  }
  auto config = sohoa::runner::LoadConfig(config_path);
  if (!config.ok()) {
    std::cerr << config.status().ToString() << "\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path home = fs::absolute(config_path).parent_path().parent_path();
  if (fs::path(config->ocr.tessdata_dir).is_relative())
    config->ocr.tessdata_dir = (home / config->ocr.tessdata_dir).string();
  if (fs::path(config->text.bigram_model_path).is_relative() && !config->text.bigram_model_path.empty())
    config->text.bigram_model_path = (home / config->text.bigram_model_path).string();
  fs::create_directories(out_dir);
  sohoa::NullLogger logger;
  sohoa::runner::Pipeline pipeline(*config, &logger);
  int failed = 0;
  pipeline.Run(files, sohoa::runner::Mode::kOcr, [&](size_t, const sohoa::runner::FileOutcome& out) {
    if (!out.status.ok()) {
      std::cerr << out.path << ": " << out.status.ToString() << "\n";
      ++failed;
      return;
    }
    const std::string stem = fs::path(out.path).stem().string();
    for (size_t i = 0; i < out.pages.size(); ++i) {
      char suffix[32] = "";
      if (out.pages.size() > 1) std::snprintf(suffix, sizeof suffix, "_p%02zu", i + 1);
      std::ofstream f(fs::path(out_dir) / (stem + suffix + ".words"), std::ios::binary);
      sohoa::text::dev::WritePageWords(out.pages[i].raw, f);
    }
  });
  return failed ? 1 : 0;
}
