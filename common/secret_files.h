// Reading the secrets the programs are configured with: bearer tokens and
// PEM files. Shared by both servers, the ingest service's client side and
// the CLI, so all of them accept the same files and say the same things
// about bad ones.
//
// Tokens come from a file rather than a flag value so that they never show
// in `ps` or shell history; an environment variable is the alternative for
// containers. When both are given, the file wins: it is the more explicit
// of the two (a flag on this command line rather than something inherited).
#ifndef DOCSEARCH_COMMON_SECRET_FILES_H_
#define DOCSEARCH_COMMON_SECRET_FILES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docsearch {

// The token in `path`: the whole file with surrounding whitespace removed
// (so `echo secret > file` works). INVALID_ARGUMENT naming `flag_name` when
// the file is empty or the token holds characters that cannot travel in an
// HTTP header (anything but visible ASCII); NOT_FOUND when unreadable.
absl::StatusOr<std::string> ReadTokenFile(const std::string& path, absl::string_view flag_name);

// The token from `file_flag_value` (a path, read with ReadTokenFile) when
// non-empty, else from the environment variable `env_name` when set and
// non-empty, else "" (no token).
absl::StatusOr<std::string> ResolveToken(const std::string& file_flag_value,
                                         absl::string_view flag_name, const char* env_name);

// The PEM text in `path`. INVALID_ARGUMENT naming `flag_name` when the file
// holds no PEM block; NOT_FOUND when unreadable.
absl::StatusOr<std::string> ReadPemFile(const std::string& path, absl::string_view flag_name);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_SECRET_FILES_H_
