// How much a query word found in a document counts, by the document's
// language: 1 in a document of the query's language (or of none), and
// ScoringOptions::other_language_weight in a document labelled with another
// language.
//
// Why: the query is analysed in one language (query_language_of.h), yet its
// words still reach other languages' documents wherever they are spelled
// alike ("covid", "vaccin(e)s", "Kosovo", "nationales"), at full weight.
// Lucene's usual multilingual set-up (a field per language, the query
// against its language's field) never lets them in; the cross-language
// equivalents (cross_language_expansion.h) let them in on purpose, at a
// low weight. This keeps such documents reachable but below the query's
// own language, a per-document factor inside the word scorers rather than a
// query rewrite, so the top-k scorers and their bounds still apply (the
// factor is at most 1, so every bound still holds).
//
// Thread safety: reads the IndexData only; the caller holds it unchanged.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_DOCUMENT_LANGUAGE_WEIGHT_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_DOCUMENT_LANGUAGE_WEIGHT_H_

#include <memory>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "query_service/index/index_data.h"
#include "query_service/index/keyword_column.h"

namespace docsearch::query {

class DocumentLanguageWeight {
 public:
  // The weighting of a search in `query_language` (a BCP-47 tag, any case)
  // over `index`, or null when it would weigh every document 1: `weight`
  // is 1 (or more), the query has no language, or no document of `index` is
  // labelled with another language (a collection of one language pays
  // nothing).
  static std::unique_ptr<DocumentLanguageWeight> For(const IndexData& index,
                                                     const std::string& query_language,
                                                     float weight);

  // 1, or the other-language weight when `doc` is labelled with a language
  // and none of its labels is the query's (compared on the primary subtag:
  // "fr-BE" is French).
  float At(DocId doc) const;

  float weight() const { return weight_; }

 private:
  DocumentLanguageWeight(const KeywordColumn& column, absl::flat_hash_set<uint32_t> own,
                         float weight)
      : column_(&column), own_ordinals_(std::move(own)), weight_(weight) {}

  const KeywordColumn* column_;
  // The column's ordinals of the query's language (its tag and regions).
  absl::flat_hash_set<uint32_t> own_ordinals_;
  float weight_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_DOCUMENT_LANGUAGE_WEIGHT_H_
