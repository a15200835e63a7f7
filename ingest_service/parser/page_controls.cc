#include "ingest_service/parser/page_controls.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

// Whole lines (folded, edges off) that are a page's controls and links, in
// the languages the parser reads. Kept sorted: looked up by binary search,
// since every line of every document is looked up. Words that name the
// text's own parts ("Summary", "Annex", "Contents") are not here.
constexpr auto kControlLines = std::to_array<absl::string_view>({
    "a lire aussi",
    "abonnez-vous",
    "accessibility statement",
    "afdrukken",
    "all news",
    "anterior",
    "article precedent",
    "article suivant",
    "articles lies",
    "ascolta",
    "aviso legal",
    "back to news",
    "back to the top",
    "bookmark",
    "close menu",
    "compartilhar",
    "compartir",
    "condividi",
    "contact",
    "contact us",
    "contacto",
    "contacts",
    "contatti",
    "cookie policy",
    "cookie settings",
    "cookies",
    "cookies policy",
    "copia link",
    "copiar enlace",
    "copier le lien",
    "copy link",
    "copy the link",
    "dans la meme rubrique",
    "datenschutz",
    "datenschutzerklarung",
    "debut de la page",
    "delen",
    "delivered on",
    "departments and agencies",
    "descargar",
    "direct naar inhoud",
    "direkt zum inhalt",
    "direkt zur hauptnavigation",
    "direkt zur suche",
    "documents lies",
    "donnees personnelles",
    "download",
    "download (pdf)",
    "download as pdf",
    "download pdf",
    "drucken",
    "druckversion",
    "e-mail",
    "e-mail this page",
    "ecouter",
    "ecouter cette page",
    "email",
    "email this article",
    "email this page",
    "end",
    "enviar a un amigo",
    "enviar por correo",
    "envoyer a un ami",
    "envoyer par courriel",
    "envoyer par e-mail",
    "escuchar",
    "explore the topic",
    "follow us",
    "from",
    "gestion des cookies",
    "go to top",
    "haut de page",
    "herunterladen",
    "impressum",
    "imprimer cette page",
    "imprimer la page",
    "imprimir",
    "imprimir esta pagina",
    "invia ad un amico",
    "invia per email",
    "ir arriba",
    "ir para o conteudo",
    "ir para o conteudo principal",
    "ir para o menu",
    "kontakt",
    "legal notice",
    "link kopieren",
    "lire aussi",
    "listen",
    "listen to this page",
    "main menu",
    "mapa del sitio",
    "mapa web",
    "mappa del sito",
    "mehr zum thema",
    "mentions legales",
    "more news",
    "naar de inhoud",
    "nach oben",
    "next",
    "next article",
    "next page",
    "next story",
    "note legali",
    "noticias relacionadas",
    "notizie correlate",
    "nous contacter",
    "open menu",
    "partager cette page",
    "partager la page",
    "partager sur facebook",
    "partager sur twitter",
    "partilhar",
    "partilhar esta pagina",
    "passer au contenu",
    "per e-mail versenden",
    "permalink",
    "plan du site",
    "politica de cookies",
    "politica de privacidad",
    "politique de confidentialite",
    "precedent",
    "precedente",
    "previous",
    "previous article",
    "previous page",
    "previous story",
    "print article",
    "print page",
    "print this article",
    "print version",
    "printable version",
    "printer friendly version",
    "printer-friendly version",
    "privacy notice",
    "privacy policy",
    "read aloud",
    "related documents",
    "related items",
    "related pages",
    "related press releases",
    "related publications",
    "related stories",
    "related topics",
    "retour",
    "retour en haut",
    "retour en haut de page",
    "return to top",
    "rss",
    "rss feed",
    "s'abonner",
    "saltar al contenido",
    "saltar al contenido principal",
    "scarica",
    "seite drucken",
    "seite teilen",
    "seite versenden",
    "seitenanfang",
    "send this page",
    "send to a friend",
    "share on facebook",
    "share on linkedin",
    "share on twitter",
    "siguiente",
    "site index",
    "site map",
    "sitemap",
    "skip to main navigation",
    "skip to navigation",
    "skip to search",
    "stampa",
    "stampa la pagina",
    "stampa pagina",
    "subir",
    "subscribe",
    "successivo",
    "suivant",
    "suivez nous",
    "suivez-nous",
    "sur le meme sujet",
    "teilen",
    "telecharger",
    "terms and conditions",
    "terms of use",
    "terug naar boven",
    "to top",
    "toggle navigation",
    "top",
    "topo da pagina",
    "torna all'inizio",
    "torna indietro",
    "torna su",
    "toutes les actualites",
    "tweet",
    "vai al contenuto",
    "vai al contenuto principale",
    "version imprimable",
    "version para imprimir",
    "versione stampabile",
    "verwandte inhalte",
    "verwandte themen",
    "voltar ao topo",
    "volver",
    "volver arriba",
    "vorlesen",
    "weitere meldungen",
    "zum hauptinhalt springen",
    "zum inhalt springen",
    "zum seitenanfang",
    "zur navigation springen",
    "zur suche springen",
    "zuruck",
    "zuruck zur ubersicht",
});
static_assert(std::is_sorted(kControlLines.begin(), kControlLines.end()));

// Headings of lists of links to other pages (folded, edges off), sorted.
constexpr auto kLinkListHeadings = std::to_array<absl::string_view>({
    "a lire aussi",
    "aktuelle meldungen",
    "artigos relacionados",
    "comunicados relacionados",
    "dans cette rubrique",
    "dans la meme rubrique",
    "dernieres actualites",
    "derniers communiques",
    "gerelateerd",
    "in this section",
    "key links",
    "latest",
    "latest news",
    "latest press releases",
    "latest releases",
    "lees ook",
    "leia tambem",
    "lire aussi",
    "mehr zum thema",
    "more news",
    "more on this topic",
    "more stories",
    "noticias relacionadas",
    "notizie correlate",
    "other news",
    "read also",
    "recent posts",
    "related",
    "related articles",
    "related content",
    "related documents",
    "related information",
    "related items",
    "related links",
    "related media releases",
    "related news",
    "related pages",
    "related press releases",
    "related publications",
    "related stories",
    "related topics",
    "see also",
    "siehe auch",
    "sur le meme sujet",
    "ultimas noticias",
    "ultime notizie",
    "vedi anche",
    "veja tambem",
    "ver tambem",
    "verwandte inhalte",
    "verwandte themen",
    "voir aussi",
    "weitere meldungen",
    "you may also like",
    "zie ook",
});
static_assert(std::is_sorted(kLinkListHeadings.begin(), kLinkListHeadings.end()));

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

constexpr absl::string_view kFollowOpenings[] = {
    "follow us on",   "suivez-nous sur", "suivez nous sur",
    "folgen sie uns", "siguenos en",     "seguici su",
};

// The longest list of links printed on its heading's line.
constexpr size_t kLongestInlineList = 240;

// The longest line any rule of this file reads (a filing or copyright line).
constexpr size_t kLongestControlLine = 200;

// Arrows and guillemets a site puts before or after a link's words
// ("« Back to news", "Top ↑"); folding made the guillemets '"'.
absl::string_view StripArrows(absl::string_view text) {
  // Most lines neither open nor end with an arrow's byte: no search.
  auto arrow_byte = [](char c) {
    return c == '\xC2' || c == '\xE2' || c == '<' || c == '>' || c == '^' || c == '"' ||
           c == '\xAB' || c == '\xBB' || c == '\xB9' || c == '\xBA' || c == '\x90' || c == '\x91' ||
           c == '\x92';
  };
  if (text.empty() || (!arrow_byte(text.front()) && !arrow_byte(text.back()))) return text;
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    for (absl::string_view arrow :
         {"\xC2\xAB", "\xC2\xBB", "\xE2\x80\xB9", "\xE2\x80\xBA", "\xE2\x86\x90", "\xE2\x86\x91",
          "\xE2\x86\x92", "<", ">", "^", "\""}) {
      changed |= absl::ConsumePrefix(&text, arrow);
      changed |= absl::ConsumeSuffix(&text, arrow);
    }
    text = absl::StripAsciiWhitespace(text);
  }
  return text;
}

bool StartsWithWord(absl::string_view text, absl::string_view opening) {
  return absl::StartsWith(text, opening) &&
         (text.size() == opening.size() ||
          !absl::ascii_isalpha(static_cast<unsigned char>(text[opening.size()])));
}

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

// "More press releases", "Latest speeches and appearances", "Otras notas
// de prensa", "Autres communiqués": other pages of a kind of text, which a
// text's own heading never announces. A word for more, latest or other,
// then a kind's word, on a line of a few words.
bool NamesMoreOfAKind(absl::string_view edges) {
  constexpr int kMostWords = 5;
  if (CountWordsUpTo(edges, kMostWords + 1) > kMostWords) return false;
  bool opens = false;
  for (absl::string_view opening :
       {"more ",    "latest ",  "other ",    "recent ", "otras ",    "otros ",
        "ultimas ", "ultimos ", "mas ",      "autres ", "derniers ", "dernieres ",
        "plus de ", "weitere ", "aktuelle ", "altri ",  "altre ",    "ultime ",
        "ultimi ",  "outras ",  "outros ",   "mais "}) {
    if (absl::StartsWith(edges, opening)) {
      opens = true;
      break;
    }
  }
  if (!opens) return false;
  for (absl::string_view kind :
       {"news",        "press release", "media release", "speeches",        "statements",
        "stories",     "articles",      "updates",       "notas de prensa", "noticias",
        "comunicados", "communiques",   "actualites",    "discours",        "pressemitteilungen",
        "meldungen",   "reden",         "comunicati",    "notizie",         "noticias",
        "discursos",   "notas"}) {
    if (absl::StrContains(edges, kind)) return true;
  }
  return false;
}

namespace {

// "Read also: …", "Lire aussi : …", "ALSO READ: …": a news site's link to
// another of its stories, set between a text's paragraphs; never the
// text's own cross-reference, as "See also:" may be.
bool IsReadAlsoHeading(absl::string_view heading) {
  for (absl::string_view read_also :
       {"read also", "also read", "lire aussi", "a lire aussi", "leia tambem", "lea tambien",
        "leggi anche", "lesen sie auch", "lees ook", "procitajte jos", "procitajte i",
        "ayrica okuyun", "baca juga"}) {
    if (heading == read_also) return true;
  }
  return false;
}

}  // namespace

bool OpensWithLinkListHeading(absl::string_view folded) {
  const size_t colon = folded.find(':');
  if (colon == absl::string_view::npos || colon > 40 || folded.size() > kLongestInlineList) {
    return false;
  }
  const absl::string_view heading = absl::StripAsciiWhitespace(folded.substr(0, colon));
  const absl::string_view items = absl::StripAsciiWhitespace(folded.substr(colon + 1));
  if (items.empty() || absl::EndsWith(items, ".")) return false;
  if (IsReadAlsoHeading(heading)) return true;
  if (!std::binary_search(kLinkListHeadings.begin(), kLinkListHeadings.end(), heading)) {
    return false;
  }
  // "Related information: <a page>" names its links; after "Latest:",
  // "Related:" or "See also:" one item may be a text's own news or
  // cross-reference ("See also: Security Council resolution 2231 (2015)"),
  // several items side by side are a list.
  if (absl::StartsWith(heading, "related ") && heading != "related") return true;
  return absl::StrContains(items, "; ") || absl::StrContains(items, " | ");
}

bool IsLinkListHeading(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  // Headings are short (the longest, with its arrows and edges, well under
  // 40 bytes): most lines are not folded at all.
  if (line.empty() || line.size() > 40) return false;
  const std::string folded = FoldAccents(line);
  absl::string_view edges = folded;
  bool changed = true;
  while (changed && !edges.empty()) {
    changed = false;
    for (absl::string_view edge : {"|", "[", "]", "*", "-", ":", "\xE2\x80\xA2"}) {
      changed |= absl::ConsumePrefix(&edges, edge);
      changed |= absl::ConsumeSuffix(&edges, edge);
    }
    edges = absl::StripAsciiWhitespace(edges);
  }
  edges = StripArrows(edges);
  return std::binary_search(kLinkListHeadings.begin(), kLinkListHeadings.end(), edges) ||
         NamesMoreOfAKind(edges);
}

std::optional<absl::string_view> PageControlReason(absl::string_view edges,
                                                   absl::string_view folded) {
  // Every shape below is a short line; most lines of a text are long.
  if (folded.size() > kLongestControlLine) return std::nullopt;
  const absl::string_view bare = StripArrows(edges);
  if (bare.size() <= 40 && std::binary_search(kControlLines.begin(), kControlLines.end(), bare)) {
    return "navigation";
  }
  if (bare.size() < 80) {
    for (absl::string_view opening : kFollowOpenings) {
      if (StartsWithWord(bare, opening)) return "navigation";
    }
  }
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
