// Paces a loop at a steady rate, for load generators.
//
//   SteadyPacer pacer(20.0);                // 20 calls per second
//   while (absl::Now() < end) { pacer.Wait(); DoOneCall(); }
//
// The k-th Wait() returns at start + k / rate. A caller that fell more than
// one interval behind (a slow call, a stalled machine) restarts the schedule
// from now instead of bursting to catch up: the point of a soak is a steady
// offered load, and a burst after a stall would measure something else.
// Such slips are counted so a run can report that it did not reach its rate.
//
// Thread safety: none; one pacer per thread.
#ifndef DOCSEARCH_TESTS_SOAK_STEADY_PACER_H_
#define DOCSEARCH_TESTS_SOAK_STEADY_PACER_H_

#include <cstdint>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace docsearch::testing {

class SteadyPacer {
 public:
  // `per_second` > 0. The first slot is `first` (e.g. now plus a random
  // offset, so that several pacers do not fire in lockstep).
  explicit SteadyPacer(double per_second, absl::Time first = absl::Now())
      : interval_(absl::Seconds(1.0 / per_second)), next_(first) {}

  // Sleeps until the next slot.
  void Wait() {
    const absl::Time now = absl::Now();
    if (next_ > now) {
      absl::SleepFor(next_ - now);
    } else if (now - next_ > interval_) {
      next_ = now;
      ++slips_;
    }
    next_ += interval_;
  }

  // How many times the schedule restarted because the caller was late.
  int64_t slips() const { return slips_; }

 private:
  absl::Duration interval_;
  absl::Time next_;
  int64_t slips_ = 0;
};

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_SOAK_STEADY_PACER_H_
