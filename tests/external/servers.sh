# shellcheck shell=bash
# Shell helpers for the external tests: start query_service and ingest_service
# on ephemeral ports, wait until both report SERVING, stop them with SIGTERM.
# Source it from bash. Uses DOCSEARCH_QUERY_SERVICE, DOCSEARCH_INGEST_SERVICE
# and DOCSEARCH_BUF (set by ctest); health is checked with buf curl over
# server reflection.
#
#   start_servers            # sets WORK, QUERY_PORT, INGEST_PORT, QUERY_PID, INGEST_PID
#   call PORT Service/Method '{"json": "request"}'   # prints the JSON reply
#   stop_servers             # SIGTERM both; fails unless both exit 0 within 10 s

# buf curl with the flags every call here needs.
bufcurl() {
  "$DOCSEARCH_BUF" curl --protocol grpc --http2-prior-knowledge --timeout 10s "$@"
}

# call PORT FULL_METHOD [JSON]: one unary RPC; the reply JSON on stdout.
call() {
  local body=${3-}
  bufcurl -d "${body:-"{}"}" "http://127.0.0.1:$1/$2"
}

fail() {
  echo "FAIL: $*" >&2
  for log in "$WORK"/*.log; do
    [[ -f $log ]] && { echo "--- $log ---" >&2; cat "$log" >&2; }
  done
  exit 1
}

# start_server NAME BINARY FLAGS...: sets <NAME>_PID and <NAME>_PORT.
start_server() {
  local name=$1 binary=$2; shift 2
  local port_file="$WORK/$name.port"
  "$binary" --listen=127.0.0.1:0 --port_file="$port_file" "$@" >"$WORK/$name.log" 2>&1 &
  local pid=$!
  printf -v "${name}_PID" %s "$pid"
  local i
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || fail "$name exited before writing its port file"
    [[ -s $port_file ]] && break
    sleep 0.1
  done
  [[ -s $port_file ]] || fail "$name wrote no port file within 30 s"
  local port; port=$(<"$port_file")
  printf -v "${name}_PORT" %s "$port"
  local reply=""
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || fail "$name exited while waiting for SERVING"
    reply=$(call "$port" grpc.health.v1.Health/Check 2>&1) || true
    [[ $reply == *'"SERVING"'* ]] && return 0
    sleep 0.5
  done
  fail "$name on port $port not SERVING within 30 s; last reply: $reply"
}

# On any exit: kill what is still running, remove the work folder.
cleanup() {
  local pid
  for pid in ${QUERY_PID:-} ${INGEST_PID:-}; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}

start_servers() {
  : "${DOCSEARCH_QUERY_SERVICE:?set by ctest}" "${DOCSEARCH_INGEST_SERVICE:?set by ctest}"
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/docsearch-ext-XXXXXX")
  trap cleanup EXIT
  start_server QUERY "$DOCSEARCH_QUERY_SERVICE" --data_dir=
  start_server INGEST "$DOCSEARCH_INGEST_SERVICE" --query_service="127.0.0.1:$QUERY_PORT"
}

stop_servers() {
  kill -TERM "$INGEST_PID" "$QUERY_PID"
  local i name pid code
  # wait(1) has no timeout: poll both, up to 10 s in all.
  for ((i = 0; i < 100; i++)); do
    kill -0 "$INGEST_PID" 2>/dev/null || kill -0 "$QUERY_PID" 2>/dev/null || break
    sleep 0.1
  done
  for name in INGEST QUERY; do
    pid=${name}_PID; pid=${!pid}
    kill -0 "$pid" 2>/dev/null && fail "$name still running 10 s after SIGTERM"
    code=0; wait "$pid" || code=$?
    [[ $code == 0 ]] || fail "$name exited with $code after SIGTERM"
  done
  QUERY_PID='' INGEST_PID=''
}
