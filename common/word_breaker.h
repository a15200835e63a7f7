// Where the words of a text are: the byte spans that Unicode word
// segmentation (UAX #29, as ICU's root rules tailor it) marks as words,
// numbers included, punctuation and spaces left out.
//
// ICU's break iterator over UTF-8 is the reference, and the only segmenter
// for text outside ASCII (accents, typographic quotes, scripts without
// spaces). Most text in an archive is ASCII for long stretches, and there
// the iterator's generic state machine, UText indirection and virtual calls
// cost more than the rest of analysis together; so stretches of ASCII go
// through a table-driven scanner of the same rules instead. The two give
// the same spans (tests/common/word_breaker_test.cc checks random ASCII and
// mixed text and the corpora against ICU), which is what keeps index terms
// and query terms meeting whichever path produced them.
//
// Thread safety: a WordBreaker holds an ICU iterator; use one per thread.
#ifndef DOCSEARCH_COMMON_WORD_BREAKER_H_
#define DOCSEARCH_COMMON_WORD_BREAKER_H_

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

// ICU's namespace is versioned (icu_72), `icu` an alias of it.
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace docsearch {

// A word's byte range [start, end) in the segmented text.
struct WordSpan {
  uint32_t start = 0;
  uint32_t end = 0;
  friend bool operator==(const WordSpan&, const WordSpan&) = default;
};

class WordBreaker {
 public:
  WordBreaker();
  ~WordBreaker();
  WordBreaker(const WordBreaker&) = delete;
  WordBreaker& operator=(const WordBreaker&) = delete;

  // Replaces `spans` with the words of `text` (UTF-8), in order: ASCII
  // stretches by the scanner, the rest by ICU.
  void Segment(std::string_view text, std::vector<WordSpan>& spans);

  // The same through ICU alone: the reference the scanner is tested against.
  void SegmentWithIcu(std::string_view text, std::vector<WordSpan>& spans);

 private:
  // Appends the words of `text`, which starts at byte `offset` of the whole.
  void AppendIcuWords(std::string_view text, uint32_t offset, std::vector<WordSpan>& spans);

  std::unique_ptr<icu::BreakIterator> icu_words_;
};

// Appends the words of `text`, which must be ASCII and starts at byte
// `offset` of the whole, by ICU's rules for ASCII: letters (and '@', which
// ICU counts as one) and digits join; '.' and '\'' join letters on both
// sides ("U.S", "don't"); '.', '\'', ',' and ';' join digits on both sides
// ("1,000.5"); '_' joins anything word-like on either side. A run is a word
// when it holds a letter or a digit, or is longer than a lone '_'.
void AppendAsciiWords(std::string_view text, uint32_t offset, std::vector<WordSpan>& spans);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_WORD_BREAKER_H_
