// intake: the only place that parses bytes from outside. Leptonica decodes
// images (it checks headers cheaply and refuses corrupt JPEG data), poppler
// renders PDF pages. Both are translated into sohoa::Status here.
#include "intake/intake.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>

namespace sohoa::intake {
namespace {

namespace fs = std::filesystem;

// Leptonica and poppler print diagnostics to stderr; we report through Status.
void QuietLibraries() {
  static std::once_flag once;
  std::call_once(once, [] {
    setMsgSeverity(L_SEVERITY_NONE);
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

struct PixFree {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixFree>;

struct FileClose {
  void operator()(FILE* f) const { fclose(f); }
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string ReadHead(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string buf(n, '\0');
  in.read(buf.data(), static_cast<std::streamsize>(n));
  buf.resize(static_cast<size_t>(in.gcount()));
  return buf;
}

// True when `bytes` is plausible UTF-8 text: valid sequences, no NUL or
// control characters other than tab, CR, LF and form feed. A sequence cut
// at the end of the buffer is allowed.
bool LooksLikeText(const std::string& bytes) {
  size_t i = 0, n = bytes.size();
  while (i < n) {
    unsigned char c = bytes[i];
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
      ++i;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0) return false;
    for (int k = 1; k < len; ++k) {
      if (i + k >= n) return true;
      if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// What the extension claims, for a clearer error when content disagrees.
FileKind KindFromExtension(const std::string& path) {
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".png") return FileKind::kPng;
  if (ext == ".jpg" || ext == ".jpeg") return FileKind::kJpeg;
  if (ext == ".tif" || ext == ".tiff") return FileKind::kTiff;
  if (ext == ".pdf") return FileKind::kPdf;
  if (ext == ".txt" || ext == ".text") return FileKind::kText;
  return FileKind::kUnknown;
}

Status CheckFileSize(const std::string& path, const Options& options) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return Status::NotFound(path + ": cannot read file (" + ec.message() + ")");
  if (size == 0) return Status::InvalidArgument(path + ": file is empty (0 bytes)");
  if (static_cast<int64_t>(size) > options.max_file_bytes) {
    return Status::ResourceExhausted(path + ": file is " + std::to_string(size >> 20) +
                                     " MiB, over the limit of " +
                                     std::to_string(options.max_file_bytes >> 20) + " MiB");
  }
  return Status::Ok();
}

Status CheckPixels(const std::string& path, int page, int64_t w, int64_t h, const Options& options) {
  if (w <= 0 || h <= 0) {
    return Status::DataLoss(path + ": page " + std::to_string(page + 1) + " has no size");
  }
  if (w * h > options.max_pixels_per_page) {
    return Status::ResourceExhausted(
        path + ": page " + std::to_string(page + 1) + " is " + std::to_string(w) + " x " +
        std::to_string(h) + " pixels, over the limit of " +
        std::to_string(options.max_pixels_per_page / 1'000'000) + " megapixels");
  }
  return Status::Ok();
}

// Pix of any depth -> 8-bit grey or 24-bit BGR Image.
Result<Image> ImageFromPix(PIX* src) {
  PixPtr noalpha;
  if (pixGetSpp(src) == 4) {  // transparent scans: composite on white paper
    noalpha.reset(pixAlphaBlendUniform(src, 0xffffff00));
    if (!noalpha) return Status::DataLoss("cannot remove alpha channel");
    src = noalpha.get();
  }
  PixPtr nocmap(pixRemoveColormap(src, REMOVE_CMAP_BASED_ON_SRC));
  if (!nocmap) return Status::DataLoss("cannot expand colour map");
  PIX* pix = nocmap.get();
  Image img;
  img.width = pixGetWidth(pix);
  img.height = pixGetHeight(pix);
  img.dpi = pixGetXRes(pix);
  if (pixGetDepth(pix) == 32) {
    img.channels = 3;
    img.pixels.resize(static_cast<size_t>(img.width) * img.height * 3);
    const int wpl = pixGetWpl(pix);
    const l_uint32* data = pixGetData(pix);
    for (int y = 0; y < img.height; ++y) {
      const l_uint32* line = data + static_cast<size_t>(y) * wpl;
      uint8_t* out = img.pixels.data() + static_cast<size_t>(y) * img.width * 3;
      for (int x = 0; x < img.width; ++x) {
        l_int32 r, g, b;
        extractRGBValues(line[x], &r, &g, &b);
        out[3 * x] = static_cast<uint8_t>(b);
        out[3 * x + 1] = static_cast<uint8_t>(g);
        out[3 * x + 2] = static_cast<uint8_t>(r);
      }
    }
    return img;
  }
  PixPtr grey(pixConvertTo8(pix, 0));
  if (!grey) return Status::DataLoss("unsupported pixel depth " + std::to_string(pixGetDepth(pix)));
  img.channels = 1;
  img.pixels.resize(static_cast<size_t>(img.width) * img.height);
  const int wpl = pixGetWpl(grey.get());
  const l_uint32* data = pixGetData(grey.get());
  for (int y = 0; y < img.height; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uint8_t* out = img.pixels.data() + static_cast<size_t>(y) * img.width;
    for (int x = 0; x < img.width; ++x) out[x] = static_cast<uint8_t>(GET_DATA_BYTE(line, x));
  }
  return img;
}

Result<PixPtr> PixFromImage(const Image& img) {
  if (img.empty() || (img.channels != 1 && img.channels != 3)) {
    return Status::InvalidArgument("cannot encode an empty or unsupported image");
  }
  PixPtr pix(pixCreate(img.width, img.height, img.channels == 1 ? 8 : 32));
  if (!pix) return Status::ResourceExhausted("out of memory for a page image");
  const int wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < img.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* in = img.pixels.data() + static_cast<size_t>(y) * img.stride();
    for (int x = 0; x < img.width; ++x) {
      if (img.channels == 1) {
        SET_DATA_BYTE(line, x, in[x]);
      } else {
        composeRGBPixel(in[3 * x + 2], in[3 * x + 1], in[3 * x], line + x);
      }
    }
  }
  if (img.dpi > 0) pixSetResolution(pix.get(), static_cast<int>(img.dpi + 0.5), static_cast<int>(img.dpi + 0.5));
  return pix;
}

Result<std::string> EncodeWith(const Image& image, int format, int quality) {
  SOHOA_ASSIGN_OR_RETURN(PixPtr pix, PixFromImage(image));
  QuietLibraries();
  l_uint8* data = nullptr;
  size_t size = 0;
  l_ok rc = format == IFF_JFIF_JPEG ? pixWriteMemJpeg(&data, &size, pix.get(), quality, 0)
                                    : pixWriteMem(&data, &size, pix.get(), format);
  if (rc != 0 || data == nullptr) return Status::Internal("image encoder failed");
  std::string out(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return out;
}

int TiffPageCount(const std::string& path) {
  std::unique_ptr<FILE, FileClose> fp(fopen(path.c_str(), "rb"));
  if (!fp) return 0;
  l_int32 n = 0;
  if (tiffGetCount(fp.get(), &n) != 0) return 0;
  return n;
}

struct PdfDocument {
  std::unique_ptr<poppler::document> doc;
};

Result<PdfDocument> OpenPdf(const std::string& path) {
  QuietLibraries();
  PdfDocument pdf;
  pdf.doc.reset(poppler::document::load_from_file(path));
  if (!pdf.doc) {
    // poppler returns null both for damage and for a password it cannot open.
    std::string head = ReadHead(path, 1 << 20);
    if (head.find("/Encrypt") != std::string::npos) {
      return Status::InvalidArgument(path + ": PDF is encrypted with a password; decrypt it first");
    }
    return Status::DataLoss(path + ": PDF is damaged and cannot be opened");
  }
  if (pdf.doc->is_locked()) {
    return Status::InvalidArgument(path + ": PDF is encrypted with a password; decrypt it first");
  }
  if (pdf.doc->pages() <= 0) return Status::DataLoss(path + ": PDF has no pages");
  return pdf;
}

Result<SourcePage> ReadPdfPage(const std::string& path, int index, const Options& options) {
  SOHOA_ASSIGN_OR_RETURN(PdfDocument pdf, OpenPdf(path));
  const int count = pdf.doc->pages();
  if (index < 0 || index >= count) {
    return Status::InvalidArgument(path + ": no page " + std::to_string(index + 1));
  }
  std::unique_ptr<poppler::page> page(pdf.doc->create_page(index));
  if (!page) return Status::DataLoss(path + ": page " + std::to_string(index + 1) + " is damaged");
  poppler::rectf rect = page->page_rect();
  const double scale = options.pdf_dpi / 72.0;
  SOHOA_RETURN_IF_ERROR(CheckPixels(path, index, static_cast<int64_t>(rect.width() * scale),
                                    static_cast<int64_t>(rect.height() * scale), options));
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_image_format(poppler::image::format_rgb24);
  poppler::image rendered = renderer.render_page(page.get(), options.pdf_dpi, options.pdf_dpi);
  if (!rendered.is_valid() || rendered.width() <= 0) {
    return Status::DataLoss(path + ": page " + std::to_string(index + 1) + " cannot be rendered");
  }
  SourcePage out;
  out.source_path = path;
  out.page_index = index;
  out.page_count = count;
  Image& img = out.image;
  img.width = rendered.width();
  img.height = rendered.height();
  img.channels = 3;
  img.dpi = options.pdf_dpi;
  // poppler packs rgb24 as 3 bytes a pixel (rows padded to 4 bytes) and
  // argb32 as native-endian 0xAARRGGBB words; Image wants B, G, R (OpenCV's order).
  int step = 0, r = 0, g = 1, b = 2;
  switch (rendered.format()) {
    case poppler::image::format_rgb24: step = 3; break;
    case poppler::image::format_bgr24: step = 3; r = 2; b = 0; break;
    case poppler::image::format_argb32: step = 4; r = 2; b = 0; break;
    default: break;
  }
  const int64_t row_bytes = rendered.bytes_per_row();
  if (step == 0 || row_bytes < static_cast<int64_t>(img.width) * step) {
    return Status::Internal(path + ": page " + std::to_string(index + 1) + ": PDF renderer returned an unexpected pixel format");
  }
  img.pixels.resize(static_cast<size_t>(img.width) * img.height * 3);
  const char* data = rendered.const_data();
  for (int y = 0; y < img.height; ++y) {
    const auto* row = reinterpret_cast<const uint8_t*>(data + static_cast<size_t>(y) * row_bytes);
    uint8_t* dst = img.pixels.data() + static_cast<size_t>(y) * img.width * 3;
    for (int x = 0; x < img.width; ++x) {
      dst[3 * x] = row[step * x + b];
      dst[3 * x + 1] = row[step * x + g];
      dst[3 * x + 2] = row[step * x + r];
    }
  }
  return out;
}

}  // namespace

const char* FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kPng: return "PNG";
    case FileKind::kJpeg: return "JPEG";
    case FileKind::kTiff: return "TIFF";
    case FileKind::kPdf: return "PDF";
    case FileKind::kText: return "text";
    case FileKind::kUnknown: return "unknown";
  }
  return "unknown";
}

bool HasInputExtension(const std::string& path) {
  static const char* kExtensions[] = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf", ".txt"};
  const std::string ext = Lower(fs::path(path).extension().string());
  for (const char* e : kExtensions) {
    if (ext == e) return true;
  }
  return false;
}

Result<InputFiles> ExpandInputs(const std::vector<std::string>& paths) {
  InputFiles out;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::NotFound(p + ": no such file or folder");
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file()) continue;
        if (HasInputExtension(name)) {
          found.push_back(it->path().string());
        } else {
          out.skipped.push_back(it->path().string());
        }
      }
      if (ec) return Status::Unavailable(p + ": cannot list folder (" + ec.message() + ")");
      std::sort(found.begin(), found.end());
      out.files.insert(out.files.end(), found.begin(), found.end());
    } else {
      out.files.push_back(p);
    }
  }
  std::sort(out.skipped.begin(), out.skipped.end());
  return out;
}

Result<FileKind> SniffFileKind(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Status::NotFound(path + ": not a regular file");
  if (fs::file_size(path, ec) == 0) return Status::InvalidArgument(path + ": file is empty (0 bytes)");
  const std::string head = ReadHead(path, 4096);
  FileKind kind = FileKind::kUnknown;
  if (head.rfind("\x89PNG\r\n\x1a\n", 0) == 0) kind = FileKind::kPng;
  else if (head.rfind("\xff\xd8\xff", 0) == 0) kind = FileKind::kJpeg;
  else if (head.rfind("II*", 0) == 0 || head.rfind("MM\0*", 0) == 0) kind = FileKind::kTiff;
  else if (head.find("%PDF-") != std::string::npos && head.find("%PDF-") < 1024) kind = FileKind::kPdf;

  const FileKind claimed = KindFromExtension(path);
  if (kind == FileKind::kUnknown && LooksLikeText(head)) {
    if (claimed == FileKind::kText) return FileKind::kText;
    if (claimed != FileKind::kUnknown) {
      return Status::InvalidArgument(path + ": named as " + FileKindName(claimed) +
                                     " but the content is plain text");
    }
    return Status::Unimplemented(path + ": plain text without a .txt name; not a page image");
  }
  if (kind == FileKind::kUnknown) {
    return Status::Unimplemented(path + ": not a PNG, JPEG, TIFF or PDF file (unknown format)");
  }
  return kind;
}

Result<int> CountPages(const std::string& path, const Options& options) {
  QuietLibraries();
  SOHOA_RETURN_IF_ERROR(CheckFileSize(path, options));
  SOHOA_ASSIGN_OR_RETURN(FileKind kind, SniffFileKind(path));
  int pages = 1;
  if (kind == FileKind::kTiff) {
    pages = TiffPageCount(path);
    if (pages <= 0) return Status::DataLoss(path + ": TIFF is damaged (no readable page directory)");
  } else if (kind == FileKind::kPdf) {
    SOHOA_ASSIGN_OR_RETURN(PdfDocument pdf, OpenPdf(path));
    pages = pdf.doc->pages();
  }
  if (pages > options.max_pages) {
    return Status::ResourceExhausted(path + ": " + std::to_string(pages) +
                                     " pages, over the limit of " + std::to_string(options.max_pages));
  }
  return pages;
}

Result<SourcePage> ReadPage(const std::string& path, int index, const Options& options) {
  QuietLibraries();
  SOHOA_RETURN_IF_ERROR(CheckFileSize(path, options));
  SOHOA_ASSIGN_OR_RETURN(FileKind kind, SniffFileKind(path));
  if (kind == FileKind::kPdf) return ReadPdfPage(path, index, options);
  if (kind == FileKind::kText) {
    return Status::InvalidArgument(path + ": a text file has no page image");
  }
  int count = 1;
  PixPtr pix;
  const std::string page_name = path + ": page " + std::to_string(index + 1);
  if (kind == FileKind::kTiff) {
    count = TiffPageCount(path);
    if (index < 0 || index >= count) return Status::InvalidArgument(page_name + " does not exist");
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
    if (readHeaderTiff(path.c_str(), index, &w, &h, &bps, &spp, &res, &cmap, &format) != 0) {
      return Status::DataLoss(page_name + ": TIFF page header is damaged");
    }
    SOHOA_RETURN_IF_ERROR(CheckPixels(path, index, w, h, options));
    pix.reset(pixReadTiff(path.c_str(), index));
  } else {
    if (index != 0) return Status::InvalidArgument(page_name + " does not exist");
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (pixReadHeader(path.c_str(), &format, &w, &h, &bps, &spp, &cmap) != 0) {
      return Status::DataLoss(path + ": image header is damaged or truncated");
    }
    SOHOA_RETURN_IF_ERROR(CheckPixels(path, index, w, h, options));
    // Leptonica's JPEG reader fails on corrupt or truncated data by default.
    pix.reset(pixRead(path.c_str()));
  }
  if (!pix) {
    return Status::DataLoss(page_name + ": image data is truncated or corrupt (" +
                            FileKindName(kind) + ")");
  }
  auto image = ImageFromPix(pix.get());
  if (!image.ok()) return image.status().WithContext(page_name);
  SourcePage out;
  out.source_path = path;
  out.page_index = index;
  out.page_count = count;
  out.image = std::move(image).value();
  return out;
}

Result<std::string> ReadTextLayer(const std::string& path, const Options& options) {
  SOHOA_RETURN_IF_ERROR(CheckFileSize(path, options));
  SOHOA_ASSIGN_OR_RETURN(FileKind kind, SniffFileKind(path));
  if (kind == FileKind::kText) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!LooksLikeText(text)) return Status::InvalidArgument(path + ": text is not valid UTF-8");
    return text;
  }
  if (kind != FileKind::kPdf) return std::string();
  SOHOA_ASSIGN_OR_RETURN(PdfDocument pdf, OpenPdf(path));
  std::string text;
  for (int i = 0; i < pdf.doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf.doc->create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    text.append(utf8.begin(), utf8.end());
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += '\f';  // page break
  }
  // A layer of whitespace only is no text layer.
  if (text.find_first_not_of(" \t\r\n\f") == std::string::npos) return std::string();
  return text;
}

Result<std::string> EncodePng(const Image& image) { return EncodeWith(image, IFF_PNG, 0); }

Result<std::string> EncodeJpeg(const Image& image, int quality) {
  return EncodeWith(image, IFF_JFIF_JPEG, quality);
}

Result<Image> DecodeImage(const std::string& bytes) {
  QuietLibraries();
  if (bytes.empty()) return Status::InvalidArgument("image bytes are empty");
  PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
  if (!pix) return Status::DataLoss("image data is truncated or corrupt");
  return ImageFromPix(pix.get());
}

}  // namespace sohoa::intake
