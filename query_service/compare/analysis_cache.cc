#include "query_service/compare/analysis_cache.h"

#include <utility>

namespace docsearch::query::compare {

std::shared_ptr<const AnalyzedText> AnalysisCache::Get(DocId doc,
                                                       const docsearch::v1::Document& document,
                                                       TextAnalyzer& analyzer) {
  {
    absl::MutexLock lock(&mu_);
    auto it = entries_.find(doc);
    if (it != entries_.end() && it->second.document == &document &&
        it->second.id == document.id() && it->second.content_hash == document.content_hash()) {
      it->second.last_used = ++clock_;
      return it->second.text;
    }
  }
  auto text = std::make_shared<const AnalyzedText>(AnalyzeDocument(document, analyzer));
  if (capacity_ == 0) return text;
  absl::MutexLock lock(&mu_);
  if (entries_.size() >= capacity_ && !entries_.contains(doc)) {
    // A linear scan for the oldest: only on a miss, which has just spent
    // far longer analyzing.
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.last_used < oldest->second.last_used) oldest = it;
    }
    entries_.erase(oldest);
  }
  entries_[doc] = Entry{&document, document.id(), document.content_hash(), text, ++clock_};
  return text;
}

}  // namespace docsearch::query::compare
