// The built-in tables behind entity_extractor.h: well-known organisations,
// office holders and places of the archive's world (1990s-2000s NATO,
// English and French). Constant data only.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_ENTITY_TABLES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_ENTITY_TABLES_H_

#include <initializer_list>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

struct KnownEntity {
  // The normalized name, as indexed.
  absl::string_view name;
  // The acronym, or empty.
  absl::string_view acronym;
  // Other surface forms (translations, short forms, spellings).
  std::initializer_list<absl::string_view> aliases;
};

extern const std::initializer_list<KnownEntity> kKnownOrganizations;
extern const std::initializer_list<KnownEntity> kKnownPersons;
extern const std::initializer_list<KnownEntity> kKnownPlaces;

// Words that make a phrase the name of a body ("Council", "Commission").
extern const std::initializer_list<absl::string_view> kOrganizationHeadWords;

// Titles before a person's name, folded to lower case without accents or
// periods; `kept` says whether the title is part of the name ("Lord").
struct PersonTitle {
  absl::string_view folded;
  bool kept;
};
extern const std::initializer_list<PersonTitle> kPersonTitles;

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_ENTITY_TABLES_H_
