#include "ingest_service/parser/line_features.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
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
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

std::string Bucket(size_t value, std::initializer_list<size_t> bounds) {
  size_t low = 0;
  for (size_t bound : bounds) {
    if (value < bound)
      return low + 1 == bound ? absl::StrCat(low) : absl::StrCat(low, "-", bound - 1);
    low = bound;
  }
  return absl::StrCat(low, "+");
}

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
  const std::string lower = absl::AsciiStrToLower(line);
  return kSizeOrFileMarkScan.Count(lower, 1) >= 1 || absl::EndsWith(lower, "kb");
}

bool HasUrl(absl::string_view line) {
  return absl::StrContains(line, "http") || absl::StrContains(line, "www.") ||
         absl::StrContains(line, ".htm") || absl::StrContains(line, ".com");
}

// Prose: eight words or more, most of them starting in lower case, ending a
// sentence. The first prose line is where the body begins for a reader.
bool IsProse(absl::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  if (last != '.' && last != '!' && last != '?' && last != ';' && last != ':') return false;
  int words = 0;
  int lower = 0;
  for (absl::string_view word : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
    ++words;
    if (absl::ascii_islower(static_cast<unsigned char>(word.front()))) ++lower;
  }
  return words >= 8 && 2 * lower >= words;
}

// Where a line sits relative to a landmark line (the first date line, the
// first prose line), in non-blank lines: "-1" is the line just before it.
std::string Offset(size_t k, std::optional<size_t> landmark) {
  if (!landmark.has_value()) return "none";
  if (k == *landmark) return "at";
  if (k > *landmark) {
    const size_t after = k - *landmark;
    return after == 1 ? "+1" : after == 2 ? "+2" : "+3+";
  }
  const size_t before = *landmark - k;
  return before == 1 ? "-1" : before == 2 ? "-2" : before <= 5 ? "-3..5" : "-6+";
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

std::string CompareLength(size_t length, size_t other) {
  if (length * 10 > other * 13) return "longer";
  if (length * 13 < other * 10) return "shorter";
  return "similar";
}

// How the rule cascade treated each line: dropped lines by number, and
// lines found in the title or subtitle.
std::string Fate(const SourceLine& line, absl::string_view folded,
                 const absl::flat_hash_map<int, std::string>& dropped, absl::string_view title,
                 absl::string_view subtitle) {
  if (auto it = dropped.find(line.number); it != dropped.end()) {
    return absl::StrCat("dropped_", it->second);
  }
  if (folded.size() >= 3 && !title.empty() && absl::StrContains(title, folded)) return "title";
  if (folded.size() >= 3 && !subtitle.empty() && absl::StrContains(subtitle, folded)) {
    return "subtitle";
  }
  return "kept";
}

// What the parser's detectors say about one line; used for the line itself
// and, prefixed, for its neighbours.
std::vector<std::string> Votes(absl::string_view raw_line, absl::string_view text) {
  std::vector<std::string> votes;
  // `text` is trimmed (TrimLine), so the detectors folding the whole line
  // share one fold of it.
  const std::string folded = FoldAccents(text);
  if (std::optional<absl::string_view> reason = BoilerplateReason(text, folded)) {
    votes.push_back(absl::StrCat("furniture_", *reason));
  }
  if (ParseUpdatedHeader(text).has_value()) votes.push_back("updated_header");
  if (ParseDateLine(text).has_value()) {
    votes.push_back("date_line");
  } else if (FindFirstDate(text).has_value()) {
    votes.push_back("has_date");
  }
  if (MatchReferenceAtStart(text).has_value()) votes.push_back("reference");
  if (DocTypeFromLabelLine(text).has_value()) {
    votes.push_back("type_label");
  } else if (DocTypeLabelPrefix(text).has_value()) {
    votes.push_back("type_label_prefix");
  }
  if (DocTypeFromTitle(text, folded).has_value()) votes.push_back("title_names_type");
  if (IsByline(text)) votes.push_back("byline");
  if (IsSalutation(text)) votes.push_back("salutation");
  if (IsSidebarItem(text)) votes.push_back("sidebar_item");
  if (IsPressOfficeFormula(text)) votes.push_back("press_office");
  if (NamesInstitutionOnly(text)) votes.push_back("institution_name");
  if (ReadsAsMenu(text)) votes.push_back("menu");
  if (StartsSubtitle(text)) votes.push_back("subtitle_opener");
  if (std::optional<ParagraphMarker> marker = FindParagraphMarker(raw_line)) {
    votes.push_back(marker->is_bullet ? "bullet" : "numbered");
  }
  // Only compared with 3, 8 and 20 below.
  const int words = CountWordsUpTo(text, 20);
  if (IsTitleCase(text)) votes.push_back("title_case");
  if (IsAllCaps(text)) votes.push_back("all_caps");
  if (StartsLowercase(text)) votes.push_back("lower_start");
  if (EndsSentence(text)) votes.push_back(words >= 8 ? "sentence" : "short_sentence_end");
  if (words <= 3) votes.push_back("short");
  if (words >= 20) votes.push_back("long");
  return votes;
}

}  // namespace

std::vector<LineFeatures> ComputeLineFeatures(const std::vector<SourceLine>& lines,
                                              const v1::ParseDocumentResponse& rule_parse) {
  absl::flat_hash_map<int, std::string> dropped;
  for (const v1::DroppedLine& line : rule_parse.dropped_lines()) {
    dropped.emplace(line.line_number(), line.reason());
  }
  const std::string title = FoldForMatching(rule_parse.document().title());
  const std::string subtitle = FoldForMatching(rule_parse.document().subtitle());

  // The non-blank lines the model reads, with blank-line context.
  struct Seen {
    size_t index;
    absl::string_view text;
    bool blank_before;
    bool blank_after;
    std::vector<std::string> votes;
    std::string fate;
    std::string folded;  // FoldForMatching(text), needed twice.
  };
  std::vector<Seen> seen;
  absl::flat_hash_map<std::string, int> occurrences;
  bool blank = true;
  for (size_t i = 0; i < lines.size() && seen.size() < kModelLineLimit; ++i) {
    const absl::string_view text = TrimLine(lines[i].text);
    if (text.empty()) {
      blank = true;
      if (!seen.empty()) seen.back().blank_after = true;
      continue;
    }
    Seen line{i, text, blank, false, Votes(lines[i].text, text), "", FoldForMatching(text)};
    line.fate = Fate(lines[i], line.folded, dropped, title, subtitle);
    line.votes.push_back(absl::StrCat("fate_", line.fate));
    ++occurrences[line.folded];
    seen.push_back(std::move(line));
    blank = false;
  }
  if (!seen.empty() && seen.back().index + 1 >= lines.size()) seen.back().blank_after = true;

  // Landmarks of the layout: the first date line and the first prose line.
  std::optional<size_t> first_date;
  std::optional<size_t> first_prose;
  for (size_t k = 0; k < seen.size(); ++k) {
    for (const std::string& vote : seen[k].votes) {
      if (vote == "date_line" && !first_date.has_value()) first_date = k;
    }
    if (!first_prose.has_value() && IsProse(seen[k].text)) first_prose = k;
  }

  std::vector<LineFeatures> out;
  out.reserve(seen.size());
  bool date_seen = false;
  bool label_seen = false;
  bool title_case_seen = false;
  for (size_t k = 0; k < seen.size(); ++k) {
    const Seen& line = seen[k];
    LineFeatures features;
    features.line_index = line.index;
    features.rule_fate = line.fate;
    std::vector<std::string>& f = features.features;
    f.push_back("bias");
    f.push_back(absl::StrCat("pos=", Bucket(k, {1, 2, 3, 4, 5, 6, 8, 12, 20, 40, 80})));
    f.push_back(absl::StrCat("len=", Bucket(line.text.size(), {5, 15, 30, 60, 100, 160})));
    // Bucketed up to 21, compared with 3 below.
    const int words = CountWordsUpTo(line.text, 21);
    f.push_back(absl::StrCat("words=", Bucket(words, {2, 3, 4, 7, 11, 21})));
    f.push_back(absl::StrCat("to_date=", Offset(k, first_date)));
    f.push_back(absl::StrCat("to_prose=", Offset(k, first_prose)));
    if (k > 0) {
      f.push_back(
          absl::StrCat("len_vs_prev=", CompareLength(line.text.size(), seen[k - 1].text.size())));
    }
    if (k + 1 < seen.size()) {
      f.push_back(
          absl::StrCat("len_vs_next=", CompareLength(line.text.size(), seen[k + 1].text.size())));
    }
    if (HasGluedWords(line.text)) f.push_back("glued_words");
    if (line.blank_before) f.push_back("blank_before");
    if (line.blank_after) f.push_back("blank_after");
    for (const std::string& vote : line.votes) f.push_back(absl::StrCat("vote=", vote));
    if (k > 0) {
      for (const std::string& vote : seen[k - 1].votes) f.push_back(absl::StrCat("prev:", vote));
    } else {
      f.push_back("prev:none");
    }
    if (k + 1 < seen.size()) {
      for (const std::string& vote : seen[k + 1].votes) f.push_back(absl::StrCat("next:", vote));
    } else {
      f.push_back("next:none");
    }
    const absl::string_view text = line.text;
    if (absl::EndsWith(text, ":")) f.push_back("ends_colon");
    if (absl::EndsWith(text, ",")) f.push_back("ends_comma");
    if (EndsWithFunctionWord(text)) f.push_back("ends_function_word");
    if (absl::StrContains(text, "|")) f.push_back("has_pipe");
    if (HasUrl(text)) f.push_back("has_url");
    if (absl::StrContains(text, "@")) f.push_back("has_at");
    if (HasSizeOrFileMark(text)) f.push_back("size_or_file");
    if (text.front() == '[' || text.front() == '(') f.push_back("opens_bracket");
    if (text.front() == '"' || absl::StartsWith(text, "\u201c") ||
        absl::StartsWith(text, "\u00ab")) {
      f.push_back("opens_quote");
    }
    int digits = 0;
    for (char c : text) digits += absl::ascii_isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    if (digits * 3 > static_cast<int>(text.size())) f.push_back("mostly_digits");
    // Twice is a headline echoed by a breadcrumb or page title; three times
    // or more, a banner printed on every block of the page.
    if (const int copies = occurrences[line.folded]; copies > 1) {
      f.push_back("repeated");
      if (copies > 2) f.push_back("repeated_3+");
    }
    if (date_seen) f.push_back("after_date_line");
    if (label_seen) f.push_back("after_type_label");
    // The line's own "title_case" vote is IsTitleCase(text), read once.
    const bool title_case = words >= 3 && std::find(line.votes.begin(), line.votes.end(),
                                                    "title_case") != line.votes.end();
    if (title_case && !title_case_seen) f.push_back("first_title_case");
    // Words: the first always, all of them on short lines (menus, labels,
    // banners are short).
    // Six tokens at most: more than five say "not short".
    std::vector<absl::string_view> tokens;
    for (absl::string_view token : absl::StrSplit(text, ' ', absl::SkipWhitespace())) {
      tokens.push_back(token);
      if (tokens.size() > 5) break;
    }
    if (!tokens.empty()) {
      if (std::string first = WordKey(tokens.front()); !first.empty()) {
        f.push_back(absl::StrCat("first_word=", first));
      }
    }
    if (tokens.size() <= 5) {
      for (absl::string_view token : tokens) {
        if (std::string word = WordKey(token); !word.empty()) {
          f.push_back(absl::StrCat("word=", word));
        }
      }
    }
    for (const std::string& vote : line.votes) {
      date_seen |= vote == "date_line";
      label_seen |= vote == "type_label" || vote == "type_label_prefix";
    }
    title_case_seen |= title_case;
    out.push_back(std::move(features));
  }
  return out;
}

}  // namespace docsearch::ingest
