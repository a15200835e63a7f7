#!/usr/bin/env bash
# End-to-end test of the Docker image and docker-compose.yml, for real:
#
#   1. installs what it needs from Debian if missing (docker.io, docker-compose,
#      debootstrap) and starts a Docker engine by hand if none answers;
#   2. makes the base image debian:bookworm-slim with debootstrap if the engine
#      lacks it (no image registry needs to be reachable), caching the root
#      file system tarball so later runs import it in seconds;
#   3. `docker-compose up -d --build` with a temporary corpus of the two seed
#      documents, waits for the health checks and the one-shot loader, then
#      searches, ingests and searches again through the ports published on
#      127.0.0.1, restarts the query service and checks the index survived;
#   4. always `docker-compose down -v`, and stops the engine if it started it.
#
# Prints PASS/FAIL lines and "N passed, N failed"; exits 0 only if all passed,
# 77 (skip) if no Docker engine can be had (not root and none running).
#
#   5. the `cluster` profile (docs/SCALING.md) from the same image: three
#      NATS servers, the cluster's ingest service, 2 shards x 2 replicas and a
#      coordinator; waits for the loader, searches through the coordinator,
#      ingests through the cluster, then kills one replica of each shard
#      (searches go on), restarts them and kills the other two (the restarted
#      ones alone find every document), stops one NATS server (ingest goes
#      on) and checks every acknowledged document is found.
#
# Usage: scripts/docker_test.sh [--single | --cluster] [--engine-only | --stop-engine]
#                               [--keep-engine]
#   --single       the single-node stack only (steps 1-4)
#   --cluster      the cluster profile only (steps 1-2 and 5)
#   --engine-only  do steps 1-2, leave the engine running and print the
#                  DOCKER_HOST to use with docker-compose by hand
#   --stop-engine  stop an engine left running by --engine-only, and exit
#   --keep-engine  do not stop an engine this script started
#
# Environment:
#   DOCSEARCH_CACHE_DIR   cache (base image tarball, engine data) default
#                         ~/.cache/docsearch
#   DOCSEARCH_CLI         docsearch binary on the host to test the published
#                         ports with (default: build/release or build/dev's,
#                         else the image's own, run in the host's network)
#   DOCSEARCH_SEEDS_DIR   folder with the two seed documents (default
#                         samples/, else ../shared/corpus/seeds)
#   DOCSEARCH_DEBIAN_MIRROR  Debian mirror for debootstrap (default: the one
#                         configured in /etc/apt/sources.list*)
#   DOCKER_HOST           an engine to use instead of finding or starting one
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${DOCSEARCH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/docsearch}"
BASE_IMAGE="debian:bookworm-slim"
BASE_TARBALL="$CACHE/debian-bookworm-minbase.tar"
# Engine started by this script: data under the cache (so image layers, and
# with them the build, stay cached between runs), sockets under /run (short
# paths: unix socket names are limited to 108 bytes).
ENGINE_DATA="$CACHE/engine"
if [[ -z ${DOCSEARCH_CACHE_DIR:-} ]]; then
  ENGINE_RUN="/run/docsearch-docker"
else
  ENGINE_RUN="/run/docsearch-docker-$(printf '%s' "$CACHE" | md5sum | cut -c1-8)"
fi
ENGINE_SOCK="$ENGINE_RUN/docker.sock"
IMAGE="docsearch:e2e-test"
PROJECT="docsearch-e2e-$$"

ENGINE_ONLY=0
RUN_SINGLE=1
RUN_CLUSTER=1
KEEP_ENGINE=0
STOP_ENGINE=0
for arg in "$@"; do
  case "$arg" in
    --engine-only) ENGINE_ONLY=1; KEEP_ENGINE=1 ;;
    --single) RUN_CLUSTER=0 ;;
    --cluster) RUN_SINGLE=0 ;;
    --keep-engine) KEEP_ENGINE=1 ;;
    --stop-engine) STOP_ENGINE=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

passed=0
failed=0
started_engine=0
compose_up=0
WORK=""
T0=$SECONDS

log() { printf '[docker_test %4ds] %s\n' "$((SECONDS - T0))" "$*"; }
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
# Fatal: report and stop (the EXIT trap cleans up).
die() { fail "$*"; exit 1; }

summary() {
  echo "docker_test: $passed passed, $failed failed"
}

dc() { docker-compose -p "$PROJECT" -f "$ROOT/docker-compose.yml" "$@"; }

cleanup() {
  local rc=$?
  if [[ $compose_up == 1 ]]; then
    if [[ $failed -gt 0 || $rc -ne 0 ]]; then
      log "logs of the failed run:"
      dc --profile cluster logs --no-color --tail=60 2>&1 | sed 's/^/    /'
    fi
    log "docker-compose down -v"
    # The cluster profile named, so its containers and volumes go too.
    dc --profile cluster down -v --remove-orphans >/dev/null 2>&1 ||
      echo "warning: docker-compose down failed" >&2
  fi
  [[ -n $WORK ]] && rm -rf "$WORK"
  if [[ $started_engine == 1 && $KEEP_ENGINE == 0 ]]; then
    stop_engine
  fi
  if [[ $ENGINE_ONLY == 0 ]]; then
    summary
    log "total $((SECONDS - T0)) s"
  fi
  if [[ $rc -eq 0 && $failed -gt 0 ]]; then rc=1; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. Tools and engine ------------------------------------------------------

apt_install() {
  if [[ $(id -u) != 0 ]]; then
    echo "missing: $* (run as root, or install them: apt-get install $*)" >&2
    return 1
  fi
  log "apt-get install $*"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; then
    apt-get update -q >/dev/null && \
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
  fi
}

ensure_tools() {
  local missing=()
  # docker.io brings dockerd, containerd, runc, docker-init (tini) and the
  # client; iptables is what dockerd sets up its networks with.
  command -v dockerd >/dev/null && command -v containerd >/dev/null &&
    command -v runc >/dev/null && command -v docker >/dev/null || missing+=(docker.io)
  command -v iptables >/dev/null || missing+=(iptables)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if [[ ${#missing[@]} -gt 0 ]]; then
    apt_install "${missing[@]}" || return 1
  fi
  return 0
}

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

stop_engine() {
  local pid
  pid="$(cat "$ENGINE_RUN/dockerd.pid" 2>/dev/null)" || return 0
  # Only the engine this script started (the pid file may be stale).
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == dockerd ]] || return 0
  log "stopping the Docker engine (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "warning: dockerd $pid did not stop in 30 s" >&2
}

ensure_engine() {
  if [[ -n ${DOCKER_HOST:-} ]]; then
    engine_answers && { log "using the engine at DOCKER_HOST=$DOCKER_HOST"; return 0; }
    echo "DOCKER_HOST=$DOCKER_HOST does not answer" >&2
    return 1
  fi
  if engine_answers; then
    log "using the default Docker engine"
    return 0
  fi
  export DOCKER_HOST="unix://$ENGINE_SOCK"
  if engine_answers; then
    log "using the engine left running at $DOCKER_HOST"
    return 0
  fi
  if [[ $(id -u) != 0 ]]; then
    echo "no Docker engine answers and only root can start one here" >&2
    return 77
  fi
  mkdir -p "$ENGINE_DATA" "$ENGINE_RUN"
  log "starting a Docker engine: $DOCKER_HOST (data in $ENGINE_DATA)"
  # setsid: the engine must not get the test's SIGINT; we stop it ourselves.
  # 9>&-: nor hold the lock (fd 9) after this script ends.
  setsid dockerd \
    --data-root "$ENGINE_DATA" \
    --exec-root "$ENGINE_RUN/exec" \
    --pidfile "$ENGINE_RUN/dockerd.pid" \
    -H "$DOCKER_HOST" \
    >"$ENGINE_RUN/dockerd.log" 2>&1 </dev/null 9>&- &
  started_engine=1
  for _ in $(seq 1 60); do
    engine_answers && { log "engine up"; return 0; }
    sleep 0.5
  done
  tail -n 20 "$ENGINE_RUN/dockerd.log" >&2
  return 1
}

# --- 2. Base image ------------------------------------------------------------

# The Debian mirror apt uses here: first URI serving bookworm (not -security)
# in /etc/apt/sources.list*, deb822 or one-line style.
debian_mirror() {
  local m
  m="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }')"
  if [[ -z $m ]]; then
    m="$(awk 'BEGIN { RS = ""; FS = "\n" }
              /Suites:[^\n]*bookworm( |$|\n)/ && !/Suites:[^\n]*-security/ {
                for (i = 1; i <= NF; i++)
                  if ($i ~ /^URIs:/) { split($i, a, " "); print a[2]; exit }
              }' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)"
  fi
  echo "${m:-http://deb.debian.org/debian}"
}

debian_security_mirror() {
  local m
  m="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" && $3 == "bookworm-security" { print $2; exit }')"
  if [[ -z $m ]]; then
    m="$(awk 'BEGIN { RS = ""; FS = "\n" }
              /Suites:[^\n]*bookworm-security/ {
                for (i = 1; i <= NF; i++)
                  if ($i ~ /^URIs:/) { split($i, a, " "); print a[2]; exit }
              }' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)"
  fi
  echo "${m:-http://deb.debian.org/debian-security}"
}

make_base_tarball() {
  local mirror security dir
  mirror="${DOCSEARCH_DEBIAN_MIRROR:-$(debian_mirror)}"
  security="$(debian_security_mirror)"
  dir="$(mktemp -d "$CACHE/rootfs.XXXXXX")"
  log "debootstrap --variant=minbase bookworm from $mirror (takes a minute, once)"
  if ! debootstrap --variant=minbase bookworm "$dir" "$mirror" >"$CACHE/debootstrap.log" 2>&1; then
    tail -n 20 "$CACHE/debootstrap.log" >&2
    rm -rf "$dir"
    return 1
  fi
  # As in Debian's own image: updates and security suites, no caches.
  rm -f "$dir/etc/apt/sources.list"
  cat >"$dir/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  printf 'APT::Install-Recommends "false";\n' >"$dir/etc/apt/apt.conf.d/90docsearch-no-recommends"
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb \
         "$dir"/var/log/*.log "$dir"/tmp/* "$dir"/root/.bash_history
  tar --numeric-owner -C "$dir" -cf "$BASE_TARBALL.tmp" . && mv "$BASE_TARBALL.tmp" "$BASE_TARBALL"
  local rc=$?
  rm -rf "$dir"
  return $rc
}

ensure_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "base image $BASE_IMAGE present"
    return 0
  fi
  mkdir -p "$CACHE"
  if [[ ! -s $BASE_TARBALL ]]; then
    make_base_tarball || return 1
  fi
  log "docker import $BASE_TARBALL as $BASE_IMAGE"
  docker import --change 'CMD ["bash"]' \
    --message "debootstrap --variant=minbase bookworm (docsearch scripts/docker_test.sh)" \
    "$BASE_TARBALL" "$BASE_IMAGE" >/dev/null
}

# --- 3. The test --------------------------------------------------------------

# Removes what an earlier run left when it was killed before its trap ran
# (e.g. SIGKILL at a ctest time-out): projects docsearch-e2e-PID whose PID is
# gone.
remove_stale_projects() {
  local name pid
  for name in $(docker ps -a --format '{{.Label "com.docker.compose.project"}}' 2>/dev/null |
                  grep '^docsearch-e2e-[0-9]*$' | sort -u); do
    pid="${name#docsearch-e2e-}"
    kill -0 "$pid" 2>/dev/null && continue
    log "removing the stale project $name"
    docker-compose -p "$name" -f "$ROOT/docker-compose.yml" --profile cluster down -v \
      --remove-orphans >/dev/null 2>&1
  done
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

# Waits until service $1 reports healthy (or fails after $2 seconds).
wait_healthy() {
  local service=$1 limit=$2 id status
  id="$(dc ps -q "$service")"
  [[ -n $id ]] || return 1
  for _ in $(seq 1 "$limit"); do
    status="$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$id" 2>/dev/null)"
    [[ $status == healthy ]] && return 0
    sleep 1
  done
  echo "service $service is $status after $limit s" >&2
  return 1
}

# Each source change leaves the previous build stage (~1 GB) behind as a
# dangling image. On the engine this script runs for itself, tag the build
# stage just built (its id is the last one the classic builder printed before
# the runtime stage's FROM) so that its cached dependency layer survives, and
# prune the rest. BuildKit output has no such ids: nothing is pruned then.
prune_old_builds() {
  [[ ${DOCKER_HOST:-} == "unix://$ENGINE_SOCK" ]] || return 0
  local id
  id="$(awk '/^Step [0-9]+\/[0-9]+ : FROM .* AS runtime/ { print last; exit }
             /^ ---> [0-9a-f]+$/ { last = $2 }' "$WORK/build.log")"
  [[ -n $id ]] || return 0
  docker tag "$id" docsearch-build-stage:e2e-test >/dev/null 2>&1 &&
    docker image prune -f >/dev/null 2>&1
  return 0
}

# The CLI to test the published ports with: one built on the host, or the
# image's own in the host's network namespace (so 127.0.0.1 is the host's).
cli() {
  if [[ -n $HOST_CLI ]]; then
    "$HOST_CLI" "$@"
  else
    docker run --rm -i --network host --user "$(id -u):$(id -g)" -e DOCSEARCH_TOKEN \
      -v "$WORK:$WORK:ro" "$IMAGE" docsearch "$@"
  fi
}

# Search output (--json: a SearchResponse) names the 2001 joint statement by
# title or by id (from its file name).
is_2001_statement_found() {
  grep -q -e '"title": *"NATO-Russia Joint Statement"' -e '2001-12-07-nato-russia-joint-statement' <<<"$1"
}

find_host_cli() {
  if [[ -n ${DOCSEARCH_CLI:-} ]]; then
    echo "$DOCSEARCH_CLI"
    return
  fi
  # A plain host build (not a sanitizer one), if there is one and it runs.
  local c
  for c in "$ROOT"/build/release/cli/docsearch "$ROOT"/build/dev/cli/docsearch; do
    if [[ -x $c ]] && "$c" --help >/dev/null 2>&1; then
      echo "$c"
      return
    fi
  done
}

prepare_and_build() {
  WORK="$(mktemp -d /tmp/docsearch-docker-test.XXXXXX)"
  chmod 755 "$WORK"
  mkdir -p "$WORK/corpus" "$WORK/extra"
  local seeds="${DOCSEARCH_SEEDS_DIR:-$ROOT/samples}"
  ls "$seeds"/2001-12-07-*.txt >/dev/null 2>&1 || seeds="$ROOT/../shared/corpus/seeds"
  cp "$seeds"/2001-12-07-*.txt "$seeds"/2003-12-04-*.txt "$WORK/corpus/" ||
    die "seed documents not found in samples/ or ../shared/corpus/seeds"
  # A third document, ingested later through the published ingest port.
  cat >"$WORK/extra/2004-02-10-test-note.txt" <<'EOF'
10 Feb. 2004

Docker end-to-end test note

  1. This note exists only to be ingested through the published port of the ingest service: it mentions the word quokkaphant, which no other document uses.
EOF
  # And a fourth, ingested after the query service restarted: the ingest
  # service must reconnect to it by itself.
  mkdir -p "$WORK/after-restart"
  cat >"$WORK/after-restart/2004-02-11-restart-note.txt" <<'EOF'
11 Feb. 2004

Docker restart test note

  1. This note is ingested after the query service restarted: it mentions the word snarkelbury, which no other document uses.
EOF
  chmod -R a+rX "$WORK"

  local qport iport cqport ciport
  qport="$(free_port)" && iport="$(free_port)" && cqport="$(free_port)" &&
    ciport="$(free_port)" || die "no free port"
  export DOCSEARCH_CORPUS="$WORK/corpus" DOCSEARCH_QUERY_PORT="$qport" \
         DOCSEARCH_INGEST_PORT="$iport" DOCSEARCH_IMAGE="$IMAGE" \
         DOCSEARCH_CLUSTER_QUERY_PORT="$cqport" DOCSEARCH_CLUSTER_INGEST_PORT="$ciport"
  # A fresh token per run: the stack demands one (no default), and the CLI
  # (host build or the image's) reads the same variable.
  DOCSEARCH_TOKEN="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
  export DOCSEARCH_TOKEN

  if ! dc config -q; then die "docker-compose config"; fi
  remove_stale_projects

  # Build first, on its own, so its time is visible and a build failure is
  # reported as such.
  local t=$SECONDS
  log "docker-compose build (image $IMAGE)"
  if ! dc build query >"$WORK/build.log" 2>&1; then
    tail -n 40 "$WORK/build.log" | sed 's/^/    /'
    die "image build"
  fi
  pass "image builds ($((SECONDS - t)) s)"
  prune_old_builds
  HOST_CLI="$(find_host_cli)"
  log "CLI: ${HOST_CLI:-docsearch in $IMAGE, host network}"
}

single_node_test() {
  local t

  t=$SECONDS
  log "docker-compose up -d (waits for query and ingest to be healthy)"
  compose_up=1
  if ! dc up -d --no-build >"$WORK/up.log" 2>&1; then
    sed 's/^/    /' "$WORK/up.log"
    die "docker-compose up"
  fi
  wait_healthy query 120 && pass "query service healthy" || die "query service healthy"
  wait_healthy ingest 120 && pass "ingest service healthy" || die "ingest service healthy"
  log "up and healthy in $((SECONDS - t)) s"

  local loader rc
  loader="$(dc ps -a -q loader 2>/dev/null || dc ps -q loader)"
  [[ -n $loader ]] || die "loader container exists"
  rc="$(timeout 300 docker wait "$loader")"
  if [[ $rc == 0 ]]; then
    pass "loader ingested the corpus and exited 0"
  else
    docker logs "$loader" 2>&1 | tail -n 20 | sed 's/^/    /'
    die "loader exit code ${rc:-timeout}"
  fi

  local q="--query_service=127.0.0.1:$DOCSEARCH_QUERY_PORT" out
  local i="--ingest_service=127.0.0.1:$DOCSEARCH_INGEST_PORT"
  local qport=$DOCSEARCH_QUERY_PORT iport=$DOCSEARCH_INGEST_PORT

  # Published on loopback only.
  local bindings
  bindings="$(docker inspect -f '{{range $p, $b := .NetworkSettings.Ports}}{{range $b}}{{.HostIp}} {{end}}{{end}}' \
               "$(dc ps -q query)" "$(dc ps -q ingest)" | tr -s ' \n' ' ')"
  if [[ -n ${bindings// /} && -z $(echo "$bindings" | tr ' ' '\n' | grep -v -e '^127\.0\.0\.1$' -e '^$') ]]; then
    pass "ports published on 127.0.0.1 only"
  else
    fail "ports published on 127.0.0.1 only (got: $bindings)"
  fi

  if [[ $(dc exec -T query id -u 2>/dev/null | tr -d '\r') =~ ^[1-9][0-9]*$ ]]; then
    pass "servers run as a non-root user"
  else
    fail "servers run as a non-root user"
  fi

  out="$(cli "$q" --json search terrorism 2>&1)"
  if is_2001_statement_found "$out"; then
    pass "search 'terrorism' through 127.0.0.1:$qport finds the 2001 joint statement"
  else
    echo "$out" | head -n 30 | sed 's/^/    /'
    fail "search 'terrorism' through 127.0.0.1:$qport finds the 2001 joint statement"
  fi

  out="$(DOCSEARCH_TOKEN=not-the-token cli "$i" ingest "$WORK/extra" 2>&1)"
  if grep -q PERMISSION_DENIED <<<"$out"; then
    pass "ingest with a wrong token is refused (PERMISSION_DENIED)"
  else
    echo "$out" | tail -n 20 | sed 's/^/    /'
    fail "ingest with a wrong token is refused (PERMISSION_DENIED)"
  fi
  out="$(cli "$i" ingest "$WORK/extra" 2>&1)" && pass "ingest through 127.0.0.1:$iport" ||
    { echo "$out" | tail -n 20 | sed 's/^/    /'; fail "ingest through 127.0.0.1:$iport"; }
  out="$(cli "$q" --json search quokkaphant 2>&1)"
  if grep -q -e "Docker end-to-end test note" -e "2004-02-10-test-note" <<<"$out"; then
    pass "the document ingested through the published port is found"
  else
    echo "$out" | head -n 30 | sed 's/^/    /'
    fail "the document ingested through the published port is found"
  fi

  # Restart the query service: SIGTERM must stop it promptly (init: true and
  # graceful shutdown) and the index must come back from the named volume.
  t=$SECONDS
  dc stop query >/dev/null 2>&1
  local stop_s=$((SECONDS - t))
  if [[ $stop_s -lt 10 ]]; then
    pass "query service stops on SIGTERM (${stop_s} s)"
  else
    fail "query service stops on SIGTERM (took ${stop_s} s: killed at the grace period?)"
  fi
  dc start query >/dev/null 2>&1
  wait_healthy query 120 && pass "query service healthy after restart" || fail "query service healthy after restart"
  out="$(cli "$q" --json search quokkaphant 2>&1)"
  if grep -q -e "Docker end-to-end test note" -e "2004-02-10-test-note" <<<"$out"; then
    pass "index survives a restart of the query service (named volume)"
  else
    echo "$out" | head -n 30 | sed 's/^/    /'
    fail "index survives a restart of the query service (named volume)"
  fi
  out="$(cli "$q" --json search terrorism 2>&1)"
  is_2001_statement_found "$out" &&
    pass "seed documents still found after restart" ||
    fail "seed documents still found after restart"

  out="$(cli "$i" ingest "$WORK/after-restart" 2>&1)" &&
    pass "ingest after the query service restarted (ingest reconnects)" ||
    { echo "$out" | tail -n 20 | sed 's/^/    /'; fail "ingest after the query service restarted (ingest reconnects)"; }
  out="$(cli "$q" --json search snarkelbury 2>&1)"
  if grep -q -e "Docker restart test note" -e "2004-02-11-restart-note" <<<"$out"; then
    pass "the document ingested after the restart is found"
  else
    echo "$out" | head -n 30 | sed 's/^/    /'
    fail "the document ingested after the restart is found"
  fi
}

# Runs `cli "$@"` until its output matches $pattern, for up to $limit
# seconds: a replica applies its shard's stream shortly after the ingest
# service's acknowledgement, not before it answers. Prints the last output.
cli_until() {
  local pattern=$1 limit=$2 out=""
  shift 2
  for _ in $(seq 1 "$limit"); do
    out="$(cli "$@" 2>&1)"
    grep -q -e "$pattern" <<<"$out" && { echo "$out"; return 0; }
    sleep 1
  done
  echo "$out"
  return 1
}

# Searches $word through the coordinator $loops times in a row; fails at the
# first search that fails or does not find $pattern.
searches_all_succeed() {
  local q=$1 word=$2 pattern=$3 loops=$4 out
  for _ in $(seq 1 "$loops"); do
    out="$(cli "$q" --deadline=10s --json search "$word" 2>&1)"
    if ! grep -q -e "$pattern" <<<"$out"; then
      echo "$out" | head -n 20 | sed 's/^/    /'
      return 1
    fi
  done
  return 0
}

cluster_test() {
  local t=$SECONDS out rc loader
  local q="--query_service=127.0.0.1:$DOCSEARCH_CLUSTER_QUERY_PORT"
  local i="--ingest_service=127.0.0.1:$DOCSEARCH_CLUSTER_INGEST_PORT"
  log "docker-compose --profile cluster up -d cluster-loader (3 NATS servers, ingest, 2 shards x 2 replicas, coordinator)"
  compose_up=1
  # `up` waits for the loader's dependencies to be healthy before it
  # starts the loader: the coordinator answers only once every shard has a
  # caught-up replica in the cluster map.
  if ! timeout 600 docker-compose -p "$PROJECT" -f "$ROOT/docker-compose.yml" --profile cluster \
      up -d --no-build cluster-loader >"$WORK/cluster-up.log" 2>&1; then
    sed 's/^/    /' "$WORK/cluster-up.log" | tail -n 30
    die "docker-compose --profile cluster up"
  fi
  local service
  for service in nats-0 nats-1 nats-2 shard-0-a shard-0-b shard-1-a shard-1-b; do
    [[ -n $(dc --profile cluster ps -q "$service") ]] || fail "cluster service $service runs"
  done
  wait_healthy coordinator 180 && pass "cluster: coordinator healthy (every shard has a caught-up replica)" ||
    die "cluster: coordinator healthy"
  wait_healthy cluster-ingest 180 && pass "cluster: ingest service healthy" ||
    die "cluster: ingest service healthy"
  log "cluster up and healthy in $((SECONDS - t)) s"

  loader="$(dc --profile cluster ps -a -q cluster-loader 2>/dev/null)"
  [[ -n $loader ]] || die "cluster: loader container exists"
  rc="$(timeout 300 docker wait "$loader")"
  if [[ $rc == 0 ]]; then
    pass "cluster: loader ingested the corpus through the cluster and exited 0"
  else
    docker logs "$loader" 2>&1 | tail -n 20 | sed 's/^/    /'
    die "cluster: loader exit code ${rc:-timeout}"
  fi

  if out="$(cli_until '2001-12-07-nato-russia-joint-statement\|"title": *"NATO-Russia Joint Statement"' 60 \
              "$q" --json search terrorism)"; then
    pass "cluster: search 'terrorism' through the coordinator finds the 2001 joint statement"
  else
    echo "$out" | head -n 30 | sed 's/^/    /'
    fail "cluster: search 'terrorism' through the coordinator finds the 2001 joint statement"
  fi
  out="$(cli "$q" stats 2>&1)"
  if grep -Eq '^Documents +2$' <<<"$out"; then
    pass "cluster: the coordinator counts the 2 seed documents across the shards"
  else
    echo "$out" | head -n 20 | sed 's/^/    /'
    fail "cluster: the coordinator counts the 2 seed documents across the shards"
  fi

  out="$(DOCSEARCH_TOKEN=not-the-token cli "$i" ingest "$WORK/extra" 2>&1)"
  grep -q PERMISSION_DENIED <<<"$out" && pass "cluster: ingest with a wrong token is refused" ||
    { echo "$out" | tail -n 10 | sed 's/^/    /'; fail "cluster: ingest with a wrong token is refused"; }
  out="$(cli "$i" ingest "$WORK/extra" 2>&1)" && pass "cluster: ingest through the cluster's ingest port" ||
    { echo "$out" | tail -n 20 | sed 's/^/    /'; fail "cluster: ingest through the cluster's ingest port"; }
  if out="$(cli_until 'Docker end-to-end test note\|2004-02-10-test-note' 60 "$q" --json search quokkaphant)"; then
    pass "cluster: the acknowledged document is found through the coordinator"
  else
    echo "$out" | head -n 30 | sed 's/^/    /'
    fail "cluster: the acknowledged document is found through the coordinator"
  fi

  # One replica of each shard killed (SIGKILL, no drain): the coordinator
  # routes around them within each request.
  dc --profile cluster kill -s SIGKILL shard-0-a shard-1-b >/dev/null 2>&1
  if searches_all_succeed "$q" quokkaphant 'Docker end-to-end test note\|2004-02-10-test-note' 10 &&
     searches_all_succeed "$q" terrorism '2001-12-07-nato-russia-joint-statement\|NATO-Russia Joint Statement' 10; then
    pass "cluster: 20 searches with one replica of each shard killed all succeed"
  else
    fail "cluster: 20 searches with one replica of each shard killed all succeed"
  fi
  dc --profile cluster start shard-0-a shard-1-b >/dev/null 2>&1
  wait_healthy shard-0-a 180 && wait_healthy shard-1-b 180 &&
    pass "cluster: killed replicas restart" || fail "cluster: killed replicas restart"
  # Now the other replica of each shard killed: only the restarted ones are
  # left, so every document found was recovered from their volumes and the
  # streams. A restarted replica is routed to once it has announced itself
  # in the cluster map, after catching up.
  dc --profile cluster kill -s SIGKILL shard-0-b shard-1-a >/dev/null 2>&1
  if cli_until 'Docker end-to-end test note\|2004-02-10-test-note' 120 "$q" --json search quokkaphant >/dev/null &&
     searches_all_succeed "$q" quokkaphant 'Docker end-to-end test note\|2004-02-10-test-note' 5 &&
     searches_all_succeed "$q" terrorism '2001-12-07-nato-russia-joint-statement\|NATO-Russia Joint Statement' 5; then
    pass "cluster: the restarted replicas alone answer with every document (caught up)"
  else
    fail "cluster: the restarted replicas alone answer with every document (caught up)"
  fi
  dc --profile cluster start shard-0-b shard-1-a >/dev/null 2>&1
  wait_healthy shard-0-b 180 && wait_healthy shard-1-a 180 ||
    fail "cluster: the second pair of killed replicas restarts"

  # One NATS server of three stopped: JetStream keeps a quorum, so ingest
  # and searches go on.
  dc --profile cluster stop nats-2 >/dev/null 2>&1
  out="$(cli "$i" --deadline=60s ingest "$WORK/after-restart" 2>&1)" &&
    pass "cluster: ingest with one NATS server of three stopped" ||
    { echo "$out" | tail -n 20 | sed 's/^/    /'; fail "cluster: ingest with one NATS server of three stopped"; }
  if out="$(cli_until 'Docker restart test note\|2004-02-11-restart-note' 90 "$q" --json search snarkelbury)"; then
    pass "cluster: the document acknowledged with a NATS server down is found"
  else
    echo "$out" | head -n 30 | sed 's/^/    /'
    fail "cluster: the document acknowledged with a NATS server down is found"
  fi
  dc --profile cluster start nats-2 >/dev/null 2>&1
  log "cluster test done in $((SECONDS - t)) s"
}

# --- main -----------------------------------------------------------------------

if [[ $STOP_ENGINE == 1 ]]; then
  trap - EXIT
  stop_engine
  exit 0
fi

# One run at a time per cache (engine, base image, image tag are shared).
mkdir -p "$CACHE"
exec 9>"$CACHE/docker_test.lock"
if ! flock -n 9 && { log "waiting for another run to release $CACHE/docker_test.lock"; ! flock -w 1800 9; }; then
  die "another docker_test.sh holds $CACHE/docker_test.lock"
fi
ensure_tools || die "install docker.io, docker-compose, debootstrap"
ensure_engine
rc=$?
if [[ $rc == 77 ]]; then
  echo "SKIP: no Docker engine available"
  trap - EXIT
  exit 77
fi
[[ $rc == 0 ]] || die "Docker engine answers"
ensure_base_image || die "base image $BASE_IMAGE"
if [[ $ENGINE_ONLY == 1 ]]; then
  echo "export DOCKER_HOST=$DOCKER_HOST"
  exit 0
fi
pass "Docker engine and base image ready ($((SECONDS - T0)) s)"
prepare_and_build
if [[ $RUN_SINGLE == 1 ]]; then
  single_node_test
  if [[ $RUN_CLUSTER == 1 ]]; then
    log "docker-compose down -v (single node), before the cluster"
    dc down -v --remove-orphans >/dev/null 2>&1
  fi
fi
[[ $RUN_CLUSTER == 1 ]] && cluster_test
