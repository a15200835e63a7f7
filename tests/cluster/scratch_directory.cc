#include "tests/cluster/scratch_directory.h"

#include <unistd.h>

#include <iostream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace docsearch::testing {

ScratchDirectory::ScratchDirectory(absl::string_view name)
    : path_(std::filesystem::path(::testing::TempDir()) / absl::StrCat(name, "-", getpid())) {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
  std::filesystem::create_directories(path_);
}

ScratchDirectory::~ScratchDirectory() {
  if (::testing::UnitTest::GetInstance()->Failed() || ::testing::Test::HasFailure()) {
    std::cerr << "kept for inspection: " << path_ << "\n";
    return;
  }
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace docsearch::testing
