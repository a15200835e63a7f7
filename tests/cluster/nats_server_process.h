// A real nats-server with JetStream, run as a child process for the cluster
// tests, on loopback ports chosen free at start (client and, in a cluster of
// several servers, route ports). Destruction kills it (SIGKILL).
#ifndef DOCSEARCH_TESTS_CLUSTER_NATS_SERVER_PROCESS_H_
#define DOCSEARCH_TESTS_CLUSTER_NATS_SERVER_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace docsearch::testing {

// A loopback TCP port free right now, chosen below the kernel's ephemeral
// range so that it stays free while its server is down.
int FreeLoopbackPort();

class NatsServerProcess {
 public:
  // One server: JetStream storage under `store_dir`, listening on
  // `client_port`; with `route_ports` (every server's, this one's at
  // `index`) a member of a JetStream cluster of those servers.
  static absl::StatusOr<NatsServerProcess> Start(const std::string& store_dir, int client_port,
                                                 const std::vector<int>& route_ports = {},
                                                 int index = 0);

  NatsServerProcess(NatsServerProcess&& other) noexcept;
  NatsServerProcess& operator=(NatsServerProcess&& other) noexcept;
  ~NatsServerProcess();

  std::string url() const { return "nats://127.0.0.1:" + std::to_string(client_port_); }
  int client_port() const { return client_port_; }

  // SIGKILL, and wait for the exit.
  void Kill();
  // SIGSTOP / SIGCONT: a server that holds its connections but answers
  // nothing (as one stuck or cut off by the network).
  void Pause();
  void Resume();

 private:
  NatsServerProcess(pid_t pid, int client_port) : pid_(pid), client_port_(client_port) {}
  pid_t pid_ = -1;
  int client_port_ = 0;
};

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_CLUSTER_NATS_SERVER_PROCESS_H_
