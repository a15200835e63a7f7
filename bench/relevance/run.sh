#!/usr/bin/env bash
# Relevance benchmark: the judged needs of bench/relevance/needs.txt run
# through docsearch (`Search` with query_string as typed), a plain BM25 over
# the raw text and Lucene 8 with its English/French/German analyzers, in one
# go. Prints nDCG@10, P@5 and recall@10 for the held-out needs (the headline),
# the tuning needs, the five sets of fresh needs and all needs, overall and for
# the French queries.
# The method is in docs/RELEVANCE.md.
#
#   bench/relevance/run.sh                    # dev build in build/dev
#   bench/relevance/run.sh --build build/release
#   bench/relevance/run.sh --per-need         # also nDCG@10 per need
#   bench/relevance/run.sh --corpus DIR       # default ../shared/corpus
#   bench/relevance/run.sh --query-flags '--title_boost=1'   # query_service flags to try
#   bench/relevance/run.sh --split tune       # only the tuning needs (while changing the engine)
#   bench/relevance/run.sh --split fresh      # only the needs written after the tuning rounds
#   bench/relevance/run.sh --split fresh2     # only the needs written after the ninth round
#   bench/relevance/run.sh --split fresh3     # only the needs written after the tenth round
#   bench/relevance/run.sh --split fresh4     # only the needs written during the twelfth round
#   bench/relevance/run.sh --split fresh5     # only the fifth, harder set of fresh needs
#   bench/relevance/run.sh --split fresh6     # only the needs written during the fourteenth round
#   bench/relevance/run.sh --unaccented       # every query typed without its accents
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${ROOT}/build/dev"
CORPUS="${ROOT}/../shared/corpus"
EXTRA=()
QUERY_FLAGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) BUILD="$(cd "$2" && pwd)"; shift 2 ;;
    --corpus) CORPUS="$(cd "$2" && pwd)"; shift 2 ;;
    --per-need) EXTRA+=(--per-need); shift ;;
    --query-flags) read -r -a QUERY_FLAGS <<< "$2"; shift 2 ;;
    --runs-out) EXTRA+=(--runs-out "$2"); shift 2 ;;
    --split) EXTRA+=(--split "$2"); shift 2 ;;
    --unaccented) EXTRA+=(--unaccented); shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -d "${CORPUS}/nato-dev/docs" ]] || { echo "corpus not found at ${CORPUS}" >&2; exit 1; }
for binary in query_service/query_service ingest_service/ingest_service cli/docsearch; do
  [[ -x "${BUILD}/${binary}" ]] || {
    echo "missing ${BUILD}/${binary}; build it: cmake --build --preset dev --target query_service ingest_service docsearch" >&2
    exit 1
  }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "${pid}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "${pid}" 2>/dev/null || true; done
  rm -rf "${work}"
}
trap cleanup EXIT

# Lucene peer: Debian's liblucene8-java, installed here when missing (as
# bench/run.sh does for its peers); skipped with a message without a JDK.
if ! dpkg -s liblucene8-java >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
  echo "relevance: installing liblucene8-java" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblucene8-java >/dev/null ||
    echo "relevance: could not install liblucene8-java" >&2
fi
jar() {
  local found
  found=$(ls /usr/share/java/"$1"-8*.jar 2>/dev/null | head -1)
  [[ -n "${found}" ]] || found=/usr/share/java/"$1".jar
  echo "${found}"
}
LUCENE_CP="$(jar lucene-core):$(jar lucene-analyzers-common):$(jar lucene-queryparser)"
LUCENE_ARGS=()
if command -v javac >/dev/null && [[ -f "$(jar lucene-core)" ]]; then
  mkdir -p "${work}/lucene"
  javac -d "${work}/lucene" -cp "${LUCENE_CP}" "${ROOT}/bench/relevance/LuceneRelevance.java"
  LUCENE_ARGS=(--lucene "java -cp ${LUCENE_CP}:${work}/lucene LuceneRelevance")
else
  echo "relevance: Lucene 8 or a JDK is missing (apt-get install liblucene8-java default-jdk-headless); skipping that peer" >&2
fi

wait_for_file() {
  for _ in $(seq 1 100); do [[ -s "$1" ]] && return 0; sleep 0.1; done
  echo "relevance: $1 did not appear" >&2
  return 1
}

# The documents only (not READMEs or labels), under their corpus-relative paths,
# so that a hit's source_uri names the judged document.
mkdir -p "${work}/corpus"
for folder in seeds nato-dev/docs statements-dev/docs; do
  mkdir -p "${work}/corpus/${folder}"
  cp "${CORPUS}/${folder}"/*.txt "${work}/corpus/${folder}/"
done

"${BUILD}/query_service/query_service" --listen=127.0.0.1:0 --port_file="${work}/query.port" \
  --data_dir="${work}/data" "${QUERY_FLAGS[@]}" 2>"${work}/query.log" &
pids+=($!)
wait_for_file "${work}/query.port"
query="127.0.0.1:$(cat "${work}/query.port")"
"${BUILD}/ingest_service/ingest_service" --listen=127.0.0.1:0 --port_file="${work}/ingest.port" \
  --query_service="${query}" 2>"${work}/ingest.log" &
pids+=($!)
wait_for_file "${work}/ingest.port"
ingest="127.0.0.1:$(cat "${work}/ingest.port")"
docsearch="${BUILD}/cli/docsearch --ingest_service=${ingest} --query_service=${query}"
${docsearch} ingest "${work}/corpus" >&2

echo "# Relevance benchmark ($(git -C "${ROOT}" rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d))"
python3 "${ROOT}/bench/relevance/evaluate.py" --corpus "${CORPUS}" --docsearch "${docsearch}" \
  "${LUCENE_ARGS[@]}" "${EXTRA[@]}"
