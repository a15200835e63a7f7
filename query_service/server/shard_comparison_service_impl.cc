#include "query_service/server/shard_comparison_service_impl.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"
#include "common/text_analyzer.h"
#include "query_service/compare/language_twins.h"
#include "query_service/compare/near_duplicate_lookup.h"
#include "query_service/compare/shard_comparisons.h"
#include "query_service/compare/similar_finder.h"

namespace docsearch::query {

template <typename Response, typename Work>
grpc::ServerUnaryReactor* ShardComparisonServiceImpl::Answer(grpc::CallbackServerContext* context,
                                                             Response* response, Work&& work) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (!ready_()) {
    reactor->Finish(grpc::Status(
        grpc::StatusCode::UNAVAILABLE,
        "replica is recovering or catching up with its shards; retry on another replica"));
    return reactor;
  }
  absl::StatusOr<Response> result = work();
  if (result.ok()) *response = *std::move(result);
  reactor->Finish(ToGrpcStatus(result.status()));
  return reactor;
}

grpc::ServerUnaryReactor* ShardComparisonServiceImpl::GetDocumentFrequencies(
    grpc::CallbackServerContext* context,
    const docsearch::v1::GetDocumentFrequenciesRequest* request,
    docsearch::v1::GetDocumentFrequenciesResponse* response) {
  return Answer(context, response,
                [&]() -> absl::StatusOr<docsearch::v1::GetDocumentFrequenciesResponse> {
                  return index_->Read([&](IndexSnapshot data) {
                    docsearch::v1::GetDocumentFrequenciesResponse out;
                    out.set_document_count(data->live_count());
                    out.set_title_total_length(data->title().live_total_length);
                    out.set_body_total_length(data->body().live_total_length);
                    for (const std::string& term : request->terms()) {
                      out.add_document_frequencies(data->body().DocumentFrequency(term));
                    }
                    return out;
                  });
                });
}

grpc::ServerUnaryReactor* ShardComparisonServiceImpl::FindSimilarShard(
    grpc::CallbackServerContext* context, const docsearch::v1::FindSimilarShardRequest* request,
    docsearch::v1::FindSimilarShardResponse* response) {
  return Answer(
      context, response, [&]() -> absl::StatusOr<docsearch::v1::FindSimilarShardResponse> {
        if (request->max_results() < 1 || request->max_results() > compare::kMaxSimilarResults) {
          return absl::InvalidArgumentError(absl::StrCat("max_results ", request->max_results(),
                                                         " is outside 1..",
                                                         compare::kMaxSimilarResults));
        }
        std::vector<compare::SimilarTerm> terms;
        for (const auto& term : request->terms()) {
          terms.push_back({term.term(), term.surface(), term.weight()});
        }
        const compare::SimilarStatistics statistics{request->statistics().document_count(),
                                                    request->statistics().title_total_length(),
                                                    request->statistics().body_total_length()};
        TextAnalyzer analyzer;
        absl::StatusOr<docsearch::v1::FindSimilarResponse> similar =
            index_->Read([&](IndexSnapshot data) {
              std::optional<DocId> exclude;
              if (!request->exclude_id().empty()) exclude = data->FindDoc(request->exclude_id());
              return compare::ScoreSimilar(
                  terms, request->has_filter() ? &request->filter() : nullptr, exclude,
                  static_cast<size_t>(request->max_results()), statistics, data, analyzer,
                  index_->options().query_limits, index_->options().scoring);
            });
        if (!similar.ok()) return similar.status();
        docsearch::v1::FindSimilarShardResponse out;
        *out.mutable_similar() = *std::move(similar);
        return out;
      });
}

grpc::ServerUnaryReactor* ShardComparisonServiceImpl::TallySets(
    grpc::CallbackServerContext* context, const docsearch::v1::TallySetsRequest* request,
    docsearch::v1::TallySetsResponse* response) {
  return Answer(context, response, [&]() -> absl::StatusOr<docsearch::v1::TallySetsResponse> {
    TextAnalyzer analyzer;
    return index_->Read([&](IndexSnapshot data) {
      return compare::TallySets(*request, data, analyzer, index_->options().query_limits);
    });
  });
}

grpc::ServerUnaryReactor* ShardComparisonServiceImpl::GetFingerprints(
    grpc::CallbackServerContext* context, const docsearch::v1::GetFingerprintsRequest* request,
    docsearch::v1::GetFingerprintsResponse* response) {
  return Answer(context, response, [&]() -> absl::StatusOr<docsearch::v1::GetFingerprintsResponse> {
    TextAnalyzer analyzer;
    return index_->Read([&](IndexSnapshot data) {
      return compare::ShardFingerprints(*request, data, analyzer, index_->options().query_limits);
    });
  });
}

grpc::ServerUnaryReactor* ShardComparisonServiceImpl::ListTwinsShard(
    grpc::CallbackServerContext* context, const docsearch::v1::ListTwinsShardRequest* request,
    docsearch::v1::ListTwinsShardResponse* response) {
  return Answer(context, response, [&]() -> absl::StatusOr<docsearch::v1::ListTwinsShardResponse> {
    return index_->Read(
        [&](IndexSnapshot data) { return compare::ListTwinsShard(*request, std::move(data)); });
  });
}

grpc::ServerUnaryReactor* ShardComparisonServiceImpl::GetNearDuplicates(
    grpc::CallbackServerContext* context, const docsearch::v1::GetNearDuplicatesRequest* request,
    docsearch::v1::GetNearDuplicatesResponse* response) {
  return Answer(context, response,
                [&]() -> absl::StatusOr<docsearch::v1::GetNearDuplicatesResponse> {
                  return index_->Read([&](IndexSnapshot data) {
                    return compare::LookUpNearDuplicates(*request, std::move(data));
                  });
                });
}

}  // namespace docsearch::query
