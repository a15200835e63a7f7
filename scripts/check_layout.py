#!/usr/bin/env python3
"""Checks the query service's layout promise (docs/ENGINE.md): no class is
spread over more than two files (its members are defined in at most one .cc
file beside its header) and no class exceeds ~400 lines (its out-of-line
members, and its body when it is defined in a .cc).

Usage: check_layout.py [--list] [ROOT]   (ROOT defaults to the checkout's
query_service/). Exits 1 naming every class that breaks the promise; --list
prints each class with the files and lines that define it.
"""
import argparse
import collections
import pathlib
import re
import sys

# A class's out-of-line members may total this many lines (the style
# guide's "never > ~400 for a class", with the slack its "~" allows).
MAX_CLASS_LINES = 420

CLASS_DECLARATION = re.compile(r"^\s*(?:class|struct)\s+(?:\[\[\w+\]\]\s+)?([A-Za-z_]\w*)\b[^;(]*$")
# The head of a class definition: `class Name final : public Base {`.
CLASS_BODY = re.compile(r"^\s*(?:template\s*<[^{]*>\s*)?(?:class|struct)\s+(?:\[\[\w+\]\]\s+)?((?:[A-Za-z_]\w*::)*[A-Za-z_]\w*)\b[^(=]*\{$")
# `Name::member(`, `Name::~Name(`, `Name::operator==(`, `Name::kConstant =`,
# possibly nested (`Outer::Inner::Run(`); templates arguments allowed.
QUALIFIED_NAME = re.compile(
    r"(?<![\w:.>])((?:[A-Za-z_]\w*(?:<[^<>;(){}]*>)?::)+)(~?[A-Za-z_]\w*|operator\s*\S+?)\s*[(={;\[]"
)


def strip_comments_and_strings(text):
    """Blanks comments, string and character literals, keeping newlines."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join(ch if ch == "\n" else " " for ch in text[i:j]))
            i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            open_paren = text.find("(", i)
            delimiter = text[i + 2 : open_paren]
            j = text.find(")" + delimiter + '"', open_paren)
            j = n if j < 0 else j + len(delimiter) + 2
            out.append('""' + "\n" * text[i:j].count("\n"))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def top_level_chunks(text):
    """Yields (line, chunk) for code outside every function and class body:
    namespace braces do not count as depth."""
    depth = 0
    namespace_depths = []
    pending_namespace = False
    line = 1
    chunk_start_line, chunk = 1, []
    for token in re.finditer(r"(?<![\w:])namespace\b|[{};]|\n|[^{};\n]+?(?=(?<![\w:])namespace\b|[{};\n]|$)", text):
        value = token.group(0)
        if value == "\n":
            line += 1
            if depth == 0:
                chunk.append(" ")
            continue
        if value == "namespace" and depth == 0:
            pending_namespace = True
        if value == "{":
            if pending_namespace:
                namespace_depths.append(depth)
                pending_namespace = False
                chunk_start_line, chunk = line, []
                continue
            if depth == 0:
                yield chunk_start_line, "".join(chunk) + "{", line
            depth += 1
            continue
        if value == "}":
            if namespace_depths and depth == namespace_depths[-1]:
                namespace_depths.pop()
            else:
                depth -= 1
                if depth == 0:
                    yield line, "}", line  # end of a body: closes the last definition
            chunk_start_line, chunk = line + 0, []
            continue
        if value == ";":
            pending_namespace = False
            if depth == 0:
                yield chunk_start_line, "".join(chunk) + ";", line
                chunk_start_line, chunk = line, []
            continue
        if depth == 0:
            if not chunk or not "".join(chunk).strip():
                chunk_start_line = line
            chunk.append(value)


def classes_declared(root):
    """Class name -> files declaring it (headers and .cc files)."""
    declared = collections.defaultdict(set)
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".h", ".cc"):
            continue
        text = strip_comments_and_strings(path.read_text(encoding="utf-8"))
        for line in text.splitlines():
            match = CLASS_DECLARATION.match(line)
            if match and not line.rstrip().endswith(";"):
                declared[match.group(1)].add(path)
    return declared


def member_definitions(root, declared):
    """Class -> {.cc file: lines of its out-of-line members there, and of
    its body when the class is defined in that .cc}. A class is named by its
    path ("SearchIndex", "IndexServiceImpl::WriteStream"); one declared in
    no header is local to its .cc and named with it ("Parser (search/...)"),
    so that two files' private helpers of the same name stay apart."""
    in_header = {name for name, paths in declared.items() if any(p.suffix == ".h" for p in paths)}
    defined = collections.defaultdict(lambda: collections.defaultdict(int))
    for path in sorted(root.rglob("*.cc")):
        text = strip_comments_and_strings(path.read_text(encoding="utf-8"))

        def owner_of(qualifiers):
            name = "::".join(qualifiers)
            return name if qualifiers[0] in in_header else f"{name} ({path.relative_to(root)})"

        open_definition = None  # (class, first line) of a body being read
        for first_line, chunk, last_line in top_level_chunks(text):
            if chunk == "}":
                if open_definition is not None:
                    owner, start = open_definition
                    defined[owner][path] += last_line - start + 1
                    open_definition = None
                continue
            body_of = CLASS_BODY.match(chunk)
            if body_of:
                # A class defined in the .cc itself: its body is its size.
                open_definition = (owner_of(body_of.group(1).split("::")), first_line)
                continue
            # The declarator: the first qualified name not in an
            # initializer (`constexpr DocId kEnd = WordCursor::kEnd;` uses
            # WordCursor, it does not define a member of it).
            match = next((m for m in QUALIFIED_NAME.finditer(chunk) if "=" not in chunk[: m.start()]), None)
            if not match:
                continue
            qualifiers = [re.sub(r"<.*>", "", q) for q in match.group(1).split("::") if q]
            # Drop leading namespaces (docsearch::query::Foo::Bar).
            while qualifiers and qualifiers[0] not in declared:
                qualifiers.pop(0)
            if not qualifiers:
                continue
            owner = owner_of(qualifiers)
            if chunk.endswith("{"):
                open_definition = (owner, first_line)
            else:
                defined[owner][path] += last_line - first_line + 1
    return defined


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=pathlib.Path(__file__).resolve().parent.parent / "query_service")
    parser.add_argument("--list", action="store_true", help="print every class and where it is defined")
    args = parser.parse_args()
    root = pathlib.Path(args.root)
    declared = classes_declared(root)
    defined = member_definitions(root, declared)

    problems = []
    for owner in sorted(defined):
        files = defined[owner]
        total = sum(files.values())
        # Members beside the header in one .cc: two files in all.
        allowed_cc_files = 1
        where = ", ".join(f"{p.relative_to(root)} ({lines})" for p, lines in sorted(files.items()))
        if args.list:
            print(f"{owner}: {total} lines in {where}")
        if len(files) > allowed_cc_files:
            problems.append(f"{owner} is spread over {len(files)} .cc files (at most "
                            f"{allowed_cc_files} beside its declaration): {where}")
        if total > MAX_CLASS_LINES:
            problems.append(f"{owner} has {total} lines of members (at most {MAX_CLASS_LINES}): {where}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("split the class by concept (docs/ENGINE.md, 'Layout')", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
