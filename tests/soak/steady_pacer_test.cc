#include "tests/soak/steady_pacer.h"

#include <chrono>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace docsearch::testing {
namespace {

// Only lower bounds on time, read on the pacer's own monotonic clock: a
// loaded machine makes sleeps longer, never shorter, so these cannot flake.
// Each bound is measured from a clock reading taken *before* the pacer read
// the clock to set its schedule; a reading taken after would be later than
// the schedule's origin and the bound could miss by microseconds.

using Clock = SteadyPacer::Clock;

TEST(SteadyPacer, SpacesCallsAtTheRate) {
  const Clock::time_point start = Clock::now();
  SteadyPacer pacer(50);  // 20 ms apart; the schedule starts at construction.
  for (int i = 0; i < 11; ++i) pacer.Wait();
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(200));
}

TEST(SteadyPacer, DoesNotBurstToCatchUpAfterAStall) {
  SteadyPacer pacer(20);  // 50 ms apart.
  pacer.Wait();
  absl::SleepFor(absl::Milliseconds(300));  // Six slots missed.
  const Clock::time_point before_late_wait = Clock::now();
  pacer.Wait();  // Late: returns at once and restarts the schedule from now.
  EXPECT_EQ(pacer.slips(), 1);
  // A pacer that burst to catch up would return from both at once.
  pacer.Wait();
  pacer.Wait();
  EXPECT_GE(Clock::now() - before_late_wait, std::chrono::milliseconds(100));
}

}  // namespace
}  // namespace docsearch::testing
