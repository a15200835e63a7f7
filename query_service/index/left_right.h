// Two copies of a structure so that readers never wait for a writer: the
// Left-Right technique (Ramalhete and Correia, 2013).
//
// Readers read whichever copy is current without taking any lock: they only
// announce themselves on a read indicator (an atomic counter). A writer
// applies its change to the copy no reader is using, makes that copy the
// current one, waits until the readers still on the old copy have left, and
// applies the same change to the old copy. So:
// - a read never waits for a write, however long the write takes (the old
//   design's exclusive lock made searches queue behind every document
//   written, and for 0.2 s behind the store's dictionary training);
// - a read sees one state from start to end (its copy does not change under
//   it) and every write that returned before it started;
// - a write waits for the reads that started before it, so writes are slower
//   when searches are long;
// - memory and the cost of applying a change are doubled. The costly part of
//   indexing, analysis, is done once by the caller and applied twice.
//
// The change is a function called once per copy; it must do the same thing
// to both (given the same input, the structure's writes are deterministic),
// and its first call's result is returned.
//
// Thread safety: Read from any thread; Write from any thread, writers are
// serialized here. A Read must not call Write (it would wait for itself).
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_LEFT_RIGHT_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_LEFT_RIGHT_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <utility>

#include "absl/time/clock.h"

namespace docsearch::query {

template <typename T>
class LeftRight {
 public:
  LeftRight() = default;
  LeftRight(const LeftRight&) = delete;
  LeftRight& operator=(const LeftRight&) = delete;

  // Runs `read(const T&)` on the current copy and returns its result.
  template <typename F>
  auto Read(F&& read) const {
    const int version = version_.load(std::memory_order_seq_cst);
    readers_[version].count.fetch_add(1, std::memory_order_seq_cst);
    struct Depart {
      std::atomic<int64_t>* count;
      ~Depart() { count->fetch_sub(1, std::memory_order_seq_cst); }
    } depart{&readers_[version].count};
    return read(static_cast<const T&>(copies_[current_.load(std::memory_order_seq_cst)]));
  }

  // Applies `change(T&)` to both copies (see above) and returns the result of
  // its first call (it must return a value). When it returns, every Read that starts sees the
  // change.
  template <typename F>
  auto Write(F&& change) {
    std::lock_guard<std::mutex> lock(writer_mu_);
    const int current = current_.load(std::memory_order_seq_cst);
    // No reader is on the other copy: the previous Write waited for them.
    auto result = change(copies_[1 - current]);
    current_.store(1 - current, std::memory_order_seq_cst);
    WaitForReadersOfTheOldCopy();
    // The same change, so the same result (a status included): the first
    // one speaks for both.
    static_cast<void>(change(copies_[current]));
    return result;
  }

 private:
  // A read indicator on its own cache line, so readers arriving on one do
  // not slow the other's.
  struct alignas(64) ReadIndicator {
    std::atomic<int64_t> count{0};
  };

  // Returns once no reader can still be on the copy that was current before
  // the switch. Such a reader arrived on the version's indicator before or
  // just after the switch; so: wait for the other indicator to drain of
  // stragglers from the previous write, send new readers to it, then wait
  // for the indicator the old readers used.
  void WaitForReadersOfTheOldCopy() {
    const int previous = version_.load(std::memory_order_seq_cst);
    WaitUntilEmpty(readers_[1 - previous]);
    version_.store(1 - previous, std::memory_order_seq_cst);
    WaitUntilEmpty(readers_[previous]);
  }

  static void WaitUntilEmpty(const ReadIndicator& indicator) {
    // Searches take from microseconds to milliseconds: spin briefly, then
    // sleep in short steps rather than burn a core a search needs.
    for (int spins = 0; indicator.count.load(std::memory_order_seq_cst) != 0; ++spins) {
      if (spins < 64) {
        std::this_thread::yield();
      } else {
        absl::SleepFor(absl::Microseconds(50));
      }
    }
  }

  std::array<T, 2> copies_;
  // The copy new readers read.
  std::atomic<int> current_{0};
  // The read indicator new readers arrive on.
  std::atomic<int> version_{0};
  mutable std::array<ReadIndicator, 2> readers_;
  // A std::mutex rather than absl::Mutex: ThreadSanitizer cannot see
  // Debian's absl::Mutex (see reader_writer_lock.h).
  std::mutex writer_mu_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_LEFT_RIGHT_H_
