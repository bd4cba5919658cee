#include "core/document.h"

#include <cstdio>

namespace sohoa {

std::string IssueDate::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace sohoa
