// The postings of one text field of a sealed segment (segment.h): a sorted,
// front-coded term array (front_coded_terms.h) and, by term ordinal, the
// lists, whose bytes sit back to back in three arenas the segment owns.
//
// Sealed lists never change, so they need neither a hash map slot, a
// std::string key, nor three heap blocks each, which is what an open list
// (TermPostings) holds to stay appendable. At 20,000 documents those cost
// more than the postings themselves (docs/BENCHMARKS.md).
//
// The lists are PostingList views (posting_list.h): cursors and every
// reader take them as they take open lists.
//
// Thread safety: immutable once built; read by any number of threads.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_SEALED_POSTINGS_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_SEALED_POSTINGS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "query_service/index/front_coded_terms.h"
#include "query_service/index/open_postings.h"
#include "query_service/index/posting_list.h"

namespace docsearch::query {

// Term → postings, of one text field, appendable: the open postings.
using TermPostings = absl::flat_hash_map<std::string, PostingList>;

class SealedPostings {
 public:
  // Builds a SealedPostings one term at a time, terms in ascending byte
  // order, each list copied into the arenas and freed as it comes: a merge
  // then holds its output about once, not as appendable lists and arenas
  // both.
  class Builder {
   public:
    // Expected arena sizes (bytes, bytes, skip entries), to avoid regrowth;
    // the arenas still grow past them.
    void Reserve(size_t docs, size_t positions, size_t blocks);
    // Adds `term`'s list (packed here, then emptied). `term` must follow
    // the previous one in byte order; an empty list is skipped.
    void Add(absl::string_view term, PostingList& list);
    SealedPostings Finish() &&;

   private:
    struct Start {
      size_t docs;
      size_t positions;
      size_t blocks;
    };
    std::vector<std::string> terms_;
    std::vector<PostingList> lists_;
    std::vector<Start> starts_;
    PostingStreams arena_;
  };

  SealedPostings() = default;
  // Seals `postings`: packs every list (ShrinkToFit) and copies it into
  // the arenas. Empty lists are dropped. (Builder, with the terms sorted.)
  explicit SealedPostings(TermPostings postings);
  // The same for a field's open postings (open_postings.h).
  explicit SealedPostings(OpenPostings postings);
  SealedPostings(SealedPostings&&) noexcept = default;
  SealedPostings& operator=(SealedPostings&&) noexcept = default;

  // Terms with a list.
  uint32_t size() const { return terms_.size(); }
  bool empty() const { return terms_.empty(); }

  // The list of `term`, or null when no document of the segment holds it.
  const PostingList* Find(absl::string_view term) const;
  bool contains(absl::string_view term) const { return Find(term) != nullptr; }

  // The terms in byte order; `list(reader.ordinal())` is each one's list.
  const FrontCodedTerms& terms() const { return terms_; }
  const PostingList& list(uint32_t ordinal) const { return lists_[ordinal]; }

  // Bytes held: terms, list headers and arenas.
  uint64_t MemoryBytes() const {
    return DictionaryBytes() + DocBytes() + PositionBytes() + SkipBytes();
  }
  // By part, for memory breakdowns: the term array with the list headers;
  // the arenas of doc ids and frequencies, of positions, of skip entries.
  uint64_t DictionaryBytes() const {
    return terms_.MemoryBytes() + lists_.capacity() * sizeof(PostingList);
  }
  uint64_t DocBytes() const { return arena_.docs.capacity(); }
  uint64_t PositionBytes() const { return arena_.positions.capacity(); }
  uint64_t SkipBytes() const { return arena_.blocks.capacity() * sizeof(PostingBlock); }

 private:
  // Packs the lists of `terms` (not empty), sorts them by term and builds.
  static SealedPostings FromUnsorted(std::vector<std::pair<absl::string_view, PostingList*>> terms);

  FrontCodedTerms terms_;
  // By term ordinal; views into arena_. Moving the arena's vectors keeps
  // their buffers, so a moved SealedPostings' views stay valid.
  std::vector<PostingList> lists_;
  PostingStreams arena_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_SEALED_POSTINGS_H_
