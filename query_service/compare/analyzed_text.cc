#include "query_service/compare/analyzed_text.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace docsearch::query::compare {
namespace {

// True when the bytes between two words join them into a compound: a single
// hyphen (ASCII, U+2010 or U+2011) with no space around it.
bool IsHyphenJoin(absl::string_view gap) {
  return gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91";
}

// True when the bytes between two words hold punctuation that ends a phrase
// (anything but spaces).
bool HasPunctuation(absl::string_view gap) {
  for (char c : gap) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// True when the gap holds punctuation that separates list items.
bool HasListBreak(absl::string_view gap) {
  return gap.find_first_of(",;:()[]") != absl::string_view::npos;
}

// The word after an elision ("qu'il" → "il", "l'alliance" → "alliance"),
// which decides whether it is a function word; the word itself otherwise.
absl::string_view ElidedWord(absl::string_view word) {
  for (absl::string_view apostrophe : {"'", "\xE2\x80\x99"}) {
    const size_t at = word.find(apostrophe);
    if (at != absl::string_view::npos && at > 0 && at <= 3 &&
        at + apostrophe.size() < word.size()) {
      return word.substr(at + apostrophe.size());
    }
  }
  return word;
}

bool AllDigits(absl::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Passage AnalyzePassage(std::string text, PassageKind kind, int paragraph_index,
                       const std::string& language, TextAnalyzer& analyzer) {
  Passage passage;
  passage.kind = kind;
  passage.paragraph_index = paragraph_index;
  passage.text = std::move(text);
  const std::string_view view(passage.text);
  std::vector<Token> stemmed = analyzer.Analyze(view, language);
  passage.words.reserve(stemmed.size());
  for (size_t i = 0; i < stemmed.size(); ++i) {
    Token& token = stemmed[i];
    // A hyphenated compound's closed form shares its first part's position
    // (text_analyzer.h); comparison reads compounds from their parts (see
    // IsHyphenJoin), so the closed form would only repeat them.
    if (i + 1 < stemmed.size() && stemmed[i + 1].position == token.position) continue;
    Word word;
    word.term = std::move(token.term);
    word.start = token.start;
    word.end = token.end;
    // The unstemmed folded form: ASCII words (nearly all of English) need
    // only lower-casing; others go through the analyzer's folding. Cheaper
    // than a second full analysis of the passage.
    const std::string_view bytes = view.substr(token.start, token.end - token.start);
    const bool ascii = std::all_of(bytes.begin(), bytes.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    word.folded = ascii ? absl::AsciiStrToLower(absl::string_view(bytes.data(), bytes.size()))
                        : analyzer.FoldWord(bytes);
    word.role = RoleOf(ElidedWord(word.folded), language);
    word.numeric = AllDigits(word.folded);
    passage.words.push_back(std::move(word));
  }
  const absl::string_view all(passage.text);
  for (uint32_t i = 0; i < passage.words.size();) {
    Unit unit;
    unit.first_word = i;
    unit.boundary_before =
        i == 0 || HasPunctuation(all.substr(passage.words[i - 1].end,
                                            passage.words[i].start - passage.words[i - 1].end));
    unit.list_break_before =
        i > 0 && HasListBreak(all.substr(passage.words[i - 1].end,
                                         passage.words[i].start - passage.words[i - 1].end));
    uint32_t end = i + 1;
    while (end < passage.words.size() &&
           IsHyphenJoin(all.substr(passage.words[end - 1].end,
                                   passage.words[end].start - passage.words[end - 1].end))) {
      ++end;
    }
    unit.end_word = end;
    if (end - i == 1) {
      unit.role = passage.words[i].role;
      unit.numeric = passage.words[i].numeric;
    } else {
      unit.role = WordRole::kContent;
      unit.numeric = true;
      for (uint32_t w = i; w < end; ++w) unit.numeric &= passage.words[w].numeric;
    }
    passage.units.push_back(unit);
    i = end;
  }
  return passage;
}

}  // namespace

std::string AnalyzedText::Surface(const Passage& passage, uint32_t start, uint32_t end) const {
  std::string surface = passage.text.substr(start, end - start);
  absl::AsciiStrToLower(&surface);
  return surface;
}

AnalyzedText AnalyzeDocument(const docsearch::v1::Document& document, TextAnalyzer& analyzer) {
  AnalyzedText analyzed;
  analyzed.language = document.language().empty() ? "en" : document.language();
  if (!document.title().empty()) {
    analyzed.passages.push_back(
        AnalyzePassage(document.title(), PassageKind::kTitle, -1, analyzed.language, analyzer));
  }
  if (!document.subtitle().empty()) {
    analyzed.passages.push_back(AnalyzePassage(document.subtitle(), PassageKind::kSubtitle, -1,
                                               analyzed.language, analyzer));
  }
  for (int i = 0; i < document.paragraphs_size(); ++i) {
    analyzed.passages.push_back(AnalyzePassage(
        document.paragraphs(i).text(), PassageKind::kParagraph, i, analyzed.language, analyzer));
  }
  analyzed.paragraph_count = document.paragraphs_size();
  for (const auto& footnote : document.footnotes()) {
    analyzed.passages.push_back(
        AnalyzePassage(footnote.text(), PassageKind::kFootnote, -1, analyzed.language, analyzer));
  }
  return analyzed;
}

AnalyzedText AnalyzeRawText(absl::string_view text, absl::string_view language,
                            TextAnalyzer& analyzer) {
  AnalyzedText analyzed;
  analyzed.language = language.empty() ? "en" : std::string(language);
  std::string normalized(text);
  absl::StrReplaceAll({{"\r\n", "\n"}}, &normalized);
  int index = 0;
  for (absl::string_view block : absl::StrSplit(normalized, "\n\n", absl::SkipWhitespace())) {
    std::string paragraph(absl::StripAsciiWhitespace(block));
    analyzed.passages.push_back(AnalyzePassage(std::move(paragraph), PassageKind::kParagraph,
                                               index++, analyzed.language, analyzer));
  }
  analyzed.paragraph_count = index;
  return analyzed;
}

}  // namespace docsearch::query::compare
