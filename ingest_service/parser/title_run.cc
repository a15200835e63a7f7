#include "ingest_service/parser/title_run.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/entity_tables.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_chooser.h"
#include "ingest_service/parser/title_hints.h"

namespace docsearch::ingest {

absl::string_view FeatureLineText(const std::vector<SourceLine>& lines,
                                  const std::vector<LineFeatures>& features, size_t k) {
  return TrimLine(lines[features[k].line_index].text);
}

namespace {

// Longer than any headline: a run of this many words is a headline fused
// with what follows it, or prose.
constexpr int kMaxTitleWords = 40;
// A continuation line is a wrapped headline's next line, not a paragraph.
constexpr int kMaxContinuationWords = 20;
// Lines a label printed one word a line ("Opening" / "Statement") takes.
constexpr size_t kMaxLabelLines = 3;
// Words a line of a narrow column holds.
constexpr int kNarrowLineWords = 3;
// Longer than one sentence announcing a text ("The following is …:").
constexpr int kMaxAnnouncementWords = 30;

// No blank line between model lines k - 1 and k.
bool Adjacent(const std::vector<LineFeatures>& features, size_t k) {
  return k > 0 && features[k].line_index == features[k - 1].line_index + 1;
}

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

// A line that can continue a headline wrapped before it: short, not prose,
// not a date, furniture, a new label or a subtitle.
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

// A headline printed in a narrow column, a word or three a line
// ("Meeting" / "of Allied" / "and Partner"): every line of the run is
// that short.
bool NarrowColumn(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                  const TitleCandidate& run) {
  if (run.end - run.begin < 2) return false;
  for (size_t k = run.begin; k < run.end; ++k) {
    if (CountWordsUpTo(FeatureLineText(lines, features, k), kNarrowLineWords) > kNarrowLineWords)
      return false;
  }
  return true;
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

}  // namespace

bool ReadsAsProse(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty()) return false;
  const char last = line.back();
  if (last != '.' && last != '!' && last != '?' && last != ';') return false;
  const auto [words, lower] = CountSpaceSeparatedWords(line);
  return words >= 8 && 2 * lower >= words;
}

std::string JoinRunLines(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, size_t begin, size_t end) {
  std::vector<absl::string_view> parts;
  for (size_t k = begin; k < end; ++k) parts.push_back(lines[features[k].line_index].text);
  return JoinTitleLines(parts);
}

std::optional<size_t> CandidateNamedByHints(const std::vector<TitleCandidate>& candidates,
                                            const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features,
                                            absl::string_view source_uri,
                                            absl::string_view page_title) {
  std::vector<std::vector<std::string>> hints;
  if (std::vector<std::string> slug = UrlSlugWords(source_uri); !slug.empty()) {
    hints.push_back(std::move(slug));
  }
  if (std::vector<std::string> page = ContentWords(page_title); !page.empty()) {
    hints.push_back(std::move(page));
  }
  if (hints.empty()) return std::nullopt;
  std::vector<absl::flat_hash_set<std::string>> hint_keys;
  for (const std::vector<std::string>& hint : hints) hint_keys.push_back(HintKeys(hint));
  // Each line's words are looked up in each hint once (a line sits in up to
  // kMaxTitleLines runs); a run's words are its lines' in order, as the
  // lines are joined with a space, except where a word broken at a line's
  // hyphen is joined whole ("co-" / "operation"): such a run is joined and
  // read as a text.
  size_t window = 0;
  for (const TitleCandidate& candidate : candidates) window = std::max(window, candidate.end);
  std::vector<std::vector<std::vector<const std::string*>>> line_keys(hint_keys.size());
  for (size_t h = 0; h < hint_keys.size(); ++h) {
    line_keys[h].reserve(window);
    for (size_t k = 0; k < window; ++k) {
      line_keys[h].push_back(KeysOfContentWords(hint_keys[h], FeatureLineText(lines, features, k)));
    }
  }
  // Whether line k ends with a word broken at a hyphen that the next line
  // completes (JoinTitleLines joins the two halves), or is empty once
  // trimmed (JoinTitleLines skips it, so the lines around it may join).
  std::vector<bool> joins_next(window, false);
  for (size_t k = 0; k + 1 < window; ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    joins_next[k] = text.empty() || (EndsWithBrokenWord(text) &&
                                     StartsLowercase(FeatureLineText(lines, features, k + 1)));
  }
  std::optional<size_t> best;
  HintMatch best_match;
  size_t best_lines = 0;
  std::vector<const std::vector<const std::string*>*> pieces;
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& candidate = candidates[c];
    if (candidate.begin == candidate.end) continue;
    bool joined_words = false;
    for (size_t k = candidate.begin; k + 1 < candidate.end; ++k) joined_words |= joins_next[k];
    std::optional<std::string> text;
    const auto run_text = [&]() -> const std::string& {
      if (!text.has_value()) text = JoinRunLines(lines, features, candidate.begin, candidate.end);
      return *text;
    };
    // Whether the run may be named at all, read once and only for a run a
    // hint matches strongly (most runs match none).
    std::optional<bool> nameable;
    for (size_t h = 0; h < hint_keys.size(); ++h) {
      std::optional<HintMatch> strong;
      if (joined_words) {
        strong = StrongHintMatch(hint_keys[h], run_text());
      } else {
        pieces.clear();
        for (size_t k = candidate.begin; k < candidate.end; ++k) pieces.push_back(&line_keys[h][k]);
        strong = StrongHintMatchOfKeys(hint_keys[h].size(), pieces);
      }
      if (!strong.has_value()) continue;
      if (!nameable.has_value()) {
        nameable = CountWordsUpTo(run_text(), kMaxTitleWords) <= kMaxTitleWords &&
                   !ReadsAsProse(run_text());
      }
      if (!*nameable) break;
      const HintMatch& match = *strong;
      const size_t size = candidate.end - candidate.begin;
      // Shares compared as fractions, exactly.
      const int share_order = match.matched * best_match.words - best_match.matched * match.words;
      const bool better = !best.has_value() || match.matched > best_match.matched ||
                          (match.matched == best_match.matched &&
                           (share_order > 0 || (share_order == 0 && size < best_lines)));
      if (better) {
        best = c;
        best_match = match;
        best_lines = size;
      }
    }
  }
  return best;
}

namespace {

// The lines after `k` are items of a menu: two or more short lines (three
// words at most, no sentence's end, no date) in a row.
bool OpensAMenu(size_t k, const std::vector<SourceLine>& lines,
                const std::vector<LineFeatures>& features) {
  constexpr int kMostItemWords = 3;
  constexpr size_t kLeastItems = 2;
  size_t items = 0;
  for (size_t next = k + 1; next < features.size() && items < kLeastItems; ++next) {
    const absl::string_view text = FeatureLineText(lines, features, next);
    // A type label under a headline ("Media release") opens the text.
    if (CountWordsUpTo(text, kMostItemWords + 1) > kMostItemWords || EndsSentence(text) ||
        !FindDates(text).empty() || DocTypeFromLabelLine(text).has_value()) {
      break;
    }
    ++items;
  }
  return items >= kLeastItems;
}

}  // namespace

std::optional<size_t> CandidatePrintedTwice(const std::vector<TitleCandidate>& candidates,
                                            const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features) {
  constexpr size_t kHeadLines = 12;
  constexpr size_t kMaxLinesBetween = 3;
  // Each head line is compared with the few after it: folded once.
  std::vector<std::optional<std::string>> folds(
      std::min(features.size(), kHeadLines + 1 + kMaxLinesBetween));
  const auto fold_of = [&](size_t k) -> const std::string& {
    if (!folds[k].has_value()) folds[k] = FoldForMatching(FeatureLineText(lines, features, k));
    return *folds[k];
  };
  for (size_t k = 0; k < features.size() && k < kHeadLines; ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    if (ReadsAsProse(text)) return std::nullopt;  // The head ends at the first prose.
    const int words = CountWordsUpTo(text, 25);
    if (words < 3 || words > 25 || EndsSentence(text) || ParseDateLine(text).has_value() ||
        BoilerplateReason(text).has_value() || DocTypeFromLabelLine(text).has_value()) {
      continue;
    }
    const std::string& folded = fold_of(k);
    for (size_t copy = k + 1; copy < features.size() && copy <= k + 1 + kMaxLinesBetween; ++copy) {
      if (fold_of(copy) != folded) continue;
      // A line printed three times or more is the site's banner, repeated
      // on every block of the page, not a headline echoed once.
      int copies = 0;
      for (size_t other = 0; other < features.size() && other < kModelLineLimit; ++other) {
        copies += FoldForMatching(FeatureLineText(lines, features, other)) == folded ? 1 : 0;
      }
      if (copies > 2) break;
      // A section's name printed again over its own menu ("Centro de
      // Noticias" / "Comunicados de Prensa" / "Discursos" / …) heads the
      // site's menu, not the text.
      if (OpensAMenu(copy, lines, features)) break;
      for (size_t c = 0; c < candidates.size(); ++c) {
        if (candidates[c].begin == copy && candidates[c].end == copy + 1) return c;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

namespace {

using Lines = std::vector<SourceLine>;
using Features = std::vector<LineFeatures>;

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

// "by NATO Secretary General …" under a label printed on lines of its own,
// right above it or a blank line above it: the label opens the headline
// ("Opening Statement by …").
void OpenWithLabelAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (!StartsWithBy(FeatureLineText(lines, features, run->begin))) return;
  size_t label_begin = run->begin;
  for (size_t size = 1; size <= kMaxLabelLines && size <= run->begin; ++size) {
    const size_t begin = run->begin - size;
    // The label's own lines are adjacent; a blank line may part it from the
    // "by" line ("Opening Remarks" / "" / "by …").
    bool adjacent = true;
    for (size_t k = begin + 1; k < run->begin; ++k) adjacent &= Adjacent(features, k);
    if (!adjacent) break;
    // The longest label: "Opening" / "Statement", not "Statement".
    if (DocTypeFromLabelLine(JoinRunLines(lines, features, begin, run->begin)).has_value()) {
      label_begin = begin;
    }
  }
  run->begin = label_begin;
}

// "Meeting" / "of the" / "North" / "Atlantic" / "Council" / "In Defence" /
// …: a headline printed a word or three a line, chosen from inside. The
// short lines right above a narrow-column run that the cascade did not drop
// (a reference, a date, a label) and that can go on a headline open it.
void OpenNarrowColumnAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (!NarrowColumn(lines, features, *run)) return;
  while (run->begin > 0 && Adjacent(features, run->begin)) {
    const size_t above = run->begin - 1;
    const absl::string_view text = FeatureLineText(lines, features, above);
    if (absl::StartsWith(features[above].rule_fate, "dropped_") ||
        CountWordsUpTo(text, kNarrowLineWords) > kNarrowLineWords ||
        !CanContinueHeadline(lines[features[above].line_index].text, text) ||
        MatchReferenceAtStart(text).has_value() || IsPunctuationOnly(text)) {
      return;
    }
    run->begin = above;
  }
}

// "Opening" / "Statement" / "by …", "Closing" / "Remarks by …": a run opening
// with a label under a line that, alone, names no kind but completes the
// label ("Opening Statement"): the label printed over two lines opens the
// headline.
void OpenWithLabelSplitAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  // Only a label printed alone on its line: "Press" / "Statement by the
  // Council on …" is a series over the headline, not one label.
  const absl::string_view first = FeatureLineText(lines, features, run->begin);
  if (!DocTypeFromLabelLine(first).has_value()) return;
  for (size_t size = 1; size < kMaxLabelLines && size <= run->begin; ++size) {
    const size_t begin = run->begin - size;
    bool adjacent = true;
    for (size_t k = begin + 1; k <= run->begin; ++k) adjacent &= Adjacent(features, k);
    if (!adjacent) return;
    const std::string above = JoinRunLines(lines, features, begin, run->begin);
    if (IsPunctuationOnly(FeatureLineText(lines, features, begin)) ||
        CountWordsUpTo(above, kNarrowLineWords) > kNarrowLineWords ||
        DocTypeFromLabelLine(above).has_value()) {
      return;
    }
    if (DocTypeFromLabelLine(absl::StrCat(above, " ", first)).has_value()) {
      run->begin = begin;
      return;
    }
  }
}

// A place named alone, as the gazetteer knows it ("Riga", "Istanbul").
bool IsKnownPlace(absl::string_view text) {
  const std::string folded = FoldForMatching(text);
  for (const KnownEntity& place : kKnownPlaces) {
    if (FoldForMatching(place.name) == folded) return true;
    for (absl::string_view alias : place.aliases) {
      if (FoldForMatching(alias) == folded) return true;
    }
  }
  return false;
}

// "Riga" / "Summit Declaration": a summit's text is named after the place
// that hosts it, and a label naming a summit alone is missing that name
// when the line right above it is a place.
void OpenWithSummitPlaceAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (run->end != run->begin + 1 || !Adjacent(features, run->begin)) return;
  const absl::string_view first = FeatureLineText(lines, features, run->begin);
  const std::string folded = FoldAccents(first);
  if (!absl::StartsWith(folded, "summit ") ||
      CountWordsUpTo(first, kNarrowLineWords) > kNarrowLineWords ||
      !DocTypeFromTitle(first).has_value()) {
    return;
  }
  if (IsKnownPlace(FeatureLineText(lines, features, run->begin - 1))) --run->begin;
}

// "Permanent Joint Council" / "Meeting at the Level of Defence Ministers …":
// a headline naming a body's meeting, printed with the body on the line
// above. A short line that ends with the name of a body that meets, right
// above a run opening with "Meeting", opens the headline.
void OpenWithMeetingBodyAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (!Adjacent(features, run->begin)) return;
  const absl::string_view first = FeatureLineText(lines, features, run->begin);
  if (!absl::StartsWith(first, "Meeting ") && !absl::StartsWith(first, "Réunion ")) return;
  const size_t above = run->begin - 1;
  const absl::string_view text = FeatureLineText(lines, features, above);
  if (absl::StartsWith(features[above].rule_fate, "dropped_") || CountWordsUpTo(text, 5) > 5 ||
      !CanContinueHeadline(lines[features[above].line_index].text, text) || StartsLowercase(text)) {
    return;
  }
  const absl::string_view last = text.substr(text.rfind(' ') + 1);
  for (absl::string_view body : {"Council", "Committee", "Commission", "Assembly", "Group", "Board",
                                 "Conseil", "Comité", "Assemblée"}) {
    if (last == body) {
      run->begin = above;
      return;
    }
  }
}

// "Meeting of the" / "North Atlantic Council in Defence Ministers Session":
// a line right above the run that breaks off inside a noun phrase (it ends
// on "of", "the", "and", "de", "du", "des" or "et", with nothing after)
// can be no banner or kicker of its own; it opens the headline, as
// ContinueWrappedHeadline takes such a line's continuation below. Site
// lines that end on other small words ("Who we are", "Sign in", "Last
// updated on", "Mis à jour le", "Usted está en:", "Brussels for the…") are
// menus, stamps and tickers, not a headline's first words.
bool BreaksOffInsideNounPhrase(absl::string_view text) {
  text = TrimLine(text);
  const size_t space = text.rfind(' ');
  if (space == absl::string_view::npos) return false;
  const absl::string_view last = text.substr(space + 1);
  for (absl::string_view word : {"of", "the", "and", "de", "du", "des", "et"}) {
    if (last == word) return true;
  }
  return false;
}

// Only a short line of three or four words, no label before a colon: a
// second review found tickers ("Minister to travel to Brussels for the"),
// menu items ("What we are proud of", "Part of") and labelled links
// ("Related: Minister visits the", "À lire aussi : Réunion du Conseil des")
// breaking off the same way.
void OpenWithUnfinishedLineAbove(const Lines& lines, const Features& features,
                                 TitleCandidate* run) {
  constexpr int kMinOpeningWords = 3;
  constexpr int kMaxOpeningWords = 4;
  while (run->begin > 0 && Adjacent(features, run->begin)) {
    const size_t above = run->begin - 1;
    const absl::string_view text = FeatureLineText(lines, features, above);
    const int words = CountWordsUpTo(text, kMaxOpeningWords + 1);
    if (!BreaksOffInsideNounPhrase(text) || StartsLowercase(text) || words < kMinOpeningWords ||
        words > kMaxOpeningWords || absl::StrContains(text, ':') ||
        absl::StartsWith(features[above].rule_fate, "dropped_") ||
        !CanContinueHeadline(lines[features[above].line_index].text, text) ||
        MatchReferenceAtStart(text).has_value()) {
      return;
    }
    run->begin = above;
  }
}

}  // namespace

bool StartsWithHeadlineContinuation(absl::string_view text) {
  return StartsWithLowerFunctionWord(TrimLine(text));
}

bool ReadsAsAnnouncement(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (!absl::EndsWith(text, ":")) return false;
  int words = 0;
  int lower = 0;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    ++words;
    if (absl::ascii_islower(static_cast<unsigned char>(word.front()))) ++lower;
  }
  // More words in lower case than capitalized: a label naming its speaker
  // ("Statement by the Secretary General of the Alliance:") is not one. A
  // paragraph ending on "In particular:" is body, read elsewhere.
  return words >= 8 && words <= kMaxAnnouncementWords && 2 * lower > words;
}

bool OpensWithPageWrapping(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features, const TitleCandidate& run) {
  return run.end > run.begin &&
         LateFurnitureReason(lines[features[run.begin].line_index].text).has_value();
}

void RepairTitleRun(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                    TitleCandidate* run) {
  if (run->begin == run->end) return;
  GiveLabelWayToHeadline(lines, features, run);
  PreferQuotedTitle(lines, features, run);
  StopAtSubtitleOrRepeat(lines, features, run);
  ContinueWrappedHeadline(lines, features, run);
  StopBeforeParagraph(lines, features, run);
  OpenWithLabelAbove(lines, features, run);
  OpenWithLabelSplitAbove(lines, features, run);
  OpenNarrowColumnAbove(lines, features, run);
  OpenWithSummitPlaceAbove(lines, features, run);
  OpenWithMeetingBodyAbove(lines, features, run);
  OpenWithUnfinishedLineAbove(lines, features, run);
}

}  // namespace docsearch::ingest
