#include "query_service/coordinator/cluster_set_comparison.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "docsearch/v1/shard_comparison.grpc.pb.h"
#include "query_service/compare/set_comparer.h"
#include "query_service/coordinator/shard_fan_out.h"

namespace docsearch::query {
namespace {

namespace v1 = docsearch::v1;

struct Summed {
  int64_t documents[2] = {0, 0};
  int64_t occurrences[2] = {0, 0};
  absl::flat_hash_map<std::string, int64_t> surfaces;  // Form → documents using it.
};

using SummedTallies = absl::flat_hash_map<std::string, Summed>;

void Add(const google::protobuf::RepeatedPtrField<v1::SetTally>& tallies, SummedTallies* sums) {
  for (const v1::SetTally& tally : tallies) {
    Summed& sum = (*sums)[tally.key()];
    sum.documents[0] += tally.documents_a();
    sum.documents[1] += tally.documents_b();
    sum.occurrences[0] += tally.occurrences_a();
    sum.occurrences[1] += tally.occurrences_b();
    for (const auto& surface : tally.surfaces())
      sum.surfaces[surface.text()] += surface.documents();
  }
}

// As set_comparer.cc ranks: the side where the key is in a larger share of
// the documents, by G², then key.
void Rank(const SummedTallies& sums, int64_t n_a, int64_t n_b, size_t max_terms,
          google::protobuf::RepeatedPtrField<v1::SignificantTerm>* out_a,
          google::protobuf::RepeatedPtrField<v1::SignificantTerm>* out_b) {
  std::vector<v1::SignificantTerm> sides[2];
  for (const auto& [key, sum] : sums) {
    const int64_t k_a = sum.documents[0], k_b = sum.documents[1];
    if (k_a * n_b == k_b * n_a) continue;
    v1::SignificantTerm term;
    // The form most documents use; ties: the smallest.
    int64_t best = 0;
    const std::string* text = nullptr;
    for (const auto& [form, documents] : sum.surfaces) {
      if (documents > best || (documents == best && form < *text)) best = documents, text = &form;
    }
    if (text != nullptr) term.set_text(*text);
    term.set_key(key);
    term.set_documents_a(k_a);
    term.set_documents_b(k_b);
    term.set_occurrences_a(sum.occurrences[0]);
    term.set_occurrences_b(sum.occurrences[1]);
    term.set_score(compare::LogLikelihoodRatio(k_a, n_a, k_b, n_b));
    sides[k_a * n_b > k_b * n_a ? 0 : 1].push_back(std::move(term));
  }
  for (int side = 0; side < 2; ++side) {
    std::vector<v1::SignificantTerm>& list = sides[side];
    std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
      return x.score() != y.score() ? x.score() > y.score() : x.key() < y.key();
    });
    auto* out = side == 0 ? out_a : out_b;
    for (size_t i = 0; i < list.size() && i < max_terms; ++i) *out->Add() = std::move(list[i]);
  }
}

absl::StatusOr<std::vector<v1::TallySetsResponse>> TallyEveryShard(
    const ShardCaller& caller, absl::Time deadline,
    const std::function<v1::TallySetsRequest(uint32_t shard)>& request_for) {
  const uint32_t shard_count = caller.directory()->shard_count();
  std::vector<v1::TallySetsRequest> requests;
  for (uint32_t shard = 0; shard < shard_count; ++shard) requests.push_back(request_for(shard));
  return CallEveryShard<v1::TallySetsResponse>(
      caller, deadline, [&](uint32_t shard) -> StubCall<v1::TallySetsResponse> {
        return Rpc(&v1::ShardComparisonService::Stub::PrepareAsyncTallySets, requests[shard]);
      });
}

// One kind's keys (terms or phrases) across the rounds.
struct Kind {
  SummedTallies sums;                   // Keys counted on every shard.
  absl::btree_set<std::string> wanted;  // Keys to count next.
  std::vector<int64_t> unreturned[2];   // Round one's bounds, by side and shard.
};

// Asks every shard for the exact counts of each kind's wanted keys on its
// part of the sample, adds them to the kind's sums and the sizes to
// `response`.
template <typename RequestWith>
absl::Status CountWanted(const ShardCaller& caller, absl::Time deadline,
                         const std::vector<int64_t> (&samples)[2], const RequestWith& request_with,
                         Kind (&kinds)[2], v1::CompareSetsResponse* response) {
  absl::StatusOr<std::vector<v1::TallySetsResponse>> answers =
      TallyEveryShard(caller, deadline, [&](uint32_t shard) {
        v1::TallySetsRequest shard_request = request_with(samples[0][shard], samples[1][shard]);
        for (const std::string& key : kinds[0].wanted) shard_request.mutable_terms()->add_keys(key);
        for (const std::string& key : kinds[1].wanted) {
          shard_request.mutable_phrases()->add_keys(key);
        }
        return shard_request;
      });
  if (!answers.ok()) return answers.status();
  for (const auto& answer : *answers) {
    response->set_documents_a(response->documents_a() + answer.matching_a());
    response->set_documents_b(response->documents_b() + answer.matching_b());
    response->set_analyzed_a(response->analyzed_a() + answer.analyzed_a());
    response->set_analyzed_b(response->analyzed_b() + answer.analyzed_b());
    Add(answer.terms().tallies(), &kinds[0].sums);
    Add(answer.phrases().tallies(), &kinds[1].sums);
  }
  // A wanted key no shard holds (gone since round one) counts as nothing.
  for (Kind& kind : kinds) kind.wanted.clear();
  return absl::OkStatus();
}

// The fewest documents of `side` a key absent from `sums` would need to
// reach the list of that side (score at least the max_terms-th one, which
// may then win on its key); nullopt when none could.
std::optional<int64_t> LeastCompetingDocuments(const SummedTallies& sums, int64_t n_a, int64_t n_b,
                                               int side, size_t max_terms) {
  std::vector<double> scores;
  for (const auto& [key, sum] : sums) {
    const int64_t k_a = sum.documents[0], k_b = sum.documents[1];
    if (k_a * n_b == k_b * n_a || (k_a * n_b > k_b * n_a ? 0 : 1) != side) continue;
    scores.push_back(compare::LogLikelihoodRatio(k_a, n_a, k_b, n_b));
  }
  double floor = 0;
  if (scores.size() >= max_terms) {
    std::nth_element(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(max_terms - 1),
                     scores.end(), std::greater<double>());
    floor = scores[max_terms - 1];
  }
  const int64_t n = side == 0 ? n_a : n_b;
  for (int64_t k = 1; k <= n; ++k) {
    // The best a key in k documents of the side can score: in none of the
    // other side's.
    const double best = side == 0 ? compare::LogLikelihoodRatio(k, n_a, 0, n_b)
                                  : compare::LogLikelihoodRatio(0, n_a, k, n_b);
    if (best >= floor) return k;
  }
  return std::nullopt;
}

}  // namespace

std::vector<int64_t> SplitSample(const std::vector<int64_t>& matching, int64_t total) {
  int64_t all = 0;
  for (int64_t m : matching) all += m;
  if (all <= total) return matching;
  std::vector<int64_t> parts(matching.size());
  std::vector<std::pair<int64_t, size_t>> remainders;  // (remainder, shard)
  int64_t given = 0;
  for (size_t s = 0; s < matching.size(); ++s) {
    // Matches per shard < 2^32 and total <= kMaxSetDocuments: no overflow.
    const int64_t share = matching[s] * total;
    parts[s] = static_cast<int64_t>(share / all);
    remainders.push_back({static_cast<int64_t>(share % all), s});
    given += parts[s];
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  for (size_t i = 0; given < total && i < remainders.size(); ++i) {
    const size_t s = remainders[i].second;
    if (parts[s] < matching[s]) ++parts[s], ++given;
  }
  return parts;
}

absl::StatusOr<v1::CompareSetsResponse> CompareSetsAcrossShards(
    const ShardCaller& caller, const v1::CompareSetsRequest& request, absl::Time deadline) {
  const size_t max_terms = request.max_terms() > 0 ? request.max_terms() : 20;
  const uint32_t shard_count = caller.directory()->shard_count();
  auto request_with = [&](int64_t sample_a, int64_t sample_b) {
    v1::TallySetsRequest shard_request;
    *shard_request.mutable_sets() = request;
    shard_request.set_sample_a(sample_a);
    shard_request.set_sample_b(sample_b);
    return shard_request;
  };
  // Round one: each shard's keys in most documents of either side (the
  // shards validate the request: a bad one fails here).
  absl::StatusOr<std::vector<v1::TallySetsResponse>> first =
      TallyEveryShard(caller, deadline, [&](uint32_t) {
        v1::TallySetsRequest shard_request = request_with(-1, -1);
        const int32_t candidates = static_cast<int32_t>(kCandidateFactor * max_terms + 10);
        shard_request.mutable_terms()->set_candidates(candidates);
        shard_request.mutable_phrases()->set_candidates(candidates);
        return shard_request;
      });
  if (!first.ok()) return first.status();
  const int64_t max_documents =
      request.max_documents() > 0 ? request.max_documents() : compare::kDefaultSetDocuments;
  std::vector<int64_t> matching[2];
  Kind kinds[2];  // Terms, phrases.
  for (const auto& answer : *first) {
    matching[0].push_back(answer.matching_a());
    matching[1].push_back(answer.matching_b());
    for (int kind = 0; kind < 2; ++kind) {
      const v1::TallyList& list = kind == 0 ? answer.terms() : answer.phrases();
      for (const auto& tally : list.tallies()) kinds[kind].wanted.insert(tally.key());
      kinds[kind].unreturned[0].push_back(list.unreturned_documents_a());
      kinds[kind].unreturned[1].push_back(list.unreturned_documents_b());
    }
  }
  const std::vector<int64_t> samples[2] = {SplitSample(matching[0], max_documents),
                                           SplitSample(matching[1], max_documents)};
  // Round one tallied the same documents as the split when every match of
  // both sides fits in max_documents; otherwise its bounds do not apply.
  const bool same_samples = samples[0] == matching[0] && samples[1] == matching[1];

  // Round two: exact counts of every candidate on every shard's part.
  v1::CompareSetsResponse response;
  absl::Status counted = CountWanted(caller, deadline, samples, request_with, kinds, &response);
  if (!counted.ok()) return counted;
  const int64_t n[2] = {response.analyzed_a(), response.analyzed_b()};

  // Is any key left out able to enter a list? One with K documents of a
  // side scores at most G²(K, 0); a key in K documents overall is in at
  // least ceil(K / shards) of one shard's.
  bool complete = true;
  int64_t thresholds[2][2] = {{0, 0}, {0, 0}};  // [kind][side]: local documents to ask for.
  for (int kind = 0; kind < 2; ++kind) {
    for (int side = 0; side < 2; ++side) {
      const std::optional<int64_t> least =
          LeastCompetingDocuments(kinds[kind].sums, n[0], n[1], side, max_terms);
      if (!least.has_value()) continue;
      const int64_t local = (*least + shard_count - 1) / shard_count;
      bool bounded = same_samples;
      for (int64_t left_out : kinds[kind].unreturned[side]) bounded = bounded && left_out < local;
      if (!bounded) thresholds[kind][side] = local, complete = false;
    }
  }
  if (!complete) {
    // Round three: every key above the bound; round four: their exact
    // counts everywhere.
    absl::StatusOr<std::vector<v1::TallySetsResponse>> third =
        TallyEveryShard(caller, deadline, [&](uint32_t shard) {
          v1::TallySetsRequest shard_request = request_with(samples[0][shard], samples[1][shard]);
          for (int kind = 0; kind < 2; ++kind) {
            v1::TallySelection* selection =
                kind == 0 ? shard_request.mutable_terms() : shard_request.mutable_phrases();
            selection->set_min_documents_a(thresholds[kind][0]);
            selection->set_min_documents_b(thresholds[kind][1]);
            selection->set_keys_only(true);
          }
          return shard_request;
        });
    if (!third.ok()) return third.status();
    for (int kind = 0; kind < 2; ++kind) kinds[kind].wanted.clear();
    for (const auto& answer : *third) {
      for (int kind = 0; kind < 2; ++kind) {
        const v1::TallyList& list = kind == 0 ? answer.terms() : answer.phrases();
        for (const auto& tally : list.tallies()) {
          if (!kinds[kind].sums.contains(tally.key())) kinds[kind].wanted.insert(tally.key());
        }
      }
    }
    v1::CompareSetsResponse again;
    counted = CountWanted(caller, deadline, samples, request_with, kinds, &again);
    if (!counted.ok()) return counted;
  }
  Rank(kinds[0].sums, n[0], n[1], max_terms, response.mutable_terms_a(),
       response.mutable_terms_b());
  Rank(kinds[1].sums, n[0], n[1], max_terms, response.mutable_phrases_a(),
       response.mutable_phrases_b());
  return response;
}

}  // namespace docsearch::query
