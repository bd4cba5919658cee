// Dev tools: a recognised page with every word's box, confidence and the
// recogniser's per-character choices, as a TSV that text_correct_dir reads
// back, so correction can be iterated on without running OCR again.
//
//   page  WIDTH HEIGHT
//   line  BLOCK X Y W H
//   word  X Y W H CONFIDENCE TEXT CHOICES
// CHOICES: per character, its readings "text\x1dprobability" joined by \x1f;
// characters joined by \x1e; empty when the engine gave none.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/page.h"

namespace sohoa::text::dev {

inline std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

inline void WritePageWords(const PageText& page, std::ostream& out) {
  out << "page\t" << page.width << "\t" << page.height << "\n";
  for (const OcrLine& line : page.lines) {
    out << "line\t" << line.block << "\t" << line.box.x << "\t" << line.box.y << "\t" << line.box.w << "\t"
        << line.box.h << "\n";
    for (const OcrWord& w : line.words) {
      out << "word\t" << w.box.x << "\t" << w.box.y << "\t" << w.box.w << "\t" << w.box.h << "\t"
          << w.confidence << "\t" << w.text << "\t";
      for (size_t c = 0; c < w.glyph_choices.size(); ++c) {
        if (c > 0) out << '\x1e';
        for (size_t k = 0; k < w.glyph_choices[c].size(); ++k) {
          if (k > 0) out << '\x1f';
          out << w.glyph_choices[c][k].text << '\x1d' << w.glyph_choices[c][k].probability;
        }
      }
      out << "\n";
    }
  }
}

// False when the file cannot be read or a line is malformed.
inline bool ReadPageWords(const std::string& path, PageText* page) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  *page = PageText{};
  for (std::string row; std::getline(in, row);) {
    const std::vector<std::string> f = SplitOn(row, '\t');
    if (f[0] == "page" && f.size() == 3) {
      page->width = std::stoi(f[1]);
      page->height = std::stoi(f[2]);
    } else if (f[0] == "line" && f.size() == 6) {
      OcrLine line;
      line.block = std::stoi(f[1]);
      line.box = Box{std::stoi(f[2]), std::stoi(f[3]), std::stoi(f[4]), std::stoi(f[5])};
      page->lines.push_back(std::move(line));
    } else if (f[0] == "word" && f.size() == 8 && !page->lines.empty()) {
      OcrWord w;
      w.box = Box{std::stoi(f[1]), std::stoi(f[2]), std::stoi(f[3]), std::stoi(f[4])};
      w.confidence = std::stof(f[5]);
      w.text = f[6];
      if (!f[7].empty()) {
        for (const std::string& ch : SplitOn(f[7], '\x1e')) {
          std::vector<GlyphChoice> choices;
          for (const std::string& c : SplitOn(ch, '\x1f')) {
            const size_t at = c.rfind('\x1d');
            if (at == std::string::npos) return false;
            choices.push_back(GlyphChoice{c.substr(0, at), std::stof(c.substr(at + 1))});
          }
          w.glyph_choices.push_back(std::move(choices));
        }
      }
      page->lines.back().words.push_back(std::move(w));
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace sohoa::text::dev
