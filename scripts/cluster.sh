#!/usr/bin/env bash
# A docsearch cluster on this machine, on loopback (docs/SCALING.md):
# three nats-server processes forming one JetStream cluster (the log of
# record and the cluster map, every stream and bucket on 3 servers), two
# shards with two query_service replicas each, a coordinator and the ingest
# service in cluster mode.
#
#   scripts/cluster.sh up      start it all; prints the addresses
#   scripts/cluster.sh down    stop it all (the data stays in $CLUSTER_DIR)
#   scripts/cluster.sh status  which processes run
#
# Environment: CLUSTER_DIR (state, logs and data; default
# /tmp/docsearch-cluster), DOCSEARCH_BIN (a build folder; default
# build/release, built when missing), COORDINATOR_PORT (50062),
# INGEST_PORT (50061), NATS_PORT (4222: servers on 4222..4224, routes on
# 6222..6224), SHARDS (2), REPLICAS (2 per shard).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${CLUSTER_DIR:-/tmp/docsearch-cluster}
bin=${DOCSEARCH_BIN:-build/release}
coordinator_port=${COORDINATOR_PORT:-50062}
ingest_port=${INGEST_PORT:-50061}
nats_port=${NATS_PORT:-4222}
route_port=$((nats_port + 2000))
shards=${SHARDS:-2}
replicas=${REPLICAS:-2}

wait_for_file() {
  for _ in $(seq 1 300); do [[ -s "$1" ]] && return 0; sleep 0.1; done
  echo "cluster: $1 did not appear (see the logs in $dir)" >&2
  return 1
}

wait_for_port() {
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "cluster: nothing listens on port $1 (see the logs in $dir)" >&2
  return 1
}

# Starts a process in the background, its pid in $dir/pids (one per line,
# in start order) and its output in $dir/<name>.log.
start() {
  local name=$1
  shift
  "$@" >"$dir/$name.log" 2>&1 &
  echo "$! $name" >>"$dir/pids"
}

up() {
  if [[ -s "$dir/pids" ]]; then
    echo "cluster: already up (scripts/cluster.sh down first); state in $dir" >&2
    exit 1
  fi
  command -v nats-server >/dev/null || { echo "cluster: no nats-server; run scripts/setup.sh" >&2; exit 1; }
  if [[ ! -x "$bin/query_service/query_service" || ! -x "$bin/ingest_service/ingest_service" ]]; then
    cmake --preset release -DDOCSEARCH_BUILD_TESTS=OFF >/dev/null
    cmake --build --preset release --target query_service ingest_service docsearch
    bin=build/release
  fi
  mkdir -p "$dir"
  : >"$dir/pids"
  local nats_urls=() routes=()
  for i in 0 1 2; do
    nats_urls+=("nats://127.0.0.1:$((nats_port + i))")
    routes+=("nats://127.0.0.1:$((route_port + i))")
  done
  local urls routes_list
  urls=$(IFS=,; echo "${nats_urls[*]}")
  routes_list=$(IFS=,; echo "${routes[*]}")
  echo "== 3 nats-server processes (JetStream cluster) on ports $nats_port..$((nats_port + 2))"
  for i in 0 1 2; do
    start "nats$i" nats-server -js -a 127.0.0.1 -p $((nats_port + i)) -n "docsearch-nats-$i" \
      -sd "$dir/nats$i" --cluster_name docsearch --cluster "nats://127.0.0.1:$((route_port + i))" \
      --routes "$routes_list"
  done
  for i in 0 1 2; do wait_for_port $((nats_port + i)); done
  echo "== ingest service (cluster mode, $shards shards, 3 JetStream replicas per stream)"
  start ingest "$bin/ingest_service/ingest_service" --listen="127.0.0.1:$ingest_port" \
    --port_file="$dir/ingest.port" --nats="$urls" --shards="$shards" --stream_replicas=3
  wait_for_file "$dir/ingest.port"
  echo "== $shards shards x $replicas query_service replicas"
  for ((shard = 0; shard < shards; shard++)); do
    for ((r = 0; r < replicas; r++)); do
      start "replica-$shard-$r" "$bin/query_service/query_service" --listen=127.0.0.1:0 \
        --port_file="$dir/replica-$shard-$r.port" --data_dir="$dir/replica-$shard-$r" \
        --nats="$urls" --shards="$shard" --stream_replicas=3
    done
  done
  for ((shard = 0; shard < shards; shard++)); do
    for ((r = 0; r < replicas; r++)); do wait_for_file "$dir/replica-$shard-$r.port"; done
  done
  echo "== coordinator"
  start coordinator "$bin/query_service/query_service" --role=coordinator \
    --listen="127.0.0.1:$coordinator_port" --port_file="$dir/coordinator.port" --nats="$urls" \
    --stream_replicas=3
  wait_for_file "$dir/coordinator.port"
  echo
  echo "coordinator (QueryService):  127.0.0.1:$(cat "$dir/coordinator.port")"
  echo "ingest service:              127.0.0.1:$(cat "$dir/ingest.port")"
  echo "NATS:                        $urls"
  echo "logs and data:               $dir"
  echo
  echo "  $bin/cli/docsearch --ingest_service=127.0.0.1:$(cat "$dir/ingest.port") ingest samples"
  echo "  $bin/cli/docsearch --query_service=127.0.0.1:$(cat "$dir/coordinator.port") search terrorism"
}

down() {
  if [[ ! -s "$dir/pids" ]]; then
    echo "cluster: not up (no $dir/pids)"
    return 0
  fi
  # The reverse of the start order: coordinator, replicas, ingest, NATS.
  tac "$dir/pids" | while read -r pid name; do
    if kill -TERM "$pid" 2>/dev/null; then
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      echo "stopped $name ($pid)"
    fi
  done
  : >"$dir/pids"
  rm -f "$dir"/*.port
}

status() {
  [[ -s "$dir/pids" ]] || { echo "cluster: not up"; return 0; }
  while read -r pid name; do
    if kill -0 "$pid" 2>/dev/null; then echo "running  $name ($pid)"; else echo "EXITED   $name ($pid)"; fi
  done <"$dir/pids"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: scripts/cluster.sh up|down|status" >&2; exit 2 ;;
esac
