#include "ingest_service/parser/line_features.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/header_lines.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/phrase_scan.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/substring_search.h"
#include "ingest_service/parser/text_normalizer.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace docsearch::ingest {
namespace {

// A word as a feature: folded, accents off, letters and digits only.
std::string WordKey(absl::string_view word) {
  std::string out;
  for (char c : FoldAccents(word)) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

bool IsAllCaps(absl::string_view line) {
  int upper = 0;
  for (char c : line) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_islower(u)) return false;
    if (absl::ascii_isupper(u)) ++upper;
  }
  return upper >= 4;
}

constexpr absl::string_view kSizeOrFileMarks[] = {"kb)",  "kb ",  "kb]",       " mb)",
                                                  "byte", ".pdf", ".mp3",      ".doc",
                                                  ".wmv", ".rm ", "file type", "size:"};
constexpr PhraseScan<std::size(kSizeOrFileMarks)> kSizeOrFileMarkScan(kSizeOrFileMarks);

bool HasSizeOrFileMark(absl::string_view line) {
  return kSizeOrFileMarkScan.CountIgnoringAsciiCase(line, 1) >= 1 ||
         absl::EndsWithIgnoreCase(line, "kb");
}

bool HasUrl(absl::string_view line) {
  return absl::StrContains(line, "http") || absl::StrContains(line, "www.") ||
         absl::StrContains(line, ".htm") || absl::StrContains(line, ".com");
}

// Whether `word` opens with a letter that is no capital: an ASCII
// lower-case letter, or, past digits and punctuation ("2023年", "«мы", the
// ideographic spaces that open a Chinese paragraph), a letter of a script
// beyond Latin that is not a capital (Greek, Cyrillic and Armenian in lower
// case, and every letter of the scripts without case: CJK, Arabic, Hebrew,
// Thai...). Accented Latin letters count as capitals, as they always have
// for the line-role model, whose weights were learned so.
bool OpensWithSmallLetter(absl::string_view word) {
  const unsigned char first = word.front();
  if (absl::ascii_isalpha(first)) return absl::ascii_islower(first);
  const int32_t size = static_cast<int32_t>(word.size());
  for (int32_t at = 0; at < size;) {
    UChar32 c = 0;
    U8_NEXT(word.data(), at, size, c);
    if (c < 0) return false;
    if (!u_isalpha(c)) continue;
    return c >= 0x370 && !u_isupper(c) && !u_istitle(c);
  }
  return false;
}

// Prose: eight words or more, most of them starting in lower case, ending a
// sentence. The first prose line is where the body begins for a reader.
// Words are counted as CountWords counts them (a run of Chinese or
// Japanese characters is several).
bool IsProse(absl::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  if (last != '.' && last != '!' && last != '?' && last != ';' && last != ':' &&
      !EndsWithFullStopOfOtherScript(line)) {
    return false;
  }
  int words = 0;
  int lower = 0;
  // Only a line holding a byte of 0x80 or more can hold a CJK run (counted
  // as several words) or a word of another script; the rest is read as it
  // always was.
  const bool beyond_ascii = std::any_of(
      line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  for (absl::string_view word : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
    if (!beyond_ascii) {
      ++words;
      if (absl::ascii_islower(static_cast<unsigned char>(word.front()))) ++lower;
      continue;
    }
    const int count = CountWords(word);
    words += count;
    if (OpensWithSmallLetter(word)) lower += count;
  }
  return words >= 8 && 2 * lower >= words;
}

// Where a line sits relative to a landmark line (the first date line, the
// first prose line), in non-blank lines: "-1" is the line just before it.
// The index of its name among "none", "at", "+1", "+2", "+3+", "-1", "-2",
// "-3..5", "-6+" (line_feature_ids.cc).
size_t Offset(size_t k, std::optional<size_t> landmark) {
  if (!landmark.has_value()) return 0;
  if (k == *landmark) return feature::kOffsetAt;
  if (k > *landmark) {
    const size_t after = k - *landmark;
    return after == 1 ? 2 : after == 2 ? 3 : 4;
  }
  const size_t before = *landmark - k;
  return before == 1 ? 5 : before == 2 ? 6 : before <= 5 ? 7 : 8;
}

// Words glued by scraping: a lower-case letter right before an upper-case
// one inside a token, after two lower-case letters ("HomeCanadaStatement",
// "généralL'OTAN"); "McDonald" or "iPhone" do not count.
bool HasGluedWords(absl::string_view line) {
  for (size_t i = 2; i + 1 < line.size(); ++i) {
    const unsigned char a = line[i - 2];
    const unsigned char b = line[i - 1];
    const unsigned char c = line[i];
    if (absl::ascii_islower(a) && absl::ascii_islower(b) && absl::ascii_isupper(c)) return true;
  }
  return false;
}

// "longer", "shorter", "similar" (line_feature_ids.cc), by index.
size_t CompareLength(size_t length, size_t other) {
  if (length * 10 > other * 13) return 0;
  if (length * 13 < other * 10) return 1;
  return 2;
}

// How the rule cascade treated each line: dropped lines by number, and
// lines found in the title or subtitle.
std::string Fate(const SourceLine& line, absl::string_view folded,
                 const absl::flat_hash_map<int, std::string>& dropped, absl::string_view title,
                 absl::string_view subtitle) {
  if (auto it = dropped.find(line.number); it != dropped.end()) {
    return absl::StrCat("dropped_", it->second);
  }
  if (folded.size() >= 3 && !title.empty() && ContainsLinear(title, folded)) return "title";
  if (folded.size() >= 3 && !subtitle.empty() && ContainsLinear(subtitle, folded)) {
    return "subtitle";
  }
  return "kept";
}

// A line's votes in the order the detectors are asked: a Vote, or
// kVoteCount + i for open[i], a reason the vote table does not list.
struct LineVotes {
  absl::InlinedVector<uint16_t, 12> votes;
  std::vector<std::string> open;

  void Add(Vote vote) { votes.push_back(static_cast<uint16_t>(vote)); }
  void AddNamed(std::optional<Vote> vote, absl::string_view name) {
    if (vote.has_value()) return Add(*vote);
    votes.push_back(static_cast<uint16_t>(kVoteCount + open.size()));
    open.emplace_back(name);
  }
  bool Has(Vote vote) const {
    return std::find(votes.begin(), votes.end(), static_cast<uint16_t>(vote)) != votes.end();
  }
  // Adds the votes to `line` as "vote=V" (kind kVote, from fixed id
  // `base`), "prev:V" or "next:V".
  void AddTo(FeatureId base, OpenKind kind, LineFeatures* line) const {
    for (uint16_t vote : votes) {
      if (vote < kVoteCount) {
        line->Add(static_cast<FeatureId>(base + vote));
      } else {
        line->AddOpen(kind, open[vote - kVoteCount]);
      }
    }
  }
};

// What the parser's detectors say about one line; used for the line itself
// and, prefixed, for its neighbours.
LineVotes Votes(absl::string_view raw_line, absl::string_view text, LineReadings* readings) {
  LineVotes votes;
  // `text` is trimmed (TrimLine), so the detectors folding the whole line
  // share one fold of it: the rule parse's, when it left its readings.
  std::optional<LineReading> own;
  if (readings == nullptr) own = ReadLine(text);
  const LineReading& reading = readings != nullptr ? readings->Read(text) : *own;
  const absl::string_view folded = reading.folded;
  if (std::optional<absl::string_view> reason = reading.furniture) {
    votes.AddNamed(FurnitureVote(*reason), absl::StrCat("furniture_", *reason));
  }
  if (ParseUpdatedHeader(text).has_value()) votes.Add(Vote::kUpdatedHeader);
  if (ParseDateLine(text).has_value()) {
    votes.Add(Vote::kDateLine);
  } else if (FindFirstDate(text).has_value()) {
    votes.Add(Vote::kHasDate);
  }
  if (MatchReferenceAtStart(text).has_value()) votes.Add(Vote::kReference);
  if (DocTypeFromLabelLine(text).has_value()) {
    votes.Add(Vote::kTypeLabel);
  } else if (DocTypeLabelPrefix(text).has_value()) {
    votes.Add(Vote::kTypeLabelPrefix);
  }
  if (DocTypeFromTitle(text, folded).has_value()) votes.Add(Vote::kTitleNamesType);
  if (IsByline(text)) votes.Add(Vote::kByline);
  if (IsSalutation(text, folded)) votes.Add(Vote::kSalutation);
  if (IsSidebarItem(text)) votes.Add(Vote::kSidebarItem);
  if (IsPressOfficeFormula(text, folded)) votes.Add(Vote::kPressOffice);
  if (NamesInstitutionOnly(text, folded)) votes.Add(Vote::kInstitutionName);
  // A menu is every content word capitalized, so only a title-case line can
  // read as one: the whole count ReadsAsMenu takes is skipped for the rest
  // (wrapped prose lines that do not end a sentence, mostly).
  const bool title_case = IsTitleCase(text);
  if (title_case && ReadsAsMenu(text)) votes.Add(Vote::kMenu);
  if (StartsSubtitle(text, folded)) votes.Add(Vote::kSubtitleOpener);
  if (std::optional<ParagraphMarker> marker = FindParagraphMarker(raw_line)) {
    votes.Add(marker->is_bullet ? Vote::kBullet : Vote::kNumbered);
  }
  // Only compared with 3, 8 and 20 below.
  const int words = CountWordsUpTo(text, 20);
  if (title_case) votes.Add(Vote::kTitleCase);
  if (IsAllCaps(text)) votes.Add(Vote::kAllCaps);
  if (StartsLowercase(text)) votes.Add(Vote::kLowerStart);
  if (EndsSentence(text)) votes.Add(words >= 8 ? Vote::kSentence : Vote::kShortSentenceEnd);
  if (words <= 3) votes.Add(Vote::kShort);
  if (words >= 20) votes.Add(Vote::kLong);
  return votes;
}

}  // namespace

bool LineFeatures::Has(FeatureId id) const {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void LineFeatures::AddOpen(OpenKind kind, std::string key) {
  ids.push_back(static_cast<FeatureId>(feature::kFixedCount + open.size()));
  open.push_back({kind, std::move(key)});
}

std::string LineFeatures::Name(size_t j) const {
  if (const OpenFeature* feature = OpenAt(j)) {
    return absl::StrCat(OpenPrefix(feature->kind), feature->key);
  }
  return std::string(FixedFeatureName(ids[j]));
}

std::vector<std::string> LineFeatures::Names() const {
  std::vector<std::string> names;
  names.reserve(ids.size());
  for (size_t j = 0; j < ids.size(); ++j) names.push_back(Name(j));
  return names;
}

LineFeatures LineFeaturesFromNames(size_t line_index, const std::vector<std::string>& names) {
  LineFeatures line;
  line.line_index = line_index;
  for (const std::string& name : names) {
    const FeatureKey key = ParseFeatureName(name);
    if (key.id.has_value()) {
      line.Add(*key.id);
    } else {
      line.AddOpen(key.kind, std::string(key.key));
    }
  }
  return line;
}

std::vector<LineFeatures> ComputeLineFeatures(const std::vector<SourceLine>& lines,
                                              const v1::ParseDocumentResponse& rule_parse,
                                              LineReadings* readings) {
  // The fates of the lines the model reads only: a text of millions of
  // dropped lines has millions of entries, and the model reads 160 lines.
  int last_line_read = 0;
  for (size_t i = 0, non_blank = 0; i < lines.size() && non_blank < kModelLineLimit; ++i) {
    if (!TrimLine(lines[i].text).empty()) ++non_blank;
    last_line_read = std::max(last_line_read, lines[i].number);
  }
  absl::flat_hash_map<int, std::string> dropped;
  for (const v1::DroppedLine& line : rule_parse.dropped_lines()) {
    if (line.line_number() <= last_line_read) dropped.emplace(line.line_number(), line.reason());
  }
  const std::string title = FoldForMatching(rule_parse.document().title());
  const std::string subtitle = FoldForMatching(rule_parse.document().subtitle());

  // The non-blank lines the model reads, with blank-line context.
  struct Seen {
    size_t index;
    absl::string_view text;
    bool blank_before;
    bool blank_after;
    LineVotes votes;
    std::string fate;
    std::string folded;  // FoldForMatching(text), needed twice.
  };
  std::vector<Seen> seen;
  bool blank = true;
  for (size_t i = 0; i < lines.size() && seen.size() < kModelLineLimit; ++i) {
    const absl::string_view text = TrimLine(lines[i].text);
    if (text.empty()) {
      blank = true;
      if (!seen.empty()) seen.back().blank_after = true;
      continue;
    }
    Seen line{
        i, text, blank, false, Votes(lines[i].text, text, readings), "", FoldForMatching(text)};
    line.fate = Fate(lines[i], line.folded, dropped, title, subtitle);
    line.votes.AddNamed(FateVote(line.fate), absl::StrCat("fate_", line.fate));
    seen.push_back(std::move(line));
    blank = false;
  }
  if (!seen.empty() && seen.back().index + 1 >= lines.size()) seen.back().blank_after = true;
  // Counted once `seen` is complete, so that the keys can be views of its
  // folds (a moved short string moves its bytes).
  absl::flat_hash_map<absl::string_view, int> occurrences;
  occurrences.reserve(seen.size());
  for (const Seen& line : seen) ++occurrences[line.folded];

  // Landmarks of the layout: the first date line and the first prose line.
  std::optional<size_t> first_date;
  std::optional<size_t> first_prose;
  for (size_t k = 0; k < seen.size(); ++k) {
    if (!first_date.has_value() && seen[k].votes.Has(Vote::kDateLine)) first_date = k;
    if (!first_prose.has_value() && IsProse(seen[k].text)) first_prose = k;
  }

  std::vector<LineFeatures> out;
  out.reserve(seen.size());
  bool date_seen = false;
  bool label_seen = false;
  bool title_case_seen = false;
  for (size_t k = 0; k < seen.size(); ++k) {
    const Seen& line = seen[k];
    LineFeatures f;
    f.line_index = line.index;
    f.rule_fate = line.fate;
    f.ids.reserve(24 + 3 * line.votes.votes.size());
    f.Add(feature::kBias);
    f.Add(static_cast<FeatureId>(feature::kPos + PosBucket(k)));
    f.Add(static_cast<FeatureId>(feature::kLen + LenBucket(line.text.size())));
    // Bucketed up to 21, compared with 3 below.
    const int words = CountWordsUpTo(line.text, 21);
    f.Add(static_cast<FeatureId>(feature::kWords + WordsBucket(words)));
    f.Add(static_cast<FeatureId>(feature::kToDate + Offset(k, first_date)));
    f.Add(static_cast<FeatureId>(feature::kToProse + Offset(k, first_prose)));
    if (k > 0) {
      f.Add(static_cast<FeatureId>(feature::kLenVsPrev +
                                   CompareLength(line.text.size(), seen[k - 1].text.size())));
    }
    if (k + 1 < seen.size()) {
      f.Add(static_cast<FeatureId>(feature::kLenVsNext +
                                   CompareLength(line.text.size(), seen[k + 1].text.size())));
    }
    if (HasGluedWords(line.text)) f.Add(feature::kGluedWords);
    if (line.blank_before) f.Add(feature::kBlankBefore);
    if (line.blank_after) f.Add(feature::kBlankAfter);
    line.votes.AddTo(feature::kVote, OpenKind::kVote, &f);
    if (k > 0) {
      seen[k - 1].votes.AddTo(feature::kPrev, OpenKind::kPrev, &f);
    } else {
      f.Add(feature::kPrevNone);
    }
    if (k + 1 < seen.size()) {
      seen[k + 1].votes.AddTo(feature::kNext, OpenKind::kNext, &f);
    } else {
      f.Add(feature::kNextNone);
    }
    const absl::string_view text = line.text;
    if (absl::EndsWith(text, ":")) f.Add(feature::kEndsColon);
    if (absl::EndsWith(text, ",")) f.Add(feature::kEndsComma);
    if (EndsWithFunctionWord(text)) f.Add(feature::kEndsFunctionWord);
    if (absl::StrContains(text, "|")) f.Add(feature::kHasPipe);
    if (HasUrl(text)) f.Add(feature::kHasUrl);
    if (absl::StrContains(text, "@")) f.Add(feature::kHasAt);
    if (HasSizeOrFileMark(text)) f.Add(feature::kSizeOrFile);
    if (text.front() == '[' || text.front() == '(') f.Add(feature::kOpensBracket);
    if (text.front() == '"' || absl::StartsWith(text, "\u201c") ||
        absl::StartsWith(text, "\u00ab")) {
      f.Add(feature::kOpensQuote);
    }
    int digits = 0;
    for (char c : text) digits += absl::ascii_isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    if (digits * 3 > static_cast<int>(text.size())) f.Add(feature::kMostlyDigits);
    // Twice is a headline echoed by a breadcrumb or page title; three times
    // or more, a banner printed on every block of the page.
    if (const int copies = occurrences.find(line.folded)->second; copies > 1) {
      f.Add(feature::kRepeated);
      if (copies > 2) f.Add(feature::kRepeated3);
    }
    if (date_seen) f.Add(feature::kAfterDateLine);
    if (label_seen) f.Add(feature::kAfterTypeLabel);
    // The line's own "title_case" vote is IsTitleCase(text), read once.
    const bool title_case = words >= 3 && line.votes.Has(Vote::kTitleCase);
    if (title_case && !title_case_seen) f.Add(feature::kFirstTitleCase);
    // Words: the first always, all of them on short lines (menus, labels,
    // banners are short).
    // Six tokens at most: more than five say "not short".
    absl::InlinedVector<absl::string_view, 6> tokens;
    for (absl::string_view token : absl::StrSplit(text, ' ', absl::SkipWhitespace())) {
      tokens.push_back(token);
      if (tokens.size() > 5) break;
    }
    // The first token's key serves as "first_word" and as its "word".
    std::string first;
    if (!tokens.empty()) {
      first = WordKey(tokens.front());
      if (!first.empty()) f.AddOpen(OpenKind::kFirstWord, first);
    }
    if (tokens.size() <= 5) {
      for (size_t t = 0; t < tokens.size(); ++t) {
        std::string word = t == 0 ? std::move(first) : WordKey(tokens[t]);
        if (!word.empty()) f.AddOpen(OpenKind::kWord, std::move(word));
      }
    }
    date_seen |= line.votes.Has(Vote::kDateLine);
    label_seen |= line.votes.Has(Vote::kTypeLabel) || line.votes.Has(Vote::kTypeLabelPrefix);
    title_case_seen |= title_case;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace docsearch::ingest
