// Dev tool: reads page images through the real pipeline (intake, clean, ocr)
// and writes each page as recognised, before any text correction, with the
// recogniser's per-character choices (page_words.h), so that
// `text_correct_dir` can correct the same pages again and again without OCR.
//   ocr_dump [--config FILE] --out DIR FILE...
// Writes DIR/<stem>.words (one page) or DIR/<stem>_pNN.words (multi-page input).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/logger.h"
#include "page_words.h"
#include "dev_tool.h"
#include "runner/config.h"
#include "runner/pipeline.h"

int main(int argc, char** argv) {
  return sohoa::devtool::ReadPagesThroughPipeline(
      argc, argv, "ocr_dump", [](const sohoa::runner::PageOutcome& page, const std::string& base) {
        std::ofstream f(base + ".words", std::ios::binary);
        sohoa::text::dev::WritePageWords(page.raw, f);
      });
}
