#include "ingest_service/parser/year_words.h"

#include <vector>

#include "ingest_service/parser/word_tokenizer.h"

namespace docsearch::ingest {

bool IsYearWord(absl::string_view word) {
  for (absl::string_view year : {
           "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB0",                  // года
           "\xD0\xB3",                                          // г
           "\xD1\x80\xD0\xBE\xD0\xBA\xD1\x83",                  // року
           "\xD1\x80",                                          // р
           "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB5",  // године
           "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB0",  // година
           "\xD0\xB3\xD0\xBE\xD0\xB4",                          // год
           "r",
           "roku",
       }) {
    if (word == year) return true;
  }
  return false;
}

bool StartsWithYearWord(absl::string_view text) {
  const std::vector<WordToken> tokens = TokenizeWords(text, kDateTokens);
  return !tokens.empty() && tokens.front().kind == WordToken::Kind::kWord &&
         IsYearWord(tokens.front().text);
}

}  // namespace docsearch::ingest
