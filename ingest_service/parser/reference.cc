#include "ingest_service/parser/reference.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace docsearch::ingest {
namespace {

bool IsCodeChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '-';
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
  if (run_end < candidate.size() &&
      !absl::ascii_isupper(static_cast<unsigned char>(candidate[run_end])) &&
      candidate[run_end] != '(') {
    return std::nullopt;
  }
  while (run_end < candidate.size()) {
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
    result.consumed = start + end;
    return result;
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
