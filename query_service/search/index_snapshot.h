// A read-only view of one copy of the index for the length of one read: what
// SearchIndex::Read hands to the read-only features kept outside it
// (query_service/compare/, the snapshotter).
//
// Holding an IndexSnapshot means two things the compiler checks: nothing
// can be written through it (it gives only a const IndexData), and it came
// from SearchIndex::Read (only SearchIndex can make one), so the copy it
// shows does not change while it is held (left_right.h). What the compiler
// cannot check is lifetime: a snapshot, and anything read through it, must
// not outlive the read that made it.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_SNAPSHOT_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_SNAPSHOT_H_

#include "query_service/index/index_data.h"

namespace docsearch::query {

class SearchIndex;

class IndexSnapshot {
 public:
  const IndexData& operator*() const { return *data_; }
  const IndexData* operator->() const { return data_; }

 private:
  friend class SearchIndex;
  explicit IndexSnapshot(const IndexData& data) : data_(&data) {}

  const IndexData* data_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_SNAPSHOT_H_
