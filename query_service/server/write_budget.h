// A CPU budget for the Write batches while reads are being answered.
//
// The background writers (background_writers.h) run below the searches'
// priority, but a nice value is a weight, not a limit: at nice +5 a writer
// still gets about a quarter of a core a busy search thread wants, and a
// steady ingest took a third of the search throughput on two cores
// (docs/BENCHMARKS.md, "Search under ingest"). A budget is a limit: while
// reads are in flight, or ended less than `quiet_after` ago, the writers
// between them spend at most `share_while_reading` of one core; once
// reads stop, they run at full speed again. Lucene's merge scheduler
// throttles its background merges the same way, by a rate rather than a
// priority.
//
// How: a writer reports the CPU each batch took (its thread's CPU clock);
// while reading, a batch of cost c pushes the time before which no writer
// may start the next batch by c * (1 - share) / share, so the writers' CPU
// over any stretch of reading is at most `share` of it (plus the one batch
// that was running when reads began). Batches are never cut: a batch a
// client waits for finishes at its priority, and only the next waits.
//
// Thread safety: every method may be called from any thread.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_WRITE_BUDGET_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_WRITE_BUDGET_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <mutex>
#include <utility>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace docsearch::query {

class WriteBudget {
 public:
  struct Options {
    // The share of one core the writers may use between them while reads
    // are in flight, in (0, 1]; 1 turns the budget off.
    double share_while_reading = 0.1;
    // Reads that ended this recently still count as reading: a client
    // sending searches back to back is never "in flight" between two, but
    // its gaps are well under a millisecond. A person or a dashboard leaves
    // tens of milliseconds and more between reads: in those gaps the CPU is
    // free, and the writers run at full speed.
    absl::Duration quiet_after = absl::Milliseconds(5);
  };

  // INVALID_ARGUMENT naming the option when one is out of range.
  static absl::Status Validate(const Options& options);
  // `options` must be valid. `now` gives the time (absl::Now in the
  // service, a test's own clock in tests).
  WriteBudget(Options options, std::function<absl::Time()> now);

  // Marks one read (a search, a comparison) as begun and ended.
  void ReadStarted();
  void ReadFinished();

  // A writer finished a batch that cost `cpu` of its thread's CPU.
  void ChargeWrite(absl::Duration cpu);

  // When the next batch may start: now or earlier when the writers are
  // within budget or no read is going on; otherwise the end of the pause
  // their last batches earned. A writer should ask again at that time, as
  // reads may have stopped (which ends the pause) in between.
  absl::Time NextWriteAllowed() const;

  // A writer waited `waited` for the budget; passed on to the observer
  // (a Prometheus counter in the service), so that an operator sees why
  // ingest slows while searches run. Set the observer before the writers
  // start.
  void set_pause_observer(std::function<void(absl::Duration)> observer) {
    pause_observer_ = std::move(observer);
  }
  void RecordPause(absl::Duration waited) const {
    if (pause_observer_) pause_observer_(waited);
  }

 private:
  bool Reading(absl::Time now) const;

  const Options options_;
  const std::function<absl::Time()> now_;
  std::function<void(absl::Duration)> pause_observer_;
  // Every search marks itself here, on every serving thread: atomics, so
  // that reads never queue on one lock to say they run.
  std::atomic<int64_t> reads_in_flight_{0};
  // absl::ToUnixNanos of the latest end of a read.
  std::atomic<int64_t> last_read_ended_nanos_{std::numeric_limits<int64_t>::min()};
  mutable std::mutex mu_;
  absl::Time writes_allowed_from_ = absl::InfinitePast();  // Guarded by mu_.
};

// Marks a read for its scope; does nothing when `budget` is null.
class ScopedRead {
 public:
  explicit ScopedRead(WriteBudget* budget) : budget_(budget) {
    if (budget_ != nullptr) budget_->ReadStarted();
  }
  ~ScopedRead() {
    if (budget_ != nullptr) budget_->ReadFinished();
  }
  ScopedRead(const ScopedRead&) = delete;
  ScopedRead& operator=(const ScopedRead&) = delete;

 private:
  WriteBudget* const budget_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_WRITE_BUDGET_H_
