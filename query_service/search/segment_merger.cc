#include "query_service/search/segment_merger.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/log.h"
#include "query_service/search/background_thread.h"

namespace docsearch::query {
namespace {

// How much nicer than the process the merge thread runs. Merges are work
// nobody waits for; at nice +10 a busy core gives a search thread about nine
// times the merge's share (1024 against 110 in the kernel's weights),
// and an idle core still runs the merge at full speed.
constexpr int kMergeNiceIncrement = 10;

}  // namespace

SegmentMerger::SegmentMerger(LeftRight<IndexData>& data, ReaderWriterLock& writer_mu,
                             const MergePolicy& policy,
                             std::function<void(double seconds)> on_merge)
    : data_(data), writer_mu_(writer_mu), policy_(policy), on_merge_(std::move(on_merge)) {
  thread_ = std::thread([this] { MergeLoop(); });
}

SegmentMerger::~SegmentMerger() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cancel_.store(true);
  cv_.notify_all();
  thread_.join();
}

void SegmentMerger::RequestMerge() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    requested_ = true;
  }
  cv_.notify_all();
}

void SegmentMerger::WaitForMerges() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return stopping_ || (!requested_ && !merging_); });
}

void SegmentMerger::MergeLoop() {
  if (absl::Status background = MakeCurrentThreadBackground("docsearch-merge", kMergeNiceIncrement);
      !background.ok()) {
    LogError(std::string(background.message()));
  }
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    cv_.wait(lock, [&] { return stopping_ || requested_; });
    if (stopping_) return;
    requested_ = false;
    merging_ = true;
    lock.unlock();
    // One merge can make the next one due (a level fills up).
    bool merged = true;
    while (merged) {
      const absl::Time merge_started = absl::Now();
      merged = MergeOnce();
      if (merged && on_merge_) on_merge_(absl::ToDoubleSeconds(absl::Now() - merge_started));
      lock.lock();
      const bool stop = stopping_;
      lock.unlock();
      if (stop) break;
    }
    lock.lock();
    merging_ = false;
    cv_.notify_all();
  }
}

bool SegmentMerger::MergeOnce() {
  std::optional<MergeRun> pick;
  std::vector<std::shared_ptr<const Segment>> run;
  MergeDocuments documents;
  data_.Read([&](const IndexData& data) {
    pick = PickMerge(data.segments(), data.segment_live(), policy_);
    if (!pick.has_value()) return 0;
    const auto first = data.segments().begin() + static_cast<std::ptrdiff_t>(pick->begin);
    run.assign(first, first + static_cast<std::ptrdiff_t>(pick->count));
    const DocId begin = run.front()->first_doc;
    const DocId end = run.back()->end_doc;
    documents.first_doc = begin;
    documents.live.assign(data.live().begin() + begin, data.live().begin() + end);
    documents.title_lengths.assign(data.title().lengths.begin() + begin,
                                   data.title().lengths.begin() + end);
    documents.body_lengths.assign(data.body().lengths.begin() + begin,
                                  data.body().lengths.begin() + end);
    return 0;
  });
  if (!pick.has_value()) return false;
  // The costly part, with no lock held: searches and writes go on.
  std::shared_ptr<const Segment> merged = MergeSegments(run, documents, &cancel_);
  if (merged == nullptr) return false;  // Shutting down.
  WriterGuard writer(&writer_mu_);
  return data_.Write([&](IndexData& data) {
    // The run is still where it was read (only this thread removes
    // segments, and seals only append); checked all the same, since
    // replacing another range would lose postings. Documents that died
    // meanwhile keep their postings in `merged`; readers skip them as
    // before.
    for (size_t i = 0; i < run.size(); ++i) {
      if (pick->begin + i >= data.segments().size() || data.segments()[pick->begin + i] != run[i]) {
        return false;
      }
    }
    data.ReplaceSegments(pick->begin, pick->count, merged);
    return true;
  });
}

}  // namespace docsearch::query
