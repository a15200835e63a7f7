#include "ingest_service/parser/cookie_notices.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/non_latin_labels.h"

namespace docsearch::ingest {

bool IsCookieNotice(absl::string_view folded) {
  constexpr size_t kMaxNoticeBytes = 500;
  constexpr int kMaxControlWords = 5;
  if (folded.size() > kMaxNoticeBytes || !absl::StrContains(folded, "cookie")) return false;
  // The words between single spaces, punctuation made a space, so that a
  // phrase matches whole words only (" our site " is not in "position").
  std::string words = " ";
  auto is_letter = [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    // An apostrophe inside a word ("we'd") is part of it; a quote around
    // words ("'Accept all cookies'") is not.
    const bool letter = is_letter(c) || (c == '\'' && i > 0 && i + 1 < folded.size() &&
                                         is_letter(folded[i - 1]) && is_letter(folded[i + 1]));
    if (letter) {
      words.push_back(c);
    } else if (words.back() != ' ') {
      words.push_back(' ');
    }
  }
  if (words.back() != ' ') words.push_back(' ');
  auto has = [&](absl::string_view phrase) {
    return absl::StrContains(words, absl::StrCat(" ", phrase, " "));
  };
  if (!has("cookie") && !has("cookies")) return false;
  // A line in another script that borrows the word ("Ο ιστότοπος
  // χρησιμοποιεί cookies …", "Сайт использует файлы cookie"): the word is
  // the site's, where a text on cookie rules would write its own script's.
  if (OpensWithNonLatinLetter(folded)) return true;
  if (CountWordsUpTo(folded, kMaxControlWords + 1) <= kMaxControlWords) {
    // A banner's heading ("Cookies on GOV.UK") or control ("Accept
    // additional cookies", "Cookie settings"); "Cookie walls: new guidance"
    // or "Google fined over cookie policy" is a headline.
    if (absl::StartsWith(words, " cookies on ")) return true;
    for (absl::string_view control :
         {"accept",      "reject",   "refuse",        "decline",    "allow",   "manage",
          "view",        "settings", "preferences",   "accepter",   "refuser", "parametres",
          "gestion",     "aceptar",  "rechazar",      "configurar", "aceitar", "rejeitar",
          "akzeptieren", "ablehnen", "einstellungen", "accetta",    "rifiuta"}) {
      if (has(control)) return true;
    }
    return false;
  }
  for (absl::string_view reader :
       {"we use", "we also use", "we'd like", "we would like", "this site", "this website",
        "our site", "our website", "the website uses", "the site uses", "your browser",
        "your consent", "your settings", "your experience", "you accept", "you agree",
        "continue browsing", "i accept", "i do not accept", "i understand", "ce site", "notre site",
        "nous utilisons", "vous acceptez", "votre navigation", "este sitio", "este site",
        "nuestro sitio", "utilizamos", "su navegacion", "acepta su uso", "questo sito",
        "utilizziamo", "wir verwenden", "diese website", "unsere website", "ihre zustimmung",
        "deze website", "wij gebruiken",
        // Swedish, Norwegian, Danish, Polish,
        // Romanian, Portuguese.
        "vi anvander", "vi bruker", "vi bruger", "denna webbplats", "var webbplats",
        "dette nettstedet", "vart nettsted", "denne hjemmeside", "vores hjemmeside", "uzywamy",
        "nasza strona", "folosim", "acest site"}) {
    if (has(reader)) return true;
  }
  return false;
}

}  // namespace docsearch::ingest
