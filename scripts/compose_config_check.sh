#!/usr/bin/env bash
# Validates docker-compose.yml (syntax, interpolation, references) with
# `docker-compose config -q`, the single-node stack and the `cluster`
# profile. Needs no Docker engine, so CI runs it always.
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

# The `cluster` profile: the topology of scripts/cluster.sh (3 NATS servers,
# the cluster's ingest service, 2 shards x 2 replicas, a coordinator, a
# loader), valid with the defaults and honouring its port overrides.
DOCSEARCH_TOKEN=check-token "${compose[@]}" -f docker-compose.yml --profile cluster config -q
services="$(DOCSEARCH_TOKEN=check-token "${compose[@]}" -f docker-compose.yml --profile cluster \
            config --services)"
for want in nats-0 nats-1 nats-2 cluster-ingest shard-0-a shard-0-b shard-1-a shard-1-b \
            coordinator cluster-loader; do
  if ! grep -qx -- "$want" <<<"$services"; then
    echo "FAIL: the cluster profile has no service '$want'"
    exit 1
  fi
done
out="$(DOCSEARCH_CLUSTER_QUERY_PORT=40062 DOCSEARCH_CLUSTER_INGEST_PORT=40061 \
       DOCSEARCH_TOKEN=secret "${compose[@]}" -f docker-compose.yml --profile cluster config)"
for want in 40062 40061 "--role=coordinator" "--advertise=shard-1-b:50052" \
            "--nats=nats://nats-0:4222,nats://nats-1:4222,nats://nats-2:4222" \
            "nats://nats-0:6222,nats://nats-1:6222,nats://nats-2:6222" "--stream_replicas=3"; do
  if ! grep -qF -- "$want" <<<"$out"; then
    echo "FAIL: the cluster profile's configuration lacks '$want'"
    exit 1
  fi
done
echo "PASS: docker-compose.yml's cluster profile has the topology of scripts/cluster.sh"
