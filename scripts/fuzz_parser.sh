#!/usr/bin/env bash
# Builds the parser fuzzer with clang (libFuzzer + ASan + UBSan) in its own
# build directory and runs it for a bounded time.
#
#   scripts/fuzz_parser.sh [SECONDS]     # default 60
#
# Seeds come from ../shared/corpus (seeds/ and nato-dev/docs/) when present;
# findings (crash-*, timeout-*) are written to build/fuzz/findings/.
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-60}"
build_dir="build/fuzz"
clang_c="$(command -v clang-14 || command -v clang)"
clang_cxx="$(command -v clang++-14 || command -v clang++)"

cmake -S . -B "${build_dir}" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="${clang_c}" -DCMAKE_CXX_COMPILER="${clang_cxx}" \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" \
  -DDOCSEARCH_BUILD_FUZZERS=ON -DDOCSEARCH_BUILD_TESTS=ON
cmake --build "${build_dir}" --target parser_fuzzer

corpus="${build_dir}/parser_fuzz_corpus"
findings="${build_dir}/findings"
mkdir -p "${corpus}" "${findings}"
shared="../shared/corpus"
if [[ -d "${shared}" ]]; then
  # Prefix each seed with a content-type byte (0 = detect) as the fuzzer expects.
  for file in "${shared}"/seeds/*.txt "${shared}"/nato-dev/docs/*.txt; do
    [[ -f "${file}" ]] || continue
    seed="${corpus}/seed-$(basename "${file}")"
    [[ -f "${seed}" ]] || { printf '\0'; cat "${file}"; } > "${seed}"
  done
fi

"${build_dir}/tests/fuzz/parser_fuzzer" "${corpus}" \
  -max_total_time="${seconds}" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="${findings}/"
