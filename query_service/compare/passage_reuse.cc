#include "query_service/compare/passage_reuse.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/utf8_text.h"
#include "query_service/compare/filter.h"
#include "query_service/compare/passage_fingerprints.h"
#include "query_service/compare/passage_index.h"
#include "query_service/compare/word_diff.h"
#include "query_service/index/field_schema.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::Document;
using docsearch::v1::FindPassageReuseRequest;
using docsearch::v1::FindPassageReuseResponse;
using docsearch::v1::PassageReuse;

// The passage looked for: its text and, when stored, where it is.
struct Source {
  std::string text;
  std::optional<DocId> doc;
  int paragraph = -1;
};

absl::StatusOr<Source> ResolveSource(const FindPassageReuseRequest& request, IndexSnapshot index) {
  Source source;
  switch (request.source_case()) {
    case FindPassageReuseRequest::kPassage: {
      const docsearch::v1::PassageLocation& at = request.passage();
      if (at.id().empty()) return absl::InvalidArgumentError("passage.id is empty");
      source.doc = index->FindDoc(at.id());
      if (!source.doc.has_value()) {
        return absl::NotFoundError(
            absl::StrCat("passage.id: no document with id '", TruncatedForMessage(at.id()), "'"));
      }
      absl::StatusOr<Document> document = index->documents().Load(*source.doc);
      if (!document.ok()) return document.status();
      if (at.paragraph_index() < 0) {
        return absl::InvalidArgumentError(
            absl::StrCat("passage.paragraph_index must be 0 or more, not ", at.paragraph_index()));
      }
      if (at.paragraph_index() >= document->paragraphs_size()) {
        return absl::NotFoundError(
            absl::StrCat("passage.paragraph_index: document '", TruncatedForMessage(at.id()),
                         "' has ", document->paragraphs_size(), " paragraphs (0..",
                         document->paragraphs_size() - 1, "), not ", at.paragraph_index()));
      }
      source.paragraph = at.paragraph_index();
      source.text = document->paragraphs(source.paragraph).text();
      return source;
    }
    case FindPassageReuseRequest::kText:
      if (absl::StripAsciiWhitespace(request.text()).empty()) {
        return absl::InvalidArgumentError("text is empty");
      }
      source.text = request.text();
      return source;
    default:
      return absl::InvalidArgumentError(
          "a passage ({\"passage\": {\"id\": ..., \"paragraph_index\": N}}) or a text is required");
  }
}

struct Hit {
  int days = std::numeric_limits<int>::max();  // Undated last.
  PassageReuse reuse;
};

}  // namespace

absl::StatusOr<FindPassageReuseResponse> FindPassageReuse(const FindPassageReuseRequest& request,
                                                          IndexSnapshot index,
                                                          TextAnalyzer& analyzer,
                                                          const QueryLimits& limits) {
  if (request.min_similarity() < 0 || request.min_similarity() > 1) {
    return absl::InvalidArgumentError(absl::StrCat("min_similarity must be in (0, 1] (0 means ",
                                                   kDefaultReuseSimilarity, "), not ",
                                                   request.min_similarity()));
  }
  if (request.max_results() < 0 || request.max_results() > kMaxReuseResults) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_results ", request.max_results(), " is outside 0..", kMaxReuseResults));
  }
  const double threshold =
      request.min_similarity() == 0 ? kDefaultReuseSimilarity : request.min_similarity();
  const size_t max_results =
      request.max_results() == 0 ? kDefaultReuseResults : request.max_results();
  const PassageIndex* passages = PassageIndex::Of(*index);
  if (passages == nullptr) {
    return absl::FailedPreconditionError(
        "this query service keeps no passage fingerprints (started with --passage_reuse=false)");
  }
  absl::StatusOr<Source> source = ResolveSource(request, index);
  if (!source.ok()) return source.status();
  const std::vector<PassageFingerprint> looked_for = FingerprintParagraph(source->text, analyzer);
  if (looked_for.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        request.has_passage() ? "passage.paragraph_index: the paragraph" : "text",
        " has fewer than ", kMinPassageWords, " words; shorter passages are not fingerprinted"));
  }
  std::optional<std::vector<bool>> allowed;
  if (request.has_filter()) {
    absl::StatusOr<std::vector<bool>> evaluated =
        EvaluateFilter(&request.filter(), "filter", index, analyzer, limits);
    if (!evaluated.ok()) return evaluated.status();
    allowed = *std::move(evaluated);
  }

  std::vector<BandKeys> bands;
  for (const PassageFingerprint& passage : looked_for) bands.push_back(passage.bands);
  const std::vector<PassageRef> candidates = passages->table().Candidates(bands);

  FindPassageReuseResponse response;
  std::vector<Hit> hits;
  std::optional<Document> loaded;  // Candidates come in DocId order.
  DocId loaded_doc = 0;
  int last_paragraph = -1;
  for (const PassageRef& ref : candidates) {
    if (ref.doc >= index->live().size() || !index->live()[ref.doc]) continue;
    if (allowed.has_value() && (ref.doc >= allowed->size() || !(*allowed)[ref.doc])) continue;
    if (!loaded.has_value() || loaded_doc != ref.doc) {
      absl::StatusOr<Document> document = index->documents().Load(ref.doc);
      if (!document.ok()) return document.status();
      loaded = *std::move(document);
      loaded_doc = ref.doc;
      last_paragraph = -1;
    }
    // The windows of one paragraph come together: score the paragraph once.
    if (ref.paragraph == last_paragraph) continue;
    last_paragraph = ref.paragraph;
    if (ref.paragraph >= loaded->paragraphs_size()) continue;
    response.set_candidates_checked(response.candidates_checked() + 1);
    const std::string& text = loaded->paragraphs(ref.paragraph).text();
    const std::vector<PassageFingerprint> found = FingerprintParagraph(text, analyzer);
    double best = -1, containment = 0;
    const PassageFingerprint* best_source = nullptr;
    const PassageFingerprint* best_found = nullptr;
    for (const PassageFingerprint& q : looked_for) {
      for (const PassageFingerprint& f : found) {
        const double similarity = ShingleJaccard(q.shingles, f.shingles);
        if (similarity > best) {
          best = similarity;
          containment = ShingleContainment(q.shingles, f.shingles);
          best_source = &q;
          best_found = &f;
        }
      }
    }
    if (best_found == nullptr || best < threshold) continue;
    Hit& hit = hits.emplace_back();
    PassageReuse& reuse = hit.reuse;
    reuse.set_id(loaded->id());
    reuse.set_title(loaded->title());
    if (loaded->has_published()) {
      *reuse.mutable_published() = loaded->published();
      int days = 0;
      if (DateToDays(loaded->published(), &days)) hit.days = days;
    }
    reuse.set_doc_type(loaded->doc_type());
    reuse.set_language(loaded->language());
    reuse.set_paragraph_index(ref.paragraph);
    reuse.set_paragraph_number(loaded->paragraphs(ref.paragraph).number());
    reuse.set_similarity(best);
    reuse.set_containment(containment);
    const absl::string_view source_part =
        absl::string_view(source->text)
            .substr(best_source->start, best_source->end - best_source->start);
    const absl::string_view found_part =
        absl::string_view(text).substr(best_found->start, best_found->end - best_found->start);
    const WordDiffResult aligned = WordDiff(source_part, found_part);
    reuse.set_source_start(static_cast<int>(best_source->start + aligned.from_aligned_start));
    reuse.set_source_end(static_cast<int>(best_source->start + aligned.from_aligned_end));
    reuse.set_start(static_cast<int>(best_found->start + aligned.to_aligned_start));
    reuse.set_end(static_cast<int>(best_found->start + aligned.to_aligned_end));
    reuse.set_text(std::string(found_part.substr(
        aligned.to_aligned_start, aligned.to_aligned_end - aligned.to_aligned_start)));
    reuse.set_is_query(source->doc.has_value() && *source->doc == ref.doc &&
                       source->paragraph == ref.paragraph);
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return std::forward_as_tuple(a.days, a.reuse.id(), a.reuse.paragraph_index()) <
           std::forward_as_tuple(b.days, b.reuse.id(), b.reuse.paragraph_index());
  });
  if (hits.size() > max_results) hits.resize(max_results);
  if (!hits.empty()) hits.front().reuse.set_first_known_source(true);
  for (Hit& hit : hits) *response.add_passages() = std::move(hit.reuse);
  return response;
}

}  // namespace docsearch::query::compare
