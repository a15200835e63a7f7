#include "ingest_service/parser/reference.h"

#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace docsearch::ingest {
namespace {

// An optional series name, an optional committee code ("M-NAC(DM)-3",
// "S-APHSG-1", "EAPC-S"), then "(yy)" or "(yyyy)" and a serial number.
// std::regex is fine here: it only ever sees one short head line.
const std::regex& ReferencePattern() {
  static const std::regex* const pattern = new std::regex(
      "^((Press|PRESS) (Release|RELEASE|Communiqu\\S*)|Communiqu\\S* [dD][eE] "
      "[pP][rR][eE][sS][sS][eE])?\\s*"
      "([A-Z][A-Za-z0-9()\\-]*?\\s?)?"
      "\\((19|20)?[0-9]{2}\\)\\s?[0-9]{1,3}");
  return *pattern;
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
  if (text.size() - start > 200) return std::nullopt;
  const std::string candidate(text.substr(start));
  std::smatch match;
  if (!std::regex_search(candidate, match, ReferencePattern(),
                         std::regex_constants::match_continuous)) {
    return std::nullopt;
  }
  ReferenceMatch result;
  result.reference = match.str(0);
  result.consumed = start + static_cast<size_t>(match.length(0));
  // "(2004)099 29 June": stop at a word boundary, never inside a number.
  if (result.consumed < text.size() &&
      absl::ascii_isalnum(static_cast<unsigned char>(text[result.consumed]))) {
    return std::nullopt;
  }
  return result;
}

}  // namespace docsearch::ingest
