// Segments (segment.h): a term's lists read across segments as one
// (TermCursor), which runs merge (PickMerge) and what a merge keeps
// (MergeSegments). What users see of it through SearchIndex is in
// tests/query_service/search/segmented_index_test.cc.
#include "query_service/index/segment.h"

#include <cstdint>
#include <memory>
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

TEST(PickMergeTest, MergesFactorSegmentsOfOneLevelTheSmallestFirst) {
  MergePolicy policy;
  policy.seal_documents = 10;
  policy.factor = 3;
  std::vector<std::shared_ptr<const Segment>> segments = {SegmentOf(0, 10), SegmentOf(10, 20)};
  EXPECT_FALSE(PickMerge(segments, {10, 10}, policy).has_value());  // Two of level 0.
  segments.push_back(SegmentOf(20, 30));
  std::optional<MergeRun> run = PickMerge(segments, {10, 10, 10}, policy);
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->begin, 0u);
  EXPECT_EQ(run->count, 3u);
  // A level-1 segment (30 documents) then three of level 0: those merge.
  segments = {SegmentOf(0, 30), SegmentOf(30, 40), SegmentOf(40, 50), SegmentOf(50, 60)};
  run = PickMerge(segments, {30, 10, 10, 10}, policy);
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->begin, 1u);
  policy.factor = 1;  // Merging switched off.
  EXPECT_FALSE(PickMerge(segments, {30, 10, 10, 10}, policy).has_value());
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

}  // namespace
}  // namespace docsearch::query
