// A line's shared reading says what the parser's own detectors say about the
// line (its fold, its furniture reason), once per distinct line: asking
// again, with other white space around it, reads the same entry back.
#include "ingest_service/parser/line_readings.h"

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "common/text_folding.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/boilerplate.h"

namespace docsearch::ingest {
namespace {

using ::testing::Optional;

TEST(LineReadings, SaysWhatTheDetectorsSay) {
  LineReadings readings;
  for (absl::string_view line :
       {"[ Go to Index ]", "natologo.jpg (2673 Byte)", "Déclaration des chefs d'État",
        "The Council met today in Brussels.", ""}) {
    const LineReading& reading = readings.Read(line);
    EXPECT_EQ(reading.folded, FoldAccents(line)) << line;
    EXPECT_EQ(reading.furniture, BoilerplateReason(line)) << line;
    EXPECT_EQ(FurnitureReason(line, &readings), BoilerplateReason(line)) << line;
    EXPECT_EQ(FurnitureReason(line, nullptr), BoilerplateReason(line)) << line;
  }
  EXPECT_THAT(readings.Read("natologo.jpg (2673 Byte)").furniture,
              Optional(absl::string_view("logo")));
  EXPECT_EQ(readings.Read("The Council met today in Brussels.").furniture, std::nullopt);
}

TEST(LineReadings, ReadsEachDistinctLineOnce) {
  LineReadings readings;
  const LineReading& first = readings.Read("  Press Release (99)101 ");
  const LineReading& again = readings.Read("Press Release (99)101\r");
  EXPECT_EQ(&first, &again);
  // Entries stay in place while others are added (callers keep references).
  for (int i = 0; i < 1000; ++i) readings.Read("line " + std::to_string(i));
  EXPECT_EQ(&readings.Read("Press Release (99)101"), &first);
  EXPECT_EQ(first.folded, FoldAccents("Press Release (99)101"));
}

}  // namespace
}  // namespace docsearch::ingest
