#include "query_service/coordinator/cluster_duplicate_clusters.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "cluster/shard_router.h"
#include "common/text_fingerprint.h"
#include "common/utf8_text.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "docsearch/v1/shard_comparison.grpc.pb.h"
#include "query_service/compare/duplicate_clusters.h"
#include "query_service/compare/duplicate_graph.h"
#include "query_service/compare/near_duplicate_clusters.h"
#include "query_service/coordinator/shard_fan_out.h"

namespace docsearch::query {

namespace v1 = docsearch::v1;

namespace {

// A cluster as listed: its members (indexes into the gathered entries) that
// pass the filter, and its canonical member (which may not).
struct Listed {
  std::vector<DocId> members;
  DocId canonical = 0;
  std::string cluster_id;
};

}  // namespace

absl::StatusOr<v1::FindNearDuplicatesResponse> ListClustersAcrossShards(
    const ShardCaller& caller, const v1::FindNearDuplicatesRequest& request, absl::Time deadline) {
  if (absl::Status valid = compare::ValidateClusterListing(request); !valid.ok()) return valid;
  if (absl::Status valid = compare::PageOfClusters(request, {}).status(); !valid.ok()) return valid;
  v1::GetFingerprintsRequest gather;
  if (request.has_filter()) *gather.mutable_filter() = request.filter();
  gather.set_mark_filtered(true);
  gather.set_canonical_keys(true);
  absl::StatusOr<std::vector<v1::GetFingerprintsResponse>> answers =
      CallEveryShard<v1::GetFingerprintsResponse>(
          caller, deadline,
          Rpc(&v1::ShardComparisonService::Stub::PrepareAsyncGetFingerprints, gather));
  if (!answers.ok()) return answers.status();

  // The kept threshold, when every shard keeps clusters at the same one.
  std::optional<double> kept;
  for (size_t shard = 0; shard < answers->size(); ++shard) {
    const double threshold = (*answers)[shard].duplicate_resemblance();
    if (shard == 0) {
      if (threshold > 0) kept = threshold;
    } else if (kept.has_value() ? threshold != *kept : threshold > 0) {
      return absl::FailedPreconditionError(
          "the shards' replicas keep near-duplicate clusters at different thresholds; run them "
          "with the same --duplicate_resemblance (and --duplicate_clusters)");
    }
  }
  std::vector<v1::FingerprintEntry> entries;
  for (auto& answer : *answers) {
    for (auto& entry : *answer.mutable_entries()) entries.push_back(std::move(entry));
  }
  // Slots in id order: any order gives the same graph; this one is stable.
  std::sort(
      entries.begin(), entries.end(),
      [](const v1::FingerprintEntry& a, const v1::FingerprintEntry& b) { return a.id() < b.id(); });
  std::optional<DocId> source;
  if (!request.id().empty()) {
    for (DocId doc = 0; doc < entries.size(); ++doc) {
      if (entries[doc].id() == request.id()) source = doc;
    }
    if (!source.has_value()) {
      return absl::NotFoundError(
          absl::StrCat("id: no document with id '", TruncatedForMessage(request.id()), "'"));
    }
  }
  auto allowed = [&](DocId doc) {
    return !entries[doc].filtered_out() || (source.has_value() && doc == *source);
  };
  const double threshold = request.min_resemblance() > 0 ? request.min_resemblance()
                           : kept.has_value()            ? *kept
                                                         : compare::kDefaultDuplicateResemblance;
  // Kept clusters span every document, then are limited to the filter; a
  // call's own threshold clusters the filtered documents only.
  const bool as_kept = kept.has_value() && threshold == *kept;
  compare::DuplicateGraph graph(threshold);
  std::vector<DocId> live;
  for (DocId doc = 0; doc < entries.size(); ++doc) {
    if (!as_kept && !allowed(doc)) continue;
    graph.Insert(doc, {entries[doc].id(), entries[doc].day(), entries[doc].text_bytes()},
                 entries[doc].fingerprint());
    live.push_back(doc);
  }
  std::vector<Listed> listed;
  for (compare::DuplicateCluster& cluster : compare::BatchClusters(graph, live)) {
    Listed entry;
    entry.canonical = cluster.canonical;
    for (DocId doc : cluster.members) {
      if (allowed(doc)) entry.members.push_back(doc);
    }
    if (entry.members.size() < 2) continue;
    if (source.has_value() &&
        std::find(entry.members.begin(), entry.members.end(), *source) == entry.members.end()) {
      continue;
    }
    entry.cluster_id = entries[entry.canonical].id();
    listed.push_back(std::move(entry));
  }
  std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
    return compare::ClusterListedBefore(a.members.size(), a.cluster_id, b.members.size(),
                                        b.cluster_id);
  });

  v1::FindNearDuplicatesResponse response;
  response.set_total_clusters(static_cast<int64_t>(listed.size()));
  response.set_min_resemblance(threshold);
  std::vector<std::pair<size_t, std::string>> order;
  for (const Listed& entry : listed) order.emplace_back(entry.members.size(), entry.cluster_id);
  absl::StatusOr<compare::ClusterPage> page = compare::PageOfClusters(request, order);
  if (!page.ok()) return page.status();

  // Titles and dates of the page's members, from their owners.
  const uint32_t shard_count = caller.directory()->shard_count();
  std::vector<v1::BatchGetDocumentsRequest> reads(shard_count);
  for (size_t k = page->begin; k < page->end; ++k) {
    for (DocId doc : listed[k].members) {
      v1::BatchGetDocumentsRequest& read = reads[cluster::ShardOf(entries[doc].id(), shard_count)];
      if (read.ids().empty()) {
        for (const char* path : {"id", "title", "published"}) {
          read.mutable_field_mask()->add_paths(path);
        }
      }
      read.add_ids(entries[doc].id());
    }
  }
  absl::StatusOr<std::vector<v1::BatchGetDocumentsResponse>> read =
      CallEveryShard<v1::BatchGetDocumentsResponse>(
          caller, deadline, [&](uint32_t shard) -> StubCall<v1::BatchGetDocumentsResponse> {
            if (reads[shard].ids().empty()) return NoRpc<v1::BatchGetDocumentsResponse>();
            return Rpc(&v1::QueryService::Stub::PrepareAsyncBatchGetDocuments, reads[shard]);
          });
  if (!read.ok()) return read.status();
  absl::flat_hash_map<std::string, v1::Document> stored;
  for (auto& answer : *read) {
    for (auto& document : *answer.mutable_documents()) {
      std::string id = document.id();
      stored[id] = std::move(document);
    }
  }

  for (size_t k = page->begin; k < page->end; ++k) {
    Listed& entry = listed[k];
    std::sort(entry.members.begin(), entry.members.end(), [&](DocId a, DocId b) {
      if ((a == entry.canonical) != (b == entry.canonical)) return a == entry.canonical;
      return compare::CanonicalBefore(graph.Member(a), graph.Member(b));
    });
    // The canonical member may be filtered out: resemblance is then to the
    // first member listed.
    const v1::Fingerprint& reference = entries[entry.members.front()].fingerprint();
    v1::NearDuplicateCluster* cluster = response.add_clusters();
    cluster->set_cluster_id(entry.cluster_id);
    for (DocId doc : entry.members) {
      const v1::FingerprintEntry& gathered = entries[doc];
      auto* out = cluster->add_members();
      out->set_id(gathered.id());
      auto it = stored.find(gathered.id());
      if (it != stored.end()) {
        out->set_title(it->second.title());
        if (it->second.has_published()) *out->mutable_published() = it->second.published();
      }
      out->set_resemblance(MinHashResemblance(reference, gathered.fingerprint()));
      out->set_body_bytes(gathered.text_bytes());
      out->set_canonical(doc == entry.canonical);
    }
  }
  response.set_next_page_token(std::move(page->next_page_token));
  return response;
}

}  // namespace docsearch::query
