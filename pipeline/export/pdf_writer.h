// Internal: a minimal PDF 1.7 object writer: numbered objects, streams
// (optionally Flate-compressed), and a cross-reference table with exact
// byte offsets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sohoa::pdf::internal {

// Locale-independent decimal with at most three fraction digits ("12.5", "-3").
std::string Num(double v);
// UTF-8 -> UTF-16 code units; invalid bytes and characters outside the BMP become U+FFFD.
std::u16string Utf16(std::string_view utf8);
// PDF text string: <FEFF...> UTF-16BE with a byte-order mark.
std::string TextString(std::string_view utf8);
// zlib deflate; Internal on failure.
Result<std::string> Deflate(std::string_view bytes);

class PdfWriter {
 public:
  PdfWriter();

  // Reserves an object number to refer to before the object is written.
  int Reserve();
  // Writes object `id` whose body is a dictionary or other value.
  void Object(int id, std::string_view body);
  // Writes object `id` as a stream; `dict_entries` go inside << >> besides /Length.
  void Stream(int id, std::string_view dict_entries, std::string_view data);
  // Deflates `data` and writes it with /Filter /FlateDecode.
  Status FlateStream(int id, std::string_view dict_entries, std::string_view data);
  // Appends the xref table and trailer; returns the whole file.
  Result<std::string> Finish(int root_id, int info_id);

 private:
  std::string out_;
  std::vector<size_t> offsets_;  // by object number; 0 = not yet written
};

}  // namespace sohoa::pdf::internal
