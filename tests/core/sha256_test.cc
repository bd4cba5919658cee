#include "core/sha256.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace sohoa {
namespace {

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, FileMatchesBytes) {
  auto path = std::filesystem::temp_directory_path() / "sohoa_sha256_test.bin";
  std::string data(200000, 'x');
  { std::ofstream(path, std::ios::binary) << data; }
  auto h = Sha256OfFile(path.string());
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(*h, Sha256Hex(data));
  std::filesystem::remove(path);
}

TEST(Sha256Test, MissingFileIsNotFound) {
  auto h = Sha256OfFile("/nonexistent/sohoa/file");
  EXPECT_EQ(h.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sohoa
