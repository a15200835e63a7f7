#include "tests/soak/latency_recorder.h"

#include "gtest/gtest.h"

namespace docsearch::testing {
namespace {

TEST(LatencyRecorder, ReportsNearestRankPercentiles) {
  LatencyRecorder recorder;
  for (int ms = 100; ms >= 1; --ms) recorder.Record(absl::Milliseconds(ms));
  EXPECT_EQ(recorder.count(), 100u);
  EXPECT_DOUBLE_EQ(recorder.PercentileMilliseconds(0.5), 50);
  EXPECT_DOUBLE_EQ(recorder.PercentileMilliseconds(0.99), 99);
  EXPECT_DOUBLE_EQ(recorder.PercentileMilliseconds(1.0), 100);
  EXPECT_DOUBLE_EQ(recorder.PercentileMilliseconds(0.0), 1);
}

TEST(LatencyRecorder, IsZeroWhenEmpty) {
  EXPECT_EQ(LatencyRecorder().PercentileMilliseconds(0.99), 0);
}

}  // namespace
}  // namespace docsearch::testing
