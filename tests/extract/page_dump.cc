// Dev tool: reads page images through the real pipeline (intake, clean, ocr,
// text) and writes each page's words with their boxes as a Tesseract-style
// TSV that `extract_eval` reads, so extraction can be iterated on without
// running OCR again.
//   page_dump --config config/sohoa.toml --out DIR FILE...
// Writes DIR/<stem>.tsv (one page) or DIR/<stem>_pNN.tsv (multi-page input).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/logger.h"
#include "dev_tool.h"
#include "runner/config.h"
#include "runner/pipeline.h"

namespace {

void WriteTsv(const sohoa::PageText& page, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  out << "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf"
         "\ttext\n";
  out << "1\t1\t0\t0\t0\t0\t0\t0\t" << page.width << "\t" << page.height << "\t-1\t\n";
  int line_num = 0;
  for (const sohoa::OcrLine& line : page.lines) {
    ++line_num;
    const sohoa::Box& b = line.box;
    out << "4\t1\t" << line.block << "\t0\t" << line_num << "\t0\t" << b.x << "\t" << b.y << "\t"
        << b.w << "\t" << b.h << "\t-1\t\n";
    int word_num = 0;
    for (const sohoa::OcrWord& w : line.words) {
      out << "5\t1\t" << line.block << "\t0\t" << line_num << "\t" << ++word_num << "\t" << w.box.x
          << "\t" << w.box.y << "\t" << w.box.w << "\t" << w.box.h << "\t" << w.confidence << "\t"
          << w.text << "\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  return sohoa::devtool::ReadPagesThroughPipeline(
      argc, argv, "page_dump",
      [](const sohoa::runner::PageOutcome& page, const std::string& base) { WriteTsv(page.text, base + ".tsv"); });
}
