// Command-line handling that absl::ParseCommandLine does not do for us:
//   - a flag given several times (--doc_type=a --doc_type=b) would keep only
//     its last value, so repeated values are merged into one list first;
//   - an unknown flag makes absl exit with status 1, while a usage error of
//     docsearch exits with 2 and the usage text, so unknown flags are found
//     before absl sees them.
#ifndef DOCSEARCH_CLI_COMMAND_LINE_H_
#define DOCSEARCH_CLI_COMMAND_LINE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace docsearch::cli {

// Exit codes of the docsearch program.
inline constexpr int kExitOk = 0;
// An RPC failed, or some documents could not be ingested.
inline constexpr int kExitFailure = 1;
// The command line was wrong; the usage text was printed.
inline constexpr int kExitUsage = 2;

// The usage text printed by --help and after a usage error.
absl::string_view UsageText();

// True for `docsearch help`, -h, --help or -help anywhere before "--".
bool AsksForHelp(const std::vector<std::string>& arguments);

// Replaces every occurrence of --`name`=V / --`name` V (also with one dash)
// by a single --`name`=V1,V2,... at the place of the first occurrence.
// Arguments after a bare "--" are left alone.
std::vector<std::string> MergeRepeatedFlag(std::vector<std::string> arguments,
                                           absl::string_view name);

// Replaces the short flag -`short_name` (as "-q V" or "-q=V") by
// --`long_name`, since absl flags have no short aliases. Arguments after a
// bare "--" are left alone.
std::vector<std::string> ExpandShortFlag(std::vector<std::string> arguments,
                                         absl::string_view short_name, absl::string_view long_name);

// The first argument that looks like a flag but names no flag registered
// with absl (e.g. "--doc-type=x"), or nullopt. Accepts the "--noNAME" form of
// boolean flags. Arguments after a bare "--" are not flags.
std::optional<std::string> FindUnknownFlag(const std::vector<std::string>& arguments);

// Whether the boolean flag `name` is typed in `arguments` in any form
// (--name, -name, --name=V, --noname) before a bare "--": a default is not
// the same as the user asking (search's --collapse falls back only when
// left at its default).
bool TypesBooleanFlag(const std::vector<std::string>& arguments, absl::string_view name);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_COMMAND_LINE_H_
