"""Relevance benchmark: runs the judged needs through docsearch, a plain BM25
and Lucene 8 with its language analyzers, and prints nDCG@10, P@5, recall@10.

Started by bench/relevance/run.sh, which brings up the services and ingests
the corpus; see docs/RELEVANCE.md for the method.

Metrics (per need, then averaged over needs):
  nDCG@10   gain 2^grade - 1, discount log2(rank + 1), ideal from every judged
            document of the need (the judgments are exhaustive).
  P@5       share of the first 5 results with grade >= 2.
  recall@10 documents with grade >= 2 in the first 10 / all with grade >= 2.
"""

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from judgments import load_needs  # noqa: E402
from plain_bm25 import PlainBm25  # noqa: E402

RELEVANT = 2


def ndcg_at(ranking, grades, k=10):
    dcg = sum((2 ** grades.get(p, 0) - 1) / math.log2(i + 2) for i, p in enumerate(ranking[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def precision_at(ranking, grades, k=5):
    return sum(1 for p in ranking[:k] if grades.get(p, 0) >= RELEVANT) / k


def recall_at(ranking, grades, k=10):
    relevant = [p for p, g in grades.items() if g >= RELEVANT]
    if not relevant:
        return 0.0
    return sum(1 for p in ranking[:k] if grades.get(p, 0) >= RELEVANT) / len(relevant)


def document_languages(corpus_dir, documents):
    languages = {p: "en" for p in documents if p.startswith("seeds/")}
    for folder in ("nato-dev", "statements-dev"):
        with open(os.path.join(corpus_dir, folder, "labels.jsonl"), encoding="utf-8") as f:
            for line in f:
                label = json.loads(line)
                languages[f"{folder}/docs/{label['file']}"] = label["language"]
    return languages


def run_docsearch(command, needs, extra_args):
    # --nocollapse: the judgments grade every copy of a text alike and the
    # ideal ranking holds them all, so the ranking is measured with every
    # copy, as the peers rank them (the CLI collapses copies by default).
    runs, failures = {}, {}
    for need in needs:
        argv = shlex.split(command) + ["--json", "search", "--nocollapse", "-q", need.query] + extra_args
        result = subprocess.run(argv, capture_output=True, text=True)
        if result.returncode != 0:
            failures[need.need_id] = result.stderr.strip().splitlines()[-1:] or ["exit %d" % result.returncode]
            runs[need.need_id] = []
            continue
        response = json.loads(result.stdout.splitlines()[0]) if result.stdout.strip() else {}
        runs[need.need_id] = [hit.get("sourceUri", "") for hit in response.get("hits", [])]
    return runs, failures


def run_lucene(java_command, corpus_dir, needs, documents, languages):
    lines = [f"D\t{p}\t{languages.get(p, 'xx')}" for p in documents]
    lines += [f"Q\t{n.need_id}\t{n.language}\t{n.query}" for n in needs]
    result = subprocess.run(shlex.split(java_command) + [corpus_dir], input="\n".join(lines) + "\n",
                            capture_output=True, text=True, check=True)
    runs = {n.need_id: [] for n in needs}
    for line in result.stdout.splitlines():
        need_id, _, path = line.split("\t")
        runs[need_id].append(path)
    return runs


def summarize(runs, needs):
    rows = {}
    for label, subset in (("all", needs), ("fr", [n for n in needs if n.language == "fr"])):
        if not subset:
            continue
        rows[label] = tuple(
            sum(metric(runs[n.need_id], n.grades) for n in subset) / len(subset)
            for metric in (ndcg_at, precision_at, recall_at))
    return rows


def without_accents(text):
    """`text` with the combining marks of its letters dropped ("défense" -> "defense")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def print_tables(systems, needs, out):
    for split, title in (("heldout", "held-out needs (headline)"), ("tune", "tuning needs"),
                         ("fresh", "fresh needs (written after the tuning rounds)"),
                         ("fresh2", "second fresh needs (written after the ninth round)"),
                         ("fresh3", "third fresh needs (written after the tenth round)"),
                         ("fresh4", "fourth fresh needs (written during the twelfth round)"),
                         ("fresh5", "fifth fresh needs (harder: several documents of grade 2-3 each)"),
                         ("fresh6", "sixth fresh needs (written during the fourteenth round)"),
                         (None, "all needs")):
        subset = [n for n in needs if split is None or n.split == split]
        if not subset or (split is None and len({n.split for n in needs}) == 1):
            continue
        n_fr = sum(1 for n in subset if n.language == "fr")
        out.write(f"\n### {title}: {len(subset)} needs, {n_fr} French\n\n")
        out.write("| run | nDCG@10 | P@5 | recall@10 | French nDCG@10 | French P@5 | French recall@10 |\n")
        out.write("|---|---|---|---|---|---|---|\n")
        for name, runs in systems:
            rows = summarize(runs, subset)
            a, f = rows["all"], rows.get("fr", (0, 0, 0))
            out.write(f"| {name} | {a[0]:.3f} | {a[1]:.3f} | {a[2]:.3f} | {f[0]:.3f} | {f[1]:.3f} | {f[2]:.3f} |\n")


def print_per_need(systems, needs, out):
    out.write("\n### nDCG@10 per need\n\n| need | split | query | " +
              " | ".join(name for name, _ in systems) + " |\n")
    out.write("|---|---|---|" + "---|" * len(systems) + "\n")
    for n in needs:
        cells = " | ".join(f"{ndcg_at(runs[n.need_id], n.grades):.2f}" for _, runs in systems)
        out.write(f"| {n.need_id} | {n.split} | {n.query} | {cells} |\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--docsearch", required=True, help="docsearch CLI command with its service flags")
    parser.add_argument("--lucene", help="java command running LuceneRelevance (omit to skip)")
    parser.add_argument("--per-need", action="store_true", help="also print nDCG@10 per need")
    parser.add_argument("--runs-out", help="write every run's rankings here as JSON")
    parser.add_argument("--split", choices=("tune", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6"),
                        help="run only these needs (tune: while changing the engine, so that the "
                             "held-out figures are not seen before the final run; fresh: the needs "
                             "written after the engine's rounds; fresh2: those written after the ninth "
                             "round; fresh3: those written after the tenth round; fresh4: those written during the "
                             "twelfth round; fresh5: the harder set written after it; fresh6: those written "
                             "during the fourteenth round)")
    parser.add_argument("--unaccented", action="store_true",
                        help="type every query without its accents (judgments unchanged), as "
                             "users often do; every system gets the same queries")
    args = parser.parse_args()

    needs, documents = load_needs(args.corpus)
    if args.split:
        needs = [n for n in needs if n.split == args.split]
    if args.unaccented:
        for n in needs:
            n.query = without_accents(n.query)
    languages = document_languages(args.corpus, documents)
    bm25 = PlainBm25(args.corpus, documents)
    systems = [("plain BM25 (raw text, no stemming)", {n.need_id: bm25.search(n.query) for n in needs})]
    if args.lucene:
        systems.append(("Lucene 8.7 English/French/German analyzers",
                        run_lucene(args.lucene, args.corpus, needs, documents, languages)))
    docsearch_runs, failures = run_docsearch(args.docsearch, needs, [])
    systems.append(("docsearch `Search` query_string as typed", docsearch_runs))
    for need_id, message in failures.items():
        sys.stderr.write(f"docsearch failed on {need_id}: {' '.join(message)}\n")

    print_tables(systems, needs, sys.stdout)
    if args.per_need:
        print_per_need(systems, needs, sys.stdout)
    short = {n.need_id: sum(1 for _ in docsearch_runs[n.need_id]) for n in needs}
    print(f"\ndocsearch returned fewer than 10 hits for {sum(1 for v in short.values() if v < 10)} "
          f"of {len(needs)} needs, none for {sum(1 for v in short.values() if v == 0)}.")
    if args.runs_out:
        with open(args.runs_out, "w", encoding="utf-8") as f:
            json.dump({name: runs for name, runs in systems}, f, indent=1)


if __name__ == "__main__":
    main()
