// Configuration: one typed Options struct per stage, defaults in code,
// overridden by config/sohoa.toml (one table per stage; unknown keys are
// errors), then by command-line flags.
#pragma once

#include <string>

#include "clean/clean.h"
#include "core/status.h"
#include "extract/extract.h"
#include "intake/intake.h"
#include "ocr/ocr.h"
#include "store/store.h"
#include "text/text.h"

namespace sohoa::runner {

struct RunnerOptions {
  int workers = 0;           // worker threads; 0 = one per core
  std::string dossier;       // dossier code documents are filed into; empty = default dossier
};

struct Config {
  intake::Options intake;
  clean::Options clean;
  ocr::Options ocr;
  text::Options text;
  extract::Options extract;
  store::Options store;
  RunnerOptions runner;
};

// Reads a TOML file over the defaults. Errors: NotFound for a missing file,
// InvalidArgument naming the key for syntax errors, unknown keys, wrong types.
Result<Config> LoadConfig(const std::string& path);

// Same, from TOML text (for tests and embedded defaults).
Result<Config> ParseConfig(const std::string& toml_text, const std::string& origin);

}  // namespace sohoa::runner
