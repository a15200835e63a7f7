// SealedPostings: a sealed field reads back, term by term, exactly the
// postings its open lists held, from lists that hold no memory of their
// own; and terms come out in byte order with their lists.
#include "query_service/index/sealed_postings.h"

#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

struct Posting {
  DocId doc;
  std::vector<uint32_t> positions;
  bool operator==(const Posting&) const = default;
};

std::vector<Posting> ReadAll(const PostingList& list) {
  std::vector<Posting> read;
  for (PostingCursor cursor(list); cursor.doc() != PostingCursor::kEnd; cursor.Next()) {
    Posting posting{cursor.doc(), {}};
    cursor.AppendPositions(posting.positions);
    read.push_back(std::move(posting));
  }
  return read;
}

// Random postings for `terms` terms: frequent ones over several blocks,
// rare ones in one or two documents.
std::map<std::string, std::vector<Posting>> RandomPostings(int terms, uint32_t seed) {
  std::mt19937 random(seed);
  std::map<std::string, std::vector<Posting>> postings;
  for (int t = 0; t < terms; ++t) {
    const int documents = t % 10 == 0 ? 500 : 1 + t % 3;
    std::vector<Posting>& list = postings["term" + std::to_string(t * 7919 % 100003)];
    DocId doc = 0;
    for (int d = 0; d < documents; ++d) {
      doc += 1 + random() % 5;
      Posting posting{doc, {}};
      uint32_t position = random() % 50;
      for (uint32_t k = 0; k <= random() % 4; ++k) {
        posting.positions.push_back(position);
        position += 1 + random() % 30;
      }
      list.push_back(std::move(posting));
    }
  }
  return postings;
}

TermPostings OpenLists(const std::map<std::string, std::vector<Posting>>& postings) {
  TermPostings open;
  for (const auto& [term, list] : postings) {
    PostingList& open_list = open[term];
    for (const Posting& posting : list) open_list.Append(posting.doc, 100, posting.positions);
  }
  return open;
}

TEST(SealedPostingsTest, EveryTermReadsBackItsPostingsAndPositions) {
  const auto expected = RandomPostings(300, 7);
  const SealedPostings sealed(OpenLists(expected));
  ASSERT_EQ(sealed.size(), expected.size());
  for (const auto& [term, postings] : expected) {
    const PostingList* list = sealed.Find(term);
    ASSERT_NE(list, nullptr) << term;
    EXPECT_EQ(list->size(), postings.size());
    EXPECT_EQ(ReadAll(*list), postings) << term;
    // Advance over the arena view lands as on an owned list.
    PostingCursor cursor(*list, postings.back().doc);
    EXPECT_EQ(cursor.doc(), postings.back().doc);
  }
  EXPECT_EQ(sealed.Find("term"), nullptr);
  EXPECT_EQ(sealed.Find("zzz"), nullptr);
  EXPECT_EQ(sealed.Find(""), nullptr);
}

TEST(SealedPostingsTest, TermsReadInByteOrderWithTheirLists) {
  const auto expected = RandomPostings(100, 8);
  const SealedPostings sealed(OpenLists(expected));
  auto it = expected.begin();  // std::map orders std::string by bytes too.
  for (FrontCodedTerms::Reader reader(sealed.terms()); !reader.done(); reader.Next(), ++it) {
    ASSERT_NE(it, expected.end());
    EXPECT_EQ(reader.term(), it->first);
    EXPECT_EQ(ReadAll(sealed.list(reader.ordinal())), it->second);
  }
  EXPECT_EQ(it, expected.end());
}

TEST(SealedPostingsTest, ListsAreViewsIntoTheArenasAndSurviveAMove) {
  const auto expected = RandomPostings(50, 9);
  SealedPostings sealed(OpenLists(expected));
  uint64_t list_bytes = 0;
  for (FrontCodedTerms::Reader reader(sealed.terms()); !reader.done(); reader.Next()) {
    list_bytes += sealed.list(reader.ordinal()).MemoryBytes();
  }
  // A view's bytes are the span it reads in the arenas: together, the
  // arenas.
  EXPECT_EQ(list_bytes, sealed.DocBytes() + sealed.PositionBytes() + sealed.SkipBytes());
  const SealedPostings moved = std::move(sealed);
  for (const auto& [term, postings] : expected) {
    ASSERT_NE(moved.Find(term), nullptr);
    EXPECT_EQ(ReadAll(*moved.Find(term)), postings);
  }
}

TEST(SealedPostingsTest, EmptyListsAreDroppedAndAnEmptyFieldFindsNothing) {
  TermPostings open;
  open["kept"].Append(3, 10, {1, 2});
  open["dropped"];  // No posting: a merge leaves such entries.
  const SealedPostings sealed(std::move(open));
  EXPECT_EQ(sealed.size(), 1u);
  EXPECT_NE(sealed.Find("kept"), nullptr);
  EXPECT_EQ(sealed.Find("dropped"), nullptr);
  const SealedPostings empty{TermPostings()};
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.Find("kept"), nullptr);
  EXPECT_EQ(empty.MemoryBytes(), 0u);
}

TEST(SealedPostingsTest, OpenPostingsBySlotSealAsTheSameListsInTermOrder) {
  // An index's open postings are slots in arrival order, not sorted: the
  // sealed field must read as one sealed from a map of the same lists.
  const auto expected = RandomPostings(300, 11);
  OpenPostings slots;
  for (auto it = expected.rbegin(); it != expected.rend(); ++it) {
    PostingList& list = slots.lists[slots.Add(it->first)];
    for (const Posting& posting : it->second) list.Append(posting.doc, 100, posting.positions);
  }
  slots.Add("no postings");  // Dropped, as an empty list of a map is.
  const SealedPostings sealed(std::move(slots));
  const SealedPostings from_map(OpenLists(expected));
  ASSERT_EQ(sealed.size(), expected.size());
  EXPECT_EQ(sealed.MemoryBytes(), from_map.MemoryBytes());
  EXPECT_EQ(sealed.Find("no postings"), nullptr);
  FrontCodedTerms::Reader reader(sealed.terms());
  for (const auto& [term, postings] : expected) {
    ASSERT_FALSE(reader.done());
    EXPECT_EQ(reader.term(), term);
    EXPECT_EQ(ReadAll(sealed.list(reader.ordinal())), postings) << term;
    reader.Next();
  }
  EXPECT_TRUE(reader.done());
}

TEST(SealedPostingsTest, ABuilderWhoseArenasGrowPastTheirReservationReadsEveryListBack) {
  // No reservation: the arenas reallocate many times while lists are
  // added, so every view made before must be pointed at the final arenas.
  const auto expected = RandomPostings(200, 10);
  TermPostings open = OpenLists(expected);
  SealedPostings::Builder builder;
  for (const auto& [term, postings] : expected) builder.Add(term, open[term]);
  const SealedPostings sealed = std::move(builder).Finish();
  ASSERT_EQ(sealed.size(), expected.size());
  for (const auto& [term, postings] : expected) {
    ASSERT_NE(sealed.Find(term), nullptr) << term;
    EXPECT_EQ(ReadAll(*sealed.Find(term)), postings) << term;
    EXPECT_TRUE(open[term].empty()) << "the builder frees each list it takes";
  }
}

TEST(SealedPostingsTest, AnAppendToACopyOfAViewLeavesTheSealedListAlone) {
  TermPostings open;
  open["word"].Append(3, 10, {1});
  const SealedPostings sealed(std::move(open));
  const PostingList* view = sealed.Find("word");
  ASSERT_NE(view, nullptr);
  PostingStreams arena;
  PostingList copy = view->CopyInto(arena);
  copy.Append(9, 10, {4});  // Owns a copy of its streams first.
  EXPECT_EQ(ReadAll(copy), (std::vector<Posting>{{3, {1}}, {9, {4}}}));
  EXPECT_EQ(ReadAll(*view), (std::vector<Posting>{{3, {1}}}));
}

}  // namespace
}  // namespace docsearch::query
