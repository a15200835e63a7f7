#include "query_service/coordinator/cluster_comparisons.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/analysis_languages.h"
#include "common/text_analyzer.h"
#include "common/utf8_text.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "docsearch/v1/shard_comparison.grpc.pb.h"
#include "query_service/compare/analyzed_text.h"
#include "query_service/compare/near_duplicates.h"
#include "query_service/compare/similar_finder.h"
#include "query_service/coordinator/cluster_duplicate_clusters.h"
#include "query_service/coordinator/shard_fan_out.h"

namespace docsearch::query {
namespace {

using docsearch::v1::ShardComparisonService;
namespace v1 = docsearch::v1;

// Statistics summed over the shards; a term not fetched yet counts as
// absent and is remembered, to be fetched.
class SummedStatistics final : public compare::TermStatistics {
 public:
  uint64_t DocumentCount() const override { return document_count_; }
  uint64_t DocumentFrequency(const std::string& term) const override {
    auto it = frequencies_.find(term);
    if (it != frequencies_.end()) return it->second;
    missing_.insert(term);
    return 0;
  }

  absl::btree_set<std::string> TakeMissing() const { return std::exchange(missing_, {}); }
  void Set(const std::string& term, uint64_t frequency) { frequencies_[term] = frequency; }
  void set_document_count(uint64_t count) { document_count_ = count; }

 private:
  uint64_t document_count_ = 0;
  absl::flat_hash_map<std::string, uint64_t> frequencies_;
  mutable absl::btree_set<std::string> missing_;
};

// "2001" or "2001-12" as a sortable number (year, or year * 12 + month - 1),
// as compare/term_trend.cc numbers periods.
std::optional<int> PeriodNumber(const std::string& name, v1::Interval interval) {
  int year = 0, month = 1;
  if (interval == v1::INTERVAL_YEAR) {
    if (!absl::SimpleAtoi(name, &year)) return std::nullopt;
    return year;
  }
  if (name.size() < 7 || !absl::SimpleAtoi(name.substr(0, name.size() - 3), &year) ||
      !absl::SimpleAtoi(name.substr(name.size() - 2), &month)) {
    return std::nullopt;
  }
  return year * 12 + month - 1;
}

std::string PeriodName(int period, v1::Interval interval) {
  if (interval == v1::INTERVAL_YEAR) return absl::StrCat(period);
  return absl::StrFormat("%04d-%02d", period / 12, period % 12 + 1);
}

}  // namespace

absl::StatusOr<v1::Document> ClusterComparisons::FetchDocument(const std::string& id,
                                                               const std::string& path,
                                                               absl::Time deadline) const {
  v1::GetDocumentRequest request;
  request.set_id(id);
  absl::StatusOr<v1::GetDocumentResponse> answer = CallOwner<v1::GetDocumentResponse>(
      *caller_, id, deadline, Rpc(&v1::QueryService::Stub::PrepareAsyncGetDocument, request));
  if (answer.status().code() == absl::StatusCode::kNotFound) {
    return absl::NotFoundError(
        absl::StrCat(path, ".id: no document with id '", TruncatedForMessage(id), "'"));
  }
  if (!answer.ok()) return answer.status();
  return std::move(*answer->mutable_document());
}

absl::StatusOr<compare::SideText> ClusterComparisons::ResolveSide(const v1::ComparisonSide& side,
                                                                  const std::string& path,
                                                                  absl::Time deadline) const {
  compare::SideText resolved;
  TextAnalyzer analyzer;
  switch (side.source_case()) {
    case v1::ComparisonSide::kId: {
      if (side.id().empty()) return absl::InvalidArgumentError(absl::StrCat(path, ".id is empty"));
      absl::StatusOr<v1::Document> stored = FetchDocument(side.id(), path, deadline);
      if (!stored.ok()) return stored.status();
      resolved.document = std::make_shared<const v1::Document>(*std::move(stored));
      resolved.analyzed = std::make_shared<const compare::AnalyzedText>(
          compare::AnalyzeDocument(*resolved.document, analyzer));
      return resolved;
    }
    case v1::ComparisonSide::kText:
      if (absl::StripAsciiWhitespace(side.text()).empty()) {
        return absl::InvalidArgumentError(absl::StrCat(path, ".text is empty"));
      }
      {
        absl::StatusOr<std::string> language =
            RequestedAnalysisLanguage(side.language(), path + ".language");
        if (!language.ok()) return language.status();
        resolved.analyzed = std::make_shared<const compare::AnalyzedText>(
            compare::AnalyzeRawText(side.text(), *language, analyzer));
      }
      return resolved;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(path, " needs an id or a text (e.g. {\"id\": \"...\"})"));
  }
}

absl::Status ClusterComparisons::WithClusterStatistics(
    absl::Time deadline, const std::function<void(const compare::TermStatistics&)>& work,
    v1::CollectionStatisticsMessage* totals) const {
  SummedStatistics statistics;
  bool fetched = false;
  // A second fetch is needed only when weights fetched change which terms
  // the work looks up (phrases chosen by idf); a few rounds settle it.
  for (int round = 0; round < 4; ++round) {
    work(statistics);
    const absl::btree_set<std::string> missing = statistics.TakeMissing();
    if (missing.empty() && fetched) return absl::OkStatus();
    v1::GetDocumentFrequenciesRequest request;
    for (const std::string& term : missing) request.add_terms(term);
    absl::StatusOr<std::vector<v1::GetDocumentFrequenciesResponse>> answers =
        CallEveryShard<v1::GetDocumentFrequenciesResponse>(
            *caller_, deadline,
            Rpc(&ShardComparisonService::Stub::PrepareAsyncGetDocumentFrequencies, request));
    if (!answers.ok()) return answers.status();
    uint64_t documents = 0, title_length = 0, body_length = 0;
    std::vector<uint64_t> frequencies(static_cast<size_t>(request.terms_size()), 0);
    for (const auto& answer : *answers) {
      if (answer.document_frequencies_size() != request.terms_size()) {
        return absl::InternalError("a shard answered document frequencies for other terms");
      }
      documents += answer.document_count();
      title_length += answer.title_total_length();
      body_length += answer.body_total_length();
      for (int i = 0; i < request.terms_size(); ++i) {
        frequencies[static_cast<size_t>(i)] += answer.document_frequencies(i);
      }
    }
    for (int i = 0; i < request.terms_size(); ++i) {
      statistics.Set(request.terms(i), frequencies[static_cast<size_t>(i)]);
    }
    statistics.set_document_count(documents);
    if (totals != nullptr) {
      totals->set_document_count(documents);
      totals->set_title_total_length(title_length);
      totals->set_body_total_length(body_length);
    }
    fetched = true;
  }
  return absl::InternalError("the terms to weigh did not settle after 4 rounds");
}

absl::StatusOr<v1::CompareDocumentsResponse> ClusterComparisons::CompareDocuments(
    const v1::CompareDocumentsRequest& request, absl::Time deadline) const {
  absl::StatusOr<compare::CompareOptions> options = compare::CompareOptionsOf(request);
  if (!options.ok()) return options.status();
  absl::StatusOr<compare::SideText> a = ResolveSide(request.a(), "a", deadline);
  if (!a.ok()) return a.status();
  absl::StatusOr<compare::SideText> b = ResolveSide(request.b(), "b", deadline);
  if (!b.ok()) return b.status();
  v1::CompareDocumentsResponse response;
  absl::Status done =
      WithClusterStatistics(deadline, [&](const compare::TermStatistics& statistics) {
        response = compare::CompareSides(*a, *b, statistics, *options);
      });
  if (!done.ok()) return done;
  return response;
}

absl::StatusOr<v1::FindSimilarResponse> ClusterComparisons::FindSimilar(
    const v1::FindSimilarRequest& request, absl::Time deadline) const {
  if (absl::Status valid = compare::ValidateFindSimilar(request); !valid.ok()) return valid;
  absl::StatusOr<compare::SideText> source = ResolveSide(request.like(), "like", deadline);
  if (!source.ok()) return source.status();
  const int max_results = request.max_results() == 0 ? 10 : request.max_results();
  const size_t max_terms = request.max_query_terms() == 0 ? 25 : request.max_query_terms();
  std::vector<compare::SimilarTerm> terms;
  v1::FindSimilarShardRequest shard_request;
  absl::Status weighed = WithClusterStatistics(
      deadline,
      [&](const compare::TermStatistics& statistics) {
        terms = compare::ChooseSimilarTerms(source->text(), statistics, max_terms);
      },
      shard_request.mutable_statistics());
  if (!weighed.ok()) return weighed;

  for (const compare::SimilarTerm& term : terms) {
    auto* out = shard_request.add_terms();
    out->set_term(term.term);
    out->set_surface(term.surface);
    out->set_weight(term.weight);
  }
  if (request.has_filter()) *shard_request.mutable_filter() = request.filter();
  shard_request.set_max_results(max_results);
  if (source->document != nullptr) shard_request.set_exclude_id(source->document->id());
  absl::StatusOr<std::vector<v1::FindSimilarShardResponse>> pages =
      CallEveryShard<v1::FindSimilarShardResponse>(
          *caller_, deadline,
          Rpc(&ShardComparisonService::Stub::PrepareAsyncFindSimilarShard, shard_request));
  if (!pages.ok()) return pages.status();

  v1::FindSimilarResponse response;
  for (const compare::SimilarTerm& term : terms) response.add_query_terms(term.surface);
  std::vector<v1::SimilarHit> hits;
  for (auto& page : *pages) {
    response.set_total_size(response.total_size() + page.similar().total_size());
    for (auto& hit : *page.mutable_similar()->mutable_hits()) hits.push_back(std::move(hit));
  }
  std::sort(hits.begin(), hits.end(), [](const v1::SimilarHit& x, const v1::SimilarHit& y) {
    return x.score() != y.score() ? x.score() > y.score() : x.id() < y.id();
  });
  for (size_t i = 0; i < hits.size() && i < static_cast<size_t>(max_results); ++i) {
    *response.add_hits() = std::move(hits[i]);
  }
  return response;
}

absl::StatusOr<v1::TermTrendResponse> ClusterComparisons::TermTrend(
    const v1::TermTrendRequest& request, absl::Time deadline) const {
  absl::StatusOr<std::vector<v1::TermTrendResponse>> answers =
      CallEveryShard<v1::TermTrendResponse>(
          *caller_, deadline, Rpc(&v1::QueryService::Stub::PrepareAsyncTermTrend, request));
  if (!answers.ok()) return answers.status();
  v1::TermTrendResponse merged;
  for (int s = 0; s < request.terms_size(); ++s) {
    v1::TermSeries* series = merged.add_series();
    // Each shard reports every period from its own earliest to its latest
    // dated document; the sum spans all of them, zeros where none had any.
    std::map<int, v1::TrendPoint> points;
    for (const v1::TermTrendResponse& answer : *answers) {
      if (answer.series_size() != request.terms_size()) {
        return absl::InternalError("a shard answered a trend for other terms");
      }
      const v1::TermSeries& part = answer.series(s);
      series->set_term(part.term());
      series->set_key(part.key());
      series->set_undated_documents(series->undated_documents() + part.undated_documents());
      for (const v1::TrendPoint& point : part.points()) {
        std::optional<int> period = PeriodNumber(point.period(), request.interval());
        if (!period.has_value()) {
          return absl::InternalError(
              absl::StrCat("a shard answered period '", point.period(), "'"));
        }
        v1::TrendPoint& sum = points[*period];
        sum.set_documents(sum.documents() + point.documents());
        sum.set_occurrences(sum.occurrences() + point.occurrences());
        sum.set_period_documents(sum.period_documents() + point.period_documents());
      }
    }
    if (points.empty()) continue;
    for (int period = points.begin()->first; period <= points.rbegin()->first; ++period) {
      v1::TrendPoint* point = series->add_points();
      auto it = points.find(period);
      if (it != points.end()) *point = it->second;
      point->set_period(PeriodName(period, request.interval()));
    }
  }
  return merged;
}

absl::StatusOr<v1::FindNearDuplicatesResponse> ClusterComparisons::FindNearDuplicates(
    const v1::FindNearDuplicatesRequest& request, absl::Time deadline) const {
  if (absl::Status valid = compare::ValidateNearDuplicates(request); !valid.ok()) return valid;
  if (!request.pairs()) return ListClustersAcrossShards(*caller_, request, deadline);
  compare::NearDuplicateCandidates candidates;
  if (request.min_resemblance() > 0) candidates.threshold = request.min_resemblance();
  if (request.max_results() > 0) candidates.max_results = request.max_results();
  auto fingerprints = [](const v1::GetFingerprintsRequest& shard_request) {
    return Rpc(&ShardComparisonService::Stub::PrepareAsyncGetFingerprints, shard_request);
  };
  v1::GetFingerprintsRequest broadcast;
  if (request.has_filter()) *broadcast.mutable_filter() = request.filter();
  if (!request.id().empty()) {
    // The requested document first, whatever the filter; the shards return
    // only the documents near it.
    v1::GetFingerprintsRequest source_request;
    source_request.add_ids(request.id());
    absl::StatusOr<v1::GetFingerprintsResponse> source = CallOwner<v1::GetFingerprintsResponse>(
        *caller_, request.id(), deadline, fingerprints(source_request));
    if (!source.ok()) return source.status();
    if (source->entries_size() != 1)
      return absl::InternalError("the owner answered no fingerprint");
    candidates.has_source = true;
    candidates.entries.push_back({request.id(), 0, source->entries(0).fingerprint(), std::nullopt});
    *broadcast.mutable_near() = source->entries(0).fingerprint();
    broadcast.set_min_resemblance(candidates.threshold);
    broadcast.set_exclude_id(request.id());
  }
  absl::StatusOr<std::vector<v1::GetFingerprintsResponse>> answers =
      CallEveryShard<v1::GetFingerprintsResponse>(*caller_, deadline, fingerprints(broadcast));
  if (!answers.ok()) return answers.status();
  for (auto& answer : *answers) {
    for (auto& entry : *answer.mutable_entries()) {
      candidates.entries.push_back(
          {entry.id(), 0, std::move(*entry.mutable_fingerprint()), std::nullopt});
    }
  }
  v1::FindNearDuplicatesResponse response = compare::FindNearDuplicatePairs(candidates);
  if (response.pairs().empty()) return response;

  // Titles of the pairs shown, from their shards.
  const uint32_t shard_count = caller_->directory()->shard_count();
  std::vector<v1::BatchGetDocumentsRequest> reads(shard_count);
  absl::flat_hash_map<std::string, std::string> titles;
  for (const auto& pair : response.pairs()) {
    for (const std::string* id : {&pair.id_a(), &pair.id_b()}) {
      if (!titles.emplace(*id, "").second) continue;
      v1::BatchGetDocumentsRequest& read = reads[cluster::ShardOf(*id, shard_count)];
      if (read.ids().empty()) {
        read.mutable_field_mask()->add_paths("id");
        read.mutable_field_mask()->add_paths("title");
      }
      read.add_ids(*id);
    }
  }
  absl::StatusOr<std::vector<v1::BatchGetDocumentsResponse>> read =
      CallEveryShard<v1::BatchGetDocumentsResponse>(
          *caller_, deadline, [&](uint32_t shard) -> StubCall<v1::BatchGetDocumentsResponse> {
            if (reads[shard].ids().empty()) return NoRpc<v1::BatchGetDocumentsResponse>();
            return Rpc(&v1::QueryService::Stub::PrepareAsyncBatchGetDocuments, reads[shard]);
          });
  if (!read.ok()) return read.status();
  for (const auto& answer : *read) {
    for (const auto& document : answer.documents()) titles[document.id()] = document.title();
  }
  for (auto& pair : *response.mutable_pairs()) {
    pair.set_title_a(titles[pair.id_a()]);
    pair.set_title_b(titles[pair.id_b()]);
  }
  return response;
}

}  // namespace docsearch::query
