// PostingList and PostingCursor against a plain vector of postings: every
// way of reading (Next, Advance over blocks, positions read or skipped,
// block bounds) must give back exactly what was appended.
#include "query_service/index/posting_list.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

struct Expected {
  DocId doc;
  uint32_t length;
  std::vector<uint32_t> positions;
};

// `count` postings with random gaps (some huge, to need 5-byte varints),
// lengths and positions.
std::vector<Expected> RandomPostings(size_t count, std::mt19937& random) {
  std::vector<Expected> postings;
  DocId doc = random() % 3;
  for (size_t i = 0; i < count; ++i) {
    Expected posting{doc, 1 + static_cast<uint32_t>(random() % 500), {}};
    uint32_t position = random() % 4;
    const size_t frequency = 1 + (random() % 7 == 0 ? random() % 40 : random() % 3);
    for (size_t k = 0; k < frequency; ++k) {
      posting.positions.push_back(position);
      position += 1 + (random() % 20 == 0 ? 100000 : random() % 150);
    }
    postings.push_back(posting);
    doc += 1 + (random() % 50 == 0 ? 3000000 : random() % 9);
  }
  return postings;
}

PostingList Build(const std::vector<Expected>& postings) {
  PostingList list;
  for (const Expected& posting : postings)
    list.Append(posting.doc, posting.length, posting.positions);
  return list;
}

TEST(PostingListTest, NextReadsBackEveryPostingAndItsPositions) {
  std::mt19937 random(7);
  for (size_t count : {1u, 2u, 127u, 128u, 129u, 1000u}) {
    const std::vector<Expected> expected = RandomPostings(count, random);
    const PostingList list = Build(expected);
    ASSERT_EQ(list.size(), count);
    PostingCursor cursor(list);
    for (size_t i = 0; i < count; ++i) {
      ASSERT_EQ(cursor.doc(), expected[i].doc) << "posting " << i << " of " << count;
      ASSERT_EQ(cursor.frequency(), expected[i].positions.size());
      // Read the positions of every third posting only: skipping must keep
      // the positions stream aligned.
      if (i % 3 == 0) {
        std::vector<uint32_t> positions;
        cursor.AppendPositions(positions);
        ASSERT_EQ(positions, expected[i].positions) << "posting " << i;
      }
      cursor.Next();
    }
    EXPECT_EQ(cursor.doc(), PostingCursor::kEnd);
  }
}

TEST(PostingListTest, AdvanceLandsOnTheFirstPostingAtOrAfterTheTarget) {
  std::mt19937 random(11);
  const std::vector<Expected> expected = RandomPostings(5000, random);
  const PostingList list = Build(expected);
  for (int trial = 0; trial < 200; ++trial) {
    PostingCursor cursor(list);
    DocId target = 0;
    while (true) {
      target += random() % 4 == 0 ? random() % 100000 : random() % 40;
      cursor.Advance(target);
      auto it = std::lower_bound(expected.begin(), expected.end(), target,
                                 [](const Expected& e, DocId d) { return e.doc < d; });
      if (it == expected.end()) {
        ASSERT_EQ(cursor.doc(), PostingCursor::kEnd);
        break;
      }
      ASSERT_EQ(cursor.doc(), it->doc) << "target " << target;
      ASSERT_EQ(cursor.frequency(), it->positions.size());
      if (random() % 2 == 0) {
        std::vector<uint32_t> positions;
        cursor.AppendPositions(positions);
        ASSERT_EQ(positions, it->positions);
        // Reading them again gives the same positions.
        positions.clear();
        cursor.AppendPositions(positions);
        ASSERT_EQ(positions, it->positions);
      }
      target = cursor.doc();
    }
  }
}

TEST(PostingListTest, BlockBoundsHoldForEveryPostingInTheBlock) {
  std::mt19937 random(3);
  const std::vector<Expected> expected = RandomPostings(1000, random);
  const PostingList list = Build(expected);
  PostingCursor cursor(list);
  for (const Expected& posting : expected) {
    ASSERT_EQ(cursor.doc(), posting.doc);
    EXPECT_LE(posting.positions.size(), cursor.block_max_frequency());
    EXPECT_GE(posting.length, cursor.block_min_length());
    EXPECT_GE(cursor.block_last(), posting.doc);
    cursor.Next();
  }
  // Term-wide bounds too.
  for (const Expected& posting : expected) {
    EXPECT_LE(posting.positions.size(), list.bounds().max_frequency);
    EXPECT_GE(posting.length, list.bounds().min_length);
  }
}

TEST(PostingListTest, ShallowAdvanceFindsTheBlockWithoutDecodingIt) {
  std::mt19937 random(5);
  const std::vector<Expected> expected = RandomPostings(1000, random);
  const PostingList list = Build(expected);
  PostingCursor cursor(list);
  const DocId target = expected[700].doc;
  ASSERT_TRUE(cursor.ShallowAdvance(target));
  EXPECT_GE(cursor.block_last(), target);
  cursor.Advance(target);
  EXPECT_EQ(cursor.doc(), target);
  EXPECT_FALSE(cursor.ShallowAdvance(expected.back().doc + 1));
  cursor.Advance(expected.back().doc + 1);
  EXPECT_EQ(cursor.doc(), PostingCursor::kEnd);
}

TEST(PostingListTest, CompressesToAFewBytesPerPosting) {
  std::mt19937 random(9);
  // Dense documents and small position gaps, like a common word's postings.
  PostingList list;
  size_t positions = 0;
  for (DocId doc = 0; doc < 100000; doc += 1 + random() % 3) {
    std::vector<uint32_t> at;
    for (uint32_t p = random() % 50; at.size() < 1 + random() % 3; p += 1 + random() % 100) {
      at.push_back(p);
    }
    positions += at.size();
    list.Append(doc, 200, at);
  }
  // The vector of {doc, frequency, vector<positions>} it replaced took 32
  // bytes per posting plus 4 per position and a heap block.
  const double per_posting = static_cast<double>(list.MemoryBytes()) / list.size();
  EXPECT_LT(per_posting, 8.0) << positions << " positions in " << list.size() << " postings";
}

// Reads every posting of `list` with Next and compares it with `expected`,
// positions included (of every posting, or of every other one).
void ExpectReadsBack(const PostingList& list, const std::vector<Expected>& expected,
                     bool every_position) {
  ASSERT_EQ(list.size(), expected.size());
  PostingCursor cursor(list);
  for (size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(cursor.doc(), expected[i].doc) << "posting " << i << " of " << expected.size();
    ASSERT_EQ(cursor.frequency(), expected[i].positions.size());
    if (every_position || i % 2 == 1) {
      std::vector<uint32_t> positions;
      cursor.AppendPositions(positions);
      ASSERT_EQ(positions, expected[i].positions) << "posting " << i;
    }
    cursor.Next();
  }
  EXPECT_EQ(cursor.doc(), PostingCursor::kEnd);
}

// Appends `later` to a sealed `list` (which unpacks its last block first),
// then reads it back before and after sealing it again.
void ExpectAppendsAfterSealReadBack(PostingList& list, std::vector<Expected>& expected,
                                    const std::vector<Expected>& later) {
  for (const Expected& posting : later) {
    list.Append(posting.doc, posting.length, posting.positions);
    expected.push_back(posting);
  }
  ExpectReadsBack(list, expected, /*every_position=*/true);
  list.ShrinkToFit();
  ExpectReadsBack(list, expected, /*every_position=*/false);
}

TEST(PostingListTest, SealedListsPackTheirLastBlockAndStillAcceptAppends) {
  std::mt19937 random(13);
  for (size_t count : {1u, 2u, 31u, 33u, 127u, 128u, 129u, 300u}) {
    std::vector<Expected> expected = RandomPostings(count + 50, random);
    const std::vector<Expected> later(expected.begin() + static_cast<std::ptrdiff_t>(count),
                                      expected.end());
    expected.resize(count);
    PostingList list = Build(expected);
    list.ShrinkToFit();
    ExpectReadsBack(list, expected, /*every_position=*/true);
    ExpectReadsBack(list, expected, /*every_position=*/false);
    ExpectAppendsAfterSealReadBack(list, expected, later);
  }
}

TEST(PostingListTest, BlocksOfManyPositionsPackAndUnpack) {
  // A word dozens of times in every document: a block holds thousands of
  // position deltas, more than a block is re-encoded with on the stack.
  std::mt19937 random(21);
  std::vector<Expected> expected;
  DocId doc = 0;
  for (size_t i = 0; i < 3 * PostingList::kBlockSize + 5; ++i) {
    Expected posting{doc, 5000, {}};
    const size_t frequency = 20 + random() % 40;
    for (uint32_t position = random() % 7; posting.positions.size() < frequency;
         position += 1 + random() % 90) {
      posting.positions.push_back(position);
    }
    expected.push_back(posting);
    doc += 1 + random() % 4;
  }
  const std::vector<Expected> later(expected.end() - 70, expected.end());
  expected.resize(expected.size() - 70);
  PostingList list = Build(expected);
  ExpectReadsBack(list, expected, /*every_position=*/true);
  list.ShrinkToFit();
  ExpectReadsBack(list, expected, /*every_position=*/true);
  ExpectAppendsAfterSealReadBack(list, expected, later);
}

TEST(PostingListTest, SealedListPacksACommonWordIntoAboutTwoBytesAPosting) {
  std::mt19937 random(9);
  // Dense documents, one to three positions each with gaps below 100: the
  // varints took ~4 bytes per posting here (2 for doc and frequency, 1 per
  // position); 2-bit gaps and frequencies and 7-bit position deltas take
  // about half.
  PostingList list;
  std::vector<Expected> expected;
  for (DocId doc = 0; doc < 100000; doc += 1 + random() % 3) {
    std::vector<uint32_t> at;
    for (uint32_t p = random() % 50; at.size() < 1 + random() % 3; p += 1 + random() % 100) {
      at.push_back(p);
    }
    list.Append(doc, 200, at);
    expected.push_back({doc, 200, at});
  }
  list.ShrinkToFit();
  ExpectReadsBack(list, expected, /*every_position=*/false);
  const double per_posting = static_cast<double>(list.MemoryBytes()) / list.size();
  EXPECT_LT(per_posting, 2.8);
}

TEST(PostingListTest, EmptyListCursorIsAtTheEnd) {
  PostingList list;
  PostingCursor cursor(list);
  EXPECT_EQ(cursor.doc(), PostingCursor::kEnd);
  cursor.Advance(5);
  EXPECT_EQ(cursor.doc(), PostingCursor::kEnd);
  cursor.Next();
  EXPECT_EQ(cursor.doc(), PostingCursor::kEnd);
}

}  // namespace
}  // namespace docsearch::query
