#include "ingest_service/parser/title_span.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/substring_search.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_chooser.h"

namespace docsearch::ingest {
namespace {

// The run features that are fixed names (the rest are a line's features
// carried into the run: "first:F", "last:F", "inner:V"). The weights sink
// looks each name up once per document, not once per run.
enum RunFeature : uint8_t {
  kNone,
  kNoneRuleHasNone,
  kNoneRuleHasTitle,
  kNoneDigest,
  kNoneHeadHasByline,
  kNoneHeadHasSalutation,
  kNoneHeadHasUpdatedHeader,
  kNoneHeadHasDateLine,
  kSpan,
  kAfterWrapping,
  kRunLinesFirst,  // The buckets of kRunLineBounds, in order.
  kCrossesBlank = kRunLinesFirst + 5,
  kLabelThenByline,
  kRuleNone,
  kRuleSame,
  kRulePartOfIt,
  kRuleContainsIt,
  kRuleUnrelated,
  kSpanInstitutionOnly,
  kSpanPressOffice,
  kRunWordsFirst,  // The buckets of kRunWordBounds, in order.
  kSpanTitleCase = kRunWordsFirst + 7,
  kSpanEndsSentence,
  kSpanEndsFunctionWord,
  kSpanEndsComma,
  kRecurNoWords,
  kRecurNone,
  kRecurSome,
  kRecurMost,
  kRecurAll,
  kRunFeatureCount
};
constexpr absl::string_view kRunFeatureNames[kRunFeatureCount] = {
    "none",
    "none:rule_has_none",
    "none:rule_has_title",
    "none:digest",
    "none:head_has_byline",
    "none:head_has_salutation",
    "none:head_has_updated_header",
    "none:head_has_date_line",
    "span",
    "after_wrapping",
    "lines=0-1",
    "lines=2-2",
    "lines=3-4",
    "lines=5-8",
    "lines=9+",
    "crosses_blank",
    "label_then_byline",
    "rule:none",
    "rule:same",
    "rule:part_of_it",
    "rule:contains_it",
    "rule:unrelated",
    "span_institution_only",
    "span_press_office",
    "span_words=0-2",
    "span_words=3-4",
    "span_words=5-8",
    "span_words=9-15",
    "span_words=16-25",
    "span_words=26-39",
    "span_words=40+",
    "span_title_case",
    "span_ends_sentence",
    "span_ends_function_word",
    "span_ends_comma",
    "span_recur_below=no_words",
    "span_recur_below=none",
    "span_recur_below=some",
    "span_recur_below=most",
    "span_recur_below=all",
};

// The bucket of `value` among `bounds` ("lines=3-4", "span_words=40+"):
// the feature `first` + the number of bounds at or below it.
template <size_t N>
RunFeature Bucket(size_t value, const size_t (&bounds)[N], RunFeature first) {
  size_t bucket = 0;
  while (bucket < N && value >= bounds[bucket]) ++bucket;
  return static_cast<RunFeature>(first + bucket);
}

constexpr size_t kRunLineBounds[] = {2, 3, 5, 9};
static_assert(kRunLinesFirst + std::size(kRunLineBounds) + 1 == kCrossesBlank);
constexpr size_t kRunWordBounds[] = {3, 5, 9, 16, 26, 40};
static_assert(kRunWordsFirst + std::size(kRunWordBounds) + 1 == kSpanTitleCase);
constexpr int kMostRunWords = static_cast<int>(kRunWordBounds[std::size(kRunWordBounds) - 1]);

// The votes that weigh "inner:V" inside a run: all but these.
bool InnerVote(absl::string_view vote) {
  return !absl::StartsWith(vote, "fate_title") && !absl::StartsWith(vote, "title_case") &&
         !absl::StartsWith(vote, "short") && !absl::StartsWith(vote, "lower_start");
}

// Whether the feature in place j of `line` is carried into a run's
// features where the line opens or closes it (everything but the words of
// other lines: "word="), and whether it weighs inside a run (an inner vote).
void PlaceOf(const LineFeatures& line, size_t j, bool* carried, bool* inner) {
  if (const OpenFeature* open = line.OpenAt(j)) {
    *carried = open->kind != OpenKind::kWord;
    *inner = open->kind == OpenKind::kVote && InnerVote(open->key);
    return;
  }
  const FeatureId id = line.ids[j];
  *carried = true;
  *inner = id >= feature::kVote && id < feature::kVote + kVoteCount &&
           InnerVote(VoteName(static_cast<Vote>(id - feature::kVote)));
}

// Builds each run's features as strings, in order.
class FeatureNames {
 public:
  using Block = std::vector<std::string>;  // Features of a line, in order.
  using Run = std::vector<std::string>;

  // A line's `feature` as it is read where the line opens a run, closes
  // one (`carried`) and sits inside one (`inner`, a vote).
  void AppendLine(Block* first, Block* last, Block* inner, const LineFeatures& line, size_t j,
                  bool carried, bool is_inner) const {
    const std::string feature = line.Name(j);
    if (carried) {
      first->push_back(absl::StrCat("first:", feature));
      last->push_back(absl::StrCat("last:", feature));
    }
    if (is_inner) inner->push_back(absl::StrCat("inner:", absl::string_view(feature).substr(5)));
  }
  void Add(Run* run, RunFeature feature) const { run->emplace_back(kRunFeatureNames[feature]); }
  void AddBlock(Run* run, const Block& block) const {
    run->insert(run->end(), block.begin(), block.end());
  }
  void Reserve(Run* run, size_t size) const { run->reserve(size); }
  void Finish(Run run, TitleCandidate* candidate) const { candidate->features = std::move(run); }
};

// Sums the weights of each run's features in the order FeatureNames lists
// them, which is the order LineRoleModel::SpanScore adds them in: float
// sums depend on their order, and the score must be the same to the bit.
class FeatureWeights {
 public:
  FeatureWeights(const absl::flat_hash_map<std::string, float>& weights,
                 const SpanLineWeightIndex& line_weights)
      : line_weights_(line_weights) {
    for (size_t f = 0; f < kRunFeatureCount; ++f) {
      if (auto it = weights.find(kRunFeatureNames[f]); it != weights.end()) {
        run_weights_[f] = it->second;
      }
    }
  }

  using Block = std::vector<float>;  // Weights of a line's known features, in order.
  using Run = float;

  // The weights of "first:F", "last:F" and "inner:V" that exist, each
  // pushed where FeatureNames pushes the name, from one lookup of F.
  void AppendLine(Block* first, Block* last, Block* inner, const LineFeatures& line, size_t j,
                  bool carried, bool is_inner) const {
    const SpanLineWeights* found = line_weights_.Find(line, j);
    if (found == nullptr) return;
    const SpanLineWeights& weights = *found;
    if (carried) {
      if (weights.first.has_value()) first->push_back(*weights.first);
      if (weights.last.has_value()) last->push_back(*weights.last);
    }
    if (is_inner && weights.inner.has_value()) inner->push_back(*weights.inner);
  }
  void Add(Run* run, RunFeature feature) const {
    if (const std::optional<float>& weight = run_weights_[feature]) *run += *weight;
  }
  void AddBlock(Run* run, const Block& block) const {
    for (float weight : block) *run += weight;
  }
  void Reserve(Run*, size_t) const {}
  void Finish(Run run, TitleCandidate* candidate) const { candidate->score = run; }

 private:
  // By RunFeature; none where the model has no weight for it.
  std::array<std::optional<float>, kRunFeatureCount> run_weights_{};
  const SpanLineWeightIndex& line_weights_;
};

// A line's content words: folded, lower case, letters and digits only,
// four characters or more. Tokens are cut at every ASCII space, and at the
// Unicode spaces the fold turns into ASCII ones; an ASCII token needs no
// fold and no string of its own. `keep(first, length)` sees each word's
// first character and length before its string is built, and drops it
// when false.
template <typename Keep, typename F>
void ForLineContentWords(absl::string_view text, Keep&& keep, F&& f) {
  std::string word;
  auto emit = [&](absl::string_view token) {
    size_t length = 0;
    char first = 0;
    // Where the letters and digits are one run with no capital ("council,"
    // "(treaty"), the word is that run of the token, and no string is built.
    size_t run_begin = 0;
    size_t run_end = 0;
    bool one_lower_run = true;
    for (size_t i = 0; i < token.size(); ++i) {
      const unsigned char c = token[i];
      if (!absl::ascii_isalnum(c)) continue;
      if (length == 0) {
        first = absl::ascii_tolower(c);
        run_begin = i;
      } else if (run_end != i) {
        one_lower_run = false;
      }
      if (absl::ascii_isupper(c)) one_lower_run = false;
      run_end = i + 1;
      ++length;
    }
    if (length < 4 || !keep(first, length)) return;
    if (one_lower_run) return f(token.substr(run_begin, run_end - run_begin));
    word.clear();
    for (char c : token) {
      if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
        word.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
      }
    }
    f(absl::string_view(word));
  };
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && absl::ascii_isspace(static_cast<unsigned char>(text[i]))) ++i;
    const size_t start = i;
    bool ascii = true;
    while (i < text.size() && !absl::ascii_isspace(static_cast<unsigned char>(text[i]))) {
      if (static_cast<unsigned char>(text[i]) >= 0x80) ascii = false;
      ++i;
    }
    if (i == start) break;
    const absl::string_view token = text.substr(start, i - start);
    if (ascii) {
      emit(token);
    } else {
      const std::string folded = FoldAccents(token);
      for (absl::string_view part : absl::StrSplit(folded, ' ', absl::SkipEmpty())) emit(part);
    }
  }
}

// The shapes (first character, length) of a few content words. The title
// window's words are few, so most of the body's words have a shape none of
// them has and are ruled out before their string is built and looked up.
class WordShapes {
 public:
  void Add(absl::string_view word) {
    bits_[static_cast<unsigned char>(word[0]) & 127] |= Bit(word.size());
  }
  bool MayHold(char first, size_t length) const {
    return (bits_[static_cast<unsigned char>(first) & 127] & Bit(length)) != 0;
  }

 private:
  // Lengths of 63 and more share the last bit.
  static uint64_t Bit(size_t length) { return uint64_t{1} << std::min<size_t>(length, 63); }

  std::array<uint64_t, 128> bits_{};
};

// For each of the first `window` lines, the last line (index into `lines`)
// of the body each of its content words appears on, or 0 where the body
// never says it: the body runs from the first prose line (to_prose=at) to
// the end of the text, or is the whole text where no line reads as prose.
//
// Each distinct window word is looked up by its text once and numbered; the
// lines keep the numbers. A body line that is itself a window line, and
// that TrimLine leaves as it is, has exactly the words already read for it,
// so it marks them by number instead of being cut into words again (a long
// document's text is often one such line, its head and body at once). The
// last line of a word is the largest index it is seen on, whatever the
// order the lines are read in.
std::vector<std::vector<size_t>> LastBodyLineOfWords(const std::vector<SourceLine>& lines,
                                                     const std::vector<LineFeatures>& features,
                                                     size_t window) {
  size_t body_begin = 0;
  for (const LineFeatures& line : features) {
    if (line.Has(static_cast<FeatureId>(feature::kToProse + feature::kOffsetAt))) {
      body_begin = line.line_index;
      break;
    }
  }
  // A content word is four characters or more and a space: the table is
  // sized once for the most words the window's lines can hold, so that it
  // does not grow while it is filled, up to a bound (a text of one huge line
  // holds far fewer distinct words than that, and grows past it as needed).
  constexpr size_t kMostWordsReserved = 8192;
  size_t window_bytes = 0;
  for (size_t k = 0; k < window; ++k) window_bytes += lines[features[k].line_index].text.size();
  const size_t reserved = std::min(window_bytes / 5 + 1, kMostWordsReserved);
  absl::flat_hash_map<std::string, uint32_t> number_of;
  number_of.reserve(reserved);
  std::vector<size_t> last_line;  // By word number.
  last_line.reserve(reserved);
  std::vector<std::vector<uint32_t>> words(window);
  // The window line whose words line i holds, read as is, or -1.
  std::vector<int> window_slot(lines.size(), -1);
  WordShapes shapes;
  const auto any = [](char, size_t) { return true; };
  for (size_t k = 0; k < window; ++k) {
    const absl::string_view text = lines[features[k].line_index].text;
    const absl::string_view trimmed = TrimLine(text);
    ForLineContentWords(trimmed, any, [&](absl::string_view word) {
      const auto [it, added] = number_of.try_emplace(word, static_cast<uint32_t>(last_line.size()));
      if (added) {
        last_line.push_back(0);
        shapes.Add(word);
      }
      words[k].push_back(it->second);
    });
    if (trimmed.size() == text.size()) window_slot[features[k].line_index] = static_cast<int>(k);
  }
  const auto may_be_a_window_word = [&](char first, size_t length) {
    return shapes.MayHold(first, length);
  };
  for (size_t i = body_begin; i < lines.size(); ++i) {
    if (window_slot[i] >= 0) {
      for (uint32_t number : words[window_slot[i]])
        last_line[number] = std::max(last_line[number], i);
      continue;
    }
    ForLineContentWords(lines[i].text, may_be_a_window_word, [&](absl::string_view word) {
      if (auto it = number_of.find(word); it != number_of.end()) {
        last_line[it->second] = std::max(last_line[it->second], i);
      }
    });
  }
  std::vector<std::vector<size_t>> out(window);
  for (size_t k = 0; k < window; ++k) {
    out[k].reserve(words[k].size());
    for (uint32_t number : words[k]) out[k].push_back(last_line[number]);
  }
  return out;
}

// A line of the page's wrapping (head_lexicon.h): a run after one of them
// is below the banner, where headlines are.
bool Wrapping(const LineFeatures& line) {
  for (FeatureId id : line.ids) {
    if (id == VoteFeature(Vote::kPressOffice) || id == VoteFeature(Vote::kInstitutionName) ||
        id == VoteFeature(Vote::kMenu) || id == feature::kRepeated3) {
      return true;
    }
  }
  return false;
}

template <typename Sink>
std::vector<TitleCandidate> MakeCandidates(const std::vector<SourceLine>& lines,
                                           const std::vector<LineFeatures>& features,
                                           const v1::ParseDocumentResponse& rule_parse,
                                           const Sink& sink) {
  std::vector<TitleCandidate> candidates;
  const std::string rule_title = FoldForMatching(rule_parse.document().title());
  const bool digest = HasWarning(rule_parse.document(), ParseWarningCode::kDigestWithoutTitle);
  TitleCandidate none;
  none.rule_choice = rule_title.empty();
  typename Sink::Run none_features{};
  sink.Add(&none_features, kNone);
  sink.Add(&none_features, rule_title.empty() ? kNoneRuleHasNone : kNoneRuleHasTitle);
  if (digest) sink.Add(&none_features, kNoneDigest);
  for (size_t k = 0; k < features.size() && k < 12; ++k) {
    for (FeatureId id : features[k].ids) {
      if (id == VoteFeature(Vote::kByline)) {
        sink.Add(&none_features, kNoneHeadHasByline);
      } else if (id == VoteFeature(Vote::kSalutation)) {
        sink.Add(&none_features, kNoneHeadHasSalutation);
      } else if (id == VoteFeature(Vote::kUpdatedHeader)) {
        sink.Add(&none_features, kNoneHeadHasUpdatedHeader);
      } else if (id == VoteFeature(Vote::kDateLine)) {
        sink.Add(&none_features, kNoneHeadHasDateLine);
      }
    }
  }
  sink.Finish(std::move(none_features), &none);
  candidates.push_back(std::move(none));

  // A run's case and word counts are the sums of its lines' (computed once),
  // except where a line ends with a hyphen, the run opens with a quote or
  // ends with a pipe: joining merges or cuts words there, so the joined text
  // is counted instead. Words are counted up to kRunWordBounds' last bound
  // (past it, kMostRunWords + 1): a run's count is only bucketed and
  // compared with smaller bounds, and a sum with a line past the bound is
  // past it too, so the bucket and the tests are those of the full count.
  // The folds are read only against the rule's title, so they are made
  // only when there is one. A line's case is counted only as far as a run
  // holding it could still be title case: the other lines of such a run are
  // within kMaxTitleLines - 1 of it, and hold at most their spaces plus one
  // content words each; where none could (std::nullopt), no run holding the
  // line is title case, as the full counts would say.
  const size_t window = std::min(features.size(), kTitleWindow + kMaxTitleLines);
  std::vector<std::optional<TitleCaseCounts>> case_counts(window);
  std::vector<int> word_counts(window);
  std::vector<std::string> folded_lines(window);
  std::vector<int64_t> most_words(window);
  // How each line ends, for the runs it closes (a run's end is its last
  // line's, except where the run is read joined).
  std::vector<bool> ends_sentence(window);
  std::vector<bool> ends_function_word(window);
  for (size_t k = 0; k < window; ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    most_words[k] = std::count(text.begin(), text.end(), ' ') + 1;
  }
  for (size_t k = 0; k < window; ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    int64_t other_words = 0;
    for (size_t j = k >= kMaxTitleLines - 1 ? k - (kMaxTitleLines - 1) : 0;
         j < window && j < k + kMaxTitleLines; ++j) {
      if (j != k) other_words += most_words[j];
    }
    // The whole count where the bound could overflow the ints it is added to.
    case_counts[k] = other_words < (int64_t{1} << 24)
                         ? CountTitleCaseInRun(text, static_cast<int>(other_words))
                         : CountTitleCase(text);
    word_counts[k] = CountWordsUpTo(text, kMostRunWords);
    if (!rule_title.empty()) folded_lines[k] = FoldForMatching(text);
    ends_sentence[k] = EndsSentence(text);
    ends_function_word[k] = EndsWithFunctionWord(text);
  }
  // Each line opens, closes or sits inside up to kMaxTitleLines runs: its
  // features are prefixed for those places once, not once per run.
  std::vector<typename Sink::Block> as_first(window);
  std::vector<typename Sink::Block> as_last(window);
  std::vector<typename Sink::Block> as_inner(window);
  // What the runs ask of their first two lines, read once per line.
  std::vector<bool> type_label(window, false);
  std::vector<bool> byline_or_lower(window, false);
  // Lines that read as the page's wrapping (head_lexicon.h): a run after
  // one of them is below the banner, where headlines are.
  std::vector<bool> wrapping(window, false);
  for (size_t k = 0; k < window; ++k) {
    for (size_t j = 0; j < features[k].size(); ++j) {
      bool carried = false;
      bool inner = false;
      PlaceOf(features[k], j, &carried, &inner);
      if (carried || inner) {
        sink.AppendLine(&as_first[k], &as_last[k], &as_inner[k], features[k], j, carried, inner);
      }
    }
    type_label[k] = features[k].Has(VoteFeature(Vote::kTypeLabel));
    byline_or_lower[k] = features[k].Has(VoteFeature(Vote::kByline)) ||
                         features[k].Has(VoteFeature(Vote::kLowerStart));
    wrapping[k] = Wrapping(features[k]);
  }
  const std::vector<std::vector<size_t>> last_body_line =
      LastBodyLineOfWords(lines, features, window);

  bool after_wrapping = false;
  for (size_t begin = 0; begin < features.size() && begin < kTitleWindow; ++begin) {
    if (begin > 0 && wrapping[begin - 1]) after_wrapping = true;
    std::vector<absl::string_view> parts;
    TitleCaseCounts run_case;
    bool run_never_title_case = false;
    int run_words = 0;
    std::string run_folded;
    bool count_joined = false;
    bool crosses_blank = false;
    typename Sink::Block inner;
    for (size_t end = begin + 1; end <= features.size() && end - begin <= kMaxTitleLines; ++end) {
      const LineFeatures& last = features[end - 1];
      const absl::string_view part = TrimLine(lines[last.line_index].text);
      if (parts.empty() ? absl::StartsWith(part, "\"")
                        : absl::EndsWith(TrimLine(parts.back()), "-")) {
        count_joined = true;
      }
      parts.push_back(part);
      if (case_counts[end - 1].has_value()) {
        run_case.content_words += case_counts[end - 1]->content_words;
        run_case.capitalized += case_counts[end - 1]->capitalized;
      } else {
        run_never_title_case = true;
      }
      run_words += word_counts[end - 1];
      if (!rule_title.empty()) {
        absl::StrAppend(&run_folded, run_folded.empty() ? "" : " ", folded_lines[end - 1]);
      }
      if (end - 1 > begin) {
        if (last.line_index != features[end - 2].line_index + 1) crosses_blank = true;
        inner.insert(inner.end(), as_inner[end - 1].begin(), as_inner[end - 1].end());
      }
      TitleCandidate candidate;
      candidate.begin = begin;
      candidate.end = end;
      typename Sink::Run f{};
      sink.Reserve(&f, as_first[begin].size() + as_last[end - 1].size() + inner.size() + 12);
      sink.Add(&f, kSpan);
      if (after_wrapping) sink.Add(&f, kAfterWrapping);
      sink.Add(&f, Bucket(end - begin, kRunLineBounds, kRunLinesFirst));
      if (crosses_blank) sink.Add(&f, kCrossesBlank);
      sink.AddBlock(&f, as_first[begin]);
      sink.AddBlock(&f, as_last[end - 1]);
      sink.AddBlock(&f, inner);
      // "Opening Statement" / "by the Secretary General at ...",
      // "Chairman's Summary" / "of the Meeting of ...": a printed label
      // opening a title that its next line continues (a byline or a
      // lower-case start, as the cascade reads them).
      if (end - begin >= 2 && type_label[begin] && byline_or_lower[begin + 1]) {
        sink.Add(&f, kLabelThenByline);
      }
      // Trailing table pipes are cut from the joined text.
      const bool exact = count_joined || absl::EndsWith(part, "|");
      const std::string joined = exact ? JoinTitleLines(parts) : std::string();
      const absl::string_view text = exact ? absl::string_view(joined) : part;  // Its end.
      const std::string folded_joined =
          exact && !rule_title.empty() ? FoldForMatching(joined) : std::string();
      const std::string& folded = exact ? folded_joined : run_folded;
      if (rule_title.empty()) {
        sink.Add(&f, kRuleNone);
      } else if (folded == rule_title) {
        sink.Add(&f, kRuleSame);
        candidate.rule_choice = true;
      } else if (ContainsLinear(rule_title, folded)) {
        sink.Add(&f, kRulePartOfIt);
      } else if (ContainsLinear(folded, rule_title)) {
        sink.Add(&f, kRuleContainsIt);
      } else {
        sink.Add(&f, kRuleUnrelated);
      }
      const int words = exact ? CountWordsUpTo(joined, kMostRunWords) : run_words;
      // The run as a whole names an institution or a press office and
      // nothing else ("Office of the Press Secretary / (Aboard ...)").
      if (end - begin > 1 && words <= 12) {
        const std::string whole = exact ? joined : JoinTitleLines(parts);
        if (words <= 8 && NamesInstitutionOnly(whole)) sink.Add(&f, kSpanInstitutionOnly);
        if (IsPressOfficeFormula(whole)) sink.Add(&f, kSpanPressOffice);
      }
      sink.Add(&f, Bucket(static_cast<size_t>(words), kRunWordBounds, kRunWordsFirst));
      if (exact ? IsTitleCase(joined) : !run_never_title_case && IsTitleCase(run_case)) {
        sink.Add(&f, kSpanTitleCase);
      }
      if (exact ? EndsSentence(text) : ends_sentence[end - 1]) sink.Add(&f, kSpanEndsSentence);
      if (exact ? EndsWithFunctionWord(text) : ends_function_word[end - 1]) {
        sink.Add(&f, kSpanEndsFunctionWord);
      }
      if (absl::EndsWith(text, ",") || absl::EndsWith(text, ":")) {
        sink.Add(&f, kSpanEndsComma);
      }
      // A headline's words are its text's subject and come back in the
      // body below it; a banner's, a menu's or a language bar's do not.
      const size_t below = features[end - 1].line_index;
      int count = 0;
      int recurring = 0;
      for (size_t k = begin; k < end; ++k) {
        for (size_t last_line : last_body_line[k]) {
          ++count;
          if (last_line > below) ++recurring;
        }
      }
      sink.Add(&f, count == 0              ? kRecurNoWords
                   : recurring == 0        ? kRecurNone
                   : 2 * recurring < count ? kRecurSome
                   : recurring < count     ? kRecurMost
                                           : kRecurAll);
      sink.Finish(std::move(f), &candidate);
      candidates.push_back(std::move(candidate));
      if (crosses_blank && end - begin >= 3) break;
    }
  }
  return candidates;
}

}  // namespace

std::vector<TitleCandidate> TitleCandidates(const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features,
                                            const v1::ParseDocumentResponse& rule_parse) {
  return MakeCandidates(lines, features, rule_parse, FeatureNames());
}

SpanLineWeights& SpanLineWeightIndex::Entry(absl::string_view name) {
  const FeatureKey key = ParseFeatureName(name);
  if (key.id.has_value()) return fixed_[*key.id];
  return open_[static_cast<size_t>(key.kind)][key.key];
}

const SpanLineWeights* SpanLineWeightIndex::Find(const LineFeatures& line, size_t j) const {
  const OpenFeature* open = line.OpenAt(j);
  if (open == nullptr) return &fixed_[line.ids[j]];
  const auto& entries = open_[static_cast<size_t>(open->kind)];
  const auto it = entries.find(open->key);
  return it == entries.end() ? nullptr : &it->second;
}

void IndexSpanLineWeight(absl::string_view name, float weight, SpanLineWeightIndex* index) {
  absl::string_view feature = name;
  if (absl::ConsumePrefix(&feature, "first:")) {
    index->Entry(feature).first = weight;
  } else if (absl::ConsumePrefix(&feature, "last:")) {
    index->Entry(feature).last = weight;
  } else if (absl::ConsumePrefix(&feature, "inner:")) {
    index->Entry(absl::StrCat("vote=", feature)).inner = weight;
  }
}

SpanLineWeightIndex IndexSpanLineWeights(
    const absl::flat_hash_map<std::string, float>& span_weights) {
  SpanLineWeightIndex index;
  for (const auto& [name, weight] : span_weights) IndexSpanLineWeight(name, weight, &index);
  return index;
}

std::vector<TitleCandidate> ScoredTitleCandidates(
    const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
    const v1::ParseDocumentResponse& rule_parse,
    const absl::flat_hash_map<std::string, float>& span_weights,
    const SpanLineWeightIndex& line_weights) {
  return MakeCandidates(lines, features, rule_parse, FeatureWeights(span_weights, line_weights));
}

}  // namespace docsearch::ingest
