#!/usr/bin/env python3
"""Writes N generated JSON documents for the cluster ingest benchmark
(bench/cluster_ingest.sh): each a title, a published date and a body of
10-30 lines drawn at random (seeded) from the development corpus's text, so
the words, lengths and languages are the archive's.

    bench/cluster_docs.py --corpus ../shared/corpus --docs 20000 --out DIR [--seed 42]
"""

import argparse
import json
import os
import random


def corpus_lines(corpus):
    lines = []
    for folder in ("nato-dev/docs", "statements-dev/docs", "seeds"):
        root = os.path.join(corpus, folder)
        if not os.path.isdir(root):
            continue
        for name in sorted(os.listdir(root)):
            path = os.path.join(root, name)
            if not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as text:
                for line in text:
                    line = line.strip()
                    if len(line.split()) >= 6:  # Prose, not furniture.
                        lines.append(line)
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    lines = corpus_lines(args.corpus)
    if not lines:
        raise SystemExit("no text under %s (nato-dev/docs, statements-dev/docs, seeds)" % args.corpus)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for i in range(args.docs):
        body = rng.sample(lines, rng.randint(10, 30))
        document = {
            "id": "gen-%07d" % i,
            "title": "%s (%d)" % (" ".join(body[0].split()[:8]), i),
            "published": "%04d-%02d-%02d" % (rng.randint(1990, 2024), rng.randint(1, 12),
                                             rng.randint(1, 28)),
            "body": "\n\n".join(body),
        }
        text = json.dumps(document, ensure_ascii=False)
        total += len(text.encode("utf-8"))
        with open(os.path.join(args.out, "gen-%07d.json" % i), "w", encoding="utf-8") as out:
            out.write(text)
    print("%d documents, %.1f MB, in %s" % (args.docs, total / 1e6, args.out))


if __name__ == "__main__":
    main()
