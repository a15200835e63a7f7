#include "query_service/server/background_writers.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>

#include "absl/time/time.h"
#include "common/log.h"
#include "query_service/search/background_thread.h"

namespace docsearch::query {

namespace {

// How often a paused writer looks again whether reads have stopped, which
// ends its pause early.
constexpr absl::Duration kBudgetPoll = absl::Milliseconds(10);

absl::Duration ThreadCpuTime() {
  timespec spent{};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spent) != 0) return absl::ZeroDuration();
  return absl::DurationFromTimespec(spent);
}

}  // namespace

BackgroundWriters::BackgroundWriters(int threads, int nice_increment, WriteBudget* budget)
    : budget_(budget) {
  for (int i = 0; i < std::max(1, threads); ++i) {
    threads_.emplace_back([this, nice_increment] { Loop(nice_increment); });
  }
}

BackgroundWriters::~BackgroundWriters() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void BackgroundWriters::Run(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    tasks_.push_back(std::move(task));
  }
  cv_.notify_one();
}

void BackgroundWriters::Loop(int nice_increment) {
  if (absl::Status background = MakeCurrentThreadBackground("docsearch-write", nice_increment);
      !background.ok()) {
    LogError(std::string(background.message()));
  }
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    cv_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
    // Queued tasks run even when stopping: each one holds a stream that
    // must still be answered or ended.
    if (tasks_.empty()) return;
    if (!WaitForBudget(lock)) continue;
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    const absl::Duration cpu_before = ThreadCpuTime();
    task();
    if (budget_ != nullptr) budget_->ChargeWrite(ThreadCpuTime() - cpu_before);
    lock.lock();
  }
}

bool BackgroundWriters::WaitForBudget(std::unique_lock<std::mutex>& lock) {
  // A stopping service finishes its queue at once: its clients wait.
  if (budget_ == nullptr || stopping_) return true;
  const absl::Time now = absl::Now();
  const absl::Time allowed = budget_->NextWriteAllowed();
  if (allowed <= now) return true;
  cv_.wait_for(lock, absl::ToChronoMilliseconds(std::min(allowed - now, kBudgetPoll)) +
                         std::chrono::milliseconds(1));
  budget_->RecordPause(absl::Now() - now);
  return false;
}

}  // namespace docsearch::query
