// QueryEvaluator's top-k entry points: the queries that can be answered
// without listing every match (OR and AND matches, one-field phrases, a
// match under filters), handed to the scorers that prune (max_score.h,
// conjunction_top_k.h, phrase_top_k.h). Exhaustive evaluation is in
// query_evaluator.cc.
#include <utility>

#include "absl/strings/str_cat.h"
#include "query_service/search/conjunction_top_k.h"
#include "query_service/search/max_score.h"
#include "query_service/search/phrase_frequency.h"
#include "query_service/search/phrase_top_k.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query {

using docsearch::v1::Query;

absl::StatusOr<DocFilter> QueryEvaluator::FilterOf(const docsearch::v1::BoolQuery& boolean,
                                                   const std::string& path) {
  DocFilter filter;
  auto add = [&](const Query& clause, const std::string& clause_path,
                 bool exclude) -> absl::Status {
    // A single keyword term reads its list in place, a range (not excluded)
    // its column; anything else is evaluated into a list once (Eval counts
    // its clauses; these two are counted here, so limits apply alike).
    const bool direct =
        clause.kind_case() == Query::kTerm || (clause.kind_case() == Query::kRange && !exclude);
    if (direct && ++clauses_ > limits_.max_clauses) {
      return absl::InvalidArgumentError(
          absl::StrCat(clause_path, ": the query has more than ", limits_.max_clauses, " clauses"));
    }
    if (clause.kind_case() == Query::kTerm) {
      absl::StatusOr<std::vector<const std::vector<DocId>*>> lists =
          KeywordLists(clause.term().field(), {clause.term().value()}, clause_path + ".term");
      if (!lists.ok()) return lists.status();
      if (lists->empty()) {
        filter.AddList({}, exclude);
      } else {
        filter.AddList(*lists->front(), exclude);
      }
      return absl::OkStatus();
    }
    if (clause.kind_case() == Query::kRange && !exclude) {
      return AddRange(clause.range(), clause_path + ".range", filter);
    }
    absl::StatusOr<DocList> list = Eval(clause, clause_path, 1);
    if (!list.ok()) return list.status();
    std::vector<DocId> docs;
    docs.reserve(list->size());
    for (const ScoredDoc& entry : *list) docs.push_back(entry.doc);
    filter.AddOwnedList(std::move(docs), exclude);
    return absl::OkStatus();
  };
  for (int i = 0; i < boolean.filter_size(); ++i) {
    absl::Status added =
        add(boolean.filter(i), absl::StrCat(path, ".boolean.filter[", i, "]"), false);
    if (!added.ok()) return added;
  }
  for (int i = 0; i < boolean.must_not_size(); ++i) {
    absl::Status added =
        add(boolean.must_not(i), absl::StrCat(path, ".boolean.must_not[", i, "]"), true);
    if (!added.ok()) return added;
  }
  return filter;
}

absl::StatusOr<std::optional<TopK>> QueryEvaluator::TopMatches(
    const Query& query, const std::string& path, size_t k,
    const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
    const std::function<bool(const ScoredDoc&)>& eligible) {
  // An OR or AND match, alone or as the one scoring clause of a bool whose
  // other clauses only filter (filter, must_not): filters add 0 to the score, so
  // the top k of the match among the documents the filters accept is the
  // bool's top k.
  const Query* text = &query;
  std::string text_path = path;
  clauses_ = 1;
  if (query.kind_case() == Query::kBoolean) {
    const docsearch::v1::BoolQuery& boolean = query.boolean();
    if (boolean.must_size() != 1 || boolean.should_size() != 0 ||
        boolean.minimum_should_match() != 0 || boolean.must(0).kind_case() != Query::kMatch ||
        1 + boolean.filter_size() + boolean.must_not_size() > limits_.max_clauses) {
      return std::nullopt;
    }
    text = &boolean.must(0);
    text_path = path + ".boolean.must[0]";
    clauses_ = 2;
  }
  if (query.kind_case() == Query::kPhrase) {
    return TopPhrase(query.phrase(), path + ".phrase", k, before, eligible);
  }
  if (text->kind_case() != Query::kMatch) return std::nullopt;
  const docsearch::v1::MatchQuery& match = text->match();
  const bool conjunction = match.operator_() == docsearch::v1::MATCH_OPERATOR_AND;
  if (!conjunction && match.minimum_should_match() > 1) return std::nullopt;
  absl::StatusOr<std::vector<Word>> words = AnalyzeWords(match.text(), text_path + ".match.text");
  if (!words.ok()) return words.status();
  std::vector<std::pair<std::string, float>> requested;
  for (const auto& field : match.fields()) requested.push_back({field.field(), field.boost()});
  auto fields = TextFields(requested, text_path + ".match.fields");
  if (!fields.ok()) return fields.status();
  // Out-of-range minimum_should_match: Evaluate reports it.
  if (match.minimum_should_match() < 0 ||
      match.minimum_should_match() > static_cast<int>(words->size())) {
    return std::nullopt;
  }
  // The filters as a test of each candidate (doc_filter.h).
  std::optional<DocFilter> filter;
  if (query.kind_case() == Query::kBoolean) {
    absl::StatusOr<DocFilter> built = FilterOf(query.boolean(), path);
    if (!built.ok()) return built.status();
    filter = *std::move(built);
  }
  if (conjunction) {
    // Cursors in EvalMatch's order, so that scores sum identically.
    std::vector<size_t> word_of;
    std::vector<WordCursor> cursors = MatchCursors(*fields, *words, word_of);
    return ConjunctionTopK(std::move(cursors), word_of, words->size(), k, before, eligible,
                           filter.has_value() ? &*filter : nullptr);
  }
  // Canonical order, fields then words, as EvalMatch sums; a list with no
  // postings adds nothing to any sum, so leaving it out keeps the order.
  std::vector<TermList> lists;
  for (const auto& [field, boost] : *fields) {
    for (const Word& word : *words) {
      TermList list{field, boost, WordCursor::VariantsOf(index_, *field, word)};
      if (!list.variants.empty()) lists.push_back(std::move(list));
    }
  }
  return MaxScoreTopK(index_, scoring_, lists, k, before, eligible,
                      filter.has_value() ? &*filter : nullptr);
}

absl::StatusOr<std::optional<TopK>> QueryEvaluator::TopPhrase(
    const docsearch::v1::PhraseQuery& phrase, const std::string& path, size_t k,
    const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
    const std::function<bool(const ScoredDoc&)>& eligible) {
  // The same checks, in the same order, as EvalPhrase.
  absl::StatusOr<std::vector<Word>> words = AnalyzeWords(phrase.text(), path + ".text");
  if (!words.ok()) return words.status();
  if (phrase.slop() < 0) return absl::InvalidArgumentError(absl::StrCat(path, ".slop is negative"));
  std::vector<std::pair<std::string, float>> requested;
  if (!phrase.field().empty()) requested.push_back({phrase.field(), 1.0f});
  auto fields = TextFields(requested, path + ".field");
  if (!fields.ok()) return fields.status();
  if (phrase.boost() < 0)
    return absl::InvalidArgumentError(absl::StrCat(path, ".boost is negative"));
  for (auto& field : *fields) field.second *= PhraseBoost(phrase);
  // Several fields sum per document: left to EvalPhrase.
  if (fields->size() != 1 || words->empty()) return std::nullopt;
  const auto& [field, boost] = fields->front();
  std::vector<WordCursor> cursors;
  float idf_sum = 0;
  for (const Word& word : *words) {
    std::vector<WordCursor::Variant> variants = WordCursor::VariantsOf(index_, *field, word);
    idf_sum += PhraseWordIdf(variants);
    cursors.emplace_back(index_, *field, boost, scoring_, std::move(variants));
  }
  const int slop = phrase.slop();
  return PhraseTopK(
      index_, scoring_, std::move(cursors), idf_sum, slop,
      [slop](const std::vector<const std::vector<uint32_t>*>& lists) {
        return PhraseFrequency(lists, slop);
      },
      k, before, eligible);
}

}  // namespace docsearch::query
