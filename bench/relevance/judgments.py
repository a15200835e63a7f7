"""Reads bench/relevance/needs.txt: the information needs and their graded judgments.

Documents are named by file name in needs.txt and resolved here to their
corpus-relative path (e.g. nato-dev/docs/pr-2001-p010919e.txt). Every document
of the corpus is judged for every need: one not listed under a need is 0.
"""

import dataclasses
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
NEEDS_FILE = os.path.join(HERE, "needs.txt")
CORPUS_FOLDERS = ("seeds", "nato-dev/docs", "statements-dev/docs")


@dataclasses.dataclass
class Need:
    need_id: str
    language: str
    split: str  # "tune", "heldout", "fresh", "fresh2" ... "fresh6"
    query: str
    description: str
    grades: dict  # corpus-relative path -> grade 1..3 (absent: 0)


def corpus_documents(corpus_dir):
    """Corpus-relative paths of every document, sorted."""
    paths = []
    for folder in CORPUS_FOLDERS:
        full = os.path.join(corpus_dir, folder)
        if not os.path.isdir(full):
            raise SystemExit(f"corpus folder missing: {full}")
        for name in sorted(os.listdir(full)):
            if name.endswith(".txt"):
                paths.append(f"{folder}/{name}")
    return paths


def load_needs(corpus_dir, needs_file=NEEDS_FILE):
    documents = corpus_documents(corpus_dir)
    by_name = {}
    for path in documents:
        name = os.path.basename(path)
        if name in by_name:
            raise SystemExit(f"two documents named {name}: {by_name[name]} and {path}")
        by_name[name] = path
    needs = []
    current = None
    with open(needs_file, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            header = re.match(r"^== (\S+) (\w\w) (tune|heldout|fresh2|fresh3|fresh4|fresh5|fresh6|fresh) \| (.+)$", line)
            grade = re.match(r"^([123]): (.+)$", line)
            if header:
                current = Need(header[1], header[2], header[3], header[4].strip(), "", {})
                needs.append(current)
            elif current is None:
                raise SystemExit(f"{needs_file}:{number}: text before the first need")
            elif grade:
                for name in grade[2].split():
                    if name not in by_name:
                        raise SystemExit(f"{needs_file}:{number}: no document named {name}")
                    path = by_name[name]
                    if path in current.grades:
                        raise SystemExit(f"{needs_file}:{number}: {name} graded twice in {current.need_id}")
                    current.grades[path] = int(grade[1])
            elif not current.description:
                current.description = line.strip()
            else:
                raise SystemExit(f"{needs_file}:{number}: unexpected line: {line}")
    ids = [n.need_id for n in needs]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate need ids")
    return needs, documents


def write_qrels(needs, documents, out):
    """TREC-style qrels with every (need, document) pair, zeros included."""
    for need in needs:
        for path in documents:
            out.write(f"{need.need_id} 0 {path} {need.grades.get(path, 0)}\n")


if __name__ == "__main__":
    import sys
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../shared/corpus")
    needs, documents = load_needs(corpus)
    counts = {split: sum(n.split == split for n in needs) for split in ("tune", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")}
    print(f"{len(needs)} needs ({counts['tune']} tune, {counts['heldout']} heldout, {counts['fresh']} fresh, "
          f"{counts['fresh2']} fresh2, {counts['fresh3']} fresh3, {counts['fresh4']} fresh4, {counts['fresh5']} fresh5, {counts['fresh6']} fresh6) over {len(documents)} documents")
    for n in needs:
        counts = [sum(1 for g in n.grades.values() if g == k) for k in (3, 2, 1)]
        print(f"  {n.need_id} {n.language} {n.split:7} grades 3/2/1: {counts}  {n.query}")
