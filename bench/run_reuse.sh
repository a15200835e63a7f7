#!/usr/bin/env bash
# Benchmarks passage reuse, near-duplicate clustering and version diffs in
# process (bench/reuse_bench.cc) on the corpus of bench/corpus/prepare.py and
# prints the JSON figures; docs/BENCHMARKS.md records them by hand.
#
#   bench/run_reuse.sh                 # 100k documents (+5% republished copies)
#   bench/run_reuse.sh --docs 20000
#
# Options:
#   --docs N       documents (default 100000)
#   --samples S    requests per operation (default 200)
#   --copies F     republished copies added, as a share of N (default 0.05)
#   --cache DIR    data cache (default ~/.cache/docsearch-bench)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCS=100000
SAMPLES=200
COPIES=0.05
CACHE="${HOME}/.cache/docsearch-bench"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --docs) DOCS="$2"; shift 2 ;;
    --samples) SAMPLES="$2"; shift 2 ;;
    --copies) COPIES="$2"; shift 2 ;;
    --cache) CACHE="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

log() { echo "[reuse $(date -u +%H:%M:%S)] $*" >&2; }

cd "${ROOT}"
BUILD="${ROOT}/build/bench"
log "configuring and building reuse_bench (cmake --preset release -B build/bench)"
cmake --preset release -B "${BUILD}" -DDOCSEARCH_BUILD_TESTS=OFF -DDOCSEARCH_BUILD_CLI=OFF >/dev/null
cmake --build "${BUILD}" --target reuse_bench >/dev/null

log "preparing ${DOCS} documents"
mapfile -t paths < <(python3 "${ROOT}/bench/corpus/prepare.py" --docs "${DOCS}" --cache "${CACHE}")
uptime >&2
"${BUILD}/bench/reuse_bench" --docs="${paths[1]}" --samples="${SAMPLES}" --copies="${COPIES}"
uptime >&2
