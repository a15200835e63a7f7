#include "query_service/compare/twin_evidence.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/text_folding.h"
#include "query_service/index/field_schema.h"

namespace docsearch::query::compare {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Letters and digits of a reference folded to upper-case ASCII, other
// characters kept (they delimit the code's parts).
std::string FoldedUpper(absl::string_view reference) {
  return absl::AsciiStrToUpper(FoldAccents(reference));
}

// The label words a reference is printed with in English and French (and
// what is left of them when an archive lost its accented letters).
bool IsLabelWord(absl::string_view word) {
  static constexpr absl::string_view kLabels[] = {
      "PRESS", "RELEASE", "COMMUNIQUE", "COMMUNIQU", "DE", "PRESSE", "PR", "CP", "NO", "NR"};
  return std::find(std::begin(kLabels), std::end(kLabels), word) != std::end(kLabels);
}

bool IsCodeCharacter(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '(' || c == ')' ||
         c == '/';
}

// "(yy)nn" or "(yyyy)nn" starting at `open` (a '('); the year (4 digits)
// and the number without leading zeros.
bool ParseYearAndNumber(absl::string_view text, size_t open, std::string* year, std::string* number,
                        size_t* end) {
  size_t i = open + 1;
  while (i < text.size() && text[i] == ' ') ++i;
  const size_t year_start = i;
  while (i < text.size() && IsAsciiDigit(text[i])) ++i;
  const size_t year_length = i - year_start;
  if (year_length != 2 && year_length != 4) return false;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size() || text[i] != ')') return false;
  ++i;
  while (i < text.size() && text[i] == ' ') ++i;
  const size_t number_start = i;
  while (i < text.size() && IsAsciiDigit(text[i])) ++i;
  if (i == number_start) return false;
  *year = std::string(text.substr(year_start, year_length));
  if (year_length == 2) *year = absl::StrCat(std::atoi(year->c_str()) >= 50 ? "19" : "20", *year);
  absl::string_view digits = text.substr(number_start, i - number_start);
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  *number = std::string(digits);
  *end = i;
  return true;
}

// The committee code written just before `open` ("M-NAC-1" in
// "M-NAC-1(96)63" or "M-NAC-1 (96)63"); empty unless it holds a hyphen.
std::string PrefixBefore(absl::string_view text, size_t open) {
  size_t end = open;
  if (end > 0 && text[end - 1] == ' ') --end;
  size_t start = end;
  while (start > 0 && IsCodeCharacter(text[start - 1])) --start;
  absl::string_view prefix = text.substr(start, end - start);
  while (!prefix.empty() && (prefix.back() == '-' || prefix.back() == '/')) prefix.remove_suffix(1);
  if (prefix.find('-') == absl::string_view::npos) return "";
  return std::string(prefix);
}

// Whether the UTF-8 sequence at `text[i]` separates words: ASCII other than
// letters and digits, a no-break space, guillemets, and the General
// Punctuation block (typographic quotes and apostrophes, dashes, spaces).
// Sets `*length` to the sequence's bytes.
bool IsSeparator(absl::string_view text, size_t i, size_t* length) {
  const auto byte = static_cast<unsigned char>(text[i]);
  *length = 1;
  if (byte < 0x80) return !absl::ascii_isalnum(byte);
  if (byte == 0xC2 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    *length = 2;
    return next == 0xA0 || next == 0xAB || next == 0xBB;
  }
  if (byte == 0xE2 && i + 2 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    *length = 3;
    return next == 0x80 || next == 0x81;
  }
  *length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  return false;
}

// Upper-case ASCII, or a Latin-1 upper-case letter (À..Þ without ×).
bool StartsWithCapital(absl::string_view word) {
  const auto first = static_cast<unsigned char>(word[0]);
  if (first >= 'A' && first <= 'Z') return true;
  if (first != 0xC3 || word.size() < 2) return false;
  const auto second = static_cast<unsigned char>(word[1]);
  return second >= 0x80 && second <= 0x9E && second != 0x97;
}

void AddAnchor(absl::string_view word, bool starts_sentence, std::vector<std::string>& anchors) {
  if (std::any_of(word.begin(), word.end(), IsAsciiDigit)) {
    std::string digits;
    for (char c : word) {
      if (IsAsciiDigit(c)) digits.push_back(c);
    }
    if (digits.size() >= 2) anchors.push_back(std::move(digits));
    return;
  }
  if (starts_sentence || !StartsWithCapital(word)) return;
  std::string folded = FoldAccents(word);
  if (folded.size() >= 3) anchors.push_back(std::move(folded));
}

std::vector<std::string> TrigramsOf(absl::string_view title) {
  std::string letters = " ";
  for (char c : FoldAccents(title)) {
    const bool keep =
        absl::ascii_isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    if (keep) {
      letters.push_back(c);
    } else if (letters.back() != ' ') {
      letters.push_back(' ');
    }
  }
  if (letters.back() != ' ') letters.push_back(' ');
  std::vector<std::string> trigrams;
  for (size_t i = 0; i + 3 <= letters.size(); ++i) trigrams.push_back(letters.substr(i, 3));
  std::sort(trigrams.begin(), trigrams.end());
  trigrams.erase(std::unique(trigrams.begin(), trigrams.end()), trigrams.end());
  return trigrams;
}

size_t CommonCount(const std::vector<std::string>& a, const std::vector<std::string>& b,
                   std::vector<std::string>* common = nullptr) {
  size_t count = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      if (common != nullptr) common->push_back(*i);
      ++count;
      ++i;
      ++j;
    }
  }
  return count;
}

double DateScore(int difference_days) {
  if (difference_days == 0) return 0.2;
  if (difference_days == 1) return 0.15;
  return difference_days <= kTwinDateWindowDays ? 0.05 : 0;
}

}  // namespace

std::string NormalizeReference(absl::string_view reference) {
  const std::string text = FoldedUpper(reference);
  for (size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
    std::string year, number;
    size_t end = 0;
    if (!ParseYearAndNumber(text, open, &year, &number, &end)) continue;
    const std::string prefix = PrefixBefore(text, open);
    return prefix.empty() ? absl::StrCat(year, "/", number)
                          : absl::StrCat(prefix, "/", year, "/", number);
  }
  std::string code;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && !IsLabelWord(word)) code += word;
    word.clear();
  };
  for (char c : text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      word.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return code;
}

std::vector<std::string> AnchorsOf(absl::string_view text) {
  std::vector<std::string> anchors;
  bool sentence_start = true;  // The text's first word starts a sentence.
  size_t i = 0;
  while (i < text.size()) {
    size_t length = 0;
    if (IsSeparator(text, i, &length)) {
      const char c = text[i];
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n') {
        sentence_start = true;
      }
      i += length;
      continue;
    }
    const size_t start = i;
    while (i < text.size()) {
      if (!IsSeparator(text, i, &length)) {
        i += length;
        continue;
      }
      // 1,000.5 stays one number.
      const bool inside_number = (text[i] == ',' || text[i] == '.') && i > start &&
                                 IsAsciiDigit(text[i - 1]) && i + 1 < text.size() &&
                                 IsAsciiDigit(text[i + 1]);
      if (!inside_number) break;
      ++i;
    }
    AddAnchor(text.substr(start, std::min(i, text.size()) - start), sentence_start, anchors);
    sentence_start = false;
  }
  std::sort(anchors.begin(), anchors.end());
  anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());
  return anchors;
}

TwinSignals SignalsOf(const docsearch::v1::Document& document) {
  TwinSignals signals;
  signals.language = absl::AsciiStrToLower(document.language());
  signals.reference = NormalizeReference(document.reference());
  int days = 0;
  if (DateToDays(document.published(), &days)) signals.dates.push_back(days);
  if (document.has_updated()) {
    signals.dates.push_back(static_cast<int>(document.updated().seconds() / 86400));
  }
  std::vector<std::string> anchors = AnchorsOf(document.title());
  for (const auto& paragraph : document.paragraphs()) {
    if (!paragraph.number().empty()) signals.paragraph_numbers.push_back(paragraph.number());
    std::vector<std::string> more = AnchorsOf(paragraph.text());
    anchors.insert(anchors.end(), more.begin(), more.end());
  }
  std::sort(anchors.begin(), anchors.end());
  anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());
  signals.anchors = std::move(anchors);
  signals.title_trigrams = TrigramsOf(document.title());
  return signals;
}

TwinScore ScoreTwin(const TwinSignals& document, const TwinSignals& candidate) {
  TwinScore result;
  docsearch::v1::TwinEvidence& evidence = result.evidence;
  double score = 0;

  if (!document.reference.empty() && !candidate.reference.empty()) {
    if (document.reference == candidate.reference) {
      evidence.set_shared_reference(document.reference);
      score += 0.3;
    } else {
      result.conflict = true;
    }
  }

  int difference = std::numeric_limits<int>::max();
  for (int a : document.dates) {
    for (int b : candidate.dates) difference = std::min(difference, std::abs(a - b));
  }
  const bool both_dated = !document.dates.empty() && !candidate.dates.empty();
  evidence.set_date_difference_days(both_dated ? difference : -1);
  if (both_dated) {
    if (difference > kTwinDateWindowDays) result.conflict = true;
    score += DateScore(difference);
  }

  evidence.set_numbered_paragraphs(static_cast<int>(document.paragraph_numbers.size()));
  evidence.set_twin_numbered_paragraphs(static_cast<int>(candidate.paragraph_numbers.size()));
  if (document.paragraph_numbers.size() >= 2 && candidate.paragraph_numbers.size() >= 2) {
    std::vector<std::string> mine = document.paragraph_numbers;
    std::vector<std::string> theirs = candidate.paragraph_numbers;
    std::sort(mine.begin(), mine.end());
    mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
    std::sort(theirs.begin(), theirs.end());
    theirs.erase(std::unique(theirs.begin(), theirs.end()), theirs.end());
    const size_t matched = CommonCount(mine, theirs);
    evidence.set_paragraphs_matched(static_cast<int>(matched));
    score += 0.1 * static_cast<double>(matched) /
             static_cast<double>(std::max(mine.size(), theirs.size()));
  }

  std::vector<std::string> shared;
  CommonCount(document.anchors, candidate.anchors, &shared);
  const size_t smaller = std::min(document.anchors.size(), candidate.anchors.size());
  const double overlap =
      smaller == 0 ? 0 : static_cast<double>(shared.size()) / static_cast<double>(smaller);
  evidence.set_anchor_overlap(overlap);
  score += 0.3 * overlap;
  for (size_t k = 0; k < shared.size() && k < kMaxSharedAnchorsShown; ++k) {
    evidence.add_shared_anchors(shared[k]);
  }

  const size_t trigrams = document.title_trigrams.size() + candidate.title_trigrams.size();
  const double dice = trigrams == 0 ? 0
                                    : 2.0 *
                                          static_cast<double>(CommonCount(
                                              document.title_trigrams, candidate.title_trigrams)) /
                                          static_cast<double>(trigrams);
  evidence.set_title_similarity(dice);
  score += 0.1 * dice;

  result.score = score;
  return result;
}

}  // namespace docsearch::query::compare
