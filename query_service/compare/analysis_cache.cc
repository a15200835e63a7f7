#include "query_service/compare/analysis_cache.h"

#include <string>
#include <utility>

#include "absl/hash/hash.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace docsearch::query::compare {
namespace {

// A hash of the document's bytes; deterministic serialization so that map
// fields (attributes) hash the same whatever their iteration order.
uint64_t DocumentHash(const docsearch::v1::Document& document) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    document.SerializeToCodedStream(&out);
  }
  return absl::Hash<std::string>{}(bytes);
}

}  // namespace

std::shared_ptr<const AnalyzedText> AnalysisCache::Get(DocId doc,
                                                       const docsearch::v1::Document& document,
                                                       TextAnalyzer& analyzer) {
  const uint64_t document_hash = DocumentHash(document);
  {
    absl::MutexLock lock(&mu_);
    auto it = entries_.find(doc);
    if (it != entries_.end() && it->second.document_hash == document_hash) {
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
  entries_[doc] = Entry{document_hash, text, ++clock_};
  return text;
}

}  // namespace docsearch::query::compare
