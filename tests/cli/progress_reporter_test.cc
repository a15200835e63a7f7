#include "cli/progress_reporter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "absl/time/clock.h"

namespace docsearch::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

IngestProgress SomeProgress() {
  return IngestProgress{
      .files_sent = 1204, .documents_sent = 3310, .bytes_sent = 5'000'000, .errors = 2};
}

TEST(FormatProgressLine, ShowsFilesDocumentsRatesAndErrors) {
  EXPECT_EQ(FormatProgressLine(SomeProgress(), absl::Seconds(10)),
            "sent 1,204 files, 3,310 docs  331.0 docs/s  0.50 MB/s  2 errors  10.0s");
}

TEST(FormatProgressLine, HasNoRateBeforeAnyTimePassed) {
  EXPECT_THAT(FormatProgressLine({}, absl::ZeroDuration()), HasSubstr("0.0 docs/s  0.00 MB/s"));
}

TEST(ProgressReporter, DrawsNothingWhenStderrIsNotATerminal) {
  std::ostringstream err;
  const absl::Time start = absl::Now();
  {
    ProgressReporter reporter(err, /*live=*/false, start);
    reporter.Update(SomeProgress(), start + absl::Seconds(1));
    reporter.ShowStatus("waiting");
  }
  EXPECT_EQ(err.str(), "");
}

TEST(ProgressReporter, RedrawsInPlaceAtMostEveryTenthOfASecondAndClearsAtTheEnd) {
  std::ostringstream err;
  const absl::Time start = absl::Now();
  {
    ProgressReporter reporter(err, /*live=*/true, start);
    reporter.Update(SomeProgress(), start + absl::Seconds(1));
    reporter.Update(SomeProgress(), start + absl::Seconds(1) + absl::Milliseconds(10));
    reporter.Update(SomeProgress(), start + absl::Seconds(2));
  }
  const std::string out = err.str();
  EXPECT_THAT(out, StartsWith("\r\033[Ksent 1,204 files"));
  // Two draws and the final erase.
  size_t erases = 0;
  for (size_t at = out.find("\r\033[K"); at != std::string::npos;
       at = out.find("\r\033[K", at + 1)) {
    ++erases;
  }
  EXPECT_EQ(erases, 3u);
  EXPECT_THAT(out, testing::EndsWith("\r\033[K"));
}

TEST(ProgressReporter, CutsTheLineToTheTerminalSoItCanBeRedrawnInPlace) {
  std::ostringstream err;
  const absl::Time start = absl::Now();
  ProgressReporter reporter(err, /*live=*/true, start, /*width=*/22);

  reporter.ShowStatus("sent 3,000 documents; waiting for the ingest service");

  EXPECT_EQ(err.str(), "\r\033[Ksent 3,000 documents…");
}

}  // namespace
}  // namespace docsearch::cli
