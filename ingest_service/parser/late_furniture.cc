#include "ingest_service/parser/late_furniture.h"

#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/contact_lines.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/language_menus.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/page_controls.h"
#include "ingest_service/parser/phrase_scan.h"
#include "ingest_service/parser/site_notices.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

// "Revoir la déclaration conjointe :", "Watch the press conference:",
// "Read the French version": the caption of a video or audio player the
// text lost, or a link to the page in another language or format.
bool IsPlayerOrVersionLink(absl::string_view edges, absl::string_view folded) {
  if (edges.size() > 60) return false;
  const bool ends_colon = absl::EndsWith(absl::StripTrailingAsciiWhitespace(folded), ":");
  for (absl::string_view verb : {"watch ", "revoir ", "regarder ", "listen to ", "ecouter ",
                                 "reecouter ", "voir la video", "view the video"}) {
    if (absl::StartsWith(edges, verb) &&
        (ends_colon || absl::StartsWith(verb, "voir la") || absl::StartsWith(verb, "view the"))) {
      return true;
    }
  }
  if (absl::StartsWith(edges, "lire la version")) return true;
  for (absl::string_view link : {"read the ", "see the ", "view the ", "lire la ", "voir la "}) {
    if (absl::StartsWith(edges, link) && absl::EndsWith(edges, " version")) return true;
  }
  return false;
}

// A notice addressed to one kind of reader, not to every reader of the
// text: "If you are not a journalist, please send your request to …",
// "Media enquiries: …", "Réservé aux journalistes".
bool IsReaderNotice(absl::string_view edges) {
  if (edges.size() > 240) return false;
  for (absl::string_view opening : {"if you are not a journalist",
                                    "if you are a journalist",
                                    "if you are not a member of the",
                                    "if you are a member of the media",
                                    "journalists only",
                                    "for journalists only",
                                    "for media only",
                                    "media only",
                                    "for media enquiries",
                                    "for media inquiries",
                                    "media enquiries",
                                    "media inquiries",
                                    "press enquiries",
                                    "press inquiries",
                                    "for press enquiries",
                                    "for press inquiries",
                                    "media contact",
                                    "press contact",
                                    "si vous n'etes pas journaliste",
                                    "si vous etes journaliste",
                                    "reserve aux journalistes",
                                    "contact presse",
                                    "contacts presse",
                                    "nur fur journalisten",
                                    "pressekontakt"}) {
    if (absl::StartsWith(edges, opening) &&
        (edges.size() == opening.size() ||
         !absl::ascii_isalpha(static_cast<unsigned char>(edges[opening.size()])))) {
      return true;
    }
  }
  return false;
}

// What a site that republishes others' texts appends to each one: "This
// material from the originating organization … edited for clarity, style
// and length. … does not take institutional positions …", "The views
// expressed … do not necessarily reflect …". Each phrase alone may be the
// text's; two in one line are the disclaimer.
constexpr absl::string_view kRepublicationPhrases[] = {
    "originating organization",
    "originating organisation",
    "edited for clarity",
    "institutional positions",
    "point-in-time",
    "views expressed",
    "opinions expressed",
    "views and opinions",
    "do not necessarily reflect",
    "does not necessarily reflect",
    "not necessarily those of",
    "all rights reserved",
    "republished",
    "reproduced with permission",
    "full release here",
    "n'engagent que",
    "droits reserves",
};

constexpr PhraseScan<std::size(kRepublicationPhrases)> kRepublicationScan(kRepublicationPhrases);

bool IsRepublicationDisclaimer(absl::string_view folded) {
  if (folded.size() > 1000) return false;
  return kRepublicationScan.Count(folded, 2) >= 2;
}

// A colon not between two digits: "Press Secretary: …" opens a speaker's
// turn; "EMBARGOED UNTIL 12:00 CET" holds a time.
bool HasColonOutsideATime(absl::string_view text) {
  for (size_t at = text.find(':'); at != absl::string_view::npos; at = text.find(':', at + 1)) {
    const bool in_time = at > 0 && at + 1 < text.size() &&
                         absl::ascii_isdigit(static_cast<unsigned char>(text[at - 1])) &&
                         absl::ascii_isdigit(static_cast<unsigned char>(text[at + 1]));
    if (!in_time) return true;
  }
  return false;
}

// "Last updated: 10 Feb. 2021 16:03", "Date Modified: 2011-03-29", "Mis à
// jour le 3 mai 2019": the page's stamp of its last change, wherever the
// page prints it (a time of day after the date allowed).
bool IsModificationStamp(absl::string_view folded) {
  for (absl::string_view stamp :
       {"last updated", "page last updated", "last modified", "date modified", "updated on",
        "date de derniere mise a jour", "updated:", "mis a jour le", "derniere mise a jour",
        "zuletzt aktualisiert", "stand:", "letzte aktualisierung", "aktualisiert am",
        "ultimo aggiornamento", "ultima modifica", "ultima actualizacion", "ultima atualizacao",
        "laatst gewijzigd", "laatst bijgewerkt"}) {
    absl::string_view rest = folded;
    if (!absl::ConsumePrefix(&rest, stamp)) continue;
    absl::ConsumePrefix(&rest, ":");
    rest = absl::StripAsciiWhitespace(rest);
    absl::ConsumePrefix(&rest, "on ");  // "Last updated on 3 May 2019".
    // A link to the page's history after a dash: "— See all updates".
    for (absl::string_view dash : {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - "}) {
      const size_t at = rest.rfind(dash);
      if (at == absl::string_view::npos) continue;
      const absl::string_view link = rest.substr(at + dash.size());
      if (CountWordsUpTo(link, 5) <= 4 &&
          link.find_first_of("0123456789") == absl::string_view::npos) {
        rest = rest.substr(0, at);
      }
      break;
    }
    // A time of day after the date: "16:03", "10:42 CET".
    const size_t colon = rest.rfind(':');
    if (colon != absl::string_view::npos && colon >= 2) {
      const size_t space = rest.rfind(' ', colon);
      if (space != absl::string_view::npos) rest = rest.substr(0, space);
    }
    if (ParseDateLine(rest).has_value()) return true;
  }
  return false;
}

// "Publié le 06 septembre 2014", "Posted on June 8, 2006", "Veröffentlicht
// am 5. Juli 2019": a page's stamp of when it was put on line, a publishing
// verb and a date and nothing else, on a line of its own. (At the head of a
// text the head readers take it as the date line first.)
bool IsPublicationStamp(absl::string_view trimmed, absl::string_view folded) {
  if (folded.size() > 60) return false;
  for (absl::string_view verb :
       {"published on ", "posted on ", "released on ", "publie le ", "veroffentlicht am ",
        "publicado el ", "pubblicato il ", "gepubliceerd op "}) {
    if (!absl::StartsWith(folded, verb)) continue;
    // The date after the verb, read on the folded line (the verb may not be
    // one the date readers know).
    if (ParseDateLine(trimmed).has_value() ||
        ParseDateLine(folded.substr(verb.size())).has_value()) {
      return true;
    }
  }
  return IsModificationStamp(folded);
}

// "Extrait", "Excerpts", "[Excerpts]": an editor's note that what follows
// is a part of the text, on a line of its own.
bool IsExcerptNote(absl::string_view edges) {
  std::string bare(edges);
  while (!bare.empty() && (bare.front() == '[' || bare.front() == '(')) bare.erase(0, 1);
  while (!bare.empty() && (bare.back() == ']' || bare.back() == ')' || bare.back() == '.')) {
    bare.pop_back();
  }
  for (absl::string_view note : {"extrait", "extraits", "excerpt", "excerpts", "auszug", "auszuge",
                                 "extracto", "extractos", "estratto", "estratti"}) {
    if (bare == note) return true;
  }
  return false;
}

// A site's menu bar printed as one line, opening with its first item:
// "Home Issues & Press Travel & Business Countries …". Every word
// capitalized (or "&"), six or more, no sentence punctuation and no
// lower-case word: "Home Secretary announces …" is a headline.
bool IsHomeMenuLine(absl::string_view trimmed) {
  if (trimmed.size() > 200 || !absl::StartsWith(trimmed, "Home ")) return false;
  int words = 0;
  for (absl::string_view word : absl::StrSplit(trimmed, ' ', absl::SkipEmpty())) {
    if (word == "&") continue;
    const unsigned char first = static_cast<unsigned char>(word.front());
    if (!absl::ascii_isupper(first) && first < 0x80) return false;
    for (char c : word) {
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') return false;
    }
    ++words;
  }
  return words >= 6;
}

// "Welcome to the website of …", "Bienvenue sur le site …", "Willkommen auf
// den Seiten des …": a site greeting its visitors, on a line of its own.
bool IsWelcomeBanner(absl::string_view edges) {
  if (edges.size() > 100 || absl::EndsWith(edges, ".")) return false;
  for (absl::string_view greeting :
       {"welcome to the website", "welcome to the web site", "welcome to the official website",
        "welcome to the site", "welcome to the pages", "welcome to the portal",
        "bienvenue sur le site", "bienvenue sur les pages", "bienvenue sur le portail",
        "willkommen auf den seiten", "willkommen auf der website", "willkommen auf der seite",
        "willkommen beim", "willkommen bei der", "bienvenido al sitio", "bienvenido a la pagina",
        "benvenuti nel sito", "benvenuto nel sito"}) {
    if (absl::StartsWith(edges, greeting)) return true;
  }
  return false;
}

}  // namespace

bool NamesALanguageAlone(absl::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  if (trimmed.empty() || trimmed.size() > 30) return false;
  return IsMenuLanguageName(FoldAccents(trimmed));
}

bool IsWelcomeBannerLine(absl::string_view line) {
  const std::string folded = FoldAccents(absl::StripAsciiWhitespace(line));
  return IsWelcomeBanner(StripFurnitureEdges(folded));
}

std::optional<absl::string_view> LateFurnitureReason(absl::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  if (trimmed.empty()) return std::nullopt;
  return LateFurnitureReason(trimmed, FoldAccents(trimmed));
}

std::optional<absl::string_view> LateFurnitureReason(absl::string_view line,
                                                     absl::string_view folded) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  if (trimmed.empty()) return std::nullopt;
  std::string edges(StripFurnitureEdges(folded));
  while (!edges.empty() && (edges.back() == ':' || edges.back() == ' ')) edges.pop_back();
  if (IsContactHeading(edges)) return "contact";
  if (IsWelcomeBanner(edges)) return "site";
  if (IsPlayerOrVersionLink(edges, folded) || IsWatchOrShareLink(edges)) return "navigation";
  if (IsCaptionWithCredit(trimmed)) return "caption";
  if (IsSiteNotice(folded)) return "site";
  if (IsWebArchiveToolbar(folded)) return "site";
  if (OpensWithLinkListHeading(folded)) return "navigation";
  if (IsReaderNotice(edges)) return "notice";
  if (IsRepublicationDisclaimer(folded)) return "site";
  if (IsExcerptNote(edges)) return "editorial";
  if (IsPublicationStamp(trimmed, folded)) return "site";
  // The same stamp's label left without its value ("Publié par" above an
  // empty field).
  for (absl::string_view label : {"published by", "posted by", "publie par", "veroffentlicht von",
                                  "publicado por", "pubblicato da", "gepubliceerd door"}) {
    if (edges == label) return "site";
  }
  if (IsHomeMenuLine(trimmed)) return "navigation";
  // A language menu printed one item to a line: "English" / "Français" /
  // "Русский".
  if (folded.size() <= 30 && IsMenuLanguageName(folded)) return "navigation";
  // A press office's wrapping ("Office of the Press Secretary", "For
  // Immediate Release") on a line of its own, wherever the page left it; a
  // sentence or a speaker's turn ("Press Secretary: …") opening with the same
  // words is text.
  // (The fold of a line is the fold of it trimmed: folding drops white
  // space at both ends, the no-break space included.)
  if (IsPressOfficeFormula(trimmed, folded) && CountWordsUpTo(trimmed, 8) <= 8 &&
      !EndsSentence(trimmed) && !HasColonOutsideATime(trimmed)) {
    return "press_office";
  }
  // A site's notice about itself may run to a paragraph ("… is a permanent
  // electronic archive … Archive sites are not updated …"): two of its
  // phrases in one line are still the notice, not the text.
  if (folded.size() < 1000) {
    if (PortalPhrasesIn(folded, 2) >= 2) return "site";
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
