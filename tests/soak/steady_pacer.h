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
// The schedule runs on the monotonic clock, not on absl::Now(): the wall
// clock is slewed by time daemons and absl reads it through a calibrated
// cycle counter, so a wall-clock schedule could end a fraction of a
// millisecond before its last slot.
//
// Thread safety: none; one pacer per thread.
#ifndef DOCSEARCH_TESTS_SOAK_STEADY_PACER_H_
#define DOCSEARCH_TESTS_SOAK_STEADY_PACER_H_

#include <chrono>
#include <cstdint>
#include <thread>

#include "absl/time/time.h"

namespace docsearch::testing {

class SteadyPacer {
 public:
  using Clock = std::chrono::steady_clock;

  // `per_second` > 0. The first slot is `first_delay` from now (e.g. a
  // random offset, so that several pacers do not fire in lockstep).
  explicit SteadyPacer(double per_second, absl::Duration first_delay = absl::ZeroDuration())
      : interval_(absl::ToChronoNanoseconds(absl::Seconds(1.0 / per_second))),
        next_(Clock::now() + absl::ToChronoNanoseconds(first_delay)) {}

  // Sleeps until the next slot.
  void Wait() {
    const Clock::time_point now = Clock::now();
    if (next_ > now) {
      std::this_thread::sleep_until(next_);
    } else if (now - next_ > interval_) {
      next_ = now;
      ++slips_;
    }
    next_ += interval_;
  }

  // How many times the schedule restarted because the caller was late.
  int64_t slips() const { return slips_; }

 private:
  std::chrono::nanoseconds interval_;
  Clock::time_point next_;
  int64_t slips_ = 0;
};

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_SOAK_STEADY_PACER_H_
