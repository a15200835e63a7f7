#include "ingest_service/parser/title_run_end.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// A continuation line is a wrapped headline's next line, not a paragraph.
constexpr int kMaxContinuationWords = 20;

// A subtitle opener in any of the archive's languages: the cascade's
// ("Issued by …", "diffusée par …") and the same participle in German,
// Spanish and Italian, or French masculine ("veröffentlicht nach ihrem
// Treffen …", "publicado por …", "publié à l'issue …"). Read here only,
// after the model, so that the cascade's reading stays the model's input.
bool OpensSubtitle(absl::string_view text) {
  if (StartsSubtitle(text)) return true;
  // The first 32 bytes, cut between characters, hold every opener.
  absl::string_view head = TrimLine(text);
  size_t cut = std::min<size_t>(head.size(), 32);
  while (cut < head.size() && (static_cast<unsigned char>(head[cut]) & 0xC0) == 0x80) ++cut;
  const std::string folded = FoldAccents(head.substr(0, cut));
  for (absl::string_view opener : {"veroffentlicht ", "herausgegeben ", "publicado ", "publicada ",
                                   "pubblicato ", "pubblicata ", "publie ", "released by "}) {
    if (absl::StartsWith(folded, opener)) return true;
  }
  return false;
}

}  // namespace

bool Adjacent(const std::vector<LineFeatures>& features, size_t k) {
  return k > 0 && features[k].line_index == features[k - 1].line_index + 1;
}

bool CanContinueHeadline(absl::string_view raw, absl::string_view text) {
  return !text.empty() && !absl::ascii_isdigit(static_cast<unsigned char>(text.front())) &&
         CountWordsUpTo(text, kMaxContinuationWords) <= kMaxContinuationWords &&
         !ReadsAsProse(text) && !EndsSentence(text) && !ParseDateLine(text).has_value() &&
         !ParseDateLineWithTime(text).has_value() && !BoilerplateReason(text).has_value() &&
         !DocTypeFromLabelLine(text).has_value() && !OpensSubtitle(text);
}

bool StartsWithBy(absl::string_view text) {
  return text == "by" || text == "By" || absl::StartsWith(text, "by ") ||
         absl::StartsWith(text, "By ");
}

bool NarrowColumn(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                  const TitleCandidate& run) {
  if (run.end - run.begin < 2) return false;
  for (size_t k = run.begin; k < run.end; ++k) {
    if (CountWordsUpTo(FeatureLineText(lines, features, k), kNarrowLineWords) > kNarrowLineWords)
      return false;
  }
  return true;
}

namespace {

using Lines = std::vector<SourceLine>;
using Features = std::vector<LineFeatures>;

// "at the Level of Defence Ministers", "on the Occasion of …", "held in
// Brussels": a line opening in lower case with a preposition goes on with
// the line before it.
bool StartsWithLowerFunctionWord(absl::string_view text) {
  const absl::string_view word = text.substr(0, text.find(' '));
  for (absl::string_view function : {"at", "on", "in", "of", "held", "for", "to", "with", "under",
                                     "du", "de", "des", "sur", "pour", "en", "tenue"}) {
    if (word == function) return true;
  }
  return false;
}

// "[EXCERPTS] Final Communiqué": an editorial note in brackets before a
// line.
absl::string_view WithoutBracketNote(absl::string_view text) {
  if (!absl::StartsWith(text, "[")) return text;
  const size_t close = text.find(']');
  return close == absl::string_view::npos ? text : TrimLine(text.substr(close + 1));
}

// A line that can open a headline after a label: a few words that are not
// prose, a date, a reference, a paragraph, furniture, a salutation, a
// subtitle or a continuation.
bool CanOpenHeadline(absl::string_view raw, absl::string_view text) {
  const int words = CountWordsUpTo(text, 25);
  return words >= 1 && words <= 25 && !ReadsAsProse(text) && !EndsSentence(text) &&
         !ParseDateLine(text).has_value() && !MatchReferenceAtStart(text).has_value() &&
         !BoilerplateReason(text).has_value() && !DocTypeFromLabelLine(text).has_value() &&
         !FindParagraphMarker(raw).has_value() && !IsSalutation(text) && !StartsSubtitle(text) &&
         !StartsLowercase(text);
}

constexpr std::pair<absl::string_view, absl::string_view> kQuotes[] = {
    {"\"", "\""}, {"\u201c", "\u201d"}, {"\u00ab", "\u00bb"}};
constexpr size_t kMaxQuotedLines = 3;

// When line `begin` opens a quotation that a line at most kMaxQuotedLines
// on closes ("\"NATO -- Managing the Challenges of Today," / "and
// Tomorrow\""), the end of those lines: a speech's own title.
std::optional<size_t> QuotedBlockEnd(const std::vector<SourceLine>& lines,
                                     const std::vector<LineFeatures>& features, size_t begin) {
  const absl::string_view first = FeatureLineText(lines, features, begin);
  for (const auto& [open, close] : kQuotes) {
    if (!absl::StartsWith(first, open)) continue;
    for (size_t k = begin; k < features.size() && k < begin + kMaxQuotedLines; ++k) {
      absl::string_view text = FeatureLineText(lines, features, k);
      if (k == begin) text.remove_prefix(open.size());
      if (text.find(close) != absl::string_view::npos) {
        return absl::EndsWith(text, close) ? std::optional<size_t>(k + 1) : std::nullopt;
      }
    }
  }
  return std::nullopt;
}

// "STATEMENT BY THE PRESIDENT", "Remarks by the Secretary General": a label
// naming its speaker and no subject, which a headline may still follow.
bool IsLabelWithSpeakerOnly(absl::string_view text) {
  const std::optional<LeadingLabel> label = DocTypeLabelPrefix(text, /*any_rest=*/true);
  if (!label.has_value()) return false;
  const absl::string_view rest = TrimLine(text.substr(label->length));
  if (!StartsWithBy(rest) && !absl::StartsWith(rest, "BY ")) return false;
  if (CountWordsUpTo(rest, 6) > 6 || EndsSentence(rest)) return false;
  // A subject or an occasion after the speaker makes it a headline.
  const std::string folded = FoldAccents(rest);
  for (absl::string_view word : {" on ", " at ", " to ", " following ", " after ", " about ",
                                 " concerning ", " regarding ", " for ", " in "}) {
    if (absl::StrContains(folded, word)) return false;
  }
  return true;
}

// A printed label alone ("Final Communiqué", "Communiqué" / "de presse",
// "STATEMENT BY THE PRESIDENT") is the title only when no headline follows
// it: a reference or date line, or a lone separator ("|"), may stand between
// them.
void GiveLabelWayToHeadline(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (run->end - run->begin > kMaxLabelLines) return;
  const std::string label = JoinRunLines(lines, features, run->begin, run->end);
  const absl::string_view text = WithoutBracketNote(TrimLine(label));
  if (!DocTypeFromLabelLine(text).has_value() && !IsLabelWithSpeakerOnly(text)) return;
  constexpr size_t kLinesBetween = 3;
  size_t k = run->end;
  // "Press Conference by Press Secretary SATO Kenji" / "Wednesday,
  // November 8, 2023, 4:05 p.m. Ministry of Foreign Affairs": the label
  // with its speaker, then the date with its hour and place, is the whole
  // heading of a transcript; what follows is its text.
  if (k < features.size() && IsLabelWithSpeakerOnly(text) &&
      OpensWithItsDate(FeatureLineText(lines, features, k))) {
    return;
  }
  while (k < features.size() && k < run->end + kLinesBetween &&
         (ParseDateLine(FeatureLineText(lines, features, k)).has_value() ||
          MatchReferenceAtStart(FeatureLineText(lines, features, k)).has_value() ||
          IsPunctuationOnly(FeatureLineText(lines, features, k)))) {
    ++k;
  }
  if (k < features.size() &&
      CanOpenHeadline(lines[features[k].line_index].text, FeatureLineText(lines, features, k))) {
    run->begin = k;
    run->end = k + 1;
  }
}

// A speech's title in quotes, then its speaker ("Speech by …"): the quoted
// lines are the headline.
void PreferQuotedTitle(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (std::optional<size_t> quoted = QuotedBlockEnd(lines, features, run->begin)) {
    run->end = std::min(run->end, *quoted);
    return;
  }
  if (DocTypeFromTitle(FeatureLineText(lines, features, run->begin)) != v1::DOC_TYPE_SPEECH) return;
  for (size_t size = 1; size <= kMaxQuotedLines && size <= run->begin; ++size) {
    if (QuotedBlockEnd(lines, features, run->begin - size) == run->begin) {
      run->end = run->begin;
      run->begin -= size;
      return;
    }
  }
}

// "Japan's Economy and Monetary Policy" / "Speech at a Meeting with
// Business Leaders in Kochi": under a speech's own title, the line naming
// where, to whom or by whom it was given is its subtitle (central banks,
// ministries and academies print speeches so), not more title.
bool NamesTheOccasion(absl::string_view text) {
  const std::string folded = FoldAccents(TrimLine(text));
  for (absl::string_view kind :
       {"speech ", "remarks ", "address ", "keynote address ", "keynote speech ", "discours ",
        "rede ", "discurso ", "intervento ", "intervention "}) {
    if (!absl::StartsWith(folded, kind)) continue;
    const absl::string_view rest = absl::string_view(folded).substr(kind.size());
    for (absl::string_view occasion :
         {"at ",         "by ", "to ",   "before ", "delivered ", "given ", "prononce ", "devant ",
          "a l",         "au ", "aux ",  "de ",     "du ",        "bei ",   "vor ",      "von ",
          "anlasslich ", "en ", "ante ", "del ",    "di ",        "al ",    "alla "}) {
      if (absl::StartsWith(rest, occasion)) return true;
    }
  }
  return false;
}

// Whether line k shares a word of five letters or more with the run's
// lines above it: a kicker repeats its headline's words ("Foreign
// Secretary at the UN Security Council" / "Speech by the Foreign Secretary
// at the UN Security Council meeting on Ukraine"), a speech's own title
// does not repeat its occasion's.
bool SharesAContentWord(const Lines& lines, const Features& features, const TitleCandidate& run,
                        size_t k) {
  constexpr size_t kLeastLetters = 5;
  auto words_of = [](absl::string_view text) {
    std::vector<std::string> words;
    for (absl::string_view word : absl::StrSplit(
             FoldAccents(TrimLine(text)), absl::ByAnyChar(" ,;:.'\"()-"), absl::SkipEmpty())) {
      if (word.size() >= kLeastLetters) words.emplace_back(word);
    }
    return words;
  };
  const std::vector<std::string> occasion = words_of(FeatureLineText(lines, features, k));
  for (size_t above = run.begin; above < k; ++above) {
    for (const std::string& word : words_of(FeatureLineText(lines, features, above))) {
      if (std::find(occasion.begin(), occasion.end(), word) != occasion.end()) return true;
    }
  }
  return false;
}

// "Children in the east are paying an unbearable price" / "Statement by
// the Executive Director …": under a finished headline, the kind of text
// and who made it, in words of its own, is the subtitle, not more
// headline (a kicker over the speech's full name shares its words:
// "Foreign Secretary at the UN" / "Speech by the Foreign Secretary at the
// UN …"). A label alone above
// ("Statement" / "by the Secretary General …") or a headline left open
// ("… on behalf of" / "Statement by …") goes on as before.
bool NamesWhoseTextUnderHeadline(absl::string_view above, absl::string_view text) {
  constexpr int kHeadlineWords = 4;
  if (CountWordsUpTo(above, kHeadlineWords) < kHeadlineWords || EndsWithFunctionWord(above) ||
      absl::EndsWith(above, ",") || absl::EndsWith(above, ":") ||
      DocTypeFromLabelLine(above).has_value()) {
    return false;
  }
  const std::optional<LeadingLabel> label = DocTypeLabelPrefix(text, /*any_rest=*/true);
  if (!label.has_value()) return false;
  const absl::string_view rest = absl::StripLeadingAsciiWhitespace(text.substr(label->length));
  return absl::StartsWith(rest, "by ") || absl::StartsWith(rest, "from ");
}

// "Riga" / "Summit Declaration" / "Issued by the Heads of State …": a
// subtitle opener inside the run starts the subtitle, not more title. The
// same headline twice in a row (a breadcrumb's last item, then the
// headline): the first one. A date line under the headline ("Brussels, 28
// November 2022", "mardi 16 janvier 2024 à 19:42") is the text's date, not
// more headline.
void StopAtSubtitleOrRepeat(const Lines& lines, const Features& features, TitleCandidate* run) {
  const std::string first = FoldForMatching(FeatureLineText(lines, features, run->begin));
  for (size_t k = run->begin + 1; k < run->end; ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    if (OpensSubtitle(text) || FoldForMatching(text) == first ||
        (NamesWhoseTextUnderHeadline(FeatureLineText(lines, features, k - 1), text) &&
         !SharesAContentWord(lines, features, *run, k)) ||
        (NamesTheOccasion(text) && !SharesAContentWord(lines, features, *run, k)) ||
        features[k].Has(VoteFeature(Vote::kDateLine)) || ParseDateLineWithTime(text).has_value()) {
      run->end = k;
      return;
    }
  }
}

// "… qui se tiendra les 24 et 25 septembre" / "2002": the next line is the
// year of a date the line leaves open.
bool CompletesDate(absl::string_view last, absl::string_view next) {
  if (next.size() != 4 || !std::all_of(next.begin(), next.end(), [](char c) {
        return absl::ascii_isdigit(static_cast<unsigned char>(c));
      })) {
    return false;
  }
  const std::string joined = absl::StrCat(last, " ", next);
  for (const FoundDate& date : FindDates(joined)) {
    if (date.begin < last.size() && date.end == joined.size()) return true;
  }
  return false;
}

// A run ending on a function word, a comma or a broken word stops inside
// its headline, and so does a narrow column stopping before its next short
// line, or a line before one opening in lower case ("Eléments" / "destinés
// à la presse"): the next line, when it can, continues it.
void ContinueWrappedHeadline(const Lines& lines, const Features& features, TitleCandidate* run) {
  while (run->end < features.size() && Adjacent(features, run->end)) {
    const absl::string_view last = FeatureLineText(lines, features, run->end - 1);
    const absl::string_view next = FeatureLineText(lines, features, run->end);
    const bool cut = EndsWithFunctionWord(last) || absl::EndsWith(last, ",") ||
                     absl::EndsWith(last, "-") || StartsWithLowerFunctionWord(next) ||
                     (StartsLowercase(next) && !EndsSentence(last)) ||
                     (NarrowColumn(lines, features, *run) &&
                      CountWordsUpTo(next, kNarrowLineWords) <= kNarrowLineWords);
    if (CompletesDate(last, next)) {
      ++run->end;
      continue;
    }
    if (!cut || !CanContinueHeadline(lines[features[run->end].line_index].text, next)) return;
    ++run->end;
  }
}

// A run whose last line goes on, in lower case, on a line the headline
// could not take ("Lord Robertson" / "La semaine passée, le sud de la
// Serbie, à proximité" / "de la limite territoriale avec le Kosovo, a connu
// un regain de violence."): that last line opens the text's first
// paragraph, printed with no blank line under the headline. It is not the
// headline's when it opens a new phrase (a capital, after a line that does
// not leave its phrase open).
void StopBeforeParagraph(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (run->end - run->begin < 2 || run->end >= features.size() || !Adjacent(features, run->end)) {
    return;
  }
  const absl::string_view last = FeatureLineText(lines, features, run->end - 1);
  const absl::string_view before = FeatureLineText(lines, features, run->end - 2);
  const absl::string_view next = FeatureLineText(lines, features, run->end);
  if (!StartsLowercase(next) || StartsLowercase(last) || EndsWithFunctionWord(before) ||
      absl::EndsWith(before, ",") || absl::EndsWith(before, "-") || EndsSentence(last)) {
    return;
  }
  --run->end;
}

}  // namespace

bool StartsWithHeadlineContinuation(absl::string_view text) {
  return StartsWithLowerFunctionWord(TrimLine(text));
}

void RepairTitleRunEnd(const std::vector<SourceLine>& lines,
                       const std::vector<LineFeatures>& features, TitleCandidate* run) {
  GiveLabelWayToHeadline(lines, features, run);
  PreferQuotedTitle(lines, features, run);
  StopAtSubtitleOrRepeat(lines, features, run);
  ContinueWrappedHeadline(lines, features, run);
  StopBeforeParagraph(lines, features, run);
}

}  // namespace docsearch::ingest
