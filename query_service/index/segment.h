// A segment: the postings of the documents in one DocId range, sealed.
//
// The index appends new documents' postings to an open, mutable set of lists
// that each copy of the index holds for itself (left_right.h). Once it
// holds enough documents it is sealed into a Segment: from then on the
// lists never change, and both copies share them, so the bulk of the
// postings is held once. Merges (segment_merge.h) replace runs of adjacent
// segments by one, dropping the postings of dead documents.
//
// DocIds are global and never renumbered: a segment covers
// [first_doc, end_doc), segments follow one another in DocId order, and a
// term's lists read one after the other in DocId order (term_cursor.h).
// Liveness, document frequencies, field lengths and columns stay in the
// index's copies, which change with every write.
//
// Thread safety: immutable once made; shared by std::shared_ptr<const>.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_SEGMENT_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_SEGMENT_H_

#include <cstdint>

#include "query_service/index/sealed_postings.h"

namespace docsearch::query {

struct Segment {
  DocId first_doc = 0;
  DocId end_doc = 0;  // One past the last DocId covered.
  // Documents whose postings it holds: the whole span when sealed, the
  // documents live at the merge that made it otherwise. Documents that die
  // later are still counted, so a merge policy can tell how much of the
  // segment is dead.
  uint32_t documents = 0;
  SealedPostings title;
  SealedPostings body;
  // Bytes held by the two fields' lists and dictionaries.
  uint64_t memory_bytes = 0;
};

// Rough per-entry overhead of a hash map slot (control byte, spare capacity).
inline constexpr uint64_t kHashEntryOverhead = 32;

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_SEGMENT_H_
