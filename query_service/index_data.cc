#include "query_service/index_data.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace docsearch::query {
namespace {

using docsearch::v1::AttributeValue;
using docsearch::v1::Document;

// Rough per-entry overhead of a hash map slot (control byte, spare capacity).
constexpr uint64_t kHashEntryOverhead = 32;

FieldTerms AnalyzeField(const std::vector<std::string>& passages, absl::string_view language,
                        TextAnalyzer& analyzer) {
  FieldTerms field;
  uint32_t base = 0;
  for (const std::string& passage : passages) {
    field.passage_starts.push_back(base);
    std::vector<Token> tokens =
        analyzer.Analyze(passage, std::string_view(language.data(), language.size()));
    for (const Token& token : tokens) {
      field.per_term[token.term].push_back(base + token.position);
    }
    field.length += static_cast<uint32_t>(tokens.size());
    if (!tokens.empty()) base += tokens.back().position + 1 + kParagraphPositionGap;
  }
  return field;
}

// Appends one field's terms at DocId `doc`. Returns the bytes the field's
// structures grew by.
uint64_t IndexText(const FieldTerms& analyzed, DocId doc, TextFieldIndex& field,
                   uint64_t& live_postings) {
  uint64_t bytes = sizeof(uint32_t);  // Its entry in `lengths`.
  for (const auto& [term, positions] : analyzed.per_term) {
    auto [it, inserted] = field.postings.try_emplace(term);
    PostingList& list = it->second;
    const uint64_t before = list.MemoryBytes();
    if (inserted) bytes += term.size() + kHashEntryOverhead + sizeof(PostingList);
    list.stats().live_documents++;
    list.Append(doc, analyzed.length, positions);
    bytes += list.MemoryBytes() - before;
  }
  live_postings += analyzed.per_term.size();
  if (field.lengths.size() <= doc) field.lengths.resize(doc + 1, 0);
  field.lengths[doc] = analyzed.length;
  // DocIds are dense and each is indexed once, so `doc` is the next slot
  // (the resize only guards that).
  field.passage_begin.resize(doc + 1, field.passage_begin.back());
  field.passage_starts.insert(field.passage_starts.end(), analyzed.passage_starts.begin(),
                              analyzed.passage_starts.end());
  field.passage_begin.push_back(static_cast<uint32_t>(field.passage_starts.size()));
  bytes += (analyzed.passage_starts.size() + 1) * sizeof(uint32_t);
  field.live_total_length += analyzed.length;
  return bytes;
}

// Takes a dead document's terms out of the live document frequencies.
void UnindexText(const FieldTerms& analyzed, TextFieldIndex& field, uint64_t& live_postings) {
  for (const auto& [term, positions] : analyzed.per_term) {
    auto it = field.postings.find(term);
    if (it != field.postings.end() && it->second.stats().live_documents > 0) {
      it->second.stats().live_documents--;
    }
  }
  live_postings -= std::min<uint64_t>(live_postings, analyzed.per_term.size());
}

FieldKind KindOfAttribute(const AttributeValue& value) {
  switch (value.value_case()) {
    case AttributeValue::kDateValue:
      return FieldKind::kDate;
    case AttributeValue::kIntegerValue:
    case AttributeValue::kDoubleValue:
      return FieldKind::kNumber;
    default:
      return FieldKind::kKeyword;
  }
}

// Returns the bytes the column grew by.
template <typename T>
uint64_t SetColumn(std::vector<T>& column, DocId doc, T value, T absent) {
  uint64_t grown = 0;
  if (column.size() <= doc) {
    grown = (doc + 1 - column.size()) * sizeof(T);
    column.resize(doc + 1, absent);
  }
  column[doc] = value;
  return grown;
}

// Adds `doc` to the postings of keyword `folded`; returns the bytes added.
uint64_t AddKeyword(absl::flat_hash_map<std::string, std::vector<DocId>>& values,
                    const std::string& folded, DocId doc) {
  auto [it, inserted] = values.try_emplace(folded);
  uint64_t bytes = inserted ? folded.size() + sizeof(std::vector<DocId>) + kHashEntryOverhead : 0;
  std::vector<DocId>& docs = it->second;
  if (docs.empty() || docs.back() != doc) {
    docs.push_back(doc);
    bytes += sizeof(DocId);
  }
  return bytes;
}

}  // namespace

DocumentTerms AnalyzeDocument(const Document& document, TextAnalyzer& analyzer) {
  return {AnalyzeField({document.title()}, document.language(), analyzer),
          AnalyzeField(BodyPassages(document), document.language(), analyzer)};
}

std::vector<std::string> BodyPassages(const Document& document) {
  std::vector<std::string> passages;
  if (!document.subtitle().empty()) passages.push_back(document.subtitle());
  for (const auto& paragraph : document.paragraphs()) passages.push_back(paragraph.text());
  for (const auto& footnote : document.footnotes()) passages.push_back(footnote.text());
  return passages;
}

absl::Status IndexData::Add(const Document& document, TextAnalyzer& analyzer,
                            const DocumentTerms* terms, const DocumentTerms* replaced_terms) {
  if (document.id().empty()) return absl::InvalidArgumentError("document.id is empty");
  // Check attribute kinds before changing anything, so a rejected document
  // leaves the index as it was.
  for (const auto& [key, value] : document.attributes()) {
    if (value.value_case() == AttributeValue::VALUE_NOT_SET) {
      return absl::InvalidArgumentError(
          absl::StrCat("document.attributes[\"", key, "\"] has no value"));
    }
    auto known = attribute_kinds.find(key);
    if (known != attribute_kinds.end() && known->second != KindOfAttribute(value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "document.attributes[\"", key, "\"] is a ", FieldKindName(KindOfAttribute(value)),
          " but the field is already ", FieldKindName(known->second)));
    }
  }
  // The store is shared with the index's other copy, which may have added
  // this slot already: it must hold this very document, or the copies have
  // diverged (a bug). Refuse before changing anything rather than index
  // one document's terms under another's stored text.
  const DocId next_slot = static_cast<DocId>(live.size());
  if (documents->size() > next_slot && documents->id(next_slot) != document.id()) {
    return absl::InternalError(absl::StrCat("the index's copies disagree at slot ", next_slot,
                                            ": it holds '", std::string(documents->id(next_slot)),
                                            "', not '", document.id(), "'"));
  }
  if (id_to_doc.contains(document.id())) {
    absl::Status removed = Remove(document.id(), analyzer, replaced_terms);
    if (!removed.ok()) return removed;
  }
  std::optional<DocumentTerms> analyzed;
  if (terms == nullptr) terms = &analyzed.emplace(AnalyzeDocument(document, analyzer));

  const DocId doc = static_cast<DocId>(live.size());
  // Its live bit and id entry (the stored document is counted by the store).
  uint64_t bytes = 1 + document.id().size() + sizeof(DocId) + kHashEntryOverhead;
  bytes += IndexText(terms->title, doc, title, live_postings);
  bytes += IndexText(terms->body, doc, body, live_postings);

  for (const BuiltinField& field : BuiltinFields()) {
    if (field.kind != FieldKind::kKeyword) continue;
    std::vector<std::string> folded_values;
    for (const std::string& value : BuiltinKeywordValues(document, field.name)) {
      std::string folded = analyzer.FoldWord(value);
      keyword_display[field.name].try_emplace(folded, value);
      bytes += AddKeyword(keywords[field.name], folded, doc);
      folded_values.push_back(std::move(folded));
    }
    if (!folded_values.empty()) bytes += keyword_columns[field.name].Add(doc, folded_values);
  }
  int days = 0;
  if (DateToDays(document.published(), &days)) {
    bytes += SetColumn(dates["published"], doc, days, kNoDate);
  }
  if (document.has_updated()) {
    bytes += SetColumn(dates["updated"], doc,
                       static_cast<int>(document.updated().seconds() / 86400), kNoDate);
  }
  for (const auto& [key, value] : document.attributes()) {
    const std::string field = absl::StrCat(kAttributePrefix, key);
    FieldKind kind = KindOfAttribute(value);
    attribute_kinds.emplace(key, kind);
    switch (value.value_case()) {
      case AttributeValue::kKeywordValue: {
        std::string folded = analyzer.FoldWord(value.keyword_value());
        keyword_display[field].try_emplace(folded, value.keyword_value());
        bytes += AddKeyword(keywords[field], folded, doc);
        bytes += keyword_columns[field].Add(doc, {folded});
        break;
      }
      case AttributeValue::kIntegerValue:
        bytes += SetColumn(numbers[field], doc, static_cast<double>(value.integer_value()),
                           std::nan(""));
        break;
      case AttributeValue::kDoubleValue:
        bytes += SetColumn(numbers[field], doc, value.double_value(), std::nan(""));
        break;
      case AttributeValue::kDateValue:
        if (DateToDays(value.date_value(), &days)) {
          bytes += SetColumn(dates[field], doc, days, kNoDate);
        }
        break;
      default:
        break;
    }
  }

  uint64_t text_bytes = document.title().size();
  for (const std::string& passage : BodyPassages(document)) text_bytes += passage.size();
  live_text_bytes += text_bytes;
  memory_bytes += bytes;
  id_to_doc[document.id()] = doc;
  // A store shared with the other copy of the index may hold this slot
  // already.
  if (documents->size() == doc) documents->Append(document);
  live.push_back(true);
  live_count++;
  if (annex != nullptr) annex->Added(doc, document);
  return absl::OkStatus();
}

absl::Status IndexData::Remove(const std::string& id, TextAnalyzer& analyzer,
                               const DocumentTerms* terms) {
  auto it = id_to_doc.find(id);
  if (it == id_to_doc.end())
    return absl::NotFoundError(absl::StrCat("no document with id '", id, "'"));
  const DocId doc = it->second;
  absl::StatusOr<Document> stored = documents->Load(doc);
  if (!stored.ok()) return stored.status();
  const Document& document = *stored;
  std::optional<DocumentTerms> analyzed;
  if (terms == nullptr) terms = &analyzed.emplace(AnalyzeDocument(document, analyzer));
  UnindexText(terms->title, title, live_postings);
  UnindexText(terms->body, body, live_postings);
  // The dead slot keeps its postings and stored document; only the id entry
  // goes.
  memory_bytes -= std::min<uint64_t>(memory_bytes, id.size() + sizeof(DocId) + kHashEntryOverhead);
  live[doc] = false;
  live_count--;
  if (annex != nullptr) annex->Removed(doc);
  title.live_total_length -= title.lengths[doc];
  body.live_total_length -= body.lengths[doc];
  uint64_t text_bytes = document.title().size();
  for (const std::string& passage : BodyPassages(document)) text_bytes += passage.size();
  live_text_bytes -= text_bytes;
  id_to_doc.erase(it);
  return absl::OkStatus();
}

absl::StatusOr<Document> IndexData::Find(const std::string& id) const {
  auto it = id_to_doc.find(id);
  if (it == id_to_doc.end()) {
    return absl::NotFoundError(absl::StrCat("no document with id '", id, "'"));
  }
  return documents->Load(it->second);
}

std::optional<DocId> IndexData::FindDoc(const std::string& id) const {
  auto it = id_to_doc.find(id);
  if (it == id_to_doc.end()) return std::nullopt;
  return it->second;
}

const TextFieldIndex* IndexData::TextField(absl::string_view name) const {
  if (name == kTitleField) return &title;
  if (name == kBodyField) return &body;
  return nullptr;
}

absl::StatusOr<FieldKind> IndexData::KindOf(absl::string_view field) const {
  for (const BuiltinField& builtin : BuiltinFields()) {
    if (builtin.name == field) return builtin.kind;
  }
  if (absl::StartsWith(field, kAttributePrefix)) {
    auto it = attribute_kinds.find(field.substr(kAttributePrefix.size()));
    if (it != attribute_kinds.end()) return it->second;
  }
  std::string known;
  for (const BuiltinField& builtin : BuiltinFields()) {
    absl::StrAppend(&known, known.empty() ? "" : ", ", builtin.name);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown field '", field, "' (known: ", known, ", attributes.<key>)"));
}

}  // namespace docsearch::query
