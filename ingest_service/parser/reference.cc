#include "ingest_service/parser/reference.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"

namespace docsearch::ingest {
namespace {

bool IsCodeChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '-' ||
         c == '/';
}

bool IsDigit(char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }

// Length of a series name opening `text` ("Press Release ", "Communiqué de
// presse "), or 0.
size_t SeriesLength(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(text.substr(0, 40));
  size_t end = 0;
  if (absl::StartsWith(lower, "press release")) {
    end = 13;
  } else if (absl::StartsWith(lower, "press communiqu") || absl::StartsWith(lower, "communiqu")) {
    end = absl::StartsWith(lower, "press") ? 15 : 9;
    while (end < lower.size() && lower[end] != ' ') ++end;  // "é", "e", lost accent
    if (!absl::StartsWith(lower, "press")) {
      if (lower.substr(end, 10) != " de presse") return 0;
      end += 10;
    }
  } else {
    return 0;
  }
  while (end < text.size() && text[end] == ' ') ++end;
  return end;
}

absl::string_view TrimSeries(absl::string_view series) {
  return absl::StripTrailingAsciiWhitespace(series);
}

// At text[i]: "(96)" or "(1996)"; returns the index after ')' or 0.
size_t YearGroupEnd(absl::string_view text, size_t i) {
  if (i >= text.size() || text[i] != '(') return 0;
  size_t j = i + 1;
  while (j < text.size() && IsDigit(text[j])) ++j;
  const size_t digits = j - i - 1;
  if ((digits != 2 && digits != 4) || j >= text.size() || text[j] != ')') return 0;
  if (digits == 4 && !(text.substr(i + 1, 2) == "19" || text.substr(i + 1, 2) == "20")) return 0;
  return j + 1;
}

// A document code in a shape no series reader lists ("SC/6657",
// "SG/SM/6986", "10189/04", "PR# 2008-159", "No. 373"): one token of letters,
// digits and / - . with a slash inside, or a "No."/"PR#"-style number key
// before digits. Returns its length in `text`, or 0. Dates ("21/11/2003")
// and short fractions ("24/7") are not codes.
size_t GenericCodeLength(absl::string_view text) {
  size_t start = 0;
  bool keyed = false;
  for (absl::string_view key : {"No. ", "No.", "Nr. ", "PR# ", "PR#", "N\xC2\xB0 ", "N\xC2\xB0"}) {
    if (absl::StartsWith(text, key)) {
      start = key.size();
      keyed = true;
      break;
    }
  }
  size_t end = start;
  int digits = 0;
  int letters = 0;
  int slashes = 0;
  while (end < text.size()) {
    const char c = text[end];
    if (IsDigit(c)) {
      ++digits;
    } else if (absl::ascii_isalpha(static_cast<unsigned char>(c))) {
      ++letters;
    } else if (c == '/') {
      ++slashes;
    } else if (c != '-' && c != '.') {
      break;
    }
    ++end;
  }
  while (end > start && (text[end - 1] == '.' || text[end - 1] == '-' || text[end - 1] == '/')) {
    --end;
  }
  if (end == start || (end < text.size() && text[end] != ' ' && text[end] != ',' &&
                       text[end] != '|' && text[end] != ')')) {
    return 0;
  }
  if (keyed) return digits > 0 && letters == 0 ? end : 0;
  if (slashes == 0 || text[start] == '/' || digits == 0) return 0;
  if (letters == 0 && digits < 5) return 0;
  // Upper-case letters only: "and/or", "km/h" are words.
  for (size_t i = start; i < end; ++i) {
    if (absl::ascii_islower(static_cast<unsigned char>(text[i]))) return 0;
  }
  // A date ("21/11/2003", "2003/11/21"): digits and slashes only, in two
  // or three groups of at most four digits.
  if (letters == 0) {
    bool date_like = true;
    for (absl::string_view group : absl::StrSplit(text.substr(start, end - start), '/')) {
      date_like &= !group.empty() && group.size() <= 4;
    }
    if (date_like && slashes >= 2) return 0;
  }
  return end;
}

}  // namespace

std::optional<ReferenceMatch> MatchReferenceAtStart(absl::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    if (text[start] == ' ' || text[start] == '|' || text[start] == '\t') {
      ++start;
    } else if (absl::StartsWith(text.substr(start), "\xE2\x80\xA2")) {
      start += 3;
    } else {
      break;
    }
  }
  const absl::string_view candidate = text.substr(start, 200);
  const size_t code_begin = SeriesLength(candidate);
  // The committee code and the "(yy)" group: one run of code characters, a
  // single space allowed before a '(' ("M-NAC-1 (96)").
  size_t run_end = code_begin;
  const bool code_start = run_end >= candidate.size() ||
                          absl::ascii_isupper(static_cast<unsigned char>(candidate[run_end])) ||
                          candidate[run_end] == '(';
  while (code_start && run_end < candidate.size()) {
    if (IsCodeChar(candidate[run_end])) {
      ++run_end;
    } else if (candidate[run_end] == ' ' && run_end + 1 < candidate.size() &&
               candidate[run_end + 1] == '(') {
      ++run_end;
    } else {
      break;
    }
  }
  // The first "(yy)" in the run followed by a serial number of 1-3 digits.
  for (size_t i = code_begin; i < run_end; ++i) {
    const size_t group_end = YearGroupEnd(candidate, i);
    if (group_end == 0) continue;
    size_t serial = group_end;
    if (serial < candidate.size() && candidate[serial] == ' ') ++serial;
    size_t end = serial;
    while (end < candidate.size() && end - serial < 3 && IsDigit(candidate[end])) ++end;
    if (end == serial) continue;
    // "(2004)099 29 June": stop at a word boundary, never inside a number.
    if (end < candidate.size() && absl::ascii_isalnum(static_cast<unsigned char>(candidate[end]))) {
      return std::nullopt;
    }
    ReferenceMatch result;
    result.reference = std::string(candidate.substr(0, end));
    result.series = std::string(TrimSeries(candidate.substr(0, code_begin)));
    result.consumed = start + end;
    return result;
  }
  // Other codes, after an optional series name: "Press Release SC/6657" is
  // SC/6657 (the series name is only evidence of the type).
  if (const size_t length = GenericCodeLength(candidate.substr(code_begin))) {
    ReferenceMatch result;
    result.reference = std::string(candidate.substr(code_begin, length));
    result.series = std::string(TrimSeries(candidate.substr(0, code_begin)));
    result.consumed = start + code_begin + length;
    return result;
  }
  return std::nullopt;
}

bool IsReferenceField(absl::string_view line) {
  // Every field holds its colon: most lines are not folded.
  if (line.size() > 60 || line.find(':') == absl::string_view::npos) return false;
  const std::string folded = FoldAccents(line);
  absl::string_view rest = folded;
  bool keyed = false;
  for (absl::string_view key : {"our ref", "your ref", "reference", "ref", "az"}) {
    if (absl::ConsumePrefix(&rest, key)) {
      keyed = true;
      break;
    }
  }
  if (!keyed) return false;
  rest = absl::StripLeadingAsciiWhitespace(rest);
  absl::ConsumePrefix(&rest, ".");
  rest = absl::StripLeadingAsciiWhitespace(rest);
  if (!absl::ConsumePrefix(&rest, ":")) return false;
  rest = absl::StripAsciiWhitespace(rest);
  return !rest.empty() && rest.find(' ') == absl::string_view::npos &&
         std::any_of(rest.begin(), rest.end(),
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace docsearch::ingest
