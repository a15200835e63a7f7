#!/usr/bin/env python3
"""Looks for parser inputs whose cost grows faster than their size.

A reader that takes a piece off the front of a line and then reads the
rest again is linear on real documents and quadratic on a text made of
that piece repeated. This script repeats each of a list of short pieces
(dates, references, labels, titles, menus, links, HTML elements ...) into
a small and a large text, parses both with `parse_dump` (which parses each
file as text, as CRLF text and as an HTML page) and prints how much longer
the large one took. Linear cost gives about the ratio of the sizes (16 by
default), less the process's fixed start-up; a ratio well above it marks a
reader to look at with `perf record`. A quadratic part small next to the
linear one shows only in large texts, hence the sizes.

  bench/parse_scaling.py build/release/bench/parse_dump [--small 50000] [--large 800000]
                         [--pairs N] [--seed S]

--pairs N also tries N pairs of text pieces, drawn at random, taken in
turn ("1 December 1999 Ms. 1 December 1999 Ms. ..."): a reader may step
over one kind of piece to reach another.

Exits 1 when some input took more than 1.5 times the size ratio.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

TEXT_PIECES = [
    # Dates in the forms the date reader knows, and a date beside a label.
    "1 December 1999", "December 7, 2001", "Wednesday, 18 December 2001", "7 Dec. 2001",
    "07-Dec-2001", "2001-12-07", "28.06.04", "12th", "1999", "Monday",
    "Updated: 07-Dec-2001", "Statement 1 December 1999",
    "1 December 1999 Press Release (99)101", "December 7, 2001 Statement Meeting",
    # References, labels and headlines.
    "Press Release (99)101", "M-NAC-1(99)64", "M-NAC-1(99)64 Statement", "Statement",
    "Press Release", "Communiqué", "Déclaration", "Chairman's Summary",
    "Remarks by the Secretary General", "Meeting of the North Atlantic Council",
    '"Quoted title"', "For immediate release", "By the President", "Dear Sir,",
    # Titles and names, entities and acronyms.
    "Ms.", "Mr. Solana", "U.S.", "I.", "NATO", "NATO-Russia Council (NRC)",
    "Theatre Missile Defence (TMD)", "Article 5", "NATO/OTAN", "Brussels,",
    # Furniture.
    "EN / FR / RU", "Page 1 of 2", "Top of page", "Read more", "Share this:",
    "Photo:", "Copyright 2001", "Audio file .MP3/806Kb", "(17Kb)",
    "http://www.nato.int/docu/pr/1999/p99-101e.htm", "www.nato.int",
    "e-mail: natodoc@hq.nato.int", "Tel. +32 2 707 50 41",
    # Paragraph marks, punctuation and words.
    "1.", "(a)", "* * *", "• Item", "-", "|", "A", "Council.", "co-operation",
    "NorthAtlantic", "todayÂ’s", "Ⅻ", "<b>x</b>", "&amp;",
]
TEXT_SEPARATORS = [" ", "\n", "\n\n"]

HTML_PIECES = [
    "<br>", "<p>Press Release</p>", '<li><a href="/x">Home</a></li>',
    "<tr><td>1 December 1999</td><td>Statement</td></tr>", "<script>var a=1;</script>",
    "<!-- c -->", '<div class="menu">EN / FR</div>', "<h1>Meeting of the Council</h1>",
    '<meta charset="utf-8">', "<title>NATO</title>", '<img alt="photo" src="a.jpg">',
    "<p>December 7, 2001</p>", "<b>Statement</b> ", "<div>", "</div>",
    "<span>co-</span>operation", "<nav>Top of page</nav>", "<p>&nbsp;</p>",
]
HTML_SEPARATORS = ["", "\n"]

# JSON documents: a body of repeated text, and an ignored field of nested
# arrays (the JSON parser's own cost).
JSON_CASES = [
    ("json body", "Ms. ", lambda body: '{"title": "T", "body": "' + body + '"}'),
    ("json nesting", "[", lambda body: '{"title": "T", "body": "x", "extra": ' + body +
     "]" * len(body) + "}"),
]


def repeat(piece, separator, size):
    count = max(1, size // (len(piece) + len(separator)))
    return separator.join([piece] * count)


def html_page(body):
    return ("<html><head><title>T</title></head><body><h1>Title of the page</h1>"
            "<p>The Council met today and agreed.</p>" + body + "</body></html>")


def parse_seconds(parse_dump, directory, name, text, timeout):
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    with open(os.path.join(directory, name), "w", encoding="utf-8") as out:
        out.write(text)
    start = time.monotonic()
    try:
        subprocess.run([parse_dump, directory], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return float("inf")
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parse_dump", help="path to the parse_dump binary")
    parser.add_argument("--small", type=int, default=50000, help="bytes of the small text")
    parser.add_argument("--large", type=int, default=800000, help="bytes of the large text")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per parse_dump run")
    parser.add_argument("--pairs", type=int, default=0, help="random pairs of text pieces to try")
    parser.add_argument("--seed", type=int, default=1, help="seed for the pairs")
    args = parser.parse_args()
    size_ratio = args.large / args.small
    cases = [(p, s, "x.txt", lambda body: body) for p in TEXT_PIECES for s in TEXT_SEPARATORS]
    cases += [(p, s, "x.html", html_page) for p in HTML_PIECES for s in HTML_SEPARATORS]
    cases += [(piece, "", "x.json", wrap) for _, piece, wrap in JSON_CASES]
    draw = random.Random(args.seed)
    for _ in range(args.pairs):
        first, second = draw.sample(TEXT_PIECES, 2)
        separator = draw.choice(TEXT_SEPARATORS)
        cases.append((first + separator + second, separator, "x.txt", lambda body: body))
    flagged = 0
    with tempfile.TemporaryDirectory(prefix="parse_scaling_") as scratch:
        directory = os.path.join(scratch, "input")
        for piece, separator, name, wrap in cases:
            small = parse_seconds(args.parse_dump, directory, name,
                                  wrap(repeat(piece, separator, args.small)), args.timeout)
            large = parse_seconds(args.parse_dump, directory, name,
                                  wrap(repeat(piece, separator, args.large)), args.timeout)
            ratio = large / small if small > 0 else float("inf")
            mark = ""
            if ratio > 1.5 * size_ratio and large > 0.5:
                mark = "  <- grows faster than the input"
                flagged += 1
            print(f"{name[2:]:4} {piece!r:50} joined by {separator!r:6} "
                  f"{small:7.2f} s {large:8.2f} s  x{ratio:5.1f}{mark}", flush=True)
    print(f"{len(cases)} inputs, {flagged} growing faster than their size "
          f"(size ratio {size_ratio:g})")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
