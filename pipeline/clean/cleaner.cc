// The clean stage's driver: runs the steps in order, keeps the colour record
// copy in step with the OCR copy, measures the page and times each step.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/clean.h"
#include "clean/dump.h"
#include "clean/steps.h"

namespace sohoa::clean {
namespace {

// Below these a page is likely to read badly (calibrated on the dev set).
constexpr double kMinDpi = 120;
constexpr double kMinBlur = 500;      // variance of Laplacian near ink
constexpr double kMinContrast = 0.25;
constexpr double kMaxNoise = 0.6;
// More than this share of the printed text lost with a stamp reads badly.
constexpr double kMaxTextRemoved = 0.05;
// Longest side of the reduced copy that orientation and skew are judged on
// (about 190 dpi on A4: the width the skew search works at; at 150 dpi it
// finds skew a few hundredths of a degree less well).
constexpr int kAnalysisLongest = 2264;

// Times steps and writes their images when a dump folder is set.
class StepLog {
 public:
  StepLog(const Options& options, CleanReport* report) : options_(options), report_(report) {}

  void Start() { start_ = std::chrono::steady_clock::now(); }

  // Ends the step started last; `image` is what it produced.
  Status Finish(const std::string& step, const cv::Mat& image) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
            .count();
    if (report_ != nullptr) report_->steps.push_back({step, ms});
    if (options_.dump_dir.empty() || image.empty()) return Status::Ok();
    return DumpStep(options_.dump_dir, index_++, step, image);
  }

 private:
  const Options& options_;
  CleanReport* report_;
  std::chrono::steady_clock::time_point start_;
  int index_ = 0;
};

Status CheckInput(const Image& page, const Options& options) {
  if (page.empty()) return Status::InvalidArgument("page image is empty");
  if (page.channels != 1 && page.channels != 3 && page.channels != 4) {
    return Status::InvalidArgument("page image has " + std::to_string(page.channels) +
                                   " channels; expected 1 (grey), 3 (BGR) or 4 (BGRA)");
  }
  if (page.pixels.size() != page.stride() * page.height) {
    return Status::InvalidArgument("page image pixel buffer does not match its size");
  }
  if (options.binarization != "none" && options.binarization != "sauvola" &&
      options.binarization != "otsu") {
    return Status::InvalidArgument("unknown binarization \"" + options.binarization +
                                   "\"; expected none, sauvola or otsu");
  }
  return Status::Ok();
}

void SuggestRescan(PageQuality& q) {
  std::string why;
  auto add = [&why](const std::string& reason) { why += (why.empty() ? "" : "; ") + reason; };
  if (q.estimated_dpi > 0 && q.estimated_dpi < kMinDpi) {
    add("resolution too low (about " + std::to_string(static_cast<int>(q.estimated_dpi)) +
        " dpi; scan at 300 dpi)");
  }
  if (q.blur < kMinBlur) add("page is blurred (out of focus or moved)");
  if (q.contrast < kMinContrast) add("text is faint (low contrast)");
  if (q.noise > kMaxNoise) add("many specks (dirty glass or poor copy)");
  if (q.text_removed_fraction > kMaxTextRemoved) {
    add("stamp ink covers printed text (about " + std::to_string(static_cast<int>(100 * q.text_removed_fraction)) +
        "% of it lost with the stamp)");
  }
  q.rescan_suggested = !why.empty();
  q.warning = why;
}

}  // namespace

Cleaner::Cleaner(Options options, OrientationDetector* detector)
    : options_(std::move(options)), detector_(detector), workspace_(std::make_unique<Workspace>()) {}
Cleaner::~Cleaner() = default;
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;

Result<CleanedPage> Cleaner::Clean(const Image& page) { return Clean(page, nullptr); }

Result<CleanedPage> Cleaner::Clean(const Image& page, CleanReport* report) {
  return CleanPage(page, nullptr, report);
}

Result<CleanedPage> Cleaner::Clean(Image&& page, CleanReport* report) {
  return CleanPage(page, &page, report);
}

Result<CleanedPage> Cleaner::CleanPage(const Image& page, Image* taken, CleanReport* report) {
  SOHOA_RETURN_IF_ERROR(CheckInput(page, options_));
  try {
    StepLog log(options_, report);
    PageQuality q;

    log.Start();
    cv::Mat colour = ToMat(page);
    // A grey page is its own grey copy: the two share pixels (every step
    // returns a new image) and are turned once, until a step changes one.
    cv::Mat grey = GreyOf(colour);
    q.contrast = ContrastScore(grey);
    SOHOA_RETURN_IF_ERROR(log.Finish("grey", grey));

    // One quick look at a reduced page says whether there is a stamp (most
    // pages carry none) and where.
    StampSurvey survey;
    if (options_.suppress_stamps && colour.channels() == 3) {
      log.Start();
      survey = SurveyStamps(colour);
      q.stamp_fraction = survey.ink_share;
      cv::Mat shown;
      if (!options_.dump_dir.empty()) {
        shown = colour.clone();
        for (const cv::Rect& r : survey.regions) cv::rectangle(shown, r, {0, 0, 255}, 5);
      }
      SOHOA_RETURN_IF_ERROR(log.Finish("stamp_check", shown));
    }

    // The OCR copy loses its stamps once, here, and is turned with the
    // colour page from then on.
    if (survey.stamped) {
      log.Start();
      // The grey copy is this page's own (a colour page's grey conversion).
      q.text_removed_fraction = SuppressStampsInPlace(colour, grey, survey.regions);
      SOHOA_RETURN_IF_ERROR(log.Finish("stamps", grey));
    }

    // Orientation and skew are judged on the page without its stamps,
    // scanner borders and shading: seals, signatures, long black bands and
    // light gradients would pass for (or hide) text lines. They need lines,
    // not letter detail: a reduced copy serves and costs a fraction. It is
    // sampled bilinearly: averaging blocks at a ratio that is no whole
    // number costs ten times more and levels the page no better.
    log.Start();
    const int longest = std::max(grey.cols, grey.rows);
    cv::Mat analysis = grey;
    if (longest > kAnalysisLongest) {
      const double f = static_cast<double>(kAnalysisLongest) / longest;
      cv::resize(grey, analysis, cv::Size(), f, f, cv::INTER_LINEAR);
    }
    if (options_.remove_borders) analysis = RemoveBorders(analysis);
    if (options_.flatten_background) analysis = FlattenBackground(analysis);
    SOHOA_RETURN_IF_ERROR(log.Finish("analysis", analysis));

    // The colour record and the analysis copy are turned whole. The grey
    // copy OCR reads is turned only where it is cleaned (after deskew, the
    // part that holds ink): its pending turns gather in `grey_turn` and are
    // applied at once. The record is only kept and the analysis copy only
    // measured, neither read, so a small skew turns them by a cheaper
    // approximation (`rotate_roughly`).
    //
    // A grey page is its own grey copy: the two share pixels while the
    // record is turned exactly. Once the record is turned by the
    // approximation, the grey copy's turn waits in `grey_turn` instead, and
    // is resolved before any later turn: OCR reads the very pixels of the
    // page turned whole, step by step.
    const bool grey_page = grey.data == colour.data;
    bool shared = grey_page;
    PageTransform grey_turn = PageTransform::Identity(grey.size());
    // The record is turned into Images, so the last turn is handed back as
    // it is, with no copy (a colour page is 26 MB at 300 dpi). An earlier
    // one stays while the grey copy shows it.
    std::vector<Image> records;
    auto shows = [](const Image& record, const cv::Mat& m) {
      const uint8_t* begin = record.pixels.data();
      return m.datastart >= begin && m.datastart < begin + record.pixels.size();
    };
    auto record_buffer = [&](cv::Size size) {
      std::erase_if(records, [&](const Image& r) { return !shows(r, colour) && !shows(r, grey); });
      return PageBuffer(records.emplace_back(), size, colour.type());
    };
    // `rotate(m, out)` turns the record and the grey copy exactly and `t` is
    // that turn; `exact` says whether `rotate_roughly` is `rotate` itself.
    auto turn_page = [&](const auto& rotate, const PageTransform& t, const auto& rotate_roughly,
                         bool exact) {
      colour = rotate_roughly(colour, record_buffer(t.size));
      if (shared && exact) {
        grey = colour;
        grey_turn = PageTransform::Identity(grey.size());
        return;
      }
      shared = false;  // the grey copy keeps its pixels; its turn waits
      if (grey_page && exact) {
        grey = rotate(WarpPart(grey, grey_turn, cv::Rect({0, 0}, grey_turn.size)), cv::Mat());
        grey_turn = PageTransform::Identity(grey.size());
        return;
      }
      grey_turn = grey_turn.Then(t);
    };
    // A quarter turn is made at once on the analysis copy, which is measured
    // next, and waits in `quarter` for the page: a page turned level and then
    // over (one scanned at 270 degrees) is turned once whole, not twice.
    // Quarter turns are lossless, so the pixels are those of the two turns.
    int quarter = 0;
    bool analysis_turned = false;
    auto quarter_turn = [&](int deg) {
      analysis = RotateQuarterTurns(analysis, deg);
      analysis_turned = true;
      quarter = (quarter + deg) % 360;
    };
    auto settle_quarter = [&]() {
      if (quarter == 0) return;
      const int deg = std::exchange(quarter, 0);
      const auto rotate = [deg](const cv::Mat& m, cv::Mat out) {
        return RotateQuarterTurns(m, deg, out);
      };
      turn_page(rotate, PageTransform::QuarterTurn(colour.size(), deg), rotate, true);
    };
    // The turned grey page, for the dump folder only.
    auto shown_grey = [&]() -> cv::Mat {
      if (grey_turn.identity() && quarter == 0) return grey;
      if (options_.dump_dir.empty()) return {};
      const cv::Mat turned = WarpPart(grey, grey_turn, cv::Rect({0, 0}, grey_turn.size));
      return RotateQuarterTurns(turned, quarter);
    };

    OrientationChoice orientation;
    if (options_.orientation) {
      log.Start();
      orientation = ChooseOrientation(analysis, detector_);
      if (orientation.rotate_cw_deg != 0) {
        quarter_turn(orientation.rotate_cw_deg);
      }
      q.rotation_deg = orientation.rotate_cw_deg;
      SOHOA_RETURN_IF_ERROR(log.Finish("orientation", shown_grey()));
    }

    if (options_.deskew) {
      log.Start();
      q.skew_deg = EstimateSkew(analysis);
      if (std::abs(q.skew_deg) >= 0.05) {
        const double deg = -q.skew_deg;
        const auto rotate = [deg](const cv::Mat& m, cv::Mat out) { return RotateBy(m, deg, out); };
        // A skew of up to kShearTurnMaxDeg (a scan's usual skew) is turned
        // by two shears, in half a warp's time or less.
        const bool shears = std::abs(deg) <= kShearTurnMaxDeg;
        const auto rotate_roughly = [&](const cv::Mat& m, cv::Mat out) {
          return shears ? RotateByShears(m, deg, out) : rotate(m, out);
        };
        analysis = rotate_roughly(analysis, cv::Mat());
        analysis_turned = true;
        settle_quarter();
        turn_page(rotate, PageTransform::Rotation(colour.size(), deg), rotate_roughly, !shears);
      } else {
        q.skew_deg = 0;
      }
      SOHOA_RETURN_IF_ERROR(log.Finish("deskew", shown_grey()));
    }

    // Geometry tells line direction well but up from down only once the
    // lines are level.
    if (options_.orientation && orientation.check_upside) {
      log.Start();
      // Not turned since: the ink the first look measured serves again.
      const int deg = ChooseUpside(analysis, orientation.detector_failed ? nullptr : detector_,
                                   analysis_turned ? cv::Mat() : orientation.working_ink);
      if (deg != 0) {
        quarter_turn(deg);
        q.rotation_deg = (q.rotation_deg + deg) % 360;
      }
      SOHOA_RETURN_IF_ERROR(log.Finish("upside_down", shown_grey()));
    }

    // From here on only the part of the page that holds ink is cleaned (a
    // closing page is mostly paper); the rest of the OCR copy is paper.
    log.Start();
    settle_quarter();
    const cv::Size level = grey_turn.size;
    const cv::Rect part = PartToClean(analysis, level);
    cv::Mat ocr = WarpPart(grey, grey_turn, part);
    SOHOA_RETURN_IF_ERROR(log.Finish("inked_part", ocr));

    log.Start();
    // Sharpness is judged at the scanned resolution, before any resampling.
    q.blur = BlurScore(ocr);
    q.estimated_dpi = EstimateDpi(ocr, part.tl(), level);
    if (options_.target_dpi > 0 && q.estimated_dpi > 0 &&
        q.estimated_dpi < 0.8 * options_.target_dpi) {
      q.scale = std::min(4.0, options_.target_dpi / q.estimated_dpi);
      ocr = Rescale(ocr, q.scale);
    }
    SOHOA_RETURN_IF_ERROR(log.Finish("resolution", ocr));
    // The OCR page and where the cleaned part goes in it, at its resolution.
    const cv::Size ocr_size(cvRound(level.width * q.scale), cvRound(level.height * q.scale));
    const cv::Rect ocr_part(cvRound(part.x * q.scale), cvRound(part.y * q.scale), ocr.cols, ocr.rows);
    const double dpi = q.estimated_dpi > 0 ? q.estimated_dpi * q.scale
                                           : (page.dpi > 0 ? page.dpi : 300);

    if (options_.remove_borders) {
      log.Start();
      ocr = RemoveBorders(ocr);
      SOHOA_RETURN_IF_ERROR(log.Finish("borders", ocr));
    }
    if (options_.flatten_background) {
      log.Start();
      ocr = FlattenBackground(ocr);
      SOHOA_RETURN_IF_ERROR(log.Finish("background", ocr));
    }
    if (options_.despeckle) {
      log.Start();
      ocr = RemoveStreaks(ocr, ocr_size.height);
      SOHOA_RETURN_IF_ERROR(log.Finish("streaks", ocr));
      log.Start();
      DespeckleResult specks = Despeckle(ocr, dpi, ocr_size, workspace_.get());
      ocr = std::move(specks.page);
      // Specks far from text measure the dirt; those among the letters
      // would count marks misplaced by the print as well.
      q.noise = specks.dark_components > 0
                    ? static_cast<double>(specks.isolated_removed) / specks.dark_components
                    : 0;
      SOHOA_RETURN_IF_ERROR(log.Finish("despeckle", ocr));
    }
    // The cleaned part laid on white paper the size of the page, and the
    // colour record, at the stage's edge.
    log.Start();
    CleanedPage cleaned;
    cleaned.ocr = PageAround(ocr, ocr_part, ocr_size, dpi);
    // A page that was not turned is handed back as it came, a turned one
    // as its last turn made it.
    if (!records.empty() && colour.data == records.back().pixels.data()) {
      cleaned.colour = std::move(records.back());  // the views of it stay valid: the buffer moves
      cleaned.colour.dpi = page.dpi;
    } else if (colour.data != page.pixels.data()) {
      cleaned.colour = ToImage(colour, page.dpi);
    } else if (taken != nullptr) {
      cleaned.colour = std::move(*taken);  // the views of it stay valid: the buffer moves
    } else {
      cleaned.colour = page;
    }
    SOHOA_RETURN_IF_ERROR(log.Finish("page", ToMat(cleaned.ocr)));
    if (options_.binarization != "none") {
      log.Start();
      const cv::Mat whole = ToMat(cleaned.ocr);
      const cv::Mat binary = options_.binarization == "otsu"
                                 ? BinarizeOtsu(whole)
                                 : BinarizeSauvola(whole, static_cast<int>(dpi / 5), 0.25);
      cleaned.ocr = ToImage(binary, dpi);
      SOHOA_RETURN_IF_ERROR(log.Finish("binarize", binary));
    }

    SuggestRescan(q);
    cleaned.quality = std::move(q);
    return cleaned;
  } catch (const cv::Exception& e) {
    return Status::Internal("cleaning the page failed in OpenCV: " + e.msg);
  }
}

}  // namespace sohoa::clean
