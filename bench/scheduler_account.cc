#include "bench/scheduler_account.h"

#include <filesystem>
#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace docsearch::bench {

ProcessSchedule ReadProcessSchedule(pid_t pid) {
  ProcessSchedule schedule;
  std::error_code error;
  const std::filesystem::path tasks = absl::StrCat("/proc/", pid, "/task");
  for (const auto& entry : std::filesystem::directory_iterator(tasks, error)) {
    pid_t tid = 0;
    if (!absl::SimpleAtoi(entry.path().filename().string(), &tid)) continue;
    std::ifstream stat(entry.path() / "schedstat");
    std::ifstream comm(entry.path() / "comm");
    int64_t cpu_ns = 0, waiting_ns = 0, runs = 0;
    std::string name;
    if (!(stat >> cpu_ns >> waiting_ns >> runs) || !std::getline(comm, name)) continue;
    schedule.threads[tid] = {std::string(absl::StripAsciiWhitespace(name)),
                             ThreadSchedule{cpu_ns / 1e3, waiting_ns / 1e3, runs}};
  }
  return schedule;
}

std::map<std::string, ThreadSchedule> ScheduleDifference(const ProcessSchedule& before,
                                                         const ProcessSchedule& after) {
  std::map<std::string, ThreadSchedule> by_name;
  for (const auto& [tid, named] : after.threads) {
    auto found = before.threads.find(tid);
    const ThreadSchedule& a = named.second;
    // A thread started between the readings counts from its start.
    static const ThreadSchedule kNotYetStarted;
    const ThreadSchedule& b = found == before.threads.end() ? kNotYetStarted : found->second.second;
    for (ThreadSchedule* sum : {&by_name[named.first], &by_name["all"]}) {
      sum->cpu_us += a.cpu_us - b.cpu_us;
      sum->waiting_us += a.waiting_us - b.waiting_us;
      sum->runs += a.runs - b.runs;
    }
  }
  return by_name;
}

}  // namespace docsearch::bench
