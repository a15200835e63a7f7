#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds the dev preset
# (debug, warnings as errors), runs every ctest test except those labelled
# `docker` (the docker-compose end-to-end test; run it with
# scripts/docker_test.sh).
#
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs" --timeout 300 -LE docker "$@"
