// Matches the phrases of two texts: which say the same thing, which are
// only on one side.
//
// Two phrases match on their longest common run of stems when that run has
// at least two stems ("civil emergencies" ~ "civil emergency planning" on
// "civil emerg"), or when both are that single word ("terrorism"); the run
// must be written with the same words on both sides, connectors included
// ("NATO-Russia" and "NATO and Russia" share the stems nato, russia but not
// a phrase). A shared
// phrase is the common run, shown as written in A, with the full phrases of
// each side as its forms. A phrase is distinctive when nothing on the other
// side matches it on two stems or covers it whole (a lone word found inside
// a phrase of the other side is not distinctive): "crisis management" stays
// distinctive next to "airspace management".
//
// A shared single word inside a longer shared phrase is not listed on its
// own ("defence" next to "theatre missile defence").
//
// Order: phrases that occur as list items first (what a statement
// enumerates are its topics), then the rest; within each group by score
// (summed idf of the stems × (1 + ln count), for shared phrases with the
// smaller count of the two sides), then key.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_PHRASE_MATCHER_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_PHRASE_MATCHER_H_

#include <string>
#include <vector>

#include "query_service/compare/analyzed_text.h"
#include "query_service/compare/phrase_extractor.h"
#include "query_service/compare/term_vectors.h"

namespace docsearch::query::compare {

struct MatchedPhrase {
  std::string text;  // As written on its side (A for shared).
  std::string key;
  std::vector<std::string> forms_a;
  std::vector<std::string> forms_b;
  int count_a = 0;
  int count_b = 0;
  double score = 0;
  // Occurs as a list item (on either side, for shared phrases).
  bool listed = false;
};

struct PhraseMatches {
  std::vector<MatchedPhrase> shared;
  std::vector<MatchedPhrase> only_a;
  std::vector<MatchedPhrase> only_b;
};

PhraseMatches MatchPhrases(const AnalyzedText& text_a, const std::vector<Phrase>& a,
                           const AnalyzedText& text_b, const std::vector<Phrase>& b,
                           const TermStatistics& statistics);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_PHRASE_MATCHER_H_
