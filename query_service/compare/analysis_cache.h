// A bounded cache of stored documents' analyses, so that comparing one
// document with several others (the usual way of working through an
// archive) analyzes it once instead of on every CompareDocuments call.
//
// Entries are keyed by DocId. A slot's document never changes (a replaced
// document gets a new slot), and a hit is also checked against a hash of
// the document's bytes, so an entry answers for another document (say, if
// the index were rebuilt under the cache) only on a 64-bit hash collision. (Stored documents are
// decompressed copies, so their address, once the check, says nothing;
// hashing ~3 KB costs microseconds, an analysis milliseconds.)
// Least recently used entries are dropped beyond `capacity`.
//
// Thread safety: any number of threads; the analysis of a miss runs outside
// the cache's mutex (two threads may then both analyze the same document;
// one result is kept).
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_ANALYSIS_CACHE_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_ANALYSIS_CACHE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/document.pb.h"
#include "query_service/compare/analyzed_text.h"
#include "query_service/index/index_data.h"

namespace docsearch::query::compare {

class AnalysisCache {
 public:
  explicit AnalysisCache(size_t capacity) : capacity_(capacity) {}

  // The analysis of `document`, live as slot `doc`: cached, or made with
  // `analyzer` and kept. The caller is inside SearchIndex::Read.
  std::shared_ptr<const AnalyzedText> Get(DocId doc, const docsearch::v1::Document& document,
                                          TextAnalyzer& analyzer);

 private:
  struct Entry {
    uint64_t document_hash = 0;
    std::shared_ptr<const AnalyzedText> text;
    uint64_t last_used = 0;
  };

  const size_t capacity_;
  absl::Mutex mu_;
  absl::flat_hash_map<DocId, Entry> entries_ ABSL_GUARDED_BY(mu_);
  uint64_t clock_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_ANALYSIS_CACHE_H_
