#include "ingest_service/parser/line_readings.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "common/text_folding.h"
#include "ingest_service/parser/boilerplate.h"

namespace docsearch::ingest {

LineReading ReadLine(absl::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  LineReading reading;
  reading.folded = FoldAccents(trimmed);
  reading.furniture = BoilerplateReason(trimmed, reading.folded);
  return reading;
}

const LineReading& LineReadings::Read(absl::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  if (auto it = readings_.find(trimmed); it != readings_.end()) return it->second;
  return readings_.emplace(std::string(trimmed), ReadLine(trimmed)).first->second;
}

std::optional<absl::string_view> FurnitureReason(absl::string_view line, LineReadings* readings) {
  if (readings == nullptr) return BoilerplateReason(line);
  return readings->Read(line).furniture;
}

}  // namespace docsearch::ingest
