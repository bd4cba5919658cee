#include "runner/config.h"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace sohoa::runner {
namespace {

// Binds TOML keys of one table to fields of one Options struct.
class TableBinder {
 public:
  TableBinder(std::string table, std::string origin) : table_(std::move(table)), origin_(std::move(origin)) {}

  TableBinder& Bool(const std::string& key, bool* field) {
    setters_[key] = [error = ErrorPrefix(key), field](const toml::node& n) -> Status {
      auto v = n.value<bool>();
      if (!v) return Status::InvalidArgument(error + "true or false");
      *field = *v;
      return Status::Ok();
    };
    return *this;
  }
  template <typename Int>
  TableBinder& Integer(const std::string& key, Int* field) {
    setters_[key] = [error = ErrorPrefix(key), field](const toml::node& n) -> Status {
      auto v = n.value<int64_t>();
      if (!v || !n.is_integer()) return Status::InvalidArgument(error + "a whole number");
      *field = static_cast<Int>(*v);
      return Status::Ok();
    };
    return *this;
  }
  TableBinder& Number(const std::string& key, double* field) {
    setters_[key] = [error = ErrorPrefix(key), field](const toml::node& n) -> Status {
      auto v = n.value<double>();
      if (!v) return Status::InvalidArgument(error + "a number");
      *field = *v;
      return Status::Ok();
    };
    return *this;
  }
  TableBinder& String(const std::string& key, std::string* field) {
    setters_[key] = [error = ErrorPrefix(key), field](const toml::node& n) -> Status {
      auto v = n.value<std::string>();
      if (!v) return Status::InvalidArgument(error + "a string");
      *field = *v;
      return Status::Ok();
    };
    return *this;
  }

  Status Apply(const toml::table& root) const {
    const toml::node* node = root.get(table_);
    if (!node) return Status::Ok();
    const toml::table* t = node->as_table();
    if (!t) return Status::InvalidArgument(origin_ + ": [" + table_ + "] must be a table");
    for (const auto& [key, value] : *t) {
      auto it = setters_.find(std::string(key.str()));
      if (it == setters_.end()) {
        return Status::InvalidArgument(origin_ + ": unknown setting '" + table_ + "." +
                                       std::string(key.str()) + "'");
      }
      SOHOA_RETURN_IF_ERROR(it->second(value));
    }
    return Status::Ok();
  }

 private:
  // Setters outlive moves of the binder (it lives in a vector), so they
  // capture their message, never `this`.
  std::string ErrorPrefix(const std::string& key) const {
    return origin_ + ": setting '" + table_ + "." + key + "' must be ";
  }

  std::string table_, origin_;
  std::map<std::string, std::function<Status(const toml::node&)>> setters_;
};

}  // namespace

Result<Config> ParseConfig(const std::string& toml_text, const std::string& origin) {
  // Debian's toml++ reports syntax errors by exception: translate it here.
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << origin << ":" << e.source().begin.line << ": " << e.description();
    return Status::InvalidArgument(msg.str());
  }
  static const char* kTables[] = {"intake", "clean", "ocr", "text", "extract", "store", "runner"};
  for (const auto& [key, value] : root) {
    bool known = false;
    for (const char* t : kTables) known = known || key.str() == t;
    if (!known) return Status::InvalidArgument(origin + ": unknown table [" + std::string(key.str()) + "]");
  }

  Config c;
  std::vector<TableBinder> binders;
  binders.emplace_back("intake", origin);
  binders.back()
      .Integer("max_file_bytes", &c.intake.max_file_bytes)
      .Integer("max_pages", &c.intake.max_pages)
      .Integer("max_pixels_per_page", &c.intake.max_pixels_per_page)
      .Integer("pdf_dpi", &c.intake.pdf_dpi);
  binders.emplace_back("clean", origin);
  binders.back()
      .Bool("orientation", &c.clean.orientation)
      .Bool("deskew", &c.clean.deskew)
      .Bool("remove_borders", &c.clean.remove_borders)
      .Bool("flatten_background", &c.clean.flatten_background)
      .Bool("suppress_stamps", &c.clean.suppress_stamps)
      .Bool("despeckle", &c.clean.despeckle)
      .Number("target_dpi", &c.clean.target_dpi)
      .String("binarization", &c.clean.binarization);
  binders.emplace_back("ocr", origin);
  binders.back()
      .String("tessdata_dir", &c.ocr.tessdata_dir)
      .String("language", &c.ocr.language)
      .String("osd_tessdata_dir", &c.ocr.osd_tessdata_dir)
      .Integer("page_segmentation", &c.ocr.page_segmentation)
      .Bool("split_header_columns", &c.ocr.split_header_columns)
      .Integer("page_timeout_ms", &c.ocr.page_timeout_ms)
      .Number("osd_min_confidence", &c.ocr.osd_min_confidence)
      .Bool("glyph_choices", &c.ocr.glyph_choices);
  binders.emplace_back("text", origin);
  binders.back()
      .Bool("correct", &c.text.correct)
      .String("syllable_dictionary_path", &c.text.syllable_dictionary_path)
      .String("bigram_model_path", &c.text.bigram_model_path)
      .Integer("min_repetitions", &c.text.min_repetitions);
  binders.emplace_back("extract", origin);
  binders.back().Bool("cited_documents", &c.extract.cited_documents);
  binders.back().Bool("received_stamp", &c.extract.received_stamp);
  binders.emplace_back("store", origin);
  binders.back().String("dir", &c.store.dir).Integer("busy_timeout_ms", &c.store.busy_timeout_ms);
  binders.emplace_back("runner", origin);
  binders.back().Integer("workers", &c.runner.workers).String("dossier", &c.runner.dossier);
  for (const TableBinder& b : binders) SOHOA_RETURN_IF_ERROR(b.Apply(root));
  return c;
}

Result<Config> LoadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": configuration file not found");
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseConfig(ss.str(), path);
}

}  // namespace sohoa::runner
