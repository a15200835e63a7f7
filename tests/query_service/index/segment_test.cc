// Segments (segment.h): a term's lists read across segments as one
// (TermCursor), which runs merge (PickMerge) and what a merge keeps
// (MergeSegments). What users see of it through SearchIndex is in
// tests/query_service/search/segmented_index_test.cc.
#include "query_service/index/segment.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "query_service/index/segment_merge.h"
#include "query_service/index/term_cursor.h"

namespace docsearch::query {
namespace {

// A list of `docs`, each holding the term at positions {doc, doc + 1}, in a
// field as long as the doc number plus 10.
PostingList ListOf(const std::vector<DocId>& docs) {
  PostingList list;
  for (DocId doc : docs) list.Append(doc, doc + 10, {doc, doc + 1});
  return list;
}

std::vector<DocId> Range(DocId begin, DocId end) {
  std::vector<DocId> docs;
  for (DocId doc = begin; doc < end; ++doc) docs.push_back(doc);
  return docs;
}

TEST(TermCursorTest, ReadsItsListsOneAfterAnotherInDocIdOrder) {
  const PostingList first = ListOf({1, 4, 9});
  const PostingList second = ListOf(Range(10, 400));  // Several blocks.
  const PostingList third = ListOf({401, 700});
  std::vector<DocId> read;
  for (TermCursor cursor({&first, &second, &third}); cursor.doc() != TermCursor::kEnd;
       cursor.Next()) {
    read.push_back(cursor.doc());
    std::vector<uint32_t> positions;
    cursor.AppendPositions(positions);
    EXPECT_EQ(positions, (std::vector<uint32_t>{cursor.doc(), cursor.doc() + 1}));
  }
  std::vector<DocId> expected = {1, 4, 9};
  for (DocId doc : Range(10, 400)) expected.push_back(doc);
  expected.push_back(401);
  expected.push_back(700);
  EXPECT_EQ(read, expected);
}

TEST(TermCursorTest, AdvanceSkipsWholeListsAndStopsAtTheEnd) {
  const PostingList first = ListOf({1, 4, 9});
  const PostingList second = ListOf(Range(10, 400));
  const PostingList third = ListOf({401, 700});
  TermCursor cursor({&first, &second, &third});
  cursor.Advance(5);
  EXPECT_EQ(cursor.doc(), 9u);
  cursor.Advance(400);  // Past the second list's last doc: the third's first.
  EXPECT_EQ(cursor.doc(), 401u);
  EXPECT_EQ(cursor.frequency(), 2u);
  cursor.Advance(401);  // Already there: no move.
  EXPECT_EQ(cursor.doc(), 401u);
  cursor.Advance(701);
  EXPECT_EQ(cursor.doc(), TermCursor::kEnd);
  EXPECT_TRUE(TermCursor({}).doc() == TermCursor::kEnd);
}

TEST(TermCursorTest, BlockBoundsLookAheadIntoALaterListWithoutMovingTheCursor) {
  const PostingList first = ListOf({1, 4, 9});
  const PostingList second = ListOf({1000, 1001});
  TermCursor cursor({&first, &second});
  ASSERT_TRUE(cursor.ShallowAdvance(500));
  // The second list's block: its field lengths start at 1010.
  EXPECT_EQ(cursor.block_min_length(), 1010u);
  EXPECT_EQ(cursor.block_last(), 1001u);
  EXPECT_EQ(cursor.doc(), 1u);  // Not moved.
  EXPECT_FALSE(cursor.ShallowAdvance(1002));
  cursor.Advance(1000);
  EXPECT_EQ(cursor.doc(), 1000u);
  EXPECT_EQ(cursor.bounds().min_length, 11u);  // Over both lists.
}

std::shared_ptr<const Segment> SegmentOf(DocId first, DocId end) {
  auto segment = std::make_shared<Segment>();
  segment->first_doc = first;
  segment->end_doc = end;
  segment->documents = end - first;
  TermPostings body;
  body.emplace("every", ListOf(Range(first, end)));
  body.emplace(absl::StrCat("only", first), ListOf({first}));
  segment->body = SealedPostings(std::move(body));
  return segment;
}

// A segment that holds `documents` and no postings: what PickMerge reads.
std::shared_ptr<const Segment> SizedSegment(DocId first, uint32_t documents) {
  auto segment = std::make_shared<Segment>();
  segment->first_doc = first;
  segment->end_doc = first + documents;
  segment->documents = documents;
  return segment;
}

TEST(PickMergeTest, TheBudgetGrowsByOneEachTimeTheIndexGrowsTwiceFactorTimes) {
  const MergePolicy policy;  // Seal 4096, factor 8, floor 3.
  EXPECT_EQ(SegmentBudget(0, policy), 3u);
  EXPECT_EQ(SegmentBudget(4096, policy), 3u);
  EXPECT_EQ(SegmentBudget(4097, policy), 4u);
  EXPECT_EQ(SegmentBudget(16 * 4096, policy), 4u);
  EXPECT_EQ(SegmentBudget(100'000, policy), 5u);
  EXPECT_EQ(SegmentBudget(1'000'000, policy), 5u);
  EXPECT_EQ(SegmentBudget(10'000'000, policy), 6u);
}

TEST(PickMergeTest, NothingMergesWithinTheBudgetOrWithMergingSwitchedOff) {
  MergePolicy policy;
  policy.seal_documents = 10;
  const std::vector<std::shared_ptr<const Segment>> segments = {
      SizedSegment(0, 10), SizedSegment(10, 10), SizedSegment(20, 10)};
  EXPECT_FALSE(PickMerge(segments, {10, 10, 10}, policy).has_value());  // Budget 3 + 1.
  policy.budget_floor = 1;                                              // Budget 2: one run is due.
  EXPECT_TRUE(PickMerge(segments, {10, 10, 10}, policy).has_value());
  policy.factor = 1;  // Merging switched off.
  EXPECT_FALSE(PickMerge(segments, {10, 10, 10}, policy).has_value());
}

TEST(PickMergeTest, AFreshSealMergesWithItsPeersNotIntoALargeSegment) {
  MergePolicy policy;
  policy.seal_documents = 10;
  policy.budget_floor = 1;  // 100 documents: budget 1 + 1.
  const std::vector<std::shared_ptr<const Segment>> segments = {
      SizedSegment(0, 80), SizedSegment(80, 10), SizedSegment(90, 10)};
  std::optional<MergeRun> run = PickMerge(segments, {80, 10, 10}, policy);
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->begin, 1u);
  EXPECT_EQ(run->count, 2u);
}

// Seals a million documents 4,096 at a time with the default policy,
// merging whatever PickMerge picks after each seal, as the merge thread
// does: the index ends with at most 5 segments (LogDocMergePolicy with
// factor 8 left 13), and no document was rewritten more than 5 times.
TEST(PickMergeTest, AMillionDocumentsEndInFiveSegmentsWithBoundedRewrites) {
  const MergePolicy policy;
  struct Held {
    std::shared_ptr<const Segment> segment;
    std::vector<int> rewrites;  // Per seal it holds, in DocId order.
  };
  std::vector<Held> held;
  uint64_t rewritten = 0;
  constexpr int kSeals = 1'000'000 / 4096 + 1;
  for (int seal = 0; seal < kSeals; ++seal) {
    held.push_back({SizedSegment(static_cast<DocId>(seal) * 4096, 4096), {0}});
    while (true) {
      std::vector<std::shared_ptr<const Segment>> segments;
      std::vector<uint32_t> live;
      for (const Held& h : held) {
        segments.push_back(h.segment);
        live.push_back(h.segment->documents);
      }
      const std::optional<MergeRun> run = PickMerge(segments, live, policy);
      if (!run.has_value()) break;
      ASSERT_GE(run->count, 2u);  // Nothing is dead: only runs merge.
      ASSERT_LE(run->count, policy.factor);
      Held merged;
      uint32_t documents = 0;
      for (size_t i = run->begin; i < run->begin + run->count; ++i) {
        documents += held[i].segment->documents;
        for (int r : held[i].rewrites) merged.rewrites.push_back(r + 1);
      }
      rewritten += documents;
      merged.segment = SizedSegment(held[run->begin].segment->first_doc, documents);
      const auto first = held.begin() + static_cast<std::ptrdiff_t>(run->begin);
      held.erase(first, first + static_cast<std::ptrdiff_t>(run->count));
      held.insert(held.begin() + static_cast<std::ptrdiff_t>(run->begin), std::move(merged));
    }
    uint64_t documents = 0;
    for (const Held& h : held) documents += h.segment->documents;
    ASSERT_LE(held.size(), SegmentBudget(documents, policy)) << "after seal " << seal;
  }
  EXPECT_LE(held.size(), 5u);
  int most = 0;
  for (const Held& h : held) {
    for (int r : h.rewrites) most = std::max(most, r);
  }
  EXPECT_LE(most, 5);
  const double mean = static_cast<double>(rewritten) / (static_cast<double>(kSeals) * 4096);
  EXPECT_LT(mean, 4.0);
  // Adjacent merges only: the segments still tile the DocIds in order.
  DocId next = 0;
  for (const Held& h : held) {
    EXPECT_EQ(h.segment->first_doc, next);
    next = h.segment->end_doc;
  }
  EXPECT_EQ(next, static_cast<DocId>(kSeals) * 4096);
}

TEST(PickMergeTest, AMostlyDeadSegmentMergesAloneWhenNoRunIsDue) {
  MergePolicy policy;
  policy.seal_documents = 10;
  policy.factor = 3;
  const std::vector<std::shared_ptr<const Segment>> segments = {SegmentOf(0, 30),
                                                                SegmentOf(30, 40)};
  EXPECT_FALSE(PickMerge(segments, {15, 10}, policy).has_value());  // Half dead: kept.
  std::optional<MergeRun> run = PickMerge(segments, {14, 10}, policy);
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->begin, 0u);
  EXPECT_EQ(run->count, 1u);
}

TEST(MergeSegmentsTest, KeepsOnlyLiveDocumentsPostingsAndDropsTermsLeftEmpty) {
  const std::vector<std::shared_ptr<const Segment>> run = {SegmentOf(0, 4), SegmentOf(4, 8)};
  MergeDocuments documents;
  documents.first_doc = 0;
  documents.live = {true, false, true, true, false, true, true, true};
  documents.title_lengths.assign(8, 3);
  documents.body_lengths = {5, 6, 7, 8, 9, 10, 11, 12};
  std::shared_ptr<const Segment> merged = MergeSegments(run, documents);
  EXPECT_EQ(merged->first_doc, 0u);
  EXPECT_EQ(merged->end_doc, 8u);
  // "only4" was held by dead document 4 alone.
  EXPECT_TRUE(merged->body.contains("only0"));
  EXPECT_FALSE(merged->body.contains("only4"));
  std::vector<DocId> docs;
  ASSERT_NE(merged->body.Find("every"), nullptr);
  const PostingList& every = *merged->body.Find("every");
  for (PostingCursor cursor(every); cursor.doc() != PostingCursor::kEnd; cursor.Next()) {
    docs.push_back(cursor.doc());
    std::vector<uint32_t> positions;
    cursor.AppendPositions(positions);
    EXPECT_EQ(positions, (std::vector<uint32_t>{cursor.doc(), cursor.doc() + 1}));
  }
  EXPECT_EQ(docs, (std::vector<DocId>{0, 2, 3, 5, 6, 7}));
  // Block bounds come from the lengths the index holds, live documents only.
  EXPECT_EQ(every.bounds().min_length, 5u);
  EXPECT_GT(merged->memory_bytes, 0u);
  EXPECT_EQ(merged->documents, 6u);
}

// Positions of a term in `doc`: one to four of them, gaps of various widths.
std::vector<uint32_t> PositionsOf(DocId doc) {
  std::vector<uint32_t> positions;
  uint32_t position = doc % 7;
  for (uint32_t i = 0; i <= doc % 4; ++i) {
    positions.push_back(position);
    position += 1 + (doc * 31 + i * 17) % 900;
  }
  return positions;
}

// A segment of [first, end) whose body's "term" is held by `docs`.
std::shared_ptr<const Segment> SegmentHolding(DocId first, DocId end,
                                              const std::vector<DocId>& docs) {
  auto segment = std::make_shared<Segment>();
  segment->first_doc = first;
  segment->end_doc = end;
  segment->documents = end - first;
  PostingList list;
  for (DocId doc : docs) list.Append(doc, 20 + doc % 13, PositionsOf(doc));
  TermPostings body;
  body.emplace("term", std::move(list));
  segment->body = SealedPostings(std::move(body));
  return segment;
}

TEST(MergeSegmentsTest, AMergedListReadsAsTheLiveDocumentsAppendedAnew) {
  // Lists of whole blocks, of a block and a part, and of less than a
  // block, in segments with and without dead documents: blocks that are
  // whole and live are carried over, the others repacked.
  std::vector<DocId> docs_a = Range(0, 256);
  std::vector<DocId> docs_b;
  for (DocId doc = 1000; doc < 1600; doc += 3) docs_b.push_back(doc);
  std::vector<DocId> docs_c = Range(2000, 2100);
  std::vector<DocId> docs_d = Range(3000, 3384);
  const std::vector<std::shared_ptr<const Segment>> run = {
      SegmentHolding(0, 1000, docs_a), SegmentHolding(1000, 2000, docs_b),
      SegmentHolding(2000, 3000, docs_c), SegmentHolding(3000, 4000, docs_d)};
  MergeDocuments documents;
  documents.first_doc = 0;
  documents.live.assign(4000, true);
  for (DocId doc = 1200; doc < 1300; ++doc) documents.live[doc] = false;
  documents.live[2050] = false;
  documents.title_lengths.assign(4000, 1);
  for (DocId doc = 0; doc < 4000; ++doc) documents.body_lengths.push_back(20 + doc % 13);
  std::shared_ptr<const Segment> merged = MergeSegments(run, documents);
  ASSERT_NE(merged->body.Find("term"), nullptr);
  const PostingList& got = *merged->body.Find("term");

  PostingList expected;
  for (const std::vector<DocId>* docs : {&docs_a, &docs_b, &docs_c, &docs_d}) {
    for (DocId doc : *docs) {
      if (documents.live[doc]) expected.Append(doc, 20 + doc % 13, PositionsOf(doc));
    }
  }
  expected.ShrinkToFit();
  ASSERT_EQ(got.size(), expected.size());
  ASSERT_EQ(got.block_count(), expected.block_count());
  for (uint32_t block = 0; block < got.block_count(); ++block) {
    EXPECT_EQ(got.block_bounds(block).max_frequency, expected.block_bounds(block).max_frequency);
    EXPECT_EQ(got.block_bounds(block).min_length, expected.block_bounds(block).min_length);
    EXPECT_EQ(got.block_bounds(block).last, expected.block_bounds(block).last);
  }
  EXPECT_EQ(got.bounds().max_frequency, expected.bounds().max_frequency);
  EXPECT_EQ(got.bounds().min_length, expected.bounds().min_length);
  EXPECT_EQ(got.DocBytes(), expected.DocBytes());
  EXPECT_EQ(got.PositionBytes(), expected.PositionBytes());
  PostingCursor want(expected);
  for (PostingCursor cursor(got); cursor.doc() != PostingCursor::kEnd; cursor.Next(), want.Next()) {
    ASSERT_EQ(cursor.doc(), want.doc());
    EXPECT_EQ(cursor.frequency(), want.frequency());
    std::vector<uint32_t> positions;
    cursor.AppendPositions(positions);
    EXPECT_EQ(positions, PositionsOf(cursor.doc()));
  }
  EXPECT_EQ(want.doc(), PostingCursor::kEnd);
}

}  // namespace
}  // namespace docsearch::query
