// The document's identity as a records clerk files it (Decree 30/2020).
// Every field is optional: what is not on the page stays empty, never guessed.
// Thread-safety: value types.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"

namespace sohoa {

// "17/BC-UBND" split into its parts; `printed` keeps the normalised whole.
struct DocumentNumber {
  std::string printed;              // "155/2020/NĐ-CP"
  std::optional<int> ordinal;       // 155; empty when handwritten/unreadable
  std::optional<int> year;          // 2020 when the code carries a year
  std::string type_abbreviation;    // "NĐ"; empty for a công văn
  std::string issuer_code;          // "CP"
};

// ISO calendar date.
struct IssueDate {
  int year = 0, month = 0, day = 0;
  std::string Iso() const;          // "2020-04-29"
  bool operator==(const IssueDate&) const = default;
};

struct CitedDocument {
  std::string type;                 // "Kế hoạch"
  std::string number;               // "32/KH-UBND"
  std::optional<IssueDate> date;
};

struct Signer {
  std::string authority;            // "TM. ỦY BAN NHÂN DÂN"
  std::string position;             // "CHỦ TỊCH"
  std::string name;                 // "Nguyễn Chiến"
};

struct ReceivedStamp {
  std::string arrival_number;
  std::optional<IssueDate> arrival_date;
};

// Where a field was read, and how sure the reading is.
struct FieldSource {
  int page_index = 0;     // 0-based page of the document
  Box box;                // the lines it came from, in that page's pixels; empty for text input
  double confidence = 0;  // 0..1: OCR confidence of those lines times the rule's certainty
};

struct DocumentFields {
  std::optional<DocumentNumber> number;
  std::optional<IssueDate> date;
  std::string date_missing_reason;  // e.g. "date line left blank (draft)"
  std::optional<std::string> place;
  std::optional<std::string> issuer;
  std::optional<std::string> issuer_parent;
  std::optional<std::string> doc_type;
  std::optional<std::string> subject;
  std::optional<Signer> signer;
  std::vector<std::string> addressees;  // Kính gửi
  std::vector<std::string> recipients;  // Nơi nhận
  std::vector<CitedDocument> references;
  std::optional<ReceivedStamp> received;
  double confidence = 0;                // 0..1, over the identity fields
  // Per found field ("number", "date", "place", "issuer", "issuer_parent",
  // "doc_type", "subject", "signer", "addressees", "recipients", "received",
  // and "references[i]" for references[i]).
  std::map<std::string, FieldSource> sources;
};

}  // namespace sohoa
