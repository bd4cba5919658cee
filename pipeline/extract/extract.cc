// ExtractFields: runs the field finders over the pages in reading order.
#include "extract/extract.h"

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

}  // namespace

DocumentFields ExtractFields(const std::vector<PageText>& pages, const Options& options) {
  DocumentFields fields;
  if (pages.empty()) return fields;
  std::vector<std::vector<std::string>> lines;
  for (size_t p = 0; p < pages.size(); ++p) lines.push_back(LinesInReadingOrder(pages[p], p == 0));
  const std::vector<std::string>& first = lines.front();

  Header header = ReadHeader(first);
  fields.number = header.number;
  fields.date = header.date;
  fields.date_missing_reason = header.date_missing_reason;
  fields.place = header.place;
  fields.issuer = header.issuer.name;
  fields.issuer_parent = header.issuer.parent;
  fields.received = header.received;

  TypeAndSubject type = FindTypeAndSubject(first, header.end);
  fields.doc_type = type.doc_type;
  fields.subject = type.subject;
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
  if (!fields.subject && header.subject_vv) fields.subject = header.subject_vv;
  if (!fields.date && fields.date_missing_reason.empty()) {
    fields.date_missing_reason = "no place/date line found in the header";
  }

  fields.signer = FindSigner(lines.back());
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
