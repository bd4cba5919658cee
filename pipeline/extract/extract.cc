// ExtractFields: runs the field finders over the pages in reading order.
#include "extract/extract.h"

#include <algorithm>
#include <string>

#include "extract/fields.h"
#include "extract/rules.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

// Identity fields that make up the confidence.
double FoundShare(const DocumentFields& f) {
  const int found = (f.number ? 1 : 0) + (f.date ? 1 : 0) + (f.issuer ? 1 : 0) +
                    (f.doc_type ? 1 : 0) + (f.subject ? 1 : 0);
  return found / 5.0;
}

// Rule certainty of a value found in the lines: as printed, or only after
// folding (OCR damage repaired, tone marks restored).
constexpr double kPrinted = 1.0;
constexpr double kRepaired = 0.8;
constexpr double kDerived = 0.6;  // not printed as such: inferred from another field

// A page's lines in reading order with where each sits.
struct PageLines {
  std::vector<std::string> text;
  std::vector<LineGeometry> geometry;
};

class SourceRecorder {
 public:
  SourceRecorder(const std::vector<PageLines>& pages, DocumentFields& fields)
      : pages_(pages), fields_(fields) {}

  // Records where `value` of `field` was read on page `page`, at or after line `from`.
  void Value(const std::string& field, size_t page, const std::string& value, size_t from = 0,
             size_t max_lines = 5) {
    auto span = FindValueLines(pages_[page].text, value, from, max_lines);
    if (span) Lines(field, page, *span, span->exact ? kPrinted : kRepaired);
  }
  void Lines(const std::string& field, size_t page, const LineSpan& span, double certainty) {
    fields_.sources[field] =
        SourceOfLines(static_cast<int>(page), pages_[page].geometry, span, certainty);
  }
  // `field` was inferred from `from_field`'s lines.
  void Derived(const std::string& field, const std::string& from_field) {
    auto it = fields_.sources.find(from_field);
    if (it == fields_.sources.end()) return;
    FieldSource derived = it->second;
    derived.confidence *= kDerived;
    fields_.sources[field] = derived;
  }
  // Widens `field`'s source by the lines of `value` on the same page, at or after line `from`.
  void Extend(const std::string& field, const std::string& value, size_t from = 0) {
    auto it = fields_.sources.find(field);
    if (it == fields_.sources.end()) return;
    const size_t page = static_cast<size_t>(it->second.page_index);
    auto span = FindValueLines(pages_[page].text, value, from);
    if (!span) return;
    const FieldSource more = SourceOfLines(it->second.page_index, pages_[page].geometry, *span,
                                           span->exact ? kPrinted : kRepaired);
    it->second.box = BoxUnion(it->second.box, more.box);
    it->second.confidence = std::min(it->second.confidence, more.confidence);
  }

 private:
  const std::vector<PageLines>& pages_;
  DocumentFields& fields_;
};

// The header line the number was read from, found by reading each line again.
std::optional<LineSpan> NumberLine(const std::vector<std::string>& lines, size_t end,
                                   const DocumentNumber& number) {
  for (size_t i = 0; i < end && i < lines.size(); ++i) {
    auto after = AfterNumberLabel(StripMotto(lines[i]));
    if (!after) continue;
    auto parsed = ParseDocumentNumber(*after);
    if (parsed && parsed->printed == number.printed) return LineSpan{i, i + 1, false};
  }
  return std::nullopt;
}

// The header line the place/date line was read from.
std::optional<LineSpan> DateLineAt(const std::vector<std::string>& lines, size_t end) {
  for (size_t i = 0; i < end && i < lines.size(); ++i) {
    if (ParseDateLine(StripMotto(lines[i]))) return LineSpan{i, i + 1, true};
  }
  return std::nullopt;
}

// Each cited document where its number is printed: "references[i]". They
// are listed in order of first mention, so each is looked for after the one
// before, then anywhere in the body.
void RecordReferenceSources(const std::vector<PageLines>& pages, size_t header_end, const DocumentFields& f,
                            SourceRecorder& record) {
  size_t page = 0, from = header_end;
  for (size_t i = 0; i < f.references.size(); ++i) {
    const std::string field = "references[" + std::to_string(i) + "]";
    bool found = false;
    for (int pass = 0; pass < 2 && !found; ++pass) {
      for (size_t p = pass == 0 ? page : 0; p < pages.size() && !found; ++p) {
        const size_t start = pass == 0 && p == page ? from : (p == 0 ? header_end : 0);
        auto span = FindValueLines(pages[p].text, f.references[i].number, start, 2);
        if (!span) continue;
        record.Lines(field, p, *span, span->exact ? kPrinted : kRepaired);
        if (pass == 0) {
          page = p;
          from = span->begin;
        }
        found = true;
      }
    }
  }
}

void RecordSources(const std::vector<PageLines>& pages, const Header& header,
                   bool type_from_line, DocumentFields& f) {
  SourceRecorder record(pages, f);
  const std::vector<std::string>& first = pages.front().text;
  if (f.number) {
    if (auto span = NumberLine(first, header.end, *f.number)) {
      auto as_printed = FindValueLines({first[span->begin]}, f.number->printed);
      const bool printed = as_printed && as_printed->exact;
      record.Lines("number", 0, *span, printed ? kPrinted : kRepaired);
    }
  }
  if (auto span = DateLineAt(first, header.end)) {
    if (f.date) record.Lines("date", 0, *span, kPrinted);
    if (f.place) {
      const bool printed = first[span->begin].find(*f.place) != std::string::npos;
      record.Lines("place", 0, *span, printed ? kPrinted : kRepaired);
    }
  }
  if (f.issuer) record.Value("issuer", 0, *f.issuer, 0, 4);
  if (f.issuer_parent) record.Value("issuer_parent", 0, *f.issuer_parent, 0, 3);
  if (f.doc_type) {
    if (type_from_line) {
      record.Value("doc_type", 0, *f.doc_type, header.end, 1);
    } else {
      record.Derived("doc_type", "number");
    }
  }
  if (f.subject) record.Value("subject", 0, *f.subject);
  if (f.received && !f.received->arrival_number.empty())
    record.Value("received", 0, f.received->arrival_number, 0, 1);
  // Lists: from their label's line to their last item.
  auto list = [&](const std::string& field, size_t page, std::string_view label,
                  const std::vector<std::string>& items) {
    auto at = FindValueLines(pages[page].text, label, 0, 1);
    if (!at || items.empty()) return false;
    record.Value(field, page, items.front(), at->begin);
    record.Extend(field, items.back(), at->begin);
    return true;
  };
  list("addressees", 0, "Kính gửi", f.addressees);
  for (size_t p = pages.size(); p-- > 0 && !list("recipients", p, "Nơi nhận", f.recipients);) {
  }
  const size_t last = pages.size() - 1;
  if (f.signer) {
    // The name is the block's last line: search the footer from the bottom up.
    const std::vector<std::string>& text = pages[last].text;
    for (size_t from = text.size(); from-- > 0;) {
      auto name = FindValueLines(text, f.signer->name, from, 1);
      if (!name) continue;
      record.Lines("signer", last, *name, name->exact ? kPrinted : kRepaired);
      const size_t above = name->begin > 8 ? name->begin - 8 : 0;
      if (!f.signer->position.empty()) record.Extend("signer", f.signer->position, above);
      if (!f.signer->authority.empty()) record.Extend("signer", f.signer->authority, above);
      break;
    }
  }
  RecordReferenceSources(pages, header.end, f, record);
}

// A received stamp read off its own ink (more trustworthy than what is left
// of it in the page's text), with the box and the OCR confidence of the
// lines that gave its number and date: the clerk checks those, often
// handwritten, against the paper.
std::optional<std::pair<ReceivedStamp, FieldSource>> ReadStampLines(const std::vector<OcrLine>& lines,
                                                                   int page_index) {
  std::vector<std::string> said;
  for (const OcrLine& line : lines) said.push_back(TextOf(line.words, 0, line.words.size()));
  std::optional<ReceivedStamp> stamp = ReadReceivedStamp(said);
  if (!stamp) return std::nullopt;
  FieldSource source;
  source.page_index = page_index;
  source.confidence = 1;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!StampArrivalNumber(said[i]) && !StampArrivalDate(said[i])) continue;
    source.box = BoxUnion(source.box, lines[i].box);
    for (const OcrWord& w : lines[i].words) source.confidence = std::min(source.confidence, w.confidence / 100.0);
  }
  return std::make_pair(*stamp, source);
}

}  // namespace

DocumentFields ExtractFields(const std::vector<PageText>& pages, const Options& options) {
  DocumentFields fields;
  if (pages.empty()) return fields;
  std::vector<PageLines> read(pages.size());
  std::vector<std::vector<std::string>> lines;
  for (size_t p = 0; p < pages.size(); ++p) {
    read[p].text = LinesInReadingOrder(pages[p], p == 0, &read[p].geometry);
    lines.push_back(read[p].text);
  }
  const std::vector<std::string>& first = lines.front();

  Header header = ReadHeader(first);
  fields.number = header.number;
  fields.date = header.date;
  fields.date_missing_reason = header.date_missing_reason;
  fields.place = header.place;
  fields.issuer = header.issuer.name;
  fields.issuer_parent = header.issuer.parent;
  fields.received = header.received;
  std::optional<FieldSource> stamp_source;
  if (options.received_stamp) {
    for (size_t p = 0; p < pages.size() && !stamp_source; ++p) {
      if (auto stamp = ReadStampLines(pages[p].stamp_lines, static_cast<int>(p))) {
        fields.received = stamp->first;
        stamp_source = stamp->second;
      }
    }
  }

  // The whole document's words, with their line's OCR confidence, for the spelling of names.
  std::vector<std::string> words;
  std::vector<float> word_confidence;
  for (const PageLines& page : read) {
    for (size_t i = 0; i < page.text.size(); ++i) {
      for (std::string& w : Words(page.text[i])) {
        words.push_back(std::move(w));
        word_confidence.push_back(i < page.geometry.size() ? page.geometry[i].confidence : 0);
      }
    }
  }
  if (fields.issuer) fields.issuer = RepairLocality(*fields.issuer, words, &word_confidence);
  if (fields.issuer_parent)
    fields.issuer_parent = RepairLocality(*fields.issuer_parent, words, &word_confidence);
  if (fields.place) fields.place = MostPrintedSpelling(*fields.place, words, &word_confidence);

  TypeAndSubject type = FindTypeAndSubject(first, header.end);
  fields.doc_type = type.doc_type;
  fields.subject = type.subject;
  const bool type_from_line = fields.doc_type.has_value();
  const bool code_has_type = fields.number && !fields.number->type_abbreviation.empty();
  if (!fields.doc_type) {
    if (header.subject_vv && !code_has_type) {
      fields.doc_type = "CÔNG VĂN";  // no type line, no type in the code, a "V/v" subject
    } else if (code_has_type) {
      if (const DocTypeRule* rule = DocTypeByAbbreviation(fields.number->type_abbreviation)) {
        fields.doc_type = std::string(rule->name);  // type line unreadable: the code says it
      }
    }
  }
  if (!fields.subject && header.subject_vv) fields.subject = CleanSubject(*header.subject_vv);
  if (!fields.date && fields.date_missing_reason.empty()) {
    fields.date_missing_reason = "no place/date line found in the header";
  }

  fields.signer = FindSigner(lines.back());
  if (fields.signer && fields.issuer && !fields.signer->authority.empty())
    fields.signer->authority = AuthorityAsIssuerPrints(fields.signer->authority, *fields.issuer);
  fields.addressees = ListAfterLabel(first, "KINH GUI");
  for (size_t p = lines.size(); p-- > 0 && fields.recipients.empty();) {
    fields.recipients = ListAfterLabel(lines[p], "NOI NHAN");
  }
  if (options.cited_documents) {
    std::string text;
    for (size_t p = 0; p < lines.size(); ++p) {
      for (size_t i = (p == 0 ? header.end : 0); i < lines[p].size(); ++i)
        text += lines[p][i] + "\n";
    }
    fields.references = FindCitedDocuments(text);
  }
  RecordSources(read, header, type_from_line, fields);
  if (stamp_source) fields.sources["received"] = *stamp_source;
  // The type line and the code's type abbreviation disagree ("BÁO CÁO" over
  // "17/KH-UBND"): one of them is misread; both are kept, less sure.
  if (type_from_line && code_has_type) {
    const DocTypeRule* rule = DocTypeByAbbreviation(fields.number->type_abbreviation);
    if (rule && rule->name != *fields.doc_type) {
      for (const char* field : {"doc_type", "number"}) {
        auto it = fields.sources.find(field);
        if (it != fields.sources.end()) it->second.confidence *= kDerived;
      }
    }
  }
  double confidence = FoundShare(fields);
  double ocr = 0;
  int counted = 0;
  for (const PageText& page : pages) {
    if (page.mean_confidence > 0) {
      ocr += page.mean_confidence;
      ++counted;
    }
  }
  if (counted > 0) confidence *= ocr / counted / 100.0;
  fields.confidence = confidence;
  return fields;
}

PageText PageTextFromPlain(std::string_view text) {
  PageText page;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    OcrLine line;
    for (std::string& w : Words(Nfc(text.substr(start, end - start)))) {
      OcrWord word;
      word.text = std::move(w);
      line.words.push_back(std::move(word));
    }
    page.lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  while (!page.lines.empty() && page.lines.back().words.empty()) page.lines.pop_back();
  return page;
}

}  // namespace sohoa::extract
