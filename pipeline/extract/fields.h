// The field finders behind ExtractFields(), one concern per .cc file, exposed
// here so each small rule has its own tests. Input lines are NFC, with white
// space collapsed, in reading order (header left column, right column, body).
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/page.h"

namespace sohoa::extract {

// ---- number.cc ------------------------------------------------------------

// Text after the "Số" label when `line` opens with it ("Số: 17/BC-UBND",
// "Sô:05/QD-UBND", "S6: 12/KH"); nullopt otherwise ("SỞ NỘI VỤ", "Số liệu").
std::optional<std::string> AfterNumberLabel(std::string_view line);

// Parses a document number at the start of `text`, repairing OCR damage:
// spaces inside, '/' read as l, I, | or a trailing 1, Đ read as D, a dropped '-'.
// `words_used` receives how many words of `text` the number took.
// Nullopt when the text holds no code ("1400", "số liệu").
std::optional<DocumentNumber> ParseDocumentNumber(std::string_view text,
                                                  size_t* words_used = nullptr);

// ---- date.cc --------------------------------------------------------------

// A valid calendar date, or nullopt (2021-02-30, month 13, year before 1900).
std::optional<IssueDate> MakeDate(int year, int month, int day);

// A number as OCR printed it: "O5" -> 5, "2O24" -> 2024, "“2024" -> 2024.
std::optional<int> ReadOcrNumber(std::string_view token);

// "20/9/2021", "05.02.2024", "5-2-2024" (trailing punctuation allowed).
std::optional<IssueDate> ParseNumericDate(std::string_view token);

// The place/date line "Lương Điền, ngày 28 tháng 9 năm 2021".
struct DateLine {
  std::string place;              // "Lương Điền"
  std::optional<IssueDate> date;  // empty when left blank or unreadable
  bool blank = false;             // "ngày   tháng   năm 2024": a draft's blank date
  std::string before;             // text before the place on the same line
};
std::optional<DateLine> ParseDateLine(std::string_view line);

// A date that starts at words[i] ("ngày 20/9/2021", "ngày 26 tháng 9 năm 2017").
// `words_used` receives the words it took.
std::optional<IssueDate> DateAt(const std::vector<std::string>& words, size_t i,
                                size_t* words_used);

// ---- header.cc ------------------------------------------------------------

// `line` without the national motto phrases (tolerates OCR damage); the line
// unchanged when it holds none; empty when it held only the motto.
std::string StripMotto(std::string_view line);

// True when `line` is a received stamp heading ("CÔNG VĂN ĐẾN", "ĐẾN").
bool IsReceivedStampLine(std::string_view line);

// Canonical type name when `line` is a type line ("BÁO CÁO", OCR "BẢO CÁO").
std::optional<std::string> DocTypeOfLine(std::string_view line);

// True when `line` opens the body ("Căn cứ ...", "Kính gửi: ...", "Thực hiện ...").
bool IsBodyOpener(std::string_view line);

// Text after a "V/v" label ("V/v đôn đốc ...", OCR "Vív", "V/V"), else nullopt.
std::optional<std::string> AfterSubjectLabel(std::string_view line);

// Issuer and its parent from the header's left-column capital lines (in
// order, with their line index so wrapped lines can be told from new bodies).
struct IssuerLines {
  std::optional<std::string> parent;
  std::optional<std::string> name;
};
struct HeaderLine {
  std::string text;
  size_t index = 0;
};
IssuerLines IssuerFromLines(const std::vector<HeaderLine>& lines);

struct Header {
  std::optional<DocumentNumber> number;
  std::optional<IssueDate> date;
  std::string date_missing_reason;
  std::optional<std::string> place;
  IssuerLines issuer;
  std::optional<std::string> subject_vv;  // công văn subject, "V/v ..."
  std::optional<ReceivedStamp> received;
  size_t end = 0;  // index of the first line after the header
};
Header ReadHeader(const std::vector<std::string>& lines);

// A received stamp's lines: the arrival number ("Số: 1809", OCR "S6: 1809")
// and date ("Ngày: 28/09/2021").
std::optional<std::string> StampArrivalNumber(std::string_view line);
std::optional<IssueDate> StampArrivalDate(std::string_view line);

// Arrival number and date from the lines read off a stamp's ink; nullopt
// unless the lines carry the stamp's heading ("CÔNG VĂN ĐẾN") with one of
// them, or both of them.
std::optional<ReceivedStamp> ReadReceivedStamp(const std::vector<std::string>& lines);

// ---- layout.cc ------------------------------------------------------------

// The text of words[begin, end): joined by spaces, NFC, runs of spaces made one.
std::string TextOf(const std::vector<OcrWord>& words, size_t begin, size_t end);

// Where a line in reading order sits on its page.
struct LineGeometry {
  Box box;               // empty when the page has no geometry (text input)
  float confidence = 0;  // mean OCR word confidence, 0..100; 0 when unknown
};

// The page's lines as text in reading order; on the header page, lines with
// geometry are split into the left (issuer, number) and right (motto, date)
// header columns, left first. `geometry`, when given, receives one entry per line.
std::vector<std::string> LinesInReadingOrder(const PageText& page, bool header_page,
                                             std::vector<LineGeometry>* geometry = nullptr);

// ---- body.cc --------------------------------------------------------------

struct TypeAndSubject {
  std::optional<std::string> doc_type;
  std::optional<std::string> subject;
};
// The type line at or after `from` and the subject lines under it.
TypeAndSubject FindTypeAndSubject(const std::vector<std::string>& lines, size_t from);

// A subject without OCR specks: stray dots inside ("năm.2021" -> "năm 2021"),
// lone punctuation words, junk at either end.
std::string CleanSubject(std::string_view subject);

// Items of the list opened by a label ("Kính gửi", "Nơi nhận"), given folded.
std::vector<std::string> ListAfterLabel(const std::vector<std::string>& lines,
                                        std::string_view folded_label);

// ---- signer.cc ------------------------------------------------------------

// "Nguyễn Chiến", "Nguyễn Thị Thu Hà": 2-6 capitalised words, no digits.
bool LooksLikePersonName(std::string_view line);

// The signature block on the last page: authority, position, name.
std::optional<Signer> FindSigner(const std::vector<std::string>& lines);

// ---- references.cc --------------------------------------------------------

// "<type> [số] <number> [, ngày <date>]" mentions in running text, deduplicated.
std::vector<CitedDocument> FindCitedDocuments(std::string_view text);

// ---- evidence.cc ----------------------------------------------------------

// The spelling of `name` the document prints most often among `words` (all
// its words in reading order), in `name`'s case: OCR damages one occurrence
// of a name printed several times. Spellings count as the same name when
// they fold alike (names of five characters or more, folded), or are one OCR
// slip apart (seven or more: a letter read as another, a letter doubled).
// A spelling folding alike replaces `name` when printed more often, or as
// often with more tone marks (OCR drops marks, it seldom adds them) or as
// many marks read with more OCR confidence (`confidence`, one per word, 0..100,
// when given); one a slip apart only when printed at least three times and
// `name` at most once.
std::string MostPrintedSpelling(std::string_view name, const std::vector<std::string>& words,
                                const std::vector<float>* confidence = nullptr);

// An issuer line with the locality after its last level word ("HUYỆN THẠCH
// HA") in the spelling the document prints most often.
std::string RepairLocality(std::string_view line, const std::vector<std::string>& words,
                           const std::vector<float>* confidence = nullptr);

// The signature block's authority ("TM. UY BẠN NHAN DAN") with its body
// spelt as the issuer line prints it ("TM. ỦY BAN NHÂN DÂN") when the two fold
// alike; the block repeats the issuer's kind. Unchanged otherwise.
std::string AuthorityAsIssuerPrints(std::string_view authority, std::string_view issuer);

// ---- source.cc ------------------------------------------------------------


// Lines [begin, end) a field's value was read from.
struct LineSpan {
  size_t begin = 0, end = 0;
  bool exact = false;  // printed as the value has it (no OCR repair, no folding)
};

// The shortest run of at most `max_lines` lines, at or after `from`, whose
// letters and digits (folded: no diacritics, upper case) hold the value's;
// the first such run in reading order. Nullopt when the value is not there.
std::optional<LineSpan> FindValueLines(const std::vector<std::string>& lines,
                                       std::string_view value, size_t from = 0,
                                       size_t max_lines = 5);

// The field's source on page `page_index` from lines `span` of `geometry`:
// their union box, and `certainty` times their mean OCR confidence (when known).
FieldSource SourceOfLines(int page_index, const std::vector<LineGeometry>& geometry,
                          const LineSpan& span, double certainty);

}  // namespace sohoa::extract
