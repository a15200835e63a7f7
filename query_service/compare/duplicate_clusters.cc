#include "query_service/compare/duplicate_clusters.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "absl/container/flat_hash_map.h"

namespace docsearch::query::compare {

DocId DuplicateClusters::CanonicalOf(const std::vector<DocId>& members) const {
  DocId best = members.front();
  for (DocId doc : members) {
    if (CanonicalBefore(graph_->Member(doc), graph_->Member(best))) best = doc;
  }
  return best;
}

int32_t DuplicateClusters::NewCluster() {
  if (!free_.empty()) {
    const int32_t index = free_.back();
    free_.pop_back();
    return index;
  }
  clusters_.emplace_back();
  return static_cast<int32_t>(clusters_.size() - 1);
}

void DuplicateClusters::Add(DocId doc) {
  if (doc >= present_.size()) {
    present_.resize(doc + 1, false);
    cluster_of_.resize(doc + 1, kNone);
  }
  present_[doc] = true;
  cluster_of_[doc] = kNone;
  // The clusters and lone documents the new one joins.
  std::vector<int32_t> joined;
  std::vector<DocId> loners = {doc};
  for (DocId other : graph_->Neighbors(doc)) {
    if (!Present(other)) continue;
    const int32_t cluster = cluster_of_[other];
    if (cluster == kNone) {
      loners.push_back(other);
    } else if (std::find(joined.begin(), joined.end(), cluster) == joined.end()) {
      joined.push_back(cluster);
    }
  }
  if (loners.size() == 1 && joined.empty()) return;
  // Union by size: the largest cluster absorbs the others.
  int32_t target = kNone;
  for (int32_t cluster : joined) {
    if (target == kNone || clusters_[cluster].members.size() > clusters_[target].members.size()) {
      target = cluster;
    }
  }
  if (target == kNone) target = NewCluster();
  DuplicateCluster& into = clusters_[target];
  std::vector<DocId> contenders;
  if (!into.members.empty()) contenders.push_back(into.canonical);
  for (int32_t cluster : joined) {
    if (cluster == target) continue;
    DuplicateCluster& from = clusters_[cluster];
    contenders.push_back(from.canonical);
    for (DocId member : from.members) {
      cluster_of_[member] = target;
      into.members.push_back(member);
    }
    from.members.clear();
    free_.push_back(cluster);
  }
  for (DocId loner : loners) {
    cluster_of_[loner] = target;
    into.members.push_back(loner);
    contenders.push_back(loner);
  }
  into.canonical = CanonicalOf(contenders);
}

void DuplicateClusters::Remove(DocId doc) {
  if (!Present(doc)) return;
  present_[doc] = false;
  const int32_t cluster = cluster_of_[doc];
  cluster_of_[doc] = kNone;
  if (cluster == kNone) return;
  std::vector<DocId> rest = std::move(clusters_[cluster].members);
  rest.erase(std::find(rest.begin(), rest.end(), doc));
  clusters_[cluster].members.clear();
  free_.push_back(cluster);
  // Mark what is left as unvisited, then walk its components.
  constexpr int32_t kUnvisited = -2;
  for (DocId member : rest) cluster_of_[member] = kUnvisited;
  for (DocId start : rest) {
    if (cluster_of_[start] != kUnvisited) continue;
    std::vector<DocId> component = {start};
    cluster_of_[start] = kNone;
    for (size_t at = 0; at < component.size(); ++at) {
      for (DocId next : graph_->Neighbors(component[at])) {
        if (next < cluster_of_.size() && cluster_of_[next] == kUnvisited) {
          cluster_of_[next] = kNone;
          component.push_back(next);
        }
      }
    }
    if (component.size() < 2) continue;
    const int32_t index = NewCluster();
    for (DocId member : component) cluster_of_[member] = index;
    clusters_[index].canonical = CanonicalOf(component);
    clusters_[index].members = std::move(component);
  }
}

const DuplicateCluster* DuplicateClusters::ClusterOf(DocId doc) const {
  if (!Present(doc) || cluster_of_[doc] == kNone) return nullptr;
  return &clusters_[cluster_of_[doc]];
}

void DuplicateClusters::ForEach(const std::function<void(const DuplicateCluster&)>& visit) const {
  for (const DuplicateCluster& cluster : clusters_) {
    if (!cluster.members.empty()) visit(cluster);
  }
}

uint64_t DuplicateClusters::MemoryBytes() const {
  uint64_t bytes = present_.capacity() / 8 + cluster_of_.capacity() * sizeof(int32_t) +
                   clusters_.capacity() * sizeof(DuplicateCluster) +
                   free_.capacity() * sizeof(int32_t);
  for (const DuplicateCluster& cluster : clusters_) {
    bytes += cluster.members.capacity() * sizeof(DocId);
  }
  return bytes;
}

std::vector<DuplicateCluster> BatchClusters(const DuplicateGraph& graph,
                                            const std::vector<DocId>& live) {
  absl::flat_hash_map<DocId, size_t> index_of;
  for (size_t i = 0; i < live.size(); ++i) index_of.emplace(live[i], i);
  std::vector<size_t> parent(live.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];  // Path halving.
      x = parent[x];
    }
    return x;
  };
  for (size_t i = 0; i < live.size(); ++i) {
    for (DocId other : graph.Neighbors(live[i])) {
      auto it = index_of.find(other);
      if (it == index_of.end()) continue;
      const size_t a = find(i);
      const size_t b = find(it->second);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  absl::flat_hash_map<size_t, std::vector<DocId>> components;
  for (size_t i = 0; i < live.size(); ++i) components[find(i)].push_back(live[i]);
  std::vector<DuplicateCluster> clusters;
  for (auto& [root, members] : components) {
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end());
    DuplicateCluster cluster;
    cluster.canonical = members.front();
    for (DocId doc : members) {
      if (CanonicalBefore(graph.Member(doc), graph.Member(cluster.canonical))) {
        cluster.canonical = doc;
      }
    }
    cluster.members = std::move(members);
    clusters.push_back(std::move(cluster));
  }
  std::sort(clusters.begin(), clusters.end(),
            [](const DuplicateCluster& a, const DuplicateCluster& b) {
              return a.members.front() < b.members.front();
            });
  return clusters;
}

}  // namespace docsearch::query::compare
