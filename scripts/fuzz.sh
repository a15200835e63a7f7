#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (libFuzzer + ASan + UBSan) in their
# own build directory and runs each for a bounded time:
#   parser_fuzzer        raw bytes as text, HTML or JSON documents
#   query_string_fuzzer  raw bytes as a Search query_string
#   wal_fuzzer           raw bytes as a write-ahead log to recover
#
#   scripts/fuzz.sh [SECONDS]      # total, default 60: half to the parser
#
# Seeds for the parser come from ../shared/corpus (seeds/ and nato-dev/docs/)
# when present, from samples/ and from the saved pages in fourteen scripts
# of bench/unseen_layouts/held_out_32/ (CJK words, other calendars' dates); findings (crash-*, timeout-*) are written
# to build/fuzz/findings/ and fail the run.
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
  -DDOCSEARCH_BUILD_FUZZERS=ON -DDOCSEARCH_BUILD_TESTS=ON -DDOCSEARCH_BUILD_CLI=OFF >/dev/null
cmake --build "${build_dir}" --target parser_fuzzer query_string_fuzzer wal_fuzzer

findings="${build_dir}/findings"
mkdir -p "${findings}"

# Parser seeds: each prefixed with a content-type byte (0 = detect).
parser_corpus="${build_dir}/corpus/parser"
mkdir -p "${parser_corpus}"
for file in ../shared/corpus/seeds/*.txt ../shared/corpus/nato-dev/docs/*.txt samples/*.txt \
  bench/unseen_layouts/held_out_32/*.txt; do
  [[ -f "${file}" ]] || continue
  seed="${parser_corpus}/seed-$(basename "$(dirname "${file}")")-$(basename "${file}")"
  [[ -f "${seed}" ]] || { printf '\0'; cat "${file}"; } > "${seed}"
done

# Query string seeds: the syntax's every construct once.
query_corpus="${build_dir}/corpus/query_string"
mkdir -p "${query_corpus}"
i=0
for seed in 'terrorism' '"missile defence"~2' 'title:russia AND -doc_type:speech' \
    'published:[2001 TO 2003-06] OR (defen* NOT arms)' 'attributes.pages:{2 TO *]' \
    'language:fr +body:"la défense"'; do
  printf '%s' "${seed}" > "${query_corpus}/seed-$((i++))"
done
wal_corpus="${build_dir}/corpus/wal"
mkdir -p "${wal_corpus}"

run() {  # run FUZZER CORPUS SECONDS
  echo "== $1 for $3 s"
  "${build_dir}/tests/fuzz/$1" "$2" -max_total_time="$3" -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -artifact_prefix="${findings}/$1-" -print_final_stats=1 2>&1 |
    grep -E "^(stat::number_of_executed_units|stat::new_units_added|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)" || true
  if ls "${findings}/$1-"* >/dev/null 2>&1; then
    echo "$1 found a failing input: $(ls "${findings}/$1-"*)" >&2
    return 1
  fi
}

parser_seconds=$((seconds / 2))
rest=$(((seconds - parser_seconds) / 2))
run parser_fuzzer "${parser_corpus}" "${parser_seconds}"
run query_string_fuzzer "${query_corpus}" "${rest}"
run wal_fuzzer "${wal_corpus}" "${rest}"
echo "fuzzing: no failing input found"
