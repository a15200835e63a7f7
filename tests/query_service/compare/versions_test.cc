// ListVersions and CompareVersions over an index with a version history:
// rewrites keep earlier versions up to the bound, unchanged rewrites and
// deletes behave as a user expects, and bad requests name their field.
#include "query_service/compare/versions.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/index/version_history.h"
#include "query_service/search/search_index.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::Document;
using ::testing::HasSubstr;

Document Version(const std::string& id, const std::string& body) {
  Document document;
  document.set_id(id);
  document.set_title("Title " + body);
  document.add_paragraphs()->set_text(body);
  document.set_content_hash(id + "/" + body);
  return document;
}

class VersionsTest : public ::testing::Test {
 protected:
  explicit VersionsTest(int max_versions = 3) : index_(SearchOptions{}) {
    index_.AttachAnnex(VersionHistory::Factory(max_versions));
  }
  void Write(const Document& document) {
    ASSERT_TRUE(index_.Upsert(std::make_unique<Document>(document)).ok());
  }
  absl::StatusOr<docsearch::v1::ListVersionsResponse> List(const std::string& id) {
    docsearch::v1::ListVersionsRequest request;
    request.set_id(id);
    return index_.Read([&](IndexSnapshot data) { return ListVersions(request, data); });
  }
  absl::StatusOr<docsearch::v1::CompareVersionsResponse> Compare(const std::string& id, int from,
                                                                 int to) {
    docsearch::v1::CompareVersionsRequest request;
    request.set_id(id);
    request.set_from(from);
    request.set_to(to);
    absl::StatusOr<VersionPair> pair =
        index_.Read([&](IndexSnapshot data) { return SelectVersions(request, data); });
    if (!pair.ok()) return pair.status();
    return CompareVersionPair(*pair);
  }
  std::vector<std::string> Titles(const std::string& id) {
    std::vector<std::string> titles;
    auto listed = List(id);
    EXPECT_TRUE(listed.ok()) << listed.status();
    if (listed.ok()) {
      for (const auto& version : listed->versions()) titles.push_back(version.title());
    }
    return titles;
  }
  SearchIndex index_;
};

TEST_F(VersionsTest, ARewriteKeepsTheEarlierVersionsUpToTheBound) {
  Write(Version("d", "one"));
  Write(Version("d", "two"));
  Write(Version("d", "two"));  // Same content hash: not a new version.
  EXPECT_THAT(Titles("d"), ::testing::ElementsAre("Title one", "Title two"));
  Write(Version("d", "three"));
  Write(Version("d", "four"));
  EXPECT_THAT(Titles("d"), ::testing::ElementsAre("Title two", "Title three", "Title four"));
  auto listed = List("d");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->max_versions(), 3);
  EXPECT_EQ(listed->versions(0).number(), 1);
  EXPECT_FALSE(listed->versions(1).current());
  EXPECT_TRUE(listed->versions(2).current());
  EXPECT_EQ(listed->versions(2).content_hash(), "d/four");
  // Other ids are untouched.
  Write(Version("e", "alone"));
  EXPECT_THAT(Titles("e"), ::testing::ElementsAre("Title alone"));
}

TEST_F(VersionsTest, ADeleteForgetsTheHistory) {
  Write(Version("d", "one"));
  Write(Version("d", "two"));
  ASSERT_TRUE(index_.Delete("d").ok());
  EXPECT_EQ(List("d").status().code(), absl::StatusCode::kNotFound);
  Write(Version("other", "x"));
  Write(Version("d", "three"));
  EXPECT_THAT(Titles("d"), ::testing::ElementsAre("Title three"));
}

TEST_F(VersionsTest, ComparesTheCurrentVersionWithThePreviousByDefault) {
  Write(Version("d", "The Council met on 12 May."));
  Write(Version("d", "The Council met on 14 May."));
  Write(Version("d", "The Council met on 14 May in Madrid."));
  auto latest = Compare("d", 0, 0);
  ASSERT_TRUE(latest.ok()) << latest.status();
  EXPECT_EQ(latest->from().number(), 2);
  EXPECT_EQ(latest->to().number(), 3);
  ASSERT_EQ(latest->changes_size(), 1);
  ASSERT_EQ(latest->changes(0).edits_size(), 1);
  EXPECT_EQ(latest->changes(0).edits(0).to_text(), "in Madrid");
  auto first = Compare("d", 1, 2);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->changes_size(), 1);
  EXPECT_EQ(first->changes(0).edits(0).from_text(), "12");
  EXPECT_TRUE(first->changes(0).edits(0).numeric());
}

TEST_F(VersionsTest, BadRequestsNameTheirField) {
  Write(Version("d", "one"));
  EXPECT_THAT(List("").status().message(), HasSubstr("id"));
  EXPECT_EQ(List("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(List("missing").status().code(), absl::StatusCode::kNotFound);
  auto only = Compare("d", 0, 0);
  EXPECT_EQ(only.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(only.status().message(), HasSubstr("from"));
  Write(Version("d", "two"));
  EXPECT_EQ(Compare("d", 0, 0).status().code(), absl::StatusCode::kOk);
  auto past = Compare("d", 1, 5);
  EXPECT_EQ(past.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(past.status().message(), HasSubstr("to: document 'd' has versions 1..2"));
  auto negative = Compare("d", -1, 0);
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(negative.status().message(), HasSubstr("from"));
}

}  // namespace
}  // namespace docsearch::query::compare
