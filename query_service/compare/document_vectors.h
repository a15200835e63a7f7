// Per-document term and phrase tallies computed once at indexing, so that
// CompareSets adds counts instead of re-analyzing thousands of documents
// per request (the analogue of Lucene's term vectors).
//
// For every live document: its content words (AnalyzedText::IsVectorWord)
// and its phrases of two stems or more (phrase_extractor.h), each as
// (key id, surface index, occurrences), sorted by key id. Keys (stems, or
// space-joined stems for phrases) are interned in a dictionary shared by all
// documents, with the distinct readable surface forms seen for each key; a
// document's surface index is the form it used first (a term) or its
// phrase's first form, exactly what CompareSets reported when it analyzed at
// request time (set_comparer.h).
//
// Maintenance: an IndexAnnex (query_service/index/index_annex.h). Added analyzes
// the document (the same cost as one document of the old request-time
// analysis, now paid once at indexing); Removed frees the slot's tallies.
// Dictionary entries are never reclaimed, like the index's postings of dead
// slots. The index keeps two copies of its data, each with its own annex
// (left_right.h); annexes made by one Factory() share their analyses, so
// the second copy to add a document interns the first one's tallies
// instead of analyzing the document again.
//
// Thread safety: Added/Removed by the index's writer, on a copy no reader
// uses (left_right.h); the const methods inside SearchIndex::Read, from any
// number of threads (the scratch pool has a mutex of its own).
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_DOCUMENT_VECTORS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_DOCUMENT_VECTORS_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "common/text_analyzer.h"
#include "query_service/index/index_annex.h"
#include "query_service/index/index_data.h"
#include "query_service/search/index_snapshot.h"

namespace docsearch::query::compare {

// One term or phrase of one document.
struct VectorEntry {
  uint32_t key = 0;      // Dictionary id.
  uint16_t surface = 0;  // Index into the key's surface forms.
  uint16_t count = 0;    // Occurrences in the document (saturates at 65535).
};

// Interned keys and their surface forms.
class VectorDictionary {
 public:
  // The id of `key`, added when new; `surface` is interned among its forms
  // and its index returned in `*surface_index` (the last index once a key
  // has 65535 forms).
  uint32_t Intern(const std::string& key, const std::string& surface, uint16_t* surface_index);

  // The id of `key`, or nullopt when never interned.
  std::optional<uint32_t> Find(const std::string& key) const;

  size_t size() const { return keys_.size(); }
  const std::string& key(uint32_t id) const { return keys_[id]; }
  const std::string& surface(uint32_t id, uint16_t index) const { return surfaces_[id][index]; }
  uint64_t MemoryBytes() const;

 private:
  absl::flat_hash_map<std::string, uint32_t> ids_;
  std::vector<std::string> keys_;                   // By id.
  std::vector<std::vector<std::string>> surfaces_;  // By id.
};

// A document's tallies as strings, before interning: what one copy's annex
// hands the other's (see DocumentVectors::Factory).
struct DocumentTallies {
  struct Entry {
    std::string key;
    std::string surface;
    int count = 0;
  };
  std::string id;
  std::string content_hash;
  std::vector<Entry> terms;
  std::vector<Entry> phrases;
};

// Tallies one annex computed, kept for the other annex of the pair to take.
// Bounded (oldest dropped first): an annex that finds nothing analyzes
// again, which is only slower. Used by the index's one writer only.
class SharedTallies {
 public:
  void Put(uint32_t doc, DocumentTallies tallies);
  // The tallies of `document` at slot `doc`, removed from here; nullopt
  // when absent.
  std::optional<DocumentTallies> Take(uint32_t doc, const docsearch::v1::Document& document);

 private:
  // More than a Write batch (256 documents by default).
  static constexpr size_t kCapacity = 1024;
  absl::flat_hash_map<uint32_t, DocumentTallies> by_doc_;
  std::deque<uint32_t> order_;
};

class DocumentVectors final : public IndexAnnex {
 public:
  // Makes annexes that share their analyses (SharedTallies): one per copy
  // of the index, for SearchIndex::AttachAnnex.
  static std::function<std::unique_ptr<IndexAnnex>()> Factory();

  DocumentVectors() = default;
  explicit DocumentVectors(std::shared_ptr<SharedTallies> shared) : shared_(std::move(shared)) {}

  void Added(uint32_t doc, const docsearch::v1::Document& document) override;
  void Removed(uint32_t doc, absl::string_view id) override;
  uint64_t MemoryBytes() const override;

  // The annex of `index` when it is a DocumentVectors, else null.
  static const DocumentVectors* Of(IndexSnapshot index);

  // True when `doc` has tallies (every live document does).
  bool Has(DocId doc) const { return doc < present_.size() && present_[doc]; }
  // Sorted by key id; empty for a slot without tallies.
  absl::Span<const VectorEntry> Terms(DocId doc) const;
  absl::Span<const VectorEntry> Phrases(DocId doc) const;

  const VectorDictionary& terms() const { return terms_; }
  const VectorDictionary& phrases() const { return phrases_; }

  // Reusable per-request scratch: one slot per dictionary key, all zero
  // when handed out; the borrower must zero what it set before returning
  // it. Saves clearing arrays of millions of phrase keys per request.
  struct Scratch {
    std::vector<uint32_t> term_slots;
    std::vector<uint32_t> phrase_slots;
  };
  std::unique_ptr<Scratch> BorrowScratch() const;
  void ReturnScratch(std::unique_ptr<Scratch> scratch) const;

 private:
  struct Slot {
    std::vector<VectorEntry> entries;  // Terms, then phrases.
    uint32_t phrase_begin = 0;
  };
  // The analysis Added does, as strings.
  DocumentTallies Tally(const docsearch::v1::Document& document);

  TextAnalyzer analyzer_;                  // Used by Added only (the index's one writer).
  std::shared_ptr<SharedTallies> shared_;  // Null when not paired.
  VectorDictionary terms_;
  VectorDictionary phrases_;
  std::vector<Slot> slots_;    // By DocId.
  std::vector<bool> present_;  // By DocId.
  uint64_t entry_count_ = 0;

  mutable absl::Mutex scratch_mu_;
  mutable std::vector<std::unique_ptr<Scratch>> scratch_ ABSL_GUARDED_BY(scratch_mu_);
};

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_DOCUMENT_VECTORS_H_
