// A query_service binary started by a benchmark: memory only, on an
// ephemeral loopback port, its output in a log file, stopped (SIGTERM, then
// SIGKILL after 10 s) when the object goes away, so no early return of a
// benchmark can leave a server running.
#ifndef DOCSEARCH_BENCH_QUERY_SERVICE_PROCESS_H_
#define DOCSEARCH_BENCH_QUERY_SERVICE_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"

namespace docsearch::bench {

class QueryServiceProcess {
 public:
  // Starts `binary` with --listen=127.0.0.1:0 and no data directory and
  // waits (up to 30 s) for the port it writes. The log goes to a fresh
  // directory under /tmp named after `name`.
  static absl::StatusOr<std::unique_ptr<QueryServiceProcess>> Start(const std::string& binary,
                                                                    const std::string& name);
  ~QueryServiceProcess();
  QueryServiceProcess(const QueryServiceProcess&) = delete;
  QueryServiceProcess& operator=(const QueryServiceProcess&) = delete;

  // "127.0.0.1:PORT".
  std::string address() const;
  pid_t pid() const { return pid_; }
  // The server's VmRSS in MiB (0 when unreadable).
  double RssMiB() const;
  // Where the server's stdout and stderr go.
  const std::string& log_file() const { return log_file_; }

 private:
  QueryServiceProcess(pid_t pid, int port, std::string log_file)
      : pid_(pid), port_(port), log_file_(std::move(log_file)) {}

  pid_t pid_;
  int port_;
  std::string log_file_;
};

}  // namespace docsearch::bench

#endif  // DOCSEARCH_BENCH_QUERY_SERVICE_PROCESS_H_
