#!/usr/bin/env bash
# Benchmarks the comparison operations (query_service/compare) in process on
# the corpus of bench/corpus/prepare.py and writes a <!-- compare:N -->
# section of docs/BENCHMARKS.md. See bench/README.md.
#
#   bench/run_compare.sh                       # 100k documents
#   bench/run_compare.sh --docs 20000 --no-write
#
# Options:
#   --docs N          documents (default 100000)
#   --samples S       requests per operation (default 200)
#   --set-samples S   CompareSets requests (default 200)
#   --rounds R        timed passes after one warm-up pass (default 1)
#   --lucene          also run FindSimilar's peer, Lucene MoreLikeThis
#                     (bench/peers/lucene/LuceneMltBench.java), for the ratio
#   --no-write        print the figures only
#   --cache DIR       data cache (default ~/.cache/docsearch-bench)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCS=100000
SAMPLES=200
SET_SAMPLES=200
ROUNDS=1
WRITE=1
LUCENE=0
CACHE="${HOME}/.cache/docsearch-bench"
COMMAND="bench/run_compare.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --docs) DOCS="$2"; shift 2 ;;
    --samples) SAMPLES="$2"; shift 2 ;;
    --set-samples) SET_SAMPLES="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --lucene) LUCENE=1; shift ;;
    --no-write) WRITE=0; shift ;;
    --cache) CACHE="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
COMMAND="${COMMAND% }"

log() { echo "[compare $(date -u +%H:%M:%S)] $*" >&2; }

cd "${ROOT}"
BUILD="${ROOT}/build/bench"
log "configuring and building compare_bench (cmake --preset release -B build/bench)"
cmake --preset release -B "${BUILD}" -DDOCSEARCH_BUILD_TESTS=OFF -DDOCSEARCH_BUILD_CLI=OFF >/dev/null
cmake --build "${BUILD}" --target compare_bench >/dev/null

log "preparing ${DOCS} documents"
mapfile -t paths < <(python3 "${ROOT}/bench/corpus/prepare.py" --docs "${DOCS}" --cache "${CACHE}")
DOCS_TSV="${paths[1]}"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="${BUILD}/bench/results/compare-${DOCS}-${STAMP}"
mkdir -p "${OUT}"
uptime > "${OUT}/load_before.txt"
log "running compare_bench"
"${BUILD}/bench/compare_bench" --docs="${DOCS_TSV}" --samples="${SAMPLES}" \
  --set_samples="${SET_SAMPLES}" --rounds="${ROUNDS}" > "${OUT}/compare.json"
if [[ ${LUCENE} -eq 1 ]]; then
  jar() { local f; f=$(ls /usr/share/java/"$1"-8*.jar 2>/dev/null | head -1); echo "${f:-/usr/share/java/$1.jar}"; }
  CP="$(jar lucene-core):$(jar lucene-analyzers-common):$(jar lucene-queries)"
  mkdir -p "${BUILD}/bench/lucene"
  javac -d "${BUILD}/bench/lucene" -cp "${CP}" "${ROOT}/bench/peers/lucene/LuceneMltBench.java"
  log "running LuceneMltBench"
  java -Xms$(( 2048 + DOCS / 100000 * 1024 ))m -Xmx$(( 2048 + DOCS / 100000 * 1024 ))m \
    -cp "${CP}:${BUILD}/bench/lucene" LuceneMltBench --docs="${DOCS_TSV}" \
    --samples="${SAMPLES}" > "${OUT}/lucene_mlt.json"
fi
uptime > "${OUT}/load_after.txt"

python3 - "${OUT}" "${COMMAND}" "${WRITE}" "${ROOT}/docs/BENCHMARKS.md" <<'PY'
import json, os, platform, re, subprocess, sys, datetime
out, command, write, md_path = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
r = json.load(open(os.path.join(out, "compare.json")))
load = lambda f: open(os.path.join(out, f)).read().split("load average:")[-1].strip()
cpu = "unknown CPU"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip(); break
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                        cwd=os.path.dirname(md_path)).stdout.strip()
# Operation, what, target p50 in ms (None: no target of its own).
rows = [
    ("compare_docs", "CompareDocuments, two random docs by id", 1.0),
    ("find_similar", "FindSimilar top 10 from a random stored doc", 20.0),
    ("sets_decades", "CompareSets, two random decades", 20.0),
    ("sets_terms", "CompareSets, match sets of two random words", 20.0),
    ("trend_all_years", f"TermTrend 1-3 words per year, {r['min_year']}-{r['max_year']}", None),
    ("trend_10_years", "TermTrend 1-3 words per year, a random 10-year range", 10.0),
]
lines = ["| operation | n | p50 ms | p99 ms | target p50 | met | sanity |",
         "|---|---:|---:|---:|---:|---|---|"]
for key, what, target in rows:
    o = r["ops"][key]
    p50, p99 = o["p50_us"] / 1000, o["p99_us"] / 1000
    sanity = ", ".join(f"{k} {v:g}" for k, v in o.items() if k.startswith("mean_"))
    if target is None:
        tcol, met = "—", "(10-year target: next row)"
    else:
        tcol = f"≤ {target:g} ms"
        met = "yes" if p50 <= target else f"**no**, {p50 / target:.1f}× the target"
    lines.append(f"| {what} | {o['n']} | {p50:.3f} | {p99:.3f} | {tcol} | {met} | {sanity} |")
mlt_path = os.path.join(out, "lucene_mlt.json")
if os.path.exists(mlt_path):
    m = json.load(open(mlt_path))["ops"]["find_similar"]
    o = r["ops"]["find_similar"]
    lines.append(f"| Lucene MoreLikeThis top 10 from a stored doc (FindSimilar's peer) | {m['n']} | "
                 f"{m['p50_us'] / 1000:.3f} | {m['p99_us'] / 1000:.3f} | — | FindSimilar ÷ Lucene: "
                 f"p50 {o['p50_us'] / m['p50_us']:.2f}×, p99 {o['p99_us'] / m['p99_us']:.2f}× | "
                 f"mean_hits {m['mean_hits']:g} |")
table = "\n".join(lines)
print(table)
if not write:
    sys.exit(0)
N = r["docs"]
section = f"""<!-- compare:{N} -->
### Comparison operations, {N:,} documents (in process)

- Command: `{command}` (`bench/compare_bench.cc`; seed {r['seed']}, one warm-up pass then {r['rounds']} timed pass(es) per operation; each call timed from request proto to response proto).
- Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; load average before {load('load_before.txt')}, after {load('load_after.txt')} (other engineers building on the same 2 cores).
- Date: {datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M UTC')}; commit {commit} (plus the uncommitted bench files of this run).
- Index: built in {r['index_s']:.1f} s with the CompareSets tallies (DocumentVectors); memory {r['index_memory_bytes'] / 1e6:,.0f} MB estimated, of which the tallies {r['vectors_memory_bytes'] / 1e6:,.0f} MB ({r['vector_term_keys']:,} term and {r['vector_phrase_keys']:,} phrase keys).

{table}

Why the targets are met or missed, and the Lucene comparison: the hand-written
`compare-notes` block below (never rewritten by this script).
<!-- /compare:{N} -->"""
md = open(md_path).read()
pat = re.compile(rf"<!-- compare:{N} -->.*?<!-- /compare:{N} -->", re.S)
if pat.search(md):
    md = pat.sub(lambda m: section, md)
else:
    md = md.rstrip("\n") + "\n\n" + section + "\n"
open(md_path, "w").write(md)
print(f"wrote section compare:{N} of {md_path}", file=sys.stderr)
PY
log "results in ${OUT}"
