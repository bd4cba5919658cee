// sohoa: the command-line front end. Thin: parses flags, builds the typed
// configuration, runs the pipeline and prints. Exit codes:
//   0 every input succeeded, 1 some input failed, 2 usage or configuration
//   error, 3 setup problem (model or store unavailable).
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/logger.h"
#include "export/searchable_pdf.h"
#include "extract/extract.h"
#include "intake/intake.h"
#include "runner/config.h"
#include "runner/pipeline.h"
#include "store/store.h"
#include "text/text.h"

namespace sohoa::cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr int kExitOk = 0, kExitInputFailed = 1, kExitUsage = 2, kExitSetup = 3;

class SpdLogger final : public Logger {
 public:
  explicit SpdLogger(LogLevel level) : level_(level) {
    logger_ = spdlog::stderr_color_mt("sohoa");
    logger_->set_pattern("%Y-%m-%d %H:%M:%S %^%l%$ %v");
    logger_->set_level(spdlog::level::trace);
  }
  bool Enabled(LogLevel level) const override { return level >= level_; }
  void Log(LogLevel level, std::string_view m) override {
    switch (level) {
      case LogLevel::kDebug: logger_->debug(m); break;
      case LogLevel::kInfo: logger_->info(m); break;
      case LogLevel::kWarn: logger_->warn(m); break;
      case LogLevel::kError: logger_->error(m); break;
    }
  }

 private:
  LogLevel level_;
  std::shared_ptr<spdlog::logger> logger_;
};

// Where config/ and models/ live: $SOHOA_HOME, else the checkout the program
// was built in (build/sohoa -> ..), else the current folder.
fs::path ProjectHome() {
  if (const char* home = std::getenv("SOHOA_HOME")) return fs::path(home);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (fs::exists(dir / "config" / "sohoa.toml")) return dir;
    }
  }
  return fs::current_path();
}

std::string Or(const std::optional<std::string>& v, const char* dash = "-") { return v ? *v : dash; }

// The evaluation contract's per-document object (read by score_fields.py).
json FieldsJson(const DocumentFields& f) { return json::parse(extract::FieldsToJson(f)); }

std::string Stem(const std::string& path) { return fs::path(path).stem().string(); }

// The evaluation contract: <dir>/<stem>.txt for a single page,
// <dir>/<stem>_pNN.txt for each page of a multi-page input.
bool WritePageTexts(const std::string& dir, const runner::FileOutcome& out) {
  const std::string stem = Stem(out.path);
  bool ok = true;
  for (size_t i = 0; i < out.pages.size(); ++i) {
    char suffix[32] = "";  // "_pNN" (room for any size_t: no truncation warning)
    if (out.pages.size() > 1) std::snprintf(suffix, sizeof suffix, "_p%02zu", i + 1);
    std::ofstream f(fs::path(dir) / (stem + suffix + ".txt"), std::ios::binary);
    f << out.pages[i].text.PlainText();
    ok = ok && static_cast<bool>(f);
  }
  return ok;
}

// `--timings FILE`: one row per page read from an image, with the wall
// time of cleaning it and of reading the cleaned page.
class TimingsFile {
 public:
  Status Open(const std::string& path) {
    if (path.empty()) return Status::Ok();
    f_.open(path, std::ios::binary | std::ios::trunc);
    if (!f_) return Status::InvalidArgument("cannot write " + path);
    f_ << "input\tpage\tclean_ms\tocr_ms\n";
    return Status::Ok();
  }
  // False when the file could not be written.
  bool Add(const runner::FileOutcome& out) {
    if (!f_.is_open() || out.from_text_layer) return true;
    for (size_t i = 0; i < out.pages.size(); ++i) {
      f_ << Stem(out.path) << '\t' << i + 1 << '\t' << 1000 * out.pages[i].clean_seconds << '\t'
         << 1000 * out.pages[i].ocr_seconds << '\n';
    }
    f_.flush();
    return static_cast<bool>(f_);
  }

 private:
  std::ofstream f_;
};

Status MakeDir(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::InvalidArgument("cannot create " + dir + ": " + ec.message());
  return Status::Ok();
}

struct Common {
  std::string config_path;
  std::string store_dir;
  int workers = 0;
  bool quiet = false;
  bool verbose = false;
};

class App {
 public:
  int Main(int argc, char** argv);

 private:
  Status LoadConfiguration();
  int Ingest();
  int Search();
  int Show();
  int Export();
  int Ocr();
  int Extract();
  Result<std::unique_ptr<store::DossierStore>> OpenStore();
  Result<std::vector<std::string>> ListInputs();
  std::optional<store::StoredDocument> ReadFiled(int* exit_code);
  void Progress(size_t done, size_t total, const std::string& line);

  Common common_;
  runner::Config config_;
  std::unique_ptr<Logger> logger_;
  fs::path home_;

  std::vector<std::string> inputs_;
  std::string dossier_, text_dir_, query_, issuer_, type_, from_, to_, pdf_out_, dump_dir_, timings_;
  bool json_ = false;
  int limit_ = 20;
  int64_t id_ = 0;
};

Status App::LoadConfiguration() {
  home_ = ProjectHome();
  fs::path cfg = common_.config_path.empty() ? home_ / "config" / "sohoa.toml" : fs::path(common_.config_path);
  if (fs::exists(cfg) || !common_.config_path.empty()) {
    SOHOA_ASSIGN_OR_RETURN(config_, runner::LoadConfig(cfg.string()));
  }
  // Relative model folders are relative to the project home, not the caller's folder.
  if (fs::path(config_.ocr.tessdata_dir).is_relative()) {
    config_.ocr.tessdata_dir = (home_ / config_.ocr.tessdata_dir).string();
  }
  if (!config_.text.bigram_model_path.empty() && fs::path(config_.text.bigram_model_path).is_relative()) {
    config_.text.bigram_model_path = (home_ / config_.text.bigram_model_path).string();
  }
  if (!common_.store_dir.empty()) config_.store.dir = common_.store_dir;
  if (common_.workers > 0) config_.runner.workers = common_.workers;
  if (!dossier_.empty()) config_.runner.dossier = dossier_;
  return Status::Ok();
}

Result<std::unique_ptr<store::DossierStore>> App::OpenStore() {
  return store::OpenSqliteStore(config_.store);
}

// Files to process; says once how many files inside folders were passed over
// because their names are not those of inputs (README, sidecar JSON, ...).
Result<std::vector<std::string>> App::ListInputs() {
  SOHOA_ASSIGN_OR_RETURN(intake::InputFiles inputs, intake::ExpandInputs(inputs_));
  if (!inputs.skipped.empty()) {
    std::cerr << "sohoa: passed over " << inputs.skipped.size()
              << " file(s) in folders that are not page images, PDFs or .txt (first: " << inputs.skipped.front()
              << ")\n";
  }
  if (inputs.files.empty()) return Status::InvalidArgument("no input files found");
  return std::move(inputs.files);
}

void App::Progress(size_t done, size_t total, const std::string& line) {
  std::cout << "[" << done << "/" << total << "] " << line << std::endl;
}

std::string DocumentLine(const runner::FileOutcome& out) {
  const DocumentFields& f = out.fields;
  std::string s = out.path + "  " + (f.number ? f.number->printed : "-") + "  " +
                  (f.date ? f.date->Iso() : "-") + "  " + Or(f.issuer) + "  " + Or(f.doc_type) + "  " +
                  std::to_string(out.pages.size()) + (out.pages.size() == 1 ? " page" : " pages");
  return s;
}

int App::Ingest() {
  auto files = ListInputs();
  if (!files.ok()) {
    std::cerr << "sohoa: " << files.status().message() << "\n";
    return kExitUsage;
  }
  auto store = OpenStore();
  if (!store.ok()) {
    std::cerr << "sohoa: cannot open the store: " << store.status().ToString() << "\n";
    return kExitSetup;
  }
  runner::Pipeline pipeline(config_, logger_.get(), store->get());
  if (Status s = pipeline.Preflight(); !s.ok()) {
    std::cerr << "sohoa: " << s.ToString() << "\n";
    return kExitSetup;
  }
  size_t done = 0;
  auto summary = pipeline.Run(*files, runner::Mode::kIngest, [&](size_t, const runner::FileOutcome& out) {
    ++done;
    if (!out.status.ok()) {
      Progress(done, files->size(), "FAILED " + out.path + ": " + out.status.message());
      return;
    }
    if (out.filed && out.filed->already_filed) {
      Progress(done, files->size(), "SKIP   " + out.path + ": already filed as #" + std::to_string(out.filed->id));
      return;
    }
    Progress(done, files->size(), "FILED  #" + std::to_string(out.filed ? out.filed->id : 0) + "  " + DocumentLine(out));
    for (const std::string& w : out.warnings) std::cout << "       warning: " << w << "\n";
  });
  std::cout << "ingested " << summary.succeeded << " document(s), " << summary.pages << " page(s); "
            << summary.already_filed << " already filed; " << summary.failed << " failed; "
            << summary.seconds << " s; store " << config_.store.dir << "\n";
  return summary.failed == 0 ? kExitOk : kExitInputFailed;
}

int App::Search() {
  auto store = OpenStore();
  if (!store.ok()) {
    std::cerr << "sohoa: cannot open the store: " << store.status().ToString() << "\n";
    return kExitSetup;
  }
  auto normalizer = text::TextNormalizer::Create(config_.text);
  if (!normalizer.ok()) {
    std::cerr << "sohoa: " << normalizer.status().ToString() << "\n";
    return kExitSetup;
  }
  store::SearchQuery q;
  q.folded_text = (*normalizer)->SearchKey(query_);
  q.folded_issuer = (*normalizer)->SearchKey(issuer_);
  q.folded_type = (*normalizer)->SearchKey(type_);
  q.from_date = from_;
  q.to_date = to_;
  q.limit = limit_;
  auto hits = (*store)->Search(q);
  if (!hits.ok()) {
    std::cerr << "sohoa: search failed: " << hits.status().ToString() << "\n";
    return hits.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitSetup;
  }
  if (json_) {
    json arr = json::array();
    for (const auto& h : *hits) {
      arr.push_back({{"id", h.id}, {"number", h.number}, {"date", h.date}, {"issuer", h.issuer},
                     {"doc_type", h.doc_type}, {"subject", h.subject}, {"snippet", h.snippet}, {"score", h.score}});
    }
    std::cout << arr.dump(1) << "\n";
    return kExitOk;
  }
  for (const auto& h : *hits) {
    std::cout << "#" << h.id << "  " << (h.number.empty() ? "-" : h.number) << "  "
              << (h.date.empty() ? "-" : h.date) << "  " << (h.issuer.empty() ? "-" : h.issuer) << "  "
              << (h.doc_type.empty() ? "-" : h.doc_type) << "\n    " << h.snippet << "\n";
  }
  std::cout << hits->size() << " document(s) found\n";
  return kExitOk;
}

// Reads filed document id_; on failure says why and sets the exit code.
std::optional<store::StoredDocument> App::ReadFiled(int* exit_code) {
  auto store = OpenStore();
  if (!store.ok()) {
    std::cerr << "sohoa: cannot open the store: " << store.status().ToString() << "\n";
    *exit_code = kExitSetup;
    return std::nullopt;
  }
  auto doc = (*store)->Get(id_);
  if (!doc.ok()) {
    std::cerr << "sohoa: " << doc.status().message() << "\n";
    *exit_code = kExitInputFailed;
    return std::nullopt;
  }
  return std::move(doc).value();
}

int App::Show() {
  int exit_code = kExitOk;
  auto doc = ReadFiled(&exit_code);
  if (!doc) return exit_code;
  json j = FieldsJson(doc->fields);
  j["id"] = doc->id;
  j["dossier"] = doc->dossier_code;
  j["source"] = doc->source_path;
  j["sha256"] = doc->source_sha256;
  j["filed_at"] = doc->filed_at;
  j["pages"] = doc->pages.size();
  if (json_) {
    json pages = json::array();
    for (const auto& p : doc->pages) {
      pages.push_back({{"index", p.index}, {"text", p.text}, {"rescan_suggested", p.quality.rescan_suggested}});
    }
    j["page_texts"] = pages;
    std::cout << j.dump(1) << "\n";
    return kExitOk;
  }
  for (auto& [k, v] : j.items()) {
    if (v.is_null() || (v.is_array() && v.empty())) continue;
    std::cout << k << ": " << (v.is_string() ? v.get<std::string>() : v.dump()) << "\n";
  }
  for (const auto& p : doc->pages) {
    std::cout << "\n--- page " << p.index + 1 << " ---\n" << p.text;
  }
  return kExitOk;
}

int App::Export() {
  int exit_code = kExitOk;
  auto doc = ReadFiled(&exit_code);
  if (!doc) return exit_code;
  std::vector<pdf::PdfPage> pages;
  for (const auto& p : doc->pages) {
    pdf::PdfPage page;
    page.jpeg = p.upright_jpeg;
    page.width = p.width;
    page.height = p.height;
    page.dpi = p.dpi > 0 ? p.dpi : 300;
    page.words = p.words;
    pages.push_back(std::move(page));
  }
  pdf::Metadata meta;
  meta.title = doc->fields.number ? doc->fields.number->printed : Stem(doc->source_path);
  meta.subject = doc->fields.subject.value_or("");
  meta.author = doc->fields.issuer.value_or("");
  auto bytes = pdf::BuildSearchablePdf(pages, meta);
  if (!bytes.ok()) {
    std::cerr << "sohoa: cannot build the PDF: " << bytes.status().message() << "\n";
    return kExitInputFailed;
  }
  const fs::path tmp = pdf_out_ + ".part";
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    if (!out) {
      std::cerr << "sohoa: cannot write " << pdf_out_ << "\n";
      return kExitInputFailed;
    }
  }
  fs::rename(tmp, pdf_out_);
  std::cout << "wrote " << pdf_out_ << " (" << pages.size() << " page(s), " << bytes->size() << " bytes)\n";
  return kExitOk;
}

int App::Ocr() {
  auto files = ListInputs();
  if (!files.ok()) {
    std::cerr << "sohoa: " << files.status().message() << "\n";
    return kExitUsage;
  }
  if (Status s = MakeDir(text_dir_); !s.ok()) {
    std::cerr << "sohoa: " << s.message() << "\n";
    return kExitUsage;
  }
  if (!dump_dir_.empty()) {
    // One page's steps per folder: several inputs would overwrite each other.
    if (files->size() != 1) {
      std::cerr << "sohoa: --dump-dir takes exactly one input file\n";
      return kExitUsage;
    }
    config_.clean.dump_dir = dump_dir_;
    config_.runner.workers = 1;
  }
  TimingsFile timings;
  if (Status s = timings.Open(timings_); !s.ok()) {
    std::cerr << "sohoa: " << s.message() << "\n";
    return kExitUsage;
  }
  runner::Pipeline pipeline(config_, logger_.get());
  if (Status s = pipeline.Preflight(); !s.ok()) {
    std::cerr << "sohoa: " << s.ToString() << "\n";
    return kExitSetup;
  }
  size_t done = 0;
  bool write_failed = false;
  auto summary = pipeline.Run(*files, runner::Mode::kOcr, [&](size_t, const runner::FileOutcome& out) {
    ++done;
    if (!out.status.ok()) {
      Progress(done, files->size(), "FAILED " + out.path + ": " + out.status.message());
      return;
    }
    write_failed = !WritePageTexts(text_dir_, out) || write_failed;
    write_failed = !timings.Add(out) || write_failed;
    Progress(done, files->size(), "OK     " + out.path + "  " + std::to_string(out.pages.size()) + " page(s), " +
                                      std::to_string(out.seconds).substr(0, 5) + " s");
  });
  std::cerr << summary.pages << " page(s) in " << summary.seconds << " s ("
            << (summary.seconds > 0 ? summary.pages / summary.seconds : 0) << " page/s); " << summary.failed
            << " failed\n";
  if (write_failed) return kExitInputFailed;
  return summary.failed == 0 ? kExitOk : kExitInputFailed;
}

int App::Extract() {
  auto files = ListInputs();
  if (!files.ok()) {
    std::cerr << "sohoa: " << files.status().message() << "\n";
    return kExitUsage;
  }
  if (!text_dir_.empty()) {
    if (Status s = MakeDir(text_dir_); !s.ok()) {
      std::cerr << "sohoa: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  TimingsFile timings;
  if (Status s = timings.Open(timings_); !s.ok()) {
    std::cerr << "sohoa: " << s.message() << "\n";
    return kExitUsage;
  }
  runner::Pipeline pipeline(config_, logger_.get());
  if (Status s = pipeline.Preflight(); !s.ok()) {
    std::cerr << "sohoa: " << s.ToString() << "\n";
    return kExitSetup;
  }
  bool write_failed = false;
  std::vector<json> results(files->size());
  std::vector<bool> ok(files->size(), false);
  size_t done = 0;
  auto summary = pipeline.Run(*files, runner::Mode::kExtract, [&](size_t i, const runner::FileOutcome& out) {
    ++done;
    if (!out.status.ok()) {
      std::cerr << "[" << done << "/" << files->size() << "] FAILED " << out.path << ": " << out.status.message() << "\n";
      return;
    }
    results[i] = FieldsJson(out.fields);
    ok[i] = true;
    if (!text_dir_.empty()) write_failed = !WritePageTexts(text_dir_, out) || write_failed;
    write_failed = !timings.Add(out) || write_failed;
    if (!json_) Progress(done, files->size(), "OK     " + DocumentLine(out));
  });
  if (json_) {
    json all = json::object();
    for (size_t i = 0; i < files->size(); ++i) {
      if (ok[i]) all[Stem((*files)[i])] = results[i];
    }
    std::cout << all.dump(1) << "\n";
  }
  std::cerr << summary.pages << " page(s) in " << summary.seconds << " s; " << summary.failed << " failed\n";
  if (write_failed) return kExitInputFailed;
  return summary.failed == 0 ? kExitOk : kExitInputFailed;
}

int App::Main(int argc, char** argv) {
  CLI::App app{"sohoa: scanned Vietnamese administrative documents -> a searchable dossier store"};
  app.set_version_flag("--version", "sohoa 0.1.0");
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 every input succeeded (a file already filed counts as success), 1 some input\n"
      "failed (one line each, the run goes on), 2 usage or configuration error, 3 setup problem\n"
      "(model missing, store cannot be opened). Each command has --help.");
  app.add_option("--config", common_.config_path, "configuration file (default: config/sohoa.toml)");
  app.add_option("--store", common_.store_dir, "store folder (default from config: sohoa-store)");
  app.add_option("-j,--workers", common_.workers, "worker threads (default: one per core)");
  app.add_flag("-q,--quiet", common_.quiet, "only warnings and errors on stderr");
  app.add_flag("-v,--verbose", common_.verbose, "debug logging");

  auto* ingest = app.add_subcommand("ingest", "read scans and file them into the store");
  ingest->add_option("paths", inputs_, "files and folders (PNG, JPEG, TIFF, PDF)")->required();
  ingest->add_option("--dossier", dossier_, "dossier code to file into (default: the default dossier)");

  auto* search = app.add_subcommand("search", "find filed documents, with or without diacritics");
  search->add_option("query", query_, "words to find (e.g. 'cai cach hanh chinh')");
  search->add_option("--issuer", issuer_, "issuing body contains this");
  search->add_option("--type", type_, "document type contains this (e.g. 'bao cao')");
  search->add_option("--from", from_, "issued on or after this date (YYYY-MM-DD)");
  search->add_option("--to", to_, "issued on or before this date (YYYY-MM-DD)");
  search->add_option("--limit", limit_, "at most this many results")->check(CLI::PositiveNumber);
  search->add_flag("--json", json_, "print JSON");

  auto* show = app.add_subcommand("show", "print a filed document's fields and text");
  show->add_option("id", id_, "document id")->required();
  show->add_flag("--json", json_, "print JSON");

  auto* exportcmd = app.add_subcommand("export", "write a filed document as a searchable PDF");
  exportcmd->add_option("id", id_, "document id")->required();
  exportcmd->add_option("--pdf", pdf_out_, "output PDF file")->required();

  auto* ocr = app.add_subcommand("ocr", "read pages and write their text (no store)");
  ocr->add_option("--text-dir", text_dir_, "folder for <stem>.txt / <stem>_pNN.txt")->required();
  ocr->add_option("--dump-dir", dump_dir_,
                  "write each cleaning step's image of the one input here (NN_step.png; "
                  "for a multi-page file, its last page)");
  ocr->add_option("--timings", timings_,
                  "write a TSV here: input, page, clean_ms, ocr_ms (wall time of cleaning each page "
                  "and of reading it)");
  ocr->add_option("inputs", inputs_, "files and folders")->required();

  auto* extract = app.add_subcommand("extract", "read documents and print their fields (no store)");
  extract->add_option("inputs", inputs_, "files and folders (scans, PDFs, .txt)")->required();
  extract->add_flag("--json", json_, "print one JSON object keyed by input stem");
  extract->add_option("--text-dir", text_dir_, "also write each page's text here, as `ocr` does");
  extract->add_option("--timings", timings_, "write each page's cleaning and reading time here, as `ocr` does");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }

  logger_ = std::make_unique<SpdLogger>(common_.verbose ? LogLevel::kDebug
                                        : common_.quiet ? LogLevel::kWarn
                                                        : LogLevel::kInfo);
  if (Status s = LoadConfiguration(); !s.ok()) {
    std::cerr << "sohoa: " << s.message() << "\n";
    return kExitUsage;
  }
  if (!from_.empty() && from_.size() != 10) {
    std::cerr << "sohoa: --from must be YYYY-MM-DD\n";
    return kExitUsage;
  }
  if (!to_.empty() && to_.size() != 10) {
    std::cerr << "sohoa: --to must be YYYY-MM-DD\n";
    return kExitUsage;
  }
  if (ingest->parsed()) return Ingest();
  if (search->parsed()) return Search();
  if (show->parsed()) return Show();
  if (exportcmd->parsed()) return Export();
  if (ocr->parsed()) return Ocr();
  if (extract->parsed()) return Extract();
  return kExitUsage;
}

}  // namespace
}  // namespace sohoa::cli

int main(int argc, char** argv) {
  // Tesseract's OpenMP threads would fight our worker threads for the cores;
  // libgomp reads this only at start-up, so set it and start again.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);  // on failure, carry on with OpenMP as it is
  }
  sohoa::cli::App app;
  return app.Main(argc, argv);
}
