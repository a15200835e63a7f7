// The near-duplicate clusters of the index (duplicate_clusters.h), kept as
// an IndexAnnex: clustering is incremental on ingest. Each write of a
// document adds it to the graph and joins its cluster; a delete or a
// replacement takes the old slot out. A snapshot load or a log replay adds
// the documents again, so the clusters are rebuilt by the same steps.
//
// The graph (signatures, band entries, edges) is computed once, by the
// first copy of the index to add a slot, and shared with the second (like
// the passage table); each copy keeps its own clusters, which readers of
// that copy read without a lock.
//
// Cost per document added: 32 band lookups and a signature comparison per
// candidate, then a union of the clusters it joins (docs/BENCHMARKS.md).
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_DUPLICATE_CLUSTER_INDEX_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_DUPLICATE_CLUSTER_INDEX_H_

#include <functional>
#include <memory>

#include "query_service/compare/duplicate_clusters.h"
#include "query_service/compare/duplicate_graph.h"
#include "query_service/index/index_annex.h"
#include "query_service/index/index_data.h"

namespace docsearch::query::compare {

class DuplicateClusterIndex final : public IndexAnnex {
 public:
  // Annexes sharing one graph at `threshold` (the server's
  // --duplicate_resemblance): one per copy of the index.
  static std::function<std::unique_ptr<IndexAnnex>()> Factory(double threshold);

  explicit DuplicateClusterIndex(std::shared_ptr<DuplicateGraph> graph)
      : graph_(std::move(graph)), clusters_(graph_.get()) {}

  void Added(uint32_t doc, const docsearch::v1::Document& document) override;
  void Removed(uint32_t doc, absl::string_view /*id*/) override { clusters_.Remove(doc); }
  // Half the graph each, so the index's two copies count it once.
  uint64_t MemoryBytes() const override {
    return graph_->MemoryBytes() / 2 + clusters_.MemoryBytes();
  }

  // The index attached to `data` (alone or in an AnnexSet), or null.
  static const DuplicateClusterIndex* Of(const IndexData& data);

  const DuplicateClusters& clusters() const { return clusters_; }
  double threshold() const { return graph_->threshold(); }
  // Shared by both copies: only its lookups that take a lock (Near,
  // SlotOf) are for readers.
  const DuplicateGraph& graph() const { return *graph_; }

 private:
  std::shared_ptr<DuplicateGraph> graph_;
  DuplicateClusters clusters_;
};

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_DUPLICATE_CLUSTER_INDEX_H_
