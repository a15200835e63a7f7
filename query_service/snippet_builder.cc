#include "query_service/snippet_builder.h"

#include <algorithm>

#include "query_service/index_data.h"

namespace docsearch::query {
namespace {

struct Passage {
  const char* field;
  const std::string* text;
};

// Tokens of `text` that are query terms, under the document's language and
// unstemmed (a prefix query's expansions are unstemmed words).
std::vector<Token> Matches(const std::string& text, const std::string& language,
                           const absl::flat_hash_set<std::string>& terms, TextAnalyzer& analyzer) {
  std::vector<Token> stemmed = analyzer.Analyze(text, language);
  std::vector<Token> plain = analyzer.Analyze(text, language, Stemming::kNone);
  std::vector<Token> matches;
  for (size_t i = 0; i < stemmed.size(); ++i) {
    if (terms.contains(stemmed[i].term) || (i < plain.size() && terms.contains(plain[i].term))) {
      matches.push_back(stemmed[i]);
    }
  }
  return matches;
}

}  // namespace

std::vector<docsearch::v1::Snippet> BuildSnippets(const docsearch::v1::Document& document,
                                                  const absl::flat_hash_set<std::string>& terms,
                                                  TextAnalyzer& analyzer, size_t max_bytes) {
  std::vector<docsearch::v1::Snippet> snippets;
  if (terms.empty()) return snippets;
  std::vector<std::string> passages = BodyPassages(document);
  const std::string* best_text = nullptr;
  const char* best_field = nullptr;
  std::vector<Token> best_matches;
  auto consider = [&](const char* field, const std::string& text) {
    std::vector<Token> matches = Matches(text, document.language(), terms, analyzer);
    if (matches.size() > best_matches.size()) {
      best_matches = std::move(matches);
      best_text = &text;
      best_field = field;
    }
  };
  for (const std::string& passage : passages) consider("body", passage);
  // The title is shown with every hit anyway: prefer a body passage.
  if (best_text == nullptr) consider("title", document.title());
  if (best_text == nullptr) return snippets;

  // A window starting a little before the first match, cut at word bounds.
  const std::string& text = *best_text;
  size_t begin = best_matches.front().start > 60 ? best_matches.front().start - 60 : 0;
  if (begin > 0) {
    size_t space = text.find(' ', begin);
    begin = space == std::string::npos || space >= best_matches.front().start
                ? best_matches.front().start
                : space + 1;
  }
  size_t end = std::min(text.size(), begin + max_bytes);
  if (end < text.size()) {
    size_t space = text.rfind(' ', end);
    if (space != std::string::npos && space > begin) end = space;
  }
  docsearch::v1::Snippet snippet;
  snippet.set_field(best_field);
  snippet.set_text(text.substr(begin, end - begin));
  for (const Token& match : best_matches) {
    if (match.start < begin || match.end > end) continue;
    auto* highlight = snippet.add_highlights();
    highlight->set_start(static_cast<int32_t>(match.start - begin));
    highlight->set_end(static_cast<int32_t>(match.end - begin));
  }
  snippets.push_back(std::move(snippet));
  return snippets;
}

}  // namespace docsearch::query
