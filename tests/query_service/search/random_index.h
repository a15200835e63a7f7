// A small index of random documents, built straight into an IndexData, and
// the brute-force model the scorer tests check the search algorithms
// against.
//
// Documents are made of invented words that no analyzer step changes
// (lowercase, no stemmable ending, not stop words), so the model can count
// tokens by splitting on spaces. The index is sealed into several segments
// and some documents are replaced or deleted, so the algorithms read lists
// across segments and skip dead postings. The seed is printed; set
// DOCSEARCH_RANDOM_SEED to replay a failure.
#ifndef DOCSEARCH_TESTS_QUERY_SERVICE_SEARCH_RANDOM_INDEX_H_
#define DOCSEARCH_TESTS_QUERY_SERVICE_SEARCH_RANDOM_INDEX_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "common/text_analyzer.h"
#include "docsearch/v1/document.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/bm25.h"
#include "query_service/search/scored_doc.h"
#include "query_service/search/word_cursor.h"

namespace docsearch::query::testing {

// One slot of the index as the model knows it.
struct ModelDoc {
  docsearch::v1::Document document;
  std::vector<std::string> title;
  std::vector<std::vector<std::string>> paragraphs;
  std::vector<std::string> places;
  int year = 0;
  bool live = true;
};

enum class Field { kTitle, kBody };

class RandomIndex {
 public:
  // `documents` additions (with `churn`, a tenth of them replacing an
  // earlier one and a twentieth deleted; without, no document ever dies),
  // the open postings sealed every `seal_every`.
  RandomIndex(int documents, int seal_every, bool churn = true);

  const IndexData& index() const { return index_; }
  TextAnalyzer& analyzer() { return analyzer_; }
  const ScoringOptions& scoring() const { return scoring_; }
  // By DocId.
  const std::vector<ModelDoc>& docs() const { return docs_; }
  std::mt19937& rng() { return rng_; }

  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  // A Zipf-like word of the vocabulary: low ranks far more frequent.
  std::string Word();
  // A live document, uniformly.
  const ModelDoc& SomeLiveDoc();

  // The model's side: tokens of `field` in `doc` (body paragraphs one after
  // another), and BM25 from first principles over live documents.
  static std::vector<std::string> Tokens(const ModelDoc& doc, Field field);
  double Idf(Field field, const std::string& word) const;
  double Bm25(Field field, double frequency, size_t length, double idf) const;
  static double Boost(Field field) { return field == Field::kTitle ? 2.0 : 1.0; }

  // The engine's side: a cursor over `word` in `field` (null when no
  // document ever held it).
  std::optional<WordCursor> Cursor(Field field, const std::string& word) const;
  const TextFieldIndex& FieldIndex(Field field) const {
    return field == Field::kTitle ? index_.title() : index_.body();
  }

 private:
  void Add(const std::string& id);

  uint32_t seed_;
  std::mt19937 rng_;
  // avgdl of title and body over live documents, and idf by field and word,
  // computed once the index is built.
  double average_length_[2] = {1, 1};
  mutable std::map<std::string, double> idf_[2];
  TextAnalyzer analyzer_;
  ScoringOptions scoring_;
  IndexData index_;
  std::vector<ModelDoc> docs_;
};

// Ranks a above b: score descending, then DocId ascending.
bool Before(const ScoredDoc& a, const ScoredDoc& b);

// Checks a top-k page against every match the model finds (`matches`, any
// order): as many hits as eligible matches up to k, rank by rank the
// model's scores, each hit a match scoring what the model says, `more` when
// more eligible matches follow, and `counted` all matches when exact.
void ExpectTopK(const TopK& got, const std::vector<ScoredDoc>& matches, size_t k,
                const std::function<bool(const ScoredDoc&)>& eligible, const std::string& what);

}  // namespace docsearch::query::testing

#endif  // DOCSEARCH_TESTS_QUERY_SERVICE_SEARCH_RANDOM_INDEX_H_
