// The one adapter around Tesseract's C++ API: its int returns and new[]-ed
// strings are turned into sohoa::Status and std::string here, and nowhere else.
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/osdetect.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <cstring>
#include <memory>
#include <numeric>
#include <optional>
#include <vector>

#include "ocr/ocr.h"
#include "ocr/reading_order.h"

namespace sohoa::ocr {
namespace {

namespace fs = std::filesystem;

struct TextDelete {
  void operator()(char* p) const { delete[] p; }
};
using TessText = std::unique_ptr<char, TextDelete>;

// The recogniser's readings of the character under `symbol`, the printed one
// first. ChoiceIterator reports LSTM choices as 0..100; empty when the
// printed character is not among them (the choices then say nothing).
constexpr size_t kMaxGlyphChoices = 4;

std::vector<GlyphChoice> GlyphChoices(const tesseract::ResultIterator& symbol, const char* printed) {
  std::vector<GlyphChoice> out;
  tesseract::ChoiceIterator ci(symbol);
  float printed_conf = -1;
  do {
    const char* t = ci.GetUTF8Text();
    if (t == nullptr || *t == '\0') continue;
    const float p = std::clamp(ci.Confidence() / 100.f, 0.f, 1.f);
    if (std::strcmp(t, printed) == 0) printed_conf = std::max(printed_conf, p);
    else out.push_back(GlyphChoice{t, p});
  } while (ci.Next());
  if (printed_conf < 0) return {};
  std::stable_sort(out.begin(), out.end(),
                   [](const GlyphChoice& a, const GlyphChoice& b) { return a.probability > b.probability; });
  if (out.size() + 1 > kMaxGlyphChoices) out.resize(kMaxGlyphChoices - 1);
  out.insert(out.begin(), GlyphChoice{printed, printed_conf});
  return out;
}

// Per character of the word under `word`; empty when any character has none.
std::vector<std::vector<GlyphChoice>> WordGlyphChoices(const tesseract::ResultIterator& word) {
  std::vector<std::vector<GlyphChoice>> out;
  tesseract::ResultIterator symbol = word;
  do {
    TessText printed(symbol.GetUTF8Text(tesseract::RIL_SYMBOL));
    if (!printed) return {};
    out.push_back(GlyphChoices(symbol, printed.get()));
    if (out.back().empty()) return {};
    if (symbol.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL)) break;
  } while (symbol.Next(tesseract::RIL_SYMBOL));
  return out;
}

// Tesseract wants the model file at <dir>/<lang>.traineddata.
Status CheckModel(const std::string& dir, const std::string& lang) {
  const fs::path model = fs::path(dir) / (lang + ".traineddata");
  std::error_code ec;
  if (!fs::is_regular_file(model, ec)) {
    return Status::FailedPrecondition("OCR model " + model.string() +
                                      " is missing; run scripts/setup.sh (it fetches and checks it)");
  }
  return Status::Ok();
}

std::unique_ptr<tesseract::TessBaseAPI> StartApi(const std::string& dir, const std::string& lang,
                                                 tesseract::OcrEngineMode mode,
                                                 bool glyph_choices = false) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Keep Tesseract quiet: diagnostics come back to us as values.
  std::vector<std::string> names = {"debug_file"};
  std::vector<std::string> values = {"/dev/null"};
  if (glyph_choices) {
    // The LSTM keeps its per-character alternatives (mapped from the CTC
    // output); the text it prints is the same as without.
    names.push_back("lstm_choice_mode");
    values.push_back("2");
  }
  if (api->Init(dir.c_str(), lang.c_str(), mode, nullptr, 0, &names, &values, false) != 0) return nullptr;
  return api;
}

void SetPageImage(tesseract::TessBaseAPI& api, const Image& page, double dpi) {
  api.SetImage(page.pixels.data(), page.width, page.height, page.channels,
               static_cast<int>(page.stride()));
  if (dpi > 0) api.SetSourceResolution(static_cast<int>(std::lround(dpi)));
}

class TesseractEngine;

// OCR confidence weighted by word length (bytes), so a few short lucky words
// do not outweigh long ones.
struct LetterConfidence {
  double sum = 0, letters = 0;
  // The words of `text` (only those whose centre is in `zone`, when given).
  void Add(const PageText& text, const Box* zone = nullptr) {
    for (const OcrLine& line : text.lines) {
      for (const OcrWord& w : line.words) {
        if (zone != nullptr && !CentreInside(w.box, *zone)) continue;
        sum += w.confidence * static_cast<double>(w.text.size());
        letters += static_cast<double>(w.text.size());
      }
    }
  }
  double Mean() const { return letters > 0 ? sum / letters : 0; }
};

// A table cell with fewer dark pixels than this is empty (a speck at most).
constexpr int kMinCellInk = 40;

// OSD first; the engine's own reading confidence as a second opinion.
class TesseractOrientationDetector final : public OrientationDetector {
 public:
  explicit TesseractOrientationDetector(TesseractEngine* engine) : engine_(engine) {}
  Result<OrientationEstimate> Detect(const Image& grey) override;
  Result<double> ReadingConfidence(const Image& grey) override;

 private:
  TesseractEngine* engine_;
};

class TesseractEngine final : public Engine {
 public:
  TesseractEngine(Options options, std::unique_ptr<tesseract::TessBaseAPI> api)
      : options_(std::move(options)), api_(std::move(api)) {}
  ~TesseractEngine() override {
    if (api_) api_->End();
    if (osd_) osd_->End();
  }

  Result<PageText> Recognize(const Image& page, double dpi) override { return Recognize(page, dpi, {}); }

  Result<PageText> Recognize(const Image& page, double dpi, const std::vector<RuledTable>& tables) override {
    if (page.empty()) return Status::InvalidArgument("cannot read an empty page");
    SetPageImage(*api_, page, dpi);
    api_->SetPageSegMode(static_cast<tesseract::PageSegMode>(options_.page_segmentation));
    tesseract::ETEXT_DESC monitor;
    if (options_.page_timeout_ms > 0) monitor.set_deadline_msecs(options_.page_timeout_ms);
    if (api_->Recognize(&monitor) != 0) {
      api_->Clear();
      return Status::Internal("OCR failed on this page (the recogniser returned an error)");
    }
    if (monitor.deadline_exceeded()) {
      api_->Clear();
      return Status::ResourceExhausted("OCR took longer than " +
                                       std::to_string(options_.page_timeout_ms / 1000) +
                                       " s on this page and was stopped");
    }
    const PageText first = Collect(page.width, page.height);
    api_->Clear();
    PageText text = DropMarksReadAsLetters(first);
    // Lines read without their marks, and words read as a few letters: each
    // zone read again alone, once.
    std::vector<Box> bare = FindOrphanedMarks(first);
    for (const Box& zone : FindStretchedWords(first)) {
      if (std::none_of(bare.begin(), bare.end(), [&](const Box& z) { return CentreInside(zone, z); })) {
        bare.push_back(zone);
      }
    }
    for (const Box& zone : bare) {
      SOHOA_ASSIGN_OR_RETURN(text, Reread(page, dpi, text, zone, tesseract::PSM_SINGLE_BLOCK));
    }
    // Tangled lines: kept when read more surely, or with more letters surely
    // enough (the line a tall one swallowed comes back whole).
    for (const Box& zone : FindTangledLines(text)) {
      SOHOA_ASSIGN_OR_RETURN(PageText again, RecognizeRegion(page, dpi, zone));
      text = ReadsMoreLetters(text, zone, again) ? ReplaceZone(text, zone, again, PageText{})
                                                 : KeepSurer(text, zone, again, PageText{});
    }
    // Stretches of a line the recogniser left out: read again alone, kept
    // when that reads more letters surely enough.
    for (const Box& zone : FindUnreadInk(text, page)) {
      SOHOA_ASSIGN_OR_RETURN(PageText again, RecognizeRegion(page, dpi, zone, tesseract::PSM_SINGLE_BLOCK));
      text = KeepFuller(text, zone, again);
    }
    if (options_.split_header_columns) {
      if (std::optional<MergedHeader> merged = FindMergedHeader(text)) {
        SOHOA_ASSIGN_OR_RETURN(text, RereadHeader(page, dpi, text, *merged));
      }
      text = OrderTwoColumnZones(text);
    }
    text = DropStrayMarkLines(text);
    // After the columns are ordered: a table's cells keep the order given.
    for (const RuledTable& table : tables) {
      SOHOA_ASSIGN_OR_RETURN(text, ReadTable(page, dpi, text, table));
    }
    return text;
  }

  // Each inked cell read as one block of text; the cells' lines replace what
  // the page reading found inside the table.
  Result<PageText> ReadTable(const Image& page, double dpi, const PageText& text, const RuledTable& table) {
    std::vector<PageText> cells;
    for (const Box& cell : table.cells) {
      // Inside the rules, which are not text.
      const int inset = std::max(2, std::min(cell.w, cell.h) / 20);
      const Box inner{cell.x + inset, cell.y + inset, cell.w - 2 * inset, cell.h - 2 * inset};
      if (inner.w <= 0 || inner.h <= 0 || !HasInk(page, inner)) continue;
      SOHOA_ASSIGN_OR_RETURN(PageText read, RecognizeRegion(page, dpi, inner, tesseract::PSM_SINGLE_BLOCK));
      cells.push_back(std::move(read));
    }
    return ReplaceZoneWith(text, table.box, cells);
  }

  // Dark pixels in `r` beyond a speck's worth.
  static bool HasInk(const Image& page, const Box& r) {
    const std::vector<int> ink = InkPerColumn(page, std::max(0, r.x), std::min(r.right(), page.width),
                                              std::max(0, r.y), std::min(r.bottom(), page.height));
    return std::accumulate(ink.begin(), ink.end(), 0) > kMinCellInk;
  }

  // Reads the merged header zone again as two columns, split at the emptiest
  // column of ink where the line crosses; keeps the first reading if the
  // second is less sure of itself.
  Result<PageText> RereadHeader(const Image& page, double dpi, const PageText& text, const MergedHeader& m) {
    const int gutter = InkGutter(page, m);
    const Box left{m.zone.x, m.zone.y, gutter - m.zone.x, m.zone.h};
    const Box right{gutter, m.zone.y, m.zone.right() - gutter, m.zone.h};
    SOHOA_ASSIGN_OR_RETURN(PageText left_text, RecognizeRegion(page, dpi, left));
    SOHOA_ASSIGN_OR_RETURN(PageText right_text, RecognizeRegion(page, dpi, right));
    return KeepSurer(text, m.zone, left_text, right_text);
  }

  // Reads `zone` again on its own.
  Result<PageText> Reread(const Image& page, double dpi, const PageText& text, const Box& zone) {
    return Reread(page, dpi, text, zone, static_cast<tesseract::PageSegMode>(options_.page_segmentation));
  }
  Result<PageText> Reread(const Image& page, double dpi, const PageText& text, const Box& zone,
                          tesseract::PageSegMode mode) {
    SOHOA_ASSIGN_OR_RETURN(PageText again, RecognizeRegion(page, dpi, zone, mode));
    return KeepSurer(text, zone, again, PageText{});
  }

  // `text` with `zone` read as `again`, if that reading holds more letters
  // and is confident enough (per letter).
  static PageText KeepFuller(const PageText& text, const Box& zone, const PageText& again) {
    return ReadsMoreLetters(text, zone, again) ? ReplaceZone(text, zone, again, PageText{}) : text;
  }

  // `text` with `zone` read as `left` and `right`, if that reading is at
  // least as confident (per letter) as the first; `text` otherwise.
  static PageText KeepSurer(const PageText& text, const Box& zone, const PageText& left_text,
                            const PageText& right_text) {
    LetterConfidence before, after;
    before.Add(text, &zone);
    after.Add(left_text);
    after.Add(right_text);
    if (after.letters == 0 || (before.letters > 0 && after.Mean() < before.Mean())) return text;
    return ReplaceZone(text, zone, left_text, right_text);
  }

  // The column in [gutter_lo, gutter_hi) with the least ink over the crossing
  // line's rows; the middle of the widest such run.
  static int InkGutter(const Image& page, const MergedHeader& m) {
    const int x_lo = std::clamp(m.gutter_lo, 0, page.width - 1), x_hi = std::clamp(m.gutter_hi, x_lo + 1, page.width);
    const int y_lo = std::clamp(m.band_top, 0, page.height - 1), y_hi = std::clamp(m.band_bottom, y_lo + 1, page.height);
    const std::vector<int> ink = InkPerColumn(page, x_lo, x_hi, y_lo, y_hi);
    const int least = *std::min_element(ink.begin(), ink.end());
    int best_start = 0, best_len = 0;
    for (int i = 0; i < static_cast<int>(ink.size());) {
      if (ink[i] != least) { ++i; continue; }
      int j = i;
      while (j < static_cast<int>(ink.size()) && ink[j] == least) ++j;
      if (j - i > best_len) { best_len = j - i; best_start = i; }
      i = j;
    }
    return x_lo + best_start + best_len / 2;
  }

  Result<PageText> RecognizeRegion(const Image& page, double dpi, const Box& r) {
    return RecognizeRegion(page, dpi, r, static_cast<tesseract::PageSegMode>(options_.page_segmentation));
  }
  Result<PageText> RecognizeRegion(const Image& page, double dpi, const Box& r, tesseract::PageSegMode mode) {
    SetPageImage(*api_, page, dpi);
    api_->SetRectangle(r.x, r.y, r.w, r.h);
    api_->SetPageSegMode(mode);
    tesseract::ETEXT_DESC monitor;
    if (options_.page_timeout_ms > 0) monitor.set_deadline_msecs(options_.page_timeout_ms);
    if (api_->Recognize(&monitor) != 0 || monitor.deadline_exceeded()) {
      api_->Clear();
      return Status::Internal("OCR failed on a part of this page read again (header, tangled lines or a table cell)");
    }
    PageText text = Collect(page.width, page.height);
    api_->Clear();
    return text;
  }

  Result<OrientationEstimate> DetectOrientation(const Image& grey) {
    if (!osd_) {
      SOHOA_RETURN_IF_ERROR(CheckModel(options_.osd_tessdata_dir, "osd"));
      osd_ = StartApi(options_.osd_tessdata_dir, "osd", tesseract::OEM_TESSERACT_ONLY);
      if (!osd_) return Status::FailedPrecondition("orientation model could not be loaded");
    }
    SetPageImage(*osd_, grey, 0);
    osd_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    int orient_deg = 0;
    float orient_conf = 0, script_conf = 0;
    const char* script = nullptr;
    const bool ok = osd_->DetectOrientationScript(&orient_deg, &orient_conf, &script, &script_conf);
    osd_->Clear();
    OrientationEstimate est;
    if (!ok) return est;  // too little text: not reliable
    // Tesseract reports the page's orientation as the counter-clockwise turn
    // that would upright it; we speak of clockwise turns.
    est.rotate_cw_deg = (360 - ((orient_deg % 360) + 360) % 360) % 360;
    est.confidence = orient_conf;
    est.reliable = orient_conf >= options_.osd_min_confidence;
    return est;
  }

  Result<double> MeanConfidence(const Image& grey) {
    if (grey.empty()) return Status::InvalidArgument("cannot read an empty image");
    SetPageImage(*api_, grey, 0);
    api_->SetPageSegMode(tesseract::PSM_AUTO);
    if (api_->Recognize(nullptr) != 0) {
      api_->Clear();
      return Status::Internal("OCR failed on an orientation probe");
    }
    // Confidence weighted by word length, so a few short lucky words do not win.
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    double sum = 0, weight = 0;
    if (it) {
      do {
        TessText word(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!word) continue;
        const double len = static_cast<double>(std::strlen(word.get()));
        sum += it->Confidence(tesseract::RIL_WORD) * len;
        weight += len;
      } while (it->Next(tesseract::RIL_WORD));
    }
    api_->Clear();
    return weight > 0 ? sum / weight : 0.0;
  }

  std::unique_ptr<OrientationDetector> MakeOrientationDetector() override {
    return std::make_unique<TesseractOrientationDetector>(this);
  }

  std::string Describe() const override {
    return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + ", " + options_.language +
           " from " + (fs::path(options_.tessdata_dir) / (options_.language + ".traineddata")).string();
  }

 private:
  PageText Collect(int width, int height) {
    PageText text;
    text.width = width;
    text.height = height;
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    if (!it) return text;
    int block = -1;
    double conf_sum = 0;
    int conf_n = 0;
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) ++block;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || text.lines.empty()) {
        text.lines.emplace_back();
        text.lines.back().block = std::max(block, 0);
      }
      TessText word(it->GetUTF8Text(tesseract::RIL_WORD));
      // Rules and underlines come back as blank "words".
      if (!word || std::string_view(word.get()).find_first_not_of(" \t\n") == std::string_view::npos) continue;
      OcrWord w;
      w.text = word.get();
      int l = 0, t = 0, r = 0, b = 0;
      it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
      w.box = Box{l, t, r - l, b - t};
      w.confidence = it->Confidence(tesseract::RIL_WORD);
      if (options_.glyph_choices) w.glyph_choices = WordGlyphChoices(*it);
      conf_sum += w.confidence;
      ++conf_n;
      text.lines.back().words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
    // Drop lines that ended up empty, then size each line's box.
    std::erase_if(text.lines, [](const OcrLine& l) { return l.words.empty(); });
    for (OcrLine& line : text.lines) {
      int x0 = line.words[0].box.x, y0 = line.words[0].box.y;
      int x1 = line.words[0].box.right(), y1 = line.words[0].box.bottom();
      for (const OcrWord& w : line.words) {
        x0 = std::min(x0, w.box.x);
        y0 = std::min(y0, w.box.y);
        x1 = std::max(x1, w.box.right());
        y1 = std::max(y1, w.box.bottom());
      }
      line.box = Box{x0, y0, x1 - x0, y1 - y0};
    }
    text.mean_confidence = conf_n > 0 ? static_cast<float>(conf_sum / conf_n) : 0.f;
    return text;
  }

  Options options_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  std::unique_ptr<tesseract::TessBaseAPI> osd_;  // started on first use
};

Result<OrientationEstimate> TesseractOrientationDetector::Detect(const Image& grey) {
  return engine_->DetectOrientation(grey);
}

Result<double> TesseractOrientationDetector::ReadingConfidence(const Image& grey) {
  return engine_->MeanConfidence(grey);
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Create(const Options& options) {
  SOHOA_RETURN_IF_ERROR(CheckModel(options.tessdata_dir, options.language));
  auto api = StartApi(options.tessdata_dir, options.language, tesseract::OEM_LSTM_ONLY,
                      options.glyph_choices);
  if (!api) {
    return Status::FailedPrecondition("OCR model " + options.language + " in " + options.tessdata_dir +
                                      " could not be loaded (damaged file?); run scripts/setup.sh");
  }
  return std::unique_ptr<Engine>(std::make_unique<TesseractEngine>(options, std::move(api)));
}

}  // namespace sohoa::ocr
