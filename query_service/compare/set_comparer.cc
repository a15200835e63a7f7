#include "query_service/compare/set_comparer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "query_service/compare/analyzed_text.h"
#include "query_service/compare/phrase_extractor.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::CompareSetsRequest;
using docsearch::v1::CompareSetsResponse;
using docsearch::v1::SignificantTerm;

struct Tally {
  int64_t documents[2] = {0, 0};
  int64_t occurrences[2] = {0, 0};
  // Surface form → documents using it; ordered so ties pick the smallest.
  std::map<std::string, int> surfaces;
};

using Tallies = absl::flat_hash_map<std::string, Tally>;

double XLogX(double x) { return x > 0 ? x * std::log(x) : 0; }

// Analyzes the documents of one side into the term and phrase tallies.
void TallySide(const std::vector<docsearch::v1::Document>& documents, int side,
               TextAnalyzer& analyzer, Tallies& terms, Tallies& phrases) {
  for (const docsearch::v1::Document& document : documents) {
    const AnalyzedText text = AnalyzeDocument(document, analyzer);
    absl::flat_hash_map<std::string, std::pair<int, std::string>> seen;  // count, surface
    for (const Passage& passage : text.passages) {
      for (const Word& word : passage.words) {
        if (!AnalyzedText::IsVectorWord(word)) continue;
        auto& [count, surface] = seen[word.term];
        if (count++ == 0) surface = text.Surface(passage, word.start, word.end);
      }
    }
    for (auto& [term, entry] : seen) {
      Tally& tally = terms[term];
      tally.documents[side]++;
      tally.occurrences[side] += entry.first;
      tally.surfaces[entry.second]++;
    }
    for (const Phrase& phrase : ExtractPhrases(text)) {
      if (phrase.stems.size() < 2) continue;
      Tally& tally = phrases[phrase.key];
      tally.documents[side]++;
      tally.occurrences[side] += phrase.count;
      tally.surfaces[phrase.forms.front()]++;
    }
  }
}

void Rank(const Tallies& tallies, int64_t n_a, int64_t n_b, size_t max_terms,
          google::protobuf::RepeatedPtrField<SignificantTerm>* out_a,
          google::protobuf::RepeatedPtrField<SignificantTerm>* out_b) {
  std::vector<SignificantTerm> sides[2];
  for (const auto& [key, tally] : tallies) {
    const int64_t k_a = tally.documents[0], k_b = tally.documents[1];
    // Compare shares without division: k_a / n_a against k_b / n_b.
    const int side = k_a * n_b > k_b * n_a ? 0 : k_a * n_b < k_b * n_a ? 1 : -1;
    if (side < 0) continue;
    SignificantTerm term;
    int best = 0;
    for (const auto& [surface, count] : tally.surfaces) {
      if (count > best) best = count, term.set_text(surface);
    }
    term.set_key(key);
    term.set_documents_a(k_a);
    term.set_documents_b(k_b);
    term.set_occurrences_a(tally.occurrences[0]);
    term.set_occurrences_b(tally.occurrences[1]);
    term.set_score(LogLikelihoodRatio(k_a, n_a, k_b, n_b));
    sides[side].push_back(std::move(term));
  }
  for (int side = 0; side < 2; ++side) {
    std::vector<SignificantTerm>& list = sides[side];
    std::sort(list.begin(), list.end(), [](const SignificantTerm& x, const SignificantTerm& y) {
      return x.score() != y.score() ? x.score() > y.score() : x.key() < y.key();
    });
    auto* out = side == 0 ? out_a : out_b;
    for (size_t i = 0; i < list.size() && i < max_terms; ++i) *out->Add() = std::move(list[i]);
  }
}

}  // namespace

double LogLikelihoodRatio(int64_t k1, int64_t n1, int64_t k2, int64_t n2) {
  if (n1 <= 0 || n2 <= 0) return 0;
  // G² = 2 (H(table) - H(rows) - H(columns)) in the x·ln x form, which is
  // exact for zero cells.
  const double a = k1, b = n1 - k1, c = k2, d = n2 - k2, n = n1 + n2;
  const double g2 = 2 * (XLogX(a) + XLogX(b) + XLogX(c) + XLogX(d) + XLogX(n) - XLogX(a + b) -
                         XLogX(c + d) - XLogX(a + c) - XLogX(b + d));
  return std::max(0.0, g2);
}

absl::StatusOr<SelectedSets> SelectSets(const CompareSetsRequest& request, const IndexData& index,
                                        TextAnalyzer& analyzer, const QueryLimits& limits) {
  if (!request.has_a()) return absl::InvalidArgumentError("a is required (a typed query)");
  if (!request.has_b()) return absl::InvalidArgumentError("b is required (a typed query)");
  if (request.max_terms() < 0 || request.max_terms() > kMaxSetTerms) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_terms ", request.max_terms(), " is outside 0..", kMaxSetTerms));
  }
  if (request.max_documents() < 0 || request.max_documents() > kMaxSetDocuments) {
    return absl::InvalidArgumentError(absl::StrCat("max_documents ", request.max_documents(),
                                                   " is outside 0..", kMaxSetDocuments));
  }
  const size_t max_documents = request.max_documents() == 0 ? 2000 : request.max_documents();
  SelectedSets sets;
  if (request.max_terms() > 0) sets.max_terms = request.max_terms();
  const docsearch::v1::Query* queries[2] = {&request.a(), &request.b()};
  const char* paths[2] = {"a", "b"};
  for (int side = 0; side < 2; ++side) {
    QueryEvaluator evaluator(index, analyzer, limits, ScoringOptions{});
    absl::StatusOr<DocList> matches = evaluator.Evaluate(*queries[side], paths[side]);
    if (!matches.ok()) return matches.status();
    sets.matching[side] = static_cast<int64_t>(matches->size());
    for (size_t i = 0; i < matches->size() && i < max_documents; ++i) {
      sets.documents[side].push_back(*index.documents[(*matches)[i].doc]);
    }
  }
  return sets;
}

CompareSetsResponse CompareSelectedSets(const SelectedSets& sets, TextAnalyzer& analyzer) {
  Tallies terms, phrases;
  for (int side = 0; side < 2; ++side) {
    TallySide(sets.documents[side], side, analyzer, terms, phrases);
  }
  CompareSetsResponse response;
  response.set_documents_a(sets.matching[0]);
  response.set_documents_b(sets.matching[1]);
  const int64_t n_a = static_cast<int64_t>(sets.documents[0].size());
  const int64_t n_b = static_cast<int64_t>(sets.documents[1].size());
  response.set_analyzed_a(n_a);
  response.set_analyzed_b(n_b);
  Rank(terms, n_a, n_b, sets.max_terms, response.mutable_terms_a(), response.mutable_terms_b());
  Rank(phrases, n_a, n_b, sets.max_terms, response.mutable_phrases_a(),
       response.mutable_phrases_b());
  return response;
}

}  // namespace docsearch::query::compare
