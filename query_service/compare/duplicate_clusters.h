// Near-duplicate clusters: the connected components of the near-duplicate
// graph (duplicate_graph.h) over the live documents, kept up to date as
// documents are added, deleted and replaced.
//
// A cluster has two or more members; a document with no live near-copy is
// in none. Its canonical member is the earliest published, then the most
// complete (longest body), then the smallest id (CanonicalBefore), and its
// id is the canonical member's document id: it does not change when
// unrelated documents arrive, only when an earlier or more complete copy
// joins or the canonical one leaves.
//
// Add joins the new document's cluster with those of its live neighbours
// (the smaller merged into the larger: union by size); Remove takes a
// member out and splits what is left into its connected components (a walk
// over that cluster's members only). The result after any sequence of
// adds and removes equals BatchClusters over the live documents (tests
// check it).
//
// Thread safety: as IndexAnnex — one writer; readers of one copy of the
// index read it while no writer touches that copy (left_right.h).
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_DUPLICATE_CLUSTERS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_DUPLICATE_CLUSTERS_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "query_service/compare/duplicate_graph.h"

namespace docsearch::query::compare {

struct DuplicateCluster {
  // Live members, in no particular order; at least two.
  std::vector<DocId> members;
  DocId canonical = 0;
};

class DuplicateClusters {
 public:
  // `graph` is not owned and must outlive this object.
  explicit DuplicateClusters(const DuplicateGraph* graph) : graph_(graph) {}

  // `doc`, inserted in the graph, is live.
  void Add(DocId doc);
  // `doc` is no longer live.
  void Remove(DocId doc);

  // The cluster of `doc`, or null when it has no live near-copy.
  const DuplicateCluster* ClusterOf(DocId doc) const;
  // Every cluster, in no particular order.
  void ForEach(const std::function<void(const DuplicateCluster&)>& visit) const;
  size_t cluster_count() const { return clusters_.size() - free_.size(); }
  uint64_t MemoryBytes() const;

 private:
  static constexpr int32_t kNone = -1;

  // The best canonical of `members`.
  DocId CanonicalOf(const std::vector<DocId>& members) const;
  int32_t NewCluster();
  bool Present(DocId doc) const { return doc < present_.size() && present_[doc]; }

  const DuplicateGraph* graph_;
  std::vector<bool> present_;        // By DocId: live in this copy.
  std::vector<int32_t> cluster_of_;  // By DocId: index into clusters_, or kNone.
  std::vector<DuplicateCluster> clusters_;
  std::vector<int32_t> free_;  // Unused entries of clusters_.
};

// The clusters of `live` by a fresh union-find over `graph`'s edges between
// them: what DuplicateClusters holds after the same documents were added,
// however they came and went. Each cluster's members sorted; clusters by
// their first member.
std::vector<DuplicateCluster> BatchClusters(const DuplicateGraph& graph,
                                            const std::vector<DocId>& live);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_DUPLICATE_CLUSTERS_H_
