#!/usr/bin/env bash
# Runs the in-process benchmark of docsearch and its peers (Lucene 8,
# Xapian) on the same corpus and queries, in one go, and writes the figures
# to docs/BENCHMARKS.md. See bench/README.md.
#
#   bench/run.sh                      # 100k documents, all three engines
#   bench/run.sh --docs 1000000       # 1M (needs RAM and time; see README)
#   bench/run.sh --docs 20000 --no-write --engines docsearch,lucene
#
# Options:
#   --docs N        documents (default 100000)
#   --rounds R      timed passes over the query set per engine (default 2,
#                   after 2 warm-up passes)
#   --cycles C      engine cycles docsearch→lucene→xapian→grpc, interleaved
#                   (default 3: single runs on a shared machine move a p50 by
#                   up to 2×); every figure is the median over the cycles
#   --engines LIST  comma-separated subset of docsearch,lucene,xapian,grpc
#                   (lucene runs twice per cycle: its default total-hits
#                   threshold of 1,000, and 10, which counts hits as
#                   docsearch's lower-bound totals do; the report compares
#                   docsearch with the faster of the two per query type)
#                   (grpc: the query_service binary over loopback, bench/grpc_bench.cc)
#   --grpc-seconds S  length of each gRPC throughput phase (default 10)
#   --no-write      print the table only; leave docs/BENCHMARKS.md alone
#   --cache DIR     data cache (default ~/.cache/docsearch-bench)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCS=100000
ROUNDS=2
CYCLES=3
ENGINES=docsearch,lucene,xapian,grpc
WRITE=1
GRPC_SECONDS=10
CACHE="${HOME}/.cache/docsearch-bench"
COMMAND="bench/run.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --docs) DOCS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --cycles) CYCLES="$2"; shift 2 ;;
    --engines) ENGINES="$2"; shift 2 ;;
    --grpc-seconds) GRPC_SECONDS="$2"; shift 2 ;;
    --no-write) WRITE=0; shift ;;
    --cache) CACHE="$2"; shift 2 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "${COMMAND}" == "bench/run.sh " ]] && COMMAND="bench/run.sh"

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# --- Peer packages (idempotent). ---
need=()
for pkg in liblucene8-java libxapian-dev; do
  dpkg -s "${pkg}" >/dev/null 2>&1 || need+=("${pkg}")
done
if [[ ${#need[@]} -gt 0 ]]; then
  log "installing ${need[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  ${SUDO} apt-get install -y "${need[@]}" || { ${SUDO} apt-get update && ${SUDO} apt-get install -y "${need[@]}"; }
fi

# --- Build. ---
cd "${ROOT}"
# Its own build directory: the release preset's settings (optimised,
# DOCSEARCH_BUILD_BENCH=ON) in build/bench, so that other builds of
# build/release (e.g. with the benchmarks OFF) never race with this one.
BUILD="${ROOT}/build/bench"
log "configuring and building (cmake --preset release -B build/bench)"
cmake --preset release -B "${BUILD}" -DDOCSEARCH_BUILD_TESTS=OFF -DDOCSEARCH_BUILD_CLI=OFF >/dev/null
cmake --build "${BUILD}" --target engine_bench xapian_bench grpc_bench >/dev/null
GRPC_SKIPPED=""
if [[ ",${ENGINES}," == *",grpc,"* ]]; then
  # The server binary of the working tree; other engineers' half-done work can
  # keep it from linking: the in-process figures still run, and the report
  # says why the gRPC ones are missing.
  if ! cmake --build "${BUILD}" --target query_service > "${BUILD}/query_service_build.log" 2>&1; then
    GRPC_SKIPPED="query_service did not build from the working tree at the time of the run (see ${BUILD}/query_service_build.log)"
    log "skipping grpc: ${GRPC_SKIPPED}"
  fi
fi

jar() {  # The versioned jar Debian ships (lucene-core-8.x.y.jar).
  local found
  found=$(ls /usr/share/java/"$1"-8*.jar 2>/dev/null | head -1)
  [[ -n "${found}" ]] || found=/usr/share/java/"$1".jar
  echo "${found}"
}
LUCENE_CP="$(jar lucene-core):$(jar lucene-analyzers-common)"
mkdir -p "${BUILD}/bench/lucene"
javac -d "${BUILD}/bench/lucene" -cp "${LUCENE_CP}" "${ROOT}/bench/peers/lucene/LuceneBench.java"

# --- Data. ---
log "preparing ${DOCS} documents and the query set"
mapfile -t paths < <(python3 "${ROOT}/bench/corpus/prepare.py" --docs "${DOCS}" --cache "${CACHE}")
DOCS_TSV="${paths[1]}"
QUERIES_TSV="${paths[2]}"

# --- Run, interleaved. ---
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="${BUILD}/bench/results/${DOCS}-${STAMP}"
mkdir -p "${OUT}"
uptime > "${OUT}/load_before.txt"
# The engine as built above, for the report (the tree may move on meanwhile).
git -C "${ROOT}" rev-parse --short HEAD > "${OUT}/commit.txt"
git -C "${ROOT}" status --porcelain -- query_service common proto > "${OUT}/dirty.txt"
[[ -n "${GRPC_SKIPPED}" ]] && echo "${GRPC_SKIPPED}" > "${OUT}/grpc_skipped.txt"
# Memory for the JVM: the stored index plus the rows, with room.
HEAP_MB=$(( 2048 + DOCS / 100000 * 1024 ))
for cycle in $(seq 1 "${CYCLES}"); do
  for engine in docsearch lucene lucene10 xapian grpc; do
    [[ ",${ENGINES}," == *",${engine%10},"* ]] || continue
    [[ "${engine}" == grpc && -n "${GRPC_SKIPPED}" ]] && continue
    log "cycle ${cycle}: ${engine}"
    args=(--docs="${DOCS_TSV}" --queries="${QUERIES_TSV}" --rounds="${ROUNDS}")
    case "${engine}" in
      docsearch) "${BUILD}/bench/engine_bench" "${args[@]}" > "${OUT}/${engine}.${cycle}.json" ;;
      lucene|lucene10)
        threshold=1000; [[ "${engine}" == lucene10 ]] && threshold=10
        java -Xms${HEAP_MB}m -Xmx${HEAP_MB}m -cp "${LUCENE_CP}:${BUILD}/bench/lucene" \
          LuceneBench "${args[@]}" --total_hits_threshold="${threshold}" \
          > "${OUT}/${engine}.${cycle}.json" ;;
      xapian) "${BUILD}/bench/xapian_bench" "${args[@]}" > "${OUT}/${engine}.${cycle}.json" ;;
      grpc) "${BUILD}/bench/grpc_bench" --server="${BUILD}/query_service/query_service" \
              --docs="${DOCS_TSV}" --queries="${QUERIES_TSV}" --load_docs="${DOCS}" \
              --threads=2 --seconds="${GRPC_SECONDS}" > "${OUT}/${engine}.${cycle}.json" ;;
    esac
  done
done
uptime > "${OUT}/load_after.txt"

report=(python3 "${ROOT}/bench/report.py" --results "${OUT}" --command "${COMMAND}")
if [[ ${WRITE} -eq 1 ]]; then
  report+=(--write "${ROOT}/docs/BENCHMARKS.md")
fi
"${report[@]}"
log "results in ${OUT}"
