#!/usr/bin/env bash
# Both services through buf curl, which knows nothing of our protos: every
# schema comes from server reflection (Debian's library serves
# grpc.reflection.v1alpha; buf curl falls back to it by itself).
# ctest sets DOCSEARCH_QUERY_SERVICE, DOCSEARCH_INGEST_SERVICE, DOCSEARCH_BUF
# and DOCSEARCH_SEEDS (tests/external/CMakeLists.txt).
set -euo pipefail
source "$(dirname "$0")/servers.sh"

seed="${DOCSEARCH_SEEDS:-}/2001-12-07-nato-russia-joint-statement.txt"
[[ -x ${DOCSEARCH_BUF:-} ]] || { echo "SKIP: no buf at '${DOCSEARCH_BUF:-}' (cd /work/main && npm install)"; exit 77; }
[[ -f $seed ]] || { echo "SKIP: seed document not found: $seed"; exit 77; }

start_servers
echo "query_service on $QUERY_PORT, ingest_service on $INGEST_PORT"

# Reflection lists each server's own services plus health and reflection.
expect_services() {
  local port=$1; shift
  local listed; listed=$(bufcurl --list-services "http://127.0.0.1:$port") ||
    fail "--list-services on $port failed"
  for service in "$@" grpc.health.v1.Health grpc.reflection.v1alpha.ServerReflection; do
    grep -qx "$service" <<<"$listed" || fail "$service not listed on $port; got: $listed"
  done
}
expect_services "$QUERY_PORT" docsearch.v1.QueryService docsearch.v1.IndexService
expect_services "$INGEST_PORT" docsearch.v1.IngestService

for port in "$QUERY_PORT" "$INGEST_PORT"; do
  status=$(call "$port" grpc.health.v1.Health/Check | jq -r .status)
  [[ $status == SERVING ]] || fail "Health/Check on $port: $status"
done

# Ingest one seed (bytes are base64 in JSON), then read it back.
request=$(jq -n --arg content "$(base64 -w0 "$seed")" --arg uri "seeds/$(basename "$seed")" \
  '{document: {content: $content, contentType: "CONTENT_TYPE_TEXT", sourceUri: $uri}}')
id=$(call "$INGEST_PORT" docsearch.v1.IngestService/IngestDocument "$request" | jq -r .id)
[[ -n $id && $id != null ]] || fail "IngestDocument returned no id"
echo "ingested as $id"

found=$(call "$QUERY_PORT" docsearch.v1.QueryService/Search \
  '{"query": {"match": {"text": "terrorism"}}}' | jq -r '.hits[0].id')
[[ $found == "$id" ]] || fail "Search terrorism: first hit '$found', expected '$id'"

title=$(call "$QUERY_PORT" docsearch.v1.QueryService/GetDocument "$(jq -n --arg id "$id" '{id: $id}')" |
  jq -r '.document.id + " | " + .document.title')
[[ $title == "$id | NATO-Russia Joint Statement" ]] || fail "GetDocument: '$title'"

count=$(call "$QUERY_PORT" docsearch.v1.QueryService/GetIndexStats | jq -r '.documentCount // "0"')
[[ $count == 1 ]] || fail "GetIndexStats documentCount: $count, expected 1"

stop_servers
echo "PASS"
