#include "ingest_service/parser/header_lines.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

// The key before the colon, reduced to its ASCII letters so that spacing,
// accents and accents lost in transcoding do not matter:
// "Mise à jour" and "Mise--jour" both become "misejour".
std::string KeyLetters(absl::string_view key) {
  std::string letters;
  for (char c : key) {
    if (absl::ascii_isalpha(static_cast<unsigned char>(c))) {
      letters.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return letters;
}

bool IsUpdatedKey(absl::string_view key) {
  const std::string letters = KeyLetters(key);
  return letters == "updated" || letters == "lastupdate" || letters == "lastupdated" ||
         letters == "misejour" || letters == "misjour" || letters == "misjourle" ||
         letters == "misejourle" || letters == "miseajour" || letters == "misajour" ||
         letters == "misajourle" || letters == "derniremiseajour" ||
         letters == "dernieremiseajour" || letters == "dernieremisejour";
}

// Leading table pipes, bullets and spaces.
absl::string_view StripLeadingFurniture(absl::string_view line) {
  while (!line.empty()) {
    if (line.front() == '|' || line.front() == '*' ||
        absl::ascii_isspace(static_cast<unsigned char>(line.front()))) {
      line.remove_prefix(1);
    } else if (absl::StartsWith(line, "\xE2\x80\xA2")) {  // bullet
      line.remove_prefix(3);
    } else {
      break;
    }
  }
  return line;
}

}  // namespace

std::optional<UpdatedHeader> ParseUpdatedHeader(absl::string_view line) {
  line = StripLeadingFurniture(line);
  const size_t colon = line.find(':');
  if (colon == absl::string_view::npos || colon > 30 || !IsUpdatedKey(line.substr(0, colon))) {
    return std::nullopt;
  }
  absl::string_view rest = line.substr(colon + 1);
  const std::vector<FoundDate> dates = FindDates(rest);
  if (dates.empty()) return std::nullopt;
  // The date must come first: only spaces or pipes before it.
  for (char c : rest.substr(0, dates.front().begin)) {
    if (c != ' ' && c != '|' && c != '\t') return std::nullopt;
  }
  UpdatedHeader header;
  header.date = dates.front().date;
  rest.remove_prefix(dates.front().end);
  rest = absl::StripLeadingAsciiWhitespace(rest);
  // An optional "18:33".
  if (rest.size() >= 4 && absl::ascii_isdigit(static_cast<unsigned char>(rest[0]))) {
    const size_t time_colon = rest.find(':');
    int hour = 0, minute = 0;
    if (time_colon != absl::string_view::npos && time_colon <= 2 &&
        absl::SimpleAtoi(rest.substr(0, time_colon), &hour) && rest.size() >= time_colon + 3 &&
        absl::SimpleAtoi(rest.substr(time_colon + 1, 2), &minute) && hour < 24 && minute < 60) {
      header.hour = hour;
      header.minute = minute;
      rest.remove_prefix(time_colon + 3);
    }
  }
  std::string section = absl::StrReplaceAll(rest, {{"|", " "}});
  header.section = CollapseWhitespace(section);
  return header;
}

int64_t UpdatedHeaderEpochSeconds(const UpdatedHeader& header) {
  const absl::CivilSecond civil(header.date.year(), header.date.month(), header.date.day(),
                                header.hour, header.minute, 0);
  return absl::ToUnixSeconds(absl::FromCivil(civil, absl::UTCTimeZone()));
}

}  // namespace docsearch::ingest
