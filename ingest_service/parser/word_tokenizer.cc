#include "ingest_service/parser/word_tokenizer.h"

#include "absl/strings/ascii.h"

namespace docsearch::ingest {
namespace {

// True when text[i] starts a character of the General Punctuation block
// (U+2000..U+203F: E2 80 xx) or, with the option, U+2040..U+207F (E2 81 xx).
bool StartsTypographicPunctuation(absl::string_view text, size_t i,
                                  const WordTokenizerOptions& options) {
  if (static_cast<unsigned char>(text[i]) != 0xE2 || i + 1 >= text.size()) return false;
  const unsigned char next = text[i + 1];
  return next == 0x80 || (options.superscripts_are_punctuation && next == 0x81);
}

// Whether text[i] continues a word (digits and hyphens as `options` say).
bool IsWordByte(absl::string_view text, size_t i, const WordTokenizerOptions& options) {
  const unsigned char c = text[i];
  if (absl::ascii_isalpha(c)) return true;
  if (absl::ascii_isdigit(c)) return !options.digits_apart;
  if (c == '-') return options.inner_hyphens;
  if (c < 0x80) return false;
  return !StartsTypographicPunctuation(text, i, options);
}

bool AllDigits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::vector<WordToken> TokenizeWords(absl::string_view text, const WordTokenizerOptions& options) {
  using Kind = WordToken::Kind;
  std::vector<WordToken> tokens;
  tokens.reserve(text.size() / 4 + 1);  // About one token per word and space.
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (absl::ascii_isspace(c)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (options.digits_apart && absl::ascii_isdigit(c)) {
      while (j < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[j]))) ++j;
      tokens.push_back({Kind::kNumber, text.substr(i, j - i), i, j});
    } else if (c != '-' && IsWordByte(text, i, options)) {
      // ASCII letters continue every word: tested first, without the
      // options (most of a text's bytes).
      while (j < text.size() && (absl::ascii_isalpha(static_cast<unsigned char>(text[j])) ||
                                 IsWordByte(text, j, options))) {
        ++j;
      }
      while (j > i + 1 && text[j - 1] == '-') --j;  // A trailing hyphen is punctuation.
      const absl::string_view word = text.substr(i, j - i);
      tokens.push_back({AllDigits(word) ? Kind::kNumber : Kind::kWord, word, i, j});
    } else {
      // One character: its UTF-8 continuation bytes belong to it.
      if (c >= 0x80) {
        while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
      }
      tokens.push_back({Kind::kPunct, text.substr(i, j - i), i, j});
    }
    i = j;
  }
  return tokens;
}

}  // namespace docsearch::ingest
