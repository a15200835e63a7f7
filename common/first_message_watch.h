// Ends streaming calls that do not send their first request message in
// time.
//
// Why: a client can open a call (HTTP/2 HEADERS) and send nothing. gRPC
// has no per-call idle limit, connection idleness does not count a
// connection with an open call as idle, and keepalive only catches peers
// that stop answering pings, so such a call holds a stream, a reactor and
// its slot under --max_concurrent_streams for as long as the client likes.
// A stream that has received a message is in use (the ingest service's
// long-lived IndexService.Write stream, a long CLI ingest) and is never
// ended by the watch.
//
// Usage: Watch() when the reactor starts, with a callback that ends the
// call; Received() when the first message arrives; Forget() in OnDone
// before deleting the reactor. The callback runs on the watch's thread,
// under its lock, so Forget() returning means it is not running and never
// will: the reactor may then be deleted.
#ifndef DOCSEARCH_COMMON_FIRST_MESSAGE_WATCH_H_
#define DOCSEARCH_COMMON_FIRST_MESSAGE_WATCH_H_

#include <cstdint>
#include <functional>
#include <map>
#include <thread>
#include <utility>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace docsearch {

class FirstMessageWatch {
 public:
  // A zero or negative `timeout` watches nothing (Watch returns 0).
  explicit FirstMessageWatch(absl::Duration timeout);
  ~FirstMessageWatch();
  FirstMessageWatch(const FirstMessageWatch&) = delete;
  FirstMessageWatch& operator=(const FirstMessageWatch&) = delete;

  absl::Duration timeout() const { return timeout_; }

  // Starts watching a call; `end` is called once if neither Received nor
  // Forget is called within the timeout. Returns the call's ticket.
  uint64_t Watch(std::function<void()> end);
  // The call's first message arrived (or it ended): stop watching it.
  void Received(uint64_t ticket) { Forget(ticket); }
  void Forget(uint64_t ticket);

 private:
  void Run();

  const absl::Duration timeout_;
  absl::Mutex mu_;
  // Deadline and ticket → end callback; ordered so the first is due first.
  std::map<std::pair<absl::Time, uint64_t>, std::function<void()>> watched_ ABSL_GUARDED_BY(mu_);
  std::map<uint64_t, absl::Time> deadlines_ ABSL_GUARDED_BY(mu_);
  uint64_t next_ticket_ ABSL_GUARDED_BY(mu_) = 1;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_FIRST_MESSAGE_WATCH_H_
