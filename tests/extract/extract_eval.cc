// Dev tool: prints extracted fields as one JSON object keyed by file stem, or
// by document id with --by-doc (files "<id>_pNN_<variant>.txt", clean variant
// preferred per page). Optional --tsv DIR reads Tesseract TSV files (with
// word boxes) instead of plain text. --lines prints each page's lines in the
// reading order extraction uses, instead of the fields.
//   extract_eval [--by-doc] [--lines] FILE...
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/fields.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Tesseract TSV (level, page, block, par, line, word, left, top, width, height, conf, text).
sohoa::PageText PageFromTsv(const std::string& text) {
  sohoa::PageText page;
  std::istringstream in(text);
  std::string row;
  std::getline(in, row);  // header
  std::tuple<int, int, int> current{-1, -1, -1};
  while (std::getline(in, row)) {
    std::vector<std::string> cols;
    std::stringstream rs(row);
    std::string col;
    while (std::getline(rs, col, '\t')) cols.push_back(col);
    if (cols.size() < 11) continue;
    const int level = std::stoi(cols[0]);
    sohoa::Box box{std::stoi(cols[6]), std::stoi(cols[7]), std::stoi(cols[8]), std::stoi(cols[9])};
    if (level == 1) {
      page.width = box.w;
      page.height = box.h;
    } else if (level == 4) {
      sohoa::OcrLine line;
      line.box = box;
      line.block = std::stoi(cols[2]);
      page.lines.push_back(line);
    } else if (level == 5 && cols.size() >= 12 && !page.lines.empty()) {
      sohoa::OcrWord word;
      word.text = cols[11];
      word.box = box;
      word.confidence = std::stof(cols[10]);
      if (!word.text.empty() && word.text != " ") page.lines.back().words.push_back(word);
    }
  }
  return page;
}

sohoa::PageText Load(const std::string& path) {
  const std::string text = ReadFile(path);
  if (path.size() > 4 && path.substr(path.size() - 4) == ".tsv") return PageFromTsv(text);
  return sohoa::extract::PageTextFromPlain(text);
}

}  // namespace

int main(int argc, char** argv) {
  bool by_doc = false, lines = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--by-doc") {
      by_doc = true;
    } else if (arg == "--lines") {
      lines = true;
    } else {
      files.push_back(arg);
    }
  }
  std::sort(files.begin(), files.end());
  // Groups: stem -> pages (one file), or doc id -> its pages in order.
  std::map<std::string, std::vector<std::string>> groups;
  for (const std::string& f : files) {
    const std::string stem = std::filesystem::path(f).stem().string();
    if (!by_doc) {
      groups[stem].push_back(f);
      continue;
    }
    const std::string id = stem.substr(0, stem.find('_'));
    groups[id].push_back(f);
  }
  sohoa::extract::Options options;
  std::cout << "{\n";
  bool first = true;
  for (const auto& [key, paths] : groups) {
    std::vector<sohoa::PageText> pages;
    for (const std::string& p : paths) pages.push_back(Load(p));
    if (lines) {
      for (size_t i = 0; i < pages.size(); ++i) {
        std::cout << "== " << key << " page " << i + 1 << "\n";
        for (const std::string& line : sohoa::extract::LinesInReadingOrder(pages[i], i == 0))
          std::cout << line << "\n";
      }
      continue;
    }
    const sohoa::DocumentFields fields = sohoa::extract::ExtractFields(pages, options);
    std::cout << (first ? "" : ",\n") << "\"" << key
              << "\": " << sohoa::extract::FieldsToJson(fields);
    first = false;
  }
  std::cout << "\n}\n";
  return 0;
}
