#include "query_service/search/snippet_builder.h"

#include <algorithm>
#include <limits>
#include <string_view>

#include "query_service/index/body_passages.h"
#include "query_service/index/index_data.h"

namespace docsearch::query {
namespace {

// Tokens of `text` that are query terms, under the document's language and
// unstemmed (a prefix query's expansions are unstemmed words).
std::vector<Token> Matches(std::string_view text, const std::string& language,
                           const absl::flat_hash_set<std::string>& terms, TextAnalyzer& analyzer) {
  std::vector<std::string> plain;
  std::vector<Token> stemmed = analyzer.AnalyzeWithUnstemmed(text, language, plain);
  std::vector<Token> matches;
  for (size_t i = 0; i < stemmed.size(); ++i) {
    if (terms.contains(stemmed[i].term) || (i < plain.size() && terms.contains(plain[i]))) {
      matches.push_back(stemmed[i]);
    }
  }
  return matches;
}

// Matches() over the shortest prefix of `text` that ends at a space and holds
// the first match (word `first_token`, from the index) and the snippet window
// after it. Analysis is most of a search's cost and a window rarely needs the
// whole paragraph; a prefix cut at a space analyzes to the same leading
// tokens as the whole text.
std::vector<Token> MatchesThroughWindow(const std::string& text, const std::string& language,
                                        const absl::flat_hash_set<std::string>& terms,
                                        TextAnalyzer& analyzer, uint32_t first_token,
                                        size_t max_bytes) {
  // ~8 bytes per word is generous for English and French.
  size_t guess = 8 * (size_t{first_token} + 1) + max_bytes + 64;
  while (true) {
    std::string_view prefix = text;
    if (guess < text.size()) {
      const size_t space = text.find(' ', guess);
      if (space != std::string::npos) prefix = prefix.substr(0, space);
    }
    std::vector<Token> matches = Matches(prefix, language, terms, analyzer);
    if (prefix.size() == text.size()) return matches;
    if (!matches.empty() && matches.front().start + max_bytes < prefix.size()) return matches;
    guess *= 2;
  }
}

}  // namespace

PassageHint HintFromIndex(const TextFieldIndex& body, DocId doc,
                          const absl::flat_hash_set<std::string>& terms) {
  PassageHint hint;
  if (doc + 1 >= body.passage_begin.size()) return hint;  // Not recorded: analyze.
  const uint32_t* starts = body.passage_starts.data() + body.passage_begin[doc];
  const size_t passages = body.passage_begin[doc + 1] - body.passage_begin[doc];
  std::vector<uint32_t> counts(passages, 0);
  std::vector<uint32_t> first(passages, std::numeric_limits<uint32_t>::max());
  std::vector<uint32_t> positions;
  for (const std::string& term : terms) {
    TermLists lists = body.Lists(term);
    if (lists.empty()) continue;
    TermCursor cursor(std::move(lists));
    cursor.Advance(doc);
    if (cursor.doc() != doc) continue;
    positions.clear();
    cursor.AppendPositions(positions);
    for (uint32_t position : positions) {
      // The last passage starting at or before the position.
      const size_t passage = std::upper_bound(starts, starts + passages, position) - starts;
      if (passage == 0) continue;
      ++counts[passage - 1];
      first[passage - 1] = std::min(first[passage - 1], position - starts[passage - 1]);
    }
  }
  hint.known = true;
  uint32_t best = 0;
  for (size_t i = 0; i < passages; ++i) {
    if (counts[i] > best) {  // The first of equals, as the full scan picks.
      best = counts[i];
      hint.body_passage = i;
      hint.first_match_token = first[i];
    }
  }
  return hint;
}

std::vector<docsearch::v1::Snippet> BuildSnippets(const docsearch::v1::Document& document,
                                                  const absl::flat_hash_set<std::string>& terms,
                                                  TextAnalyzer& analyzer, size_t max_bytes,
                                                  const PassageHint& hint) {
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
  if (hint.known && hint.body_passage.has_value() && *hint.body_passage < passages.size()) {
    const std::string& text = passages[*hint.body_passage];
    best_matches = MatchesThroughWindow(text, document.language(), terms, analyzer,
                                        hint.first_match_token, max_bytes);
    if (!best_matches.empty()) {
      best_text = &text;
      best_field = "body";
    }
  }
  const bool hint_failed = hint.known && hint.body_passage.has_value() && best_text == nullptr;
  if (!hint.known || hint_failed) {
    for (const std::string& passage : passages) consider("body", passage);
  }
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
