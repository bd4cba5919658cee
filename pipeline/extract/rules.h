// The rules of Decree 30/2020 as data: document types and their code
// abbreviations, body kinds that start an issuer line, signer authority
// prefixes and positions, the national motto, and the words that open the
// body. Field finders consult these tables instead of hard-coding words.
// Thread-safety: immutable tables.
#pragma once

#include <string_view>
#include <vector>

namespace sohoa::extract {

struct DocTypeRule {
  std::string_view name;          // as printed on the type line: "QUYẾT ĐỊNH"
  std::string_view abbreviation;  // in the code: "QĐ"; empty when it has none
};

// Decree 30, Appendix III, plus the cited legal forms (Luật, Nghị định, Thông tư).
const std::vector<DocTypeRule>& DocTypes();

// Table entry whose name, folded (no diacritics, upper case), equals `folded_name`.
const DocTypeRule* DocTypeByFoldedName(std::string_view folded_name);

// Table entry for a code abbreviation, matched exactly, else case-insensitively,
// else after reading OCR's 'D' as 'Đ' ("QD" -> QĐ; "HD" stays Hướng dẫn).
const DocTypeRule* DocTypeByAbbreviation(std::string_view abbreviation);

// Issuer codes that carry Đ, to repair "HDND" -> "HĐND".
const std::vector<std::string_view>& IssuerCodesWithD();

// Words that open an issuing-body line, as printed: "ỦY BAN", "SỞ", "UBND"...
// Matched folded (OCR damages tone marks); the first spelling of a kind is
// the one OCR damage is repaired to ("BẠN PHÁP CHẾ" -> "BAN PHÁP CHẾ").
const std::vector<std::string_view>& BodyKinds();

// Folded words for administrative levels that need a name after them ("XA", "HUYEN").
const std::vector<std::string_view>& AdminLevelsFolded();

// Administrative levels as printed in an issuer line ("TỈNH", "THỊ XÃ"), to
// repair OCR damage to the word after a people's body ("UBND TÍNH" -> "UBND TỈNH").
const std::vector<std::string_view>& AdminLevels();

// Folded words after which an issuer line names its level: "UBND", "NHÂN DÂN".
const std::vector<std::string_view>& AdminLevelIntroducersFolded();

// Letters Vietnamese does not use that OCR strays into text ("ö", "ï"), as printed.
const std::vector<std::string_view>& StrayLetters();

// Signer authority prefixes: "TM.", "KT.", "TL.", "TUQ.", "Q.".
const std::vector<std::string_view>& SignerPrefixes();

// Signer positions as printed, to repair OCR damage ("CHÀANH VAN PHONG").
const std::vector<std::string_view>& SignerPositions();

// Folded national motto lines (word sequences), and the party's "ĐẢNG CỘNG SẢN VIỆT NAM".
const std::vector<std::vector<std::string_view>>& MottoPhrasesFolded();

// Folded phrases that open the body, ending a subject: "CAN CU", "THUC HIEN"...
const std::vector<std::vector<std::string_view>>& BodyOpenersFolded();

// Folded words of a received stamp ("CÔNG VĂN ĐẾN", "ĐẾN").
const std::vector<std::vector<std::string_view>>& ReceivedStampFolded();

// Cited-document abbreviations used in running text: "TT" Thông tư, "NĐ" Nghị định.
struct CitedAbbreviation {
  std::string_view word;
  std::string_view type_name;  // "Thông tư"
};
const std::vector<CitedAbbreviation>& CitedAbbreviations();

}  // namespace sohoa::extract
