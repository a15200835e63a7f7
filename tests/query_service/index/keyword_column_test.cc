// KeywordColumn: each document's values back as sorted, distinct ordinals,
// with documents that have no values (never added, or skipped) empty.
#include "query_service/index/keyword_column.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> ValuesOf(const KeywordColumn& column, uint32_t doc) {
  std::vector<std::string> values;
  for (uint32_t ordinal : column.Ordinals(doc)) values.push_back(column.Value(ordinal));
  return values;
}

TEST(KeywordColumnTest, GivesEachDocumentItsDistinctValues) {
  KeywordColumn column;
  EXPECT_GT(column.Add(0, {"nato", "russia", "nato"}), 0u);
  // Documents 1 and 2 have no values; 3 shares one with 0.
  column.Add(3, {"russia"});
  column.Add(4, {"ukraine", "nato"});
  EXPECT_THAT(ValuesOf(column, 0), ElementsAre("nato", "russia"));
  EXPECT_THAT(ValuesOf(column, 1), IsEmpty());
  EXPECT_THAT(ValuesOf(column, 2), IsEmpty());
  EXPECT_THAT(ValuesOf(column, 3), ElementsAre("russia"));
  EXPECT_THAT(ValuesOf(column, 4), ElementsAre("nato", "ukraine"));
  EXPECT_THAT(ValuesOf(column, 99), IsEmpty());
  EXPECT_EQ(column.ordinal_count(), 3u);
}

TEST(KeywordColumnTest, ADocumentIsAddedOnce) {
  KeywordColumn column;
  column.Add(0, {"a"});
  EXPECT_EQ(column.Add(0, {"b"}), 0u);
  EXPECT_THAT(ValuesOf(column, 0), ElementsAre("a"));
}

}  // namespace
}  // namespace docsearch::query
