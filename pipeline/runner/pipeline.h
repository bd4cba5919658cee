// runner: wires the stages. A file enters at intake and leaves read,
// extracted and (for ingest) filed. Files are spread over N worker threads;
// each worker owns its OCR engine, cleaner and text normaliser. One bad file
// is reported and skipped; it never stops the run.
// Thread-safety: Run() may be called from one thread at a time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/logger.h"
#include "core/page.h"
#include "core/status.h"
#include "runner/config.h"
#include "store/store.h"
#include "text/text.h"

namespace sohoa::runner {

enum class Mode {
  kOcr,      // read pages: text per page
  kExtract,  // read pages (or a text layer) and extract the document's fields
  kIngest,   // read, extract and file into the store
};

struct PageOutcome {
  PageText raw;           // as recognised
  PageText text;          // normalised/corrected
  std::vector<text::Correction> corrections;  // what correction changed in `text`, with reasons
  PageQuality quality;
  // Wall time of this page's cleaning (Cleaner::Clean) and of reading the
  // cleaned page (the engine's Recognize, tables included; not the received
  // stamp's own read).
  double clean_seconds = 0;
  double ocr_seconds = 0;
};

// What happened to one input file (= one document).
struct FileOutcome {
  std::string path;
  Status status;                       // not OK: the file was skipped, with the reason
  std::vector<PageOutcome> pages;
  DocumentFields fields;
  std::optional<store::FiledDocument> filed;
  bool from_text_layer = false;        // read from text, no OCR
  std::vector<std::string> warnings;   // e.g. "page 2: rescan suggested (blurred)"
  double seconds = 0;
};

struct RunSummary {
  int files = 0, succeeded = 0, failed = 0, already_filed = 0, pages = 0;
  double seconds = 0;
};

class Pipeline {
 public:
  // `store` is required for Mode::kIngest and borrowed; `logger` is borrowed.
  Pipeline(Config config, Logger* logger, store::DossierStore* store = nullptr);

  // Checks that the models can be loaded before a long run starts.
  Status Preflight() const;

  // Processes `files` in `mode`. `on_done` is called once per file as it
  // finishes, from one thread at a time, with its index in `files`.
  RunSummary Run(const std::vector<std::string>& files, Mode mode,
                 const std::function<void(size_t index, const FileOutcome&)>& on_done);

 private:
  Config config_;
  Logger* logger_;
  store::DossierStore* store_;
};

// Number of worker threads for `requested` (0 = cores) and `files` inputs.
int WorkerCount(int requested, size_t files);

}  // namespace sohoa::runner
