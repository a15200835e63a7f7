#include "query_service/coordinator/cluster_duplicate_walk.h"

#include <functional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "cluster/shard_router.h"
#include "docsearch/v1/shard_comparison.grpc.pb.h"
#include "query_service/compare/near_duplicate_lookup.h"
#include "query_service/coordinator/shard_fan_out.h"

namespace docsearch::query {

namespace v1 = docsearch::v1;
using v1::ShardComparisonService;

absl::Status ClusterDuplicateWalk::CheckThreshold(double threshold) {
  if (!threshold_.has_value()) threshold_ = threshold;
  if (*threshold_ == threshold) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "the shards' replicas keep near-duplicate clusters at different thresholds (", *threshold_,
      " and ", threshold, "); run them with the same --duplicate_resemblance"));
}

absl::StatusOr<size_t> ClusterDuplicateWalk::AddNode(const v1::DuplicateGraphMember& member) {
  auto [it, added] = node_of_.try_emplace(member.id(), nodes_.size());
  if (!added) return it->second;
  absl::StatusOr<std::optional<compare::CompactSignature>> signature =
      compare::SignatureOfMember(member);
  if (!signature.ok()) return signature.status();
  Node node;
  node.member = {member.id(), member.day(), member.text_bytes()};
  node.signature = *signature;
  nodes_.push_back(std::move(node));
  parent_.push_back(parent_.size());
  return it->second;
}

size_t ClusterDuplicateWalk::Find(size_t node) {
  while (parent_[node] != node) {
    parent_[node] = parent_[parent_[node]];  // Path halving.
    node = parent_[node];
  }
  return node;
}

void ClusterDuplicateWalk::Union(size_t a, size_t b) {
  a = Find(a);
  b = Find(b);
  if (a != b) parent_[std::max(a, b)] = std::min(a, b);
}

absl::StatusOr<std::vector<HitCluster>> ClusterDuplicateWalk::ClustersOf(
    const std::vector<std::string>& ids) {
  const uint32_t shard_count = caller_->directory()->shard_count();
  auto near_duplicates = [](const v1::GetNearDuplicatesRequest& request) {
    return Rpc(&ShardComparisonService::Stub::PrepareAsyncGetNearDuplicates, request);
  };
  // The shards asked: all but those left out.
  std::vector<uint32_t> asked;
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (!left_out_.contains(shard)) asked.push_back(shard);
  }
  // Calls to `asked`, by shard; the first failure.
  auto call_asked =
      [&](const std::function<StubCall<v1::GetNearDuplicatesResponse>(uint32_t)>& make_call)
      -> absl::StatusOr<std::vector<v1::GetNearDuplicatesResponse>> {
    std::vector<absl::StatusOr<v1::GetNearDuplicatesResponse>> answers =
        caller_->CallShards<v1::GetNearDuplicatesResponse>(
            asked, deadline_, [&](size_t k) { return make_call(asked[k]); });
    std::vector<v1::GetNearDuplicatesResponse> by_shard(shard_count);
    for (size_t k = 0; k < asked.size(); ++k) {
      if (!answers[k].ok()) return answers[k].status();
      by_shard[asked[k]] = *std::move(answers[k]);
    }
    return by_shard;
  };
  // The hits not met before, from their owners.
  std::vector<v1::GetNearDuplicatesRequest> owned(shard_count);
  bool any_owned = false;
  for (const std::string& id : ids) {
    if (node_of_.contains(id) || absent_.contains(id)) continue;
    const uint32_t owner = cluster::ShardOf(id, shard_count);
    if (left_out_.contains(owner)) continue;  // Not a hit of this search.
    owned[owner].add_ids(id);
    any_owned = true;
  }
  if (any_owned) {
    absl::StatusOr<std::vector<v1::GetNearDuplicatesResponse>> answers =
        call_asked([&](uint32_t shard) -> StubCall<v1::GetNearDuplicatesResponse> {
          if (owned[shard].ids().empty()) return NoRpc<v1::GetNearDuplicatesResponse>();
          return near_duplicates(owned[shard]);
        });
    if (!answers.ok()) return answers.status();
    for (uint32_t shard = 0; shard < shard_count; ++shard) {
      if (owned[shard].ids().empty()) continue;
      const v1::GetNearDuplicatesResponse& answer = (*answers)[shard];
      if (absl::Status same = CheckThreshold(answer.duplicate_resemblance()); !same.ok()) {
        return same;
      }
      for (const auto& document : answer.documents()) {
        if (absl::StatusOr<size_t> node = AddNode(document); !node.ok()) return node.status();
      }
      for (const std::string& id : owned[shard].ids()) {
        if (!node_of_.contains(id)) absent_.insert(id);  // Deleted since the search.
      }
    }
  }

  // Rounds: every member not yet expanded, to every shard at once.
  for (;;) {
    v1::GetNearDuplicatesRequest round;
    std::vector<size_t> probes;
    for (size_t node = 0; node < nodes_.size(); ++node) {
      if (nodes_[node].expanded) continue;
      nodes_[node].expanded = true;
      if (!nodes_[node].signature.has_value()) continue;  // No words, no edges.
      probes.push_back(node);
      compare::ToGraphMember(nodes_[node].member.id, nodes_[node].member, &*nodes_[node].signature,
                             round.add_probes());
    }
    if (probes.empty() || nodes_.size() >= kMaxWalkMembers) break;
    ++rounds_;
    absl::StatusOr<std::vector<v1::GetNearDuplicatesResponse>> answers =
        call_asked([&](uint32_t) { return near_duplicates(round); });
    if (!answers.ok()) return answers.status();
    for (uint32_t shard : asked) {
      const v1::GetNearDuplicatesResponse& answer = (*answers)[shard];
      if (absl::Status same = CheckThreshold(answer.duplicate_resemblance()); !same.ok()) {
        return same;
      }
      for (const v1::DuplicateGraphMember& neighbor : answer.neighbors()) {
        if (nodes_.size() >= kMaxWalkMembers && !node_of_.contains(neighbor.id())) continue;
        absl::StatusOr<size_t> node = AddNode(neighbor);
        if (!node.ok()) return node.status();
        for (int32_t probe : neighbor.probes()) {
          if (probe < 0 || static_cast<size_t>(probe) >= probes.size()) {
            return absl::InternalError("a shard answered a neighbour of an unknown probe");
          }
          Union(*node, probes[probe]);
        }
      }
    }
  }

  // The components of the hits, their members' ids and canonical member.
  absl::flat_hash_map<size_t, std::vector<size_t>> components;
  for (const std::string& id : ids) {
    auto it = node_of_.find(id);
    if (it != node_of_.end()) components.try_emplace(Find(it->second));
  }
  for (size_t node = 0; node < nodes_.size(); ++node) {
    auto it = components.find(Find(node));
    if (it != components.end()) it->second.push_back(node);
  }
  std::vector<HitCluster> clusters(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    auto it = node_of_.find(ids[i]);
    if (it == node_of_.end()) continue;
    const std::vector<size_t>& members = components[Find(it->second)];
    if (members.size() < 2) continue;
    size_t canonical = members.front();
    std::vector<std::string> member_ids;
    for (size_t node : members) {
      if (compare::CanonicalBefore(nodes_[node].member, nodes_[canonical].member)) canonical = node;
      member_ids.push_back(nodes_[node].member.id);
    }
    clusters[i] = HitClusterOf(ids[i], nodes_[canonical].member.id, member_ids);
  }
  return clusters;
}

}  // namespace docsearch::query
