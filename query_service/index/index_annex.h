// An optional structure derived per document and kept beside IndexData,
// maintained by its writes (like Lucene's term vectors beside the postings).
//
// IndexData::Add tells the annex of every document that became live and
// IndexData::Remove of every slot that died (a replaced document is a
// Removed of its old slot, then an Added of the new one). Both are called
// by the index's one writer on a copy of the data no reader is using
// (left_right.h), so an annex needs no lock of its own for its per-document
// data; readers reach it through IndexData::annex (SearchIndex::Read).
// Each copy of the data has its own annex.
//
// An annex is attached with SearchIndex::AttachAnnex, which replays the
// documents already live, so it always covers every live document.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_INDEX_ANNEX_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_INDEX_ANNEX_H_

#include <cstdint>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::query {

class IndexAnnex {
 public:
  virtual ~IndexAnnex() = default;

  // `document` is live as slot `doc` (a DocId). Called by the index's one writer.
  virtual void Added(uint32_t doc, const docsearch::v1::Document& document) = 0;

  // Slot `doc`, holding the document `id`, was replaced or deleted. Called
  // by the index's one writer.
  virtual void Removed(uint32_t doc, absl::string_view id) = 0;

  // Estimated bytes held, counted in IndexData::MemoryBytes.
  virtual uint64_t MemoryBytes() const = 0;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_INDEX_ANNEX_H_
