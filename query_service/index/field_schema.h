// The typed fields the index knows, and how a document fills them.
//
//   text:    title, body                       (analyzed, scored with BM25)
//   keyword: doc_type, language, reference,    (exact, case-insensitive)
//            entity.person, entity.organization, entity.place,
//            attributes.<key> with keyword values
//   date:    published, updated, attributes.<key> with date values
//   number:  attributes.<key> with integer or double values
//
// Attribute fields take the kind of the first value indexed under that key;
// a later document giving the same key another kind is rejected (the kind
// is part of the field's contract with queries).
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_FIELD_SCHEMA_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_FIELD_SCHEMA_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::query {

enum class FieldKind { kText, kKeyword, kDate, kNumber };

absl::string_view FieldKindName(FieldKind kind);

inline constexpr absl::string_view kTitleField = "title";
inline constexpr absl::string_view kBodyField = "body";
inline constexpr absl::string_view kAttributePrefix = "attributes.";

// The built-in fields with their kinds (attributes are added per index).
struct BuiltinField {
  absl::string_view name;
  FieldKind kind;
};
const std::vector<BuiltinField>& BuiltinFields();

// The keyword value indexed for a document type, e.g. "press_statement".
std::string DocTypeKeyword(docsearch::v1::DocType type);

// The keyword values a document contributes to `field` (a built-in keyword
// field), before case folding.
std::vector<std::string> BuiltinKeywordValues(const docsearch::v1::Document& document,
                                              absl::string_view field);

// Days since 1970-01-01 for a calendar date; false when the date is unset or
// invalid.
bool DateToDays(const docsearch::v1::Date& date, int* days);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_FIELD_SCHEMA_H_
