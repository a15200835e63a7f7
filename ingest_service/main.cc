// ingest_service: parses raw documents and writes them to the query service,
// answering callers once the query service has acknowledged them.
#include <grpcpp/support/channel_arguments.h>

#include <algorithm>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "common/client_channel.h"
#include "common/first_message_watch.h"
#include "common/grpc_server.h"
#include "common/health_service.h"
#include "common/log.h"
#include "common/log_format_flag.h"
#include "common/metrics_server.h"
#include "common/request_id.h"
#include "common/rpc_metrics.h"
#include "common/secret_files.h"
#include "common/server_security_flags.h"
#include "common/service_allocator.h"
#include "ingest_service/index_writer_client.h"
#include "ingest_service/ingest_metrics.h"
#include "ingest_service/ingest_service_impl.h"
#include "ingest_service/jetstream_document_sink.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "host:port to serve on (port 0 picks one)");
ABSL_FLAG(std::string, query_service, "127.0.0.1:50052", "host:port of the query service");
ABSL_FLAG(std::string, query_service_tls_ca, "",
          "PEM root certificates to verify the query service with; turns TLS on for that "
          "connection");
ABSL_FLAG(std::string, query_service_token_file, "",
          "file holding the bearer token sent to the query service; default: this server's own "
          "token (--auth_token_file or DOCSEARCH_AUTH_TOKEN)");
ABSL_FLAG(std::string, port_file, "", "write the bound port here once serving (for tests)");
ABSL_FLAG(int64_t, max_document_bytes, 16 << 20,
          "largest raw document accepted (RESOURCE_EXHAUSTED beyond)");
ABSL_FLAG(int, max_message_bytes, 64 << 20, "largest request message accepted, in bytes");
ABSL_FLAG(absl::Duration, max_ingest_wait, absl::Seconds(30),
          "longest wait for the query service's acknowledgement when the caller set no deadline");
ABSL_FLAG(int, max_batch_documents, 256, "most documents per batch sent to the query service");
ABSL_FLAG(int64_t, max_queued_documents, 10000,
          "documents waiting for the query service before callers get RESOURCE_EXHAUSTED");
ABSL_FLAG(absl::Duration, first_message_timeout, absl::Seconds(30),
          "an IngestDocuments stream that sends no document within this of opening is ended "
          "DEADLINE_EXCEEDED (a stream that has sent one is never ended for being idle); 0 "
          "turns it off");
ABSL_FLAG(std::string, nats, "",
          "cluster mode: NATS URLs (comma-separated); documents are published to the shards' "
          "JetStream streams instead of written to --query_service (docs/SCALING.md)");
ABSL_FLAG(int, shards, 0,
          "with --nats: the cluster's shard count, fixed when the cluster is created (a "
          "different count than the cluster's is refused)");
ABSL_FLAG(int, stream_replicas, 3,
          "with --nats: JetStream replicas of each shard's stream when this creates it (3 for "
          "three NATS servers; 1 for one)");
ABSL_FLAG(bool, keep_raw, true,
          "keep each document's raw bytes (zstd) with it in the query service, so Reparse can "
          "parse them again with a later parser");
ABSL_FLAG(bool, title_from_html_title, true,
          "give an HTML page whose text has no title its <title>; turn off for archives whose "
          "<title> is the site's name on every page");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(5),
          "how long calls in flight may finish after SIGTERM");

namespace docsearch::ingest {
namespace {

int Run() {
  if (absl::Status format = ApplyLogFormatFlag(); !format.ok()) {
    LogError(format.ToString());
    return 2;
  }
  if (absl::Status blocked = BlockTerminationSignals(); !blocked.ok()) {
    LogError(blocked.ToString());
    return 1;
  }
  ConfigureServiceAllocator(FreeMemoryRelease::kGradually);
  GrpcServerConfig config;
  config.listen_address = absl::GetFlag(FLAGS_listen);
  config.port_file = absl::GetFlag(FLAGS_port_file);
  config.max_receive_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  // Every IngestService method writes (or, for ParseDocument, spends the
  // server's CPU on the caller's behalf), so all of it is behind the token.
  if (absl::Status flags = ApplyServerSecurityFlags({"docsearch.v1.IngestService"}, {}, config);
      !flags.ok()) {
    LogError(flags.ToString());
    return 2;
  }

  // The connection to the query service: TLS when given a CA, and a token
  // (its own file, or the one this server accepts, which is what a
  // deployment sharing one token across both services wants).
  const std::string target = absl::GetFlag(FLAGS_query_service);
  ClientSecurity query_security;
  if (const std::string ca = absl::GetFlag(FLAGS_query_service_tls_ca); !ca.empty()) {
    absl::StatusOr<std::string> pem = ReadPemFile(ca, "query_service_tls_ca");
    if (!pem.ok()) {
      LogError(pem.status().ToString());
      return 2;
    }
    query_security.tls_root_pem = *std::move(pem);
  }
  query_security.token = config.auth_token;
  if (const std::string file = absl::GetFlag(FLAGS_query_service_token_file); !file.empty()) {
    absl::StatusOr<std::string> token = ReadTokenFile(file, "query_service_token_file");
    if (!token.ok()) {
      LogError(token.status().ToString());
      return 2;
    }
    query_security.token = *std::move(token);
  }
  grpc::ChannelArguments channel_arguments;
  channel_arguments.SetMaxSendMessageSize(absl::GetFlag(FLAGS_max_message_bytes));
  // Acknowledgements come from the query service on the one Write stream
  // every caller shares: a receive limit there could only break that stream
  // for everyone (an acknowledgement over gRPC's default 4 MiB did). Their
  // size is bounded where they are made instead (ids of at most 512 bytes,
  // truncated echoes, at most --max_batch_documents results).
  channel_arguments.SetMaxReceiveMessageSize(-1);
  // Reconnect quickly after the query service restarts; the writer adds its
  // own backoff with jitter on top.
  channel_arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  channel_arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  auto channel = MakeClientChannel(target, query_security, channel_arguments);

  // Metrics (--metrics_listen): one registry, handed to what records into it.
  auto registry = std::make_shared<prometheus::Registry>();
  RpcMetrics rpc_metrics(*registry);
  IngestMetrics ingest_metrics(*registry);
  config.interceptors = [&rpc_metrics] {
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> list;
    list.push_back(rpc_metrics.MakeInterceptorFactory());
    list.push_back(MakeRequestIdInterceptorFactory());
    return list;
  };

  IndexWriterOptions writer_options;
  writer_options.on_document_done = [&ingest_metrics](const absl::Status& outcome) {
    ingest_metrics.ObserveDocument(outcome);
  };
  writer_options.max_batch_documents = absl::GetFlag(FLAGS_max_batch_documents);
  writer_options.max_queued_documents =
      static_cast<size_t>(absl::GetFlag(FLAGS_max_queued_documents));
  // Single node: the query service's Write stream. Cluster mode: the
  // shards' JetStream streams.
  std::unique_ptr<IndexWriterClient> query_writer;
  std::unique_ptr<cluster::JetStream> jetstream;
  std::unique_ptr<JetStreamDocumentSink> cluster_writer;
  DocumentSink* writer = nullptr;
  const std::string nats = absl::GetFlag(FLAGS_nats);
  if (nats.empty()) {
    query_writer = std::make_unique<IndexWriterClient>(channel, writer_options);
    writer = query_writer.get();
  } else {
    absl::StatusOr<std::unique_ptr<cluster::JetStream>> opened =
        OpenClusterLog(nats, static_cast<uint32_t>(std::max(0, absl::GetFlag(FLAGS_shards))),
                       absl::GetFlag(FLAGS_stream_replicas));
    if (!opened.ok()) {
      LogError(absl::StrCat("cannot open the cluster's log: ", opened.status().ToString()));
      return absl::IsInvalidArgument(opened.status()) ? 2 : 1;
    }
    jetstream = *std::move(opened);
    JetStreamSinkOptions sink_options;
    sink_options.shard_count = static_cast<uint32_t>(absl::GetFlag(FLAGS_shards));
    sink_options.max_queued_documents = writer_options.max_queued_documents;
    sink_options.on_document_done = writer_options.on_document_done;
    cluster_writer = std::make_unique<JetStreamDocumentSink>(jetstream.get(), sink_options);
    writer = cluster_writer.get();
  }

  IngestServiceOptions options;
  options.parse.max_document_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_document_bytes));
  options.parse.title_from_html_title = absl::GetFlag(FLAGS_title_from_html_title);
  options.max_ingest_wait = absl::GetFlag(FLAGS_max_ingest_wait);
  options.keep_raw = absl::GetFlag(FLAGS_keep_raw);
  options.query_channel = channel;
  options.reparse_writer = query_writer.get();  // Null in cluster mode.
  FirstMessageWatch first_message_watch(absl::GetFlag(FLAGS_first_message_timeout));
  options.first_message_watch = &first_message_watch;
  IngestServiceImpl ingest_service(writer, options);
  HealthService health({"docsearch.v1.IngestService"});

  absl::StatusOr<std::unique_ptr<GrpcServer>> server =
      GrpcServer::Start(config, {&ingest_service}, &health);
  if (!server.ok()) {
    LogError(server.status().ToString());
    return 1;
  }
  absl::StatusOr<std::unique_ptr<MetricsServer>> metrics_server =
      MetricsServer::StartFromFlags(registry, [&ingest_metrics, &query_writer, &cluster_writer] {
        IndexWriterState state;
        if (query_writer != nullptr) state = query_writer->State();
        if (cluster_writer != nullptr) state.queued_documents = cluster_writer->queued();
        ingest_metrics.Refresh(state);
      });
  if (!metrics_server.ok()) {
    LogError(metrics_server.status().ToString());
    (*server)->Shutdown(absl::ZeroDuration());
    return 2;
  }
  // Serving does not wait for the query service: calls made while it is
  // away are retried until their deadline, which is the contract.
  health.SetServing(true);
  LogInfo(absl::StrFormat(
      "serving on port %d listen=%s query_service=%s nats=%s shards=%d max_document_bytes=%d "
      "max_message_bytes=%d "
      "max_ingest_wait=%s max_batch_documents=%d max_queued_documents=%d "
      "query_service_tls=%s query_service_token=%s keep_raw=%v title_from_html_title=%v "
      "allocator=%s",
      (*server)->port(), config.listen_address, nats.empty() ? target : "(unused: cluster mode)",
      nats.empty() ? "\"\"" : nats, absl::GetFlag(FLAGS_shards), options.parse.max_document_bytes,
      config.max_receive_message_bytes, absl::FormatDuration(options.max_ingest_wait),
      writer_options.max_batch_documents, writer_options.max_queued_documents,
      query_security.tls_root_pem.empty() ? "off" : "on",
      query_security.token.empty() ? "none" : "set", options.keep_raw,
      options.parse.title_from_html_title, ServiceAllocatorName()));

  int signal_number = WaitForTerminationSignal();
  LogInfo(absl::StrCat("signal ", signal_number, ": draining"));
  // Open IngestDocuments streams stop reading and answer with the results
  // of what they read; calls in flight get their acknowledgements during the
  // grace period; then the writer answers what is left with UNAVAILABLE.
  ingest_service.BeginShutdown();
  (*server)->Shutdown(absl::GetFlag(FLAGS_shutdown_grace));
  if (query_writer != nullptr) query_writer->Shutdown();
  if (cluster_writer != nullptr) cluster_writer->Shutdown();
  metrics_server->reset();
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
