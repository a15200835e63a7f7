// What users see of segments and merges (index/segment.h,
// index/segment_merge.h) through SearchIndex: the same answers while runs of
// segments merge in the background, and replaced or deleted documents'
// postings given back.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "query_service/search/background_thread.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {
namespace {

std::unique_ptr<v1::Document> Doc(const std::string& id, const std::string& text) {
  auto document = std::make_unique<v1::Document>();
  document->set_id(id);
  document->set_title(text);
  document->add_paragraphs()->set_text(text);
  document->set_language("en");
  return document;
}

int64_t HitCount(const SearchIndex& index, const std::string& text) {
  v1::SearchRequest request;
  request.mutable_query()->mutable_match()->set_text(text);
  absl::StatusOr<v1::SearchResponse> response = SearchByRequest(index, request);
  EXPECT_TRUE(response.ok()) << response.status();
  return response.ok() ? response->total_size() : -1;
}

void UpsertDrafts(SearchIndex& index, int count) {
  for (int i = 0; i < count; ++i) {
    ASSERT_TRUE(index
                    .Upsert(Doc(absl::StrCat("d", i),
                                absl::StrCat("original draft number ", "word", i, " text")))
                    .ok());
  }
}

TEST(SegmentedIndexTest, RunsOfSegmentsMergeInTheBackgroundAndSearchesFindEveryDocument) {
  SearchOptions options;
  options.segments.seal_documents = 10;
  options.segments.factor = 4;
  options.segments.budget_floor = 1;
  SearchIndex index(options);
  UpsertDrafts(index, 45);
  index.WaitForMerges();
  const v1::GetIndexStatsResponse stats = index.Stats();
  // Four sealed segments of 10, over the budget of 1 + ceil(log8(40 / 10)):
  // merged down to two (the first three, then the fourth sealed) or one
  // (all four, when the merge thread first looks after the fourth seal);
  // 5 documents still open.
  EXPECT_GE(stats.segment_count(), 1);
  EXPECT_LE(stats.segment_count(), 2);
  EXPECT_EQ(HitCount(index, "draft"), 45);
  EXPECT_EQ(HitCount(index, "word7"), 1);
  EXPECT_EQ(HitCount(index, "word44"), 1);
}

TEST(SegmentedIndexTest, MostlyDeadSegmentsGiveBackTheReplacedVersionsPostings) {
  SearchOptions options;
  options.segments.seal_documents = 10;
  options.segments.budget_floor = 100;  // No runs: only mostly-dead segments merge.
  SearchIndex index(options);
  UpsertDrafts(index, 40);
  index.WaitForMerges();
  const v1::GetIndexStatsResponse before = index.Stats();
  EXPECT_EQ(before.segment_count(), 4);
  for (int i = 0; i < 40; ++i) {
    ASSERT_TRUE(index.Upsert(Doc(absl::StrCat("d", i), "final communique")).ok());
  }
  index.WaitForMerges();
  const v1::GetIndexStatsResponse after = index.Stats();
  EXPECT_EQ(after.segment_count(), 8);
  EXPECT_EQ(after.document_count(), 40);
  EXPECT_EQ(HitCount(index, "draft"), 0);
  EXPECT_EQ(HitCount(index, "communique"), 40);
  // Each of the first four segments was merged alone once more than half
  // of it was dead, and again until nothing of it was left: the replaced
  // versions' postings are gone, and with them the terms no live document
  // holds ("draft", "word0".."word39", ...). Only "final" and "communiqu"
  // are left, in the title and in the body.
  EXPECT_EQ(after.term_count(), 4);
  EXPECT_GT(before.term_count(), 80);
}

TEST(SegmentedIndexTest, DeletesAloneGetAMostlyDeadSegmentMerged) {
  SearchOptions options;
  options.segments.seal_documents = 10;
  options.segments.budget_floor = 100;
  SearchIndex index(options);
  UpsertDrafts(index, 20);
  index.WaitForMerges();
  const int64_t terms_before = index.Stats().term_count();
  // Six of the first segment's ten documents, and no write after: the
  // deletes themselves must get the merge going.
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(index.Delete(absl::StrCat("d", i)).ok());
  index.WaitForMerges();
  // word0..word5 left the title and body dictionaries.
  EXPECT_EQ(index.Stats().term_count(), terms_before - 12);
  EXPECT_EQ(HitCount(index, "draft"), 14);
  EXPECT_EQ(HitCount(index, "word6"), 1);
}

// The merge thread is background work: searches on a busy machine get the
// CPU first (`ps -L -o tid,comm,nice` shows it as docsearch-merge).
TEST(SegmentedIndexTest, MergesRunOnANamedThreadAtALowerPriorityThanSearches) {
  SearchIndex index{SearchOptions{}};
  // The thread names itself when it starts; wait for it, boundedly.
  std::optional<int> merge_nice;
  for (int attempt = 0; attempt < 200 && !merge_nice.has_value(); ++attempt) {
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
      std::ifstream comm(task.path() / "comm");
      std::string name;
      std::getline(comm, name);
      if (name != "docsearch-merge") continue;
      // /proc/<tid>/stat: "tid (comm) state ..." with nice the 19th field;
      // count from the closing parenthesis (field 2 may hold spaces).
      std::ifstream stat_file(task.path() / "stat");
      std::string stat((std::istreambuf_iterator<char>(stat_file)), {});
      std::vector<std::string> fields =
          absl::StrSplit(stat.substr(stat.rfind(')') + 2), ' ', absl::SkipEmpty());
      ASSERT_GT(fields.size(), 16u);
      merge_nice = std::stoi(fields[16]);  // Field 19 is the 17th after "(comm)".
    }
    if (!merge_nice.has_value()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(merge_nice.has_value()) << "no thread named docsearch-merge";
  EXPECT_GT(*merge_nice, CurrentThreadNice());
  // Searches and writes still work, merges included.
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(index.Upsert(Doc(absl::StrCat("n", i), "note")).ok());
  index.WaitForMerges();
  EXPECT_EQ(HitCount(index, "note"), 3);
}

}  // namespace
}  // namespace docsearch::query
