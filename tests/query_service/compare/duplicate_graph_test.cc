// DuplicateGraph::Near, the lookup of a signature from another index (a
// coordinator walking clusters across shards): it returns exactly the slots
// Insert would have joined to a document of that signature, with their
// members and signatures; SlotOf returns what was inserted.
#include "query_service/compare/duplicate_graph.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/text_fingerprint.h"
#include "gtest/gtest.h"

namespace docsearch::query::compare {
namespace {

std::string Words(int first, int count, int family) {
  std::vector<std::string> words;
  for (int i = first; i < first + count; ++i) words.push_back(absl::StrCat("w", family, "x", i));
  return absl::StrJoin(words, " ");
}

TEST(DuplicateGraphNear, FindsExactlyTheSlotsInsertWouldJoin) {
  std::mt19937 random(20261203);
  std::vector<std::string> texts;
  for (int i = 0; i < 120; ++i) {
    texts.push_back(Words(static_cast<int>(random() % 50), 60 + static_cast<int>(random() % 40),
                          static_cast<int>(random() % 8)));
  }
  // The first 100 in one graph (one shard); each of the others looked up,
  // then inserted into a copy of it to see the edges Insert makes.
  DuplicateGraph shard(kDefaultDuplicateResemblance);
  for (DocId doc = 0; doc < 100; ++doc) {
    shard.Insert(doc, {absl::StrCat("d", doc), 0, 1}, ComputeTextFingerprint(texts[doc]));
  }
  int joined = 0;
  for (size_t probe = 100; probe < texts.size(); ++probe) {
    const docsearch::v1::Fingerprint fingerprint = ComputeTextFingerprint(texts[probe]);
    std::vector<DocId> found;
    for (const NearSlot& slot : shard.Near(*CompactSignatureOf(fingerprint))) {
      EXPECT_EQ(slot.member.id, absl::StrCat("d", slot.doc));
      EXPECT_EQ(slot.signature, *CompactSignatureOf(ComputeTextFingerprint(texts[slot.doc])));
      found.push_back(slot.doc);
    }
    DuplicateGraph both(kDefaultDuplicateResemblance);
    for (DocId doc = 0; doc < 100; ++doc) {
      both.Insert(doc, {absl::StrCat("d", doc), 0, 1}, ComputeTextFingerprint(texts[doc]));
    }
    both.Insert(100, {"probe", 0, 1}, fingerprint);
    std::vector<DocId> expected = both.Neighbors(100);
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(found, expected) << "probe " << probe;
    joined += !found.empty();
  }
  EXPECT_GT(joined, 5) << "the families make near-copies";
}

TEST(DuplicateGraphNear, SlotOfReturnsTheInsertedMemberAndSignature) {
  DuplicateGraph graph(kDefaultDuplicateResemblance);
  const docsearch::v1::Fingerprint fingerprint = ComputeTextFingerprint(Words(0, 80, 1));
  graph.Insert(0, {"a", 12000, 480}, fingerprint);
  graph.Insert(1, {"empty", kNoDate, 0}, docsearch::v1::Fingerprint());
  const std::optional<NearSlot> a = graph.SlotOf(0);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->member.id, "a");
  EXPECT_EQ(a->member.day, 12000);
  EXPECT_EQ(a->member.text_bytes, 480u);
  EXPECT_TRUE(a->has_signature);
  EXPECT_EQ(a->signature, *CompactSignatureOf(fingerprint));
  const std::optional<NearSlot> empty = graph.SlotOf(1);
  ASSERT_TRUE(empty.has_value());
  EXPECT_FALSE(empty->has_signature);
  EXPECT_FALSE(graph.SlotOf(2).has_value());
  // A document's own signature finds itself (callers skip it by id).
  const std::vector<NearSlot> near = graph.Near(*CompactSignatureOf(fingerprint));
  ASSERT_EQ(near.size(), 1u);
  EXPECT_EQ(near[0].doc, 0u);
}

}  // namespace
}  // namespace docsearch::query::compare
