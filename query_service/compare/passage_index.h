// The passage fingerprints of every document (passage_fingerprints.h),
// indexed by LSH band key, for FindPassageReuse.
//
// For each paragraph of each document, its passages' band keys go into one
// table: key → the passages holding it, as (DocId, paragraph, window). The
// table is shared by the annexes of the index's two copies (made by one
// Factory) and only grows: the first copy to add a document inserts its
// passages, the second finds them there. Entries of slots that die stay
// (like the postings of dead slots) and readers skip slots that are not
// live in the copy they read, or beyond it. Nothing else is kept per
// passage: its text and shingles are recomputed from the stored document
// when a candidate is checked.
//
// Memory: kPassageBands (8) entries of 8 bytes per passage plus the hash
// table's slot per distinct key (~16 bytes with its load factor), ~200 bytes
// a passage, once for both copies; docs/ENGINE.md gives the figure measured
// per document.
//
// Thread safety: Added/Removed by the index's one writer; Candidates from
// any reader. The shared table has its own reader-writer lock, held
// exclusively only while one document's passages are inserted.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_PASSAGE_INDEX_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_PASSAGE_INDEX_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "common/text_analyzer.h"
#include "query_service/compare/passage_fingerprints.h"
#include "query_service/index/index_annex.h"
#include "query_service/index/index_data.h"
#include "query_service/index/reader_writer_lock.h"

namespace docsearch::query::compare {

// One fingerprinted passage of the index.
struct PassageRef {
  DocId doc = 0;
  uint16_t paragraph = 0;  // Index in Document.paragraphs.
  uint16_t window = 0;     // 0: the whole paragraph; k: its k-th sentence window.
  friend bool operator==(const PassageRef& a, const PassageRef& b) {
    return a.doc == b.doc && a.paragraph == b.paragraph && a.window == b.window;
  }
};

class PassageTable {
 public:
  // Inserts the passages of `document` at `doc` unless a copy of the index
  // did already. Writer only.
  void Insert(DocId doc, const docsearch::v1::Document& document);
  // Every passage sharing a band key with `bands`, each once, in
  // (doc, paragraph, window) order.
  std::vector<PassageRef> Candidates(const std::vector<BandKeys>& bands) const;
  uint64_t MemoryBytes() const;
  uint64_t passage_count() const;

 private:
  struct Entry {
    PassageRef ref;
    uint32_t next = 0;  // Index + 1 of the next entry of the same key; 0 ends.
  };
  mutable ReaderWriterLock mu_;
  // Key → index + 1 of its last entry (a list threaded through entries_,
  // newest first): one slot per key instead of a vector per key.
  absl::flat_hash_map<uint64_t, uint32_t> heads_ ABSL_GUARDED_BY(mu_);
  std::vector<Entry> entries_ ABSL_GUARDED_BY(mu_);
  uint64_t passages_ ABSL_GUARDED_BY(mu_) = 0;
  // Slots inserted so far (the writer's own: only it reads it).
  DocId inserted_ = 0;
  TextAnalyzer analyzer_;  // Writer only.
};

class PassageIndex final : public IndexAnnex {
 public:
  // Annexes sharing one table: one per copy of the index.
  static std::function<std::unique_ptr<IndexAnnex>()> Factory();

  explicit PassageIndex(std::shared_ptr<PassageTable> table) : table_(std::move(table)) {}

  void Added(uint32_t doc, const docsearch::v1::Document& document) override {
    table_->Insert(doc, document);
  }
  void Removed(uint32_t /*doc*/, absl::string_view /*id*/) override {}
  // Half the table each, so the index's two copies count it once.
  uint64_t MemoryBytes() const override { return table_->MemoryBytes() / 2; }

  // The index attached to `data` (alone or in an AnnexSet), or null.
  static const PassageIndex* Of(const IndexData& data);

  const PassageTable& table() const { return *table_; }

 private:
  std::shared_ptr<PassageTable> table_;
};

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_PASSAGE_INDEX_H_
