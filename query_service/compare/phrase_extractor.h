// Candidate phrases of a text: the multi-word expressions (and listed single
// words) that comparison reports, e.g. "theatre missile defence", "civil
// emergency planning", "search and rescue at sea", "terrorism".
//
// Official prose states topics as noun phrases, mostly in lists ("including
// crisis management, non-proliferation, arms control and confidence building
// measures, ..."). Without a part-of-speech tagger, a candidate is a maximal
// run of content units (words or hyphenated compounds) that
//   - ends at punctuation, function words and numbers;
//   - may hold a preposition ("of", "for", "at"; French "de", "du", "des")
//     when a content word follows directly ("weapons of mass destruction",
//     "Ministry of Foreign Affairs", "rescue at sea");
//   - may hold a conjunction only between two single words that stand alone
//     ("search and rescue"), never between list items ("arms control and
//     confidence building measures" is two items);
//   - drops a leading -ing word after "that", "to", "by", ... where it is a
//     verb governing the phrase ("that improving interoperability was");
//   - has at most 5 content units (a longer run starts a new candidate);
//   - is a single word only as a list item or a dropped gerund's object
//     ("terrorism", "interoperability"), so lone verbs are not phrases.
// Candidates are identified by their content stems, so "civil emergency" and
// "civil emergencies" are one phrase with two surface forms.
//
// Thread safety: pure functions over values.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_PHRASE_EXTRACTOR_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_PHRASE_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "query_service/compare/analyzed_text.h"

namespace docsearch::query::compare {

inline constexpr int kMaxPhraseUnits = 5;

struct Phrase {
  // Analyzed terms of its content units in order (connectors left out;
  // every part of a compound kept).
  std::vector<std::string> stems;
  // `stems` joined by spaces: the identity of the phrase.
  std::string key;
  // Distinct surface forms as written, in order of first appearance (at
  // most a few).
  std::vector<std::string> forms;
  // Occurrences in the text.
  int count = 0;
  // Occurrences as an item of a list (a comma, semicolon or conjunction
  // beside it): the topics a statement enumerates.
  int listed = 0;
  // The first occurrence: its passage and the byte range of each stem, so
  // a part of the phrase can be shown as written.
  int passage = 0;
  std::vector<std::pair<uint32_t, uint32_t>> stem_spans;
};

// The distinct phrases of `text`, in order of first appearance.
std::vector<Phrase> ExtractPhrases(const AnalyzedText& text);

// The surface text of stems [first, first + length) of `phrase`'s first
// occurrence, as written (a sentence-initial capital lowered).
std::string PhrasePart(const AnalyzedText& text, const Phrase& phrase, size_t first, size_t length);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_PHRASE_EXTRACTOR_H_
