#include "query_service/search/index_searcher.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "query_service/search/acronym_expansion.h"
#include "query_service/search/cross_language_expansion.h"
#include "query_service/search/facet_counter.h"
#include "query_service/search/function_words.h"
#include "query_service/search/query_evaluator.h"
#include "query_service/search/query_language_of.h"
#include "query_service/search/query_planner.h"
#include "query_service/search/query_string_parser.h"
#include "query_service/search/snippet_builder.h"

namespace docsearch::query {

using docsearch::v1::Document;

absl::StatusOr<SearchResult> IndexSearcher::Search(const SearchSpec& spec,
                                                   const ShardScoring& shard) {
  const IndexData& data = data_;
  TextAnalyzer& analyzer = analyzer_;
  const size_t page_size = std::max<size_t>(spec.page_size, 1);
  ScoringOptions scoring = options_.scoring;
  if (shard.statistics != nullptr) scoring.statistics = shard.statistics;
  QueryEvaluator evaluator(data, analyzer, options_.query_limits, scoring);
  const QueryText* text = std::get_if<QueryText>(&spec.query);
  docsearch::v1::Query parsed;
  if (text != nullptr) {
    QueryStringOptions options;
    options.default_and = text->default_and;
    options.minimum_should_match = text->minimum_should_match;
    options.proximity_boost = options_.scoring.proximity_boost;
    absl::StatusOr<docsearch::v1::Query> query = ParseQueryString(
        text->text, [&data](absl::string_view field) { return data.KindOf(field); }, {}, options);
    if (!query.ok()) return query.status();
    parsed = *std::move(query);
  }
  const docsearch::v1::Query& query =
      text == nullptr ? std::get<docsearch::v1::Query>(spec.query) : parsed;
  const std::string path = text == nullptr ? "query" : "query_string";
  // A shard of several analyzes as the whole collection would.
  const std::string query_language =
      QueryLanguageOf(spec.language, query,
                      shard.main_language.empty() ? MainLanguageOf(data) : shard.main_language);
  evaluator.SetQueryLanguage(query_language);
  // The query's language known, query_string is read again without the
  // adjacent pairs that hold one of its function words.
  if (text != nullptr && options_.scoring.proximity_boost > 0 &&
      options_.scoring.proximity_skips_function_words) {
    QueryStringOptions options;
    options.default_and = text->default_and;
    options.minimum_should_match = text->minimum_should_match;
    options.proximity_boost = options_.scoring.proximity_boost;
    options.is_function_word = [&analyzer, &query_language](absl::string_view word) {
      return IsFunctionWord(analyzer.FoldWord(std::string_view(word.data(), word.size())),
                            query_language);
    };
    absl::StatusOr<docsearch::v1::Query> again = ParseQueryString(
        text->text, [&data](absl::string_view field) { return data.KindOf(field); }, {}, options);
    if (!again.ok()) return again.status();
    parsed = *std::move(again);
  }
  // The words typed without operators also match the acronyms and long
  // forms the collection's documents define, in the query's language.
  if (text != nullptr) {
    parsed = ExpandAcronyms(parsed, data.acronyms(), query_language, analyzer,
                            {.boost = options_.scoring.acronym_boost});
    parsed = ExpandCrossLanguage(parsed, query_language, analyzer,
                                 options_.scoring.cross_language_boost);
  }

  // Order: by score or by date, then by id, so that equal keys are
  // deterministic across runs and pages (a search-after cursor needs a total
  // order).
  const std::vector<int>* published = nullptr;
  if (auto it = data.dates().find("published"); it != data.dates().end()) published = &it->second;
  auto date_of = [&](DocId doc) {
    return published != nullptr && doc < published->size() ? (*published)[doc] : kNoDate;
  };
  const bool by_date = spec.sort != SearchSort::kScore;
  // Whether day `a` sorts before day `b` (undated documents last); nullopt
  // when equal.
  auto day_before = [&](int a, int b) -> std::optional<bool> {
    if (a == b) return std::nullopt;
    if (a == kNoDate) return false;
    if (b == kNoDate) return true;
    return spec.sort == SearchSort::kPublishedNewest ? a > b : a < b;
  };
  auto before = [&](const ScoredDoc& a, const ScoredDoc& b) {
    if (by_date) {
      if (std::optional<bool> first = day_before(date_of(a.doc), date_of(b.doc))) return *first;
    } else if (a.score != b.score) {
      return a.score > b.score;
    }
    return data.documents().id(a.doc) < data.documents().id(b.doc);
  };
  // The page holds the hits that sort strictly after the cursor: the last
  // hit shown, at its place in the order now. Scores drift with every write
  // (N, document frequencies, average lengths), so the cursor document's
  // current score is used when it still matches; the cursor's score only
  // when it is gone.
  std::optional<PageCursor> last = spec.after;
  if (last.has_value() && !by_date) {
    if (std::optional<DocId> doc = data.FindDoc(last->id)) {
      if (std::optional<float> now = evaluator.ScoreOf(query, *doc)) last->score = *now;
    }
  }
  auto after_cursor = [&](const ScoredDoc& entry) {
    if (!last.has_value()) return true;
    if (by_date) {
      if (std::optional<bool> first = day_before(last->day, date_of(entry.doc))) return *first;
    } else if (entry.score != last->score) {
      return entry.score < last->score;
    }
    return data.documents().id(entry.doc) > last->id;
  };

  SearchResult result;
  DocList page;
  if (!spec.fetch_ids.empty()) {
    // Scoring each document binds the query's words, which the snippets
    // highlight, as the search of the page phase did.
    for (const std::string& id : spec.fetch_ids) {
      const std::optional<DocId> doc = data.FindDoc(id);
      if (!doc.has_value()) continue;  // Deleted since the page phase.
      page.push_back({*doc, evaluator.ScoreOf(query, *doc).value_or(0)});
    }
  } else {
    // Top-k pruning only when nothing needs every match.
    const bool needs_every_match = by_date || spec.exact_total || !spec.facets.empty() ||
                                   spec.date_histogram != docsearch::v1::INTERVAL_UNSPECIFIED;
    const QueryPlan plan = PlanQuery(query, path, needs_every_match, options_.query_limits);
    absl::StatusOr<std::optional<TopK>> top =
        evaluator.TopMatches(plan, page_size, before, after_cursor);
    if (!top.ok()) return top.status();
    if (top->has_value()) {
      page = std::move((*top)->hits);
      result.more = (*top)->more;
      result.total = (*top)->counted;
      result.total_exact = (*top)->exact;
    } else {
      absl::StatusOr<DocList> matches = evaluator.Evaluate(query, path);
      if (!matches.ok()) return matches.status();
      absl::StatusOr<std::vector<docsearch::v1::Facet>> facets =
          CountFacets(data, *matches, spec.facets, spec.facet_size);
      if (!facets.ok()) return facets.status();
      result.facets = *std::move(facets);
      result.date_histogram = PublishedHistogram(data, *matches, spec.date_histogram);
      result.total = matches->size();
      matches->erase(std::remove_if(matches->begin(), matches->end(),
                                    [&](const ScoredDoc& entry) { return !after_cursor(entry); }),
                     matches->end());
      const size_t end = std::min(matches->size(), page_size);
      std::partial_sort(matches->begin(), matches->begin() + end, matches->end(), before);
      result.more = matches->size() > end;
      matches->resize(end);
      page = *std::move(matches);
    }
  }

  result.hits.reserve(page.size());
  for (const ScoredDoc& match : page) {
    absl::StatusOr<Document> stored = data.documents().Load(match.doc);
    if (!stored.ok()) return stored.status();
    SearchResultHit& hit = result.hits.emplace_back();
    hit.document = *std::move(stored);
    hit.score = match.score;
    hit.sort_key = {date_of(match.doc), match.score, std::string(data.documents().id(match.doc))};
    if (spec.snippets && result.hits.size() <= spec.snippet_hits) {
      const PassageHint hint = HintFromIndex(data.body(), match.doc, evaluator.highlight_terms());
      hit.snippets = BuildSnippets(hit.document, evaluator.highlight_terms(), analyzer, 240, hint);
    }
    if (spec.explain) hit.explanation = evaluator.Explain(query, match.doc);
  }
  result.query_language = query_language;
  return result;
}

}  // namespace docsearch::query
