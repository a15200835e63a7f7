// The in-memory inverted index: the data, with no locking of its own.
//
// Documents get dense internal ids (DocId) in arrival order. Replacing or
// deleting a document marks its slot dead; postings (compressed,
// posting_list.h) keep pointing at dead slots and every reader skips them
// via `live`. This keeps writes O(size of
// the new document) at the cost of memory for dead postings, which a later
// segment/merge design reclaims.
//
// Thread safety: none. SearchIndex (search/search_index.h) keeps two copies
// of it so that readers never share one with a writer (left_right.h), and
// hands readers an IndexSnapshot (search/index_snapshot.h).
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_INDEX_DATA_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_INDEX_DATA_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/document.pb.h"
#include "query_service/index/acronym_table.h"
#include "query_service/index/document_store.h"
#include "query_service/index/field_schema.h"
#include "query_service/index/index_annex.h"
#include "query_service/index/keyword_column.h"
#include "query_service/index/live_ids.h"
#include "query_service/index/open_postings.h"
#include "query_service/index/posting_list.h"
#include "query_service/index/segment.h"
#include "query_service/index/term_cursor.h"
#include "query_service/index/term_hash.h"

namespace docsearch::query {

// Position gap between paragraphs so that phrases never span two.
inline constexpr uint32_t kParagraphPositionGap = 100;

// What one copy of the index knows of a term in one text field.
struct TermEntry {
  // Live documents holding the term (its document frequency).
  uint32_t live_documents = 0;
  // Its slot in the field's open postings (TextFieldIndex::open), or
  // OpenPostings::kNone when no document since the last seal holds it.
  uint32_t open = OpenPostings::kNone;
  // Its lists in the sealed segments (segment.h), in DocId order.
  absl::InlinedVector<const PostingList*, 2> sealed;
};

// One analyzed text field. Postings live in the sealed segments, shared by
// both copies of the index, and in `open`, this copy's lists for the
// documents added since the last seal.
struct TextFieldIndex {
  absl::flat_hash_map<std::string, TermEntry, TermHash, TermEq> terms;
  OpenPostings open;
  // Bytes `open` grew by since the last seal (counted in memory_bytes).
  uint64_t open_bytes = 0;
  std::vector<uint32_t> lengths;  // Tokens per document, by DocId.
  // Documents whose text in this field the parser doubted (a title that may
  // be site furniture), by DocId; shorter than the DocIds when the last
  // ones are not. Scoring may withhold the field's boost from them.
  std::vector<bool> doubted;
  uint64_t live_total_length = 0;
  // Where each passage of a document starts in the field's positions:
  // passage i of `doc` (BodyPassages order) starts at
  // passage_starts[passage_begin[doc] + i], up to passage_begin[doc + 1].
  // Snippets use it to find the passage holding most matches from the
  // postings, without analyzing the document again.
  std::vector<uint32_t> passage_starts;
  std::vector<uint32_t> passage_begin{0};

  // The lists of `term`, one per segment holding it, sealed ones first, in
  // DocId order; empty when no document ever held it. Sets
  // `*document_frequency`, when given, to DocumentFrequency(term) from the
  // same lookup (query evaluation needs both per word).
  TermLists Lists(const std::string& term, uint32_t* document_frequency = nullptr) const;
  // Live documents holding `term`.
  uint32_t DocumentFrequency(const std::string& term) const;
  bool Doubted(DocId doc) const { return doc < doubted.size() && doubted[doc]; }
};

// One field of one document as analysis left it: its distinct terms with
// their positions, the field's length in tokens and where each passage
// starts. Term i's positions (ascending) are
// positions[position_begin[i], position_begin[i + 1]): all terms share one
// array, so that analysing a document allocates a few arrays rather than a
// list per distinct term (docs/BENCHMARKS.md, "Analysis: one positions
// array a field").
struct FieldTerms {
  size_t term_count() const { return terms.size(); }
  HashedTerm hashed(size_t term) const { return HashedTerm{terms[term], hashes[term]}; }
  absl::Span<const uint32_t> positions_of(size_t term) const {
    return absl::MakeConstSpan(positions).subspan(position_begin[term],
                                                  position_begin[term + 1] - position_begin[term]);
  }

  std::vector<std::string> terms;
  std::vector<size_t> hashes;  // HashTerm(terms[i]), for the index's tables.
  std::vector<uint32_t> position_begin{0};
  std::vector<uint32_t> positions;
  uint32_t length = 0;
  std::vector<uint32_t> passage_starts;
  // The parser doubted this field's text (TextFieldIndex::doubted).
  bool doubted = false;
};

// A document's analyzed text fields: the costly part of indexing it, which
// needs nothing of the index and so can run before its lock is taken.
struct DocumentTerms {
  FieldTerms title;
  FieldTerms body;
  // The acronyms it teaches (acronym_table.h).
  std::vector<AcronymPair> acronyms;
};

inline constexpr int kNoDate = std::numeric_limits<int>::min();

// The keyword fields (doc_type, language, entities, keyword attributes):
// each value's documents for term filters, each document's values for
// facets, and each value as first indexed for display.
struct KeywordFields {
  // field → folded value → DocIds (ascending).
  absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, std::vector<DocId>>> inverted;
  // field → each document's values (keyword_column.h).
  absl::flat_hash_map<std::string, KeywordColumn> columns;
  // field → folded value → the value as first indexed.
  absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, std::string>> display;
};

// The index: stored documents, their liveness, the text fields' postings
// (open and sealed in segments), keyword fields and value columns, composed
// here and changed only through the methods below, which keep the parts
// consistent (document frequencies, live counts, memory estimate).
class IndexData {
 public:
  IndexData() = default;
  IndexData(const IndexData&) = delete;
  IndexData& operator=(const IndexData&) = delete;

  // --- Writing -------------------------------------------------------------

  // Makes this copy append to and read from `store`, the store the index's
  // other copy uses (left_right.h): both assign the same DocIds, so the
  // copy that adds a slot first appends it and the other finds it there.
  // Call before the first Add.
  void ShareDocumentStore(std::shared_ptr<DocumentStore> store) {
    documents_ = std::move(store);
    live_ids_ = LiveIds(documents_.get());
  }

  // Replaces the annex (index_annex.h); null detaches it. The caller tells
  // the new annex of the live documents.
  void AttachAnnex(std::unique_ptr<IndexAnnex> annex) { annex_ = std::move(annex); }

  // Adds `document` as a new live slot, replacing any live document with the
  // same id. INVALID_ARGUMENT (index unchanged) when the document has no id
  // or gives an attribute a kind other than the one the field already has.
  // The document is stored (compressed) and not kept: both copies of the
  // index add it from the one the caller holds.
  // `terms` is AnalyzeDocument(document) when the caller analyzed it
  // already, and `replaced_terms` that of the live document it replaces;
  // either null is analyzed here with `analyzer`.
  absl::Status Add(const docsearch::v1::Document& document, TextAnalyzer& analyzer,
                   const DocumentTerms* terms = nullptr,
                   const DocumentTerms* replaced_terms = nullptr);

  // Marks the live document `id` dead. NOT_FOUND when there is none.
  // Its terms' TermStats are updated from `terms` (its AnalyzeDocument) or,
  // when null, from analyzing it again with `analyzer`.
  absl::Status Remove(const std::string& id, TextAnalyzer& analyzer,
                      const DocumentTerms* terms = nullptr);

  // Seals the open postings of both text fields into a segment ending at
  // the last slot. `shared` is the segment the index's other copy (equal to
  // this one) sealed already, which this copy then takes instead of its
  // own open postings; when null, the segment is made here and `shared`
  // set to it.
  void Seal(std::shared_ptr<const Segment>& shared);

  // Replaces `count` segments from `begin` by `merged`, which covers the
  // same DocIds (segment_merge.h). Terms that no segment holds any more and
  // no live document has leave the dictionary.
  void ReplaceSegments(size_t begin, size_t count, std::shared_ptr<const Segment> merged);

  // --- Reading -------------------------------------------------------------

  // By DocId, compressed; shared with the index's other copy.
  const DocumentStore& documents() const { return *documents_; }
  // By DocId; its size is the copy's slot count (the shared store may hold
  // slots this copy has not added yet).
  const std::vector<bool>& live() const { return live_; }
  uint64_t live_count() const { return live_count_; }
  // The live documents' DocIds by id (FindDoc reads it).
  const LiveIds& live_ids() const { return live_ids_; }
  uint64_t live_text_bytes() const { return live_text_bytes_; }
  // (term, live document) pairs over the text fields.
  uint64_t live_postings() const { return live_postings_; }

  const TextFieldIndex& title() const { return title_; }
  const TextFieldIndex& body() const { return body_; }
  const TextFieldIndex* TextField(absl::string_view name) const;

  // Sealed segments in DocId order, shared with the index's other copy;
  // the open postings start where the last one ends.
  const std::vector<std::shared_ptr<const Segment>>& segments() const { return segments_; }
  // Live documents in each segment's range, by segment: what the merge
  // policy weighs against Segment::documents, kept so a merge decision
  // never scans `live`.
  const std::vector<uint32_t>& segment_live() const { return segment_live_; }
  // The first DocId of the open postings.
  DocId OpenFirstDoc() const { return segments_.empty() ? 0 : segments_.back()->end_doc; }

  // field → folded value → DocIds (ascending).
  const absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, std::vector<DocId>>>&
  keywords() const {
    return keywords_.inverted;
  }
  // field → each document's values (keyword_column.h), for facets.
  const absl::flat_hash_map<std::string, KeywordColumn>& keyword_columns() const {
    return keywords_.columns;
  }
  // field → folded value → the value as first indexed, for display.
  const absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, std::string>>&
  keyword_display() const {
    return keywords_.display;
  }
  // field → days since epoch by DocId (kNoDate when absent).
  const absl::flat_hash_map<std::string, std::vector<int>>& dates() const { return dates_; }
  // field → value by DocId (NaN when absent).
  const absl::flat_hash_map<std::string, std::vector<double>>& numbers() const { return numbers_; }
  // The kind of a field, or INVALID_ARGUMENT naming it when unknown.
  absl::StatusOr<FieldKind> KindOf(absl::string_view field) const;

  // What the live documents' acronyms stand for (acronym_table.h).
  const AcronymTable& acronyms() const { return acronyms_; }

  // The annex attached (index_annex.h), or null.
  const IndexAnnex* annex() const { return annex_.get(); }

  // The live document with `id`, decompressed; NOT_FOUND when there is none.
  absl::StatusOr<docsearch::v1::Document> Find(const std::string& id) const;
  // The slot of the live document with `id`, without decompressing it.
  std::optional<DocId> FindDoc(const std::string& id) const;

  // Estimated bytes held by the index structures and documents: this
  // copy's own (the running `memory_bytes` and the annex's), the segments'
  // and the store's. Dead documents' postings count until a merge drops
  // them; their stored frames until a restart.
  uint64_t MemoryBytes() const {
    return OwnMemoryBytes() + SegmentMemoryBytes() + documents_->MemoryBytes();
  }
  // What this copy holds for itself: the part held twice.
  uint64_t OwnMemoryBytes() const {
    return memory_bytes_ + live_ids_.MemoryBytes() + acronyms_.MemoryBytes() +
           (annex_ != nullptr ? annex_->MemoryBytes() : 0);
  }
  uint64_t SegmentMemoryBytes() const;

 private:
  std::shared_ptr<DocumentStore> documents_ = std::make_shared<DocumentStore>();
  std::vector<bool> live_;
  LiveIds live_ids_{documents_.get()};
  uint64_t live_count_ = 0;
  uint64_t live_text_bytes_ = 0;
  uint64_t live_postings_ = 0;
  // Estimated bytes held, kept up to date by Add and Remove so that reading
  // it costs nothing (it used to walk every document).
  uint64_t memory_bytes_ = 0;

  TextFieldIndex title_;
  TextFieldIndex body_;
  std::vector<std::shared_ptr<const Segment>> segments_;
  std::vector<uint32_t> segment_live_;
  KeywordFields keywords_;
  AcronymTable acronyms_;
  absl::flat_hash_map<std::string, std::vector<int>> dates_;
  absl::flat_hash_map<std::string, std::vector<double>> numbers_;
  // Kinds of attribute fields, fixed by the first value seen.
  absl::flat_hash_map<std::string, FieldKind> attribute_kinds_;
  // Optional derived per-document data, told of every Add and Remove
  // (index_annex.h); null when none is attached.
  std::unique_ptr<IndexAnnex> annex_;
};

// The terms of `document`'s text fields, as Add indexes them.
DocumentTerms AnalyzeDocument(const docsearch::v1::Document& document, TextAnalyzer& analyzer);

// Whether the parser doubted `document`'s title (its warnings
// title_uncertain or title_from_html_title): FieldTerms::doubted of the
// title field.
bool TitleDoubted(const docsearch::v1::Document& document);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_INDEX_DATA_H_
