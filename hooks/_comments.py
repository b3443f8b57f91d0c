"""Comment blocks of Python source: full-line comments, grouped, minus non-prose.

A block is a run of full-line comments on consecutive lines at the same column. Lines
that are never anyone's prose or code break blocks and are left out: pragmas (``noqa``,
``type:``, ``fmt:``, ``isort:``, ``pylint:``...), the shebang and encoding lines, cell
markers (``# %%``, ``# In[ ]:``, ``# +``, ``# -``, Databricks' ``# COMMAND``), every
comment of a markdown cell in a paired script (``# %% [markdown]``), the jupytext
header (``# ---`` ... ``# ---`` before any code), inline script metadata
(``# /// script``), and comments matching the user's ``ignore-patterns``.

``candidate_comments`` takes every line whose first character is ``#``: a superset of
the comments (a line inside a multi-line string may start with ``#``), enough to rule
a file out. Where something is found, ``locate`` asks the parse tree which of those
lines lie inside a string or inside brackets, and ``exact_comments`` (``tokenize``)
settles the lines a string spans.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence

PRAGMA = re.compile(
    r"#+\s*(?:noqa\b|nosec\b|type\s*:|pylint\s*:|fmt\s*:|isort\s*:|mypy\s*:|pyright\s*:"
    r"|ruff\s*:|pragma\s*:|yapf\s*:|flake8\s*[:\s]|mlhooks\s*:|pyre-|pytype\s*:"
    r"|(?:end)?region\b|vim?\s*:|-\*-|spellchecker\s*:|codespell\s*:|nolint\b"
    r"|lint\s*:|cython\s*:|jupytext\s*[:\s]|MAGIC\b|Databricks notebook source)",
    re.IGNORECASE,
)
CODING = re.compile(r"^[ \t\f]*#.*?coding[:=]")
MARKER = re.compile(
    r"#\s*%%|#\s*In\s*\[[\d\s]*\]\s*:?\s*$|# [+-]\s*$|# \+ (?:\[|\w+=|\{)"
    r"|#\s*<(?:code|markdown)cell>"
    r"|# COMMAND -+\s*$"
)
MARKDOWN_CELL = re.compile(r"#\s*%%.*\[(?:markdown|md)\]|# \+ \[(?:markdown|md)\]")
HEADER_FENCE = re.compile(r"#\s?---\s*$")
SCRIPT_OPEN = re.compile(r"# /// [a-zA-Z0-9-]+\s*$")
SCRIPT_CLOSE = re.compile(r"# ///\s*$")
OPENING, CLOSING = frozenset("([{"), frozenset(")]}")


@dataclass(frozen=True)
class Comment:
    """One full-line comment: 1-based line, 0-based column of ``#``, its text, and
    the brackets the code leaves open around it (-1: not known)."""

    line: int
    col: int
    text: str
    depth: int = -1


@dataclass(frozen=True)
class Block:
    """Full-line comments on consecutive lines at one column."""

    comments: tuple[Comment, ...]

    @property
    def first(self) -> int:
        return self.comments[0].line

    @property
    def last(self) -> int:
        return self.comments[-1].line

    @property
    def col(self) -> int:
        return self.comments[0].col

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(comment.text for comment in self.comments)

    @property
    def in_brackets(self) -> bool:
        """Inside a call, list or dict of the code (-1: unknown counts as no)."""
        return self.comments[0].depth > 0


def candidate_comments(text: str) -> list[Comment]:
    """Every line whose first non-blank character is ``#``: a superset of the
    full-line comments (a line inside a multi-line string may start with ``#``)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" \t\f")
        if stripped.startswith("#"):
            found.append(Comment(number, len(line) - len(stripped), stripped.rstrip()))
    return found


def exact_comments(text: str) -> list[Comment] | None:
    """The full-line comments ``tokenize`` finds, with the bracket depth around each;
    None when ``tokenize`` cannot read the text."""
    found, depth = [], 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.OP:
                depth += (token.string in OPENING) - (token.string in CLOSING)
            elif token.type == tokenize.COMMENT:
                row, col = token.start
                if not token.line[:col].strip():
                    found.append(Comment(row, col, token.string.rstrip(), depth))
    except (tokenize.TokenError, SyntaxError):
        return None
    return found


def locate(tree: ast.AST, wanted: Iterable[int]) -> tuple[set[int], set[int]]:
    """Of the ``wanted`` lines, those inside a multi-line string and those inside
    brackets (an expression spans them), from the parse tree: only nodes that span a
    wanted line are visited."""
    lines = sorted(set(wanted))
    strings: set[int] = set()
    brackets: set[int] = set()
    stack = [tree]
    while stack:
        for node in ast.iter_child_nodes(stack.pop()):
            first = getattr(node, "lineno", 0)
            last = getattr(node, "end_lineno", None) or first
            inside = lines[bisect_left(lines, first) : bisect_right(lines, last)]
            if not inside or first == last:
                continue
            if isinstance(node, (ast.Constant, ast.JoinedStr)):
                strings.update(line for line in inside if line > first)
                continue
            if isinstance(node, ast.expr):
                brackets.update(line for line in inside if first < line < last)
            stack.append(node)
    return strings, brackets


def _continued(lines: Sequence[str], line: int) -> bool:
    """The line before ends with a backslash: deleting this one would join lines."""
    return line >= 2 and lines[line - 2].rstrip("\r").endswith("\\")


def never_flagged(
    comments: Iterable[Comment],
    lines: Sequence[str],
    first_code: int,
    ignore: Sequence[re.Pattern[str]] = (),
) -> set[int]:
    """Lines of ``comments`` that are no one's prose or code (see the module doc)."""
    skipped: set[int] = set()
    markdown = header = script = False
    for comment in comments:
        text, line = comment.text, comment.line
        if MARKER.match(text):
            markdown = bool(MARKDOWN_CELL.match(text))
        elif header or (HEADER_FENCE.match(text) and line < first_code):
            header = not (header and HEADER_FENCE.match(text))
        elif script or SCRIPT_OPEN.match(text):
            script = not (script and SCRIPT_CLOSE.match(text))
        elif not (
            markdown
            or PRAGMA.match(text)
            or (line <= 2 and (text.startswith("#!") or CODING.match(text)))
            or _continued(lines, line)
            or any(pattern.search(text) for pattern in ignore)
        ):
            continue
        skipped.add(line)
    return skipped


def comment_blocks(comments: Sequence[Comment], skipped: set[int]) -> list[Block]:
    """``comments`` minus ``skipped`` lines, grouped into blocks."""
    blocks: list[list[Comment]] = []
    previous: Comment | None = None
    for comment in comments:
        if comment.line in skipped:
            previous = None
            continue
        joins = previous is not None and (
            comment.line == previous.line + 1 and comment.col == previous.col
        )
        if joins:
            blocks[-1].append(comment)
        else:
            blocks.append([comment])
        previous = comment
    return [Block(tuple(block)) for block in blocks]
