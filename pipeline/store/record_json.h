// Internal: the JSON columns of the store (the less-searched document fields
// and the page quality measurements).
#pragma once

#include <string>

#include "core/document.h"
#include "core/page.h"
#include "core/status.h"

namespace sohoa::store::internal {

// Addressees, recipients, received stamp, date_missing_reason, confidence,
// and where each field was read (sources).
std::string ExtraFieldsToJson(const DocumentFields& fields);
// Fills the same members of `fields`; DataLoss when the text is not our JSON.
Status ExtraFieldsFromJson(const std::string& json, DocumentFields& fields);

std::string QualityToJson(const PageQuality& quality);
Status QualityFromJson(const std::string& json, PageQuality& quality);

// "2020-04-29" -> IssueDate; nullopt when not of that form.
std::optional<IssueDate> ParseIsoDate(const std::string& iso);

}  // namespace sohoa::store::internal
