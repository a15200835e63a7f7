// A real service binary run as a child process for integration tests.
//
// The process binds port 0 and reports its port through --port_file, so
// tests never collide on ports. Destruction kills the process (SIGKILL) if
// the test did not stop it.
#ifndef DOCSEARCH_TESTS_INTEGRATION_SERVICE_PROCESS_H_
#define DOCSEARCH_TESTS_INTEGRATION_SERVICE_PROCESS_H_

#include <grpcpp/security/credentials.h>
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace docsearch::testing {

class ServiceProcess {
 public:
  // Starts `binary` with `arguments` plus --port_file in `work_dir`, and
  // waits until the port file appears (the server is listening) and health
  // says SERVING, asked over `credentials` (null: plaintext; a TLS server
  // needs SslCredentials).
  static absl::StatusOr<ServiceProcess> Start(
      const std::string& binary, std::vector<std::string> arguments, const std::string& work_dir,
      std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

  ServiceProcess(ServiceProcess&& other) noexcept;
  ServiceProcess& operator=(ServiceProcess&& other) noexcept;
  ~ServiceProcess();

  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  // The child's process id (for /proc sampling), or -1 once it has exited.
  pid_t pid() const { return pid_; }

  // Sends `signal` and waits up to `timeout` for the exit; returns the exit
  // status as from waitpid, or DEADLINE_EXCEEDED.
  absl::StatusOr<int> Stop(int signal, absl::Duration timeout);

 private:
  ServiceProcess(pid_t pid, int port) : pid_(pid), port_(port) {}
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_INTEGRATION_SERVICE_PROCESS_H_
