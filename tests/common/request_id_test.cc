#include "common/request_id.h"

#include <string>

#include "gtest/gtest.h"

namespace docsearch {
namespace {

TEST(RequestIdTest, AcceptsTypicalIdsAndRefusesWhatCouldBreakALogLine) {
  EXPECT_TRUE(IsUsableRequestId("req-42"));
  EXPECT_TRUE(IsUsableRequestId("4bf92f3577b34da6a3ce929d0e0e4736"));
  EXPECT_TRUE(IsUsableRequestId("trace:abc/def+ghi=~_."));
  EXPECT_FALSE(IsUsableRequestId(""));
  EXPECT_FALSE(IsUsableRequestId("has space"));
  EXPECT_FALSE(IsUsableRequestId("quote\""));
  EXPECT_FALSE(IsUsableRequestId("new\nline"));
  EXPECT_FALSE(IsUsableRequestId(std::string(129, 'a')));
  EXPECT_TRUE(IsUsableRequestId(std::string(128, 'a')));
}

TEST(RequestIdTest, MadeUpIdsAreUsableAndDistinct) {
  const std::string a = NewRequestId();
  const std::string b = NewRequestId();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_TRUE(IsUsableRequestId(a));
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace docsearch
