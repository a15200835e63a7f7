// A language menu's item in its own script ("Русский", "العربية", "中文"):
// a few words in another script than the Latin one, no letter of it
// folding to ASCII. A longer line is text in that script (a Greek or a
// Russian paragraph); so is a short line ending a sentence or a
// salutation, as no menu's item does: a speech's closing line ("Благодарю
// вас за внимание.", "Σας ευχαριστώ πολύ.", "وشكرا.") or its opening
// ("Дорогі українці та українки!", "السيد الرئيس،"). Read by
// boilerplate.cc.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_SCRIPT_MENU_ITEMS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_SCRIPT_MENU_ITEMS_H_

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// Whether `trimmed` (a line trimmed of ASCII white space, not empty, with a
// letter or digit of some script) is such an item; `folded` is
// FoldAccents(trimmed).
bool IsScriptMenuItem(absl::string_view trimmed, absl::string_view folded);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_SCRIPT_MENU_ITEMS_H_
