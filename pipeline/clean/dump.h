// Private to the clean stage: writing intermediate images for tuning.
#pragma once

#include <string>

#include <opencv2/core.hpp>

#include "core/status.h"

namespace sohoa::clean {

// Writes `image` as <dir>/<NN>_<step>.png, creating `dir` if needed.
// Errors: Unavailable when the folder or file cannot be written.
Status DumpStep(const std::string& dir, int index, const std::string& step, const cv::Mat& image);

}  // namespace sohoa::clean
