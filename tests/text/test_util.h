// Shared set-up for the text stage tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "text/text.h"

namespace sohoa::text {

// The hunspell-vi syllable list kept with the shared evaluation data.
inline std::string TestDictionaryPath() {
  return std::string(SOHOA_SHARED_DIR) + "/eval/external/hunspell-vi-debian/vi_VN.dic";
}

// The committed bigram model.
inline std::string TestModelPath() {
  return std::string(SOHOA_SOURCE_DIR) + "/models/vi_syllable_bigrams.tsv";
}

// Default paths are replaced by the test copies; other values are kept
// (an empty path switches that resource off).
inline std::unique_ptr<TextNormalizer> MakeNormalizer(Options options = {}) {
  if (options.syllable_dictionary_path == Options{}.syllable_dictionary_path)
    options.syllable_dictionary_path = TestDictionaryPath();
  if (options.bigram_model_path == Options{}.bigram_model_path)
    options.bigram_model_path = TestModelPath();
  auto created = TextNormalizer::Create(options);
  EXPECT_TRUE(created.ok()) << created.status().ToString();
  return created.ok() ? std::move(created).value() : nullptr;
}

// Made once per test program (loading the model takes a fraction of a
// second): with the dictionary and the model, or with the dictionary alone.
// Tests are single-threaded, as a normalizer requires.
inline TextNormalizer* SharedNormalizer(bool with_model = true) {
  static std::unique_ptr<TextNormalizer> full = MakeNormalizer();
  static std::unique_ptr<TextNormalizer> plain = [] {
    Options options;
    options.bigram_model_path = "";
    return MakeNormalizer(options);
  }();
  return with_model ? full.get() : plain.get();
}

}  // namespace sohoa::text
