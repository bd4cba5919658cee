// text: OCR output -> text a person can trust and an index can match (ICU).
//
// Display text keeps the document's own tone-mark style; comparison and the
// search index use one canonical style and a folded key.
// Thread-safety: a TextNormalizer is used by one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/page.h"
#include "core/status.h"

namespace sohoa::text {

struct Options {
  bool correct = true;  // apply corrections (with reasons) on top of normalisation
};

class TextNormalizer {
 public:
  static Result<std::unique_ptr<TextNormalizer>> Create(const Options& options);
  virtual ~TextNormalizer() = default;

  // NFC; repairs mixed precomposed/combining input. Keeps the tone style.
  virtual std::string Nfc(std::string_view text) = 0;
  // NFC in one canonical tone-mark style (hoà -> hòa), for comparison.
  virtual std::string Canonical(std::string_view text) = 0;
  // The search key: Canonical, then ICU Latin-ASCII and lower case
  // ("QUYẾT ĐỊNH" -> "quyet dinh", "đ" -> "d").
  virtual std::string SearchKey(std::string_view text) = 0;
  // Normalises every word of a page (boxes unchanged).
  virtual PageText NormalizePage(const PageText& page) = 0;
};

}  // namespace sohoa::text
