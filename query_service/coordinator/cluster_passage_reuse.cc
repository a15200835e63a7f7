#include "query_service/coordinator/cluster_passage_reuse.h"

#include <algorithm>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cluster/shard_router.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "query_service/compare/passage_reuse.h"
#include "query_service/index/field_schema.h"

namespace docsearch::query {
namespace {

using docsearch::v1::FindPassageReuseRequest;
using docsearch::v1::FindPassageReuseResponse;
using docsearch::v1::PassageReuse;

absl::StatusOr<FindPassageReuseResponse> AskShard(const ShardCaller& caller, uint32_t shard,
                                                  const FindPassageReuseRequest& request,
                                                  absl::Time deadline) {
  return caller.Call<FindPassageReuseResponse>(
      shard, deadline,
      Rpc(&docsearch::v1::QueryService::Stub::PrepareAsyncFindPassageReuse, request));
}

// Days of `reuse`'s published date; undated after every date.
int DaysOf(const PassageReuse& reuse) {
  int days = 0;
  if (!reuse.has_published() || !DateToDays(reuse.published(), &days)) {
    return std::numeric_limits<int>::max();
  }
  return days;
}

}  // namespace

absl::StatusOr<FindPassageReuseResponse> FindPassageReuseAcrossShards(
    const ShardCaller& caller, const FindPassageReuseRequest& request, absl::Time deadline) {
  const uint32_t shard_count = caller.directory()->shard_count();
  std::vector<absl::StatusOr<FindPassageReuseResponse>> answers(shard_count);
  if (request.has_passage() && !request.passage().id().empty()) {
    const uint32_t owner = cluster::ShardOf(request.passage().id(), shard_count);
    answers[owner] = AskShard(caller, owner, request, deadline);
    if (!answers[owner].ok()) return answers[owner].status();
    // The owner accepted the passage: the others look for its text.
    docsearch::v1::GetDocumentRequest get;
    get.set_id(request.passage().id());
    absl::StatusOr<docsearch::v1::GetDocumentResponse> stored =
        caller.Call<docsearch::v1::GetDocumentResponse>(
            owner, deadline, Rpc(&docsearch::v1::QueryService::Stub::PrepareAsyncGetDocument, get));
    if (!stored.ok()) return stored.status();
    const int paragraph = request.passage().paragraph_index();
    if (paragraph < 0 || paragraph >= stored->document().paragraphs_size()) {
      // Replaced between the two reads: ask again.
      return absl::UnavailableError(absl::StrCat("passage.id: document '", request.passage().id(),
                                                 "' changed while it was looked for; retry"));
    }
    FindPassageReuseRequest by_text = request;
    by_text.set_text(stored->document().paragraphs(paragraph).text());
    std::vector<uint32_t> others;
    for (uint32_t shard = 0; shard < shard_count; ++shard) {
      if (shard != owner) others.push_back(shard);
    }
    std::vector<absl::StatusOr<FindPassageReuseResponse>> found =
        caller.CallShards<FindPassageReuseResponse>(others, deadline, [&](size_t) {
          return Rpc(&docsearch::v1::QueryService::Stub::PrepareAsyncFindPassageReuse, by_text);
        });
    for (size_t k = 0; k < others.size(); ++k) answers[others[k]] = std::move(found[k]);
  } else {
    // A text, or a request one node refuses (every shard refuses it alike).
    answers =
        caller.CallShards<FindPassageReuseResponse>(AllShards(shard_count), deadline, [&](size_t) {
          return Rpc(&docsearch::v1::QueryService::Stub::PrepareAsyncFindPassageReuse, request);
        });
  }
  FindPassageReuseResponse merged;
  std::vector<PassageReuse> passages;
  for (absl::StatusOr<FindPassageReuseResponse>& answer : answers) {
    if (!answer.ok()) return answer.status();
    merged.set_candidates_checked(merged.candidates_checked() + answer->candidates_checked());
    for (PassageReuse& reuse : *answer->mutable_passages()) passages.push_back(std::move(reuse));
  }
  std::vector<int> days;
  std::vector<size_t> order(passages.size());
  for (size_t i = 0; i < passages.size(); ++i) {
    order[i] = i;
    days.push_back(DaysOf(passages[i]));
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::forward_as_tuple(days[a], passages[a].id(), passages[a].paragraph_index()) <
           std::forward_as_tuple(days[b], passages[b].id(), passages[b].paragraph_index());
  });
  const size_t max_results = static_cast<size_t>(
      request.max_results() == 0 ? compare::kDefaultReuseResults : request.max_results());
  if (order.size() > max_results) order.resize(max_results);
  for (size_t i : order) {
    PassageReuse* reuse = merged.add_passages();
    *reuse = std::move(passages[i]);
    reuse->set_first_known_source(merged.passages_size() == 1);
  }
  return merged;
}

}  // namespace docsearch::query
