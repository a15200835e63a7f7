#include "query_service/server/write_budget.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"

namespace docsearch::query {

absl::Status WriteBudget::Validate(const Options& options) {
  // Written so that NaN fails too.
  if (!(options.share_while_reading > 0 && options.share_while_reading <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "write share while reading must be in (0, 1], got ", options.share_while_reading));
  }
  if (options.quiet_after < absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        absl::StrCat("quiet time after reads must not be negative, got ",
                     absl::FormatDuration(options.quiet_after)));
  }
  return absl::OkStatus();
}

WriteBudget::WriteBudget(Options options, std::function<absl::Time()> now)
    : options_(options), now_(std::move(now)) {}

void WriteBudget::ReadStarted() { reads_in_flight_.fetch_add(1, std::memory_order_relaxed); }

void WriteBudget::ReadFinished() {
  const int64_t now = absl::ToUnixNanos(now_());
  // The latest end wins, whatever order concurrent reads finish in.
  int64_t ended = last_read_ended_nanos_.load(std::memory_order_relaxed);
  while (ended < now &&
         !last_read_ended_nanos_.compare_exchange_weak(ended, now, std::memory_order_relaxed)) {
  }
  reads_in_flight_.fetch_sub(1, std::memory_order_relaxed);
}

bool WriteBudget::Reading(absl::Time now) const {
  if (reads_in_flight_.load(std::memory_order_relaxed) > 0) return true;
  const int64_t ended = last_read_ended_nanos_.load(std::memory_order_relaxed);
  return ended != std::numeric_limits<int64_t>::min() &&
         now - absl::FromUnixNanos(ended) < options_.quiet_after;
}

void WriteBudget::ChargeWrite(absl::Duration cpu) {
  if (options_.share_while_reading >= 1 || cpu <= absl::ZeroDuration()) return;
  const absl::Time now = now_();
  std::lock_guard<std::mutex> lock(mu_);
  if (!Reading(now)) return;
  // c of work earns c * (1 - s) / s of rest: work over work and rest is s.
  const double rest_per_work = (1 - options_.share_while_reading) / options_.share_while_reading;
  writes_allowed_from_ = std::max(writes_allowed_from_, now) + cpu * rest_per_work;
}

absl::Time WriteBudget::NextWriteAllowed() const {
  const absl::Time now = now_();
  std::lock_guard<std::mutex> lock(mu_);
  // Writes wait only while someone reads: with nobody to give the CPU to,
  // a pause would only slow the ingest.
  if (!Reading(now)) return absl::InfinitePast();
  return writes_allowed_from_;
}

}  // namespace docsearch::query
