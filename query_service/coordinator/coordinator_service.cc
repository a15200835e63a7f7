#include "query_service/coordinator/coordinator_service.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cluster/shard_router.h"
#include "common/grpc_status.h"
#include "docsearch/v1/shard_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "query_service/coordinator/cluster_bulk_reads.h"
#include "query_service/coordinator/cluster_collapsed_search.h"
#include "query_service/coordinator/cluster_comparisons.h"
#include "query_service/coordinator/cluster_export.h"
#include "query_service/coordinator/cluster_index_stats.h"
#include "query_service/coordinator/cluster_passage_reuse.h"
#include "query_service/coordinator/cluster_set_comparison.h"
#include "query_service/coordinator/cluster_twins.h"
#include "query_service/coordinator/search_merger.h"
#include "query_service/coordinator/snippet_fetch.h"
#include "query_service/search/shard_statistics.h"

namespace docsearch::query {
namespace {

using docsearch::v1::CollectionStatisticsMessage;
using docsearch::v1::GetTermStatisticsRequest;
using docsearch::v1::GetTermStatisticsResponse;
using docsearch::v1::SearchShardRequest;
using docsearch::v1::SearchShardResponse;

// The failure that decides a search from its shards' `results`: any, or,
// with `allow_partial`, only one that is not UNAVAILABLE (a bad request) or
// one that leaves no shard at all. Other failed shards are marked in
// `missing` and left out; shards already missing are not looked at.
template <typename Results>
absl::Status SettleShards(const Results& results, bool allow_partial, std::vector<bool>* missing) {
  absl::Status first_unavailable;
  for (size_t shard = 0; shard < results.size(); ++shard) {
    if ((*missing)[shard] || results[shard].ok()) continue;
    const absl::Status& failed = results[shard].status();
    if (!allow_partial || !absl::IsUnavailable(failed)) return failed;
    (*missing)[shard] = true;
    if (first_unavailable.ok()) first_unavailable = failed;
  }
  if (std::find(missing->begin(), missing->end(), false) == missing->end()) {
    return first_unavailable.ok() ? absl::UnavailableError("no shard answered; retry later")
                                  : first_unavailable;
  }
  return absl::OkStatus();
}

// The sums of the statistics of the shards not missing.
CollectionStatisticsMessage SumPresent(
    const std::vector<absl::StatusOr<CollectionStatisticsMessage>>& per_shard,
    const std::vector<bool>& missing) {
  CollectionStatisticsMessage global;
  for (size_t shard = 0; shard < per_shard.size(); ++shard) {
    if (!missing[shard]) AddStatistics(*per_shard[shard], &global);
  }
  return global;
}

// Finishes `context`'s call with `result`, its value moved into `response`.
template <typename Response>
grpc::ServerUnaryReactor* Reply(grpc::CallbackServerContext* context,
                                absl::StatusOr<Response> result, Response* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (result.ok()) *response = *std::move(result);
  reactor->Finish(ToGrpcStatus(result.status()));
  return reactor;
}

}  // namespace

absl::Time CoordinatorService::DeadlineOf(const grpc::CallbackServerContext& context) const {
  const auto deadline = context.deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) {
    return absl::Now() + options_.default_deadline;
  }
  return absl::FromChrono(deadline);
}

absl::StatusOr<docsearch::v1::SearchResponse> CoordinatorService::SearchShards(
    const docsearch::v1::SearchRequest& request, absl::Time deadline,
    CollectionStatisticsMessage* statistics) const {
  const absl::Time started = absl::Now();
  const uint32_t shard_count = caller_->directory()->shard_count();
  // Shards left out (allow_partial) because no replica of theirs answered.
  std::vector<bool> missing(shard_count, false);
  std::vector<absl::StatusOr<CollectionStatisticsMessage>> per_shard(shard_count);
  CollectionStatisticsMessage global;
  // A search seen before skips phase 1: the shards check the statistics
  // remembered for it (statistics_cache.h).
  std::optional<ShardStatistics> remembered = statistics_cache_.Find(request);
  if (remembered.has_value() && remembered->size() != shard_count) remembered.reset();
  if (remembered.has_value()) {
    for (uint32_t shard = 0; shard < shard_count; ++shard) {
      per_shard[shard] = (*remembered)[shard];
      AddStatistics((*remembered)[shard], &global);
    }
  } else {
    absl::Status gathered = GatherStatistics(request, deadline, &per_shard, &missing, &global);
    if (!gathered.ok()) return gathered;
  }

  // Phase 2: each shard's page, scored with the global statistics.
  SearchShardRequest phase2;
  *phase2.mutable_search() = ShardRequestFor(request, options_.max_facet_size);
  // Each shard builds snippets for the hits most likely to be shown; the
  // few others shown come in a fetch phase (snippet_fetch.h).
  const int snippet_hits = SnippetHitsPerShard(request, shard_count);
  if (snippet_hits > 0) phase2.set_snippet_hits(snippet_hits);
  *phase2.mutable_statistics() = global;
  std::vector<absl::StatusOr<SearchShardResponse>> pages(shard_count);
  // Every shard not missing at once (shard_caller.h).
  auto search_shards = [&](bool check_remembered) {
    std::vector<uint32_t> asked;
    for (uint32_t shard = 0; shard < shard_count; ++shard) {
      if (!missing[shard]) asked.push_back(shard);
    }
    // With remembered statistics, each shard checks its own.
    std::vector<SearchShardRequest> checked(check_remembered ? asked.size() : 0);
    for (size_t k = 0; k < checked.size(); ++k) {
      checked[k] = phase2;
      *checked[k].mutable_expected_shard_statistics() = *per_shard[asked[k]];
    }
    std::vector<absl::StatusOr<SearchShardResponse>> answers =
        caller_->CallShards<SearchShardResponse>(asked, deadline, [&](size_t k) {
          return Rpc(&docsearch::v1::ShardService::Stub::PrepareAsyncSearchShard,
                     check_remembered ? checked[k] : phase2);
        });
    for (size_t k = 0; k < asked.size(); ++k) pages[asked[k]] = std::move(answers[k]);
  };
  search_shards(remembered.has_value());
  if (absl::Status failed = SettleShards(pages, request.allow_partial(), &missing); !failed.ok()) {
    return failed;
  }
  bool stale = false;
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (missing[shard] || !pages[shard]->stale_statistics()) continue;
    stale = true;
    per_shard[shard] = std::move(*pages[shard]->mutable_shard_statistics());
  }
  if (stale) {
    // Some shard changed since: score everywhere with the fresh sums (all
    // gathered again if the collection's main language moved, since the
    // shards then analyze the query differently).
    global = SumPresent(per_shard, missing);
    if (MainLanguageOf(global) != MainLanguageOf(phase2.statistics())) {
      absl::Status gathered = GatherStatistics(request, deadline, &per_shard, &missing, &global);
      if (!gathered.ok()) return gathered;
    }
    *phase2.mutable_statistics() = global;
    search_shards(false);
    if (absl::Status failed = SettleShards(pages, request.allow_partial(), &missing);
        !failed.ok()) {
      return failed;
    }
  }
  const bool complete = std::find(missing.begin(), missing.end(), true) == missing.end();
  if (complete && (!remembered.has_value() || stale)) {
    // Only the statistics of every shard are worth remembering.
    ShardStatistics statistics;
    for (auto& shard : per_shard) statistics.push_back(*std::move(shard));
    statistics_cache_.Put(request, std::move(statistics));
  }
  std::vector<docsearch::v1::SearchResponse> responses;
  responses.reserve(shard_count);
  // Hits a shard built no snippet for (past its first snippet_hits).
  absl::flat_hash_set<std::string> without_snippets;
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (missing[shard]) continue;
    const auto& hits = pages[shard]->search().hits();
    for (int i = snippet_hits; snippet_hits > 0 && i < hits.size(); ++i) {
      without_snippets.insert(hits[i].id());
    }
    responses.push_back(std::move(*pages[shard]->mutable_search()));
  }
  docsearch::v1::SearchResponse merged = MergeSearchResponses(request, std::move(responses));
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (missing[shard]) merged.add_missing_shards(shard);
  }
  if (!without_snippets.empty()) {
    absl::Status fetched =
        FetchSnippets(*caller_, request, phase2.statistics(), without_snippets, deadline, &merged);
    if (!fetched.ok()) return fetched;
  }
  if (statistics != nullptr) *statistics = phase2.statistics();
  *merged.mutable_took() = google::protobuf::util::TimeUtil::NanosecondsToDuration(
      absl::ToInt64Nanoseconds(absl::Now() - started));
  return merged;
}

absl::Status CoordinatorService::GatherStatistics(
    const docsearch::v1::SearchRequest& request, absl::Time deadline,
    std::vector<absl::StatusOr<CollectionStatisticsMessage>>* per_shard, std::vector<bool>* missing,
    CollectionStatisticsMessage* global) const {
  const uint32_t shard_count = caller_->directory()->shard_count();
  // Phase 1: each shard's statistics for the query's terms, from `shards`
  // at once, analyzed for `main_language` (empty: the shard's own).
  auto term_statistics = [&](const std::vector<uint32_t>& shards,
                             const std::string& main_language) {
    GetTermStatisticsRequest phase1;
    *phase1.mutable_search() = request;
    phase1.set_main_language(main_language);
    std::vector<absl::StatusOr<GetTermStatisticsResponse>> answers =
        caller_->CallShards<GetTermStatisticsResponse>(shards, deadline, [&](size_t) {
          return Rpc(&docsearch::v1::ShardService::Stub::PrepareAsyncGetTermStatistics, phase1);
        });
    for (size_t k = 0; k < shards.size(); ++k) {
      if (answers[k].ok()) {
        (*per_shard)[shards[k]] = std::move(*answers[k]->mutable_statistics());
      } else {
        (*per_shard)[shards[k]] = answers[k].status();
      }
    }
  };
  std::vector<uint32_t> present;
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (!(*missing)[shard]) present.push_back(shard);
  }
  term_statistics(present, "");
  if (absl::Status failed = SettleShards(*per_shard, request.allow_partial(), missing);
      !failed.ok()) {
    return failed;
  }
  *global = SumPresent(*per_shard, *missing);
  // A shard whose own main language is not the collection's analyzed the
  // query differently (other stems): ask it again with the collection's.
  const std::string main_language = MainLanguageOf(*global);
  std::vector<uint32_t> again;
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (!(*missing)[shard] && MainLanguageOf(*(*per_shard)[shard]) != main_language) {
      again.push_back(shard);
    }
  }
  if (!again.empty()) {
    term_statistics(again, main_language);
    if (absl::Status failed = SettleShards(*per_shard, request.allow_partial(), missing);
        !failed.ok()) {
      return failed;
    }
    *global = SumPresent(*per_shard, *missing);
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* CoordinatorService::Search(grpc::CallbackServerContext* context,
                                                     const docsearch::v1::SearchRequest* request,
                                                     docsearch::v1::SearchResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  // The tokens travel with the request to the replicas, which wait for
  // them (ShardServiceImpl); a shard that does not exist is the caller's
  // mistake, not something to wait for.
  const uint32_t shard_count = caller_->directory()->shard_count();
  for (int i = 0; i < request->consistency_tokens_size(); ++i) {
    if (request->consistency_tokens(i).shard() >= shard_count) {
      reactor->Finish(
          grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                       absl::StrCat("consistency_tokens[", i, "].shard is ",
                                    request->consistency_tokens(i).shard(), "; the cluster has ",
                                    shard_count, " shards (0..", shard_count - 1, ")")));
      return reactor;
    }
  }
  const absl::Time deadline = DeadlineOf(*context);
  absl::StatusOr<docsearch::v1::SearchResponse> result =
      request->collapse_duplicates()
          ? CollapsedSearchAcrossShards(
                [this](const docsearch::v1::SearchRequest& plain, absl::Time batch_deadline,
                       CollectionStatisticsMessage* statistics) {
                  return SearchShards(plain, batch_deadline, statistics);
                },
                caller_, options_.max_facet_size, *request, deadline)
          : SearchShards(*request, deadline);
  if (result.ok()) *response = *std::move(result);
  reactor->Finish(ToGrpcStatus(result.status()));
  return reactor;
}

grpc::ServerUnaryReactor* CoordinatorService::GetDocument(
    grpc::CallbackServerContext* context, const docsearch::v1::GetDocumentRequest* request,
    docsearch::v1::GetDocumentResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (request->id().empty()) {
    reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "id is empty"));
    return reactor;
  }
  const uint32_t shard = cluster::ShardOf(request->id(), caller_->directory()->shard_count());
  absl::StatusOr<docsearch::v1::GetDocumentResponse> answer =
      caller_->Call<docsearch::v1::GetDocumentResponse>(
          shard, DeadlineOf(*context),
          Rpc(&docsearch::v1::QueryService::Stub::PrepareAsyncGetDocument, *request));
  if (answer.ok()) *response = *std::move(answer);
  reactor->Finish(ToGrpcStatus(answer.status()));
  return reactor;
}

grpc::ServerUnaryReactor* CoordinatorService::GetIndexStats(
    grpc::CallbackServerContext* context, const docsearch::v1::GetIndexStatsRequest* request,
    docsearch::v1::GetIndexStatsResponse* response) {
  return Reply(context, SumIndexStats(*caller_, *request, DeadlineOf(*context)), response);
}

// The comparison and bulk-read RPCs: cluster_comparisons.h,
// cluster_set_comparison.h, cluster_bulk_reads.h.

grpc::ServerUnaryReactor* CoordinatorService::CompareDocuments(
    grpc::CallbackServerContext* context, const docsearch::v1::CompareDocumentsRequest* request,
    docsearch::v1::CompareDocumentsResponse* response) {
  return Reply(context,
               ClusterComparisons(caller_).CompareDocuments(*request, DeadlineOf(*context)),
               response);
}

grpc::ServerUnaryReactor* CoordinatorService::FindSimilar(
    grpc::CallbackServerContext* context, const docsearch::v1::FindSimilarRequest* request,
    docsearch::v1::FindSimilarResponse* response) {
  return Reply(context, ClusterComparisons(caller_).FindSimilar(*request, DeadlineOf(*context)),
               response);
}

grpc::ServerUnaryReactor* CoordinatorService::CompareSets(
    grpc::CallbackServerContext* context, const docsearch::v1::CompareSetsRequest* request,
    docsearch::v1::CompareSetsResponse* response) {
  return Reply(context, CompareSetsAcrossShards(*caller_, *request, DeadlineOf(*context)),
               response);
}

grpc::ServerUnaryReactor* CoordinatorService::TermTrend(
    grpc::CallbackServerContext* context, const docsearch::v1::TermTrendRequest* request,
    docsearch::v1::TermTrendResponse* response) {
  return Reply(context, ClusterComparisons(caller_).TermTrend(*request, DeadlineOf(*context)),
               response);
}

grpc::ServerUnaryReactor* CoordinatorService::FindNearDuplicates(
    grpc::CallbackServerContext* context, const docsearch::v1::FindNearDuplicatesRequest* request,
    docsearch::v1::FindNearDuplicatesResponse* response) {
  return Reply(context,
               ClusterComparisons(caller_).FindNearDuplicates(*request, DeadlineOf(*context)),
               response);
}

grpc::ServerUnaryReactor* CoordinatorService::BatchGetDocuments(
    grpc::CallbackServerContext* context, const docsearch::v1::BatchGetDocumentsRequest* request,
    docsearch::v1::BatchGetDocumentsResponse* response) {
  return Reply(
      context,
      BatchGetFromOwners(*caller_, *request, options_.max_facet_size, DeadlineOf(*context)),
      response);
}

grpc::ServerUnaryReactor* CoordinatorService::ListVersions(
    grpc::CallbackServerContext* context, const docsearch::v1::ListVersionsRequest* request,
    docsearch::v1::ListVersionsResponse* response) {
  return Reply(context, ListVersionsOnOwner(*caller_, *request, DeadlineOf(*context)), response);
}

grpc::ServerUnaryReactor* CoordinatorService::CompareVersions(
    grpc::CallbackServerContext* context, const docsearch::v1::CompareVersionsRequest* request,
    docsearch::v1::CompareVersionsResponse* response) {
  return Reply(context, CompareVersionsOnOwner(*caller_, *request, DeadlineOf(*context)), response);
}

grpc::ServerUnaryReactor* CoordinatorService::ListTwins(
    grpc::CallbackServerContext* context, const docsearch::v1::ListTwinsRequest* request,
    docsearch::v1::ListTwinsResponse* response) {
  return Reply(context, ListTwinsAcrossShards(*caller_, *request, DeadlineOf(*context)), response);
}

grpc::ServerWriteReactor<docsearch::v1::ExportDocumentsResponse>*
CoordinatorService::ExportDocuments(grpc::CallbackServerContext* context,
                                    const docsearch::v1::ExportDocumentsRequest* request) {
  const auto deadline = context->deadline();
  // An export may outlast any one search: without a deadline of its own,
  // each chunk gets default_deadline.
  const absl::Time call_deadline = deadline == std::chrono::system_clock::time_point::max()
                                       ? absl::InfiniteFuture()
                                       : absl::FromChrono(deadline);
  return StartClusterExport(
      [this](const docsearch::v1::SearchRequest& search, absl::Time chunk_deadline) {
        return SearchShards(search, chunk_deadline);
      },
      caller_, options_.max_facet_size, *request, call_deadline, options_.default_deadline);
}

grpc::ServerUnaryReactor* CoordinatorService::FindPassageReuse(
    grpc::CallbackServerContext* context, const docsearch::v1::FindPassageReuseRequest* request,
    docsearch::v1::FindPassageReuseResponse* response) {
  return Reply(context, FindPassageReuseAcrossShards(*caller_, *request, DeadlineOf(*context)),
               response);
}

}  // namespace docsearch::query
