// query_service: holds the in-memory index and answers IndexService (writes
// from the ingest service) and QueryService (searches) over gRPC.
#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "common/first_message_watch.h"
#include "common/grpc_server.h"
#include "common/health_service.h"
#include "common/log.h"
#include "common/log_format_flag.h"
#include "common/metrics_server.h"
#include "common/request_id.h"
#include "common/response_memory_budget.h"
#include "common/rpc_metrics.h"
#include "common/server_security_flags.h"
#include "common/service_allocator.h"
#include "query_service/cluster_roles.h"
#include "query_service/compare/document_vectors.h"
#include "query_service/compare/duplicate_cluster_index.h"
#include "query_service/compare/passage_index.h"
#include "query_service/index/annex_set.h"
#include "query_service/index/version_history.h"
#include "query_service/search/search_index.h"
#include "query_service/server/index_service_impl.h"
#include "query_service/server/query_metrics.h"
#include "query_service/server/query_service_impl.h"
#include "query_service/server/shard_comparison_service_impl.h"
#include "query_service/server/shard_service_impl.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/log_recovery.h"
#include "query_service/storage/restore.h"
#include "query_service/storage/snapshotter.h"
#include "query_service/storage/write_ahead_log.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50052", "host:port to serve on (port 0 picks one)");
ABSL_FLAG(std::string, data_dir, "",
          "folder for the write-ahead log and snapshots; empty keeps everything in memory only");
ABSL_FLAG(int64_t, snapshot_log_bytes, int64_t{64} << 20,
          "take a snapshot once this many log bytes were written since the last one (bounds "
          "recovery time and disk use; 0 disables)");
ABSL_FLAG(absl::Duration, snapshot_interval, absl::ZeroDuration(),
          "also take a snapshot when this long has passed and anything was written (0 disables)");
ABSL_FLAG(std::string, wal_recovery, "strict",
          "what start-up does when a write-ahead log is damaged and intact records follow the "
          "damage (acknowledged writes, not a torn tail): strict refuses to start and changes "
          "nothing; point_in_time recovers the writes before the damage and sets the rest aside; "
          "skip_corrupted recovers every intact record and skips the damaged bytes. Both "
          "alternatives keep the damaged file aside first (docs/RELIABILITY.md)");
ABSL_FLAG(std::string, restore_from, "",
          "before starting, fill the empty --data_dir from this backup folder (docsearch "
          "backup DIR), after checking every file against its MANIFEST");
ABSL_FLAG(std::string, port_file, "", "write the bound port here once serving (for tests)");
ABSL_FLAG(int, max_page_size, 1000, "largest Search page_size accepted");
ABSL_FLAG(int, max_facets, 16, "most facets one Search may ask for");
ABSL_FLAG(int, max_message_bytes, 64 << 20, "largest request message accepted, in bytes");
ABSL_FLAG(absl::Duration, first_message_timeout, absl::Seconds(30),
          "an IndexService.Write stream that sends no batch within this of opening is ended "
          "DEADLINE_EXCEEDED (a stream that has sent one is never ended for being idle); 0 "
          "turns it off");
ABSL_FLAG(int64_t, max_response_memory_bytes, int64_t{256} << 20,
          "memory that unary responses not yet read by their clients may hold (each counted "
          "twice its size: message and serialized copy); a response past it is "
          "RESOURCE_EXHAUSTED with retry advice; 0 turns the budget off");
ABSL_FLAG(int, max_query_depth, 16, "deepest nesting of bool queries");
ABSL_FLAG(int, max_query_clauses, 1024, "most clauses in one query");
ABSL_FLAG(int, max_query_terms, 64, "most words in one match or phrase query");
ABSL_FLAG(double, bm25_k1, 1.2, "BM25 term-frequency saturation");
ABSL_FLAG(double, bm25_b, 0.5, "BM25 length normalization");
ABSL_FLAG(double, title_boost, 2.0, "weight of title matches relative to body matches");
ABSL_FLAG(bool, boost_doubted_titles, false,
          "give --title_boost also to titles the parser doubted (warnings title_uncertain, "
          "title_from_html_title); by default their words weigh as body words");
ABSL_FLAG(bool, bm25f, true,
          "score a word over title and body as BM25F (frequencies combined, saturated once) "
          "instead of summing each field's BM25");
ABSL_FLAG(bool, accent_insensitive_stems, true,
          "in French, Spanish, Italian, Portuguese and Romanian, stem words without their "
          "accents so that \"securite\" finds \"sécurité\" and the reverse; false stems the "
          "accented word and folds only the stem (documents are re-analysed when the service "
          "starts, so changing it needs no rebuild of the data)");
ABSL_FLAG(double, proximity_boost, 0.25,
          "weight of adjacent word pairs of a query_string found adjacent in a document (0: off)");
ABSL_FLAG(double, acronym_boost, 0.75,
          "weight, per word, of the acronyms and long forms the documents define that a "
          "query_string's words are expanded to (0: off)");
ABSL_FLAG(double, cross_language_boost, 0.2,
          "weight of the equivalents in the other language (English/French) of a "
          "query_string's words, so that documents on the query in the other language rank "
          "after those in its own (0: off)");
ABSL_FLAG(double, other_language_weight, 0.5,
          "what a query word found in a document labelled with another language than the "
          "query's counts, as a fraction of its score in the query's language (1: the same)");
ABSL_FLAG(double, function_word_weight, 0.5,
          "what a function word of the query's language (\"de\", \"du\", \"the\") counts "
          "in a match, as a fraction of its weight (1: as any word; 0: not scored)");
ABSL_FLAG(bool, proximity_skip_function_words, true,
          "make no adjacent pair of a query_string with a function word of its language "
          "(\"de\", \"du\", \"of\", \"the\"), unless all its words are function words");
ABSL_FLAG(int, seal_documents, 4096,
          "documents added before their postings are sealed into a segment (searched and held "
          "once, not per index copy); smaller keeps less held twice, larger makes fewer merges");
ABSL_FLAG(int, merge_factor, 8,
          "the most adjacent segments one background merge takes; the index keeps at most "
          "3 + ceil(log_{2 x this}(documents / seal_documents)) segments (below 2: never merge)");
ABSL_FLAG(int, write_threads, 4,
          "threads that apply Write batches, below the searches' priority (see --write_nice); "
          "several, so that concurrent streams share log syncs (0: on gRPC's threads, at the "
          "searches' priority)");
ABSL_FLAG(int, write_nice, 5,
          "how much nicer (Linux nice increment, 0-19) the Write threads run than the searches: "
          "under load searches get the CPU first; idle cores still run writes at full speed");
ABSL_FLAG(double, write_share_while_reading, 0.1,
          "while searches, document reads or comparisons are being answered (or ended less than "
          "5 ms ago), the Write threads between them use at most this share of one core, in "
          "(0, 1]; the rest of the time they run at full speed (1: no limit; needs "
          "--write_threads > 0)");
ABSL_FLAG(bool, set_tallies, true,
          "CompareSets from per-document tallies kept at indexing (fast; ~5 KB more memory per "
          "document); false: analyze the sampled documents per request (~1 s)");
ABSL_FLAG(int, max_versions, docsearch::query::kDefaultMaxVersions,
          "versions kept per document id, the current one included, when an id is written again "
          "with new content (ListVersions, CompareVersions); the oldest is dropped first");
ABSL_FLAG(bool, passage_reuse, true,
          "fingerprint every paragraph (and sentence windows of long ones) at indexing for "
          "FindPassageReuse (~1 KB more memory per 10-paragraph document); false: "
          "FindPassageReuse answers FAILED_PRECONDITION");
ABSL_FLAG(bool, duplicate_clusters, true,
          "keep near-duplicate clusters up to date on ingest for FindNearDuplicates and "
          "Search's collapse_duplicates (~1 KB more memory per document); false: they are "
          "built per call (slower)");
ABSL_FLAG(double, duplicate_resemblance, docsearch::query::compare::kDefaultDuplicateResemblance,
          "lowest MinHash resemblance of word shingles that makes two documents near-copies, "
          "in (0, 1]");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(5),
          "how long calls in flight may finish after SIGTERM");
// Cluster mode (docs/SCALING.md); without --nats the service is a single node.
ABSL_FLAG(std::string, nats, "",
          "cluster mode: NATS URLs (comma-separated, e.g. nats://127.0.0.1:4222); the shards' "
          "JetStream streams are the log of record and the cluster map lives there");
ABSL_FLAG(std::string, role, "replica",
          "with --nats: replica (serves --shards, following their streams) or coordinator "
          "(holds no documents; answers QueryService from the replicas)");
ABSL_FLAG(std::string, shards, "", "with --nats, a replica's shards, e.g. 0,1");
ABSL_FLAG(std::string, advertise, "",
          "with --nats, the host:port coordinators reach this replica at (default "
          "127.0.0.1:<bound port>)");
ABSL_FLAG(int, stream_replicas, 3,
          "with --nats, JetStream replicas of the cluster map buckets when this process creates "
          "them (3 for three NATS servers; 1 for one)");
ABSL_FLAG(std::string, shard_replicas, "",
          "coordinator: fixed replicas (0=host:port,host:port;1=host:port) instead of the "
          "cluster map");
ABSL_FLAG(int, statistics_cache_entries, 4096,
          "coordinator: searches whose shard statistics are remembered, so that repeating one "
          "skips the statistics round trip (the shards check them); 0 turns it off");
ABSL_FLAG(absl::Duration, shard_attempt_timeout, absl::Seconds(2),
          "coordinator: longest wait for one replica before trying the next of its shard");

namespace docsearch::query {
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
  // Memory of large responses goes back to the system once they are sent
  // (service_allocator.h): forty unread 16 MB responses once left the
  // process 1 GB larger after their connections closed.
  ConfigureServiceAllocator(FreeMemoryRelease::kAtOnce);
#ifdef NDEBUG
  // Abseil checks every Mutex acquisition for lock-order cycles when it was
  // compiled without NDEBUG, as Debian compiles it: a global lock and a
  // graph update on each of the dozens of gRPC locks a call takes, 1-2% of
  // the server's CPU in a profile of one-at-a-time Searches. Debug builds of
  // ours (the tests) keep the check.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
#endif
  ClusterFlags cluster_flags;
  cluster_flags.nats = absl::GetFlag(FLAGS_nats);
  cluster_flags.role = absl::GetFlag(FLAGS_role);
  cluster_flags.shards = absl::GetFlag(FLAGS_shards);
  cluster_flags.stream_replicas = absl::GetFlag(FLAGS_stream_replicas);
  cluster_flags.shard_replicas = absl::GetFlag(FLAGS_shard_replicas);
  cluster_flags.attempt_timeout = absl::GetFlag(FLAGS_shard_attempt_timeout);
  cluster_flags.max_facet_size = absl::GetFlag(FLAGS_max_page_size);
  cluster_flags.statistics_cache_entries =
      std::max(0, absl::GetFlag(FLAGS_statistics_cache_entries));
  cluster_flags.shutdown_grace = absl::GetFlag(FLAGS_shutdown_grace);
  if (cluster_flags.role != "replica" && cluster_flags.role != "coordinator") {
    LogError(absl::StrCat("--role must be replica or coordinator, not '", cluster_flags.role, "'"));
    return 2;
  }
  if (cluster_flags.role == "coordinator") {
    GrpcServerConfig config;
    config.listen_address = absl::GetFlag(FLAGS_listen);
    config.port_file = absl::GetFlag(FLAGS_port_file);
    config.max_receive_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
    if (absl::Status flags = ApplyServerSecurityFlags({"docsearch.v1.IndexService"},
                                                      {"docsearch.v1.QueryService"}, config);
        !flags.ok()) {
      LogError(flags.ToString());
      return 2;
    }
    return RunCoordinator(cluster_flags, config);
  }
  SearchOptions options;
  options.max_page_size = absl::GetFlag(FLAGS_max_page_size);
  options.max_facets = absl::GetFlag(FLAGS_max_facets);
  options.query_limits.max_depth = absl::GetFlag(FLAGS_max_query_depth);
  options.query_limits.max_clauses = absl::GetFlag(FLAGS_max_query_clauses);
  options.query_limits.max_terms = absl::GetFlag(FLAGS_max_query_terms);
  options.scoring.k1 = static_cast<float>(absl::GetFlag(FLAGS_bm25_k1));
  options.scoring.b = static_cast<float>(absl::GetFlag(FLAGS_bm25_b));
  options.scoring.title_boost = static_cast<float>(absl::GetFlag(FLAGS_title_boost));
  options.scoring.boost_doubted_titles = absl::GetFlag(FLAGS_boost_doubted_titles);
  options.scoring.bm25f = absl::GetFlag(FLAGS_bm25f);
  options.analysis.accent_insensitive_stems = absl::GetFlag(FLAGS_accent_insensitive_stems);
  options.scoring.proximity_boost = static_cast<float>(absl::GetFlag(FLAGS_proximity_boost));
  options.scoring.cross_language_boost =
      static_cast<float>(absl::GetFlag(FLAGS_cross_language_boost));
  options.scoring.acronym_boost = static_cast<float>(absl::GetFlag(FLAGS_acronym_boost));
  options.scoring.other_language_weight =
      static_cast<float>(absl::GetFlag(FLAGS_other_language_weight));
  options.scoring.function_word_weight =
      static_cast<float>(absl::GetFlag(FLAGS_function_word_weight));
  if (!(options.scoring.function_word_weight >= 0 && options.scoring.function_word_weight <= 1)) {
    LogError("--function_word_weight must be in [0, 1]");
    return 1;
  }
  options.scoring.proximity_skips_function_words =
      absl::GetFlag(FLAGS_proximity_skip_function_words);
  if (!(options.scoring.other_language_weight > 0 && options.scoring.other_language_weight <= 1)) {
    LogError("--other_language_weight must be in (0, 1]");
    return 1;
  }
  if (absl::GetFlag(FLAGS_seal_documents) < 1) {
    LogError("--seal_documents must be at least 1");
    return 1;
  }
  options.segments.seal_documents = static_cast<uint32_t>(absl::GetFlag(FLAGS_seal_documents));
  options.segments.factor = static_cast<size_t>(std::max(0, absl::GetFlag(FLAGS_merge_factor)));

  absl::StatusOr<WalRecoveryMode> wal_recovery =
      ParseWalRecoveryMode(absl::GetFlag(FLAGS_wal_recovery));
  if (!wal_recovery.ok()) {
    LogError(std::string(wal_recovery.status().message()));
    return 2;
  }

  // Metrics (--metrics_listen): one registry, handed to what records into it.
  auto registry = std::make_shared<prometheus::Registry>();
  RpcMetrics rpc_metrics(*registry);
  QueryMetrics query_metrics(*registry);
  options.on_merge = [&query_metrics](double seconds) { query_metrics.ObserveMerge(seconds); };

  SearchIndex index(options);
  // Before the log replay, so every document is tallied (and every version
  // recorded) once as it loads.
  if (absl::GetFlag(FLAGS_max_versions) < 1) {
    LogError("--max_versions must be at least 1 (1 keeps no earlier version)");
    return 2;
  }
  std::vector<AnnexSet::Factory> annexes = {
      VersionHistory::Factory(absl::GetFlag(FLAGS_max_versions))};
  if (absl::GetFlag(FLAGS_set_tallies)) annexes.push_back(compare::DocumentVectors::Factory());
  if (absl::GetFlag(FLAGS_passage_reuse)) annexes.push_back(compare::PassageIndex::Factory());
  const double duplicate_resemblance = absl::GetFlag(FLAGS_duplicate_resemblance);
  if (!(duplicate_resemblance > 0 && duplicate_resemblance <= 1)) {
    LogError("--duplicate_resemblance must be in (0, 1]");
    return 2;
  }
  if (absl::GetFlag(FLAGS_duplicate_clusters)) {
    annexes.push_back(compare::DuplicateClusterIndex::Factory(duplicate_resemblance));
  }
  index.AttachAnnex(AnnexSet::Of(std::move(annexes)));
  Indexer indexer(&index, nullptr);
  std::atomic<bool> ready{false};
  // Declared before the services: their writer threads use it until they
  // are joined.
  WriteBudget::Options write_budget_options;
  write_budget_options.share_while_reading = absl::GetFlag(FLAGS_write_share_while_reading);
  if (absl::Status valid = WriteBudget::Validate(write_budget_options); !valid.ok()) {
    LogError(absl::StrCat("--write_share_while_reading: ", valid.message()));
    return 2;
  }
  WriteBudget write_budget(write_budget_options, [] { return absl::Now(); });
  write_budget.set_pause_observer(
      [&query_metrics](absl::Duration waited) { query_metrics.ObserveWritePause(waited); });
  IndexServiceImpl index_service(&indexer, &ready);
  FirstMessageWatch first_message_watch(absl::GetFlag(FLAGS_first_message_timeout));
  index_service.set_first_message_watch(&first_message_watch);
  if (absl::GetFlag(FLAGS_write_threads) > 0) {
    index_service.set_background_writers(absl::GetFlag(FLAGS_write_threads),
                                         std::clamp(absl::GetFlag(FLAGS_write_nice), 0, 19),
                                         &write_budget);
  }
  QueryServiceImpl query_service(&index, &ready);
  query_service.set_write_budget(&write_budget);
  query_service.set_metrics(&query_metrics);
  ResponseMemoryBudget response_budget(absl::GetFlag(FLAGS_max_response_memory_bytes));
  query_service.set_response_budget(&response_budget);
  // Set before `ready` in cluster mode; the shard service serves once its
  // shards have caught up.
  std::unique_ptr<ReplicaRole> replica;
  ShardServiceImpl shard_service(
      &index,
      [&ready, &replica] { return ready.load() && (replica == nullptr || replica->caught_up()); },
      [&replica](uint32_t shard, uint64_t sequence, absl::Time deadline) {
        return replica == nullptr ? absl::OkStatus()
                                  : replica->WaitForApplied(shard, sequence, deadline);
      });
  ShardComparisonServiceImpl shard_comparisons(&index, [&ready, &replica] {
    return ready.load() && (replica == nullptr || replica->caught_up());
  });
  if (!cluster_flags.nats.empty()) {
    index_service.set_read_only(
        "this query service is a replica in cluster mode: it takes writes from its shards' "
        "streams only; write through the ingest service (--nats)");
  }
  HealthService health({"docsearch.v1.IndexService", "docsearch.v1.QueryService"});

  // Serve first, so that health answers NOT_SERVING (and the services
  // UNAVAILABLE) while the log is replayed.
  GrpcServerConfig config;
  config.listen_address = absl::GetFlag(FLAGS_listen);
  config.port_file = absl::GetFlag(FLAGS_port_file);
  config.max_receive_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  // --tls_cert/--tls_key, --auth_token_file, --auth_reads, --max_concurrent_streams.
  if (absl::Status flags = ApplyServerSecurityFlags({"docsearch.v1.IndexService"},
                                                    {"docsearch.v1.QueryService"}, config);
      !flags.ok()) {
    LogError(flags.ToString());
    return 2;
  }
  config.interceptors = [&rpc_metrics] {
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> list;
    list.push_back(rpc_metrics.MakeInterceptorFactory());
    list.push_back(MakeRequestIdInterceptorFactory());
    return list;
  };
  absl::StatusOr<std::unique_ptr<GrpcServer>> server = GrpcServer::Start(
      config, {&index_service, &query_service, &shard_service, &shard_comparisons}, &health);
  if (!server.ok()) {
    LogError(server.status().ToString());
    return 1;
  }

  const std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  RecoveryReport report;
  std::unique_ptr<WriteAheadLog> log;
  std::unique_ptr<Snapshotter> snapshotter;
  if (const std::string backup = absl::GetFlag(FLAGS_restore_from); !backup.empty()) {
    if (data_dir.empty()) {
      LogError("--restore_from needs --data_dir: the folder to restore into");
      (*server)->Shutdown(absl::ZeroDuration());
      return 2;
    }
    absl::StatusOr<BackupManifest> restored = RestoreDataDir(backup, data_dir);
    if (!restored.ok()) {
      LogError(absl::StrCat("cannot restore from ", backup, ": ", restored.status().ToString()));
      (*server)->Shutdown(absl::ZeroDuration());
      return 1;
    }
    LogInfo(absl::StrCat("restored ", data_dir, " from ", backup, ": snapshot generation ",
                         restored->snapshot_generation, " (", restored->document_count,
                         " documents) and ", restored->files.size() - 1,
                         " logs, every file matching its MANIFEST"));
  }
  if (data_dir.empty()) {
    LogWarning("--data_dir is empty: memory only, nothing survives a restart");
  } else {
    absl::StatusOr<std::unique_ptr<WriteAheadLog>> opened =
        RecoverDataDir(data_dir, &indexer, &report, *wal_recovery);
    if (!opened.ok()) {
      LogError(absl::StrCat("cannot recover from ", data_dir, ": ", opened.status().ToString()));
      (*server)->Shutdown(absl::ZeroDuration());
      return 1;
    }
    log = *std::move(opened);
    query_metrics.set_wal_baseline(log->appended_bytes());
    log->set_sync_observer([&query_metrics](double seconds, int64_t records) {
      query_metrics.ObserveFsync(seconds, records);
    });
    SnapshotterOptions snapshot_options;
    snapshot_options.log_bytes = absl::GetFlag(FLAGS_snapshot_log_bytes);
    snapshot_options.interval = absl::GetFlag(FLAGS_snapshot_interval);
    snapshotter = std::make_unique<Snapshotter>(data_dir, &indexer, &index, log.get(),
                                                snapshot_options, report.snapshot_generation);
    snapshotter->set_observer(
        [&query_metrics](const SnapshotReport& taken) { query_metrics.ObserveSnapshot(taken); });
    indexer.AttachLog(log.get(), [s = snapshotter.get()] { s->NotifyLogGrew(); });
    // From the first write the log cannot make durable (directory removed,
    // disk error) on, the server is not one to send writes to.
    log->SetFailureHandler([&health](const absl::Status& failure) {
      LogError(absl::StrCat("health NOT_SERVING, every write refused: ", failure.message()));
      health.SetServing(false);
    });
    snapshotter->Start();
  }
  query_service.set_recovery(report, snapshotter.get());
  index_service.set_storage(snapshotter.get(), data_dir);
  absl::StatusOr<std::unique_ptr<MetricsServer>> metrics_server = MetricsServer::StartFromFlags(
      registry, [&query_metrics, &index, wal = log.get(), snapshots = snapshotter.get()] {
        query_metrics.Refresh(index, wal, snapshots);
      });
  if (!metrics_server.ok()) {
    LogError(metrics_server.status().ToString());
    (*server)->Shutdown(absl::ZeroDuration());
    return 2;
  }
  if (!cluster_flags.nats.empty()) {
    std::string advertise = absl::GetFlag(FLAGS_advertise);
    if (advertise.empty()) advertise = absl::StrCat("127.0.0.1:", (*server)->port());
    absl::StatusOr<std::unique_ptr<ReplicaRole>> joined =
        ReplicaRole::Open(cluster_flags, &indexer, data_dir, advertise);
    if (!joined.ok()) {
      LogError(absl::StrCat("cannot join the cluster: ", joined.status().ToString()));
      (*server)->Shutdown(absl::ZeroDuration());
      return absl::IsInvalidArgument(joined.status()) ? 2 : 1;
    }
    replica = *std::move(joined);
    LogInfo(replica->Describe());
  }
  ready.store(true);
  if (replica != nullptr) replica->Start();
  health.SetServing(log == nullptr || log->CheckStorage().ok());
  // Notices a data directory removed while no write comes (writes check it
  // themselves, before acknowledging).
  absl::Notification stop_watching;
  std::thread storage_watch([&log, &stop_watching] {
    while (log != nullptr && !stop_watching.WaitForNotificationWithTimeout(absl::Seconds(1))) {
      log->CheckStorage().IgnoreError();
    }
  });
  const std::string recovery =
      data_dir.empty()
          ? std::string("nothing (memory only)")
          : absl::StrFormat(
                "snapshot generation %d (%d documents, %d damaged snapshots skipped), %d records "
                "from %d log files, %d torn bytes cut, %d unfinished snapshot files removed, "
                "%.3fs; --wal_recovery=%s: %d intact records dropped, %d damaged bytes skipped, "
                "kept aside: %s",
                report.snapshot_generation, report.snapshot_documents, report.snapshots_skipped,
                report.records_replayed, report.log_files_replayed, report.bytes_truncated,
                report.temporary_files_removed, report.seconds, WalRecoveryModeName(*wal_recovery),
                report.records_dropped, report.damaged_bytes_skipped,
                report.kept_aside.empty() ? "nothing" : absl::StrJoin(report.kept_aside, ", "));
  LogInfo(absl::StrFormat(
      "serving on port %d listen=%s data_dir=%s recovered: %s; documents=%d "
      "snapshot_log_bytes=%d max_page_size=%d max_message_bytes=%d bm25_k1=%.2f bm25_b=%.2f "
      "title_boost=%.2f bm25f=%d seal_documents=%d merge_factor=%d write_threads=%d "
      "write_nice=%d write_share_while_reading=%.2f allocator=%s",
      (*server)->port(), config.listen_address,
      data_dir.empty() ? "\"\" (memory only: nothing survives a restart)" : data_dir, recovery,
      index.Stats().document_count(), absl::GetFlag(FLAGS_snapshot_log_bytes),
      options.max_page_size, config.max_receive_message_bytes, options.scoring.k1,
      options.scoring.b, options.scoring.title_boost, options.scoring.bm25f,
      options.segments.seal_documents, options.segments.factor, absl::GetFlag(FLAGS_write_threads),
      absl::GetFlag(FLAGS_write_nice), absl::GetFlag(FLAGS_write_share_while_reading),
      ServiceAllocatorName()));

  int signal_number = WaitForTerminationSignal();
  LogInfo(absl::StrCat("signal ", signal_number, ": draining"));
  index_service.BeginShutdown();
  // First out of the cluster map, so coordinators stop sending searches.
  if (replica != nullptr) replica->Stop();
  metrics_server->reset();  // Its scrapes read the index, the log and the snapshotter.
  (*server)->Shutdown(absl::GetFlag(FLAGS_shutdown_grace));
  stop_watching.Notify();
  storage_watch.join();
  if (log != nullptr) {
    if (absl::Status storage = log->CheckStorage(); !storage.ok()) {
      // Nothing more can be made durable here: say what a restart will find.
      snapshotter->Stop();
      LogError(absl::StrCat("stopped WITHOUT a snapshot: ", storage.message(),
                            ". Writes since the failure were refused; a restart recovers only what "
                            "is on disk in ",
                            data_dir, " now"));
      return 3;
    }
  }
  if (snapshotter != nullptr) {
    // No write is in flight any more: a last snapshot makes the next start
    // load it instead of replaying the log.
    snapshotter->Stop();
    if (snapshotter->LogBytesSinceSnapshot() > 0) {
      if (absl::StatusOr<SnapshotReport> last = snapshotter->TakeSnapshot(); !last.ok()) {
        LogWarning(absl::StrCat("no snapshot at shutdown (the log has everything): ",
                                last.status().ToString()));
      }
    }
  }
  LogInfo("stopped");
  return 0;
}

}  // namespace
}  // namespace docsearch::query

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Serves the docsearch index: IndexService (writes) and QueryService (search).\n"
      "  query_service --listen=127.0.0.1:50052 --data_dir=/var/lib/docsearch");
  absl::ParseCommandLine(argc, argv);
  return docsearch::query::Run();
}
