"""Whether a comment block is commented-out code: parse it, then read it like a person.

Parsing is not enough: ``word: word`` is an annotation, ``(B, C, H, W)`` a tuple, and
``前処理: 欠損値を除去`` an annotation too (Japanese words are identifiers). A block's
lines, ``#`` removed and dedented, are parsed in runs (a prose line splits them; a
trailing header gets a ``pass``, a trailing decorator a ``def``, a leading ``else:`` its
``if``, unclosed brackets their closers), and each statement is judged: ``code`` only
for what code writes and notes do not (a call, an import, an assignment computed from
calls, attributes or subscripts, a ``def``/``class``/``for`` header, a decorator with
arguments, an augmented assignment); ``weak`` for what reads as a note as often as as
code (``lr = 0.001``, ``return x``, ``if debug:``); ``prose`` for single words,
annotations, tuples and arithmetic of names (shapes, formulas), numbers, a space before
a call's parenthesis (``see (above)``), CJK text outside string literals. A run of
statements with no prose among them and at least one ``code`` statement is a finding.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from mlhooks._judge import Judge
from mlhooks._noteshapes import CJK, CODE, PROSE, STRINGS, WEAK, Verdict, maybe_code

QUIET_BLOCK = re.compile(
    r"^\s*(?:(?:TODO|FIXME|XXX|HACK|BUG|NOTE|OPTIMIZE|REVIEW)\b|(?:todo|fixme)\s*[:(])"
    r"|copyright|licen[cs]e|spdx-|all rights reserved|著作権|ライセンス"
    r"|^\s*(?:```|~~~|>>>|\.\.\. |In \[\d*\]:)|\w\s*<-\s"
    r"|\b(?:generated|computed|calculated|obtained|produced|derived)\s+(?:with|in|by"
    r"|using|from)\b|(?-i:\bin R\b|\bR code|MATLAB|Mathematica|Wolfram)",
    re.IGNORECASE | re.MULTILINE,
)
INDICATOR = re.compile(
    r"[(\[{=@]|:\s*$|^\s*(?:import|from|return|raise|del|def|class|for|while|if|elif"
    r"|else|try|except|finally|with|assert|async|yield|await|global)\b",
    re.MULTILINE,
)
TRAILING_COMMENT = re.compile(r"\s+#[^'\"]*$")
MID_SENTENCE = re.compile(
    r"(?:^|\s)(?:a|an|the|of|to|as|than|by|with|and|or|for|from|in|into|on|at|via|per"
    r"|like|is|are|was|were|be|been|has|have|had|that|which|where|when|then|gives"
    r"|yields|equals|becomes|means|using|e\.g\.|i\.e\.)\s*$|,\s*$"
    r"|(?:[のはがをと]|より|から|として)\s*$",
    re.IGNORECASE,
)

PREFIXES = {"else": "if _:\n    pass\n", "elif": "if _:\n    pass\n"}
PREFIXES.update(dict.fromkeys(("except", "finally"), "try:\n    pass\n"))
PAIRS = {"(": ")", "[": "]", "{": "}"}
TRY, HANDLER = re.compile(r"try\s*:"), re.compile(r"(?:except|finally)\b")


@dataclass(frozen=True)
class Surroundings:
    """What the code around a block tells: open brackets, names assigned next to it."""

    in_brackets: bool = False
    neighbors: frozenset[str] = frozenset()
    report_ambiguous: bool = False


@dataclass(frozen=True)
class Finding:
    """Comment lines ``start`` to ``end`` (exclusive) of a block are code."""

    start: int
    end: int
    why: str
    whole: bool  # the block holds nothing else but empty comment lines


@dataclass(frozen=True)
class Parsed:
    tree: ast.Module
    text: str
    offset: int  # lines added in front (an ``if`` for an ``else:``)
    size: int  # lines of the run
    wrapped: bool  # entries of a call or dict: ``_(\n...\n)``


def body_of(comment: str) -> str:
    """The comment without its ``#`` (``# # note`` keeps a comment of the code)."""
    return comment[1:].rstrip() if comment.startswith("#") else comment.rstrip()


def _dedent(lines: Sequence[str]) -> list[str]:
    widths = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(widths, default=0)
    return [line[cut:] for line in lines]


def _closers(text: str) -> str:
    """The brackets that ``text`` (strings aside) leaves open, closed."""
    stack: list[str] = []
    for char in STRINGS.sub("", text):
        if char in PAIRS:
            stack.append(PAIRS[char])
        elif char in ")]}":
            if not stack or stack.pop() != char:
                return ""
    return "".join(reversed(stack))


def _completed(lines: list[str]) -> tuple[str, int]:
    """The run as parseable text: prefix, closers, ``pass`` or ``def`` appended."""
    filled = [line for line in lines if line.strip()]
    first, last = filled[0].lstrip(), filled[-1]
    prefix = PREFIXES.get(re.split(r"\W", first, maxsplit=1)[0], "")
    text = "\n".join(lines)
    closers = _closers(text)
    indent = last[: len(last) - len(last.lstrip())]
    if TRY.match(first) and not any(HANDLER.match(line.lstrip()) for line in lines):
        tail = f"\n{filled[0][: len(filled[0]) - len(first)]}except:\n    pass"
    else:
        tail = ""
    if closers:
        text += "\n" + closers
    elif TRAILING_COMMENT.sub("", last).endswith(":"):
        text += f"\n{indent}    pass"
    elif last.lstrip().startswith("@"):
        text += f"\n{indent}def _(): pass"
    return prefix + text + tail, prefix.count("\n")


def _parse(text: str) -> ast.Module | int:
    """The tree, or the 1-based line where parsing stopped."""
    try:
        return ast.parse(text)
    except SyntaxError as exc:
        return exc.lineno or 1
    except (ValueError, RecursionError, MemoryError):
        return 1


def parse_run(lines: list[str], around: Surroundings) -> Parsed | int:
    """``lines`` parsed (entries of a call or dict when inside brackets), or the
    0-based index of the line where parsing stopped."""
    lines = _dedent(lines)
    if around.in_brackets:
        for opener, closer in (("_(", ")"), ("{", "}")):
            text = f"{opener}\n" + "\n".join(lines) + f"\n{closer}"
            tree = _parse(text)
            if isinstance(tree, ast.Module):
                return Parsed(tree, text, 1, len(lines), True)
    text, offset = _completed(lines)
    tree = _parse(text)
    if isinstance(tree, int):
        return min(max(tree - 1 - offset, 0), len(lines) - 1)
    return Parsed(tree, text, offset, len(lines), False)


def parsed_runs(
    bodies: Sequence[str], start: int, end: int, around: Surroundings
) -> Iterator[tuple[int, Parsed]]:
    """Maximal runs of ``bodies[start:end]`` that parse; a line that stops a parse
    ends the run before it and is tried again as the start of the next."""
    while start < end:
        while start < end and not bodies[start].strip():
            start += 1
        if start >= end:
            return
        parsed = parse_run(list(bodies[start:end]), around)
        if isinstance(parsed, Parsed):
            yield start, parsed
            return
        stop = start + parsed
        if stop > start:
            yield from parsed_runs(bodies, start, stop, around)
            start = stop
        else:
            start += 1


def _spans(
    start: int, parsed: Parsed, judge: Judge
) -> Iterator[tuple[int, int, Verdict]]:
    """Each top-level statement of a run: its block lines and its verdict."""
    first, last = parsed.offset + 1, parsed.offset + parsed.size
    for stmt in parsed.tree.body:
        top = min(
            [stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", [])]
        )
        end = min(stmt.end_lineno or stmt.lineno, last)
        if end < first or top > last:
            continue  # the ``pass`` or ``def`` a run was completed with
        verdict = judge.statement(stmt, first, last)
        begin = max(top, first)
        yield start + begin - first, start + end - first + 1, verdict


def _groups(
    spans: list[tuple[int, int, Verdict]], bodies: Sequence[str]
) -> Iterator[list[tuple[int, int, Verdict]]]:
    """Statements next to each other (empty comment lines between), none prose."""
    group: list[tuple[int, int, Verdict]] = []
    for span in spans:
        gap = group and any(bodies[i].strip() for i in range(group[-1][1], span[0]))
        if span[2].kind == PROSE or gap:
            yield group
            group = []
        if span[2].kind != PROSE:
            group.append(span)
    yield group


def _example(bodies: Sequence[str], start: int, end: int) -> bool:
    """Code that prose introduces (a line ending in a colon: ``Usage:``), or finishes
    (``the same results as``), indents below its prose, or has prose on both sides
    of, is an example, not code left behind."""
    before = [body for body in bodies[:start] if body.strip()]
    if not before:
        return False
    last = before[-1]
    indent = len(bodies[start]) - len(bodies[start].lstrip())
    deeper = indent > len(last) - len(last.lstrip())
    colon = any(body.rstrip().endswith(":") for body in before)
    words = not maybe_code(last) or bool(CJK.search(last))
    continued = words and bool(MID_SENTENCE.search(last))
    return deeper or colon or continued or any(b.strip() for b in bodies[end:])


def find_code(texts: Sequence[str], around: Surroundings) -> list[Finding]:
    """The runs of a comment block (its comments' texts) that are code."""
    bodies = [body_of(text) for text in texts]
    joined = "\n".join(bodies)
    if not (around.in_brackets or INDICATOR.search(joined)):
        return []
    if not any(maybe_code(body) for body in bodies) or QUIET_BLOCK.search(joined):
        return []
    spans: list[tuple[int, int, Verdict]] = []
    for start, parsed in parsed_runs(bodies, 0, len(bodies), around):
        judge = Judge(parsed.text, parsed.wrapped, around.neighbors)
        spans.extend(_spans(start, parsed, judge))
    filled = [i for i, body in enumerate(bodies) if body.strip()]
    found = []
    for group in _groups(spans, bodies):
        verdicts = [span[2] for span in group]
        strong = [v for v in verdicts if v.kind == CODE]
        if around.report_ambiguous and not strong:
            strong = [v for v in verdicts if v.kind == WEAK]
        begin, end = (group[0][0], group[-1][1]) if group else (0, 0)
        if strong and not _example(bodies, begin, end):
            whole = filled[0] >= begin and filled[-1] < end
            found.append(Finding(begin, end, strong[0].why, whole))
    return found
