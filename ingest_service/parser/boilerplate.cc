#include "ingest_service/parser/boilerplate.h"

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/contact_lines.h"
#include "ingest_service/parser/cookie_notices.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/language_menus.h"
#include "ingest_service/parser/non_latin_labels.h"
#include "ingest_service/parser/page_controls.h"
#include "ingest_service/parser/phrase_scan.h"
#include "ingest_service/parser/script_menu_items.h"
#include "ingest_service/parser/text_normalizer.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace docsearch::ingest {
namespace {

// Folded, accent-free phrases of web-portal prompts (accounts, newsletters,
// video downloads). They never occur in an official text's own sentences.
constexpr absl::string_view kPortalPhrases[] = {
    "password",
    "verification code",
    "newsletter",
    "create an account",
    "multimedia account",
    "check your inbox",
    "download videos",
    "video content",
    "your account",
    "mot de passe",
    "code de verification",
    "creer un compte",
    "compte multimedia",
    "votre compte",
    "nos videos",
    "contenu video",
    "ressources mediatiques",
    "boite de reception",
    "send new code",
    "nouveau code",
    "you are on page",
    // Banners of government and archive sites about the site itself.
    "safely connected",
    "secure websites",
    "permanent electronic archive",
    "archive sites are not updated",
    "website is no longer updated",
    "this page has been archived",
    "site n'est plus mis a jour",
    // A site's notice about its links, its archive or its licence.
    "manages this site",
    "this archive is maintained",
    "reproduced as released",
    "all content is available under",
    "not an official record",
    "licenca creative commons",
    "licence creative commons",
    "creative commons licen",
    "under a creative commons",
    "reproduction is permitted provided",
    "reproduction is authorised provided",
    "reproduction is authorized provided",
    "provided that the source is acknowledged",
    "provided the source is acknowledged",
    "reproduction autorisee",
    "reproduccion autorizada",
};

constexpr PhraseScan<std::size(kPortalPhrases)> kPortalScan(kPortalPhrases);

// A newsletter box's blurb: "Get the latest news ... delivered to your
// inbox", "Enter your email address to receive notifications of new posts".
// An inbox or an address alone is a text's too ("your tax bill can be
// delivered to your inbox", "voters must register an email address to
// receive updates"): the blurb also names what it sends.
bool IsNewsletterBlurb(absl::string_view folded) {
  constexpr size_t kLongestBlurb = 200;
  if (folded.size() > kLongestBlurb) return false;
  const bool delivery = absl::StrContains(folded, "your inbox") ||
                        absl::StrContains(folded, "notifications of new") ||
                        absl::StrContains(folded, "email address to receive") ||
                        absl::StrContains(folded, "e-mail address to receive");
  if (!delivery) return false;
  for (absl::string_view sent : {"latest", "news", "posts", "alerts", "newsletter", "digest",
                                 "bulletin", "subscribe", "sign up"}) {
    if (absl::StrContains(folded, sent)) return true;
  }
  return false;
}

// Whole lines (folded, trailing ':' and pipes removed) that are headings or
// links of the site, not of the document.
constexpr absl::string_view kFurnitureLines[] = {
    "header",
    "view header",
    "register",
    "registre",
    "reset password",
    "news",
    "nouvelles",
    "opinions",
    "multimedia",
    "key links",
    "related",
    "related links",
    "more information",
    "additional information",
    "further information",
    "for more information please contact",
    "for further information please contact",
    "for more information, please contact",
    "originally published",
    "news and press release",
    "fecha de publicacion",
    "date de publication",
    "publication date",
    "print",
    "imprimer",
    "english",
    "french",
    "- english",
    "- french",
    "top of page",
    "back to top",
    "go to homepage",
    "go to index",
    "go to",
    "homepage",
    "au coeur de l'evenement",
    "high resolution photos",
    "photos de haute resolution",
    // Accessibility and sharing links every portal prints.
    "skip to main content",
    "skip to content",
    "skip navigation",
    "aller au contenu",
    "aller au contenu principal",
    "menu",
    "search",
    "rechercher",
    "share",
    "share this",
    "share this page",
    "share this article",
    "partager",
    "print this page",
    // The mark a press release ends with ("-END-", "- 30 -"), its dashes
    // taken off as edges.
    "end",
    "30",
    // A sharing bar's buttons, one to a line.
    "facebook",
    "twitter",
    "linkedin",
    "youtube",
    "instagram",
    "flickr",
    "whatsapp",
    "related news",
    "related articles",
    "related content",
    "see also",
    "voir aussi",
    "search form",
    "contact information",
    "media contact",
    "media contacts",
    "press contact",
    "press contacts",
};

// "Home / Newsroom / News Archive / 2019 / ...", "You are in: A > B > C",
// "Accueil > Actualités > ...": a path of two or more steps from a home
// link, or the whole line a chain of four short steps or more.
bool IsBreadcrumb(absl::string_view folded) {
  if (absl::StartsWith(folded, "you are in:") || absl::StartsWith(folded, "vous etes ici")) {
    return true;
  }
  // Paths in other scripts ("Главная / Новости", "当前位置：首页 > 新闻") are
  // read as the type readers read them; a line in Latin script keeps to
  // the narrower reading below.
  if (OpensWithNonLatinLetter(folded)) return IsBreadcrumbPath(folded);
  // Every separator's middle byte ('/', '>', the last byte of "»" or "›"):
  // most lines hold none of them and need no search for each separator.
  if (folded.find_first_of("/>\xBB\xBA") == absl::string_view::npos) return false;
  for (absl::string_view separator : {" / ", " > ", " \xC2\xBB ", " \xE2\x80\xBA "}) {
    if (!absl::StrContains(folded, separator)) continue;
    const std::vector<absl::string_view> steps =
        absl::StrSplit(folded, separator, absl::SkipWhitespace());
    if (steps.size() < 2) continue;
    // From the home page, two steps are a path already ("Home /
    // Speeches"). The home page's name in other languages may also open a
    // headline or a name ("Forside / bagside – ny udstilling …", an
    // exhibition's "Forside / Bagside"): a third step makes it a path
    // ("Startsida / Pressmeddelanden / <headline>").
    const absl::string_view first = absl::StripAsciiWhitespace(steps.front());
    if (first == "home" || first == "accueil" || first == "startseite" || first == "inicio" ||
        first == "homepage") {
      return true;
    }
    if (steps.size() >= 3 && IsHomeStepLine(first)) return true;
    if (steps.size() < 3) continue;
    bool short_steps = true;
    for (size_t i = 0; i + 1 < steps.size(); ++i) short_steps &= steps[i].size() <= 40;
    if (short_steps && steps.size() >= 4) return true;
  }
  return false;
}

// "Audio file .MP3/806Kb", "(17Kb)", "File Type:pdf, Size:1020Kb",
// "Télécharger le .pdf": a short line offering a file, told by its size or
// format rather than by any site's wording.
bool IsDownloadLine(absl::string_view folded) {
  if (folded.size() > 100 || absl::EndsWith(folded, ".")) return false;
  // Each phrase below holds a colon, each format a period: a line without
  // one is not searched for them (most lines).
  if (absl::StrContains(folded, ':') &&
      (absl::StrContains(folded, "file type:") || absl::StrContains(folded, "size:"))) {
    return true;
  }
  const bool has_period = absl::StrContains(folded, '.');
  for (absl::string_view format : {".mp3", ".wav", ".wmv", ".pdf", ".doc", ".rtf", ".zip"}) {
    if (!has_period) break;
    const size_t at = folded.find(format);
    if (at == absl::string_view::npos) continue;
    // The format as a word of its own or before a size ("le .pdf",
    // ".mp3/806kb"), not inside a URL's file name.
    if (at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '(') return true;
  }
  // A size: digits, an optional space, then kb/ko/mb/mo/bytes ending a word.
  for (size_t i = 0; i < folded.size(); ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(folded[i]))) continue;
    size_t j = i;
    while (j < folded.size() && (absl::ascii_isdigit(static_cast<unsigned char>(folded[j])) ||
                                 folded[j] == '.' || folded[j] == ',')) {
      ++j;
    }
    if (j < folded.size() && folded[j] == ' ') ++j;
    for (absl::string_view unit : {"kb", "ko", "mb", "mo", "bytes", "octets"}) {
      if (folded.substr(j, unit.size()) != unit) continue;
      const size_t after = j + unit.size();
      if (after == folded.size() ||
          !absl::ascii_isalpha(static_cast<unsigned char>(folded[after]))) {
        return true;
      }
    }
    i = j;
  }
  return false;
}

// A letter or a digit of any script: Greek, Cyrillic or Arabic text is
// text, a rule of dashes or bullets is not.
bool HasAlnum(absl::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

bool IsImageFileName(absl::string_view folded) {
  const bool has_period = absl::StrContains(folded, '.');  // Each extension holds one.
  for (absl::string_view extension : {".jpg", ".jpeg", ".gif", ".png", ".bmp"}) {
    if (!has_period) break;
    const size_t at = folded.find(extension);
    if (at == absl::string_view::npos) continue;
    // "natologo.jpg (2673 Byte)": the name is the first word of a short line.
    const size_t space = folded.find(' ');
    if (space == absl::string_view::npos || space > at) return folded.size() < 60;
  }
  return absl::StartsWith(folded, "![");
}

bool IsMenuLine(absl::string_view line) {
  // "| Home | Calendar | UN/CD | NPT/IAEA |": 3+ short cells. A type label
  // and a date among them make the line the text's own ("Press statement |
  // 23 February 2022 | Brussels"), not the site's; a breadcrumb or a
  // toolbar ending with a date is still the site's.
  int cells = 0;
  for (absl::string_view cell : absl::StrSplit(line, '|')) {
    cell = absl::StripAsciiWhitespace(cell);
    if (cell.empty()) continue;
    if (cell.size() > 40) return false;
    ++cells;
  }
  if (cells < 3) return false;
  bool date = false;
  bool label = false;
  for (absl::string_view cell : absl::StrSplit(line, '|')) {
    date |= ParseDateLine(cell).has_value();
    label |= DocTypeFromLabelLine(absl::StripAsciiWhitespace(cell)).has_value();
  }
  return !(date && label);
}

}  // namespace

// How many of kPortalPhrases occur in `folded`, counted until `enough` are
// found.
int PortalPhrasesIn(absl::string_view folded, int enough) {
  return kPortalScan.Count(folded, enough);
}

// Removes "[ ]", pipes and bullets around a line.
absl::string_view StripFurnitureEdges(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  bool changed = true;
  while (changed && !line.empty()) {
    changed = false;
    for (absl::string_view edge : {"|", "[", "]", "\xE2\x80\xA2", "*", "-"}) {
      if (absl::ConsumePrefix(&line, edge)) changed = true;
      if (absl::ConsumeSuffix(&line, edge)) changed = true;
    }
    line = absl::StripAsciiWhitespace(line);
  }
  return line;
}

bool IsPunctuationOnly(absl::string_view line) { return !HasAlnum(line); }

namespace {

// BoilerplateReason of a line `trimmed` of ASCII white space, not empty,
// with `folded` = FoldAccents(trimmed).
std::optional<absl::string_view> ReasonOfTrimmed(absl::string_view trimmed,
                                                 absl::string_view folded) {
  if (absl::StartsWith(folded, "![") || IsImageFileName(folded)) return "logo";
  if (!HasAlnum(trimmed)) return "layout";
  // A language menu's item in its own script (script_menu_items.h).
  if (IsScriptMenuItem(trimmed, folded)) return "layout";
  if (IsMenuLine(trimmed)) return "navigation";

  std::string edges(StripFurnitureEdges(folded));
  while (!edges.empty() && (edges.back() == ':' || edges.back() == ' ')) edges.pop_back();
  for (absl::string_view furniture : kFurnitureLines) {
    if (edges == furniture) return "navigation";
  }
  if (std::optional<absl::string_view> reason = PageControlReason(edges, folded)) return reason;
  if (absl::StartsWith(edges, "go to homepage") || absl::StartsWith(edges, "go to index") ||
      absl::StartsWith(edges, "back to ") || absl::StartsWith(edges, "retour a ")) {
    if (edges.size() < 60) return "navigation";
  }
  if (IsPhoneFaxLine(folded)) return "phone_fax";
  // "[Pages 613-622]", "[ NATO PRESS RELEASES ]": editorial or site notes.
  if (absl::StartsWith(trimmed, "[") && absl::EndsWith(trimmed, "]") && trimmed.size() < 160) {
    return "bracketed";
  }
  // Breadcrumbs: "You are here: Home >> Databases >> ...".
  if (absl::StartsWith(folded, "you are here") || absl::StrContains(folded, " >> ")) {
    return "navigation";
  }
  // Links to media files: "Speech by ... (.MP3/.985Kb) (poor sound)".
  // One search for "(." and a look at what follows, not one per extension.
  for (size_t at = folded.find("(."); at != absl::string_view::npos;
       at = folded.find("(.", at + 1)) {
    const absl::string_view extension = folded.substr(at + 2);
    for (absl::string_view media : {"mp3", "pdf", "wav", "rm", "doc"}) {
      if (absl::StartsWith(extension, media)) return "media_link";
    }
  }
  // "An official website of the United States government": a site's
  // banner opens with it; a sentence citing an official website does not.
  if (folded.size() < 120 && (absl::StartsWith(edges, "an official website of") ||
                              absl::StartsWith(edges, "official website of") ||
                              absl::StartsWith(edges, "site officiel d"))) {
    return "site";
  }
  if (IsLanguageMenu(folded)) return "navigation";
  if (folded.size() < 400 && IsBreadcrumb(folded)) return "navigation";
  if (IsDownloadLine(folded)) return "media_link";
  // "Read more ...", "Continue reading...", "Lire la suite": a teaser's link.
  if (edges.size() < 40) {
    for (absl::string_view link :
         {"read more", "continue reading", "lire la suite", "en savoir plus", "weiterlesen"}) {
      if (absl::StartsWith(edges, link)) return "navigation";
    }
  }
  if (IsPostalLine(trimmed)) return "address";
  if (IsAddressesOnly(folded)) return "contact";
  if (folded.size() < 300) {
    if (PortalPhrasesIn(folded, 1) >= 1) return "site";
  }
  if (IsNewsletterBlurb(folded)) return "site";
  if (IsCookieNotice(folded)) return "site";
  if ((absl::StartsWith(edges, "source:") || absl::StartsWith(edges, "read it all http") ||
       absl::StartsWith(edges, "read more http")) &&
      edges.size() < 80) {
    return "site";
  }
  return std::nullopt;
}

}  // namespace

std::optional<absl::string_view> BoilerplateReason(absl::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  if (trimmed.empty()) return std::nullopt;
  return ReasonOfTrimmed(trimmed, FoldAccents(trimmed));
}

std::optional<absl::string_view> BoilerplateReason(absl::string_view line,
                                                   absl::string_view folded) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  if (trimmed.empty()) return std::nullopt;
  return ReasonOfTrimmed(trimmed, folded);
}

}  // namespace docsearch::ingest
