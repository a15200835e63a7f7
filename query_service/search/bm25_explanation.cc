#include "query_service/search/bm25_explanation.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "query_service/search/scorer.h"

namespace docsearch::query {

docsearch::v1::Explanation Bm25Explanation(const std::string& what, const ScoringOptions& scoring,
                                           const Bm25Inputs& inputs, float score) {
  const double frequency = inputs.frequency;
  // Bm25Score's tf factor, in the same double arithmetic.
  const double tf = frequency * (scoring.k1 + 1.0) /
                    (frequency + scoring.k1 * (1.0 - scoring.b +
                                               scoring.b * inputs.length / inputs.average_length));
  docsearch::v1::Explanation node =
      ExplanationNode(score, absl::StrCat("weight(", what, ") = boost * idf * tf, result of:"));
  *node.add_details() = ExplanationNode(inputs.boost, "boost");
  docsearch::v1::Explanation idf_node = ExplanationNode(
      inputs.idf, inputs.document_frequency == 0
                      ? "idf, sum of the phrase words' idf"
                      : "idf, computed as log(1 + (N - n + 0.5) / (n + 0.5)) from:");
  if (inputs.document_frequency != 0) {
    *idf_node.add_details() = ExplanationNode(static_cast<double>(inputs.document_frequency),
                                              "n, number of live documents containing the term");
    *idf_node.add_details() =
        ExplanationNode(static_cast<double>(inputs.documents), "N, number of live documents");
  }
  *node.add_details() = std::move(idf_node);
  docsearch::v1::Explanation tf_node = ExplanationNode(
      tf, "tf, computed as freq * (k1 + 1) / (freq + k1 * (1 - b + b * dl / avgdl)) from:");
  *tf_node.add_details() = ExplanationNode(inputs.frequency, "freq, occurrences in the field");
  *tf_node.add_details() = ExplanationNode(scoring.k1, "k1, term saturation");
  *tf_node.add_details() = ExplanationNode(scoring.b, "b, length normalization");
  *tf_node.add_details() = ExplanationNode(inputs.length, "dl, length of the field (tokens)");
  *tf_node.add_details() =
      ExplanationNode(inputs.average_length, "avgdl, average length of the field");
  *node.add_details() = std::move(tf_node);
  return node;
}

docsearch::v1::Explanation LanguageWeighted(docsearch::v1::Explanation node, float weight,
                                            float score) {
  if (weight == 1.0f) return node;
  docsearch::v1::Explanation weighted = ExplanationNode(
      score, "weight in a document of another language than the query's, product of:");
  *weighted.add_details() = std::move(node);
  *weighted.add_details() = ExplanationNode(weight, "other_language_weight");
  return weighted;
}

}  // namespace docsearch::query
