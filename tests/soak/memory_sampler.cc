#include "tests/soak/memory_sampler.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/soak/process_memory.h"

namespace docsearch::testing {

MemorySampler::MemorySampler(std::vector<pid_t> pids, IndexFiguresFunction index_figures,
                             absl::Duration period)
    : pids_(std::move(pids)), index_figures_(std::move(index_figures)), period_(period) {}

MemorySampler::~MemorySampler() { Stop(); }

void MemorySampler::Start() {
  const absl::Time start = absl::Now();
  TakeSample(start);
  thread_ = std::thread([this, start] {
    // Sample on a fixed grid, so a slow sample does not shift the rest.
    for (int tick = 1; !stop_.WaitForNotificationWithTimeout(start + tick * period_ - absl::Now());
         ++tick) {
      TakeSample(start);
    }
  });
}

void MemorySampler::Stop() {
  if (!thread_.joinable()) return;
  stop_.Notify();
  thread_.join();
}

void MemorySampler::TakeSample(absl::Time start) {
  MemorySample sample;
  sample.elapsed = absl::Now() - start;
  std::string error;
  for (pid_t pid : pids_) {
    absl::StatusOr<int64_t> rss = ResidentBytes(pid);
    if (!rss.ok()) {
      error = absl::StrCat("pid ", pid, ": ", rss.status().ToString());
      break;
    }
    sample.rss_bytes.push_back(*rss);
  }
  if (error.empty()) {
    absl::StatusOr<IndexFigures> figures = index_figures_();
    if (figures.ok()) {
      sample.index = *figures;
    } else {
      error = absl::StrCat("index figures: ", figures.status().ToString());
    }
  }
  absl::MutexLock lock(&mu_);
  if (error.empty()) {
    samples_.push_back(std::move(sample));
  } else {
    errors_.push_back(absl::StrCat("at ", absl::FormatDuration(sample.elapsed), ": ", error));
  }
}

std::vector<MemorySample> MemorySampler::Samples() const {
  absl::MutexLock lock(&mu_);
  return samples_;
}

std::vector<std::string> MemorySampler::Errors() const {
  absl::MutexLock lock(&mu_);
  return errors_;
}

int64_t WindowMedian(const std::vector<MemorySample>& samples, absl::Duration from,
                     absl::Duration to, const std::function<int64_t(const MemorySample&)>& value) {
  std::vector<int64_t> values;
  for (const MemorySample& sample : samples) {
    if (sample.elapsed >= from && sample.elapsed < to) values.push_back(value(sample));
  }
  if (values.empty()) return -1;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace docsearch::testing
