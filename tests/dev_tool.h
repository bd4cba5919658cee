// Shared by the dev tools that read pages through the real pipeline
// (tests/extract/page_dump, tests/text/ocr_dump): their arguments and the
// configuration they run with.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "core/logger.h"
#include "runner/config.h"
#include "runner/pipeline.h"

namespace sohoa::devtool {

struct Args {
  std::string config_path = "config/sohoa.toml";
  std::string out_dir;
  std::vector<std::string> files;
};

// "[--config FILE] --out DIR FILE..."; nullopt, with the usage printed, when
// the output folder or the files are missing.
inline std::optional<Args> ParseArgs(int argc, char** argv, const char* tool) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--config" && i + 1 < argc) {
      args.config_path = argv[++i];
    } else if (arg == "--out" && i + 1 < argc) {
      args.out_dir = argv[++i];
    } else {
      args.files.push_back(arg);
    }
  }
  if (args.out_dir.empty() || args.files.empty()) {
    std::cerr << "usage: " << tool << " [--config FILE] --out DIR FILE...\n";
    return std::nullopt;
  }
  return args;
}

// The configuration, its relative model paths taken from the project folder
// the configuration file sits in (so the tool runs from any folder);
// nullopt, with the reason printed, when it does not load.
inline std::optional<runner::Config> LoadConfig(const std::string& path) {
  auto config = runner::LoadConfig(path);
  if (!config.ok()) {
    std::cerr << config.status().ToString() << "\n";
    return std::nullopt;
  }
  namespace fs = std::filesystem;
  const fs::path home = fs::absolute(path).parent_path().parent_path();
  for (std::string* p : {&config->ocr.tessdata_dir, &config->text.bigram_model_path}) {
    if (!p->empty() && fs::path(*p).is_relative()) *p = (home / *p).string();
  }
  return *config;
}

// The whole tool: parses the arguments, reads the files through the pipeline
// (clean, ocr, text) and hands `write` each page with the path to write it
// to, without extension: OUT/<stem> for one page, OUT/<stem>_pNN for more.
// Returns the exit code: 0, 1 when a file failed, 2 for a usage or
// configuration error.
inline int ReadPagesThroughPipeline(
    int argc, char** argv, const char* tool,
    const std::function<void(const runner::PageOutcome&, const std::string& base)>& write) {
  const std::optional<Args> args = ParseArgs(argc, argv, tool);
  if (!args) return 2;
  std::optional<runner::Config> config = LoadConfig(args->config_path);
  if (!config) return 2;
  namespace fs = std::filesystem;
  fs::create_directories(args->out_dir);
  NullLogger logger;
  runner::Pipeline pipeline(*config, &logger);
  int failed = 0;
  pipeline.Run(args->files, runner::Mode::kOcr, [&](size_t, const runner::FileOutcome& out) {
    if (!out.status.ok()) {
      std::cerr << out.path << ": " << out.status.ToString() << "\n";
      ++failed;
      return;
    }
    const std::string stem = fs::path(out.path).stem().string();
    for (size_t i = 0; i < out.pages.size(); ++i) {
      char suffix[32] = "";
      if (out.pages.size() > 1) std::snprintf(suffix, sizeof suffix, "_p%02zu", i + 1);
      write(out.pages[i], (fs::path(args->out_dir) / (stem + suffix)).string());
    }
  });
  return failed ? 1 : 0;
}

}  // namespace sohoa::devtool
