// Collects call latencies from many threads and reports percentiles.
//
// Thread safety: Record and the readers may be called from any thread.
#ifndef DOCSEARCH_TESTS_SOAK_LATENCY_RECORDER_H_
#define DOCSEARCH_TESTS_SOAK_LATENCY_RECORDER_H_

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace docsearch::testing {

class LatencyRecorder {
 public:
  void Record(absl::Duration latency) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    milliseconds_.push_back(absl::ToDoubleMilliseconds(latency));
  }

  size_t count() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    return milliseconds_.size();
  }

  // The nearest-rank `fraction` percentile (0.5 = median, 0.99 = p99) in
  // milliseconds; 0 when nothing was recorded.
  double PercentileMilliseconds(double fraction) const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    if (milliseconds_.empty()) return 0;
    std::vector<double> sorted = milliseconds_;
    std::sort(sorted.begin(), sorted.end());
    const size_t rank =
        static_cast<size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
  }

 private:
  mutable absl::Mutex mu_;
  std::vector<double> milliseconds_ ABSL_GUARDED_BY(mu_);
};

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_SOAK_LATENCY_RECORDER_H_
