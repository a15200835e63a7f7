#include "query_service/coordinator/coordinator_service.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cluster/shard_router.h"
#include "common/grpc_status.h"
#include "docsearch/v1/shard_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "query_service/coordinator/search_merger.h"
#include "query_service/search/shard_statistics.h"

namespace docsearch::query {
namespace {

using docsearch::v1::CollectionStatisticsMessage;
using docsearch::v1::GetTermStatisticsRequest;
using docsearch::v1::GetTermStatisticsResponse;
using docsearch::v1::SearchShardRequest;
using docsearch::v1::SearchShardResponse;

// The first error of `results`, or OK.
template <typename T>
absl::Status FirstError(const std::vector<absl::StatusOr<T>>& results) {
  for (const auto& result : results) {
    if (!result.ok()) return result.status();
  }
  return absl::OkStatus();
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
    const docsearch::v1::SearchRequest& request, absl::Time deadline) const {
  const absl::Time started = absl::Now();
  const uint32_t shard_count = caller_->directory()->shard_count();
  // Shards left out (allow_partial) because no replica of theirs answered.
  std::vector<bool> missing(shard_count, false);
  // The first failure that decides the search: any, or with allow_partial
  // only one that is not UNAVAILABLE (a bad request) or that leaves no
  // shard at all. Other failed shards become missing.
  auto settle = [&](const auto& results) -> absl::Status {
    absl::Status first_unavailable;
    for (uint32_t shard = 0; shard < shard_count; ++shard) {
      if (missing[shard] || results[shard].ok()) continue;
      const absl::Status& failed = results[shard].status();
      if (!request.allow_partial() || !absl::IsUnavailable(failed)) return failed;
      missing[shard] = true;
      if (first_unavailable.ok()) first_unavailable = failed;
    }
    if (std::find(missing.begin(), missing.end(), false) == missing.end()) {
      return first_unavailable.ok() ? absl::UnavailableError("no shard answered; retry later")
                                    : first_unavailable;
    }
    return absl::OkStatus();
  };
  // Phase 1: each shard's statistics for the query's terms.
  auto term_statistics =
      [&](uint32_t shard,
          const std::string& main_language) -> absl::StatusOr<CollectionStatisticsMessage> {
    GetTermStatisticsRequest phase1;
    *phase1.mutable_search() = request;
    phase1.set_main_language(main_language);
    absl::StatusOr<GetTermStatisticsResponse> answer = caller_->Call<GetTermStatisticsResponse>(
        shard, deadline,
        [&](const std::shared_ptr<grpc::Channel>& channel, grpc::ClientContext& context,
            GetTermStatisticsResponse* response) {
          return docsearch::v1::ShardService::NewStub(channel)->GetTermStatistics(&context, phase1,
                                                                                  response);
        });
    if (!answer.ok()) return answer.status();
    return answer->statistics();
  };
  std::vector<absl::StatusOr<CollectionStatisticsMessage>> per_shard(shard_count);
  ForEachShard(shard_count, [&](uint32_t shard) { per_shard[shard] = term_statistics(shard, ""); });
  if (absl::Status failed = settle(per_shard); !failed.ok()) return failed;
  auto sum = [&] {
    CollectionStatisticsMessage global;
    for (uint32_t shard = 0; shard < shard_count; ++shard) {
      if (!missing[shard]) AddStatistics(*per_shard[shard], &global);
    }
    return global;
  };
  CollectionStatisticsMessage global = sum();
  // A shard whose own main language is not the collection's analyzed the
  // query differently (other stems): ask it again with the collection's.
  const std::string main_language = MainLanguageOf(global);
  std::vector<uint32_t> again;
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (!missing[shard] && MainLanguageOf(*per_shard[shard]) != main_language) {
      again.push_back(shard);
    }
  }
  if (!again.empty()) {
    ForEachShard(static_cast<uint32_t>(again.size()), [&](uint32_t k) {
      per_shard[again[k]] = term_statistics(again[k], main_language);
    });
    if (absl::Status failed = settle(per_shard); !failed.ok()) return failed;
    global = sum();
  }

  // Phase 2: each shard's page, scored with the global statistics.
  SearchShardRequest phase2;
  *phase2.mutable_search() = ShardRequestFor(request, options_.max_facet_size);
  *phase2.mutable_statistics() = global;
  std::vector<absl::StatusOr<docsearch::v1::SearchResponse>> pages(shard_count);
  ForEachShard(shard_count, [&](uint32_t shard) {
    if (missing[shard]) return;
    absl::StatusOr<SearchShardResponse> answer = caller_->Call<SearchShardResponse>(
        shard, deadline,
        [&](const std::shared_ptr<grpc::Channel>& channel, grpc::ClientContext& context,
            SearchShardResponse* response) {
          return docsearch::v1::ShardService::NewStub(channel)->SearchShard(&context, phase2,
                                                                            response);
        });
    if (answer.ok()) {
      pages[shard] = std::move(*answer->mutable_search());
    } else {
      pages[shard] = answer.status();
    }
  });
  if (absl::Status failed = settle(pages); !failed.ok()) return failed;
  std::vector<docsearch::v1::SearchResponse> responses;
  responses.reserve(shard_count);
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (!missing[shard]) responses.push_back(*std::move(pages[shard]));
  }
  docsearch::v1::SearchResponse merged = MergeSearchResponses(request, std::move(responses));
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (missing[shard]) merged.add_missing_shards(shard);
  }
  *merged.mutable_took() = google::protobuf::util::TimeUtil::NanosecondsToDuration(
      absl::ToInt64Nanoseconds(absl::Now() - started));
  return merged;
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
  absl::StatusOr<docsearch::v1::SearchResponse> result =
      SearchShards(*request, DeadlineOf(*context));
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
          [&](const std::shared_ptr<grpc::Channel>& channel, grpc::ClientContext& call_context,
              docsearch::v1::GetDocumentResponse* out) {
            return docsearch::v1::QueryService::NewStub(channel)->GetDocument(&call_context,
                                                                              *request, out);
          });
  if (answer.ok()) *response = *std::move(answer);
  reactor->Finish(ToGrpcStatus(answer.status()));
  return reactor;
}

grpc::ServerUnaryReactor* CoordinatorService::GetIndexStats(
    grpc::CallbackServerContext* context, const docsearch::v1::GetIndexStatsRequest* request,
    docsearch::v1::GetIndexStatsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  const uint32_t shard_count = caller_->directory()->shard_count();
  const absl::Time deadline = DeadlineOf(*context);
  std::vector<absl::StatusOr<docsearch::v1::GetIndexStatsResponse>> stats(shard_count);
  ForEachShard(shard_count, [&](uint32_t shard) {
    stats[shard] = caller_->Call<docsearch::v1::GetIndexStatsResponse>(
        shard, deadline,
        [&](const std::shared_ptr<grpc::Channel>& channel, grpc::ClientContext& call_context,
            docsearch::v1::GetIndexStatsResponse* out) {
          return docsearch::v1::QueryService::NewStub(channel)->GetIndexStats(&call_context,
                                                                              *request, out);
        });
  });
  if (absl::Status failed = FirstError(stats); !failed.ok()) {
    reactor->Finish(ToGrpcStatus(failed));
    return reactor;
  }
  std::map<std::string, int64_t> doc_types;
  for (const auto& shard : stats) {
    response->set_document_count(response->document_count() + shard->document_count());
    // Terms shared by shards count once per shard: an upper bound.
    response->set_term_count(response->term_count() + shard->term_count());
    response->set_posting_count(response->posting_count() + shard->posting_count());
    response->set_text_bytes(response->text_bytes() + shard->text_bytes());
    response->set_memory_bytes(response->memory_bytes() + shard->memory_bytes());
    response->set_segment_count(response->segment_count() + shard->segment_count());
    for (const auto& entry : shard->doc_type_counts()) doc_types[entry.value()] += entry.count();
    auto earlier = [](const docsearch::v1::Date& a, const docsearch::v1::Date& b) {
      return std::make_tuple(a.year(), a.month(), a.day()) <
             std::make_tuple(b.year(), b.month(), b.day());
    };
    if (shard->has_earliest_published() &&
        (!response->has_earliest_published() ||
         earlier(shard->earliest_published(), response->earliest_published()))) {
      *response->mutable_earliest_published() = shard->earliest_published();
    }
    if (shard->has_latest_published() &&
        (!response->has_latest_published() ||
         earlier(response->latest_published(), shard->latest_published()))) {
      *response->mutable_latest_published() = shard->latest_published();
    }
  }
  std::vector<std::pair<std::string, int64_t>> counts(doc_types.begin(), doc_types.end());
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [value, count] : counts) {
    auto* entry = response->add_doc_type_counts();
    entry->set_value(value);
    entry->set_count(count);
  }
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

}  // namespace docsearch::query
