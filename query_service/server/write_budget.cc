#include "query_service/server/write_budget.h"

#include <algorithm>
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

void WriteBudget::ReadStarted() {
  std::lock_guard<std::mutex> lock(mu_);
  ++reads_in_flight_;
}

void WriteBudget::ReadFinished() {
  const absl::Time now = now_();
  std::lock_guard<std::mutex> lock(mu_);
  --reads_in_flight_;
  last_read_ended_ = std::max(last_read_ended_, now);
}

bool WriteBudget::ReadingLocked(absl::Time now) const {
  return reads_in_flight_ > 0 || now - last_read_ended_ < options_.quiet_after;
}

void WriteBudget::ChargeWrite(absl::Duration cpu) {
  if (options_.share_while_reading >= 1 || cpu <= absl::ZeroDuration()) return;
  const absl::Time now = now_();
  std::lock_guard<std::mutex> lock(mu_);
  if (!ReadingLocked(now)) return;
  // c of work earns c * (1 - s) / s of rest: work over work and rest is s.
  const double rest_per_work = (1 - options_.share_while_reading) / options_.share_while_reading;
  writes_allowed_from_ = std::max(writes_allowed_from_, now) + cpu * rest_per_work;
}

absl::Time WriteBudget::NextWriteAllowed() const {
  const absl::Time now = now_();
  std::lock_guard<std::mutex> lock(mu_);
  // Writes wait only while someone reads: with nobody to give the CPU to,
  // a pause would only slow the ingest.
  if (!ReadingLocked(now)) return absl::InfinitePast();
  return writes_allowed_from_;
}

}  // namespace docsearch::query
