#include "common/secret_files.h"

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace docsearch {
namespace {

absl::StatusOr<std::string> ReadWholeFile(const std::string& path, absl::string_view flag_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("--", flag_name, ": cannot read ", path));
  }
  return std::string(std::istreambuf_iterator<char>(in), {});
}

absl::StatusOr<std::string> ValidToken(absl::string_view text, absl::string_view source) {
  const absl::string_view token = absl::StripAsciiWhitespace(text);
  if (token.empty())
    return absl::InvalidArgumentError(absl::StrCat(source, ": the token is empty"));
  for (char c : token) {
    if (c < 0x21 || c > 0x7e) {
      return absl::InvalidArgumentError(
          absl::StrCat(source,
                       ": the token may hold only visible ASCII characters (no spaces), since it "
                       "travels in the authorization header"));
    }
  }
  return std::string(token);
}

}  // namespace

absl::StatusOr<std::string> ReadTokenFile(const std::string& path, absl::string_view flag_name) {
  absl::StatusOr<std::string> text = ReadWholeFile(path, flag_name);
  if (!text.ok()) return text.status();
  return ValidToken(*text, absl::StrCat("--", flag_name, "=", path));
}

absl::StatusOr<std::string> ResolveToken(const std::string& file_flag_value,
                                         absl::string_view flag_name, const char* env_name) {
  if (!file_flag_value.empty()) return ReadTokenFile(file_flag_value, flag_name);
  const char* value = std::getenv(env_name);
  if (value == nullptr || *value == '\0') return std::string();
  return ValidToken(value, absl::StrCat("environment variable ", env_name));
}

absl::StatusOr<std::string> ReadPemFile(const std::string& path, absl::string_view flag_name) {
  absl::StatusOr<std::string> text = ReadWholeFile(path, flag_name);
  if (!text.ok()) return text.status();
  if (!absl::StrContains(*text, "-----BEGIN ")) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag_name, "=", path, " holds no PEM block (-----BEGIN ...)"));
  }
  return text;
}

}  // namespace docsearch
