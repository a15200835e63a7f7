#include "ingest_service/parser/embedded_posts.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

// A handle: "@" then letters, digits and underscores.
bool IsHandle(absl::string_view text) {
  if (text.size() < 2 || text.front() != '@') return false;
  for (char c : text.substr(1)) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// The account's name and handle of a signature: "Name (@handle)".
struct Signer {
  absl::string_view name;
  absl::string_view handle;
};

std::optional<Signer> SignerOf(absl::string_view line) {
  line = TrimLine(line);
  // The dash a browser copies: an em dash, or two hyphens.
  if (!absl::ConsumePrefix(&line, "\xE2\x80\x94") && !absl::ConsumePrefix(&line, "--")) {
    return std::nullopt;
  }
  line = absl::StripLeadingAsciiWhitespace(line);
  const size_t open = line.find(" (@");
  if (open == absl::string_view::npos) return std::nullopt;
  const size_t close = line.find(')', open);
  if (close == absl::string_view::npos) return std::nullopt;
  const absl::string_view handle = line.substr(open + 2, close - open - 2);
  if (!IsHandle(handle)) return std::nullopt;
  // Then the post's date, and nothing else.
  const absl::string_view date = absl::StripAsciiWhitespace(line.substr(close + 1));
  if (date.empty() || !ParseDateLine(date).has_value()) return std::nullopt;
  return Signer{line.substr(0, open), handle};
}

}  // namespace

bool IsEmbeddedPostSignature(absl::string_view line) { return SignerOf(line).has_value(); }

void MarkEmbeddedPosts(const std::vector<SourceLine>& lines,
                       const std::vector<LineFeatures>& features, std::vector<LineRole>* roles,
                       std::vector<size_t>* furniture) {
  auto mark = [&](size_t k) { MarkLateFurniture(k, features[k].line_index, roles, furniture); };
  auto text_of = [&](size_t k) { return TrimLine(lines[features[k].line_index].text); };
  for (size_t k = 1; k < features.size(); ++k) {
    const std::optional<Signer> signer = SignerOf(lines[features[k].line_index].text);
    if (!signer.has_value()) continue;
    mark(k);
    // The post's text right above the signature; above it, the handle
    // alone and the account's name, as the embed prints them.
    size_t post = k - 1;
    mark(post);
    if (post > 0 && text_of(post - 1) == signer->handle) {
      mark(post - 1);
      if (post > 1 && text_of(post - 2) == signer->name) mark(post - 2);
    }
  }
}

}  // namespace docsearch::ingest
