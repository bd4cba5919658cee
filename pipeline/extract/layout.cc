// Reading order: splits the two header columns using word boxes.
#include <algorithm>
#include <string>

#include "extract/fields.h"
#include "extract/text_util.h"

namespace sohoa::extract {

std::string TextOf(const std::vector<OcrWord>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (words[i].text.empty()) continue;
    if (!out.empty()) out += ' ';
    out += words[i].text;
  }
  return CollapseSpaces(Nfc(out));
}

namespace {

// Union of the boxes of words[begin, end) and their mean confidence.
LineGeometry GeometryOf(const std::vector<OcrWord>& words, size_t begin, size_t end) {
  LineGeometry g;
  int n = 0;
  double confidence = 0;
  for (size_t i = begin; i < end; ++i) {
    const OcrWord& w = words[i];
    if (w.text.empty()) continue;
    confidence += w.confidence;
    g.box = BoxUnion(g.box, w.box);
    ++n;
  }
  g.confidence = n > 0 ? static_cast<float>(confidence / n) : 0;
  return g;
}

// A word folded for matching the motto, without specks OCR puts inside ("C.ỘNG").
std::string FoldedMottoWord(std::string_view text) {
  std::string folded = Fold(TrimJunk(text));
  folded.erase(std::remove(folded.begin(), folded.end(), '.'), folded.end());
  return folded;
}

// "PHÚCỘNG HÒA": the issuer's last word glued to the motto's first across the
// gutter. Splits such a word in two, the box shared by code points.
void SplitGluedMottoWords(std::vector<OcrWord>& words) {
  constexpr std::string_view kFirst = "CONG";  // folded first word of the motto
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    const std::string text = TrimJunk(words[k].text);
    const std::string folded = Fold(text);
    if (folded.size() <= kFirst.size() + 1 || Fold(TrimJunk(words[k + 1].text)) != "HOA") continue;
    if (folded.compare(folded.size() - kFirst.size(), kFirst.size(), kFirst) != 0) continue;
    const std::string head = DropLastCodePoints(text, kFirst.size());
    OcrWord tail = words[k];
    tail.text = text.substr(head.size());
    const int total = static_cast<int>(CodePointCount(text));
    const int head_width = words[k].box.w * static_cast<int>(CodePointCount(head)) / total;
    words[k].text = head;
    words[k].box.w = head_width;
    tail.box.x += head_width;
    tail.box.w -= head_width;
    words.insert(words.begin() + static_cast<long>(k) + 1, tail);
    ++k;
  }
}

bool HasGeometry(const PageText& page) {
  if (page.width <= 0) return false;
  for (const OcrLine& line : page.lines)
    for (const OcrWord& w : line.words)
      if (w.box.w > 0) return true;
  return false;
}

// Each line's text and geometry, as OCR ordered them.
void PlainLines(const PageText& page, std::vector<std::string>* text,
                std::vector<LineGeometry>* geometry) {
  for (const OcrLine& line : page.lines) {
    text->push_back(TextOf(line.words, 0, line.words.size()));
    geometry->push_back(GeometryOf(line.words, 0, line.words.size()));
  }
}

std::vector<std::string> HeaderPageInReadingOrder(const PageText& page,
                                                  std::vector<LineGeometry>* geometry) {
  std::vector<std::string> plain;
  std::vector<LineGeometry> plain_geometry;
  PlainLines(page, &plain, &plain_geometry);

  // The header ends at the type line or the first body line; else the top third.
  int header_bottom = page.height > 0 ? page.height / 3 : 0;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    if (DocTypeOfLine(plain[i]) || IsBodyOpener(plain[i])) {
      header_bottom = page.lines[i].box.y;
      break;
    }
  }
  // The right column starts where the motto does ("CỘNG HÒA", "Độc lập").
  int motto_x = 0;
  for (const OcrLine& line : page.lines) {
    if (line.box.y >= header_bottom) continue;
    for (size_t k = 0; k + 1 < line.words.size(); ++k) {
      const std::string a = FoldedMottoWord(line.words[k].text),
                        b = FoldedMottoWord(line.words[k + 1].text);
      if ((a == "CONG" && b == "HOA") || (a == "DOC" && b == "LAP")) {
        const int x = line.words[k].box.x;
        motto_x = motto_x == 0 ? x : std::min(motto_x, x);
      }
    }
  }
  struct Part {
    int y;
    std::string text;
    LineGeometry geometry;
  };
  std::vector<Part> left, right, rest;
  const double width = page.width;
  for (size_t li = 0; li < page.lines.size(); ++li) {
    const OcrLine& line = page.lines[li];
    if (line.words.empty()) {
      rest.push_back({line.box.y, "", {}});
      continue;
    }
    if (line.box.y >= header_bottom) {
      rest.push_back({line.box.y, plain[li], plain_geometry[li]});
      continue;
    }
    std::vector<OcrWord> words;
    for (const OcrWord& w : line.words)
      if (!TrimJunk(w.text).empty()) words.push_back(w);  // specks in the gutter
    if (words.empty()) continue;
    std::sort(words.begin(), words.end(),
              [](const OcrWord& a, const OcrWord& b) { return a.box.x < b.box.x; });
    // The widest gap between neighbours splits a line spanning both columns.
    size_t split = 0;
    int widest = 0;
    std::vector<int> heights;
    for (const OcrWord& w : words) heights.push_back(w.box.h);
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    const int height = std::max(1, heights[heights.size() / 2]);
    for (size_t k = 1; k < words.size(); ++k) {
      const int gap = words[k].box.x - words[k - 1].box.right();
      const double at = words[k].box.x / width;
      if (gap > widest && at > 0.3 && at < 0.7) {
        widest = gap;
        split = k;
      }
    }
    // Words sit about half a line height apart; the column gutter is wider.
    if (split > 0 && widest * 2 > 3 * height) {
      left.push_back({line.box.y, TextOf(words, 0, split), GeometryOf(words, 0, split)});
      right.push_back(
          {line.box.y, TextOf(words, split, words.size()), GeometryOf(words, split, words.size())});
      continue;
    }
    if (motto_x > 0) {
      size_t k = 0;
      while (k < words.size() && words[k].box.right() <= motto_x) ++k;
      if (k > 0 && k < words.size()) {
        left.push_back({line.box.y, TextOf(words, 0, k), GeometryOf(words, 0, k)});
        right.push_back(
            {line.box.y, TextOf(words, k, words.size()), GeometryOf(words, k, words.size())});
        continue;
      }
    }
    const double centre = (words.front().box.x + words.back().box.right()) / 2.0 / width;
    (centre < 0.45 ? left : right)
        .push_back({line.box.y, TextOf(words, 0, words.size()), GeometryOf(words, 0, words.size())});
  }
  auto by_y = [](const Part& a, const Part& b) { return a.y < b.y; };
  std::stable_sort(left.begin(), left.end(), by_y);
  std::stable_sort(right.begin(), right.end(), by_y);
  std::vector<std::string> out;
  if (geometry) geometry->clear();
  for (const std::vector<Part>* parts : {&left, &right, &rest}) {
    for (const Part& p : *parts) {
      out.push_back(p.text);
      if (geometry) geometry->push_back(p.geometry);
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> LinesInReadingOrder(const PageText& page, bool header_page,
                                             std::vector<LineGeometry>* geometry) {
  if (header_page && HasGeometry(page)) {
    PageText split = page;
    for (OcrLine& line : split.lines) SplitGluedMottoWords(line.words);
    return HeaderPageInReadingOrder(split, geometry);
  }
  std::vector<std::string> plain;
  std::vector<LineGeometry> plain_geometry;
  PlainLines(page, &plain, &plain_geometry);
  if (geometry) *geometry = std::move(plain_geometry);
  return plain;
}

}  // namespace sohoa::extract
