#include "extract/rules.h"

#include <string>

#include "extract/text_util.h"

namespace sohoa::extract {

const std::vector<DocTypeRule>& DocTypes() {
  // Type names as printed on the type line; abbreviation as used in the code.
  static const std::vector<DocTypeRule> kTypes = {
      {"NGHỊ QUYẾT", "NQ"},
      {"QUYẾT ĐỊNH", "QĐ"},
      {"CHỈ THỊ", "CT"},
      {"QUY CHẾ", "QC"},
      {"QUY ĐỊNH", "QyĐ"},
      {"THÔNG CÁO", "TC"},
      {"THÔNG BÁO", "TB"},
      {"HƯỚNG DẪN", "HD"},
      {"CHƯƠNG TRÌNH", "CTr"},
      {"KẾ HOẠCH", "KH"},
      {"PHƯƠNG ÁN", "PA"},
      {"ĐỀ ÁN", "ĐA"},
      {"DỰ ÁN", "DA"},
      {"BÁO CÁO", "BC"},
      {"BIÊN BẢN", "BB"},
      {"TỜ TRÌNH", "TTr"},
      {"HỢP ĐỒNG", "HĐ"},
      {"CÔNG ĐIỆN", "CĐ"},
      {"BẢN GHI NHỚ", "BGN"},
      {"BẢN THỎA THUẬN", "BTT"},
      {"GIẤY ỦY QUYỀN", "GUQ"},
      {"GIẤY MỜI", "GM"},
      {"GIẤY GIỚI THIỆU", "GGT"},
      {"GIẤY NGHỈ PHÉP", "GNP"},
      {"PHIẾU GỬI", "PG"},
      {"PHIẾU CHUYỂN", "PC"},
      {"PHIẾU BÁO", "PB"},
      {"BẢN SAO Y", "SY"},
      {"BẢN TRÍCH SAO", "TrS"},
      {"BẢN SAO LỤC", "SL"},
      {"NGHỊ ĐỊNH", "NĐ"},
      {"THÔNG TƯ", "TT"},
      {"THÔNG TƯ LIÊN TỊCH", "TTLT"},
      {"BỘ LUẬT", ""},
      {"LUẬT", ""},
      {"PHÁP LỆNH", ""},
      {"CÔNG VĂN", ""},
  };
  return kTypes;
}

const DocTypeRule* DocTypeByFoldedName(std::string_view folded_name) {
  for (const DocTypeRule& rule : DocTypes()) {
    if (Fold(rule.name) == folded_name) return &rule;
  }
  return nullptr;
}

const DocTypeRule* DocTypeByAbbreviation(std::string_view abbreviation) {
  if (abbreviation.empty()) return nullptr;
  for (const DocTypeRule& rule : DocTypes()) {
    if (!rule.abbreviation.empty() && rule.abbreviation == abbreviation) return &rule;
  }
  const std::string upper = Upper(abbreviation);
  for (const DocTypeRule& rule : DocTypes()) {
    if (!rule.abbreviation.empty() && Upper(rule.abbreviation) == upper) return &rule;
  }
  // OCR reads Đ as D: accept when the D-form is not itself a table entry.
  const std::string folded = Fold(abbreviation);
  for (const DocTypeRule& rule : DocTypes()) {
    if (!rule.abbreviation.empty() && Fold(rule.abbreviation) == folded) return &rule;
  }
  return nullptr;
}

const std::vector<std::string_view>& IssuerCodesWithD() {
  static const std::vector<std::string_view> kCodes = {"HĐND", "ĐU", "ĐTN", "HĐQT", "HĐTV", "ĐKT"};
  return kCodes;
}

const std::vector<std::string_view>& BodyKinds() {
  static const std::vector<std::string_view> kKinds = {
      "ỦY BAN",    "UỶ BAN",    "UBND",         "HỘI ĐỒNG",  "HĐND",
      "SỞ",        "BAN",       "PHÒNG",        "BỘ",        "CỤC",
      "TỔNG CỤC",  "CHI CỤC",   "VỤ",           "VIỆN",      "VĂN PHÒNG",
      "VP",        "TRƯỜNG",    "TRUNG TÂM",    "THANH TRA", "CHÍNH PHỦ",
      "THỦ TƯỚNG", "ĐẢNG ỦY",   "ĐẢNG UỶ",      "ĐẢNG BỘ",   "TỈNH ỦY",
      "TỈNH UỶ",   "HUYỆN ỦY",  "HUYỆN UỶ",     "THÀNH ỦY",  "THÀNH UỶ",
      "THỊ ỦY",    "THỊ UỶ",    "QUẬN ỦY",      "QUẬN UỶ",   "CÔNG AN",
      "TÒA ÁN",    "TOÀ ÁN",    "TAND",         "VKSND",     "VIỆN KIỂM SÁT",
      "KHO BẠC",   "BỆNH VIỆN", "ĐOÀN",         "MẶT TRẬN",  "UBMTTQ",
      "HỘI",       "CÔNG TY",   "TỔNG CÔNG TY", "BCH",       "BAN CHẤP HÀNH",
      "QUỐC HỘI",  "CHỦ TỊCH",  "BỘ CHỈ HUY",   "ĐÀI",       "HỌC VIỆN",
      "ĐẠI HỌC",   "TẬP ĐOÀN",  "NGÂN HÀNG",    "CHI NHÁNH", "BQL",
      "ĐỘI",       "TỔ"};
  return kKinds;
}

const std::vector<std::string_view>& AdminLevelsFolded() {
  static const std::vector<std::string_view> kLevels = {
      "XA", "HUYEN", "TINH", "THANH PHO", "TP", "THI XA", "THI TRAN", "PHUONG", "QUAN", "DAN"};
  return kLevels;
}

const std::vector<std::string_view>& AdminLevels() {
  static const std::vector<std::string_view> kLevels = {
      "XÃ", "HUYỆN", "TỈNH", "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "PHƯỜNG", "QUẬN"};
  return kLevels;
}

const std::vector<std::string_view>& AdminLevelIntroducersFolded() {
  static const std::vector<std::string_view> kIntroducers = {"UBND", "HDND", "DAN", "TAND",
                                                             "VKSND", "UBMTTQ"};
  return kIntroducers;
}

const std::vector<std::string_view>& StrayLetters() {
  static const std::vector<std::string_view> kLetters = {"Ö", "ö", "Ï", "ï", "Ü", "ü", "Ë",
                                                         "ë", "Ä", "ä", "Ñ", "ñ", "Ÿ", "ÿ"};
  return kLetters;
}

const std::vector<std::string_view>& SignerPrefixes() {
  static const std::vector<std::string_view> kPrefixes = {"TM.", "KT.", "TL.", "TUQ.",
                                                          "Q.",  "T/M", "K/T", "T/L"};
  return kPrefixes;
}

const std::vector<std::string_view>& SignerPositions() {
  static const std::vector<std::string_view> kPositions = {
      "CHỦ TỊCH",        "PHÓ CHỦ TỊCH",        "GIÁM ĐỐC",      "PHÓ GIÁM ĐỐC",
      "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG BAN",    "PHÓ TRƯỞNG BAN",
      "TRƯỞNG PHÒNG",    "PHÓ TRƯỞNG PHÒNG",    "BỘ TRƯỞNG",     "THỨ TRƯỞNG",
      "THỦ TƯỚNG",       "PHÓ THỦ TƯỚNG",       "CỤC TRƯỞNG",    "PHÓ CỤC TRƯỞNG",
      "VỤ TRƯỞNG",       "VIỆN TRƯỞNG",         "HIỆU TRƯỞNG",   "CHÁNH THANH TRA",
      "BÍ THƯ",          "PHÓ BÍ THƯ",          "TỔNG GIÁM ĐỐC", "CHI CỤC TRƯỞNG",
      "TRƯỞNG ĐOÀN",     "TỔ TRƯỞNG",           "THỦ TRƯỞNG",    "CHÁNH ÁN"};
  return kPositions;
}

const std::vector<std::vector<std::string_view>>& MottoPhrasesFolded() {
  static const std::vector<std::vector<std::string_view>> kMotto = {
      {"CONG", "HOA", "XA", "HOI", "CHU", "NGHIA", "VIET", "NAM"},
      {"DOC", "LAP", "-", "TU", "DO", "-", "HANH", "PHUC"},
      {"DANG", "CONG", "SAN", "VIET", "NAM"},  // a party body's documents
  };
  return kMotto;
}

const std::vector<std::vector<std::string_view>>& BodyOpenersFolded() {
  static const std::vector<std::vector<std::string_view>> kOpeners = {{"CAN", "CU"},
                                                                      {"THUC", "HIEN"},
                                                                      {"KINH", "GUI"},
                                                                      {"TRIEN", "KHAI"},
                                                                      {"THEO", "DE", "NGHI"},
                                                                      {"XET", "DE", "NGHI"},
                                                                      {"NHAM"},
                                                                      {"DE", "THUC", "HIEN"},
                                                                      {"PHAN"},
                                                                      {"I."},
                                                                      {"1."},
                                                                      {"DIEU", "1."}};
  return kOpeners;
}

const std::vector<std::vector<std::string_view>>& ReceivedStampFolded() {
  static const std::vector<std::vector<std::string_view>> kStamp = {
      {"CONG", "VAN", "DEN"}, {"VAN", "BAN", "DEN"}, {"DEN"}};
  return kStamp;
}

const std::vector<CitedAbbreviation>& CitedAbbreviations() {
  static const std::vector<CitedAbbreviation> kAbbrev = {{"TT", "Thông tư"},   {"NĐ", "Nghị định"},
                                                         {"QĐ", "Quyết định"}, {"NQ", "Nghị quyết"},
                                                         {"CV", "Công văn"},   {"KH", "Kế hoạch"}};
  return kAbbrev;
}

}  // namespace sohoa::extract
