#include "tests/soak/steady_pacer.h"

#include <chrono>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace docsearch::testing {
namespace {

// Only lower bounds on time, read on the pacer's own monotonic clock: a
// loaded machine makes sleeps longer, never shorter, so these cannot flake.

using Clock = SteadyPacer::Clock;

TEST(SteadyPacer, SpacesCallsAtTheRate) {
  SteadyPacer pacer(50);  // 20 ms apart.
  const Clock::time_point start = Clock::now();
  for (int i = 0; i < 11; ++i) pacer.Wait();
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(200));
}

TEST(SteadyPacer, DoesNotBurstToCatchUpAfterAStall) {
  SteadyPacer pacer(20);  // 50 ms apart.
  pacer.Wait();
  absl::SleepFor(absl::Milliseconds(300));  // Six slots missed.
  pacer.Wait();                             // Late: restarts from now.
  EXPECT_EQ(pacer.slips(), 1);
  const Clock::time_point after_stall = Clock::now();
  pacer.Wait();
  pacer.Wait();
  EXPECT_GE(Clock::now() - after_stall, std::chrono::milliseconds(100));
}

}  // namespace
}  // namespace docsearch::testing
