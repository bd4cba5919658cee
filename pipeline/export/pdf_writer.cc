#include "export/pdf_writer.h"

#include <zlib.h>

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/sha256.h"

namespace sohoa::pdf::internal {

std::string Num(double v) {
  if (!std::isfinite(v)) return "0";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  if (ec != std::errc()) return "0";
  std::string s(buf, end);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0" || s.empty()) return "0";
  return s;
}

std::u16string Utf16(std::string_view s) {
  std::u16string out;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = 0xFFFD;
    size_t len = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c >> 5) == 0x6) {
      len = 2;
    } else if ((c >> 4) == 0xE) {
      len = 3;
    } else if ((c >> 3) == 0x1E) {
      len = 4;
    }
    if (len > 1) {
      if (i + len > s.size()) {
        len = 1;
      } else {
        cp = c & (0x7F >> len);
        for (size_t k = 1; k < len; ++k) {
          const auto cc = static_cast<unsigned char>(s[i + k]);
          if ((cc >> 6) != 0x2) {
            cp = 0xFFFD;
            len = 1;
            break;
          }
          cp = (cp << 6) | (cc & 0x3F);
        }
      }
    }
    // Outside the BMP or a surrogate: one CID per code unit cannot carry it.
    if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    out.push_back(static_cast<char16_t>(cp));
    i += len;
  }
  return out;
}

std::string TextString(std::string_view utf8) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "<FEFF";
  for (char16_t u : Utf16(utf8)) {
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 0xF];
  }
  out += '>';
  return out;
}

Result<std::string> Deflate(std::string_view bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string out(size, '\0');
  const int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                           reinterpret_cast<const Bytef*>(bytes.data()),
                           static_cast<uLong>(bytes.size()), Z_BEST_COMPRESSION);
  if (rc != Z_OK)
    return Status::Internal("zlib could not compress a PDF stream (code " + std::to_string(rc) +
                            ")");
  out.resize(size);
  return out;
}

PdfWriter::PdfWriter() : offsets_(1, 0) {
  // The binary comment tells transfer tools the file is not plain text.
  out_ = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
}

int PdfWriter::Reserve() {
  offsets_.push_back(0);
  return static_cast<int>(offsets_.size()) - 1;
}

void PdfWriter::Object(int id, std::string_view body) {
  offsets_[id] = out_.size();
  out_ += std::to_string(id) + " 0 obj\n";
  out_ += body;
  out_ += "\nendobj\n";
}

void PdfWriter::Stream(int id, std::string_view dict_entries, std::string_view data) {
  offsets_[id] = out_.size();
  out_ += std::to_string(id) + " 0 obj\n<< ";
  out_ += dict_entries;
  out_ += " /Length " + std::to_string(data.size()) + " >>\nstream\n";
  out_ += data;
  out_ += "\nendstream\nendobj\n";
}

Status PdfWriter::FlateStream(int id, std::string_view dict_entries, std::string_view data) {
  SOHOA_ASSIGN_OR_RETURN(std::string packed, Deflate(data));
  Stream(id, std::string(dict_entries) + " /Filter /FlateDecode", packed);
  return Status::Ok();
}

Result<std::string> PdfWriter::Finish(int root_id, int info_id) {
  for (size_t id = 1; id < offsets_.size(); ++id) {
    if (offsets_[id] == 0)
      return Status::Internal("PDF object " + std::to_string(id) + " was reserved but not written");
  }
  const size_t xref_at = out_.size();
  out_ += "xref\n0 " + std::to_string(offsets_.size()) + "\n";
  out_ += "0000000000 65535 f \n";  // each entry is exactly 20 bytes
  char entry[32];
  for (size_t id = 1; id < offsets_.size(); ++id) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets_[id]);
    out_ += entry;
  }
  // The file identifier is derived from the content, so the same input gives the same bytes.
  const std::string id = Sha256Hex(out_).substr(0, 32);
  out_ += "trailer\n<< /Size " + std::to_string(offsets_.size()) + " /Root " +
          std::to_string(root_id) + " 0 R /Info " + std::to_string(info_id) + " 0 R /ID [<" + id +
          "> <" + id + ">] >>\n";
  out_ += "startxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return std::move(out_);
}

}  // namespace sohoa::pdf::internal
