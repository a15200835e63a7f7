// CompareDocuments: how two texts relate.
//
// Each side is a stored document or raw text. The response holds the
// similarity measures (tf-idf cosine, exact shingle Jaccard, MinHash and
// SimHash), shared terms and each side's distinctive terms, shared and
// distinctive phrases (phrase_matcher.h), shared and distinct entities, the
// paragraph alignment (paragraph_aligner.h) and the date difference.
//
// idf comes from the index: what is common across the archive weighs
// little. A text compared with itself has cosine, Jaccard and MinHash 1 and
// no distinctive terms or phrases.
//
// Errors: INVALID_ARGUMENT naming the field ("a.id is empty", "b is
// required"); NOT_FOUND for an id with no live document.
//
// Cost: linear in the two texts plus the paragraph pairs and the phrase
// pairs sharing a stem; well under a millisecond for ~2 KB statements.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_DOCUMENT_COMPARER_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_DOCUMENT_COMPARER_H_

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/compare/analysis_cache.h"
#include "query_service/compare/analyzed_text.h"
#include "query_service/compare/term_vectors.h"
#include "query_service/index/index_data.h"
#include "query_service/search/index_snapshot.h"

namespace docsearch::query::compare {

// The default lowest paragraph cosine reported as an alignment.
inline constexpr double kDefaultParagraphSimilarity = 0.5;

// Most entries a request may ask for in one term or phrase list.
inline constexpr int kMaxCompareListEntries = 1000;

struct CompareOptions {
  int max_terms = 20;
  int max_phrases = 20;
  // Calibrated on the development set (docs/ENGINE.md, "Paragraph
  // alignment threshold"): from 0.5 up, 91% of the pairs reported are the
  // same paragraph reworded or copied; at the former 0.2, 30%.
  double min_paragraph_similarity = kDefaultParagraphSimilarity;
};

// One side, analyzed. `document` is null for raw text; otherwise a copy of
// the stored document (`doc` its slot) or of a caller's document.
struct SideText {
  std::shared_ptr<const docsearch::v1::Document> document;
  std::optional<DocId> doc;                      // Set for a stored document.
  std::shared_ptr<const AnalyzedText> analyzed;  // Never null once resolved.
  const AnalyzedText& text() const { return *analyzed; }
};

// Looks `side` up in `index` or analyzes its text. `path` names it in errors
// ("a", "like"). A stored document's analysis comes from `cache` when given.
absl::StatusOr<SideText> ResolveSide(const docsearch::v1::ComparisonSide& side,
                                     const std::string& path, IndexSnapshot index,
                                     TextAnalyzer& analyzer, AnalysisCache* cache = nullptr);

// The comparison of two analyzed sides.
docsearch::v1::CompareDocumentsResponse CompareSides(const SideText& a, const SideText& b,
                                                     const TermStatistics& statistics,
                                                     const CompareOptions& options);

// The options of `request`, or INVALID_ARGUMENT naming the field ("a is
// required", "max_terms ...").
absl::StatusOr<CompareOptions> CompareOptionsOf(
    const docsearch::v1::CompareDocumentsRequest& request);

// Validates `request`, resolves both sides in `index` (stored documents'
// analyses through `cache` when given) and compares them.
absl::StatusOr<docsearch::v1::CompareDocumentsResponse> CompareDocuments(
    const docsearch::v1::CompareDocumentsRequest& request, IndexSnapshot index,
    TextAnalyzer& analyzer, AnalysisCache* cache = nullptr);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_DOCUMENT_COMPARER_H_
