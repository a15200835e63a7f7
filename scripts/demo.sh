#!/usr/bin/env bash
# The main job: installs what is missing, builds, starts both services on
# loopback, ingests the bundled samples (samples/, including the two seed
# documents), runs typed searches and a comparison of the two seed
# statements, prints the results, and stops the services.
#
#   scripts/demo.sh [FOLDER]     (FOLDER defaults to samples/)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-samples}
scripts/setup.sh
cmake --preset release -DDOCSEARCH_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release --target query_service ingest_service docsearch
bin=build/release

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for_file() {
  for _ in $(seq 1 100); do [[ -s "$1" ]] && return 0; sleep 0.1; done
  echo "demo: $1 did not appear" >&2
  return 1
}

echo "== starting query_service and ingest_service on loopback (logs in $work)"
"$bin/query_service/query_service" --listen=127.0.0.1:0 --port_file="$work/query.port" \
  --data_dir="$work/data" 2>"$work/query.log" &
pids+=($!)
wait_for_file "$work/query.port"
query="127.0.0.1:$(cat "$work/query.port")"
"$bin/ingest_service/ingest_service" --listen=127.0.0.1:0 --port_file="$work/ingest.port" \
  --query_service="$query" 2>"$work/ingest.log" &
pids+=($!)
wait_for_file "$work/ingest.port"
ingest="127.0.0.1:$(cat "$work/ingest.port")"
head -n1 "$work/query.log" "$work/ingest.log"

docsearch() { "$bin/cli/docsearch" --ingest_service="$ingest" --query_service="$query" "$@"; }
run() {
  echo
  echo "\$ docsearch $*"
  docsearch "$@"
}

run ingest "$corpus"
run search terrorism --doc_type=press_statement
run search "airspace management" --phrase
run search "missile defence" --from=2001 --to=2003 --sort=newest
run search cooperation --doc_type=update
run search --query_string 'title:russia OR "missile defence" published:[2001 TO 2003]' \
  --facets=doc_type,entity.place --histogram=year
run get 2001-12-07-nato-russia-joint-statement
run compare 2001-12-07-nato-russia-joint-statement 2003-12-04-nato-update-new-spirit-of-cooperation --top=12
run sets 'published:[* TO 2001-12-31]' 'published:[2003-01-01 TO *]' --top=5
run stats
echo
echo "== done; stopping the services"
