#include "ingest_service/parser/page_controls.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/page_annotations.h"

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
    "bagikan",
    "baglantiyi kopyala",
    "baglant\xC4\xB1y\xC4\xB1 kopyala",
    "bookmark",
    "cetak",
    "close menu",
    "compartilhar",
    "compartir",
    "compartir en",
    "condividi",
    "condividi su",
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
    "copiar link",
    "copiaza link",
    "copier le lien",
    "copy link",
    "copy the link",
    "copy the url of this page",
    "copy url",
    "dans la meme rubrique",
    "datenschutz",
    "datenschutzerklarung",
    "debut de la page",
    "del siden",
    "dela sidan",
    "delen",
    "delivered on",
    "departments and agencies",
    "descargar",
    "direct naar inhoud",
    "direkt zum inhalt",
    "direkt zur hauptnavigation",
    "direkt zur suche",
    "distribuie",
    "do gory",
    "documents lies",
    "donnees personnelles",
    "download",
    "download (pdf)",
    "download as pdf",
    "download pdf",
    "drucken",
    "druckversion",
    "drukuj",
    "e-mail",
    "e-mail this page",
    "ecouter",
    "ecouter cette page",
    "email",
    "email this",
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
    "imprimir pagina",
    "inapoi sus",
    "invia ad un amico",
    "invia per email",
    "ir arriba",
    "ir para o conteudo",
    "ir para o conteudo principal",
    "ir para o menu",
    "ispis",
    "ispisi",
    "jaa sivu",
    "kontakt",
    "kopier lenke",
    "kopier link",
    "kopiera lank",
    "kopioi linkki",
    "kopiraj link",
    "kopiraj poveznicu",
    "kopirovat odkaz",
    "kopiuj link",
    "legal notice",
    "link kopieren",
    "link masolasa",
    "link para compartilhamento",
    "lire aussi",
    "listen",
    "listen to this page",
    "main menu",
    "mapa del sitio",
    "mapa web",
    "mappa del sito",
    "megosztas",
    "mehr zum thema",
    "mentions legales",
    "more news",
    "naar de inhoud",
    "nach oben",
    "natisni",
    "next",
    "next article",
    "next page",
    "next story",
    "note legali",
    "noticias relacionadas",
    "notizie correlate",
    "nous contacter",
    "nyomtatas",
    "open menu",
    "partager cette page",
    "partager la page",
    "partager sur",
    "partager sur facebook",
    "partager sur twitter",
    "partilhar",
    "partilhar esta pagina",
    "passer au contenu",
    "paylas",
    "per e-mail versenden",
    "permalink",
    "plan du site",
    "podeli",
    "podijeli",
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
    "print this page",
    "print version",
    "printable version",
    "printeaza",
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
    "salin tautan",
    "saltar al contenido",
    "saltar al contenido principal",
    "scarica",
    "sdilet",
    "seite drucken",
    "seite teilen",
    "seite versenden",
    "seitenanfang",
    "send this page",
    "send to a friend",
    "share on",
    "share on facebook",
    "share on linkedin",
    "share on twitter",
    "share this",
    "share this page",
    "siguiente",
    "site index",
    "site map",
    "sitemap",
    "skip to main navigation",
    "skip to navigation",
    "skip to search",
    "skriv ut",
    "stampa",
    "stampa la pagina",
    "stampa pagina",
    "stampaj",
    "subir",
    "subscribe",
    "successivo",
    "suivant",
    "suivez nous",
    "suivez-nous",
    "sur le meme sujet",
    "takaisin ylos",
    "teilen",
    "teilen auf",
    "telecharger",
    "terms and conditions",
    "terms of use",
    "terug naar boven",
    "til toppen",
    "till toppen",
    "tipareste",
    "to top",
    "toggle navigation",
    "top",
    "topo da pagina",
    "torna all'inizio",
    "torna indietro",
    "torna su",
    "toutes les actualites",
    "tulosta",
    "tweet",
    "udostepnij",
    "udskriv",
    "vai al contenuto",
    "vai al contenuto principale",
    "version imprimable",
    "version para imprimir",
    "versione stampabile",
    "verwandte inhalte",
    "verwandte themen",
    "vissza a tetejere",
    "voltar ao topo",
    "volver",
    "volver arriba",
    "vorlesen",
    "vytisknout",
    "weitere meldungen",
    "wydrukuj",
    "yazdir",
    "yazd\xC4\xB1r",
    "zdielat",
    "zum hauptinhalt springen",
    "zum inhalt springen",
    "zum seitenanfang",
    "zur navigation springen",
    "zur suche springen",
    "zuruck",
    "zuruck zur ubersicht",
    "\xD0\xB4\xD1\x80\xD1\x83\xD0\xBA",
    "\xD0\xBA\xD0\xBE\xD0\xBF\xD0\xB8\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0\xD1\x82\xD1\x8C "
    "\xD1\x81\xD1\x81\xD1\x8B\xD0\xBB\xD0\xBA\xD1\x83",
    "\xD0\xBD\xD0\xB0\xD0\xB2\xD0\xB5\xD1\x80\xD1\x85",
    "\xD0\xBD\xD0\xB0\xD0\xB4\xD1\x80\xD1\x83\xD0\xBA\xD1\x83\xD0\xB2\xD0\xB0\xD1\x82\xD0\xB8",
    "\xD0\xBF\xD0\xB5\xD1\x87\xD0\xB0\xD1\x82\xD1\x8C",
    "\xD0\xBF\xD0\xBE\xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB8\xD1\x82\xD1\x8C\xD1\x81\xD1\x8F",
    "\xD0\xBF\xD0\xBE\xD0\xB4\xD1\x96\xD0\xBB\xD0\xB8\xD1\x82\xD0\xB8\xD1\x81\xD1\x8F",
    "\xD1\x80\xD0\xB0\xD1\x81\xD0\xBF\xD0\xB5\xD1\x87\xD0\xB0\xD1\x82\xD0\xB0\xD1\x82\xD1\x8C",
    "\xD1\x81\xD0\xBA\xD0\xBE\xD0\xBF\xD1\x96\xD1\x8E\xD0\xB2\xD0\xB0\xD1\x82\xD0\xB8 "
    "\xD0\xBF\xD0\xBE\xD1\x81\xD0\xB8\xD0\xBB\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8F",
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

constexpr absl::string_view kFollowOpenings[] = {
    "follow us on",   "suivez-nous sur", "suivez nous sur",
    "folgen sie uns", "siguenos en",     "seguici su",
};

// The longest list of links printed on its heading's line.
constexpr size_t kLongestInlineList = 240;

// The longest line any rule of PageControlReason reads (a filing or copyright
// line, page_annotations.cc).
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

}  // namespace

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
  // What the site says about the page rather than a control of it, or the
  // page's number and count (page_annotations.h).
  return PageAnnotationReason(edges, folded, bare);
}

}  // namespace docsearch::ingest
