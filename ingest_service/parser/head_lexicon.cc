#include "ingest_service/parser/head_lexicon.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace v1 = docsearch::v1;
namespace {

// Folded, accent-free openings of the formulas press offices wrap releases
// in, in the languages of the corpus' offices.
constexpr absl::string_view kPressOfficeFormulas[] = {
    "for immediate release",
    "immediate release",
    "for release",
    "embargoed",
    "embargo",
    "under embargo",
    "not for publication",
    "check against delivery",
    "check against the spoken word",
    "seul le texte prononce fait foi",
    "seul le prononce fait foi",
    "es gilt das gesprochene wort",
    "sperrfrist",
    "office of the press secretary",
    "office of the spokesman",
    "office of the spokesperson",
    "office of the spokesperson for",
    "press office",
    "press service",
    "press and information office",
    "press and media office",
    "press secretary",
    "media relations",
    "media advisory",
    "service de presse",
    "bureau de presse",
    "service de presse et d'information",
    "pressestelle",
    "presse- und informationsamt",
    "oficina de prensa",
    "ufficio stampa",
};

// Kinds of institution, folded ("department" of state, "ministere" des
// affaires etrangeres, "amt").
constexpr absl::string_view kInstitutionNouns[] = {
    "department",     "ministry",   "ministere",    "ministerium",
    "ministerio",     "ministero",  "office",       "bureau",
    "council",        "conseil",    "rat",          "commission",
    "secretariat",    "embassy",    "ambassade",    "botschaft",
    "mission",        "government", "gouvernement", "regierung",
    "agency",         "agence",     "house",        "parliament",
    "parlement",      "union",      "organization", "organisation",
    "affairs",        "affaires",   "amt",          "amts",
    "presidency",     "presidence", "delegation",   "representation",
    "administration", "senate",     "assembly",     "assemblee",
    "headquarters",
};

// Events and documents: a line naming one is a headline, not a banner.
constexpr absl::string_view kEventNouns[] = {
    "meeting",     "reunion",    "treffen",   "statement", "declaration", "erklarung",
    "declaracion", "communique", "summit",    "sommet",    "gipfel",      "conference",
    "session",     "remarks",    "speech",    "discours",  "rede",        "report",
    "rapport",     "summary",    "resume",    "release",   "interview",   "address",
    "allocution",  "letter",     "lettre",    "visit",     "visite",      "minutes",
    "conclusions", "briefing",   "opening",   "closing",   "welcome",     "results",
    "decision",    "resolution", "agreement", "accord",    "talks",       "entretien",
};

// Folded notes that a text was, or is to be, spoken.
constexpr absl::string_view kDeliveryNotes[] = {
    "check against delivery",
    "as delivered",
    "as prepared for delivery",
    "prepared for delivery",
    "seul le prononce fait foi",
    "seul le texte prononce fait foi",
    "es gilt das gesprochene wort",
    "solo vale lo pronunciado",
    "fa fede solo il discorso pronunciato",
};

// The words of `folded` (a line's FoldAccents) with only letters, digits,
// apostrophes and hyphens left.
std::vector<std::string> FoldedWords(absl::string_view folded) {
  std::vector<std::string> words;
  for (absl::string_view word : absl::StrSplit(folded, ' ', absl::SkipEmpty())) {
    std::string clean;
    for (char c : word) {
      if (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '-') {
        clean.push_back(c);
      }
    }
    if (!clean.empty()) words.push_back(std::move(clean));
  }
  return words;
}

// Whether the line `trimmed` (TrimLine) could name an institution alone,
// before its words are read: one to eight words, no sentence, no digit.
bool MayNameInstitution(absl::string_view trimmed) {
  const int words = CountWordsUpTo(trimmed, 8);
  if (words < 1 || words > 8 || EndsSentence(trimmed)) return false;
  for (char c : trimmed) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsPressOfficeFormulaFolded(absl::string_view folded) {
  for (absl::string_view formula : kPressOfficeFormulas) {
    if (absl::StartsWith(folded, formula)) return true;
  }
  return false;
}

bool NamesInstitutionOnlyFolded(absl::string_view line, absl::string_view folded_line) {
  const std::vector<std::string> folded = FoldedWords(folded_line);
  if (folded.empty()) return false;
  // Title Case ("U.S. Department of State"), or the institution's kind first
  // as French and German write it ("Ministère des Affaires étrangères").
  bool institution_first = false;
  for (absl::string_view noun : kInstitutionNouns) institution_first |= folded.front() == noun;
  if (!institution_first && !IsTitleCase(line)) return false;
  bool institution = false;
  for (const std::string& word : folded) {
    for (absl::string_view event : kEventNouns) {
      if (word == event) return false;
    }
    for (absl::string_view noun : kInstitutionNouns) institution |= word == noun;
  }
  return institution;
}

}  // namespace

// The fold is taken only for lines whose shape passes the cheap tests first.
bool IsPressOfficeFormula(absl::string_view line) {
  line = TrimLine(line);
  if (line.empty() || CountWordsUpTo(line, 12) > 12) return false;
  return IsPressOfficeFormulaFolded(FoldAccents(line));
}

bool IsPressOfficeFormula(absl::string_view line, absl::string_view folded) {
  line = TrimLine(line);
  if (line.empty() || CountWordsUpTo(line, 12) > 12) return false;
  return IsPressOfficeFormulaFolded(folded);
}

bool NamesInstitutionOnly(absl::string_view line) {
  line = TrimLine(line);
  if (!MayNameInstitution(line)) return false;
  return NamesInstitutionOnlyFolded(line, FoldAccents(line));
}

bool NamesInstitutionOnly(absl::string_view line, absl::string_view folded) {
  line = TrimLine(line);
  if (!MayNameInstitution(line)) return false;
  return NamesInstitutionOnlyFolded(line, folded);
}

bool NamesInstitutionAsABanner(absl::string_view line) {
  line = TrimLine(line);
  if (!MayNameInstitution(line)) return false;
  const std::string folded = FoldAccents(line);
  if (!NamesInstitutionOnlyFolded(line, folded)) return false;
  const std::vector<std::string> words = FoldedWords(folded);
  for (absl::string_view noun : kInstitutionNouns) {
    if (!words.empty() && words.front() == noun) return true;
  }
  for (absl::string_view word : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
    const unsigned char first = static_cast<unsigned char>(word.front());
    if (!absl::ascii_islower(first) || word.size() < 4) continue;
    // Prepositions of four letters or more are no headline's verb.
    const std::string folded_word = FoldAccents(word);
    bool preposition = false;
    for (absl::string_view joining : {"with", "from", "into", "upon", "pour", "avec", "dans",
                                      "sous", "para", "gegen", "della", "delle", "degli"}) {
      preposition |= folded_word == joining;
    }
    if (!preposition) return false;
  }
  return true;
}

bool IsAcronymAlone(absl::string_view line) {
  line = TrimLine(line);
  if (line.size() < 2 || line.size() > 6) return false;
  for (char c : line) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

namespace {

// An institution's name as OpensSiteBanner reads it, without the parts
// joined by dashes.
bool OpensSiteBannerWhole(absl::string_view line);

// "France Diplomatie", "Daily News": a name of one to three capitalized
// words, no digit, no label.
bool IsShortName(absl::string_view part) {
  if (part.empty() || CountWordsUpTo(part, 3) > 3 || DocTypeFromLabelLine(part).has_value()) {
    return false;
  }
  for (absl::string_view word : absl::StrSplit(part, ' ', absl::SkipEmpty())) {
    const unsigned char first = static_cast<unsigned char>(word.front());
    if (absl::ascii_isdigit(first) || (first < 0x80 && !absl::ascii_isupper(first))) return false;
  }
  return true;
}

// "NATO - North Atlantic Treaty Organization", "Western European Union -
// Union de l'Europe Occidentale", "France Diplomatie - Ministère de
// l'Europe et des Affaires étrangères": an institution's names, or its name
// and its site's, joined by a dash or a bar.
bool JoinsInstitutionNames(absl::string_view line) {
  // An event is named, not an institution: "EU – Western Balkans Summit".
  for (const std::string& word : FoldedWords(FoldAccents(line))) {
    for (absl::string_view event : kEventNouns) {
      if (word == event) return false;
    }
  }
  for (absl::string_view joint : {" - ", " \xE2\x80\x93 ", " | "}) {
    if (!absl::StrContains(line, joint)) continue;
    const std::vector<absl::string_view> parts = absl::StrSplit(line, joint);
    if (parts.size() > 3) return false;
    bool institution = false;
    for (absl::string_view part : parts) {
      part = TrimLine(part);
      const bool names = OpensSiteBannerWhole(part);
      if (!names && !IsShortName(part)) return false;
      institution |= names;
    }
    return institution;
  }
  return false;
}

// "Canada.ca", "GOV.UK", "CVCE.EU by UNI.LU": a site's address as its
// name, opening a line of at most five words.
bool OpensWithSiteAddress(absl::string_view line) {
  if (CountWordsUpTo(line, 5) > 5) return false;
  const absl::string_view first = line.substr(0, line.find(' '));
  const size_t dot = first.rfind('.');
  if (dot == absl::string_view::npos || dot == 0) return false;
  const absl::string_view domain = first.substr(dot + 1);
  if (domain.size() < 2 || domain.size() > 4) return false;
  for (char c : first) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!absl::ascii_isalnum(u) && c != '.' && c != '-') return false;
  }
  for (char c : domain) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool OpensSiteBannerWhole(absl::string_view line) {
  if (NamesInstitutionAsABanner(line) || IsAcronymAlone(line) || OpensWithSiteAddress(line)) {
    return true;
  }
  // A longer name, opened by the institution's kind: "Delegation of the
  // European Union to the United Nations".
  if (CountWordsUpTo(line, 12) > 12 || EndsSentence(line)) return false;
  for (char c : line) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  const std::string folded = FoldAccents(line);
  if (!NamesInstitutionOnlyFolded(line, folded)) return false;
  const std::vector<std::string> words = FoldedWords(folded);
  for (absl::string_view noun : kInstitutionNouns) {
    if (words.front() == noun) return true;
  }
  return false;
}

}  // namespace

bool OpensSiteBanner(absl::string_view line) {
  line = TrimLine(line);
  return OpensSiteBannerWhole(line) || JoinsInstitutionNames(line);
}

bool IsSiteBannerLine(absl::string_view line) {
  line = TrimLine(line);
  if (OpensSiteBanner(line) || IsPressOfficeFormula(line)) return true;
  // "Welcome to the United Nations": a site greeting its visitors by its
  // name.
  for (absl::string_view greeting : {"Welcome to the ", "Welcome to ", "Bienvenue sur le site de ",
                                     "Bienvenue \xC3\xA0 ", "Willkommen bei "}) {
    absl::string_view name = line;
    if (absl::ConsumePrefix(&name, greeting) && !EndsSentence(name) &&
        (OpensSiteBanner(name) || IsShortName(name))) {
      return true;
    }
  }
  if (CountWordsUpTo(line, 8) > 8 || EndsSentence(line)) return false;
  const std::string folded = FoldAccents(line);
  for (absl::string_view team :
       {" press team", " press office", " media office", " newsroom", " press service"}) {
    if (absl::EndsWith(folded, team)) return true;
  }
  if (std::optional<LeadingLabel> label = DocTypeLabelPrefix(line, /*any_rest=*/true)) {
    const absl::string_view rest = absl::StripLeadingAsciiWhitespace(line.substr(label->length));
    return absl::StartsWith(rest, "from ") && OpensSiteBanner(rest.substr(5));
  }
  return false;
}

bool HasDeliveryNote(absl::string_view line) {
  line = TrimLine(line);
  if (line.empty() || CountWordsUpTo(line, 25) > 25) return false;
  const std::string folded = FoldAccents(line);
  for (absl::string_view note : kDeliveryNotes) {
    const size_t at = absl::string_view(folded).find(note);
    // The note opens the line or follows a date ("21 mai 2021 - Seul le
    // prononcé fait foi"); inside a sentence the words mean something else.
    if (at != std::string::npos &&
        CountWordsUpTo(absl::string_view(folded).substr(0, at), 4) <= 4) {
      return true;
    }
  }
  return false;
}

std::optional<v1::DocType> DocTypeInsideLine(absl::string_view line) {
  line = TrimLine(line);
  // Parts between dashes or bars, after the first (the readers of whole
  // lines read that one).
  std::vector<absl::string_view> parts =
      absl::StrSplit(line, absl::ByAnyChar("|"), absl::SkipWhitespace());
  std::vector<absl::string_view> pieces;
  for (absl::string_view part : parts) {
    for (absl::string_view piece : absl::StrSplit(part, " - ", absl::SkipWhitespace())) {
      for (absl::string_view dashed :
           absl::StrSplit(piece, "\u2013", absl::SkipWhitespace())) {  // En dash.
        pieces.push_back(TrimLine(dashed));
      }
    }
  }
  for (size_t p = 1; p < pieces.size(); ++p) {
    if (std::optional<LeadingLabel> label = DocTypeLabelPrefix(pieces[p], /*any_rest=*/true)) {
      return label->type;
    }
  }
  // Words in capitals: a label printed as one among other words.
  std::vector<absl::string_view> words = absl::StrSplit(line, ' ', absl::SkipWhitespace());
  auto capitals = [](absl::string_view word) {
    int letters = 0;
    for (char c : word) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (absl::ascii_islower(u)) return false;
      letters += absl::ascii_isupper(u) ? 1 : 0;
    }
    return letters >= 2;
  };
  for (size_t w = 1; w + 1 < words.size(); ++w) {
    if (!capitals(words[w]) || !capitals(words[w + 1])) continue;
    const absl::string_view rest(words[w].data(), line.data() + line.size() - words[w].data());
    if (std::optional<LeadingLabel> label = DocTypeLabelPrefix(rest, /*any_rest=*/true)) {
      // The label itself in capitals, not only its first word.
      bool all_capitals = true;
      for (size_t k = w; k < words.size() && words[k].data() < rest.data() + label->length; ++k) {
        all_capitals &= capitals(words[k]);
      }
      if (all_capitals) return label->type;
    }
  }
  return std::nullopt;
}

bool ReadsAsMenu(absl::string_view line) {
  line = TrimLine(line);
  // A sentence's end first: it is read without a pass over the line.
  if (EndsSentence(line)) return false;
  const int words = CountWords(line);
  if (words < 5) return false;
  const TitleCaseCounts counts = CountTitleCase(line);
  // Every word a capitalized content word (or '&', '|', '/').
  int links = 0;
  for (absl::string_view word : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
    if (word == "&" || word == "|" || word == "/" || word == "-") ++links;
  }
  return counts.capitalized == counts.content_words && counts.content_words + links >= words &&
         counts.content_words >= 5;
}

}  // namespace docsearch::ingest
