#include "tests/soak/steady_pacer.h"

#include "gtest/gtest.h"

namespace docsearch::testing {
namespace {

// Only lower bounds on time: a loaded machine makes sleeps longer, never
// shorter, so these cannot flake.

TEST(SteadyPacer, SpacesCallsAtTheRate) {
  SteadyPacer pacer(50);  // 20 ms apart.
  const absl::Time start = absl::Now();
  for (int i = 0; i < 11; ++i) pacer.Wait();
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(200));
}

TEST(SteadyPacer, DoesNotBurstToCatchUpAfterAStall) {
  SteadyPacer pacer(20);  // 50 ms apart.
  pacer.Wait();
  absl::SleepFor(absl::Milliseconds(300));  // Six slots missed.
  pacer.Wait();                             // Late: restarts from now.
  EXPECT_EQ(pacer.slips(), 1);
  const absl::Time after_stall = absl::Now();
  pacer.Wait();
  pacer.Wait();
  EXPECT_GE(absl::Now() - after_stall, absl::Milliseconds(100));
}

}  // namespace
}  // namespace docsearch::testing
