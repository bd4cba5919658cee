#include "store/fts_query.h"

#include <vector>

namespace sohoa::store::internal {
namespace {

// ASCII letters and digits, and any byte of a multi-byte UTF-8 sequence
// (the tokenizer folds those itself); everything else separates tokens.
bool IsTokenByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::string BuildFtsQuery(std::string_view folded_text) {
  std::vector<std::string> phrases;
  std::string phrase, token;
  auto end_token = [&] {
    if (token.empty()) return;
    if (!phrase.empty()) phrase += ' ';
    phrase += token;
    token.clear();
  };
  auto end_word = [&] {
    end_token();
    if (!phrase.empty()) phrases.push_back(std::move(phrase));
    phrase.clear();
  };
  for (size_t i = 0; i < folded_text.size(); ++i) {
    const char ch = folded_text[i];
    const auto c = static_cast<unsigned char>(ch);
    // The tokenizer strips tone marks but 'đ'/'Đ' has no decomposition: fold it here.
    if (c == 0xC4 && i + 1 < folded_text.size() &&
        (folded_text[i + 1] == '\x90' || folded_text[i + 1] == '\x91')) {
      token += 'd';
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      end_word();
    } else if (IsTokenByte(c)) {
      token += ch;
    } else {
      end_token();
    }
  }
  end_word();
  std::string query;
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) query += ' ';
    query += '"';
    query += phrases[i];  // holds no '"': only token bytes and spaces
    query += '"';
    if (i + 1 == phrases.size()) query += " *";
  }
  return query;
}

}  // namespace sohoa::store::internal
