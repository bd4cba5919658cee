#include "core/page.h"

namespace sohoa {

std::string PageText::PlainText() const {
  std::string out;
  for (const OcrLine& line : lines) {
    bool first = true;
    for (const OcrWord& w : line.words) {
      if (!first) out += ' ';
      out += w.text;
      first = false;
    }
    out += '\n';
  }
  return out;
}

}  // namespace sohoa
