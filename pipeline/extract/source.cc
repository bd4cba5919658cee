// Where a field came from: the lines that hold its value, their box and confidence.
#include <algorithm>
#include <string>

#include "extract/fields.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

// Letters and digits only, folded: "Số: 17 / BC - UBND" -> "SO17BCUBND".
std::string Compact(std::string_view text) {
  std::string out;
  for (char c : Fold(text))
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  return out;
}

}  // namespace

std::optional<LineSpan> FindValueLines(const std::vector<std::string>& lines,
                                       std::string_view value, size_t from, size_t max_lines) {
  const std::string want = Compact(value);
  if (want.empty()) return std::nullopt;
  std::vector<std::string> compact;
  compact.reserve(lines.size());
  for (const std::string& line : lines) compact.push_back(Compact(line));
  std::optional<LineSpan> best;
  for (size_t b = from; b < lines.size(); ++b) {
    if (compact[b].empty()) continue;
    std::string joined;
    for (size_t e = b; e < lines.size() && e - b < max_lines; ++e) {
      joined += compact[e];
      if (joined.find(want) == std::string::npos) continue;
      if (!best || e + 1 - b < best->end - best->begin) best = LineSpan{b, e + 1, false};
      break;
    }
  }
  if (best) {
    std::string printed;
    for (size_t i = best->begin; i < best->end; ++i) printed += (i > best->begin ? " " : "") + lines[i];
    best->exact = Upper(CollapseSpaces(printed)).find(Upper(CollapseSpaces(value))) !=
                  std::string::npos;
  }
  return best;
}

FieldSource SourceOfLines(int page_index, const std::vector<LineGeometry>& geometry,
                          const LineSpan& span, double certainty) {
  FieldSource source;
  source.page_index = page_index;
  double ocr = 0;
  int counted = 0;
  for (size_t i = span.begin; i < span.end && i < geometry.size(); ++i) {
    const LineGeometry& g = geometry[i];
    if (g.confidence > 0) {
      ocr += g.confidence;
      ++counted;
    }
    source.box = BoxUnion(source.box, g.box);
  }
  source.confidence = certainty * (counted > 0 ? ocr / counted / 100.0 : 1.0);
  return source;
}

}  // namespace sohoa::extract
