// DocumentFields as one JSON object (the keys of the field scorer, plus extras).
#include <cstdio>
#include <string>

#include "extract/extract.h"

namespace sohoa::extract {
namespace {

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string Number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  return buf;
}

std::string OrNull(const std::optional<std::string>& s) { return s ? Quote(*s) : "null"; }

std::string DateOrNull(const std::optional<IssueDate>& d) { return d ? Quote(d->Iso()) : "null"; }

std::string List(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + Quote(items[i]);
  return out + "]";
}

}  // namespace

std::string FieldsToJson(const DocumentFields& f) {
  std::string out = "{";
  auto key = [&out](std::string_view k, const std::string& v) {
    if (out.size() > 1) out += ", ";
    out += Quote(k) + ": " + v;
  };
  key("number", f.number ? Quote(f.number->printed) : "null");
  key("date", DateOrNull(f.date));
  key("date_missing_reason", f.date_missing_reason.empty() ? "null" : Quote(f.date_missing_reason));
  key("place", OrNull(f.place));
  key("issuer", OrNull(f.issuer));
  key("issuer_parent", OrNull(f.issuer_parent));
  key("doc_type", OrNull(f.doc_type));
  key("subject", OrNull(f.subject));
  key("signer_authority",
      f.signer && !f.signer->authority.empty() ? Quote(f.signer->authority) : "null");
  key("signer_position",
      f.signer && !f.signer->position.empty() ? Quote(f.signer->position) : "null");
  key("signer_name", f.signer && !f.signer->name.empty() ? Quote(f.signer->name) : "null");
  key("addressees", List(f.addressees));
  key("recipients", List(f.recipients));
  std::string refs = "[";
  for (size_t i = 0; i < f.references.size(); ++i) {
    const CitedDocument& r = f.references[i];
    refs += std::string(i ? ", " : "") + "{\"type\": " + Quote(r.type) +
            ", \"number\": " + Quote(r.number) + ", \"date\": " + DateOrNull(r.date) + "}";
  }
  key("references", refs + "]");
  if (f.received) {
    key("received", "{\"number\": " +
                        (f.received->arrival_number.empty() ? std::string("null")
                                                            : Quote(f.received->arrival_number)) +
                        ", \"date\": " + DateOrNull(f.received->arrival_date) + "}");
  } else {
    key("received", "null");
  }
  key("confidence", Number(f.confidence));
  // Where each field was read: page (1-based), box [x, y, w, h] in that page's
  // pixels (null for text input), and the field's own confidence.
  std::string sources = "{";
  for (const auto& [field, source] : f.sources) {
    if (sources.size() > 1) sources += ", ";
    const Box& b = source.box;
    sources += Quote(field) + ": {\"page\": " + std::to_string(source.page_index + 1) +
               ", \"box\": " +
               (b.w > 0 && b.h > 0 ? "[" + std::to_string(b.x) + ", " + std::to_string(b.y) + ", " +
                                         std::to_string(b.w) + ", " + std::to_string(b.h) + "]"
                                   : std::string("null")) +
               ", \"confidence\": " + Number(source.confidence) + "}";
  }
  key("sources", sources + "}");
  return out + "}";
}

}  // namespace sohoa::extract
