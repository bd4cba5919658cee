// Internal: turns a caller's folded search text into a safe FTS5 query.
#pragma once

#include <string>
#include <string_view>

namespace sohoa::store::internal {

// Each whitespace-separated word becomes a quoted phrase of its letter/digit
// runs ("17/bc-ubnd" -> "17 bc ubnd"); phrases are ANDed and the last one
// matches as a prefix. Quotes, stars, parentheses and operators in the input
// are never passed through, so user text cannot inject FTS syntax.
// 'đ' becomes 'd' (the tokenizer folds the other Vietnamese letters).
// Returns "" when the text holds no searchable token.
std::string BuildFtsQuery(std::string_view folded_text);

}  // namespace sohoa::store::internal
