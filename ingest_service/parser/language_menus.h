#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LANGUAGE_MENUS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LANGUAGE_MENUS_H_

#include "absl/strings/string_view.h"

// A site's menu of the languages it offers the page in, as archived text
// prints it: on one line with separators ("EN / FR / RU", "English |
// Français") or spaces ("FR EN ES DE AR ZH"), or one language to a line.
// boilerplate.h reads such lines as navigation. `folded` arguments are
// FoldAccents of the trimmed line.
namespace docsearch::ingest {

// "EN / FR / RU", "En. | Fr. | Ru. | Ukr.", "English | Français": two
// language names or codes or more between separators; or three or more
// between spaces ("FR EN ES DE AR ZH", "عربي 中文 English Français").
bool IsLanguageMenu(absl::string_view folded);

// A language as a menu names it, in that language ("Français", "Deutsch",
// "Русский"), or "English": the English names of other languages
// ("Arabic", "Chinese") are a text's list of languages as often as a menu.
bool IsMenuLanguageName(absl::string_view folded);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LANGUAGE_MENUS_H_
