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
#include "dev_tool.h"
#include "runner/config.h"
#include "runner/pipeline.h"

int main(int argc, char** argv) {
  const std::optional<sohoa::devtool::Args> args = sohoa::devtool::ParseArgs(argc, argv, "ocr_dump");
  if (!args) return 2;
  std::optional<sohoa::runner::Config> config = sohoa::devtool::LoadConfig(args->config_path);
  if (!config) return 2;
  namespace fs = std::filesystem;
  const std::string& out_dir = args->out_dir;
  const std::vector<std::string>& files = args->files;
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
