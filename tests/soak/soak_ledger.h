// The soak test's bookkeeping, shared by its client threads: which phase
// the run is in, the calls that failed, the ids a reader may ask for, and
// what each ingest client left behind, so the end state can be checked
// exactly against what was acknowledged.
#ifndef DOCSEARCH_TESTS_SOAK_SOAK_LEDGER_H_
#define DOCSEARCH_TESTS_SOAK_SOAK_LEDGER_H_

#include <grpcpp/support/status.h>

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace docsearch::testing {

enum class Phase { kWarmUp, kGrowth, kSteady, kOver };

// Maps wall-clock time to the phase of the run.
class SoakClock {
 public:
  SoakClock(absl::Time start, absl::Duration total) : start_(start), total_(total) {}
  absl::Duration WarmUpEnd() const { return total_ * 0.2; }
  absl::Duration GrowthEnd() const { return total_ * 0.6; }
  absl::Duration Total() const { return total_; }
  absl::Time start() const { return start_; }
  Phase Now() const {
    const absl::Duration elapsed = absl::Now() - start_;
    if (elapsed < WarmUpEnd()) return Phase::kWarmUp;
    if (elapsed < GrowthEnd()) return Phase::kGrowth;
    if (elapsed < total_) return Phase::kSteady;
    return Phase::kOver;
  }

 private:
  absl::Time start_;
  absl::Duration total_;
};

// Every failed call, by kind; the first few kept whole for the report.
class ErrorLog {
 public:
  void Add(absl::string_view what, const grpc::Status& status) ABSL_LOCKS_EXCLUDED(mu_) {
    Add(absl::StrCat(what, ": code ", static_cast<int>(status.error_code()), " ",
                     status.error_message()));
  }
  void Add(std::string message) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    ++count_;
    if (first_.size() < 20) first_.push_back(std::move(message));
  }
  int64_t count() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    return count_;
  }
  std::string Summary() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    return absl::StrJoin(first_, "\n");
  }

 private:
  mutable absl::Mutex mu_;
  int64_t count_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<std::string> first_ ABSL_GUARDED_BY(mu_);
};

// Ids that exist from their acknowledgement to the end of the run (they may
// be replaced, never deleted), for the get client.
class StableIds {
 public:
  void Add(std::string id) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    ids_.push_back(std::move(id));
  }
  // A random one, or "" while there is none.
  std::string Pick(std::mt19937& random) const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    if (ids_.empty()) return "";
    return ids_[std::uniform_int_distribution<size_t>(0, ids_.size() - 1)(random)];
  }

 private:
  mutable absl::Mutex mu_;
  std::vector<std::string> ids_ ABSL_GUARDED_BY(mu_);
};

// One document id as its owning client last left it. Each id is written by
// one client thread only, so its final state is known exactly.
struct Copy {
  std::string id;
  int text = 0;        // Index into the corpus.
  int64_t number = 0;  // Marker number of the current version.
  std::string hash;    // As acknowledged; filled at verification for streams.
  bool streamed = false;
  bool deletable = false;
  bool deleted = false;
  std::vector<int64_t> replaced_numbers;  // Markers of overwritten versions.
};

// What one ingest client did; read after its thread has joined.
struct ClientLedger {
  std::vector<Copy> copies;
  int64_t new_documents = 0;
  int64_t replacements = 0;
  int64_t identical_reingests = 0;
  int64_t deletes = 0;
  int64_t slips = 0;
};

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_SOAK_SOAK_LEDGER_H_
