#include "runner/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "clean/clean.h"
#include "core/sha256.h"
#include "extract/extract.h"
#include "intake/intake.h"
#include "ocr/ocr.h"
#include "text/text.h"

namespace sohoa::runner {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// The tools one worker thread owns: none of them is thread-safe.
struct Worker {
  std::unique_ptr<ocr::Engine> engine;
  std::unique_ptr<OrientationDetector> detector;
  std::unique_ptr<clean::Cleaner> cleaner;
  std::unique_ptr<text::TextNormalizer> normalizer;

  static Result<Worker> Start(const Config& config) {
    Worker w;
    SOHOA_ASSIGN_OR_RETURN(w.engine, ocr::Engine::Create(config.ocr));
    w.detector = w.engine->MakeOrientationDetector();
    w.cleaner = std::make_unique<clean::Cleaner>(config.clean, w.detector.get());
    SOHOA_ASSIGN_OR_RETURN(w.normalizer, text::TextNormalizer::Create(config.text));
    return w;
  }
};

std::string FoldedFields(text::TextNormalizer& n, const DocumentFields& f) {
  std::string s;
  auto add = [&](const std::optional<std::string>& v) {
    if (v) s += *v + "\n";
  };
  if (f.number) s += f.number->printed + "\n";
  add(f.issuer);
  add(f.issuer_parent);
  add(f.doc_type);
  add(f.subject);
  add(f.place);
  if (f.signer) s += f.signer->name + "\n";
  return n.SearchKey(s);
}

// Reads one page through clean, ocr and text.
Result<PageOutcome> ReadOnePage(Worker& w, const Config& config, const std::string& path, int index,
                                CleanedPage* cleaned_out) {
  SOHOA_ASSIGN_OR_RETURN(SourcePage source, intake::ReadPage(path, index, config.intake));
  const Clock::time_point clean_start = Clock::now();
  SOHOA_ASSIGN_OR_RETURN(CleanedPage cleaned, w.cleaner->Clean(std::move(source.image)));
  const double clean_seconds = SecondsSince(clean_start);
  // Tesseract reads worse when it has to guess the resolution; the cleaner
  // measured it on the OCR copy (0 when too little text to measure).
  const double dpi = cleaned.ocr.dpi > 0 ? cleaned.ocr.dpi : 300;
  // On the colour page: the OCR copy has long vertical rules taken out with
  // the streaks. Same geometry, but the OCR copy may have been resampled.
  SOHOA_ASSIGN_OR_RETURN(std::vector<RuledTable> tables, clean::FindRuledTables(cleaned.colour));
  if (cleaned.colour.width > 0 && cleaned.ocr.width != cleaned.colour.width) {
    const double s = static_cast<double>(cleaned.ocr.width) / cleaned.colour.width;
    const auto scale = [s](Box& b) {
      b = Box{static_cast<int>(b.x * s), static_cast<int>(b.y * s), static_cast<int>(b.w * s),
              static_cast<int>(b.h * s)};
    };
    for (RuledTable& t : tables) {
      scale(t.box);
      for (Box& c : t.cells) scale(c);
    }
  }
  const Clock::time_point ocr_start = Clock::now();
  SOHOA_ASSIGN_OR_RETURN(PageText raw, w.engine->Recognize(cleaned.ocr, dpi, tables));
  const double ocr_seconds = SecondsSince(ocr_start);
  if (config.extract.received_stamp) {
    SOHOA_ASSIGN_OR_RETURN(std::vector<clean::StampInk> stamps, clean::FindStampInk(cleaned.colour));
    for (const clean::StampInk& stamp : stamps) {
      SOHOA_ASSIGN_OR_RETURN(PageText said, w.engine->Recognize(stamp.ink, dpi));
      for (OcrLine& line : said.lines) {
        line.box.x += stamp.box.x;
        line.box.y += stamp.box.y;
        for (OcrWord& word : line.words) {
          word.box.x += stamp.box.x;
          word.box.y += stamp.box.y;
        }
        raw.stamp_lines.push_back(std::move(line));
      }
    }
  }
  PageOutcome out;
  out.raw = std::move(raw);  // the text stage reads the document's pages together, later
  out.quality = cleaned.quality;
  out.clean_seconds = clean_seconds;
  out.ocr_seconds = ocr_seconds;
  if (cleaned_out) *cleaned_out = std::move(cleaned);
  return out;
}

Status ProcessFile(Worker& w, const Config& config, Mode mode, store::DossierStore* store,
                   FileOutcome& out) {
  const std::string& path = out.path;
  std::string sha;
  if (mode == Mode::kIngest) {
    SOHOA_ASSIGN_OR_RETURN(sha, Sha256OfFile(path));
    SOHOA_ASSIGN_OR_RETURN(std::optional<int64_t> existing, store->FindBySourceHash(sha));
    if (existing) {
      out.filed = store::FiledDocument{*existing, true, std::nullopt};
      return Status::Ok();
    }
  }
  SOHOA_ASSIGN_OR_RETURN(intake::FileKind kind, intake::SniffFileKind(path));

  // Text-only input (a .txt, or for extraction a PDF with a text layer) skips OCR.
  if (kind == intake::FileKind::kText || (kind == intake::FileKind::kPdf && mode == Mode::kExtract)) {
    SOHOA_ASSIGN_OR_RETURN(std::string layer, intake::ReadTextLayer(path, config.intake));
    if (!layer.empty() || kind == intake::FileKind::kText) {
      if (mode == Mode::kIngest) return Status::Unimplemented(path + ": text files are not filed; give the scan");
      out.from_text_layer = true;
      size_t start = 0;
      while (start <= layer.size()) {
        size_t end = layer.find('\f', start);
        if (end == std::string::npos) end = layer.size();
        std::string page = layer.substr(start, end - start);
        if (page.find_first_not_of(" \t\r\n") != std::string::npos || out.pages.empty()) {
          PageOutcome p;
          p.raw = extract::PageTextFromPlain(w.normalizer->Nfc(page));
          p.text = p.raw;
          out.pages.push_back(std::move(p));
        }
        start = end + 1;
      }
      std::vector<PageText> texts;
      for (const PageOutcome& p : out.pages) texts.push_back(p.text);
      out.fields = extract::ExtractFields(texts, config.extract);
      return Status::Ok();
    }
  }

  SOHOA_ASSIGN_OR_RETURN(int count, intake::CountPages(path, config.intake));
  store::DocumentRecord record;
  for (int i = 0; i < count; ++i) {
    CleanedPage cleaned;
    auto page = ReadOnePage(w, config, path, i, mode == Mode::kIngest ? &cleaned : nullptr);
    if (!page.ok()) {
      return count > 1 ? page.status().WithContext("page " + std::to_string(i + 1)) : page.status();
    }
    if (page->quality.rescan_suggested) {
      out.warnings.push_back("page " + std::to_string(i + 1) + ": rescan suggested (" +
                             page->quality.warning + ")");
    }
    if (mode == Mode::kIngest) {
      store::PageRecord pr;
      pr.index = i;
      SOHOA_ASSIGN_OR_RETURN(pr.upright_jpeg, intake::EncodeJpeg(cleaned.colour, 85));
      SOHOA_ASSIGN_OR_RETURN(pr.cleaned_png, intake::EncodePng(cleaned.ocr));
      pr.width = cleaned.ocr.width;
      pr.height = cleaned.ocr.height;
      pr.dpi = cleaned.ocr.dpi;
      pr.quality = page->quality;
      pr.raw_text = page->raw.PlainText();
      record.pages.push_back(std::move(pr));
    }
    out.pages.push_back(std::move(page).value());
  }
  // Corrected together: a word read right on one page is evidence for another.
  std::vector<PageText> raws;
  for (const PageOutcome& p : out.pages) raws.push_back(p.raw);
  std::vector<text::CorrectedPage> corrected = w.normalizer->CorrectPages(raws);
  for (size_t i = 0; i < out.pages.size(); ++i) {
    out.pages[i].text = std::move(corrected[i].page);
    out.pages[i].corrections = std::move(corrected[i].corrections);
    if (mode != Mode::kIngest) continue;
    store::PageRecord& pr = record.pages[i];
    pr.words = out.pages[i].text;
    pr.text = pr.words.PlainText();
    pr.search_text = w.normalizer->SearchKey(pr.text);
    for (const text::Correction& c : out.pages[i].corrections) {
      pr.corrections += std::to_string(c.word) + "\t" + c.from + "\t" + c.to + "\t" + c.reason + "\n";
    }
  }
  if (mode == Mode::kOcr) return Status::Ok();

  std::vector<PageText> texts;
  for (const PageOutcome& p : out.pages) texts.push_back(p.text);
  out.fields = extract::ExtractFields(texts, config.extract);
  if (mode != Mode::kIngest) return Status::Ok();

  record.dossier_code = config.runner.dossier;
  record.source_path = fs::absolute(path).string();
  record.source_sha256 = sha;
  {
    std::ifstream in(path, std::ios::binary);
    record.source_bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return Status::DataLoss(path + ": read error while filing");
  }
  if (Sha256Hex(record.source_bytes) != sha) {
    return Status::DataLoss(path + ": file changed while it was being read; try again");
  }
  record.fields = out.fields;
  record.search_fields = FoldedFields(*w.normalizer, out.fields);
  if (out.fields.issuer) record.folded_issuer = w.normalizer->SearchKey(*out.fields.issuer);
  if (out.fields.doc_type) record.folded_type = w.normalizer->SearchKey(*out.fields.doc_type);
  SOHOA_ASSIGN_OR_RETURN(store::FiledDocument filed, store->File(record));
  out.filed = filed;
  if (filed.same_identity_as) {
    out.warnings.push_back("same number, issuer and date as document #" +
                           std::to_string(*filed.same_identity_as) + ": filed and linked");
  }
  return Status::Ok();
}

}  // namespace

int WorkerCount(int requested, size_t files) {
  int n = requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::max(1, std::min<int>(n, static_cast<int>(std::max<size_t>(files, 1))));
}

Pipeline::Pipeline(Config config, Logger* logger, store::DossierStore* store)
    : config_(std::move(config)), logger_(logger), store_(store) {}

Status Pipeline::Preflight() const {
  auto engine = ocr::Engine::Create(config_.ocr);
  if (!engine.ok()) return engine.status();
  auto normalizer = text::TextNormalizer::Create(config_.text);
  return normalizer.ok() ? Status::Ok() : normalizer.status();
}

RunSummary Pipeline::Run(const std::vector<std::string>& files, Mode mode,
                         const std::function<void(size_t, const FileOutcome&)>& on_done) {
  const auto t0 = Clock::now();
  RunSummary summary;
  summary.files = static_cast<int>(files.size());
  if (mode == Mode::kIngest && store_ == nullptr) {
    for (size_t i = 0; i < files.size(); ++i) {
      FileOutcome out;
      out.path = files[i];
      out.status = Status::FailedPrecondition("no store to file into");
      on_done(i, out);
    }
    summary.failed = summary.files;
    return summary;
  }

  std::atomic<size_t> next{0};
  std::mutex report_mutex;
  auto work = [&]() {
    auto worker = Worker::Start(config_);
    for (size_t i = next++; i < files.size(); i = next++) {
      FileOutcome out;
      out.path = files[i];
      const auto f0 = Clock::now();
      if (!worker.ok()) {
        out.status = worker.status();
      } else {
        try {
          out.status = ProcessFile(*worker, config_, mode, store_, out);
        } catch (const std::exception& e) {  // a library broke its contract: report, go on
          out.status = Status::Internal(files[i] + ": unexpected failure: " + e.what());
        }
      }
      out.seconds = SecondsSince(f0);
      std::lock_guard<std::mutex> lock(report_mutex);
      if (!out.status.ok()) {
        ++summary.failed;
        logger_->Warn(out.status.ToString());
      } else if (out.filed && out.filed->already_filed) {
        ++summary.already_filed;
      } else {
        ++summary.succeeded;
        summary.pages += static_cast<int>(out.pages.size());
      }
      on_done(i, out);
    }
  };
  const int n = WorkerCount(config_.runner.workers, files.size());
  logger_->Info("processing " + std::to_string(files.size()) + " file(s) with " + std::to_string(n) +
                " worker(s)");
  std::vector<std::thread> threads;
  for (int t = 1; t < n; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  summary.seconds = SecondsSince(t0);
  return summary;
}

}  // namespace sohoa::runner
