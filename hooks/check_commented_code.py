"""check-commented-code: commented-out code is deleted, not kept in comments.

The guideline asks that code the processing does not need be deleted (処理に不要なコード
を削除) and that comments not contradict the code (コードと矛盾しないコメント);
commented-out code is both, and git keeps it anyway. Each block of full-line comments
that is Python code is reported once, with its line range; prose is never reported, in
English or Japanese (shape notes, metric notes, ``word: word``, formulas, TODOs, a
sentence that code finishes), nor are pragmas, cell markers, markdown cells of paired
scripts, jupytext headers or script metadata. ``--fix`` deletes the blocks that hold
nothing but code, in ``.py`` files and notebook code cells alike.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from typing import Any, Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._codelike import Finding, Surroundings, body_of, find_code
from mlhooks._comments import (
    Block,
    Comment,
    candidate_comments,
    comment_blocks,
    exact_comments,
    locate,
    never_flagged,
)
from mlhooks._config import Option, Settings
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import BOM, FileProblem, write_atomic
from mlhooks._i18n import tr
from mlhooks._python import Source, read_sources

HOOK_ID = "check-commented-code"
CODES = {"MLH211": "commented-out code: a block of comments that is Python code"}
ASSIGNED = re.compile(r"\s*([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)")


def _check_min_lines(value: int) -> str:
    return "" if value >= 1 else f"must be 1 or more, not {value}"


def _check_patterns(value: list[str]) -> str:
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            return f"{pattern!r} is not a regular expression ({exc})"
    return ""


OPTIONS = (
    Option(
        "min-lines",
        "int",
        1,
        "report only blocks with at least this many lines of code",
        check=_check_min_lines,
    ),
    Option(
        "ignore-patterns",
        "list",
        [],
        "regexes: a comment (from its #) matching one is never reported",
        check=_check_patterns,
    ),
    Option(
        "report-ambiguous",
        "bool",
        False,
        "also report what reads as a note as often as code:"
        " name = <literal>, return x, if flag:, @decorator",
    ),
)


@dataclass(frozen=True)
class Rules:
    """The resolved options."""

    min_lines: int
    ignore: tuple[re.Pattern[str], ...]
    report_ambiguous: bool


def make_rules(settings: Settings) -> Rules:
    patterns = tuple(re.compile(p) for p in settings.ignore_patterns)
    return Rules(settings.min_lines, patterns, settings.report_ambiguous)


def _first_code(source: Source) -> int:
    """The first line of code (docstring included): a jupytext header precedes it."""
    if not source.tree.body:
        return len(source.lines) + 1
    node = source.tree.body[0]
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno] + [d.lineno for d in decorators])


def _neighbors(lines: Sequence[str], block: Block) -> frozenset[str]:
    """Names the code lines right before and after the block assign."""
    found = set()
    for number in (block.first - 1, block.last + 1):
        line = lines[number - 1] if 1 <= number <= len(lines) else ""
        match = ASSIGNED.match(line)
        if match and not line.lstrip().startswith("#"):
            found.add(match.group(1))
    return frozenset(found)


def _judge(
    source: Source, comments: list[Comment], rules: Rules, guess: bool
) -> list[tuple[Block, Finding]]:
    """Findings in ``comments``; ``guess``: assume brackets around where unknown."""
    lines = source.lines
    skipped = never_flagged(comments, lines, _first_code(source), rules.ignore)
    found: list[tuple[Block, Finding]] = []
    for block in comment_blocks(comments, skipped):
        neighbors = _neighbors(lines, block)
        for brackets in _bracket_guesses(block) if guess else (block.in_brackets,):
            around = Surroundings(brackets, neighbors, rules.report_ambiguous)
            findings = find_code(block.texts, around)
            found.extend((block, finding) for finding in findings)
            if findings:
                break
    return found


def _bracket_guesses(block: Block) -> tuple[bool, ...]:
    """Without ``tokenize``: outside brackets, and inside too where the block could
    hold arguments, elements or dict entries."""
    entries = any(re.search(r"[,=:]\s*$|=", text) for text in block.texts)
    return (False, True) if entries else (False,)


def find_blocks(source: Source, rules: Rules) -> list[tuple[Block, Finding]]:
    """Commented-out code of one source. Lines starting with ``#`` are judged first;
    only when some are code does the parse tree (or, where a string spans them,
    ``tokenize``) say which of them are comments, and inside brackets or not."""
    comments = candidate_comments(source.text)
    found = _judge(source, comments, rules, guess=True) if comments else []
    if not found:
        return []
    wanted = {c.line for block, _ in found for c in block.comments}
    strings, brackets = locate(source.tree, wanted)
    exact = exact_comments(source.text) if strings else None
    if exact is None:  # no string spans them: every one is a comment
        exact = [
            replace(c, depth=int(c.line in brackets))
            for c in comments
            if c.line in wanted
        ]
    return _judge(source, exact, rules, guess=False)


def _diagnostic(
    source: Source, block: Block, finding: Finding, rules: Rules
) -> Diagnostic | None:
    comments = block.comments[finding.start : finding.end]
    if sum(bool(body_of(c.text).strip()) for c in comments) < rules.min_lines:
        return None
    first, last = comments[0].line, comments[-1].line
    if first == last:
        where = tr("line {start}", start=first)
    else:
        where = tr("lines {start}-{end}", start=first, end=last)
    message = tr(
        "commented-out code ({where}): {why}, code the processing does not need;"
        " delete it (git keeps history) or, if it documents an alternative, turn it"
        " into prose",
        where=where,
        why=finding.why,
    )
    return source.at(first, block.col + 1, "MLH211", message)


def delete_lines(text: str, doomed: set[int]) -> str:
    """``text`` without the ``doomed`` lines (1-based); blank lines left doubled by
    a deletion (blank before and after it) lose the ones after it."""
    pieces, kept = text.split("\n"), []
    index = 0
    while index < len(pieces):
        if index + 1 not in doomed:
            kept.append(pieces[index])
            index += 1
            continue
        while index + 1 in doomed:
            index += 1
        if not kept or not kept[-1].strip():
            while index < len(pieces) - 1 and not pieces[index].strip():
                index += 1
    return "\n".join(kept)


def _as_source(text: str, original: Any) -> Any:
    """A cell source in the form it was stored: a list of lines or one string."""
    if not isinstance(original, list):
        return text
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _write(ctx: Context, path: str, doomed: dict[int | None, set[int]]) -> bool:
    """Delete the ``doomed`` lines of each cell (None: the file); True if written."""
    full = ctx.root / path
    data = full.read_bytes()
    bom = data.startswith(BOM)
    text = data[len(BOM) * bom :].decode("utf-8")
    if None in doomed:
        new = (BOM * bom) + delete_lines(text, doomed[None]).encode("utf-8")
        return write_atomic(full, new)
    from mlhooks._notebooks import dump_notebook, parse_notebook

    notebook = parse_notebook(path, text)
    for number, lines in doomed.items():
        raw = notebook.cells[(number or 1) - 1].data
        source = notebook.cells[(number or 1) - 1].source
        raw["source"] = _as_source(delete_lines(source, lines), raw.get("source"))
    return write_atomic(full, dump_notebook(notebook.data, notebook.text, bom))


def check_file(ctx: Context, path: str, rules: Rules) -> list[Diagnostic]:
    """Findings of one file; with ``ctx.fix``, blocks that are only code are deleted."""
    found: list[Diagnostic] = []
    doomed: dict[int | None, set[int]] = {}
    fixable: list[int] = []
    for item in read_sources(ctx.root, path):
        if isinstance(item, Diagnostic):
            found.append(item)
            continue
        for block, finding in find_blocks(item, rules):
            diag = _diagnostic(item, block, finding, rules)
            if diag is None:
                continue
            if ctx.fix and finding.whole and not ctx.silenced(diag):
                doomed.setdefault(item.cell, set()).update(
                    c.line for c in block.comments
                )
                fixable.append(len(found))
            found.append(diag)
    if doomed and _write(ctx, path, doomed):
        for index in fixable:
            found[index] = replace(found[index], fixed=True)
    return found


def check_commented_code(ctx: Context) -> list[Diagnostic]:
    """MLH211 for every block of commented-out code in ``ctx.filenames``."""
    rules = make_rules(ctx.settings)
    found = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # invalid escapes in commented-out strings
        for path in ctx.filenames:
            if (ctx.root / path).is_file():
                try:
                    found.extend(check_file(ctx, path, rules))
                except FileProblem as exc:
                    found.append(exc.diagnostic)
    return found


HOOK = Hook(
    id=HOOK_ID,
    summary="Commented-out code is deleted (git keeps history), never kept in"
    " comments; prose, pragmas and cell markers are left alone.",
    section="code",
    codes=CODES,
    check=check_commented_code,
    options=OPTIONS,
    files=r"\.(py|ipynb)$",
    fixable=True,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
