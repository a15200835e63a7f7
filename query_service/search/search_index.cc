#include "query_service/search/search_index.h"

#include <optional>
#include <utility>

#include "query_service/search/index_searcher.h"
#include "query_service/search/index_stats.h"
#include "query_service/search/shard_statistics.h"

namespace docsearch::query {

using docsearch::v1::Document;

SearchIndex::SearchIndex(const SearchOptions& options)
    : options_(options), merger_(data_, writer_mu_, options.segments, options.on_merge) {
  // Both copies of the data share one document store: stored documents,
  // the largest part of the index, are kept and compressed once.
  auto store = std::make_shared<DocumentStore>();
  data_.Write([&](IndexData& data) {
    data.ShareDocumentStore(store);
    return 0;
  });
}

SearchIndex::~SearchIndex() = default;

void SearchIndex::SealIfFull(IndexData& data, std::shared_ptr<const Segment>& sealed) const {
  const uint64_t open_documents = data.live().size() - data.OpenFirstDoc();
  if (open_documents > 0 && open_documents >= options_.segments.seal_documents) data.Seal(sealed);
}

absl::StatusOr<bool> SearchIndex::Upsert(std::unique_ptr<Document> document) {
  std::vector<std::unique_ptr<Document>> batch;
  batch.push_back(std::move(document));
  return std::move(UpsertBatch(std::move(batch)).front());
}

std::vector<absl::StatusOr<bool>> SearchIndex::UpsertBatch(
    std::vector<std::unique_ptr<Document>> documents,
    const std::vector<bool>& replace_same_content) {
  // Analysis, the costly part, runs once, before either copy is written:
  // each new document's terms (before the writer lock), and those of the
  // version it replaces (under it: which version that is depends on the
  // writes before).
  struct Prepared {
    std::unique_ptr<Document> document;
    DocumentTerms terms;
    // The live slot the document replaces, as seen before writing, and
    // that version's terms.
    std::optional<DocId> replaced_slot;
    std::optional<DocumentTerms> replaced_terms;
    bool replace_same_content = false;
  };
  std::vector<Prepared> prepared(documents.size());
  {
    // The new documents' terms depend on nothing in the index, so they are
    // analyzed before the writer lock: writers on several threads analyze
    // side by side and queue only for the appends.
    AnalyzerPool::Lease analyzer = writer_analyzers_.Acquire();
    for (size_t i = 0; i < documents.size(); ++i) {
      prepared[i].document = std::move(documents[i]);
      prepared[i].replace_same_content = i < replace_same_content.size() && replace_same_content[i];
      prepared[i].terms = AnalyzeDocument(*prepared[i].document, *analyzer);
    }
  }
  WriterGuard writer(&writer_mu_);
  data_.Read([&](const IndexData& data) {
    for (size_t i = 0; i < prepared.size(); ++i) {
      const Document& document = *prepared[i].document;
      std::optional<DocId> slot = data.FindDoc(document.id());
      // The content hash is a column of the store: no decompression.
      if (!slot.has_value() ||
          (!prepared[i].replace_same_content && !document.content_hash().empty() &&
           data.documents().content_hash(*slot) == document.content_hash())) {
        continue;
      }
      absl::StatusOr<Document> stored = data.documents().Load(*slot);
      if (stored.ok()) {
        prepared[i].replaced_slot = slot;
        prepared[i].replaced_terms = AnalyzeDocument(*stored, prepare_analyzer_);
      }
    }
  });

  // The same steps on both copies, which are equal before. The first copy
  // to seal makes the segment; the second takes the same one.
  std::shared_ptr<const Segment> sealed;
  bool replaced_any = false;
  std::vector<absl::StatusOr<bool>> results = data_.Write([&](IndexData& data) {
    std::vector<absl::StatusOr<bool>> results;
    results.reserve(prepared.size());
    for (Prepared& entry : prepared) {
      const Document& document = *entry.document;
      const std::optional<DocId> live_slot = data.FindDoc(document.id());
      if (live_slot.has_value() && !entry.replace_same_content &&
          !document.content_hash().empty() &&
          data.documents().content_hash(*live_slot) == document.content_hash()) {
        results.push_back(false);  // Unchanged (also: repeated in this batch).
        continue;
      }
      // A document repeated in the batch replaces its earlier copy, not the
      // version analyzed above: Add analyzes what it replaces then.
      const DocumentTerms* replaced_terms =
          live_slot == entry.replaced_slot && entry.replaced_terms.has_value()
              ? &*entry.replaced_terms
              : nullptr;
      absl::Status added = data.Add(document, writer_analyzer_, &entry.terms, replaced_terms);
      if (added.ok()) {
        results.push_back(true);
        replaced_any = replaced_any || live_slot.has_value();
      } else {
        results.push_back(added);
      }
    }
    SealIfFull(data, sealed);
    return results;
  });
  if (sealed != nullptr || replaced_any) merger_.RequestMerge();
  return results;
}

void SearchIndex::AttachAnnex(const std::function<std::unique_ptr<IndexAnnex>()>& make_annex) {
  WriterGuard writer(&writer_mu_);
  data_.Write([&](IndexData& data) {
    std::unique_ptr<IndexAnnex> annex = make_annex();
    for (DocId doc = 0; doc < data.live().size(); ++doc) {
      if (!data.live()[doc]) continue;
      // A slot that does not decode (a bug) is left out of the annex rather
      // than failing the attach: the annex only speeds comparisons up.
      absl::StatusOr<Document> document = data.documents().Load(doc);
      if (document.ok()) annex->Added(doc, *document);
    }
    data.AttachAnnex(std::move(annex));
    return 0;
  });
}

bool SearchIndex::IsUnchanged(const Document& document) const {
  return data_.Read([&](const IndexData& data) {
    std::optional<DocId> existing = data.FindDoc(document.id());
    return existing.has_value() && !document.content_hash().empty() &&
           data.documents().content_hash(*existing) == document.content_hash();
  });
}

absl::Status SearchIndex::Delete(const std::string& id) {
  // As Upsert: the deleted document's terms are derived once, before
  // writing.
  WriterGuard writer(&writer_mu_);
  std::optional<DocId> deleted_slot;
  std::optional<DocumentTerms> terms;
  data_.Read([&](const IndexData& data) {
    if (std::optional<DocId> slot = data.FindDoc(id)) {
      absl::StatusOr<Document> stored = data.documents().Load(*slot);
      if (stored.ok()) {
        deleted_slot = slot;
        terms = AnalyzeDocument(*stored, prepare_analyzer_);
      }
    }
  });
  absl::Status removed = data_.Write([&](IndexData& data) {
    const bool analyzed = terms.has_value() && data.FindDoc(id) == deleted_slot;
    return data.Remove(id, writer_analyzer_, analyzed ? &*terms : nullptr);
  });
  if (removed.ok()) merger_.RequestMerge();
  return removed;
}

absl::StatusOr<SearchResult> SearchIndex::Search(const SearchSpec& spec) const {
  // Per search (analyzers are single-threaded), reused across searches.
  AnalyzerPool::Lease analyzer = search_analyzers_.Acquire();
  return data_.Read(
      [&](const IndexData& data) { return IndexSearcher(data, *analyzer, options_).Search(spec); });
}

absl::StatusOr<docsearch::v1::CollectionStatisticsMessage> SearchIndex::TermStatistics(
    const SearchSpec& spec, const std::string& main_language) const {
  // The cheapest search that looks up every term the real one will: one
  // hit, no snippets, facets, histogram or explanations.
  SearchSpec probe = spec;
  probe.page_size = 1;
  probe.snippets = false;
  probe.explain = false;
  probe.facets.clear();
  probe.date_histogram = docsearch::v1::INTERVAL_UNSPECIFIED;
  probe.exact_total = false;
  AnalyzerPool::Lease analyzer = search_analyzers_.Acquire();
  return data_.Read(
      [&](const IndexData& data) -> absl::StatusOr<docsearch::v1::CollectionStatisticsMessage> {
        RecordingStatistics recording(data);
        absl::StatusOr<SearchResult> searched =
            IndexSearcher(data, *analyzer, options_).Search(probe, {&recording, main_language});
        if (!searched.ok()) return searched.status();
        return recording.ToMessage();
      });
}

absl::StatusOr<SearchResult> SearchIndex::Search(const SearchSpec& spec,
                                                 const ShardScoring& shard) const {
  AnalyzerPool::Lease analyzer = search_analyzers_.Acquire();
  return data_.Read([&](const IndexData& data) {
    return IndexSearcher(data, *analyzer, options_).Search(spec, shard);
  });
}

absl::StatusOr<Document> SearchIndex::Get(const std::string& id) const {
  if (id.empty()) return absl::InvalidArgumentError("id is empty");
  return data_.Read([&](const IndexData& data) { return data.Find(id); });
}

uint64_t SearchIndex::StoredBytes(const std::string& id) const {
  return data_.Read([&](const IndexData& data) -> uint64_t {
    const std::optional<DocId> doc = data.FindDoc(id);
    return doc.has_value() ? data.documents().StoredBytes(*doc) : 0;
  });
}

docsearch::v1::GetIndexStatsResponse SearchIndex::Stats() const {
  return data_.Read([&](const IndexData& data) { return IndexStatsOf(data); });
}

}  // namespace docsearch::query
