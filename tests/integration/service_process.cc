#include "tests/integration/service_process.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"

extern char** environ;

namespace docsearch::testing {

absl::StatusOr<ServiceProcess> ServiceProcess::Start(
    const std::string& binary, std::vector<std::string> arguments, const std::string& work_dir,
    std::shared_ptr<grpc::ChannelCredentials> credentials) {
  static std::atomic<int> counter{0};
  const std::string port_file = absl::StrCat(
      work_dir, "/", std::filesystem::path(binary).filename().string(), "-", counter++, ".port");
  std::filesystem::remove(port_file);
  arguments.insert(arguments.begin(), binary);
  arguments.push_back("--port_file=" + port_file);
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, binary.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
    return absl::InternalError(absl::StrCat("cannot start ", binary));
  }
  ServiceProcess process(pid, 0);
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (absl::Now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      process.pid_ = -1;
      return absl::InternalError(absl::StrCat(binary, " exited during start-up, status ", status));
    }
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) {
      process.port_ = port;
      break;
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  if (process.port_ == 0) {
    return absl::DeadlineExceededError(absl::StrCat(binary, " did not report a port"));
  }
  // Listening is not ready: wait until health says SERVING (after recovery).
  if (credentials == nullptr) credentials = grpc::InsecureChannelCredentials();
  auto health =
      grpc::health::v1::Health::NewStub(grpc::CreateChannel(process.address(), credentials));
  while (absl::Now() < deadline) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(1)));
    grpc::health::v1::HealthCheckResponse response;
    if (health->Check(&context, {}, &response).ok() &&
        response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      return process;
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return absl::DeadlineExceededError(absl::StrCat(binary, " never reported SERVING"));
}

ServiceProcess::ServiceProcess(ServiceProcess&& other) noexcept
    : pid_(other.pid_), port_(other.port_) {
  other.pid_ = -1;
}

ServiceProcess& ServiceProcess::operator=(ServiceProcess&& other) noexcept {
  if (this != &other) {
    if (pid_ > 0) Stop(SIGKILL, absl::Seconds(10)).IgnoreError();
    pid_ = other.pid_;
    port_ = other.port_;
    other.pid_ = -1;
  }
  return *this;
}

ServiceProcess::~ServiceProcess() {
  if (pid_ > 0) Stop(SIGKILL, absl::Seconds(10)).IgnoreError();
}

absl::StatusOr<int> ServiceProcess::Stop(int signal, absl::Duration timeout) {
  if (pid_ <= 0) return absl::FailedPreconditionError("not running");
  kill(pid_, signal);
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return status;
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  return absl::DeadlineExceededError("the process did not exit in time");
}

}  // namespace docsearch::testing
