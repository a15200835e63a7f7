// Samples the memory of running services at a fixed period, for soak tests.
//
// Each sample holds the resident set size (VmRSS) of every watched process
// and the index's own accounting (GetIndexStats memory_bytes and
// document_count, through a callback so this file needs no RPC stubs).
// A leak shows as RSS growing faster than the index's accounting explains;
// the windowed medians below make that comparison robust to the odd noisy
// sample (a malloc trim, a burst of in-flight requests).
//
// Thread safety: Start/Stop from one thread; Samples/Errors from any.
#ifndef DOCSEARCH_TESTS_SOAK_MEMORY_SAMPLER_H_
#define DOCSEARCH_TESTS_SOAK_MEMORY_SAMPLER_H_

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace docsearch::testing {

// What the index says about itself.
struct IndexFigures {
  int64_t memory_bytes = 0;
  int64_t document_count = 0;
};

struct MemorySample {
  absl::Duration elapsed;          // Since Start().
  std::vector<int64_t> rss_bytes;  // One per watched pid, in order.
  IndexFigures index;
};

class MemorySampler {
 public:
  using IndexFiguresFunction = std::function<absl::StatusOr<IndexFigures>()>;

  MemorySampler(std::vector<pid_t> pids, IndexFiguresFunction index_figures, absl::Duration period);
  ~MemorySampler();  // Stops if running.

  MemorySampler(const MemorySampler&) = delete;
  MemorySampler& operator=(const MemorySampler&) = delete;

  // Takes a first sample at once, then one per period until Stop().
  void Start();
  void Stop();

  std::vector<MemorySample> Samples() const ABSL_LOCKS_EXCLUDED(mu_);
  // Failed reads (a process gone, an RPC error), as text; a sample with a
  // failed read is not recorded.
  std::vector<std::string> Errors() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  void TakeSample(absl::Time start) ABSL_LOCKS_EXCLUDED(mu_);

  const std::vector<pid_t> pids_;
  const IndexFiguresFunction index_figures_;
  const absl::Duration period_;
  absl::Notification stop_;
  std::thread thread_;
  mutable absl::Mutex mu_;
  std::vector<MemorySample> samples_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> errors_ ABSL_GUARDED_BY(mu_);
};

// The median of `value(sample)` over the samples with elapsed in
// [from, to); -1 when the window holds no sample.
int64_t WindowMedian(const std::vector<MemorySample>& samples, absl::Duration from,
                     absl::Duration to, const std::function<int64_t(const MemorySample&)>& value);

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_SOAK_MEMORY_SAMPLER_H_
