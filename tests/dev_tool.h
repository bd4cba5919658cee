// Shared by the dev tools that read pages through the real pipeline
// (tests/extract/page_dump, tests/text/ocr_dump): their arguments and the
// configuration they run with.
#pragma once

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "runner/config.h"

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

}  // namespace sohoa::devtool
