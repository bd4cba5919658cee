// Intermediate images for tuning: dump_dir/NN_step.png.
#include <cstdio>
#include <filesystem>
#include <system_error>

#include <opencv2/imgcodecs.hpp>

#include "clean/dump.h"

namespace sohoa::clean {

Status DumpStep(const std::string& dir, int index, const std::string& step, const cv::Mat& image) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Unavailable("cannot create dump folder " + dir + ": " + ec.message());
  char prefix[8];
  std::snprintf(prefix, sizeof prefix, "%02d_", index);
  const std::string path = (std::filesystem::path(dir) / (prefix + step + ".png")).string();
  bool written = false;
  try {
    written = cv::imwrite(path, image);
  } catch (const cv::Exception& e) {
    return Status::Unavailable("cannot write " + path + ": " + e.msg);
  }
  if (!written) return Status::Unavailable("cannot write " + path);
  return Status::Ok();
}

}  // namespace sohoa::clean
