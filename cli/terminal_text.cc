#include "cli/terminal_text.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace docsearch::cli {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The index just past the unit starting at `i`: a whole UTF-8 character, or
// a whole ANSI SGR escape sequence ("\033[...m").
size_t NextColumn(absl::string_view text, size_t i) {
  if (text[i] == '\033') {
    const size_t m = text.find('m', i);
    return m == absl::string_view::npos ? text.size() : m + 1;
  }
  ++i;
  while (i < text.size() && IsContinuationByte(text[i])) ++i;
  return i;
}

// Width used for a terminal whose size cannot be queried.
constexpr int kFallbackTerminalWidth = 100;

// Columns of the terminal on `fd`: TIOCGWINSZ, else $COLUMNS, else a guess.
int TerminalWidth(int fd) {
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  int columns = 0;
  const char* env_columns = std::getenv("COLUMNS");
  if (env_columns != nullptr && absl::SimpleAtoi(env_columns, &columns) && columns > 0) {
    return columns;
  }
  return kFallbackTerminalWidth;
}

}  // namespace

TerminalInfo DetectTerminal() {
  TerminalInfo info;
  info.stdout_is_tty = isatty(STDOUT_FILENO) == 1;
  info.stderr_is_tty = isatty(STDERR_FILENO) == 1;
  if (info.stderr_is_tty) info.stderr_width = TerminalWidth(STDERR_FILENO);
  if (!info.stdout_is_tty) return info;
  const char* term = std::getenv("TERM");
  info.ansi =
      std::getenv("NO_COLOR") == nullptr && (term == nullptr || absl::string_view(term) != "dumb");
  info.width = TerminalWidth(STDOUT_FILENO);
  return info;
}

int DisplayWidth(absl::string_view utf8) {
  int width = 0;
  for (size_t i = 0; i < utf8.size(); i = NextColumn(utf8, i)) {
    if (utf8[i] != '\033') ++width;
  }
  return width;
}

std::string TruncateToWidth(absl::string_view utf8, int width) {
  if (width <= 0 || DisplayWidth(utf8) <= width) return std::string(utf8);
  // Keep width - 1 columns and spend the last one on the ellipsis.
  int kept = 0;
  size_t end = 0;
  bool has_escape = false;
  while (end < utf8.size()) {
    if (utf8[end] == '\033') {
      has_escape = true;
    } else {
      if (kept == width - 1) break;
      ++kept;
    }
    end = NextColumn(utf8, end);
  }
  std::string result(absl::StripTrailingAsciiWhitespace(utf8.substr(0, end)));
  result += "…";
  if (has_escape) absl::StrAppend(&result, kAnsiReset);
  return result;
}

std::string CollapseWhitespace(absl::string_view text) {
  std::string result;
  result.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      pending_space = !result.empty();
      continue;
    }
    if (pending_space) result += ' ';
    pending_space = false;
    result += c;
  }
  return result;
}

std::vector<std::string> WrapText(absl::string_view text, int width) {
  std::vector<std::string> lines;
  std::string collapsed = CollapseWhitespace(text);
  if (collapsed.empty()) return lines;
  if (width <= 0) {
    lines.push_back(std::move(collapsed));
    return lines;
  }
  std::string line;
  int line_width = 0;
  for (absl::string_view word : absl::StrSplit(collapsed, ' ')) {
    const int word_width = DisplayWidth(word);
    if (!line.empty() && line_width + 1 + word_width > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++line_width;
    }
    absl::StrAppend(&line, word);
    line_width += word_width;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string FormatDate(const docsearch::v1::Date& date) {
  if (date.year() == 0) return "";
  if (date.month() == 0) return absl::StrFormat("%04d", date.year());
  if (date.day() == 0) return absl::StrFormat("%04d-%02d", date.year(), date.month());
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::string DocTypeKeyword(docsearch::v1::DocType doc_type) {
  std::string name = absl::AsciiStrToLower(docsearch::v1::DocType_Name(doc_type));
  name = std::string(absl::StripPrefix(name, "doc_type_"));
  return name;
}

std::string FormatBytes(int64_t bytes) {
  constexpr const char* kUnits[] = {"KB", "MB", "GB", "TB"};
  if (bytes < 1000) return absl::StrCat(bytes, " B");
  double value = static_cast<double>(bytes);
  int unit = -1;
  while (value >= 1000 && unit < 3) {
    value /= 1000;
    ++unit;
  }
  return absl::StrFormat("%.1f %s", value, kUnits[unit]);
}

std::string FormatElapsed(absl::Duration elapsed) {
  if (elapsed < absl::Seconds(1)) {
    const double ms = absl::ToDoubleMilliseconds(elapsed);
    return ms < 10 ? absl::StrFormat("%.2fms", ms) : absl::StrFormat("%.0fms", ms);
  }
  if (elapsed < absl::Minutes(1)) {
    return absl::StrFormat("%.1fs", absl::ToDoubleSeconds(elapsed));
  }
  const int64_t total_seconds = absl::ToInt64Seconds(elapsed);
  return absl::StrFormat("%dm%02ds", total_seconds / 60, total_seconds % 60);
}

std::string FormatCount(int64_t count) {
  std::string digits = absl::StrCat(count < 0 ? -count : count);
  std::string result;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) result += ',';
    result += digits[i];
  }
  return count < 0 ? "-" + result : result;
}

std::string Bar(int64_t count, int64_t max, int width) {
  if (count <= 0 || max <= 0 || width <= 0) return "";
  const double scaled =
      static_cast<double>(std::min(count, max)) * width / static_cast<double>(max);
  const int length = std::max(1, static_cast<int>(scaled + 0.5));
  return std::string(static_cast<size_t>(length), '#');
}

}  // namespace docsearch::cli
