#include "query_service/search/feedback_expansion.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "common/analysis_languages.h"

namespace docsearch::query {
namespace {

bool HasLetter(const std::string& term) {
  return std::any_of(term.begin(), term.end(),
                     [](unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; });
}

struct Candidate {
  double weight = 0;
  int documents = 0;
  std::string text;
  std::string language;
};

}  // namespace

std::vector<FeedbackTerm> FeedbackTerms(const IndexData& index, const DocList& top,
                                        const absl::flat_hash_set<std::string>& query_terms,
                                        TextAnalyzer& analyzer, const ScoringOptions& scoring,
                                        int count) {
  double total_score = 0;
  for (const ScoredDoc& hit : top) total_score += std::max(hit.score, 0.0f);
  if (total_score <= 0 || count <= 0) return {};
  absl::flat_hash_map<std::string, Candidate> candidates;
  for (const ScoredDoc& hit : top) {
    absl::StatusOr<docsearch::v1::Document> document = index.documents().Load(hit.doc);
    if (!document.ok()) continue;
    // A term goes back into the query as a phrase in this language, which
    // must be one the analysis knows (as indexing used it, unchecked).
    const std::string& language = document->language();
    if (!language.empty() && !AnalysisLanguageOf(language).ok()) continue;
    absl::flat_hash_map<std::string, std::pair<int, std::string>> frequencies;
    size_t length = 0;
    auto add = [&](const std::string& text) {
      for (const Token& token : analyzer.Analyze(text, language)) {
        ++length;
        auto& [frequency, surface] = frequencies[token.term];
        if (frequency++ == 0) surface = text.substr(token.start, token.end - token.start);
      }
    };
    add(document->title());
    for (const auto& paragraph : document->paragraphs()) add(paragraph.text());
    if (length == 0) continue;
    const double document_weight = std::max(hit.score, 0.0f) / total_score;
    for (auto& [term, frequency_and_surface] : frequencies) {
      if (term.size() < 2 || !HasLetter(term) || query_terms.contains(term)) continue;
      Candidate& candidate = candidates[term];
      candidate.weight += document_weight * frequency_and_surface.first / length;
      if (candidate.documents++ == 0) {
        candidate.text = std::move(frequency_and_surface.second);
        candidate.language = language;
      }
    }
  }
  const uint64_t documents = Bm25DocumentCount(index, scoring);
  std::vector<std::pair<double, FeedbackTerm>> ranked;
  for (auto& [term, candidate] : candidates) {
    if (candidate.documents < 2 || candidate.language.empty()) continue;
    const uint64_t frequency =
        std::max<uint64_t>(Bm25DocumentFrequency(index, index.body(), term,
                                                 index.body().DocumentFrequency(term), scoring),
                           1);
    const double weight = candidate.weight * Bm25Idf(documents, frequency);
    ranked.push_back({weight, {std::move(candidate.text), std::move(candidate.language), 0}});
  }
  // By weight, then by word, so that the choice does not depend on hashing.
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second.text < b.second.text;
  });
  if (ranked.size() > static_cast<size_t>(count)) ranked.resize(count);
  std::vector<FeedbackTerm> terms;
  for (auto& [weight, term] : ranked) {
    term.weight = static_cast<float>(weight / ranked.front().first);
    terms.push_back(std::move(term));
  }
  return terms;
}

docsearch::v1::Query WithFeedback(const docsearch::v1::Query& query,
                                  const std::vector<FeedbackTerm>& terms, float weight) {
  if (terms.empty() || weight <= 0) return query;
  docsearch::v1::Query expanded;
  *expanded.mutable_boolean()->add_must() = query;
  for (const FeedbackTerm& term : terms) {
    docsearch::v1::PhraseQuery* phrase = expanded.mutable_boolean()->add_should()->mutable_phrase();
    phrase->set_text(term.text);
    phrase->set_language(term.language);
    phrase->set_boost(weight * term.weight);
  }
  return expanded;
}

}  // namespace docsearch::query
