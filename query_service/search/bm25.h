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

namespace docsearch::query {

struct ScoringOptions {
  float k1 = 1.2f;
  float b = 0.75f;
  // Boost of the title field when a match or phrase names no fields.
  float title_boost = 2.0f;
};

inline float Bm25Idf(uint64_t live_documents, uint64_t document_frequency) {
  const double n = static_cast<double>(live_documents);
  const double df = static_cast<double>(document_frequency);
  return static_cast<float>(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
}

// avgdl of `field`.
inline double Bm25AverageLength(const IndexData& index, const TextFieldIndex& field) {
  const double average = index.live_count() == 0
                             ? 1.0
                             : static_cast<double>(field.live_total_length) / index.live_count();
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
