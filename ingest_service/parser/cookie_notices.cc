#include "ingest_service/parser/cookie_notices.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/non_latin_labels.h"

namespace docsearch::ingest {

// Whether `folded` opens as a banner does: the word "site" of its
// language among its first two words, and "cookie" among its first six
// ("Сайт использует файлы cookie", "Ο ιστότοπος χρησιμοποιεί cookies");
// in scripts written without spaces, within the first characters ("本网站
// 使用cookies"). A text on cookie rules names sites later, or cookies
// later ("Операторы сайтов обязаны уведомлять посетителей об
// использовании cookies"). The word "site": Russian, Ukrainian,
// Bulgarian, Serbian "сайт"/"сајт", Greek "ιστότοπος"/"ιστοσελίδα",
// Arabic "موقع", Hebrew "אתר", Persian "سایت", Chinese "网站"/"網站",
// Japanese "サイト", Korean "사이트", Thai "เว็บไซต์", Georgian "საიტი",
// Armenian "կայք", Hindi "वेबसाइट".
bool OpensAsABanner(absl::string_view folded) {
  constexpr absl::string_view kSiteWords[] = {
      "\xD1\x81\xD0\xB0\xD0\xB9\xD1\x82",
      "\xD0\xA1\xD0\xB0\xD0\xB9\xD1\x82",
      "\xD1\x81\xD0\xB0\xD1\x98\xD1\x82",
      "\xD0\xA1\xD0\xB0\xD1\x98\xD1\x82",
      "\xCE\xB9\xCF\x83\xCF\x84\xCF\x8C\xCF\x84\xCE\xBF\xCF\x80",
      "\xCE\xB9\xCF\x83\xCF\x84\xCE\xBF\xCF\x83\xCE\xB5\xCE\xBB\xCE\xAF\xCE\xB4",
      "\xD9\x85\xD9\x88\xD9\x82\xD8\xB9",
      "\xD7\x90\xD7\xAA\xD7\xA8",
      "\xD8\xB3\xD8\xA7\xDB\x8C\xD8\xAA",
      "\xE7\xBD\x91\xE7\xAB\x99",
      "\xE7\xB6\xB2\xE7\xAB\x99",
      "\xE3\x82\xB5\xE3\x82\xA4\xE3\x83\x88",
      "\xEC\x82\xAC\xEC\x9D\xB4\xED\x8A\xB8",
      "\xE0\xB9\x80\xE0\xB8\xA7\xE0\xB9\x87\xE0\xB8\x9A\xE0\xB9\x84\xE0\xB8\x8B\xE0\xB8\x95\xE0\xB9"
      "\x8C",
      "\xE1\x83\xA1\xE1\x83\x90\xE1\x83\x98\xE1\x83\xA2",
      "\xD5\xAF\xD5\xA1\xD5\xB5\xD6\x84",
      "\xE0\xA4\xB5\xE0\xA5\x87\xE0\xA4\xAC\xE0\xA4\xB8\xE0\xA4\xBE\xE0\xA4\x87\xE0\xA4\x9F"};
  auto names_site = [&](absl::string_view part) {
    for (absl::string_view site : kSiteWords) {
      if (absl::StrContains(part, site)) return true;
    }
    return false;
  };
  constexpr size_t kSiteWordsAt = 2;
  constexpr size_t kCookieWordsAt = 6;
  const std::vector<absl::string_view> words = absl::StrSplit(folded, ' ', absl::SkipEmpty());
  if (words.size() <= 2) {
    // Written without spaces: the site in the first few characters, the
    // cookies soon after.
    constexpr size_t kSiteBytes = 18;
    constexpr size_t kCookieBytes = 48;
    return names_site(folded.substr(0, kSiteBytes)) &&
           absl::StrContains(folded.substr(0, kCookieBytes), "cookie");
  }
  bool site = false;
  for (size_t w = 0; w < words.size() && w < kSiteWordsAt; ++w) site |= names_site(words[w]);
  if (!site) return false;
  for (size_t w = 0; w < words.size() && w < kCookieWordsAt; ++w) {
    if (absl::StrContains(words[w], "cookie")) return true;
  }
  return false;
}

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
  // χρησιμοποιεί cookies …", "Сайт использует файлы cookie"): a banner
  // names the site in its first words ("this site uses…") or prints its
  // buttons on the line ("Αποδοχή | Απόρριψη"); a text on cookie rules
  // speaks of sites later in its sentence, if at all.
  if (OpensWithNonLatinLetter(folded)) {
    return absl::StrContains(folded, " | ") || OpensAsABanner(folded);
  }
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
  // More Polish ("W ramach naszej witryny stosujemy pliki cookies"), Czech
  // and Slovak, Croatian, Serbian and Slovenian. "We use" and "our site"
  // only in the line's first words, where a banner says them (a news story
  // quoting a company, "… navela: „Koristimo cookies …”", says them later);
  // "this site" only opening the line ("Tento web používá …"), as a story
  // about a site's cookies says it after its subject ("Podle úřadu tento
  // web ukládal …").
  // A line opening with a quotation mark is someone quoted.
  if (absl::StartsWith(folded, "\"") || absl::StartsWith(folded, "\xE2\x80\x9E") ||
      absl::StartsWith(folded, "\xE2\x80\x9C")) {
    return false;
  }
  constexpr int kOpeningWords = 4;
  size_t opening_end = 0;
  for (int w = 0; w <= kOpeningWords && opening_end != std::string::npos; ++w) {
    opening_end = words.find(' ', opening_end + 1);
  }
  const absl::string_view opening = absl::string_view(words).substr(
      0, opening_end == std::string::npos ? words.size() : opening_end + 1);
  for (absl::string_view reader : {"stosujemy", "wykorzystujemy", "naszej witryny",
                                   "naszej stronie", "pouzivame", "koristimo", "uporabljamo"}) {
    if (absl::StrContains(opening, absl::StrCat(" ", reader, " "))) return true;
  }
  for (absl::string_view site :
       {"tento web", "tato stranka", "tieto stranky", "ova stranica", "ta spletna stran"}) {
    if (absl::StartsWith(words, absl::StrCat(" ", site, " "))) return true;
  }
  return false;
}

}  // namespace docsearch::ingest
