#include "ingest_service/parser/breadcrumb_section.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

// A breadcrumb is one short line; a longer one is text that holds slashes.
constexpr size_t kLongestBreadcrumb = 160;
// Words of one step of a chain that does not open at the home page.
constexpr int kMostStepWords = 4;

// What a path opens with (folded), before its first separator.
constexpr absl::string_view kPathOpenings[] = {
    "you are here:", "you are here",    "vous etes ici :",  "vous etes ici:",
    "vous etes ici", "voce esta aqui:", "usted esta aqui:", "sie sind hier:",
};
constexpr absl::string_view kHomeSteps[] = {
    "home", "homepage", "accueil", "startseite", "inicio", "pagina inicial", "portada", "home page",
};

bool IsHomeStep(absl::string_view step) {
  for (absl::string_view home : kHomeSteps) {
    if (step == home) return true;
  }
  return false;
}

// A step that only dates the page ("2024", "04", "18 January 2024").
bool IsDateStep(absl::string_view step) {
  if (step.empty()) return true;
  bool digits = true;
  for (char c : step) digits &= absl::ascii_isdigit(static_cast<unsigned char>(c)) != 0;
  if (digits) return true;
  return CountWordsUpTo(step, 5) <= 4 && !FindDates(step).empty();
}

std::optional<docsearch::v1::DocType> TypeOfStep(absl::string_view step) {
  if (std::optional<docsearch::v1::DocType> type = DocTypeFromSectionName(step)) return type;
  // The section's name with its publisher's after it.
  const size_t space = step.find(' ');
  if (space == absl::string_view::npos) return std::nullopt;
  // One name: "News & Events", "Noticias y eventos" join sections.
  const absl::string_view rest = step.substr(space + 1);
  if (rest.find(' ') != absl::string_view::npos || !absl::ascii_isalpha(rest.front())) {
    return std::nullopt;
  }
  return DocTypeFromSectionName(step.substr(0, space));
}

}  // namespace

std::optional<docsearch::v1::DocType> DocTypeFromBreadcrumb(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty() || line.size() > kLongestBreadcrumb || EndsSentence(line)) return std::nullopt;
  const std::string folded = FoldAccents(line);
  absl::string_view path = folded;
  bool opened = false;
  for (absl::string_view opening : kPathOpenings) {
    if (absl::ConsumePrefix(&path, opening)) {
      opened = true;
      break;
    }
  }
  for (absl::string_view separator : {" > ", " \xE2\x80\xBA ", " \xC2\xBB ", " / ", " | "}) {
    if (!absl::StrContains(path, separator)) continue;
    std::vector<absl::string_view> steps = absl::StrSplit(path, separator, absl::SkipWhitespace());
    for (absl::string_view& step : steps) step = absl::StripAsciiWhitespace(step);
    if (steps.size() < 2) continue;
    const bool from_home = IsHomeStep(steps.front());
    // A menu printed with pipes opens at home too ("Home | About | News"):
    // pipes make a path only after "You are here".
    if (separator == " | " && !opened) continue;
    if (!opened && !from_home) {
      if (steps.size() < 3) continue;
      bool short_steps = true;
      for (absl::string_view step : steps) {
        short_steps &= CountWordsUpTo(step, kMostStepWords + 1) <= kMostStepWords;
      }
      if (!short_steps) continue;
    }
    while (!steps.empty() && IsDateStep(steps.back())) steps.pop_back();
    if (steps.size() < 2) return std::nullopt;
    return TypeOfStep(steps.back());
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
