// extract: a document's identity (Decree 30/2020) from its pages' text.
//
// Uses line geometry when present (header block left/right, footer) and
// falls back to text order for text-only input. Nothing is invented: a field
// not on the page stays empty.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/page.h"

namespace sohoa::extract {

struct Options {
  bool cited_documents = true;  // collect "<type> số <number> ngày <date>" from the body
  // Read coloured stamps on their own (the OCR copy has them removed) for a
  // received stamp's arrival number and date.
  bool received_stamp = true;
};

// `pages` in document order; the first is the header page, the last carries the signature.
DocumentFields ExtractFields(const std::vector<PageText>& pages, const Options& options);

// Lines of plain text as a PageText without geometry (for .txt / PDF text layers).
// Text is put in NFC; empty lines are kept (they separate blocks).
PageText PageTextFromPlain(std::string_view text);

// One JSON object with the scorer's keys (number, date, place, issuer,
// issuer_parent, doc_type, subject, signer_name, signer_position, references
// [{type, number, date}]) plus signer_authority, date_missing_reason,
// addressees, recipients, received {number, date} and confidence; null where absent.
std::string FieldsToJson(const DocumentFields& fields);

}  // namespace sohoa::extract
