// BM25, the one formula every scorer of text fields uses (the evaluator,
// MaxScore top-k, explanations), so their scores agree to the bit.
//
//   idf(n)         = ln(1 + (N - n + 0.5) / (n + 0.5))
//   score(tf, dl)  = idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))
// where N is the number of live documents, n those holding the term, dl the
// field's length in the document and avgdl its mean over live documents
// (at least 1).
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_BM25_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_BM25_H_

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "query_service/index/index_data.h"
#include "query_service/search/collection_statistics.h"

namespace docsearch::query {

class DocumentLanguageWeight;

struct ScoringOptions {
  float k1 = 1.2f;
  // 0.5 rather than the textbook 0.75: the collections mix one-paragraph
  // statements with long communiqués, and full length normalization pushed
  // the long texts that are about a need below short ones that mention it
  // (bench/relevance, docs/RELEVANCE.md).
  float b = 0.5f;
  // Boost of the title field when a match or phrase names no fields. 2: a
  // title word counts as two body words. With each field's BM25 summed,
  // extra title weight ranked short titles sharing the query's words (and
  // site furniture: "For immediate release") first, so it was 1; with BM25F
  // (below) a word saturates once over both fields, and 2 ranks better on
  // the judged needs (docs/RELEVANCE.md).
  float title_boost = 2.0f;
  // Whether a title the parser doubted (warning title_uncertain or
  // title_from_html_title) gets title_boost too. false: its words weigh as
  // body words (at most 1), since a doubted title is site furniture more
  // often than a headline (docs/RELEVANCE.md, docs/INGEST.md).
  bool boost_doubted_titles = false;
  // Weight of the phrases query_string adds for each pair of adjacent words
  // of a several-word query: documents holding the words side by side rank
  // above those holding them apart (query_string_parser.h). 0: none.
  float proximity_boost = 0.25f;
  // Weight of what a query_string word's acronym or a run of words' long
  // form adds (acronym_expansion.h), per word of the alternative. 0: none.
  float acronym_boost = 0.75f;
  // Weight of a query_string word's equivalent in the other language
  // (cross_language_expansion.h): low, so that the documents in the
  // query's own language rank first. 0: none.
  float cross_language_boost = 0.2f;
  // Whether the adjacent pairs of proximity_boost leave out the pairs
  // holding a function word of the query's language (function_words.h):
  // "accords de", "du secretaire" (docs/RELEVANCE.md, ninth round).
  bool proximity_skips_function_words = true;
  // How a match query's word scores over several fields: true, BM25F, the
  // fields' length-normalized frequencies weighted, added and saturated
  // once (fielded_word_cursor.h); false, each field's BM25 saturated on its
  // own and summed, which lets a word in title and body outscore any number
  // of mentions in the body alone.
  bool bm25f = true;
  // What a match query's word counts in a document labelled with another
  // language than the query's (document_language_weight.h): words spelled
  // alike in two languages ("covid", "Kosovo", "vaccins"/"vaccines" under one
  // stem) still reach such documents, below those in the query's own
  // language. 0.5, the middle of the weights tried (docs/RELEVANCE.md,
  // thirteenth round); 1: as much as in the query's language.
  float other_language_weight = 0.5f;
  // What a function word of the query's language ("de", "du", "the",
  // function_words.h) counts in a match, as a fraction of its BM25 weight.
  // Its idf is counted over the whole collection, where a French "de" is
  // rare (most documents are English) and weighs as much as a topic's word,
  // though nearly every French text holds it; the language weight above now
  // tells the query's language apart. 0.5: decided on the read needs,
  // where 0.25 and 0 (dropping them, as Lucene does) lost
  // (docs/RELEVANCE.md, fifteenth round). 1: as any word.
  float function_word_weight = 0.5f;
  // The search's weighting by document language, made from
  // other_language_weight and the query's language by the binder; null:
  // every document weighs 1. Not owned.
  const DocumentLanguageWeight* language_weight = nullptr;
  // The statistics to score with (collection_statistics.h); null: the
  // searched index's own. Not owned; it outlives the search.
  const CollectionStatistics* statistics = nullptr;
};

inline float Bm25Idf(uint64_t live_documents, uint64_t document_frequency) {
  const double n = static_cast<double>(live_documents);
  const double df = static_cast<double>(document_frequency);
  return static_cast<float>(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
}

// The name of `field`, one of `index`'s text fields.
inline absl::string_view Bm25FieldName(const IndexData& index, const TextFieldIndex& field) {
  return &field == &index.title() ? kTitleField : kBodyField;
}

// N: the statistics' when `scoring` has any, else `index`'s.
inline uint64_t Bm25DocumentCount(const IndexData& index, const ScoringOptions& scoring) {
  return scoring.statistics != nullptr ? scoring.statistics->DocumentCount() : index.live_count();
}

// The document frequency of `term` in `field`: the statistics' when
// `scoring` has any, else `local`, what `index`'s dictionary holds.
inline uint64_t Bm25DocumentFrequency(const IndexData& index, const TextFieldIndex& field,
                                      const std::string& term, uint64_t local,
                                      const ScoringOptions& scoring) {
  return scoring.statistics != nullptr
             ? scoring.statistics->DocumentFrequency(Bm25FieldName(index, field), term)
             : local;
}

// avgdl of `field`: from the statistics when `scoring` has any, else from
// `index`.
inline double Bm25AverageLength(const IndexData& index, const TextFieldIndex& field,
                                const ScoringOptions& scoring) {
  const uint64_t documents = Bm25DocumentCount(index, scoring);
  const uint64_t total = scoring.statistics != nullptr
                             ? scoring.statistics->TotalLength(Bm25FieldName(index, field))
                             : field.live_total_length;
  const double average = documents == 0 ? 1.0 : static_cast<double>(total) / documents;
  return std::max(average, 1.0);
}

// The score of a term occurring `frequency` times in a field `length` long.
inline float Bm25Score(const ScoringOptions& scoring, double average_length, double length,
                       float frequency, float idf) {
  const double norm = scoring.k1 * (1.0 - scoring.b + scoring.b * length / average_length);
  return static_cast<float>(idf * frequency * (scoring.k1 + 1.0) / (frequency + norm));
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_BM25_H_
