// Near-duplicate clusters kept incrementally: after any sequence of adds,
// deletes and replacements they equal the clusters a fresh union-find
// builds over the live documents; a delete splits a cluster held together
// by the deleted member; the canonical member and the cluster id follow
// the rules (earliest, then most complete, then smallest id).
#include "query_service/compare/duplicate_clusters.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/text_fingerprint.h"
#include "gtest/gtest.h"
#include "query_service/compare/duplicate_graph.h"

namespace docsearch::query::compare {
namespace {

// `count` words starting at word `first` of a fixed vocabulary: texts with
// overlapping ranges share shingles in proportion to the overlap.
std::string Words(int first, int count, int family = 0) {
  std::vector<std::string> words;
  for (int i = first; i < first + count; ++i) words.push_back(absl::StrCat("w", family, "x", i));
  return absl::StrJoin(words, " ");
}

DuplicateMember Member(const std::string& id, int32_t day, uint32_t bytes) {
  return DuplicateMember{id, day, bytes};
}

// Clusters as comparable values: (sorted members, canonical).
using ClusterSet = std::set<std::pair<std::vector<DocId>, DocId>>;

ClusterSet Incremental(const DuplicateClusters& clusters) {
  ClusterSet out;
  clusters.ForEach([&](const DuplicateCluster& cluster) {
    std::vector<DocId> members = cluster.members;
    std::sort(members.begin(), members.end());
    out.insert({members, cluster.canonical});
  });
  return out;
}

ClusterSet Batch(const std::vector<DuplicateCluster>& clusters) {
  ClusterSet out;
  for (const auto& cluster : clusters) out.insert({cluster.members, cluster.canonical});
  return out;
}

TEST(DuplicateClusters, IncrementalEqualsBatchAfterAddsDeletesAndReplacements) {
  std::mt19937 random(20261203);
  DuplicateGraph graph(kDefaultDuplicateResemblance);
  DuplicateClusters clusters(&graph);
  // By slot: its text, member; live slots by id (a replacement is a new slot).
  std::vector<std::string> texts;
  std::vector<DuplicateMember> members;
  std::map<std::string, DocId> live;
  int next_id = 0;
  auto add = [&](const std::string& id, const std::string& text) {
    const DocId doc = static_cast<DocId>(texts.size());
    texts.push_back(text);
    members.push_back(Member(id, static_cast<int32_t>(random() % 50), text.size()));
    graph.Insert(doc, members.back(), ComputeTextFingerprint(text));
    clusters.Add(doc);
    live[id] = doc;
  };
  // A text of one of 12 statements, cut and shifted: copies of one statement
  // resemble each other from 0 to 1 (so some clusters hang on one member
  // that joins two others), statements never.
  auto text_of_family = [&](int family) {
    const int shift = static_cast<int>(random() % 60);
    const int length = 60 + static_cast<int>(random() % 40);
    return Words(shift, length, family);
  };
  int deletes = 0, replacements = 0;
  for (int step = 0; step < 600; ++step) {
    const int action = static_cast<int>(random() % 10);
    if (action < 6 || live.size() < 4) {
      add(absl::StrCat("doc-", next_id++), text_of_family(static_cast<int>(random() % 12)));
    } else {
      auto it = std::next(live.begin(), static_cast<long>(random() % live.size()));
      const std::string id = it->first;
      clusters.Remove(it->second);
      live.erase(it);
      if (action < 8) {
        ++deletes;
      } else {
        ++replacements;  // Same id, new content, new slot.
        add(id, text_of_family(static_cast<int>(random() % 12)));
      }
    }
    if (step % 50 == 49) {
      // A fresh graph over the live documents only, in slot order.
      std::vector<DocId> slots;
      for (const auto& [id, doc] : live) slots.push_back(doc);
      std::sort(slots.begin(), slots.end());
      DuplicateGraph fresh(kDefaultDuplicateResemblance);
      for (DocId doc : slots) fresh.Insert(doc, members[doc], ComputeTextFingerprint(texts[doc]));
      ASSERT_EQ(Incremental(clusters), Batch(BatchClusters(fresh, slots))) << "after step " << step;
    }
  }
  EXPECT_GT(deletes, 50);
  EXPECT_GT(replacements, 50);
  EXPECT_GT(clusters.cluster_count(), 5u);
}

TEST(DuplicateClusters, DeletingTheMemberThatJoinsTwoOthersSplitsTheCluster) {
  DuplicateGraph graph(kDefaultDuplicateResemblance);
  DuplicateClusters clusters(&graph);
  // A and C share too little; B overlaps both.
  const std::vector<std::string> texts = {Words(0, 100), Words(15, 100), Words(30, 100)};
  ASSERT_GE(MinHashResemblance(ComputeTextFingerprint(texts[0]), ComputeTextFingerprint(texts[1])),
            0.5);
  ASSERT_LT(MinHashResemblance(ComputeTextFingerprint(texts[0]), ComputeTextFingerprint(texts[2])),
            0.5);
  for (DocId doc = 0; doc < 3; ++doc) {
    graph.Insert(doc, Member(absl::StrCat("d", doc), 100 + doc, 500),
                 ComputeTextFingerprint(texts[doc]));
    clusters.Add(doc);
  }
  ASSERT_EQ(clusters.cluster_count(), 1u);
  EXPECT_EQ(clusters.ClusterOf(2)->members.size(), 3u);
  clusters.Remove(1);
  EXPECT_EQ(clusters.cluster_count(), 0u);
  EXPECT_EQ(clusters.ClusterOf(0), nullptr);
  EXPECT_EQ(clusters.ClusterOf(2), nullptr);
}

TEST(DuplicateClusters, CanonicalIsEarliestThenMostCompleteAndStaysWhenOthersArrive) {
  DuplicateGraph graph(kDefaultDuplicateResemblance);
  DuplicateClusters clusters(&graph);
  const std::string text = Words(0, 80);
  auto add = [&](DocId doc, DuplicateMember member, const std::string& body) {
    graph.Insert(doc, std::move(member), ComputeTextFingerprint(body));
    clusters.Add(doc);
  };
  add(0, Member("undated-mirror", kNoDate, 900), text);
  add(1, Member("reprint-2004", 2004 * 365, 400), text);
  ASSERT_NE(clusters.ClusterOf(0), nullptr);
  EXPECT_EQ(clusters.ClusterOf(0)->canonical, 1u);  // Dated before undated.
  add(2, Member("short-2001", 2001 * 365, 300), text + " Issued in Brussels.");
  add(3, Member("full-2001", 2001 * 365, 800), text + " Issued in Brussels today.");
  EXPECT_EQ(clusters.ClusterOf(0)->canonical, 3u);  // Same day: the more complete.
  // An unrelated document (a cluster of its own) changes nothing here.
  add(4, Member("other-1999", 1999 * 365, 800), Words(0, 80, 7));
  add(5, Member("other-copy", 1999 * 365, 800), Words(0, 80, 7));
  EXPECT_EQ(clusters.ClusterOf(0)->canonical, 3u);
  EXPECT_EQ(clusters.ClusterOf(4)->canonical, 4u);
  EXPECT_EQ(clusters.cluster_count(), 2u);
  // The canonical member leaves: the next in order takes over.
  clusters.Remove(3);
  EXPECT_EQ(clusters.ClusterOf(0)->canonical, 2u);
  EXPECT_EQ(clusters.ClusterOf(0)->members.size(), 3u);
}

TEST(DuplicateClusters, ABodyWithoutWordsJoinsNothing) {
  DuplicateGraph graph(kDefaultDuplicateResemblance);
  DuplicateClusters clusters(&graph);
  graph.Insert(0, Member("empty-a", kNoDate, 0), ComputeTextFingerprint(""));
  clusters.Add(0);
  graph.Insert(1, Member("empty-b", kNoDate, 0), ComputeTextFingerprint("  "));
  clusters.Add(1);
  EXPECT_EQ(clusters.cluster_count(), 0u);
  EXPECT_EQ(graph.edge_count(), 0u);
}

}  // namespace
}  // namespace docsearch::query::compare
