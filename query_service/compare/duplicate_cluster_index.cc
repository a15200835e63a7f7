#include "query_service/compare/duplicate_cluster_index.h"

#include "query_service/index/annex_set.h"

namespace docsearch::query::compare {

std::function<std::unique_ptr<IndexAnnex>()> DuplicateClusterIndex::Factory(double threshold) {
  auto graph = std::make_shared<DuplicateGraph>(threshold);
  return [graph]() -> std::unique_ptr<IndexAnnex> {
    return std::make_unique<DuplicateClusterIndex>(graph);
  };
}

void DuplicateClusterIndex::Added(uint32_t doc, const docsearch::v1::Document& document) {
  // The second copy finds the slot inserted by the first: no work.
  if (!graph_->Has(doc)) {
    graph_->Insert(doc, DuplicateMemberOf(document), ClusteringFingerprint(document));
  }
  clusters_.Add(doc);
}

const DuplicateClusterIndex* DuplicateClusterIndex::Of(const IndexData& data) {
  return AnnexSet::Find<DuplicateClusterIndex>(data.annex());
}

}  // namespace docsearch::query::compare
