#!/usr/bin/env python3
"""Scores the parser on the layouts in this folder from parse_dump's output.

    build/release/bench/parse_dump bench/unseen_layouts/held_out > /tmp/dump.txt
    bench/unseen_layouts/score.py /tmp/dump.txt [--verbose | --totals]

For each document named in expected.tsv (file, titles accepted, types
accepted, published date; alternatives separated by '|', '*' for any
type) it compares the parse of the file as it is (not the CRLF and HTML
copies parse_dump adds) and prints title, type and published right out of
the documents scored; furniture.tsv lists lines that must not be in a
document's paragraphs.
"""
import collections
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def unescape(text):
    """The text of a protobuf text-format string (octal escapes are UTF-8 bytes)."""
    return text.encode("latin1").decode("unicode_escape").encode("latin1").decode("utf8")


def read_dump(path):
    parsed = {}
    current = None
    in_published = False
    number = ""
    for line in open(path, encoding="utf8"):
        if line.startswith("=== "):
            name = line[4:].strip()
            current = None if name.endswith(")") else os.path.basename(name)
            if current is not None:
                parsed[current] = {"paragraphs": [], "numbered": [], "published": [],
                                   "folder": os.path.dirname(name)}
            continue
        if current is None:
            continue
        document = parsed[current]
        match = re.match(r"  (title|subtitle|doc_type): (.*)", line)
        if match and match.group(1) not in document:
            value = match.group(2)
            document[match.group(1)] = unescape(value[1:-1]) if value.startswith('"') else value
        if line.startswith("  published {"):
            in_published = True
            continue
        if in_published:
            match = re.match(r"    (year|month|day): (\d+)", line)
            if match:
                document["published"].append(int(match.group(2)))
            else:
                in_published = False
        # A paragraph's number ("1.") is printed apart, before its text.
        match = re.match(r'    number: "(.*)"', line)
        if match:
            number = unescape(match.group(1))
        match = re.match(r'    text: "(.*)"', line)
        if match:
            document["paragraphs"].append(unescape(match.group(1)))
            document["numbered"].append(number + unescape(match.group(1)))
            number = ""
    return parsed


def alnum(text):
    """Letters and digits alone, in any script, accents folded: wrapping and
    spacing aside."""
    return "".join(c for c in unicodedata.normalize("NFKD", text).casefold() if c.isalnum())


# The full stops of the scripts the sets are written in: Latin, Greek and
# Cyrillic '.', the CJK '。', fullwidth '！' and '？', the Arabic question
# mark, the Devanagari danda and the Armenian full stop.
SENTENCE_ENDS = (".", "\u3002", "\uff01", "\uff1f", "\u061f", "\u0964", "\u0589")


def lost_sentences(name, document, furniture_lines):
    """The page's body sentences the parse does not hold, or None when the
    page is not where the dump says it was parsed from."""
    path = os.path.join(document["folder"], name)
    if not os.path.isfile(path):
        return None
    parsed = alnum(document.get("title", "") + document.get("subtitle", "") +
                   "".join(document["numbered"]))
    lost = []
    for line in open(path, encoding="utf8", errors="replace"):
        line = line.strip()
        if len(line) < 60 or not line.endswith(SENTENCE_ENDS) or line in furniture_lines:
            continue
        if alnum(line) not in parsed:
            lost.append(line)
    return lost


def main():
    parsed = read_dump(sys.argv[1])
    verbose = "--verbose" in sys.argv
    # Totals only, for the sets that must stay unread (README.md).
    totals = "--totals" in sys.argv
    right = collections.Counter()
    scored = 0
    for row in open(os.path.join(HERE, "expected.tsv"), encoding="utf8"):
        name, titles, types, published = row.rstrip("\n").split("\t")
        if name not in parsed:
            continue
        scored += 1
        document = parsed[name]
        date = "%04d-%02d-%02d" % tuple(document["published"]) if len(document["published"]) == 3 else ""
        checks = {
            "title": document.get("title", "") in titles.split("|"),
            "type": types == "*" or document.get("doc_type", "DOC_TYPE_UNSPECIFIED") in types.split("|"),
            "published": date == published,
        }
        right.update(field for field, ok in checks.items() if ok)
        if not totals and (verbose or not all(checks.values())):
            wrong = ",".join(field for field, ok in checks.items() if not ok) or "-"
            print(f"{name}: wrong {wrong}: title {document.get('title', '')!r}, "
                  f"{document.get('doc_type', 'DOC_TYPE_UNSPECIFIED')}, published {date or 'unset'}")
    furniture = collections.defaultdict(list)
    for row in open(os.path.join(HERE, "furniture.tsv"), encoding="utf8"):
        name, text = row.rstrip("\n").split("\t")
        if name in parsed:
            furniture[name].append(text)
    clean = 0
    for name, lines in sorted(furniture.items()):
        left = [text for text in lines if text in parsed[name]["paragraphs"] or
                any(paragraph.startswith(text) and len(text) >= 20 for paragraph in parsed[name]["paragraphs"])]
        clean += not left
        if left and not totals:
            print(f"{name}: furniture left in the body: {left}")
    whole = 0
    checked = 0
    for name, document in sorted(parsed.items()):
        lost = lost_sentences(name, document, set(furniture.get(name, [])))
        if lost is None:
            continue
        checked += 1
        whole += not lost
        if lost and not totals:
            print(f"{name}: body sentences lost: {lost}")
    for field in ("title", "type", "published"):
        print(f"{field:10} {right[field]:3}/{scored}")
    print(f"documents with every listed furniture line removed {clean}/{len(furniture)}")
    print(f"documents with no body sentence lost {whole}/{checked}")


if __name__ == "__main__":
    main()
