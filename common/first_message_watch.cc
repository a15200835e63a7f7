#include "common/first_message_watch.h"

namespace docsearch {

FirstMessageWatch::FirstMessageWatch(absl::Duration timeout) : timeout_(timeout) {
  if (timeout_ > absl::ZeroDuration()) thread_ = std::thread([this] { Run(); });
}

FirstMessageWatch::~FirstMessageWatch() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

uint64_t FirstMessageWatch::Watch(std::function<void()> end) {
  if (timeout_ <= absl::ZeroDuration()) return 0;
  absl::MutexLock lock(&mu_);
  const uint64_t ticket = next_ticket_++;
  const absl::Time deadline = absl::Now() + timeout_;
  watched_.emplace(std::make_pair(deadline, ticket), std::move(end));
  deadlines_.emplace(ticket, deadline);
  return ticket;
}

void FirstMessageWatch::Forget(uint64_t ticket) {
  if (ticket == 0) return;
  absl::MutexLock lock(&mu_);
  auto found = deadlines_.find(ticket);
  if (found == deadlines_.end()) return;
  watched_.erase(std::make_pair(found->second, ticket));
  deadlines_.erase(found);
}

void FirstMessageWatch::Run() {
  absl::MutexLock lock(&mu_);
  while (!stopping_) {
    const absl::Time now = absl::Now();
    while (!watched_.empty() && watched_.begin()->first.first <= now) {
      auto due = watched_.begin();
      // Under the lock: Forget (from OnDone) waits, so the reactor the
      // callback ends is still alive.
      due->second();
      deadlines_.erase(due->first.second);
      watched_.erase(due);
    }
    // Every call is watched for the same time, so a call added while this
    // waits is due no earlier than the first one now.
    const absl::Time wake = watched_.empty() ? now + timeout_ : watched_.begin()->first.first;
    mu_.AwaitWithDeadline(absl::Condition(&stopping_), wake);
  }
}

}  // namespace docsearch
