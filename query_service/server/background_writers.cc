#include "query_service/server/background_writers.h"

#include <algorithm>
#include <string>
#include <utility>

#include "common/log.h"
#include "query_service/search/background_thread.h"

namespace docsearch::query {

BackgroundWriters::BackgroundWriters(int threads, int nice_increment) {
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
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
}

}  // namespace docsearch::query
