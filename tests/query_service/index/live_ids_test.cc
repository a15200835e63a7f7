// The live documents' DocIds by id, read from the store's records.
#include "query_service/index/live_ids.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;

DocId AppendDocument(DocumentStore& store, const std::string& id) {
  Document document;
  document.set_id(id);
  document.set_title(absl::StrCat("Title of ", id));
  document.add_paragraphs()->set_text("Body text.");
  return store.Append(document);
}

TEST(LiveIds, FindsEachLiveDocumentByItsIdThroughTheTablesGrowth) {
  DocumentStore store;
  LiveIds ids(&store);
  // Enough entries for the table to grow many times: each growth rehashes
  // every DocId from its stored id, which must land where a lookup by the
  // id string looks.
  constexpr int kDocuments = 5000;
  for (int i = 0; i < kDocuments; ++i) {
    ids.Insert(
        AppendDocument(store, absl::StrCat("doc-", i, i % 7 == 0 ? "-with-a-longer-id" : "")));
  }
  ASSERT_EQ(ids.size(), kDocuments);
  for (int i = 0; i < kDocuments; ++i) {
    const std::string id = absl::StrCat("doc-", i, i % 7 == 0 ? "-with-a-longer-id" : "");
    ASSERT_EQ(ids.Find(id), std::optional<DocId>(static_cast<DocId>(i))) << id;
  }
  EXPECT_FALSE(ids.Find("doc-5000").has_value());
  EXPECT_FALSE(ids.Find("doc-0").has_value());  // Stored as doc-0-with-a-longer-id.
  EXPECT_FALSE(ids.Contains(""));
}

TEST(LiveIds, AReplacedDocumentIsFoundAtItsNewSlotAndARemovedOneNotAtAll) {
  DocumentStore store;
  LiveIds ids(&store);
  ids.Insert(AppendDocument(store, "a"));
  ids.Insert(AppendDocument(store, "b"));
  // "a" again, in a new slot: the old entry goes first, as IndexData does.
  const DocId replacement = AppendDocument(store, "a");
  ASSERT_TRUE(ids.Erase("a"));
  ids.Insert(replacement);
  EXPECT_EQ(ids.Find("a"), std::optional<DocId>(replacement));
  EXPECT_EQ(ids.Find("b"), std::optional<DocId>(1));
  EXPECT_EQ(ids.size(), 2u);

  EXPECT_TRUE(ids.Erase("b"));
  EXPECT_FALSE(ids.Erase("b"));
  EXPECT_FALSE(ids.Contains("b"));
  EXPECT_EQ(ids.size(), 1u);
}

TEST(LiveIds, HoldsNoCopyOfTheIds) {
  DocumentStore store;
  LiveIds ids(&store);
  constexpr int kDocuments = 20000;
  for (int i = 0; i < kDocuments; ++i) {
    ids.Insert(AppendDocument(store, absl::StrCat("a-document-id-of-some-length-", i)));
  }
  // A DocId and a control byte a slot, at most 8/7 * 2 slots an entry
  // after a growth: under 12 bytes an entry. A table of the ids themselves
  // takes at least their 34 bytes each.
  EXPECT_LT(ids.MemoryBytes(), kDocuments * 12u);
  EXPECT_GE(ids.MemoryBytes(), kDocuments * (sizeof(DocId) + 1));
}

}  // namespace
}  // namespace docsearch::query
