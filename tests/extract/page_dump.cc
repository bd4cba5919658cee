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
  const std::optional<sohoa::devtool::Args> args = sohoa::devtool::ParseArgs(argc, argv, "page_dump");
  if (!args) return 2;
  std::optional<sohoa::runner::Config> config = sohoa::devtool::LoadConfig(args->config_path);
  if (!config) return 2;
  namespace fs = std::filesystem;
  const std::string& out_dir = args->out_dir;
  const std::vector<std::string>& files = args->files;
  fs::create_directories(out_dir);
  sohoa::NullLogger logger;
  sohoa::runner::Pipeline pipeline(*config, &logger);
  int failed = 0;
  pipeline.Run(files, sohoa::runner::Mode::kOcr,
               [&](size_t, const sohoa::runner::FileOutcome& out) {
                 if (!out.status.ok()) {
                   std::cerr << out.path << ": " << out.status.ToString() << "\n";
                   ++failed;
                   return;
                 }
                 const std::string stem = fs::path(out.path).stem().string();
                 for (size_t i = 0; i < out.pages.size(); ++i) {
                   char suffix[32] = "";
                   if (out.pages.size() > 1) std::snprintf(suffix, sizeof suffix, "_p%02zu", i + 1);
                   WriteTsv(out.pages[i].text, (fs::path(out_dir) / (stem + suffix + ".tsv")).string());
                 }
               });
  return failed ? 1 : 0;
}
