#include "cli/stats_printer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docsearch::cli {
namespace {

using ::testing::HasSubstr;

TEST(RenderIndexStats, ShowsCountsSizesDateRangeAndTypesMostFrequentFirst) {
  docsearch::v1::GetIndexStatsResponse stats;
  stats.set_document_count(1234567);
  stats.set_term_count(5000);
  stats.set_posting_count(90000);
  stats.set_text_bytes(2'000'000);
  stats.set_memory_bytes(800'000);
  stats.mutable_earliest_published()->set_year(2001);
  stats.mutable_earliest_published()->set_month(12);
  stats.mutable_earliest_published()->set_day(7);
  stats.mutable_latest_published()->set_year(2003);
  stats.mutable_latest_published()->set_month(12);
  stats.mutable_latest_published()->set_day(4);
  auto* updates = stats.add_doc_type_counts();
  updates->set_value("update");
  updates->set_count(1);
  auto* statements = stats.add_doc_type_counts();
  statements->set_value("press_statement");
  statements->set_count(3);

  const std::string out = RenderIndexStats(stats);

  EXPECT_THAT(out, HasSubstr("Documents            1,234,567\n"));
  EXPECT_THAT(out, HasSubstr("Text ingested        2.0 MB\n"));
  EXPECT_THAT(out, HasSubstr("Index memory         800.0 KB (0.40 × text)\n"));
  EXPECT_THAT(out, HasSubstr("Published            2001-12-07 to 2003-12-04\n"));
  EXPECT_THAT(out, HasSubstr("Documents by type\n"
                             "  press_statement          3\n"
                             "  update                   1\n"));
}

TEST(RenderIndexStats, ShowsTheRawDocumentsKeptOnlyWhenThereAreAny) {
  docsearch::v1::GetIndexStatsResponse stats;
  stats.set_memory_bytes(800'000);
  EXPECT_THAT(RenderIndexStats(stats), ::testing::Not(HasSubstr("Raw documents")));
  stats.set_raw_bytes(250'000);
  EXPECT_THAT(RenderIndexStats(stats),
              HasSubstr("Raw documents kept   250.0 KB zstd, in the index memory\n"));
}

TEST(RenderIndexStats, EmptyIndexHasNoDateRange) {
  const std::string out = RenderIndexStats({});

  EXPECT_THAT(out, HasSubstr("Documents            0\n"));
  EXPECT_THAT(out, HasSubstr("Published            (no dated documents)\n"));
}

}  // namespace
}  // namespace docsearch::cli
