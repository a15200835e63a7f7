#include "ingest_service/parser/page_annotations.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

// Keys that file a page under its subjects: "Tags: defence, NATO". Only
// plural or unmistakable keys: "Subject:", "Topics:" or "Category:" open a
// media advisory's own lines, and the German "Tag:" is its day.
constexpr absl::string_view kFilingKeys[] = {
    "tags",
    "keywords",
    "key words",
    "categories",
    "filed under",
    "mots-cles",
    "mots cles",
    "schlagworte",
    "schlagworter",
    "stichworte",
    "etiquetas",
    "palabras clave",
    "parole chiave",
    // A search offered by the page's own keywords.
    "search for related information by keyword",
    // Other languages and scripts, lower-case as folding leaves them.
    "tagi",
    "slowa kluczowe",
    "etiketler",
    "anahtar kelimeler",
    "palavras-chave",
    "теги",
    "метки",
    "ключевые слова",
    "ключові слова",
    "тагове",
    "етикети",
    "ключови думи",
    "тагови",
    "кључне речи",
    "ετικέτες",
    "ετικετες",
    "λέξεις-κλειδιά",
    "λεξεις-κλειδια",
    "الوسوم",
    "كلمات مفتاحية",
    "标签",
    "標籤",
    "关键词",
    "タグ",
    "キーワード",
    "태그",
};

constexpr absl::string_view kRightsReserved[] = {
    "all rights reserved",
    "tous droits reserves",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    // Other languages and scripts, lower-case as folding leaves them.
    "todos os direitos reservados",
    "alle rechten voorbehouden",
    "wszelkie prawa zastrzezone",
    "vsechna prava vyhrazena",
    "tum haklari saklidir",
    "все права защищены",
    "всички права запазени",
    "сва права задржана",
    "усі права захищені",
    "всі права захищено",
    "με επιφύλαξη παντός δικαιώματος",
    "με επιφυλαξη παντος δικαιωματος",
    "جميع الحقوق محفوظة",
    "کلیه حقوق محفوظ است",
    "כל הזכויות שמורות",
    "版权所有",
    "版權所有",
    "無断転載を禁じます",
    "무단 전재 및 재배포 금지",
    "सर्वाधिकार सुरक्षित",
};

// A site asking the reader about the page, or offering to report on it.
constexpr absl::string_view kFeedbackOpenings[] = {
    "was this page useful",
    "is this page useful",
    "was this page helpful",
    "is this page helpful",
    "did you find this page useful",
    "did you find what you were looking for",
    "report a problem",
    "is there anything wrong with this page",
    "cette page vous a-t-elle ete utile",
    "cette page vous a ete utile",
    "war diese seite hilfreich",
    "ist diese seite hilfreich",
    "le ha resultado util",
    "te ha resultado util",
    "questa pagina ti e stata utile",
    "existe algun problema con esta pagina",
    "hay algun problema con esta pagina",
    "esta pagina le ha sido util",
    "esta pagina foi util",
    "encontrou algum problema nesta pagina",
    "fehler auf dieser seite melden",
    "is deze pagina nuttig",
    "was deze informatie nuttig",
    "var sidan till hjalp",
    "var denne siden nyttig",
    "czy ta strona by\xC5\x82"
    "a pomocna",  // "ł" does not fold.
};

// "Tags: defence, NATO, exercises": a filing key, a colon, then the list.
bool IsFilingLine(absl::string_view edges, absl::string_view folded) {
  // A sentence in any script is text ("标签：应当清晰、醒目。": a rule on labels).
  if (folded.size() > 200 || EndsSentence(folded)) return false;
  for (absl::string_view key : kFilingKeys) {
    absl::string_view rest = edges;
    if (!absl::ConsumePrefix(&rest, key)) continue;
    rest = absl::StripLeadingAsciiWhitespace(rest);
    // "Tags: …", or the key alone (its colon is among the edges taken off);
    // "标签：…" with the fullwidth colon.
    if (rest.empty() || absl::StartsWith(rest, ":") || absl::StartsWith(rest, "\xEF\xBC\x9A")) {
      return true;
    }
  }
  return false;
}

// Most words of a copyright line without the sign ("Copyright 2019 Ministry
// of Defence of the Republic of Estonia").
constexpr int kMostCopyrightWords = 10;

bool HasYear(absl::string_view text) {
  int run = 0;
  for (char c : text) {
    run = absl::ascii_isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

// "© NATO Parliamentary Assembly 2022", "Copyright © 2019 Ministry of
// Defence. All rights reserved.", "Photo © NATO": a short line holding
// the copyright sign, or opening with "Copyright" and a year.
bool IsCopyrightLine(absl::string_view edges, absl::string_view folded) {
  if (folded.size() > 200) return false;
  if (folded.size() <= 120) {
    // The sign opening a word: inside one it is a letter misread from
    // another code page ("LibertÃ©").
    for (size_t at = folded.find("\xC2\xA9"); at != absl::string_view::npos;
         at = folded.find("\xC2\xA9", at + 1)) {
      if (at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '(') return true;
    }
  }
  // "Copyright 2004 NATO", not "Copyright Directive (EU) 2019/790 had to be
  // transposed …": a short line, no sentence.
  if (absl::StartsWith(edges, "copyright") && HasYear(edges) &&
      CountWordsUpTo(edges, kMostCopyrightWords) <= kMostCopyrightWords) {
    return true;
  }
  for (absl::string_view reserved : kRightsReserved) {
    absl::string_view rest = edges;
    absl::ConsumeSuffix(&rest, ".");
    if (rest == reserved) return true;
  }
  return false;
}

// "Temps de lecture : 3 minutes", "Reading time: 4 min", "3 min read": how
// long the site reckons the page takes to read.
bool IsReadingTime(absl::string_view edges, absl::string_view folded) {
  if (folded.size() > 40) return false;
  for (absl::string_view key :
       {"reading time", "temps de lecture", "lesezeit", "tiempo de lectura", "tempo di lettura"}) {
    if (absl::StartsWith(edges, key)) return true;
  }
  return absl::EndsWith(edges, " min read") || absl::EndsWith(edges, " minute read") ||
         absl::EndsWith(edges, " minutes read");
}

// "Photo: NATO", "(Belga Photo)", "Crédit photo : …": the credit of a
// picture the text lost.
bool IsPhotoCredit(absl::string_view edges, absl::string_view folded) {
  if (folded.size() > 120 || absl::EndsWith(folded, ".")) return false;
  for (absl::string_view key : {"photo:", "photo :", "photos:", "photo credit", "credit photo",
                                "credits photo", "foto:", "foto :", "image:", "picture:"}) {
    if (absl::StartsWith(edges, key)) return true;
  }
  return absl::StartsWith(edges, "(") && absl::EndsWith(edges, " photo)") && edges.size() < 40;
}

}  // namespace

// "Page 2 of 3", "Página 1 de 2", "Seite 1 von 4": a page's number and
// count, left in a text converted from print. ("Page 12" alone, or "- 2 -",
// may be a text's own reference or list mark.)
bool IsPageCounter(absl::string_view folded) {
  constexpr size_t kLongestCounter = 24;
  if (folded.size() > kLongestCounter) return false;
  auto is_number = [](absl::string_view word) {
    return !word.empty() && word.size() <= 3 && std::all_of(word.begin(), word.end(), [](char c) {
      return absl::ascii_isdigit(static_cast<unsigned char>(c));
    });
  };
  const std::vector<absl::string_view> words =
      absl::StrSplit(folded, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (words.size() != 4) return false;
  const absl::string_view name = words[0];
  const absl::string_view of = words[2];
  return (name == "page" || name == "pagina" || name == "seite" || name == "pag.") &&
         is_number(words[1]) &&
         (of == "of" || of == "de" || of == "di" || of == "von" || of == "sur" || of == "/") &&
         is_number(words[3]);
}

std::optional<absl::string_view> PageAnnotationReason(absl::string_view edges,
                                                      absl::string_view folded,
                                                      absl::string_view bare) {
  if (IsPageCounter(folded)) return "layout";
  if (IsFilingLine(edges, folded) || IsCopyrightLine(edges, folded) ||
      IsPhotoCredit(edges, folded) || IsReadingTime(edges, folded)) {
    return "site";
  }
  if (folded.size() < 160) {
    // Spanish opens its question with an inverted mark.
    absl::string_view question = bare;
    absl::ConsumePrefix(&question, "\xC2\xBF");
    for (absl::string_view opening : kFeedbackOpenings) {
      if (absl::StartsWith(question, opening)) return "site";
    }
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
