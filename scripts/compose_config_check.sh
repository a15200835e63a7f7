#!/usr/bin/env bash
# Validates docker-compose.yml (syntax, interpolation, references) with
# `docker-compose config -q`. Needs no Docker engine, so CI runs it always.
# Uses docker-compose v1 (Debian's docker-compose) or the v2 plugin, whichever
# is there; exits 77 (skipped) if neither is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  echo "SKIP: neither docker-compose nor the docker compose plugin is installed (apt-get install docker-compose)"
  exit 77
fi

# DOCSEARCH_TOKEN has no default (a token in a public file protects
# nothing): without it, config must stop and say what to set.
if out="$(env -u DOCSEARCH_TOKEN "${compose[@]}" -f docker-compose.yml config -q 2>&1)"; then
  echo "FAIL: docker-compose config accepted a missing DOCSEARCH_TOKEN"
  exit 1
fi
if ! grep -qF "set DOCSEARCH_TOKEN" <<<"$out"; then
  echo "FAIL: a missing DOCSEARCH_TOKEN is refused without saying so: $out"
  exit 1
fi
echo "PASS: docker-compose.yml refuses to run without DOCSEARCH_TOKEN"

# Check the defaults (but the token) and a run with every variable set, so a
# typo in an interpolation shows up in either case.
env -u DOCSEARCH_CORPUS -u DOCSEARCH_QUERY_PORT -u DOCSEARCH_INGEST_PORT \
    -u DOCSEARCH_IMAGE DOCSEARCH_TOKEN=check-token \
    "${compose[@]}" -f docker-compose.yml config -q
echo "PASS: docker-compose.yml is valid with the defaults"

out="$(DOCSEARCH_CORPUS=/tmp DOCSEARCH_QUERY_PORT=40052 DOCSEARCH_INGEST_PORT=40051 \
       DOCSEARCH_IMAGE=docsearch:check DOCSEARCH_TOKEN=secret \
       "${compose[@]}" -f docker-compose.yml config)"
# Plain tokens: v1 prints ports and volumes in short syntax, v2 in long.
for want in 40052 40051 /tmp docsearch:check 127.0.0.1 "DOCSEARCH_AUTH_TOKEN: secret"; do
  if ! grep -qF -- "$want" <<<"$out"; then
    echo "FAIL: docker-compose config does not honour the environment: '$want' missing"
    exit 1
  fi
done
echo "PASS: docker-compose.yml honours DOCSEARCH_* overrides"
