#include "query_service/index/field_schema.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/time/civil_time.h"

namespace docsearch::query {

using docsearch::v1::Document;
using docsearch::v1::EntityType;

absl::string_view FieldKindName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kText:
      return "text";
    case FieldKind::kKeyword:
      return "keyword";
    case FieldKind::kDate:
      return "date";
    case FieldKind::kNumber:
      return "number";
  }
  return "unknown";
}

const std::vector<BuiltinField>& BuiltinFields() {
  static const auto* const fields = new std::vector<BuiltinField>{
      {"title", FieldKind::kText},
      {"body", FieldKind::kText},
      {"doc_type", FieldKind::kKeyword},
      {"language", FieldKind::kKeyword},
      {"reference", FieldKind::kKeyword},
      {"entity.person", FieldKind::kKeyword},
      {"entity.organization", FieldKind::kKeyword},
      {"entity.place", FieldKind::kKeyword},
      {"published", FieldKind::kDate},
      {"updated", FieldKind::kDate},
  };
  return *fields;
}

std::string DocTypeKeyword(docsearch::v1::DocType type) {
  std::string name = docsearch::v1::DocType_Name(type);
  constexpr absl::string_view kPrefix = "DOC_TYPE_";
  if (absl::StartsWith(name, kPrefix)) name.erase(0, kPrefix.size());
  return absl::AsciiStrToLower(name);
}

std::vector<std::string> BuiltinKeywordValues(const Document& document, absl::string_view field) {
  std::vector<std::string> values;
  auto entities_of = [&](EntityType type) {
    for (const auto& entity : document.entities()) {
      if (entity.type() == type && !entity.name().empty()) values.push_back(entity.name());
    }
  };
  if (field == "doc_type") {
    values.push_back(DocTypeKeyword(document.doc_type()));
  } else if (field == "language") {
    if (!document.language().empty()) values.push_back(document.language());
  } else if (field == "reference") {
    if (!document.reference().empty()) values.push_back(document.reference());
  } else if (field == "entity.person") {
    entities_of(docsearch::v1::ENTITY_TYPE_PERSON);
  } else if (field == "entity.organization") {
    entities_of(docsearch::v1::ENTITY_TYPE_ORGANIZATION);
  } else if (field == "entity.place") {
    entities_of(docsearch::v1::ENTITY_TYPE_PLACE);
  }
  return values;
}

bool DateToDays(const docsearch::v1::Date& date, int* days) {
  if (date.year() == 0 || date.month() < 1 || date.month() > 12 || date.day() < 1 ||
      date.day() > 31) {
    return false;
  }
  absl::CivilDay day(date.year(), date.month(), date.day());
  // CivilDay normalizes out-of-range days (Feb 30 → Mar 2): reject those.
  if (day.day() != date.day() || day.month() != date.month()) return false;
  *days = static_cast<int>(day - absl::CivilDay(1970, 1, 1));
  return true;
}

}  // namespace docsearch::query
