// The threads that apply Write batches, at a lower scheduling priority than
// the threads that answer searches.
//
// Applying a batch (analysis, the index's two copies, the log's sync) is
// work a client waits for at batch granularity, a search at microsecond
// granularity. On gRPC's own threads the two shared the CPU equally, so a
// steady ingest cost searches a share of the cores; here the batches run on
// a few threads whose nice value is raised by `nice_increment` (Linux nice
// values are per thread), so on a busy machine the kernel runs searches
// first and writes take what is left, and on an idle one writes run at
// full speed. The threads are several so that batches of concurrent
// streams still share one log sync (the Indexer's group commit). With a
// WriteBudget (write_budget.h), a batch also waits while the writers have
// spent their share of the CPU and reads are going on.
//
// Thread safety: Run from any thread. The destructor runs the tasks still
// queued, then joins.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_BACKGROUND_WRITERS_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_BACKGROUND_WRITERS_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "query_service/server/write_budget.h"

namespace docsearch::query {

class BackgroundWriters {
 public:
  // Starts `threads` threads (at least one), named docsearch-write.
  // `budget` may be null (no budget) and is not owned.
  BackgroundWriters(int threads, int nice_increment, WriteBudget* budget = nullptr);
  ~BackgroundWriters();
  BackgroundWriters(const BackgroundWriters&) = delete;
  BackgroundWriters& operator=(const BackgroundWriters&) = delete;

  // Runs `task` on one of the threads, in the order given when a thread is
  // free.
  void Run(std::function<void()> task);

 private:
  void Loop(int nice_increment);
  // True when the budget lets the next task start now; otherwise waits on
  // cv_ a while (releasing `lock`) and returns false, to be asked again.
  bool WaitForBudget(std::unique_lock<std::mutex>& lock);

  WriteBudget* const budget_;

  std::mutex mu_;  // std::mutex, not absl::Mutex, so that TSan sees it.
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;  // Guarded by mu_.
  bool stopping_ = false;                    // Guarded by mu_.
  std::vector<std::thread> threads_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_BACKGROUND_WRITERS_H_
