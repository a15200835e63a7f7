#include "cli/ingest_summary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/json_output.h"

namespace docsearch::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

IngestSummary SummaryWithOneFailure() {
  IngestSummary summary;
  summary.files_sent = 2;
  summary.documents_sent = 4;
  summary.bytes_sent = 2'000'000;
  summary.ingested = 3;
  summary.elapsed = absl::Seconds(2);
  summary.failures.push_back(IngestFailure{"archive/batch.jsonl#3",
                                           absl::StatusCode::kInvalidArgument,
                                           "field \"published\": not a date"});
  return summary;
}

TEST(RenderIngestSummary, CountsRatesAndElapsedTime) {
  const std::string out = RenderIngestSummary(SummaryWithOneFailure());

  EXPECT_THAT(out, HasSubstr("Ingested 3 of 4 documents from 2 files in 2.0s "
                             "(2.0 docs/s, 1.00 MB/s).\n"));
}

TEST(RenderIngestSummary, ListsEachFailureWithPathCodeAndMessage) {
  const std::string out = RenderIngestSummary(SummaryWithOneFailure());

  EXPECT_THAT(out, HasSubstr("1 failed:\n"
                             "  archive/batch.jsonl#3  INVALID_ARGUMENT  "
                             "field \"published\": not a date\n"));
}

TEST(RenderIngestSummary, SaysNothingAboutFailuresWhenThereAreNone) {
  IngestSummary summary = SummaryWithOneFailure();
  summary.failures.clear();

  EXPECT_THAT(RenderIngestSummary(summary), Not(HasSubstr("failed")));
}

TEST(IngestSummaryToJson, IsOneLineWithCountsAndFailures) {
  absl::StatusOr<std::string> json = IngestSummaryToJson(SummaryWithOneFailure());

  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, Not(HasSubstr("\n")));
  EXPECT_THAT(*json, HasSubstr("\"ingested\":3"));
  EXPECT_THAT(*json, HasSubstr("\"failed\":1"));
  EXPECT_THAT(*json, HasSubstr("\"documentsSent\":4"));
  EXPECT_THAT(*json, HasSubstr("\"failures\":[{\"path\":\"archive/batch.jsonl#3\","
                               "\"code\":\"INVALID_ARGUMENT\","
                               "\"message\":\"field \\\"published\\\": not a date\"}]"));
  EXPECT_THAT(*json, HasSubstr("\"documentsPerSecond\":2"));
}

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonString("a \"b\" c\\d\n\te"), "\"a \\\"b\\\" c\\\\d\\n\\te\"");
  EXPECT_EQ(JsonString("d\u00e9fense"), "\"d\u00e9fense\"");  // UTF-8 stays as is.
}

}  // namespace
}  // namespace docsearch::cli
