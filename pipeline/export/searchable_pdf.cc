// Assembles the searchable PDF: catalog, page tree, the glyphless Type0 font
// shared by all pages, and per page an image XObject plus its content stream.
#include "export/searchable_pdf.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

#include "export/jpeg_info.h"
#include "export/pdf_writer.h"
#include "export/text_layer.h"

namespace sohoa::pdf {
namespace {

using internal::Num;
using internal::PdfWriter;

constexpr const char* kFontName = "GlyphLessFont";

Result<std::string> ReadFont(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::FailedPrecondition(
        "text-layer font " + path +
        " cannot be read (install package tesseract-ocr or set font_path)");
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < 12)
    return Status::FailedPrecondition("text-layer font " + path + " is not a TrueType font");
  return bytes;
}

// Identity: every CID maps back to the UTF-16 code unit it is. Ranges must
// not cross a first-byte boundary, hence one range per high byte.
std::string ToUnicodeCMap() {
  std::string m =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  static const char* kHex = "0123456789ABCDEF";
  std::vector<std::string> ranges;
  for (int hi = 0; hi < 256; ++hi) {
    if (hi >= 0xD8 && hi <= 0xDF) continue;  // surrogates are never emitted
    const std::string h = {kHex[hi >> 4], kHex[hi & 15]};
    ranges.push_back("<" + h + "00> <" + h + "FF> <" + h + "00>\n");
  }
  for (size_t i = 0; i < ranges.size(); i += 100) {
    const size_t n = std::min<size_t>(100, ranges.size() - i);
    m += std::to_string(n) + " beginbfrange\n";
    for (size_t k = i; k < i + n; ++k) m += ranges[k];
    m += "endbfrange\n";
  }
  m += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return m;
}

// Writes the shared font objects; returns the Type0 font's object number.
Result<int> WriteFont(PdfWriter& w, const std::string& font_bytes) {
  const int type0 = w.Reserve(), cid_font = w.Reserve(), descriptor = w.Reserve(),
            font_file = w.Reserve(), to_unicode = w.Reserve(), cid_to_gid = w.Reserve();
  const std::string ref = " 0 R";
  w.Object(type0, "<< /Type /Font /Subtype /Type0 /BaseFont /" + std::string(kFontName) +
                      " /Encoding /Identity-H /DescendantFonts [" + std::to_string(cid_font) + ref +
                      "] /ToUnicode " + std::to_string(to_unicode) + ref + " >>");
  w.Object(cid_font,
           "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + std::string(kFontName) +
               " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
               " /FontDescriptor " +
               std::to_string(descriptor) + ref + " /DW " + std::to_string(internal::kGlyphWidth) +
               " /CIDToGIDMap " + std::to_string(cid_to_gid) + ref + " >>");
  w.Object(descriptor, "<< /Type /FontDescriptor /FontName /" + std::string(kFontName) +
                           " /Flags 5 /FontBBox [0 0 " + std::to_string(internal::kGlyphWidth) +
                           " 1000] /ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 1000"
                           " /StemV 80 /FontFile2 " +
                           std::to_string(font_file) + ref + " >>");
  SOHOA_RETURN_IF_ERROR(
      w.FlateStream(font_file, "/Length1 " + std::to_string(font_bytes.size()), font_bytes));
  SOHOA_RETURN_IF_ERROR(w.FlateStream(to_unicode, "", ToUnicodeCMap()));
  // Every CID (0..65535) draws glyph 1, the font's one empty glyph.
  std::string map;
  map.reserve(2 * 65536);
  for (int cid = 0; cid < 65536; ++cid) map += std::string("\x00\x01", 2);
  SOHOA_RETURN_IF_ERROR(w.FlateStream(cid_to_gid, "", map));
  return type0;
}

std::string ColourSpace(const internal::JpegInfo& info) {
  switch (info.components) {
    case 1:
      return "/ColorSpace /DeviceGray";
    case 4:
      return info.adobe_inverted ? "/ColorSpace /DeviceCMYK /Decode [1 0 1 0 1 0 1 0]"
                                 : "/ColorSpace /DeviceCMYK";
    default:
      return "/ColorSpace /DeviceRGB";
  }
}

}  // namespace

Result<std::string> BuildSearchablePdf(const std::vector<PdfPage>& pages, const Metadata& meta) {
  return BuildSearchablePdf(pages, meta, Options());
}

Result<std::string> BuildSearchablePdf(const std::vector<PdfPage>& pages, const Metadata& meta,
                                       const Options& options) {
  if (pages.empty()) return Status::InvalidArgument("no pages to put in the PDF");
  std::vector<internal::JpegInfo> infos;
  for (size_t i = 0; i < pages.size(); ++i) {
    auto info = internal::ReadJpegInfo(pages[i].jpeg);
    if (!info.ok()) return info.status().WithContext("page " + std::to_string(i + 1));
    infos.push_back(*info);
  }
  SOHOA_ASSIGN_OR_RETURN(std::string font_bytes, ReadFont(options.font_path));

  PdfWriter w;
  const int catalog = w.Reserve(), page_tree = w.Reserve(), info = w.Reserve();
  SOHOA_ASSIGN_OR_RETURN(int font, WriteFont(w, font_bytes));

  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) {
    const PdfPage& p = pages[i];
    const internal::JpegInfo& jpeg = infos[i];
    const int width_px = p.width > 0 ? p.width : jpeg.width;
    const int height_px = p.height > 0 ? p.height : jpeg.height;
    const double dpi = p.dpi > 0 ? p.dpi : 300;
    const double page_w = width_px / dpi * 72.0, page_h = height_px / dpi * 72.0;
    // Word boxes refer to the image the OCR read, which PageText records.
    const int box_w = p.words.width > 0 ? p.words.width : width_px;
    const int box_h = p.words.height > 0 ? p.words.height : height_px;

    const int page_obj = w.Reserve(), content = w.Reserve(), image = w.Reserve();
    kids += std::to_string(page_obj) + " 0 R ";
    w.Stream(image,
             "/Type /XObject /Subtype /Image /Width " + std::to_string(jpeg.width) + " /Height " +
                 std::to_string(jpeg.height) + " " + ColourSpace(jpeg) +
                 " /BitsPerComponent 8 /Filter /DCTDecode",
             p.jpeg);
    SOHOA_RETURN_IF_ERROR(w.FlateStream(
        content, "", internal::PageContent(p.words, box_w, box_h, page_w, page_h, "Im0", "F1")));
    w.Object(page_obj, "<< /Type /Page /Parent " + std::to_string(page_tree) +
                           " 0 R /MediaBox [0 0 " + Num(page_w) + " " + Num(page_h) +
                           "] /Resources << /XObject << /Im0 " + std::to_string(image) +
                           " 0 R >> /Font << /F1 " + std::to_string(font) +
                           " 0 R >> /ProcSet [/PDF /Text /ImageB /ImageC] >> /Contents " +
                           std::to_string(content) + " 0 R >>");
  }
  kids.pop_back();
  w.Object(page_tree,
           "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  w.Object(catalog, "<< /Type /Catalog /Pages " + std::to_string(page_tree) + " 0 R >>");
  std::string info_dict = "<< /Producer " + internal::TextString("sohoa");
  if (!meta.title.empty()) info_dict += " /Title " + internal::TextString(meta.title);
  if (!meta.subject.empty()) info_dict += " /Subject " + internal::TextString(meta.subject);
  if (!meta.author.empty()) info_dict += " /Author " + internal::TextString(meta.author);
  w.Object(info, info_dict + " >>");
  return w.Finish(catalog, info);
}

}  // namespace sohoa::pdf
