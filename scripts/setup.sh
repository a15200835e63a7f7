#!/usr/bin/env bash
# Installs what docsearch needs to build, test and run its demo, on Debian 12,
# as root. Idempotent: when everything is present it only checks (seconds).
#
#   scripts/setup.sh            build + test + demo dependencies
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and runtime libraries (Debian 12 packages only; see README for why
# each library is used), test tools (clang for the fuzzers, jq for the buf
# curl test, openssl to make the TLS certificate of the security test,
# docker-compose for `docker-compose config`, prometheus for the metrics
# test, clang-format for the source format check, nats-server and
# libnats-dev for the cluster mode (JetStream is its log of record,
# docs/SCALING.md); installed without recommends,
# so no Docker engine: scripts/docker_test.sh installs that).
packages=(
  cmake ninja-build g++ pkg-config git ca-certificates ccache
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libabsl-dev libssl-dev
  libicu-dev libstemmer-dev libgumbo-dev libcld2-dev libxxhash-dev libzstd-dev libroaring-dev
  libgtest-dev libgmock-dev libbenchmark-dev prometheus-cpp-dev libgoogle-perftools-dev
  python3 python3-grpcio python3-protobuf jq openssl prometheus
  clang-14 libclang-rt-14-dev clang-format
  docker-compose
  nats-server libnats-dev
  nodejs npm
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    # nodejs/npm may come from elsewhere (e.g. a preinstalled Node): accept any.
    if [[ "$package" == nodejs || "$package" == npm ]] && command -v "${package/nodejs/node}" >/dev/null; then
      continue
    fi
    missing+=("$package")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# buf (proto lint, buf curl for the tests) from the npm registry, pinned in
# package.json and package-lock.json. Not `npm ci`: the lock holds only the
# platform packages npm could resolve, and `npm ci` refuses such a lock;
# `install --no-save` follows it without rewriting it.
if [[ ! -x node_modules/.bin/buf ]]; then
  echo "setup: installing buf from npm"
  npm install --no-save --no-audit --no-fund --loglevel=error >/dev/null
fi
echo "setup: ok"
