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
#include "ingest_service/parser/doc_type_label_table.h"
#include "ingest_service/parser/doc_type_labels.h"
#include "ingest_service/parser/non_latin_labels.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::DocType;

// The words of each label of kDocTypeLabels (its spaces plus one), counted
// once.
constexpr size_t kMaxLabelWords = 4;
struct LabelWords {
  std::array<size_t, std::size(kDocTypeLabels)> words{};
};
constexpr LabelWords kLabelWords = [] {
  LabelWords counts;
  for (size_t l = 0; l < std::size(kDocTypeLabels); ++l) {
    counts.words[l] = 1;
    for (char c : kDocTypeLabels[l].folded) counts.words[l] += c == ' ' ? 1 : 0;
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

// Longer labels first, as the table says: no label is the opening words of a
// later one ("comunicado" after "comunicado de imprensa"), or prefix
// matching would stop at the shorter.
constexpr bool OpensWithWords(absl::string_view text, absl::string_view words) {
  return text.size() > words.size() && text.substr(0, words.size()) == words &&
         text[words.size()] == ' ';
}
static_assert(
    [] {
      for (size_t a = 0; a < std::size(kDocTypeLabels); ++a) {
        for (size_t b = a + 1; b < std::size(kDocTypeLabels); ++b) {
          if (OpensWithWords(kDocTypeLabels[b].folded, kDocTypeLabels[a].folded)) return false;
        }
      }
      return true;
    }(),
    "a label of kDocTypeLabels opens a later, longer one");

// The first two letters of each label, as a 26 x 26 table. Every label
// opens with two ASCII letters, so a line whose label reading opens with two
// letters that begin none (most lines) holds no label, and is not folded.
constexpr bool IsLowerAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }
static_assert(
    [] {
      for (const DocTypeLabel& label : kDocTypeLabels) {
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
  for (const DocTypeLabel& label : kDocTypeLabels) {
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
DocType Refine(const DocTypeLabel& label, absl::string_view printed) {
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
bool IsKickerOnly(const DocTypeLabel& label) { return label.folded == "release"; }

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
    for (size_t l = 0; l < std::size(kDocTypeLabels); ++l) {
      if (kLabelWords.words[l] == words && folded == kDocTypeLabels[l].folded) {
        return LeadingLabel{Refine(kDocTypeLabels[l], line.substr(0, i)), i};
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
  for (const DocTypeLabel& label : kDocTypeLabels) {
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
  for (const DocTypeLabel& label : kDocTypeLabels) {
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
  for (size_t l = 0; l < std::size(kDocTypeLabels); ++l) {
    // Compare the folded form of exactly as many printed words as the label.
    const size_t words = kLabelWords.words[l];
    if (spaces < words) continue;
    const size_t end = spaces_at[words - 1];
    if (end + 1 >= line.size()) continue;
    std::optional<std::string>& folded = folded_prefixes[words - 1];
    if (!folded.has_value()) folded = FoldLabel(line.substr(0, end));
    if (*folded != kDocTypeLabels[l].folded || IsKickerOnly(kDocTypeLabels[l])) continue;
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
    return LeadingLabel{Refine(kDocTypeLabels[l], line), end};
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

// A headline opening with its type: a speech's opening, or a label followed
// by who made it ("Statement by the Spokesperson on ...").
std::optional<DocType> TypedHeadlineOpening(absl::string_view headline) {
  const std::string folded = FoldAccents(headline);
  if (OpensWithSpeechWords(folded)) return v1::DOC_TYPE_SPEECH;
  for (const DocTypeLabel& label : kDocTypeLabels) {
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
  for (size_t l = 0; l < std::size(kDocTypeLabels); ++l) {
    const absl::string_view label = kDocTypeLabels[l].folded;
    if (IsKickerOnly(kDocTypeLabels[l])) continue;
    if (before == label ||
        (absl::EndsWith(before, label) && before[before.size() - label.size() - 1] == ' ' &&
         absl::StrContains(label, ' ') && CountSpaces(before) <= kLabelWords.words[l] + 1) ||
        IsQualifiedStatement(before, label)) {
      return Refine(kDocTypeLabels[l], title);
    }
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
