// What the kernel's scheduler recorded for a process's threads
// (/proc/PID/task/*/schedstat and comm): time on a core, time runnable but
// waiting for one, and how many times each was put on a core, by thread
// name.
//
// Why: on a shared 2-core machine a latency difference between two RPCs can
// be work (CPU), waiting for a core (run queue) or more thread hand-offs;
// the scheduler's own counters tell them apart where a stopwatch cannot.
#ifndef DOCSEARCH_BENCH_SCHEDULER_ACCOUNT_H_
#define DOCSEARCH_BENCH_SCHEDULER_ACCOUNT_H_

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>

namespace docsearch::bench {

struct ThreadSchedule {
  double cpu_us = 0;      // On a core.
  double waiting_us = 0;  // Runnable, waiting for a core.
  int64_t runs = 0;       // Times put on a core (each wake-up is one).
};

// Per thread id, with the thread's name. Empty when /proc is unreadable.
struct ProcessSchedule {
  std::map<pid_t, std::pair<std::string, ThreadSchedule>> threads;
};

ProcessSchedule ReadProcessSchedule(pid_t pid);

// `after` minus `before` per thread name, and the sum under the name
// "all". A thread only in `after` counts from its start (all of its
// counters); a thread only in `before` (it ended) drops out.
std::map<std::string, ThreadSchedule> ScheduleDifference(const ProcessSchedule& before,
                                                         const ProcessSchedule& after);

}  // namespace docsearch::bench

#endif  // DOCSEARCH_BENCH_SCHEDULER_ACCOUNT_H_
