#include "ingest_service/parser/header_lines.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "ingest_service/parser/date_names.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::Date;

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

bool IsOneOfKeys(absl::string_view letters, absl::Span<const absl::string_view> keys) {
  for (absl::string_view key : keys) {
    if (letters == key) return true;
  }
  return false;
}

// The keys of an "Updated:" header, as KeyLetters leaves them (a letter that
// is not ASCII is dropped, whether the page kept its accent or lost it in
// transcoding, so "Última actualización" is "ltimaactualizacin" and, typed
// without accents, "ultimaactualizacion"): English, French, and the German,
// Spanish, Italian and Dutch keys of the same header.
constexpr absl::string_view kUpdatedKeys[] = {
    "updated", "lastupdate", "lastupdated",
    // French.
    "misejour", "misjour", "misjourle", "misejourle", "miseajour", "misajour", "misajourle",
    "derniremiseajour", "dernieremiseajour", "dernieremisejour",
    // German.
    "stand", "aktualisiert", "zuletztaktualisiert", "letzteaktualisierung", "aktualisiertam",
    // Spanish.
    "actualizado", "ltimaactualizacin", "ultimaactualizacion", "actualizacin", "actualizacion",
    // Italian.
    "aggiornato", "ultimoaggiornamento", "aggiornamento",
    // Dutch.
    "bijgewerkt", "laatstbijgewerkt", "bijgewerktop"};

bool IsUpdatedKey(absl::string_view key) { return IsOneOfKeys(KeyLetters(key), kUpdatedKeys); }

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

// The keys of a creation stamp ("Posted: 2010/05/03"), as kUpdatedKeys.
constexpr absl::string_view kCreatedKeys[] = {
    "created", "posted", "published", "datepublished", "publicationdate", "dateofpublication",
    "postedon", "publishedon", "dateposted",
    // French.
    "crle", "crele", "creele", "publile", "publiele",
    // German.
    "erstellt", "verffentlicht", "veroffentlicht", "erstelltam", "verffentlichtam",
    "veroffentlichtam",
    // Spanish.
    "publicado", "fechadepublicacin", "fechadepublicacion", "publicadoel",
    // Italian.
    "pubblicato", "pubblicatoil", "datadipubblicazione",
    // Dutch.
    "gepubliceerd", "gepubliceerdop"};

bool IsCreatedKey(absl::string_view key) { return IsOneOfKeys(KeyLetters(key), kCreatedKeys); }

// A date opening `*text` (spaces before it allowed), consumed: a year-first
// numeric date ("2017.06.20", "2017/06/20", "2017-06-20"), which content
// systems print and the archive's day-first readers do not take, or any
// form FindDates reads.
std::optional<Date> LeadingStampDate(absl::string_view* text) {
  *text = absl::StripLeadingAsciiWhitespace(*text);
  if (text->size() >= 10) {
    const absl::string_view head = text->substr(0, 10);
    const char separator = head[4];
    int year = 0, month = 0, day = 0;
    if ((separator == '.' || separator == '/' || separator == '-') && head[7] == separator &&
        absl::SimpleAtoi(head.substr(0, 4), &year) && absl::SimpleAtoi(head.substr(5, 2), &month) &&
        absl::SimpleAtoi(head.substr(8, 2), &day) && absl::ascii_isdigit(head[5]) &&
        absl::ascii_isdigit(head[8]) && absl::ascii_isdigit(head[9]) &&
        (text->size() == 10 || !absl::ascii_isdigit((*text)[10])) &&
        IsValidDate(year, month, day)) {
      Date date;
      date.set_year(year);
      date.set_month(month);
      date.set_day(day);
      text->remove_prefix(10);
      return date;
    }
  }
  const std::vector<FoundDate> dates = FindDates(*text);
  if (dates.empty() || dates.front().begin != 0) return std::nullopt;
  text->remove_prefix(dates.front().end);
  return dates.front().date;
}

// An optional "18:33" opening `*text`, consumed into `header`.
void ReadTimeOfDay(absl::string_view* text, UpdatedHeader* header) {
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(*text);
  if (rest.size() >= 4 && absl::ascii_isdigit(static_cast<unsigned char>(rest[0]))) {
    const size_t time_colon = rest.find(':');
    int hour = 0, minute = 0;
    if (time_colon != absl::string_view::npos && time_colon <= 2 &&
        absl::SimpleAtoi(rest.substr(0, time_colon), &hour) && rest.size() >= time_colon + 3 &&
        absl::SimpleAtoi(rest.substr(time_colon + 1, 2), &minute) && hour < 24 && minute < 60) {
      header->hour = hour;
      header->minute = minute;
      rest.remove_prefix(time_colon + 3);
      *text = rest;
    }
  }
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

std::optional<StampLine> ParseStampLine(absl::string_view line) {
  line = StripLeadingFurniture(absl::StripAsciiWhitespace(line));
  if (line.size() > 120) return std::nullopt;
  // The Updated part, after a slash or a bar.
  std::optional<UpdatedHeader> updated;
  absl::string_view created_part = line;
  for (absl::string_view separator : {" / ", " | "}) {
    const size_t at = line.find(separator);
    if (at == absl::string_view::npos) continue;
    const absl::string_view after = line.substr(at + separator.size());
    const size_t colon = after.find(':');
    if (colon == absl::string_view::npos || colon > 30 || !IsUpdatedKey(after.substr(0, colon))) {
      continue;
    }
    absl::string_view rest = after.substr(colon + 1);
    std::optional<Date> date = LeadingStampDate(&rest);
    if (!date.has_value()) return std::nullopt;
    updated.emplace();
    updated->date = *date;
    ReadTimeOfDay(&rest, &*updated);
    created_part = absl::StripTrailingAsciiWhitespace(line.substr(0, at));
    break;
  }
  // The creation key: letters before a colon, or before " on ".
  size_t key_end = created_part.find(':');
  size_t date_begin = key_end + 1;
  if (key_end == absl::string_view::npos || key_end > 30) {
    key_end = created_part.find(" on ");
    date_begin = key_end + 4;
    if (key_end == absl::string_view::npos || key_end > 30) return std::nullopt;
  }
  if (!IsCreatedKey(created_part.substr(0, key_end))) return std::nullopt;
  absl::string_view rest = created_part.substr(date_begin);
  std::optional<Date> created = LeadingStampDate(&rest);
  if (!created.has_value()) return std::nullopt;
  UpdatedHeader time_only;
  ReadTimeOfDay(&rest, &time_only);
  if (!absl::StripAsciiWhitespace(rest).empty()) return std::nullopt;
  return StampLine{*created, std::move(updated)};
}

int64_t UpdatedHeaderEpochSeconds(const UpdatedHeader& header) {
  const absl::CivilSecond civil(header.date.year(), header.date.month(), header.date.day(),
                                header.hour, header.minute, 0);
  return absl::ToUnixSeconds(absl::FromCivil(civil, absl::UTCTimeZone()));
}

}  // namespace docsearch::ingest
