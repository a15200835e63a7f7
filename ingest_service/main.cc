// ingest_service: parses raw documents and writes them to the query service,
// answering callers once the query service has acknowledged them.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "common/grpc_server.h"
#include "common/health_service.h"
#include "common/log.h"
#include "ingest_service/index_writer_client.h"
#include "ingest_service/ingest_service_impl.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "host:port to serve on (port 0 picks one)");
ABSL_FLAG(std::string, query_service, "127.0.0.1:50052", "host:port of the query service");
ABSL_FLAG(std::string, port_file, "", "write the bound port here once serving (for tests)");
ABSL_FLAG(int64_t, max_document_bytes, 16 << 20,
          "largest raw document accepted (RESOURCE_EXHAUSTED beyond)");
ABSL_FLAG(int, max_message_bytes, 64 << 20, "largest request message accepted, in bytes");
ABSL_FLAG(absl::Duration, max_ingest_wait, absl::Seconds(30),
          "longest wait for the query service's acknowledgement when the caller set no deadline");
ABSL_FLAG(int, max_batch_documents, 256, "most documents per batch sent to the query service");
ABSL_FLAG(int64_t, max_queued_documents, 10000,
          "documents waiting for the query service before callers get RESOURCE_EXHAUSTED");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(5),
          "how long calls in flight may finish after SIGTERM");

namespace docsearch::ingest {
namespace {

int Run() {
  if (absl::Status blocked = BlockTerminationSignals(); !blocked.ok()) {
    LogError(blocked.ToString());
    return 1;
  }
  const std::string target = absl::GetFlag(FLAGS_query_service);
  grpc::ChannelArguments channel_arguments;
  channel_arguments.SetMaxSendMessageSize(absl::GetFlag(FLAGS_max_message_bytes));
  // Reconnect quickly after the query service restarts; the writer adds its
  // own backoff with jitter on top.
  channel_arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  channel_arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  auto channel =
      grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), channel_arguments);

  IndexWriterOptions writer_options;
  writer_options.max_batch_documents = absl::GetFlag(FLAGS_max_batch_documents);
  writer_options.max_queued_documents =
      static_cast<size_t>(absl::GetFlag(FLAGS_max_queued_documents));
  IndexWriterClient writer(channel, writer_options);

  IngestServiceOptions options;
  options.parse.max_document_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_document_bytes));
  options.max_ingest_wait = absl::GetFlag(FLAGS_max_ingest_wait);
  IngestServiceImpl ingest_service(&writer, options);
  HealthService health({"docsearch.v1.IngestService"});

  GrpcServerConfig config;
  config.listen_address = absl::GetFlag(FLAGS_listen);
  config.port_file = absl::GetFlag(FLAGS_port_file);
  config.max_receive_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  absl::StatusOr<std::unique_ptr<GrpcServer>> server =
      GrpcServer::Start(config, {&ingest_service}, &health);
  if (!server.ok()) {
    LogError(server.status().ToString());
    return 1;
  }
  // Serving does not wait for the query service: calls made while it is
  // away are retried until their deadline, which is the contract.
  health.SetServing(true);
  LogInfo(absl::StrFormat(
      "serving on port %d listen=%s query_service=%s max_document_bytes=%d max_message_bytes=%d "
      "max_ingest_wait=%s max_batch_documents=%d max_queued_documents=%d",
      (*server)->port(), config.listen_address, target, options.parse.max_document_bytes,
      config.max_receive_message_bytes, absl::FormatDuration(options.max_ingest_wait),
      writer_options.max_batch_documents, writer_options.max_queued_documents));

  int signal_number = WaitForTerminationSignal();
  LogInfo(absl::StrCat("signal ", signal_number, ": draining"));
  // Calls in flight get their acknowledgements during the grace period;
  // then the writer answers what is left with UNAVAILABLE.
  (*server)->Shutdown(absl::GetFlag(FLAGS_shutdown_grace));
  writer.Shutdown();
  LogInfo("stopped");
  return 0;
}

}  // namespace
}  // namespace docsearch::ingest

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Parses raw documents and indexes them through the query service.\n"
      "  ingest_service --listen=127.0.0.1:50051 --query_service=127.0.0.1:50052");
  absl::ParseCommandLine(argc, argv);
  return docsearch::ingest::Run();
}
