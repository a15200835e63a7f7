#include "tests/soak/process_memory.h"

#include <unistd.h>

#include <cstring>
#include <memory>

#include "gtest/gtest.h"

namespace docsearch::testing {
namespace {

TEST(ResidentBytesFromStatus, ReadsVmRssInKibibytes) {
  auto bytes = ResidentBytesFromStatus(
      "Name:\tquery_service\nVmPeak:\t  900000 kB\nVmRSS:\t   12345 kB\nRssAnon:\t 1 kB\n");
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  EXPECT_EQ(*bytes, 12345 * 1024);
}

TEST(ResidentBytesFromStatus, RejectsAMissingOrMalformedLine) {
  EXPECT_FALSE(ResidentBytesFromStatus("Name:\tkthreadd\nState:\tS\n").ok());
  EXPECT_FALSE(ResidentBytesFromStatus("VmRSS:\t 12x kB\n").ok());
  EXPECT_FALSE(ResidentBytesFromStatus("VmRSS:\t 12 MB\n").ok());
}

TEST(ResidentBytes, SeesThisProcessGrowWhenItTouchesMemory) {
  auto before = ResidentBytes(getpid());
  ASSERT_TRUE(before.ok()) << before.status();
  EXPECT_GT(*before, 0);
  constexpr size_t kSize = 64 << 20;
  auto block = std::make_unique<char[]>(kSize);
  std::memset(block.get(), 1, kSize);  // Touch every page so it is resident.
  auto after = ResidentBytes(getpid());
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_GE(*after - *before, int64_t{48} << 20);
  EXPECT_EQ(block[kSize - 1], 1);
}

TEST(ResidentBytes, IsNotFoundForAProcessThatDoesNotExist) {
  // Above any pid_max Linux allows (4194304).
  EXPECT_EQ(ResidentBytes(2147483600).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace docsearch::testing
