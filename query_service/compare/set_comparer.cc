#include "query_service/compare/set_comparer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "query_service/compare/analyzed_text.h"
#include "query_service/compare/phrase_extractor.h"
#include "query_service/compare/sample_tallies.h"
#include "query_service/search/query_string_parser.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::CompareSetsRequest;
using docsearch::v1::CompareSetsResponse;
using docsearch::v1::SignificantTerm;
using SignificantTerms = google::protobuf::RepeatedPtrField<SignificantTerm>;

double XLogX(double x) { return x > 0 ? x * std::log(x) : 0; }

// Which side a term is typical of: 0 (A), 1 (B) or -1 (neither), comparing
// the shares k_a / n_a and k_b / n_b without division.
int SideOf(int64_t k_a, int64_t n_a, int64_t k_b, int64_t n_b) {
  return k_a * n_b > k_b * n_a ? 0 : k_a * n_b < k_b * n_a ? 1 : -1;
}

// Highest score first, then key, so equal scores come out in a stable order.
bool Before(const SignificantTerm& x, const SignificantTerm& y) {
  return x.score() != y.score() ? x.score() > y.score() : x.key() < y.key();
}

// ---- Request-time analysis (no DocumentVectors). ----

struct Tally {
  int64_t documents[2] = {0, 0};
  int64_t occurrences[2] = {0, 0};
  // Surface form → documents using it; ordered so ties pick the smallest.
  std::map<std::string, int> surfaces;
};

using Tallies = absl::flat_hash_map<std::string, Tally>;

// Analyzes the documents of one side into the term and phrase tallies.
// DocumentVectors::Added computes the same per document.
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
          SignificantTerms* out_a, SignificantTerms* out_b) {
  std::vector<SignificantTerm> sides[2];
  for (const auto& [key, tally] : tallies) {
    const int64_t k_a = tally.documents[0], k_b = tally.documents[1];
    const int side = SideOf(k_a, n_a, k_b, n_b);
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
    std::sort(list.begin(), list.end(), Before);
    auto* out = side == 0 ? out_a : out_b;
    for (size_t i = 0; i < list.size() && i < max_terms; ++i) *out->Add() = std::move(list[i]);
  }
}

// ---- Index-time tallies (DocumentVectors). ----

// x·ln x for the integers 0..n: G² then costs table look-ups, not nine
// logarithms per candidate (there are hundreds of thousands), and gives
// bit-identical values to LogLikelihoodRatio.
class XLogXTable {
 public:
  explicit XLogXTable(int64_t n) : values_(static_cast<size_t>(n) + 1) {
    for (size_t x = 0; x < values_.size(); ++x) values_[x] = XLogX(static_cast<double>(x));
  }
  double Ratio(int64_t k1, int64_t n1, int64_t k2, int64_t n2) const {
    if (n1 <= 0 || n2 <= 0) return 0;
    const int64_t a = k1, b = n1 - k1, c = k2, d = n2 - k2, n = n1 + n2;
    const double g2 =
        2 * (At(a) + At(b) + At(c) + At(d) + At(n) - At(a + b) - At(c + d) - At(a + c) - At(b + d));
    return std::max(0.0, g2);
  }

 private:
  double At(int64_t x) const { return values_[static_cast<size_t>(x)]; }
  std::vector<double> values_;
};

// Adds the tallies of one kind (terms or phrases) of both samples and
// writes the significant ones of each side. `slots` (all zero, one per
// dictionary key) is left all zero again.
void RankTallied(const SelectedSets& sets, const DocumentVectors& vectors,
                 VectorEntriesOf entries_of, const VectorDictionary& dictionary,
                 const XLogXTable& table, std::vector<uint32_t>& slots, SignificantTerms* out_a,
                 SignificantTerms* out_b) {
  const SampleTallies tallies(sets, vectors, entries_of, slots);
  const std::vector<KeyTally>& accumulators = tallies.keys();
  // Index among the reported entries, by accumulator; -1 when not reported.
  std::vector<int32_t> reported_index(accumulators.size(), -1);
  const int64_t n_a = static_cast<int64_t>(sets.sample[0].size());
  const int64_t n_b = static_cast<int64_t>(sets.sample[1].size());
  struct Candidate {
    double score;
    uint32_t accumulator;
  };
  std::vector<Candidate> candidates[2];
  for (uint32_t i = 0; i < accumulators.size(); ++i) {
    const KeyTally& accumulator = accumulators[i];
    const int64_t k_a = accumulator.documents[0], k_b = accumulator.documents[1];
    const int side = SideOf(k_a, n_a, k_b, n_b);
    if (side >= 0) candidates[side].push_back({table.Ratio(k_a, n_a, k_b, n_b), i});
  }
  std::vector<SignificantTerm> reported;
  std::vector<uint32_t> reported_keys;  // Dictionary ids of `reported`.
  SignificantTerms* outs[2] = {out_a, out_b};
  size_t reported_per_side[2] = {0, 0};
  for (int side = 0; side < 2; ++side) {
    std::vector<Candidate>& list = candidates[side];
    auto before = [&](const Candidate& x, const Candidate& y) {
      if (x.score != y.score) return x.score > y.score;
      return dictionary.key(accumulators[x.accumulator].key) <
             dictionary.key(accumulators[y.accumulator].key);
    };
    const size_t count = std::min(list.size(), sets.max_terms);
    std::partial_sort(list.begin(), list.begin() + count, list.end(), before);
    for (size_t i = 0; i < count; ++i) {
      const KeyTally& accumulator = accumulators[list[i].accumulator];
      reported_index[list[i].accumulator] = static_cast<int32_t>(reported.size());
      reported_keys.push_back(accumulator.key);
      SignificantTerm& term = reported.emplace_back();
      term.set_key(dictionary.key(accumulator.key));
      term.set_documents_a(accumulator.documents[0]);
      term.set_documents_b(accumulator.documents[1]);
      term.set_occurrences_a(accumulator.occurrences[0]);
      term.set_occurrences_b(accumulator.occurrences[1]);
      term.set_score(list[i].score);
    }
    reported_per_side[side] = count;
  }
  // The readable form of each reported entry: the one most documents of
  // both samples use (ties: the smallest).
  std::vector<std::vector<std::pair<uint16_t, int64_t>>> forms(reported.size());
  for (size_t i = 0; i < accumulators.size(); ++i) {
    if (reported_index[i] >= 0) {
      forms[reported_index[i]].push_back(
          {accumulators[i].surface, accumulators[i].surface_documents});
    }
  }
  for (const auto& [packed, documents] : tallies.other_forms()) {
    const int32_t index = reported_index[packed >> 16];
    if (index >= 0) forms[index].push_back({static_cast<uint16_t>(packed & 0xFFFF), documents});
  }
  for (size_t i = 0; i < reported.size(); ++i) {
    const uint32_t key = reported_keys[i];
    int64_t best = 0;
    const std::string* text = nullptr;
    for (const auto& [surface, documents] : forms[i]) {
      const std::string& form = dictionary.surface(key, surface);
      if (documents > best || (documents == best && form < *text)) best = documents, text = &form;
    }
    if (text != nullptr) reported[i].set_text(*text);
  }
  size_t next = 0;
  for (int side = 0; side < 2; ++side) {
    for (size_t i = 0; i < reported_per_side[side]; ++i)
      *outs[side]->Add() = std::move(reported[next++]);
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

absl::StatusOr<SelectedSets> SelectSets(const CompareSetsRequest& request, IndexSnapshot index,
                                        TextAnalyzer& analyzer, const QueryLimits& limits,
                                        const std::optional<std::array<size_t, 2>>& samples) {
  if (request.max_terms() < 0 || request.max_terms() > kMaxSetTerms) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_terms ", request.max_terms(), " is outside 0..", kMaxSetTerms));
  }
  if (request.max_documents() < 0 || request.max_documents() > kMaxSetDocuments) {
    return absl::InvalidArgumentError(absl::StrCat("max_documents ", request.max_documents(),
                                                   " is outside 0..", kMaxSetDocuments));
  }
  const size_t max_documents =
      request.max_documents() == 0 ? kDefaultSetDocuments : request.max_documents();
  SelectedSets sets;
  if (request.max_terms() > 0) sets.max_terms = request.max_terms();
  const bool has_query[2] = {request.has_a(), request.has_b()};
  const docsearch::v1::Query* queries[2] = {&request.a(), &request.b()};
  const std::string* strings[2] = {&request.query_string_a(), &request.query_string_b()};
  const char* paths[2] = {"a", "b"};
  const char* string_paths[2] = {"query_string_a", "query_string_b"};
  for (int side = 0; side < 2; ++side) {
    if (has_query[side] == !strings[side]->empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          has_query[side] ? "set either " : "", paths[side], " or ", string_paths[side],
          has_query[side] ? ", not both" : " is required (a typed query or a query string)"));
    }
    docsearch::v1::Query parsed;
    if (!has_query[side]) {
      absl::StatusOr<docsearch::v1::Query> query = ParseQueryString(
          *strings[side], [&index](absl::string_view field) { return index->KindOf(field); });
      if (!query.ok()) {
        // The parser names its input "query_string"; name the side instead.
        absl::string_view message = query.status().message();
        absl::ConsumePrefix(&message, "query_string");
        return absl::InvalidArgumentError(absl::StrCat(string_paths[side], message));
      }
      parsed = *std::move(query);
    }
    QueryEvaluator evaluator(*index, analyzer, limits, ScoringOptions{});
    absl::StatusOr<DocList> matches =
        evaluator.Evaluate(has_query[side] ? *queries[side] : parsed,
                           has_query[side] ? paths[side] : string_paths[side]);
    if (!matches.ok()) return matches.status();
    std::vector<DocId> docs;
    docs.reserve(matches->size());
    for (const ScoredDoc& match : *matches) docs.push_back(match.doc);
    std::sort(docs.begin(), docs.end());
    sets.matching[side] = static_cast<int64_t>(docs.size());
    // An even spread over the matches (every k-th), so that a large set is
    // represented across its whole range rather than by its oldest part.
    const size_t take =
        std::min(docs.size(), samples.has_value() ? (*samples)[side] : max_documents);
    sets.sample[side].reserve(take);
    for (size_t i = 0; i < take; ++i) sets.sample[side].push_back(docs[i * docs.size() / take]);
  }
  return sets;
}

CompareSetsResponse CompareTalliedSets(const SelectedSets& sets, const DocumentVectors& vectors) {
  CompareSetsResponse response;
  response.set_documents_a(sets.matching[0]);
  response.set_documents_b(sets.matching[1]);
  response.set_analyzed_a(static_cast<int64_t>(sets.sample[0].size()));
  response.set_analyzed_b(static_cast<int64_t>(sets.sample[1].size()));
  const XLogXTable table(static_cast<int64_t>(sets.sample[0].size() + sets.sample[1].size()));
  std::unique_ptr<DocumentVectors::Scratch> scratch = vectors.BorrowScratch();
  RankTallied(sets, vectors, &DocumentVectors::Terms, vectors.terms(), table, scratch->term_slots,
              response.mutable_terms_a(), response.mutable_terms_b());
  RankTallied(sets, vectors, &DocumentVectors::Phrases, vectors.phrases(), table,
              scratch->phrase_slots, response.mutable_phrases_a(), response.mutable_phrases_b());
  vectors.ReturnScratch(std::move(scratch));
  return response;
}

absl::StatusOr<SetDocuments> CopySetDocuments(const SelectedSets& sets, IndexSnapshot index) {
  SetDocuments copies;
  copies.max_terms = sets.max_terms;
  for (int side = 0; side < 2; ++side) {
    copies.matching[side] = sets.matching[side];
    copies.documents[side].reserve(sets.sample[side].size());
    for (DocId doc : sets.sample[side]) {
      absl::StatusOr<docsearch::v1::Document> document = index->documents().Load(doc);
      if (!document.ok()) return document.status();
      copies.documents[side].push_back(*std::move(document));
    }
  }
  return copies;
}

CompareSetsResponse CompareAnalyzedSets(const SetDocuments& sets, TextAnalyzer& analyzer) {
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
