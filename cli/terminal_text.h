// Text helpers for rendering on a terminal: UTF-8 aware truncation and
// wrapping, and the human-readable forms of dates, sizes, rates and durations
// used by every printer of the CLI.
//
// Widths are counted in code points. That is exact for the Latin-script
// archives docsearch is built for; wide (CJK) characters count as one column.
#ifndef DOCSEARCH_CLI_TERMINAL_TEXT_H_
#define DOCSEARCH_CLI_TERMINAL_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::cli {

// What the CLI knows about where its output goes.
struct TerminalInfo {
  bool stdout_is_tty = false;
  bool stderr_is_tty = false;
  // Whether stdout may carry ANSI attributes: a terminal, $NO_COLOR unset
  // (https://no-color.org) and $TERM not "dumb".
  bool ansi = false;
  // Columns of stdout's terminal; 0 when stdout is not a terminal (then lines
  // are not truncated, so output piped to grep keeps whole titles).
  int width = 0;
  // Columns of stderr's terminal (for the progress line); 0 when not one.
  int stderr_width = 0;
};

// Looks at the real stdout/stderr (isatty, TIOCGWINSZ, then $COLUMNS) and
// the environment.
TerminalInfo DetectTerminal();

// ANSI escapes the printers use to mark highlights on a terminal.
inline constexpr absl::string_view kAnsiBold = "\033[1m";
inline constexpr absl::string_view kAnsiReset = "\033[0m";

// Columns `utf8` takes: code points, not counting continuation bytes or ANSI
// SGR escape sequences ("\033[1m"), which take no room on the screen.
int DisplayWidth(absl::string_view utf8);

// Cuts `utf8` to at most `width` columns, ending with "…" when something was
// cut. Never splits a multi-byte character or an ANSI escape, and resets the
// terminal attributes after a cut that happened inside marked text.
// width <= 0 means no limit.
std::string TruncateToWidth(absl::string_view utf8, int width);

// Collapses runs of whitespace (including newlines) into single spaces and
// trims both ends, so a passage fits on one line.
std::string CollapseWhitespace(absl::string_view text);

// Word-wraps `text` into lines of at most `width` columns. Words longer than
// a line are put on a line of their own, unbroken. width <= 0 returns the
// collapsed text as one line.
std::vector<std::string> WrapText(absl::string_view text, int width);

// "2001-12-07", "2001-12" or "2001"; "" for an unset date (year 0).
std::string FormatDate(const docsearch::v1::Date& date);

// The keyword form of a document type, as indexed and as accepted by
// --doc_type: DOC_TYPE_PRESS_STATEMENT → "press_statement".
std::string DocTypeKeyword(docsearch::v1::DocType doc_type);

// "512 B", "1.5 KB", "12.3 MB", "2.0 GB" (decimal units, like the MB/s of
// the ingest summary).
std::string FormatBytes(int64_t bytes);

// "950ms", "12.4s", "3m05s".
std::string FormatElapsed(absl::Duration elapsed);

// "1,234,567".
std::string FormatCount(int64_t count);

// A bar of '#' for `count` on a scale where `max` fills `width` columns.
// Any count above 0 shows at least one '#'; 0 (or max <= 0) is "".
std::string Bar(int64_t count, int64_t max, int width);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_TERMINAL_TEXT_H_
