#include "tests/cluster/nats_server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"

namespace docsearch::testing {
namespace {

sockaddr_in LoopbackAddress(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// Whether `operation` (connect or bind) on a fresh socket to 127.0.0.1:port
// succeeds; the socket is closed either way.
bool SucceedsOnLoopback(int port, int (*operation)(int, const sockaddr*, socklen_t)) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = LoopbackAddress(port);
  const bool succeeded =
      operation(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
  close(fd);
  return succeeded;
}

bool Connectable(int port) { return SucceedsOnLoopback(port, connect); }

bool BindableOnLoopback(int port) { return SucceedsOnLoopback(port, bind); }

}  // namespace

int FreeLoopbackPort() {
  // Below the kernel's ephemeral range: a port from that range, free when
  // chosen, can be taken while its server is down (a restart test kills one
  // for seconds) by any process binding port 0 or connecting out, and a
  // connect() probe to it can even connect to itself. Ports below the range
  // are handed out by no one but tests like this one.
  int ephemeral_low = 32768;
  if (std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range"); range) {
    range >> ephemeral_low;
  }
  const int low = 10000;
  const int high = std::max(low + 1000, ephemeral_low);
  absl::BitGen random;
  for (int attempt = 0; attempt < 200; ++attempt) {
    const int port = absl::Uniform(random, low, high);
    if (BindableOnLoopback(port)) return port;
  }
  // Nothing free below the range: fall back to one from the kernel.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = LoopbackAddress(0);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

absl::StatusOr<NatsServerProcess> NatsServerProcess::Start(const std::string& store_dir,
                                                           int client_port,
                                                           const std::vector<int>& route_ports,
                                                           int index) {
  std::vector<std::string> arguments = {"nats-server", "-js",
                                        "-a",          "127.0.0.1",
                                        "-p",          absl::StrCat(client_port),
                                        "-sd",         store_dir,
                                        "-n",          absl::StrCat("docsearch-test-nats-", index)};
  if (!route_ports.empty()) {
    std::vector<std::string> routes;
    for (int port : route_ports) routes.push_back(absl::StrCat("nats://127.0.0.1:", port));
    arguments.insert(arguments.end(), {"--cluster_name", "docsearch-test", "--cluster",
                                       absl::StrCat("nats://127.0.0.1:", route_ports[index]),
                                       "--routes", absl::StrJoin(routes, ",")});
  }
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  // The server's log goes beside its store, not into the test's output;
  // and the server dies with the test even when the test crashes.
  const std::string log_path = store_dir + ".log";
  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (log_fd >= 0) {
      dup2(log_fd, 1);
      dup2(log_fd, 2);
    }
    execvp("nats-server", argv.data());
    _exit(127);  // Not installed: the parent sees the exit.
  }
  NatsServerProcess process(pid, client_port);
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (absl::Now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      process.pid_ = -1;
      return absl::InternalError(absl::StrCat("nats-server exited during start-up, status ", status,
                                              " (port ", client_port, " taken?)"));
    }
    if (Connectable(client_port)) return process;
    absl::SleepFor(absl::Milliseconds(20));
  }
  return absl::DeadlineExceededError("nats-server did not listen within 20 s");
}

NatsServerProcess::NatsServerProcess(NatsServerProcess&& other) noexcept
    : pid_(other.pid_), client_port_(other.client_port_) {
  other.pid_ = -1;
}

NatsServerProcess& NatsServerProcess::operator=(NatsServerProcess&& other) noexcept {
  if (this != &other) {
    Kill();
    pid_ = other.pid_;
    client_port_ = other.client_port_;
    other.pid_ = -1;
  }
  return *this;
}

NatsServerProcess::~NatsServerProcess() { Kill(); }

void NatsServerProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

void NatsServerProcess::Pause() {
  if (pid_ > 0) kill(pid_, SIGSTOP);
}

void NatsServerProcess::Resume() {
  if (pid_ > 0) kill(pid_, SIGCONT);
}

}  // namespace docsearch::testing
