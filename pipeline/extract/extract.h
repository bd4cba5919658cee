// extract: a document's identity (Decree 30/2020) from its pages' text.
//
// Uses line geometry when present (header block left/right, footer) and
// falls back to text order for text-only input. Nothing is invented: a field
// not on the page stays empty.
// Thread-safety: pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/page.h"

namespace sohoa::extract {

struct Options {
  bool cited_documents = true;  // collect "<type> số <number> ngày <date>" from the body
};

// `pages` in document order; the first is the header page, the last carries the signature.
DocumentFields ExtractFields(const std::vector<PageText>& pages, const Options& options);

// Lines of plain text as a PageText without geometry (for .txt / PDF text layers).
PageText PageTextFromPlain(std::string_view text);

}  // namespace sohoa::extract
