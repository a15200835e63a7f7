// The versions kept per id, driven as IndexData drives an annex: a
// replacement is Removed(old slot) then Added(new slot) of the same id.
#include "query_service/index/version_history.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;

Document WithId(const std::string& id) {
  Document document;
  document.set_id(id);
  return document;
}

// What IndexData::Add does when `id`, live at `old_doc`, is written again
// into `new_doc`.
void Replace(VersionHistory& history, DocId old_doc, DocId new_doc, const std::string& id) {
  history.Removed(old_doc, id);
  history.Added(new_doc, WithId(id));
}

TEST(VersionHistory, ListsTheVersionsOfAReplacedIdOldestFirstUpToTheLimit) {
  VersionHistory history(/*max_versions=*/3);
  history.Added(0, WithId("a"));
  history.Added(1, WithId("b"));
  EXPECT_EQ(history.Versions(0), (std::vector<DocId>{0}));
  Replace(history, 0, 2, "a");
  Replace(history, 2, 3, "a");
  EXPECT_EQ(history.Versions(3), (std::vector<DocId>{0, 2, 3}));
  EXPECT_TRUE(history.IsKeptVersion(0));
  EXPECT_TRUE(history.IsKeptVersion(2));
  // A fourth version: the first is forgotten.
  Replace(history, 3, 4, "a");
  EXPECT_EQ(history.Versions(4), (std::vector<DocId>{2, 3, 4}));
  EXPECT_FALSE(history.IsKeptVersion(0));
  EXPECT_TRUE(history.IsKeptVersion(3));
  // The other id has only its live version.
  EXPECT_EQ(history.Versions(1), (std::vector<DocId>{1}));
  EXPECT_FALSE(history.IsKeptVersion(1));
}

TEST(VersionHistory, ADeleteForgetsTheIdsVersionsAtOnceForSnapshots) {
  VersionHistory history(/*max_versions=*/5);
  history.Added(0, WithId("a"));
  Replace(history, 0, 1, "a");
  ASSERT_TRUE(history.IsKeptVersion(0));
  // Deleted: nothing of it is kept, even before the next write settles it.
  history.Removed(1, "a");
  EXPECT_FALSE(history.IsKeptVersion(0));
  EXPECT_FALSE(history.IsKeptVersion(1));
  // Another id written next: "a"'s history is gone for good; written again
  // later, it starts a new one.
  history.Added(2, WithId("b"));
  history.Added(3, WithId("a"));
  EXPECT_EQ(history.Versions(3), (std::vector<DocId>{3}));
  EXPECT_FALSE(history.IsKeptVersion(0));
}

TEST(VersionHistory, KeepsNothingForIdsWrittenOnce) {
  VersionHistory history(/*max_versions=*/10);
  const uint64_t empty = history.MemoryBytes();
  for (DocId doc = 0; doc < 10000; ++doc) {
    history.Added(doc, WithId("document-with-a-long-identifier-" + std::to_string(doc)));
  }
  // No per-id entry: the ids are the store's to keep.
  EXPECT_EQ(history.MemoryBytes(), empty);
  Replace(history, 7, 10000, "document-with-a-long-identifier-7");
  EXPECT_GT(history.MemoryBytes(), empty);
  EXPECT_LT(history.MemoryBytes(), empty + 10001 / 8 + 256);
}

TEST(VersionHistory, OneVersionKeptListsOnlyTheLiveOne) {
  VersionHistory history(/*max_versions=*/1);
  history.Added(0, WithId("a"));
  Replace(history, 0, 1, "a");
  EXPECT_EQ(history.Versions(1), (std::vector<DocId>{1}));
  EXPECT_FALSE(history.IsKeptVersion(0));
}

}  // namespace
}  // namespace docsearch::query
