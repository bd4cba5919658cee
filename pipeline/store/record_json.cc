#include "store/record_json.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace sohoa::store::internal {

using nlohmann::json;

std::optional<IssueDate> ParseIsoDate(const std::string& iso) {
  IssueDate d;
  char tail = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3) {
    return std::nullopt;
  }
  return d;
}

std::string ExtraFieldsToJson(const DocumentFields& f) {
  json j = json::object();
  if (!f.addressees.empty()) j["addressees"] = f.addressees;
  if (!f.recipients.empty()) j["recipients"] = f.recipients;
  if (!f.date_missing_reason.empty()) j["date_missing_reason"] = f.date_missing_reason;
  if (f.received) {
    json r = {{"arrival_number", f.received->arrival_number}};
    if (f.received->arrival_date) r["arrival_date"] = f.received->arrival_date->Iso();
    j["received"] = r;
  }
  j["confidence"] = f.confidence;
  if (!f.sources.empty()) {
    json sources = json::object();
    for (const auto& [field, src] : f.sources) {
      sources[field] = {{"page_index", src.page_index},
                        {"box", {src.box.x, src.box.y, src.box.w, src.box.h}},
                        {"confidence", src.confidence}};
    }
    j["sources"] = sources;
  }
  // Invalid UTF-8 from OCR is replaced rather than refused: the record must be filed.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status ExtraFieldsFromJson(const std::string& text, DocumentFields& f) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::DataLoss("store database is damaged: document fields are not valid JSON");
  }
  try {
    f.addressees = j.value("addressees", std::vector<std::string>{});
    f.recipients = j.value("recipients", std::vector<std::string>{});
    f.date_missing_reason = j.value("date_missing_reason", std::string());
    f.confidence = j.value("confidence", 0.0);
    if (j.contains("sources")) {
      for (const auto& [field, src] : j["sources"].items()) {
        FieldSource fs;
        fs.page_index = src.value("page_index", 0);
        const std::vector<int> box = src.value("box", std::vector<int>{0, 0, 0, 0});
        if (box.size() == 4) fs.box = Box{box[0], box[1], box[2], box[3]};
        fs.confidence = src.value("confidence", 0.0);
        f.sources[field] = fs;
      }
    }
    if (j.contains("received")) {
      ReceivedStamp r;
      r.arrival_number = j["received"].value("arrival_number", std::string());
      if (j["received"].contains("arrival_date")) {
        r.arrival_date = ParseIsoDate(j["received"]["arrival_date"].get<std::string>());
      }
      f.received = r;
    }
  } catch (const json::exception& e) {
    return Status::DataLoss(std::string("store database is damaged: document fields: ") + e.what());
  }
  return Status::Ok();
}

std::string QualityToJson(const PageQuality& q) {
  json j = {{"estimated_dpi", q.estimated_dpi},
            {"rotation_deg", q.rotation_deg},
            {"skew_deg", q.skew_deg},
            {"blur", q.blur},
            {"contrast", q.contrast},
            {"noise", q.noise},
            {"stamp_fraction", q.stamp_fraction},
            {"text_removed_fraction", q.text_removed_fraction},
            {"scale", q.scale},
            {"rescan_suggested", q.rescan_suggested},
            {"warning", q.warning}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status QualityFromJson(const std::string& text, PageQuality& q) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::DataLoss("store database is damaged: page quality is not valid JSON");
  }
  try {
    q.estimated_dpi = j.value("estimated_dpi", 0.0);
    q.rotation_deg = j.value("rotation_deg", 0);
    q.skew_deg = j.value("skew_deg", 0.0);
    q.blur = j.value("blur", 0.0);
    q.contrast = j.value("contrast", 0.0);
    q.noise = j.value("noise", 0.0);
    q.stamp_fraction = j.value("stamp_fraction", 0.0);
    q.text_removed_fraction = j.value("text_removed_fraction", 0.0);
    q.scale = j.value("scale", 1.0);
    q.rescan_suggested = j.value("rescan_suggested", false);
    q.warning = j.value("warning", std::string());
  } catch (const json::exception& e) {
    return Status::DataLoss(std::string("store database is damaged: page quality: ") + e.what());
  }
  return Status::Ok();
}

}  // namespace sohoa::store::internal
