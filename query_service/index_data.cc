#include "query_service/index_data.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace docsearch::query {
namespace {

using docsearch::v1::AttributeValue;
using docsearch::v1::Document;

// Appends `document`'s tokens for one field at DocId `doc`.
void IndexText(const std::vector<std::string>& passages, absl::string_view language, DocId doc,
               TextAnalyzer& analyzer, TextFieldIndex& field) {
  absl::flat_hash_map<std::string, Posting> per_term;
  uint32_t base = 0;
  uint32_t length = 0;
  for (const std::string& passage : passages) {
    std::vector<Token> tokens =
        analyzer.Analyze(passage, std::string_view(language.data(), language.size()));
    for (const Token& token : tokens) {
      Posting& posting = per_term[token.term];
      posting.doc = doc;
      posting.frequency++;
      posting.positions.push_back(base + token.position);
    }
    length += static_cast<uint32_t>(tokens.size());
    if (!tokens.empty()) base += tokens.back().position + 1 + kParagraphPositionGap;
  }
  for (auto& [term, posting] : per_term) field.postings[term].push_back(std::move(posting));
  if (field.lengths.size() <= doc) field.lengths.resize(doc + 1, 0);
  field.lengths[doc] = length;
  field.live_total_length += length;
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

template <typename T>
void SetColumn(std::vector<T>& column, DocId doc, T value, T absent) {
  if (column.size() <= doc) column.resize(doc + 1, absent);
  column[doc] = value;
}

}  // namespace

std::vector<std::string> BodyPassages(const Document& document) {
  std::vector<std::string> passages;
  if (!document.subtitle().empty()) passages.push_back(document.subtitle());
  for (const auto& paragraph : document.paragraphs()) passages.push_back(paragraph.text());
  for (const auto& footnote : document.footnotes()) passages.push_back(footnote.text());
  return passages;
}

absl::Status IndexData::Add(std::unique_ptr<Document> document, TextAnalyzer& analyzer) {
  if (document->id().empty()) return absl::InvalidArgumentError("document.id is empty");
  // Check attribute kinds before changing anything, so a rejected document
  // leaves the index as it was.
  for (const auto& [key, value] : document->attributes()) {
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
  if (Find(document->id()) != nullptr) {
    absl::Status removed = Remove(document->id());
    if (!removed.ok()) return removed;
  }

  const DocId doc = static_cast<DocId>(documents.size());
  const std::string& language = document->language();
  IndexText({document->title()}, language, doc, analyzer, title);
  IndexText(BodyPassages(*document), language, doc, analyzer, body);

  for (const BuiltinField& field : BuiltinFields()) {
    if (field.kind != FieldKind::kKeyword) continue;
    for (const std::string& value : BuiltinKeywordValues(*document, field.name)) {
      std::string folded = analyzer.FoldWord(value);
      keyword_display[field.name].try_emplace(folded, value);
      std::vector<DocId>& docs = keywords[field.name][folded];
      if (docs.empty() || docs.back() != doc) docs.push_back(doc);
    }
  }
  int days = 0;
  if (DateToDays(document->published(), &days)) SetColumn(dates["published"], doc, days, kNoDate);
  if (document->has_updated()) {
    SetColumn(dates["updated"], doc, static_cast<int>(document->updated().seconds() / 86400),
              kNoDate);
  }
  for (const auto& [key, value] : document->attributes()) {
    const std::string field = absl::StrCat(kAttributePrefix, key);
    FieldKind kind = KindOfAttribute(value);
    attribute_kinds.emplace(key, kind);
    switch (value.value_case()) {
      case AttributeValue::kKeywordValue: {
        std::string folded = analyzer.FoldWord(value.keyword_value());
        keyword_display[field].try_emplace(folded, value.keyword_value());
        std::vector<DocId>& docs = keywords[field][folded];
        if (docs.empty() || docs.back() != doc) docs.push_back(doc);
        break;
      }
      case AttributeValue::kIntegerValue:
        SetColumn(numbers[field], doc, static_cast<double>(value.integer_value()), std::nan(""));
        break;
      case AttributeValue::kDoubleValue:
        SetColumn(numbers[field], doc, value.double_value(), std::nan(""));
        break;
      case AttributeValue::kDateValue:
        if (DateToDays(value.date_value(), &days)) SetColumn(dates[field], doc, days, kNoDate);
        break;
      default:
        break;
    }
  }

  uint64_t text_bytes = document->title().size();
  for (const std::string& passage : BodyPassages(*document)) text_bytes += passage.size();
  live_text_bytes += text_bytes;
  id_to_doc[document->id()] = doc;
  documents.push_back(std::move(document));
  live.push_back(true);
  live_count++;
  if (annex != nullptr) annex->Added(doc, *documents.back());
  return absl::OkStatus();
}

absl::Status IndexData::Remove(const std::string& id) {
  auto it = id_to_doc.find(id);
  if (it == id_to_doc.end())
    return absl::NotFoundError(absl::StrCat("no document with id '", id, "'"));
  const DocId doc = it->second;
  live[doc] = false;
  live_count--;
  if (annex != nullptr) annex->Removed(doc);
  title.live_total_length -= title.lengths[doc];
  body.live_total_length -= body.lengths[doc];
  uint64_t text_bytes = documents[doc]->title().size();
  for (const std::string& passage : BodyPassages(*documents[doc])) text_bytes += passage.size();
  live_text_bytes -= text_bytes;
  id_to_doc.erase(it);
  return absl::OkStatus();
}

const Document* IndexData::Find(const std::string& id) const {
  auto it = id_to_doc.find(id);
  return it == id_to_doc.end() ? nullptr : documents[it->second].get();
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

uint64_t IndexData::MemoryBytes() const {
  uint64_t bytes = 0;
  for (const TextFieldIndex* field : {&title, &body}) {
    for (const auto& [term, postings] : field->postings) {
      bytes += term.size() + sizeof(postings) + 32;
      for (const Posting& posting : postings) {
        bytes += sizeof(Posting) + posting.positions.capacity() * sizeof(uint32_t);
      }
    }
    bytes += field->lengths.capacity() * sizeof(uint32_t);
  }
  for (const auto& document : documents) bytes += document->SpaceUsedLong();
  for (const auto& [field, values] : keywords) {
    for (const auto& [value, docs] : values)
      bytes += value.size() + docs.capacity() * sizeof(DocId) + 32;
  }
  for (const auto& [field, column] : dates) bytes += column.capacity() * sizeof(int);
  for (const auto& [field, column] : numbers) bytes += column.capacity() * sizeof(double);
  bytes += id_to_doc.size() * 48;
  if (annex != nullptr) bytes += annex->MemoryBytes();
  return bytes;
}

}  // namespace docsearch::query
