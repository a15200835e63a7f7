#include "query_service/compare/document_comparer.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/analysis_languages.h"
#include "common/text_fingerprint.h"
#include "common/utf8_text.h"
#include "query_service/compare/paragraph_aligner.h"
#include "query_service/compare/phrase_extractor.h"
#include "query_service/compare/phrase_matcher.h"
#include "query_service/compare/version_diff.h"
#include "query_service/index/field_schema.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::ComparedEntity;
using docsearch::v1::CompareDocumentsRequest;
using docsearch::v1::CompareDocumentsResponse;
using docsearch::v1::ComparedPhrase;
using docsearch::v1::ComparedTerm;
using docsearch::v1::ComparisonSide;
using docsearch::v1::Document;

void FillTerms(const TermCounts& counts_a, const TermVector& va, const TermCounts& counts_b,
               const TermVector& vb, int max_terms, CompareDocumentsResponse& response) {
  struct Entry {
    double rank;
    ComparedTerm term;
  };
  std::vector<Entry> shared, only_a, only_b;
  auto make = [&](const std::string& term, double wa, double wb) {
    ComparedTerm t;
    t.set_term(term);
    auto ia = counts_a.find(term);
    auto ib = counts_b.find(term);
    t.set_text(ia != counts_a.end() ? ia->second.surface : ib->second.surface);
    t.set_weight_a(wa);
    t.set_weight_b(wb);
    t.set_count_a(ia != counts_a.end() ? ia->second.count : 0);
    t.set_count_b(ib != counts_b.end() ? ib->second.count : 0);
    return t;
  };
  auto i = va.weights.begin();
  auto j = vb.weights.begin();
  while (i != va.weights.end() || j != vb.weights.end()) {
    if (j == vb.weights.end() || (i != va.weights.end() && i->first < j->first)) {
      only_a.push_back({i->second, make(i->first, i->second, 0)});
      ++i;
    } else if (i == va.weights.end() || j->first < i->first) {
      only_b.push_back({j->second, make(j->first, 0, j->second)});
      ++j;
    } else {
      shared.push_back({std::min(i->second, j->second), make(i->first, i->second, j->second)});
      ++i, ++j;
    }
  }
  auto emit = [max_terms](std::vector<Entry>& entries,
                          google::protobuf::RepeatedPtrField<ComparedTerm>* out) {
    std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
      return x.rank != y.rank ? x.rank > y.rank : x.term.term() < y.term.term();
    });
    for (size_t k = 0; k < entries.size() && static_cast<int>(k) < max_terms; ++k) {
      *out->Add() = std::move(entries[k].term);
    }
  };
  emit(shared, response.mutable_shared_terms());
  emit(only_a, response.mutable_only_a_terms());
  emit(only_b, response.mutable_only_b_terms());
}

void FillPhrases(std::vector<MatchedPhrase>& phrases, int max_phrases,
                 google::protobuf::RepeatedPtrField<ComparedPhrase>* out) {
  for (size_t k = 0; k < phrases.size() && static_cast<int>(k) < max_phrases; ++k) {
    MatchedPhrase& m = phrases[k];
    ComparedPhrase* p = out->Add();
    p->set_text(std::move(m.text));
    p->set_key(std::move(m.key));
    for (std::string& form : m.forms_a) p->add_forms_a(std::move(form));
    for (std::string& form : m.forms_b) p->add_forms_b(std::move(form));
    p->set_count_a(m.count_a);
    p->set_count_b(m.count_b);
    p->set_score(m.score);
  }
}

void FillEntities(const Document* a, const Document* b, CompareDocumentsResponse& response) {
  // (type, lower-cased name) → (name as stored, count in A, count in B).
  std::map<std::pair<int, std::string>, std::tuple<std::string, int, int>> entities;
  auto add = [&](const Document* document, bool side_a) {
    if (document == nullptr) return;
    for (const auto& entity : document->entities()) {
      auto& [name, count_a, count_b] =
          entities[{entity.type(), absl::AsciiStrToLower(entity.name())}];
      if (name.empty()) name = entity.name();
      (side_a ? count_a : count_b) += std::max(1, entity.mention_count());
    }
  };
  add(a, true);
  add(b, false);
  for (const auto& [key, value] : entities) {
    const auto& [name, count_a, count_b] = value;
    ComparedEntity* e = count_a > 0 && count_b > 0 ? response.add_shared_entities()
                        : count_a > 0              ? response.add_only_a_entities()
                                                   : response.add_only_b_entities();
    e->set_type(static_cast<docsearch::v1::EntityType>(key.first));
    e->set_name(name);
    e->set_count_a(count_a);
    e->set_count_b(count_b);
  }
}

// The text a side's fingerprint covers (common/text_fingerprint.h): a
// stored document's paragraphs, or the blocks of a raw text.
std::string FingerprintedTextOf(const SideText& side) {
  if (side.document != nullptr) return FingerprintedText(*side.document);
  std::string text;
  for (const Passage& passage : side.text().passages) {
    if (passage.kind == PassageKind::kParagraph) absl::StrAppend(&text, passage.text, "\n");
  }
  return text;
}

// The fingerprint stored at ingest when the side has one (the numbers
// FindNearDuplicates uses, and no work here), else computed from `text`
// (FingerprintedTextOf) by the same scheme, so the two compare.
docsearch::v1::Fingerprint FingerprintOf(const SideText& side, const std::string& text) {
  if (side.document != nullptr && HasMinHash(side.document->fingerprint())) {
    return side.document->fingerprint();
  }
  return ComputeTextFingerprint(text);
}

// The passage of paragraph `index`, or null.
const Passage* ParagraphPassage(const AnalyzedText& text, int index) {
  for (const Passage& passage : text.passages) {
    if (passage.kind == PassageKind::kParagraph && passage.paragraph_index == index) {
      return &passage;
    }
  }
  return nullptr;
}

void Describe(const SideText& side, docsearch::v1::ComparedDocument* out) {
  out->set_paragraph_count(side.text().paragraph_count);
  if (side.document == nullptr) return;
  out->set_id(side.document->id());
  out->set_title(side.document->title());
  if (side.document->has_published()) *out->mutable_published() = side.document->published();
}

}  // namespace

absl::StatusOr<SideText> ResolveSide(const ComparisonSide& side, const std::string& path,
                                     IndexSnapshot index, TextAnalyzer& analyzer,
                                     AnalysisCache* cache) {
  SideText resolved;
  switch (side.source_case()) {
    case ComparisonSide::kId: {
      if (side.id().empty()) return absl::InvalidArgumentError(absl::StrCat(path, ".id is empty"));
      resolved.doc = index->FindDoc(side.id());
      if (!resolved.doc.has_value()) {
        return absl::NotFoundError(
            absl::StrCat(path, ".id: no document with id '", TruncatedForMessage(side.id()), "'"));
      }
      absl::StatusOr<Document> stored = index->documents().Load(*resolved.doc);
      if (!stored.ok()) return stored.status();
      resolved.document = std::make_shared<const Document>(*std::move(stored));
      resolved.analyzed =
          cache != nullptr
              ? cache->Get(*resolved.doc, *resolved.document, analyzer)
              : std::make_shared<const AnalyzedText>(AnalyzeDocument(*resolved.document, analyzer));
      return resolved;
    }
    case ComparisonSide::kText:
      if (absl::StripAsciiWhitespace(side.text()).empty()) {
        return absl::InvalidArgumentError(absl::StrCat(path, ".text is empty"));
      }
      {
        absl::StatusOr<std::string> language =
            RequestedAnalysisLanguage(side.language(), path + ".language");
        if (!language.ok()) return language.status();
        resolved.analyzed =
            std::make_shared<const AnalyzedText>(AnalyzeRawText(side.text(), *language, analyzer));
      }
      return resolved;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(path, " needs an id or a text (e.g. {\"id\": \"...\"})"));
  }
}

CompareDocumentsResponse CompareSides(const SideText& a, const SideText& b,
                                      const TermStatistics& statistics,
                                      const CompareOptions& options) {
  CompareDocumentsResponse response;
  Describe(a, response.mutable_a());
  Describe(b, response.mutable_b());

  const TermCounts counts_a = CountTerms(a.text());
  const TermCounts counts_b = CountTerms(b.text());
  const TermVector va = Weigh(counts_a, statistics);
  const TermVector vb = Weigh(counts_b, statistics);
  auto* similarity = response.mutable_similarity();
  similarity->set_cosine(Cosine(va, vb));
  const std::string text_a = FingerprintedTextOf(a);
  const std::string text_b = FingerprintedTextOf(b);
  similarity->set_shingle_jaccard(ShingleJaccard(ShingleSet(text_a), ShingleSet(text_b)));
  const docsearch::v1::Fingerprint fa = FingerprintOf(a, text_a);
  const docsearch::v1::Fingerprint fb = FingerprintOf(b, text_b);
  similarity->set_minhash_resemblance(MinHashResemblance(fa, fb));
  similarity->set_simhash_distance(SimHashDistance(fa.simhash(), fb.simhash()));
  FillTerms(counts_a, va, counts_b, vb, options.max_terms, response);

  const std::vector<Phrase> phrases_a = ExtractPhrases(a.text());
  const std::vector<Phrase> phrases_b = ExtractPhrases(b.text());
  PhraseMatches phrases = MatchPhrases(a.text(), phrases_a, b.text(), phrases_b, statistics);
  FillPhrases(phrases.shared, options.max_phrases, response.mutable_shared_phrases());
  FillPhrases(phrases.only_a, options.max_phrases, response.mutable_only_a_phrases());
  FillPhrases(phrases.only_b, options.max_phrases, response.mutable_only_b_phrases());

  FillEntities(a.document.get(), b.document.get(), response);

  const bool by_number =
      a.document != nullptr && b.document != nullptr && AlignsByNumber(*a.document, *b.document);
  Alignment alignment =
      by_number ? AlignParagraphsByNumber(a.text(), ParagraphNumbers(*a.document), b.text(),
                                          ParagraphNumbers(*b.document), statistics)
                : AlignParagraphs(a.text(), b.text(), statistics, options.min_paragraph_similarity);
  response.set_aligned_by_number(by_number);
  for (AlignedPair& pair : alignment.pairs) {
    auto* out = response.add_paragraph_pairs();
    out->set_a_index(pair.a_index);
    out->set_b_index(pair.b_index);
    out->set_similarity(pair.similarity);
    for (std::string& term : pair.shared_terms) out->add_shared_terms(std::move(term));
    const Passage* passage_a = ParagraphPassage(a.text(), pair.a_index);
    const Passage* passage_b = ParagraphPassage(b.text(), pair.b_index);
    // Word edits between two languages would list every word.
    if (!by_number && passage_a != nullptr && passage_b != nullptr) {
      AppendWordEdits(passage_a->text, passage_b->text, out->mutable_edits());
    }
  }
  for (int i : alignment.unaligned_a) response.add_unaligned_a(i);
  for (int j : alignment.unaligned_b) response.add_unaligned_b(j);

  int days_a = 0, days_b = 0;
  if (a.document != nullptr && b.document != nullptr &&
      DateToDays(a.document->published(), &days_a) &&
      DateToDays(b.document->published(), &days_b)) {
    response.set_days_between(days_b - days_a);
  }
  return response;
}

absl::StatusOr<CompareOptions> CompareOptionsOf(const CompareDocumentsRequest& request) {
  if (!request.has_a()) return absl::InvalidArgumentError("a is required");
  if (!request.has_b()) return absl::InvalidArgumentError("b is required");
  // Bounded like CompareSets' lists: INT_MAX used to return 17 MB.
  if (request.max_terms() < 0 || request.max_terms() > kMaxCompareListEntries) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_terms ", request.max_terms(), " is outside 0..", kMaxCompareListEntries));
  }
  if (request.max_phrases() < 0 || request.max_phrases() > kMaxCompareListEntries) {
    return absl::InvalidArgumentError(absl::StrCat("max_phrases ", request.max_phrases(),
                                                   " is outside 0..", kMaxCompareListEntries));
  }
  if (request.min_paragraph_similarity() < 0 || request.min_paragraph_similarity() > 1) {
    return absl::InvalidArgumentError("min_paragraph_similarity must be in [0, 1]");
  }
  CompareOptions options;
  if (request.max_terms() > 0) options.max_terms = request.max_terms();
  if (request.max_phrases() > 0) options.max_phrases = request.max_phrases();
  if (request.min_paragraph_similarity() > 0) {
    options.min_paragraph_similarity = request.min_paragraph_similarity();
  }
  return options;
}

absl::StatusOr<CompareDocumentsResponse> CompareDocuments(const CompareDocumentsRequest& request,
                                                          IndexSnapshot index,
                                                          TextAnalyzer& analyzer,
                                                          AnalysisCache* cache) {
  absl::StatusOr<CompareOptions> options = CompareOptionsOf(request);
  if (!options.ok()) return options.status();
  absl::StatusOr<SideText> a = ResolveSide(request.a(), "a", index, analyzer, cache);
  if (!a.ok()) return a.status();
  absl::StatusOr<SideText> b = ResolveSide(request.b(), "b", index, analyzer, cache);
  if (!b.ok()) return b.status();
  return CompareSides(*a, *b, IndexTermStatistics(index), *options);
}

}  // namespace docsearch::query::compare
