// Pseudo-relevance feedback at query time, after RM3 (Lavrenko and Croft,
// SIGIR 2001; Abdul-Jaleel et al., TREC 2004): the words that the best
// documents of a first search use most, and the collection uses little,
// are added to the query at a low weight, so that documents about the same
// thing in other words rank higher ("élargissement de l'OTAN" also rewards
// "adhésion", "invitation", "Prague" where the first documents say them).
//
// The index keeps no term vectors, so a feedback document's words come from
// analysing its stored text again, in its own language, as indexing did.
// Each term is weighed as RM1 does, Σ_d P(d|q)·tf(t,d)/|d| with P(d|q) the
// first search's normalized scores, times its idf: the index keeps no stop
// list (stop words keep their positions for phrases), and idf is what keeps
// "the" and "de" out. A term must occur in two feedback documents at least,
// so that one document's names do not steer the query.
//
// The expansion only re-ranks: the query becomes `must: [query], should:
// [terms]`, so a filter, an exclusion or a required word keeps its meaning
// and what matches is unchanged. Each term is a one-word phrase analysed in
// the language of the document it came from (PhraseQuery.language).
//
// In a cluster each shard would choose its terms from its own documents, so
// scores would no longer equal one node's: the feedback is off by default
// (--feedback_weight 0).
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_FEEDBACK_EXPANSION_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_FEEDBACK_EXPANSION_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/query.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/bm25.h"
#include "query_service/search/scored_doc.h"

namespace docsearch::query {

struct FeedbackTerm {
  // The word as a feedback document writes it, and that document's language.
  std::string text;
  std::string language;
  // Relative to the best term's, which is 1.
  float weight = 0;
};

// The `count` best feedback terms of the documents `top` (their scores from
// the first search), best first; none of `query_terms` (the terms the
// query's words were looked up under).
std::vector<FeedbackTerm> FeedbackTerms(const IndexData& index, const DocList& top,
                                        const absl::flat_hash_set<std::string>& query_terms,
                                        TextAnalyzer& analyzer, const ScoringOptions& scoring,
                                        int count);

// `query` with `terms` added as optional one-word phrases weighing `weight`
// times the term's weight; `query` itself when `terms` is empty.
docsearch::v1::Query WithFeedback(const docsearch::v1::Query& query,
                                  const std::vector<FeedbackTerm>& terms, float weight);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_FEEDBACK_EXPANSION_H_
