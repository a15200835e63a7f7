#!/usr/bin/env bash
# Ingest throughput through JetStream against one node with the write-ahead
# log, on the same generated documents, and the time a new replica takes to
# catch up with a shard's stream (docs/BENCHMARKS.md, "Cluster: ingest and
# catch-up"; docs/SCALING.md).
#
#   bench/cluster_ingest.sh [--docs N] [--bin DIR] [--work DIR]
#
# --docs       generated documents (bench/cluster_docs.py; default 20000)
# --bin        build folder with query_service, ingest_service and the CLI
#              (default build/release)
# --work       scratch folder (default /tmp/docsearch-cluster-ingest; wiped)
#
# Runs, one after the other on this machine's loopback:
#   1. one node: query_service --data_dir (write-ahead log) and the ingest
#      service; `docsearch ingest` of every document (one stream);
#   2. scripts/cluster.sh's topology (3 nats-server, 2 shards x 2 replicas,
#      the coordinator, the ingest service with --nats); the same ingest,
#      then the time until the coordinator counts every document (all
#      replicas applied);
#   3. a new replica of shard 0 with an empty --data_dir: the time from its
#      start to its "caught up" log line (it then serves).
# Ports: NATS on 24222..24224, the cluster's services on 52061/52062, the
# single node's on 52051/52052.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=20000
bin=build/release
work=/tmp/docsearch-cluster-ingest
while [[ $# -gt 0 ]]; do
  case $1 in
    --docs) docs=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "usage: bench/cluster_ingest.sh [--docs N] [--bin DIR] [--work DIR]" >&2; exit 2 ;;
  esac
done
for binary in query_service/query_service ingest_service/ingest_service cli/docsearch; do
  [[ -x "$bin/$binary" ]] || { echo "no $bin/$binary (cmake --build --preset release)" >&2; exit 1; }
done
corpus=../shared/corpus
[[ -d $corpus ]] || { echo "no corpus at $corpus" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  CLUSTER_DIR="$work/cluster" scripts/cluster.sh down >/dev/null 2>&1 || true
}
trap cleanup EXIT

wait_for_file() {
  for _ in $(seq 1 600); do [[ -s "$1" ]] && return 0; sleep 0.1; done
  echo "$1 did not appear" >&2
  return 1
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# The documents the query service at $1 counts (0 when it does not answer).
count_at() {
  "$bin/cli/docsearch" --query_service="$1" stats 2>/dev/null |
    awk '/^Documents +[0-9]/ && !found { gsub(",", "", $2); print $2; found = 1 } END { if (!found) print 0 }'
}
# `docsearch ingest` of every document into the ingest service at $1; prints
# the CLI's summary line.
ingest() {
  local summary
  summary=$("$bin/cli/docsearch" --deadline=4h --ingest_service="$1" ingest "$work/docs" |
    grep -E '^Ingested')
  echo "$summary"
  [[ ${summary//,/} == "Ingested $docs of $docs "* ]] || {
    echo "not every document ingested: $summary" >&2
    exit 1
  }
}
# Waits until the query service at $1 counts $docs documents (10 minutes at most).
wait_for_count() {
  for _ in $(seq 1 3000); do
    [[ $(count_at "$1") -ge $docs ]] && return 0
    sleep 0.2
  done
  echo "$1 never counted $docs documents" >&2
  exit 1
}

echo "== generating $docs documents"
python3 bench/cluster_docs.py --corpus "$corpus" --docs "$docs" --out "$work/docs"

echo "== one node with the write-ahead log"
"$bin/query_service/query_service" --listen=127.0.0.1:52052 --data_dir="$work/single" \
  --port_file="$work/single.port" >"$work/single.log" 2>&1 &
pids+=($!)
wait_for_file "$work/single.port"
# A stream keeps up to 512 documents outstanding; on a slow machine the last
# of them may wait longer than the default 30 s for the query service.
"$bin/ingest_service/ingest_service" --listen=127.0.0.1:52051 --query_service=127.0.0.1:52052 \
  --max_ingest_wait=30m --port_file="$work/single-ingest.port" >"$work/single-ingest.log" 2>&1 &
pids+=($!)
wait_for_file "$work/single-ingest.port"
line=$(ingest 127.0.0.1:52051)
echo "single node: $line"

echo "== cluster: 3 NATS servers, 2 shards x 2 replicas"
CLUSTER_DIR="$work/cluster" NATS_PORT=24222 COORDINATOR_PORT=52062 INGEST_PORT=52061 \
  DOCSEARCH_BIN="$bin" scripts/cluster.sh up >/dev/null
started=$(now)
line=$(ingest 127.0.0.1:52061)
echo "cluster: $line"
acknowledged=$(now)
wait_for_count 127.0.0.1:52062
echo "cluster: every document applied by the replicas $(elapsed "$started" "$(now)") s after the" \
  "ingest began ($(elapsed "$acknowledged" "$(now)") s after the last acknowledgement)"

echo "== a new replica of shard 0 catching up from an empty data folder"
urls=nats://127.0.0.1:24222,nats://127.0.0.1:24223,nats://127.0.0.1:24224
started=$(now)
"$bin/query_service/query_service" --listen=127.0.0.1:0 --data_dir="$work/new-replica" \
  --port_file="$work/new-replica.port" --nats="$urls" --shards=0 --stream_replicas=3 \
  >"$work/new-replica.log" 2>&1 &
pids+=($!)
wait_for_file "$work/new-replica.port"
replica=127.0.0.1:$(cat "$work/new-replica.port")
# The first document it shows marks the end of its start-up (recovery,
# NATS connection, consumer); the rest is applying the stream.
until [[ $(count_at "$replica") -gt 0 ]]; do sleep 0.05; done
first=$(now)
until grep -q 'shard 0: caught up at sequence' "$work/new-replica.log"; do sleep 0.05; done
done_at=$(now)
sequence=$(grep -o 'caught up at sequence [0-9]*' "$work/new-replica.log" | awk '{print $NF}')
applying=$(elapsed "$first" "$done_at")
echo "new replica: caught up with shard 0 ($sequence messages, $(count_at "$replica") documents) in" \
  "$(elapsed "$started" "$done_at") s from its start: $(elapsed "$started" "$first") s start-up," \
  "$applying s applying;" \
  "$(awk -v t="$applying" -v n="$sequence" 'BEGIN { printf "%.0f s per million messages applied (extrapolated)", t / n * 1e6 }')"
