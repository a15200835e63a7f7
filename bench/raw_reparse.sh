#!/usr/bin/env bash
# What keeping raw bytes costs, and how fast a reparse goes: starts a
# memory-only query service and an ingest service from BUILD, ingests COPIES
# copies of the text files of CORPUS (each copy its own folder, so its own
# ids), prints the index's text, memory and raw bytes, then times a dry-run
# reparse (read, decompress, parse and compare every document) and a reparse
# after restarting the ingest service with --notitle_from_html_title (which
# changes only HTML pages: on a text corpus it rewrites nothing). With --no-raw the ingest runs with
# --keep_raw=false (the memory without raw bytes, for comparison).
#
#   bench/raw_reparse.sh build/release ../shared/corpus 20
#   bench/raw_reparse.sh build/release ../shared/corpus 20 --no-raw
set -euo pipefail

BUILD="${1:?usage: bench/raw_reparse.sh BUILD_DIR CORPUS_DIR COPIES [--no-raw]}"
CORPUS="${2:?corpus folder}"
COPIES="${3:?number of copies}"
KEEP_RAW=true
[[ "${4:-}" == "--no-raw" ]] && KEEP_RAW=false

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_for_file() {
  for _ in $(seq 100); do [[ -s "$1" ]] && return 0; sleep 0.1; done
  echo "no $1" >&2
  return 1
}

for ((copy = 0; copy < COPIES; ++copy)); do
  mkdir -p "$WORK/corpus/copy-$copy"
  find "$CORPUS" -name '*.txt' -exec cp {} "$WORK/corpus/copy-$copy/" \;
done

"$BUILD/query_service/query_service" --listen=127.0.0.1:0 --port_file="$WORK/query.port" \
  >"$WORK/query.log" 2>&1 &
PIDS+=($!)
wait_for_file "$WORK/query.port"
QUERY="127.0.0.1:$(cat "$WORK/query.port")"

start_ingest() {
  rm -f "$WORK/ingest.port"
  "$BUILD/ingest_service/ingest_service" --listen=127.0.0.1:0 --port_file="$WORK/ingest.port" \
    --query_service="$QUERY" "$@" >>"$WORK/ingest.log" 2>&1 &
  INGEST_PID=$!
  PIDS+=("$INGEST_PID")
  wait_for_file "$WORK/ingest.port"
  INGEST="127.0.0.1:$(cat "$WORK/ingest.port")"
}

docsearch() {
  "$BUILD/cli/docsearch" --ingest_service="$INGEST" --query_service="$QUERY" --deadline=inf "$@"
}

start_ingest --keep_raw="$KEEP_RAW"
docsearch ingest "$WORK/corpus" | tail -1
docsearch stats | grep -E '^(Documents|Text ingested|Index memory|Raw documents kept) '

milliseconds() { echo $(($(date +%s%N) / 1000000)); }
started=$(milliseconds)
docsearch reparse --dry_run
echo "dry run: $(($(milliseconds) - started)) ms"

kill "$INGEST_PID"
wait "$INGEST_PID" 2>/dev/null || true
start_ingest --notitle_from_html_title
started=$(milliseconds)
docsearch reparse
echo "reparse: $(($(milliseconds) - started)) ms"
