#include "query_service/coordinator/cluster_collapsed_search.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/time_util.h"
#include "query_service/coordinator/cluster_duplicate_walk.h"
#include "query_service/coordinator/snippet_fetch.h"
#include "query_service/search/search_options.h"
#include "query_service/server/collapse_scan.h"

namespace docsearch::query {

absl::StatusOr<docsearch::v1::SearchResponse> CollapsedSearchAcrossShards(
    const PlainClusterSearch& search, const ShardCaller* caller, int max_page_size,
    const docsearch::v1::SearchRequest& request, absl::Time deadline) {
  const absl::Time started = absl::Now();
  absl::StatusOr<uint32_t> listed_before = DecodeCollapsedToken(request);
  if (!listed_before.ok()) return listed_before.status();
  if (request.page_size() < 0 || request.page_size() > max_page_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size ", request.page_size(), " is outside 0..", max_page_size));
  }
  docsearch::v1::SearchRequest plain = request;
  plain.clear_page_token();
  plain.clear_collapse_duplicates();
  // Most hits read are not shown: snippets come for the page's only.
  plain.set_omit_snippets(true);
  docsearch::v1::CollectionStatisticsMessage statistics;
  const int page_size =
      request.page_size() == 0 ? SearchOptions().default_page_size : request.page_size();
  CollapseScan scan(*listed_before, static_cast<size_t>(page_size),
                    static_cast<size_t>(max_page_size));
  ClusterDuplicateWalk walk(caller, deadline);
  docsearch::v1::SearchResponse first;
  std::vector<docsearch::v1::SearchHit> kept_hits;
  for (bool first_batch = true; scan.NextBatchSize() > 0; first_batch = false) {
    plain.set_page_size(static_cast<int32_t>(scan.NextBatchSize()));
    absl::StatusOr<docsearch::v1::SearchResponse> batch =
        search(plain, deadline, first_batch ? &statistics : nullptr);
    if (!batch.ok()) return batch.status();
    // With allow_partial, shards left out of the search are left out of
    // the clusters too.
    for (uint32_t shard : batch->missing_shards()) walk.LeaveOut(shard);
    std::vector<std::string> ids;
    ids.reserve(batch->hits_size());
    for (const auto& hit : batch->hits()) ids.push_back(hit.id());
    absl::StatusOr<std::vector<HitCluster>> clusters = walk.ClustersOf(ids);
    if (absl::IsFailedPrecondition(clusters.status())) {
      // Named as one node names it, so that a caller (the CLI) can tell this
      // refusal from others.
      return absl::FailedPreconditionError(absl::StrCat(
          "collapse_duplicates needs the near-duplicate clusters kept on ingest by every replica: ",
          clusters.status().message()));
    }
    if (!clusters.ok()) return clusters.status();
    const bool more = !batch->next_page_token().empty() && batch->hits_size() > 0;
    for (size_t i : scan.Take(*std::move(clusters), more)) {
      kept_hits.push_back(std::move(*batch->mutable_hits(static_cast<int>(i))));
    }
    plain.set_page_token(batch->next_page_token());
    if (first_batch) {
      first = *std::move(batch);
      first.clear_hits();
      first.clear_next_page_token();
      // Later batches only read hits: their counts are the first's.
      plain.clear_facets();
      plain.clear_date_histogram();
      plain.set_exact_total(false);
    }
  }
  docsearch::v1::SearchResponse response = std::move(first);
  for (size_t i = scan.page_begin(); i < scan.page_end(); ++i) {
    docsearch::v1::SearchHit* hit = response.add_hits();
    *hit = std::move(kept_hits[i]);
    SetHitCluster(std::move(scan.kept_clusters()[i]), hit);
  }
  if (!request.omit_snippets() && response.hits_size() > 0) {
    absl::flat_hash_set<std::string> shown;
    for (const auto& hit : response.hits()) shown.insert(hit.id());
    docsearch::v1::SearchRequest with_snippets = request;
    with_snippets.clear_page_token();
    with_snippets.clear_collapse_duplicates();
    absl::Status fetched =
        FetchSnippets(*caller, with_snippets, statistics, shown, deadline, &response);
    if (!fetched.ok()) return fetched;
  }
  if (scan.next_page()) {
    docsearch::v1::SearchRequest bound = request;
    bound.clear_page_token();
    response.set_next_page_token(
        EncodeCollapsedToken(bound, static_cast<uint32_t>(scan.page_end())));
  }
  *response.mutable_took() = google::protobuf::util::TimeUtil::NanosecondsToDuration(
      absl::ToInt64Nanoseconds(absl::Now() - started));
  return response;
}

}  // namespace docsearch::query
