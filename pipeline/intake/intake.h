// intake: files and folders -> decoded pages. The only stage that parses
// outside bytes, so it enforces limits before decoding.
//
// Formats: PNG, JPEG, TIFF (multi-page), PDF (pages rendered, default 300 dpi),
// plain text (.txt, for text-only extraction). The format is taken from the
// file's magic bytes, never from its extension.
// Thread-safety: free functions; safe to call from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/image.h"
#include "core/page.h"
#include "core/status.h"

namespace sohoa::intake {

struct Options {
  int64_t max_file_bytes = 256ll << 20;       // larger files are refused
  int max_pages = 1000;                        // pages per file
  int64_t max_pixels_per_page = 150'000'000;  // ~A0 at 300 dpi; a 40,000^2 page is refused
  int pdf_dpi = 300;                           // render resolution for PDF pages
};

enum class FileKind { kPng, kJpeg, kTiff, kPdf, kText, kUnknown };
const char* FileKindName(FileKind kind);

// What a list of paths names. A file named on its own is always taken (its
// content decides what it is); inside a folder only files whose extension is
// an input's (png, jpg, jpeg, tif, tiff, pdf, txt; any case) are taken, so a
// folder's README or sidecar JSON is not reported as a failed page.
struct InputFiles {
  std::vector<std::string> files;    // to process, sorted per folder
  std::vector<std::string> skipped;  // inside folders, not an input's extension
};

// Lists the files named by `paths` (files, or folders walked recursively),
// hidden files and folders skipped. A missing path is an error naming it.
Result<InputFiles> ExpandInputs(const std::vector<std::string>& paths);

// True when `path` ends in an input's extension (see InputFiles).
bool HasInputExtension(const std::string& path);

// Format from the first bytes. An empty file is InvalidArgument("file is empty").
Result<FileKind> SniffFileKind(const std::string& path);

// Pages in the file (1 for PNG/JPEG), checked against the limits.
Result<int> CountPages(const std::string& path, const Options& options);

// Decodes page `index` (0-based). Truncated or corrupt data is DataLoss;
// a page over the pixel limit is ResourceExhausted; both name the file.
Result<SourcePage> ReadPage(const std::string& path, int index, const Options& options);

// For text-only input: a .txt file's text, or a PDF's text layer
// (empty string when the PDF has none).
Result<std::string> ReadTextLayer(const std::string& path, const Options& options);

// Encoders for what the store keeps.
Result<std::string> EncodePng(const Image& image);
Result<std::string> EncodeJpeg(const Image& image, int quality = 85);
// Decodes an in-memory PNG/JPEG/TIFF.
Result<Image> DecodeImage(const std::string& bytes);

}  // namespace sohoa::intake
