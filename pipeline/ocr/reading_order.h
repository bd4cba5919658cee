// Reading order for Decree-30 pages (private to the ocr stage; tested).
//
// Tesseract often reads the two-column header ("UBND HUYỆN X" on the left,
// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on the right) as one line. A records
// clerk reads the left column first, then the right one; the same holds for
// the footer ("Nơi nhận:" list on the left, signature block on the right).
#pragma once

#include <optional>

#include "core/page.h"

namespace sohoa::ocr {

// Splits lines at wide horizontal gaps and, in the header and footer zones
// where two columns stand side by side, puts the left column's lines before
// the right column's. Lines elsewhere keep their order.
PageText OrderTwoColumnZones(const PageText& page);

// A header whose two columns Tesseract read as one: the issuer name runs into
// the national motto with no gap, so a line crosses the column boundary and the
// lines around it fall apart (marks read as lines of their own, letters lost).
// The zone is read again one column at a time.
struct MergedHeader {
  Box zone;             // the header lines, full text width, a little padded
  int gutter_lo = 0;    // the column boundary lies in [gutter_lo, gutter_hi]:
  int gutter_hi = 0;    //   right of every left-column word, left of every right-column one
  int band_top = 0;     // rows of the line(s) that cross the boundary
  int band_bottom = 0;
};

// The header zone to read again, if its first reading has a line across the
// column boundary that is followed by lines standing in the left and the
// right column; nullopt otherwise (the usual case).
std::optional<MergedHeader> FindMergedHeader(const PageText& page);

// `page` without the marks read as letters or digits that are far lower
// than the page's words ("Ấ", "è", "ˆ." 8 px high among 43 px words: what is
// left of a seal or a signature, or marks torn off their letters);
// punctuation ("-", ".", ",") stays. Lines left empty go.
PageText DropMarksReadAsLetters(const PageText& page);

// `page` without the lines that hold nothing but one or two marks of
// punctuation (":", "-", "`", "."), or one word of at most three letters or
// marks read with confidence under 50 ("mi", "-š"): what a seal, a
// signature or a speck leaves on a line of its own; no line of a document
// is that. The closing mark "./.", an ellipsis, a lone asterisk and numbers
// stay. Run once the columns are split into lines of their own, before
// tables are read (a table cell may hold just "-").
PageText DropStrayMarkLines(const PageText& page);

// Zones where Tesseract took the marks of a line's capitals ("Á", "Ă", "Ò"
// in bold "CHÁNH VĂN PHÒNG") for a line of their own above it, and read the
// letters bare ("QUA NHI MA NON G"): each such mark standing right over
// words, with those words. Read again alone, the line keeps its marks. Marks
// over nothing are left to `DropMarksReadAsLetters`. Run on the page as
// first read, before the marks are dropped.
std::vector<Box> FindOrphanedMarks(const PageText& page);

// Zones of words read as far fewer letters than their box holds, with little
// confidence ("CHỦ TỊCH" under a seal read as "Ấn"), with any mark standing
// right over them: read again alone, they come out whole.
std::vector<Box> FindStretchedWords(const PageText& page);

// Zones where ink stands in a line's rows that no word read covers: Tesseract
// joined the line with marks of the other column (a signature block's title
// set a little lower than a recipient's line) and the recogniser left out a
// stretch of the line ("- Đoàn Kiểm tra uyện (b/c);" for "... tra CCHC huyện
// (b/c);"). Each zone holds the unread ink and the words of its column on
// that line; read again alone, the line comes out whole. `image` is the page
// the words' boxes refer to.
std::vector<Box> FindUnreadInk(const PageText& page, const Image& image);

// Whether `again`, a second reading of `zone`, holds more letters than the
// words of `first` inside it and reads them at kFullerMinConfidence or more
// per letter: a stretch the first reading left out, or a line it swallowed,
// read whole. Not measured against the first reading's confidence: the
// letters it left out are the less certain ones ("CCHC" beside a streak or a
// seal reads at 70-75 among words at 95, so a whole line read again averages
// 82-90 against 90-95), while what a signature or a picture gives reads at 60
// and less.
constexpr double kFullerMinConfidence = 75;
bool ReadsMoreLetters(const PageText& first, const Box& zone, const PageText& again);

// Dark pixels (grey under 128; the first channel of a colour page) in each
// column x_lo..x_hi-1 over rows y_lo..y_hi-1, which lie inside `page`.
std::vector<int> InkPerColumn(const Image& page, int x_lo, int x_hi, int y_lo, int y_hi);

// True when the centre of `box` lies in `zone`: the word belongs to the zone.
bool CentreInside(const Box& box, const Box& zone);

// `page` with the words inside `zone` replaced by the lines of `parts`, in
// their order, where the first replaced line stood.
PageText ReplaceZoneWith(const PageText& page, const Box& zone, const std::vector<PageText>& parts);

// Zones where Tesseract's lines are tangled: a line much taller than the
// page's lines that overlaps others (a label whose dot below touches the
// next line's marks, read as one line with fragments of the next around it).
// Each zone covers the tall line and those it overlaps; read again, it
// comes apart into its lines.
std::vector<Box> FindTangledLines(const PageText& page);

// `page` with the words inside `zone` replaced by `left` then `right` (each
// read from that part of the zone), the new lines where the old ones stood.
PageText ReplaceZone(const PageText& page, const Box& zone, const PageText& left, const PageText& right);

}  // namespace sohoa::ocr
