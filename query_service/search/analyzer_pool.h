// Reusable TextAnalyzers for searches.
//
// An analyzer is single-threaded, and each keeps a cache of finished terms
// (text_analyzer.h) that only pays off when it lives across searches: the
// query words and the words of snippet paragraphs repeat from one search to
// the next. Searches lease one, and give it back when done; at most
// `max_idle` are kept, so memory stays bounded by that many term caches.
//
// Thread safety: Acquire may be called from any thread.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_ANALYZER_POOL_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_ANALYZER_POOL_H_

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "common/text_analyzer.h"
#include "query_service/index/reader_writer_lock.h"

namespace docsearch::query {

class AnalyzerPool {
 public:
  // Analyzers made with `options` (the index's: its terms and the query's
  // must meet).
  explicit AnalyzerPool(size_t max_idle, const AnalysisOptions& options = {})
      : max_idle_(max_idle), options_(options) {}

  // An analyzer for the lease's lifetime; returned to the pool after.
  class Lease {
   public:
    Lease(AnalyzerPool* pool, std::unique_ptr<TextAnalyzer> analyzer)
        : pool_(pool), analyzer_(std::move(analyzer)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_->Return(std::move(analyzer_)); }
    TextAnalyzer& operator*() { return *analyzer_; }

   private:
    AnalyzerPool* pool_;
    std::unique_ptr<TextAnalyzer> analyzer_;
  };

  Lease Acquire() {
    {
      // A ReaderWriterLock used exclusively, so that TSan sees it.
      WriterGuard lock(&mu_);
      if (!idle_.empty()) {
        std::unique_ptr<TextAnalyzer> analyzer = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(analyzer));
      }
    }
    return Lease(this, std::make_unique<TextAnalyzer>(options_));
  }

 private:
  void Return(std::unique_ptr<TextAnalyzer> analyzer) {
    WriterGuard lock(&mu_);
    if (idle_.size() < max_idle_) idle_.push_back(std::move(analyzer));
  }

  const size_t max_idle_;
  const AnalysisOptions options_;
  ReaderWriterLock mu_;
  std::vector<std::unique_ptr<TextAnalyzer>> idle_ ABSL_GUARDED_BY(mu_);
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_ANALYZER_POOL_H_
