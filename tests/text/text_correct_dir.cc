// Dev tool: applies the text stage to a folder of OCR outputs and writes the
// corrected pages, for scoring against the dev ground truth.
//
// usage: text_correct_dir IN_DIR OUT_DIR [--no-correct] [--dict PATH]
// Pages named <doc>_pNN_<variant>.txt are corrected together per
// (doc, variant), so a document's own repetitions serve as evidence.
// Prints the invalid-syllable counts before and after and every correction.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "text/text.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: text_correct_dir IN_DIR OUT_DIR [--no-correct] [--dict PATH]\n";
    return 2;
  }
  sohoa::text::Options options;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--no-correct") options.correct = false;
    else if (a == "--dict" && i + 1 < argc) options.syllable_dictionary_path = argv[++i];
  }
  auto created = sohoa::text::TextNormalizer::Create(options);
  if (!created.ok()) {
    std::cerr << created.status().ToString() << "\n";
    return 1;
  }
  auto& normalizer = *created.value();
  fs::create_directories(argv[2]);

  // (doc, variant) -> stems in page order.
  std::map<std::string, std::vector<std::string>> documents;
  for (const auto& entry : fs::directory_iterator(argv[1])) {
    if (entry.path().extension() != ".txt") continue;
    std::string stem = entry.path().stem().string();
    size_t p = stem.find("_p");
    size_t v = stem.find('_', p + 1);
    if (p == std::string::npos || v == std::string::npos) continue;
    documents[stem.substr(0, p) + stem.substr(v)].push_back(stem);
  }
  int invalid_before = 0, invalid_after = 0, changes = 0;
  for (auto& [key, stems] : documents) {
    std::sort(stems.begin(), stems.end());
    std::vector<std::string> pages;
    for (const auto& stem : stems) {
      std::ifstream in(fs::path(argv[1]) / (stem + ".txt"));
      std::stringstream ss;
      ss << in.rdbuf();
      pages.push_back(ss.str());
    }
    auto corrected = normalizer.CorrectDocument(pages);
    for (size_t i = 0; i < stems.size(); ++i) {
      invalid_before += normalizer.CountInvalidSyllables(corrected[i].raw);
      invalid_after += normalizer.CountInvalidSyllables(corrected[i].text);
      std::ofstream(fs::path(argv[2]) / (stems[i] + ".txt")) << corrected[i].text;
      for (const auto& c : corrected[i].corrections) {
        ++changes;
        std::cout << stems[i] << "\t" << c.from << "\t" << c.to << "\t" << c.reason << "\n";
      }
    }
  }
  std::cout << "INVALID_BEFORE=" << invalid_before << " INVALID_AFTER=" << invalid_after
            << " CORRECTIONS=" << changes << "\n";
  return 0;
}
