"""The plain BM25 baseline: raw text, lower-cased word tokens, no stemming.

Deliberately naive (what a 60-line script gives): every document's whole file
text, Unicode word characters as tokens, words of the query OR'd, Okapi BM25
with k1 = 1.2, b = 0.75 and Lucene's idf. No stop words, no stemming, no
language handling, no title field.
"""

import collections
import math
import os
import re

TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text):
    return [t.lower() for t in TOKEN.findall(text)]


class PlainBm25:
    def __init__(self, corpus_dir, documents, k1=1.2, b=0.75):
        self.k1, self.b = k1, b
        self.documents = documents
        self.term_freqs = []
        self.lengths = []
        self.doc_freq = collections.Counter()
        for path in documents:
            with open(os.path.join(corpus_dir, path), encoding="utf-8", errors="replace") as f:
                counts = collections.Counter(tokens(f.read()))
            self.term_freqs.append(counts)
            self.lengths.append(sum(counts.values()))
            self.doc_freq.update(counts.keys())
        self.average_length = sum(self.lengths) / len(self.lengths)

    def search(self, query, top=10):
        n = len(self.documents)
        scores = []
        for index, counts in enumerate(self.term_freqs):
            score = 0.0
            for term in tokens(query):
                tf = counts.get(term, 0)
                if not tf:
                    continue
                df = self.doc_freq[term]
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                norm = self.k1 * (1 - self.b + self.b * self.lengths[index] / self.average_length)
                score += idf * tf * (self.k1 + 1) / (tf + norm)
            if score > 0:
                scores.append((-score, self.documents[index]))
        scores.sort()
        return [path for _, path in scores[:top]]
