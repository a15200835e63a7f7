#include "ingest_service/parser/doc_type.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/date_names.h"
#include "ingest_service/parser/doc_type_labels.h"
#include "ingest_service/parser/entity_tables.h"
#include "ingest_service/parser/non_latin_labels.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::DocType;

struct Label {
  // Folded (lower case, accents removed, ASCII quotes); letters lost in
  // transcoding ("dclaration") are listed as their own forms.
  absl::string_view folded;
  DocType type;
};

// Longer labels first: prefix matching takes the first hit.
constexpr Label kLabels[] = {
    // A series name, like "Press Release": weak evidence of the type.
    {"communique de presse", v1::DOC_TYPE_PRESS_RELEASE},
    {"communiqu de presse", v1::DOC_TYPE_PRESS_RELEASE},
    {"press communique", v1::DOC_TYPE_PRESS_RELEASE},
    {"declaration du president", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    // The French chairman's summary: "Résumé du Président", "Résumé de la
    // présidence".
    {"resume du president", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"resume de la presidence", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"dclaration du prsident", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"declaration a la presse", v1::DOC_TYPE_PRESS_STATEMENT},
    {"dclaration la presse", v1::DOC_TYPE_PRESS_STATEMENT},
    {"declaration du sommet", v1::DOC_TYPE_DECLARATION},
    // The chair's own text, under each of the names a chair goes by.
    {"chairperson's summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairperson's statement", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairpersons summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairman's summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairman's statement", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairmans summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairmans statement", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chair's summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chair's statement", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    // The conclusions a presidency draws of a meeting it chaired, in the
    // EU's and its parliaments' languages.
    {"presidency conclusions", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"conclusions of the presidency", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"conclusions de la presidence", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"conclusiones de la presidencia", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"schlussfolgerungen des vorsitzes", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"conclusioni della presidenza", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"statement to the press", v1::DOC_TYPE_PRESS_STATEMENT},
    {"statement by the chairperson", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"statement by the chairman", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"statement by the chair", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"summit communique", v1::DOC_TYPE_COMMUNIQUE},
    {"final communique", v1::DOC_TYPE_COMMUNIQUE},
    {"final communiqu", v1::DOC_TYPE_COMMUNIQUE},
    {"communique final", v1::DOC_TYPE_COMMUNIQUE},
    {"communiqu final", v1::DOC_TYPE_COMMUNIQUE},
    {"joint communique", v1::DOC_TYPE_COMMUNIQUE},
    {"communique conjoint", v1::DOC_TYPE_COMMUNIQUE},
    {"declaration conjointe", v1::DOC_TYPE_PRESS_STATEMENT},
    {"press statement", v1::DOC_TYPE_PRESS_STATEMENT},
    {"media statement", v1::DOC_TYPE_PRESS_STATEMENT},
    {"joint statement", v1::DOC_TYPE_PRESS_STATEMENT},
    // A declaration made jointly is still a declaration, in English and in
    // the languages below (a French "Déclaration" is a statement: Refine).
    {"joint declaration", v1::DOC_TYPE_DECLARATION},
    {"opening remarks", v1::DOC_TYPE_SPEECH},
    {"opening statement", v1::DOC_TYPE_SPEECH},
    {"keynote speech", v1::DOC_TYPE_SPEECH},
    {"press release", v1::DOC_TYPE_PRESS_RELEASE},
    {"news release", v1::DOC_TYPE_PRESS_RELEASE},
    // The British government's older name for its press releases.
    {"press notice", v1::DOC_TYPE_PRESS_RELEASE},
    {"news story", v1::DOC_TYPE_PRESS_RELEASE},
    {"media release", v1::DOC_TYPE_PRESS_RELEASE},
    {"nato update", v1::DOC_TYPE_UPDATE},
    {"news item", v1::DOC_TYPE_UPDATE},
    {"statement", v1::DOC_TYPE_PRESS_STATEMENT},
    // A spokesperson's account of a call or a meeting, issued as a statement.
    {"readout", v1::DOC_TYPE_PRESS_STATEMENT},
    // A government's "Release" kicker above the headline.
    {"release", v1::DOC_TYPE_PRESS_RELEASE},
    {"declaration", v1::DOC_TYPE_PRESS_STATEMENT},  // French "Déclaration"; see below.
    {"dclaration", v1::DOC_TYPE_PRESS_STATEMENT},
    {"communique", v1::DOC_TYPE_COMMUNIQUE},
    {"summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"speech", v1::DOC_TYPE_SPEECH},
    // Labels of kinds the enum does not name: DOC_TYPE_OTHER, label kept raw.
    {"joint press conference", v1::DOC_TYPE_OTHER},
    {"press conference", v1::DOC_TYPE_OTHER},
    {"press briefing", v1::DOC_TYPE_OTHER},
    {"fact sheet", v1::DOC_TYPE_OTHER},
    {"background note", v1::DOC_TYPE_OTHER},
    {"interview", v1::DOC_TYPE_OTHER},
    {"transcript", v1::DOC_TYPE_OTHER},
    {"conference de presse", v1::DOC_TYPE_OTHER},
    {"point de presse", v1::DOC_TYPE_OTHER},
    {"entretien", v1::DOC_TYPE_OTHER},
    {"discours", v1::DOC_TYPE_SPEECH},
    {"allocution", v1::DOC_TYPE_SPEECH},
    // The same kinds printed in German, Spanish and Italian (dictionary
    // words, longer first as above). "Erklärung", "Declaración" and
    // "Dichiarazione" are the declaration of their language, made jointly
    // or not.
    {"gemeinsame presseerklarung", v1::DOC_TYPE_PRESS_STATEMENT},
    {"gemeinsame erklarung", v1::DOC_TYPE_DECLARATION},
    {"presseerklarung", v1::DOC_TYPE_PRESS_STATEMENT},
    {"pressemitteilung", v1::DOC_TYPE_PRESS_RELEASE},
    // Austrian and Swiss wordings of the press release.
    {"presseaussendung", v1::DOC_TYPE_PRESS_RELEASE},
    {"presseinformation", v1::DOC_TYPE_PRESS_RELEASE},
    {"medienmitteilung", v1::DOC_TYPE_PRESS_RELEASE},
    // A central bank's and a German ministry's other wordings.
    {"pressenotiz", v1::DOC_TYPE_PRESS_RELEASE},
    // The press services of Vienna's city hall and Austria's parliament.
    {"rathauskorrespondenz", v1::DOC_TYPE_PRESS_RELEASE},
    {"parlamentskorrespondenz", v1::DOC_TYPE_PRESS_RELEASE},
    {"pressemeldung", v1::DOC_TYPE_PRESS_RELEASE},
    {"abschlusskommunique", v1::DOC_TYPE_COMMUNIQUE},
    {"gipfelerklarung", v1::DOC_TYPE_DECLARATION},
    {"erklarung", v1::DOC_TYPE_DECLARATION},
    {"kommunique", v1::DOC_TYPE_COMMUNIQUE},
    {"pressekonferenz", v1::DOC_TYPE_OTHER},
    {"ansprache", v1::DOC_TYPE_SPEECH},
    {"rede", v1::DOC_TYPE_SPEECH},
    {"comunicado de prensa", v1::DOC_TYPE_PRESS_RELEASE},
    {"nota de prensa", v1::DOC_TYPE_PRESS_RELEASE},
    {"declaracion conjunta", v1::DOC_TYPE_DECLARATION},
    {"comunicado conjunto", v1::DOC_TYPE_COMMUNIQUE},
    {"comunicado final", v1::DOC_TYPE_COMMUNIQUE},
    {"conferencia de prensa", v1::DOC_TYPE_OTHER},
    {"rueda de prensa", v1::DOC_TYPE_OTHER},
    {"declaracion", v1::DOC_TYPE_DECLARATION},
    {"comunicado de imprensa", v1::DOC_TYPE_PRESS_RELEASE},  // Portuguese, before "comunicado"
    {"comunicado", v1::DOC_TYPE_PRESS_RELEASE},
    {"discurso", v1::DOC_TYPE_SPEECH},
    {"comunicato stampa", v1::DOC_TYPE_PRESS_RELEASE},
    {"dichiarazione congiunta", v1::DOC_TYPE_DECLARATION},
    {"comunicato congiunto", v1::DOC_TYPE_COMMUNIQUE},
    {"comunicato finale", v1::DOC_TYPE_COMMUNIQUE},
    {"conferenza stampa", v1::DOC_TYPE_OTHER},
    {"dichiarazione", v1::DOC_TYPE_DECLARATION},
    {"discorso", v1::DOC_TYPE_SPEECH},
    // Portuguese and Dutch.
    {"nota a imprensa", v1::DOC_TYPE_PRESS_RELEASE},
    {"nota a comunicacao social", v1::DOC_TYPE_PRESS_RELEASE},
    {"nota de imprensa", v1::DOC_TYPE_PRESS_RELEASE},
    {"declaracao conjunta", v1::DOC_TYPE_DECLARATION},
    {"declaracao", v1::DOC_TYPE_DECLARATION},
    {"gezamenlijke verklaring", v1::DOC_TYPE_DECLARATION},
    {"persbericht", v1::DOC_TYPE_PRESS_RELEASE},
    {"nieuwsbericht", v1::DOC_TYPE_UPDATE},
    {"toespraak", v1::DOC_TYPE_SPEECH},
    // Swedish, Norwegian, Danish, Finnish.
    {"pressmeddelande", v1::DOC_TYPE_PRESS_RELEASE},
    {"pressemelding", v1::DOC_TYPE_PRESS_RELEASE},
    {"pressemeddelelse", v1::DOC_TYPE_PRESS_RELEASE},
    {"lehdistotiedote", v1::DOC_TYPE_PRESS_RELEASE},
    {"tiedote", v1::DOC_TYPE_PRESS_RELEASE},
    {"gemensamt uttalande", v1::DOC_TYPE_PRESS_STATEMENT},
    {"felles uttalelse", v1::DOC_TYPE_PRESS_STATEMENT},
    {"uttalande", v1::DOC_TYPE_PRESS_STATEMENT},
    {"uttalelse", v1::DOC_TYPE_PRESS_STATEMENT},
    {"udtalelse", v1::DOC_TYPE_PRESS_STATEMENT},
    // Polish, Czech, Romanian ("comunicat" before "comunicato" is no
    // prefix of it: labels match whole words).
    {"komunikat prasowy", v1::DOC_TYPE_PRESS_RELEASE},
    {"wspolne oswiadczenie", v1::DOC_TYPE_PRESS_STATEMENT},
    {"oswiadczenie", v1::DOC_TYPE_PRESS_STATEMENT},
    {"komunikat", v1::DOC_TYPE_PRESS_RELEASE},
    {"przemowienie", v1::DOC_TYPE_SPEECH},
    {"tiskova zprava", v1::DOC_TYPE_PRESS_RELEASE},
    {"prohlaseni", v1::DOC_TYPE_PRESS_STATEMENT},
    {"comunicat de presa", v1::DOC_TYPE_PRESS_RELEASE},
    {"comunicat comun", v1::DOC_TYPE_COMMUNIQUE},
    {"declaratie comuna", v1::DOC_TYPE_DECLARATION},
    {"declaratie de presa", v1::DOC_TYPE_PRESS_STATEMENT},
    {"comunicat", v1::DOC_TYPE_PRESS_RELEASE},
    {"discurs", v1::DOC_TYPE_SPEECH},
    // Turkish, with and without its dotless i (which folding keeps).
    {"basin aciklamasi", v1::DOC_TYPE_PRESS_RELEASE},
    {"bas\xC4\xB1n ac\xC4\xB1klamas\xC4\xB1", v1::DOC_TYPE_PRESS_RELEASE},
    {"ortak aciklama", v1::DOC_TYPE_PRESS_STATEMENT},
    {"ortak ac\xC4\xB1klama", v1::DOC_TYPE_PRESS_STATEMENT},
    // Indonesian and Malay.
    {"siaran pers", v1::DOC_TYPE_PRESS_RELEASE},
    {"kenyataan akhbar", v1::DOC_TYPE_PRESS_RELEASE},
};

// The words of each label of kLabels (its spaces plus one), counted once.
constexpr size_t kMaxLabelWords = 4;
struct LabelWords {
  std::array<size_t, std::size(kLabels)> words{};
};
constexpr LabelWords kLabelWords = [] {
  LabelWords counts;
  for (size_t l = 0; l < std::size(kLabels); ++l) {
    counts.words[l] = 1;
    for (char c : kLabels[l].folded) counts.words[l] += c == ' ' ? 1 : 0;
  }
  return counts;
}();
static_assert(
    [] {
      for (size_t words : kLabelWords.words) {
        if (words > kMaxLabelWords) return false;
      }
      return true;
    }(),
    "DocTypeLabelPrefix finds the ends of kMaxLabelWords words at most");

// Longer labels first, as said above: no label is the opening words of a
// later one ("comunicado" after "comunicado de imprensa"), or prefix
// matching would stop at the shorter.
constexpr bool OpensWithWords(absl::string_view text, absl::string_view words) {
  return text.size() > words.size() && text.substr(0, words.size()) == words &&
         text[words.size()] == ' ';
}
static_assert(
    [] {
      for (size_t a = 0; a < std::size(kLabels); ++a) {
        for (size_t b = a + 1; b < std::size(kLabels); ++b) {
          if (OpensWithWords(kLabels[b].folded, kLabels[a].folded)) return false;
        }
      }
      return true;
    }(),
    "a label of kLabels opens a later, longer one");

// The first two letters of each label, as a 26 x 26 table. Every label
// opens with two ASCII letters, so a line whose label reading opens with two
// letters that begin none (most lines) holds no label, and is not folded.
constexpr bool IsLowerAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }
static_assert(
    [] {
      for (const Label& label : kLabels) {
        if (label.folded.size() < 2 || !IsLowerAsciiLetter(label.folded[0]) ||
            !IsLowerAsciiLetter(label.folded[1])) {
          return false;
        }
      }
      return true;
    }(),
    "MayOpenWithALabel reads the first two letters of a label");
constexpr auto kLabelOpenings = [] {
  std::array<bool, 26 * 26> openings{};
  for (const Label& label : kLabels) {
    openings[(label.folded[0] - 'a') * 26 + (label.folded[1] - 'a')] = true;
  }
  return openings;
}();

// False only where FoldLabel of `line`, or of any prefix of it, can be no
// label: FoldLabel drops the white space and the '|', '-' and '*' before
// it, and folds two ASCII letters to their lower case. Anything else there
// (a bullet, an accented letter, a digit) is left to the full comparison.
bool MayOpenWithALabel(absl::string_view line) {
  size_t i = 0;
  while (i < line.size() && (absl::ascii_isspace(static_cast<unsigned char>(line[i])) ||
                             line[i] == '|' || line[i] == '-' || line[i] == '*')) {
    ++i;
  }
  if (i + 1 >= line.size()) return true;
  const unsigned char first = line[i];
  const unsigned char second = line[i + 1];
  if (!absl::ascii_isalpha(first) || !absl::ascii_isalpha(second)) return true;
  return kLabelOpenings[(absl::ascii_tolower(first) - 'a') * 26 +
                        (absl::ascii_tolower(second) - 'a')];
}

std::string FoldLabel(absl::string_view text) {
  std::string folded = FoldAccents(text);
  absl::string_view view = folded;
  // Furniture around a label line: pipes, bullets, dashes, a final period.
  view = absl::StripAsciiWhitespace(view);
  while (!view.empty() && (view.front() == '|' || view.front() == '-' || view.front() == '*')) {
    view.remove_prefix(1);
    view = absl::StripLeadingAsciiWhitespace(view);
  }
  if (absl::StartsWith(view, "\xE2\x80\xA2")) view.remove_prefix(3);
  while (!view.empty() &&
         (view.back() == '|' || view.back() == '.' || view.back() == ':' || view.back() == ',')) {
    view.remove_suffix(1);
    view = absl::StripTrailingAsciiWhitespace(view);
  }
  return std::string(absl::StripAsciiWhitespace(view));
}

// English "Declaration" is its own type; French "Déclaration" (accented, or
// with the accent lost) is a statement. The label is matched case- and
// accent-insensitively, so decide on the printed form.
DocType Refine(const Label& label, absl::string_view printed) {
  if (label.folded == "declaration") {
    const absl::string_view stripped = absl::StripAsciiWhitespace(printed);
    if (absl::StartsWithIgnoreCase(stripped, "declaration") ||
        absl::StartsWith(stripped, "DECLARATION")) {
      return v1::DOC_TYPE_DECLARATION;
    }
  }
  return label.type;
}

// The openings of a speech's title: "Remarks by the President ...",
// "Opening Statement by ...", "Address to ...", "Propos du Président ...",
// "Discours de ...".
constexpr absl::string_view kSpeechOpenings[] = {"remarks by",
                                                 "remarks of",
                                                 "remarks at",
                                                 "remarks to",
                                                 "opening remarks",
                                                 "closing remarks",
                                                 "introductory remarks",
                                                 "opening statement",
                                                 "closing statement",
                                                 "introductory statement",
                                                 "address by",
                                                 "address to",
                                                 "address at",
                                                 "speech by",
                                                 "speech at",
                                                 "speech to",
                                                 "keynote",
                                                 "lecture by",
                                                 "propos du",
                                                 "propos de",
                                                 "discours",
                                                 "allocution",
                                                 "intervention du",
                                                 "intervention de",
                                                 "intervention of",
                                                 "rede von",
                                                 "discurso",
                                                 "discorso"};

}  // namespace

// Whether `folded` opens with one of kSpeechOpenings as whole words.
bool OpensWithSpeechWords(absl::string_view folded) {
  for (absl::string_view opening : kSpeechOpenings) {
    if (absl::StartsWith(folded, opening) &&
        (folded.size() == opening.size() ||
         !absl::ascii_isalpha(static_cast<unsigned char>(folded[opening.size()])))) {
      return true;
    }
  }
  return false;
}

size_t CountSpaces(absl::string_view text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), ' '));
}

namespace {

// The number of a text in its series: a digit first, then digits,
// letters and "/", ".", "-" ("045/2019", "2012/456/SAR", "98-12").
bool IsSeriesNumber(absl::string_view word) {
  if (word.empty() || !absl::ascii_isdigit(static_cast<unsigned char>(word.front()))) return false;
  bool letters = false;
  for (const char c : word) {
    letters |= absl::ascii_isalpha(static_cast<unsigned char>(c));
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '.' && c != '-') {
      return false;
    }
  }
  // Letters only in a reference's parts ("2012/456/SAR"), not in a
  // version or a product ("5G", "3D").
  return !letters || absl::StrContains(word, '/');
}

// "24-031", "2024/118": a year's or a series' number and a text's number
// in it, as an agency numbers its releases; a version ("2.0") has a dot.
bool IsYearAndSequence(absl::string_view number) {
  constexpr int kLeastDigits = 4;
  int digits = 0;
  bool separated = false;
  for (const char c : number) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c == '-' || c == '/') {
      separated = true;
    } else {
      return false;
    }
  }
  return separated && digits >= kLeastDigits && absl::ascii_isdigit(number.back());
}

// "Release" is a label only as a line of its own above the headline (a
// government's kicker); opening a longer line it is a verb or a noun
// ("Release Date Set For New Budget", "Release 2.0").
bool IsKickerOnly(const Label& label) { return label.folded == "release"; }

// "final communiqu", "communique final" or "communiqu final" anywhere in
// `folded`: each holds "communiqu", so only the places of that word are
// looked around (a title can be a whole one-line text).
bool NamesFinalCommunique(absl::string_view folded) {
  constexpr absl::string_view kWord = "communiqu";
  for (size_t at = folded.find(kWord); at != absl::string_view::npos;
       at = folded.find(kWord, at + 1)) {
    if (absl::EndsWith(folded.substr(0, at), "final ")) return true;
    const absl::string_view after = folded.substr(at + kWord.size());
    if (absl::StartsWith(after, "e final") || absl::StartsWith(after, " final")) return true;
  }
  return false;
}

// "chairman's summary", "chair's summary", "chairman's statement",
// "chairmans summary" or the same with "chairperson" anywhere in `folded`,
// looked for where "chair" is.
bool NamesChairmansSummary(absl::string_view folded) {
  constexpr absl::string_view kWord = "chair";
  for (size_t at = folded.find(kWord); at != absl::string_view::npos;
       at = folded.find(kWord, at + 1)) {
    const absl::string_view after = folded.substr(at + kWord.size());
    for (absl::string_view rest :
         {"man's summary", "'s summary", "man's statement", "mans summary", "person's summary",
          "person's statement", "persons summary", "'s statement"}) {
      if (absl::StartsWith(after, rest)) return true;
    }
  }
  return false;
}

// Where a scrape glued a label to the headline after it ("Press
// StatementMeeting of ..."): the first place among the label's words where
// a capital follows a lower-case letter (ASCII, or the last byte of an
// accented one: "CommuniquéMeeting"), if the text before it is a label of
// as many words. A label never holds such a place, so only the first is
// tried.
std::optional<LeadingLabel> GluedLabelPrefix(absl::string_view line) {
  size_t words = 1;
  for (size_t i = 3; i < line.size(); ++i) {
    const unsigned char before = line[i - 1];
    if (before == ' ') {
      if (++words > kMaxLabelWords) return std::nullopt;
      continue;
    }
    const bool lower_before = absl::ascii_islower(before) || (before & 0xC0) == 0x80;
    if (!lower_before || !absl::ascii_isupper(static_cast<unsigned char>(line[i]))) continue;
    const std::string folded = FoldLabel(line.substr(0, i));
    for (size_t l = 0; l < std::size(kLabels); ++l) {
      if (kLabelWords.words[l] == words && folded == kLabels[l].folded) {
        return LeadingLabel{Refine(kLabels[l], line.substr(0, i)), i};
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DocType> DocTypeFromLabelLine(absl::string_view line) {
  if (line.size() > 60) return std::nullopt;
  if (OpensWithNonLatinLetter(line)) return NonLatinLabelType(line);
  if (!MayOpenWithALabel(line)) return std::nullopt;
  const std::string folded = FoldLabel(line);
  for (const Label& label : kLabels) {
    if (folded == label.folded) return Refine(label, line);
  }
  // The label and the number of the text in its series ("Comunicado 112",
  // "Press Release 045/2019", "Press Release No: 2012/456/SAR"): a last
  // word holding a digit, made of digits, letters and the separators of a
  // reference.
  const size_t space = folded.find_last_of(' ');
  if (space == std::string::npos) return std::nullopt;
  const absl::string_view number = absl::string_view(folded).substr(space + 1);
  if (!IsSeriesNumber(number)) return std::nullopt;
  absl::string_view name = absl::string_view(folded).substr(0, space);
  // "Pressemitteilung Nr. 245", "Communiqué n° 12", "Nota à imprensa nº 312",
  absl::ConsumeSuffix(&name, ":");
  bool signed_number = false;
  for (absl::string_view sign :
       {" nr.", " nr", " no.", " no", " n\xC2\xB0", " n\xC2\xBA", " n.", " num.", " number"}) {
    if (absl::ConsumeSuffix(&name, sign)) {
      signed_number = true;
      break;
    }
  }
  for (const Label& label : kLabels) {
    // "Release 2.0" is a product's version; "Release No. 0245.21" an
    // agency's release in its series.
    if (name == label.folded &&
        (!IsKickerOnly(label) || signed_number || IsYearAndSequence(number))) {
      return Refine(label, line);
    }
  }
  return std::nullopt;
}

std::optional<LeadingLabel> DocTypeLabelPrefix(absl::string_view line, bool any_rest) {
  line = absl::StripLeadingAsciiWhitespace(line);
  if (!MayOpenWithALabel(line)) return std::nullopt;
  // Labels have one to kMaxLabelWords words: the line's first spaces are
  // found once, and each printed prefix is folded once, when the first label
  // of that many words is tried (not once per label).
  std::array<size_t, kMaxLabelWords> spaces_at{};
  size_t spaces = 0;
  for (size_t i = 0; i < line.size() && spaces < kMaxLabelWords; ++i) {
    if (line[i] == ' ') spaces_at[spaces++] = i;
  }
  std::array<std::optional<std::string>, kMaxLabelWords> folded_prefixes;
  size_t longest_refused = 0;
  for (size_t l = 0; l < std::size(kLabels); ++l) {
    // Compare the folded form of exactly as many printed words as the label.
    const size_t words = kLabelWords.words[l];
    if (spaces < words) continue;
    const size_t end = spaces_at[words - 1];
    if (end + 1 >= line.size()) continue;
    std::optional<std::string>& folded = folded_prefixes[words - 1];
    if (!folded.has_value()) folded = FoldLabel(line.substr(0, end));
    if (*folded != kLabels[l].folded || IsKickerOnly(kLabels[l])) continue;
    // Then a capitalized word, so "Statement by ..." and "Summary of ..." do
    // not lose their first word. Nor does a shorter label inside this one
    // decide: "Declaración Conjunta de los Ministros" is a headline opening
    // with a label of two words, not "Declaración" before "Conjunta de ...".
    const unsigned char next = line[end + 1];
    if (!any_rest && !absl::ascii_isupper(next)) {
      longest_refused = std::max(longest_refused, words);
      continue;
    }
    if (words < longest_refused) continue;
    return LeadingLabel{Refine(kLabels[l], line), end};
  }
  return GluedLabelPrefix(line);
}

bool IsSeriesName(absl::string_view label) {
  const std::string folded = FoldLabel(label);
  // The same series in Italian, Spanish and German (the Council of the
  // EU prints "Comunicato stampa" over its High Representative's
  // declarations too).
  return folded == "press release" || folded == "release" || folded == "communique de presse" ||
         folded == "communiqu de presse" || folded == "press communique" ||
         folded == "press communiqu" || folded == "comunicato stampa" ||
         folded == "comunicado de prensa" || folded == "pressemitteilung";
}

namespace {

// "Déclaration de Paris des villes hôtes …", "Déclaration de Bruxelles":
// a French declaration named after the place where it was made is a
// declaration, where "Déclaration de Laurent Fabius" is a statement. Only
// the places the entity tables know.
bool NamesDeclarationAfterPlace(absl::string_view folded) {
  absl::string_view rest = folded;
  if (!absl::ConsumePrefix(&rest, "declaration de ")) return false;
  auto opens_with = [&](absl::string_view name) {
    const std::string place = absl::AsciiStrToLower(FoldAccents(name));
    return absl::StartsWith(rest, place) &&
           (rest.size() == place.size() || rest[place.size()] == ' ' || rest[place.size()] == ',');
  };
  for (const KnownEntity& place : kKnownPlaces) {
    if (opens_with(place.name)) return true;
    for (absl::string_view alias : place.aliases) {
      if (opens_with(alias)) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<DocType> DocTypeFromTitle(absl::string_view title) {
  return DocTypeFromTitle(title, FoldAccents(title));
}

std::optional<DocType> DocTypeFromTitle(absl::string_view title, absl::string_view folded) {
  // "News story: ...", "Press release - ...": a series name fused before the
  // headline.
  for (absl::string_view series : {"news story", "news release", "press release"}) {
    if (absl::StartsWith(folded, series) && folded.size() > series.size() &&
        (folded[series.size()] == ':' || folded[series.size()] == ' ')) {
      const absl::string_view rest =
          absl::StripLeadingAsciiWhitespace(absl::string_view(folded).substr(series.size() + 1));
      if (!rest.empty() && rest.front() != '(') return v1::DOC_TYPE_PRESS_RELEASE;
    }
  }
  // A speech introduced by its speaker or its occasion: "Remarks by the
  // President ...", "Opening Statement by ...", "Address to ...", "Propos du
  // Président ...", "Discours de ...".
  if (OpensWithSpeechWords(folded)) return v1::DOC_TYPE_SPEECH;
  // Types named anywhere in the title: "Meeting of ... : Final Communiqué",
  // "NAC Chairman's Summary of ...".
  if (NamesFinalCommunique(folded)) return v1::DOC_TYPE_COMMUNIQUE;
  if (NamesChairmansSummary(folded)) return v1::DOC_TYPE_CHAIRMANS_SUMMARY;
  if (absl::StartsWith(folded, "statement by the chair") ||
      absl::StartsWith(folded, "chairman's") || absl::StartsWith(folded, "chairperson's") ||
      absl::StartsWith(folded, "declaration du president") ||
      absl::StartsWith(folded, "resume du president") ||
      absl::StartsWith(folded, "resume de la presidence")) {
    return v1::DOC_TYPE_CHAIRMANS_SUMMARY;
  }
  if (absl::StartsWith(folded, "statement") || absl::StartsWith(folded, "press statement") ||
      absl::StartsWith(folded, "joint statement")) {
    return v1::DOC_TYPE_PRESS_STATEMENT;
  }
  // English "Declaration by / of / on …" (a French "Déclaration" goes on
  // with "du", "de", "sur").
  for (absl::string_view opening : {"declaration by ", "declaration of ", "declaration on "}) {
    if (absl::StartsWith(folded, opening) && absl::StartsWithIgnoreCase(title, "declaration")) {
      return v1::DOC_TYPE_DECLARATION;
    }
  }
  if (absl::StartsWith(folded, "declaration du sommet") ||
      absl::EndsWith(folded, "summit declaration") || absl::EndsWith(folded, " declaration") ||
      NamesDeclarationAfterPlace(folded)) {
    return v1::DOC_TYPE_DECLARATION;
  }
  if (absl::EndsWith(folded, "communique") || absl::EndsWith(folded, "communiqu")) {
    return v1::DOC_TYPE_COMMUNIQUE;
  }
  // A declaration or communiqué named first in German, Spanish or Italian
  // ("Erklärung der NATO-Außenminister", "Declaración de ...").
  for (absl::string_view opening :
       {"erklarung", "gipfelerklarung", "declaracion", "dichiarazione"}) {
    if (absl::StartsWith(folded, opening) &&
        (folded.size() == opening.size() || folded[opening.size()] == ' ')) {
      return v1::DOC_TYPE_DECLARATION;
    }
  }
  // Portuguese "Declaração" opens a declaration named after its place or
  // made jointly ("Declaração de Bissau sobre …"); "Declaração do Imposto
  // de Renda" is a tax return.
  if (absl::StartsWith(folded, "declaracao conjunta") ||
      absl::StartsWith(folded, "declaracao final")) {
    return v1::DOC_TYPE_DECLARATION;
  }
  if (absl::StartsWith(folded, "declaracao de ")) {
    const size_t de = title.find(" de ");
    if (de != absl::string_view::npos && de + 4 < title.size() &&
        absl::ascii_isupper(static_cast<unsigned char>(title[de + 4]))) {
      return v1::DOC_TYPE_DECLARATION;
    }
  }
  for (absl::string_view opening :
       {"abschlusskommunique", "comunicado final", "comunicato finale", "comunicado conjunto",
        "comunicato congiunto", "gemeinsames kommunique", "comunicat comun"}) {
    if (absl::StartsWith(folded, opening)) return v1::DOC_TYPE_COMMUNIQUE;
  }
  if (absl::StartsWith(folded, "declaration du secretaire") ||
      absl::StartsWith(folded, "dclaration du secrtaire")) {
    return v1::DOC_TYPE_PRESS_STATEMENT;
  }
  // A French statement named by who makes it, or made jointly
  // ("Déclaration conjointe du Président …", "Déclaration du ministre …").
  for (absl::string_view opening :
       {"declaration conjointe", "declaration du ministre", "declaration de la ministre",
        "declaration du porte-parole", "declaration de la porte-parole"}) {
    if (absl::StartsWith(folded, opening)) return v1::DOC_TYPE_PRESS_STATEMENT;
  }
  if (absl::StartsWith(folded, "communique conjoint")) return v1::DOC_TYPE_COMMUNIQUE;
  return std::nullopt;
}

// A headline opening with its type: a speech's opening, or a label followed
// by who made it ("Statement by the Spokesperson on ...").
std::optional<DocType> TypedHeadlineOpening(absl::string_view headline) {
  const std::string folded = FoldAccents(headline);
  if (OpensWithSpeechWords(folded)) return v1::DOC_TYPE_SPEECH;
  for (const Label& label : kLabels) {
    if (IsKickerOnly(label) || !absl::StartsWith(folded, label.folded)) continue;
    const absl::string_view after = absl::string_view(folded).substr(label.folded.size());
    // Who made it: "Statement of Changes to the Rules" or "Summary of
    // Measures" is a document of another kind, "Rede de Hospitais" a word.
    for (absl::string_view link :
         {" by ", " du ", " de la ", " von ", " der ", " del ", " della ", " dell'", " dello "}) {
      if (absl::StartsWith(after, link)) return Refine(label, headline);
    }
  }
  return std::nullopt;
}

namespace {

// "Written Statement", "Oral Statement", "Ministerial Statement": the
// parliamentary kinds of a government's statement, one qualifier before
// the one-word label (a word or two before any other one-word label name
// a topic: "Tax Reform Statement: …").
bool IsQualifiedStatement(absl::string_view before, absl::string_view label) {
  if (label != "statement") return false;
  for (absl::string_view qualifier : {"written ", "oral ", "ministerial ", "cabinet "}) {
    if (before.size() == qualifier.size() + label.size() && absl::StartsWith(before, qualifier)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<DocType> LabelBeforeColon(absl::string_view before, absl::string_view title) {
  for (size_t l = 0; l < std::size(kLabels); ++l) {
    const absl::string_view label = kLabels[l].folded;
    if (IsKickerOnly(kLabels[l])) continue;
    if (before == label ||
        (absl::EndsWith(before, label) && before[before.size() - label.size() - 1] == ' ' &&
         absl::StrContains(label, ' ') && CountSpaces(before) <= kLabelWords.words[l] + 1) ||
        IsQualifiedStatement(before, label)) {
      return Refine(kLabels[l], title);
    }
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
