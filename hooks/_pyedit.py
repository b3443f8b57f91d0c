"""Deleting statements and import names from Python source, byte for byte elsewhere.

Edits work on the UTF-8 bytes the syntax tree was parsed from (``ast`` columns count
bytes), so line endings (LF, CRLF), comments, layout, non-ASCII text and a missing
final newline survive untouched. A statement is deleted with its whole lines only when
it shares them with nothing but a trailing comment; a block left empty gets ``pass``.
An import that keeps some names loses only the others: a name on its own line of a
parenthesised import loses its line, else the name and its comma go. The result must
parse, or nothing is changed. Sources with a bare carriage return as a line break are
left alone (Python counts it as a line break; these edits would not).
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING, Sequence

from mlhooks._flow import first_line
from mlhooks._usage import unused_imports

if TYPE_CHECKING:
    from mlhooks._scan import Scan

NAME_LINE = re.compile(rb"[ \t]*,?[ \t]*(#[^\r\n]*)?\r?\n?")
Edit = tuple[int, int, bytes]


def line_starts(data: bytes) -> list[int]:
    """The offset of every line's first byte (index 0 is line 1)."""
    return [0] + [match.end() for match in re.finditer(rb"\n", data)]


def _line_end(data: bytes, offset: int) -> int:
    end = data.find(b"\n", offset)
    return len(data) if end < 0 else end + 1


def _whole_lines(
    data: bytes, starts: list[int], first: ast.stmt, last: ast.stmt
) -> tuple[int, int, bytes] | None:
    """The lines from ``first`` to ``last`` and their indentation, when no other code
    shares them (a trailing comment may)."""
    line = first_line(first)
    begin = starts[line - 1]
    col = first.col_offset if line == first.lineno else data.index(b"@", begin) - begin
    indent = data[begin : begin + col]
    if indent.strip():
        return None
    end = starts[(last.end_lineno or last.lineno) - 1] + (last.end_col_offset or 0)
    stop = _line_end(data, end)
    rest = data[end:stop].strip()
    if rest and not rest.startswith(b"#"):
        return None
    return begin, stop, indent


def _containers(tree: ast.AST) -> dict[int, list[ast.stmt]]:
    """Statement id -> the block (list of statements) that holds it."""
    found: dict[int, list[ast.stmt]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Module):
            continue  # a module may be empty
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                found.update((id(stmt), block) for stmt in block)
    return found


def statement_edits(
    data: bytes, tree: ast.AST, runs: Sequence[Sequence[ast.stmt]]
) -> list[Edit | None]:
    """The edit deleting each run of consecutive statements (None for a run that
    shares lines with other code); a block left empty gets ``pass``."""
    starts, containers = line_starts(data), _containers(tree)
    spans = [(run, _whole_lines(data, starts, run[0], run[-1])) for run in runs]
    removed = {id(stmt) for run, span in spans if span for stmt in run}
    edits: list[Edit | None] = []
    emptied = set()
    for run, span in spans:
        if span is None:
            edits.append(None)
            continue
        begin, stop, indent = span
        block = containers.get(id(run[0]))
        filler = b""
        if block and id(block) not in emptied and all(id(s) in removed for s in block):
            emptied.add(id(block))
            ending = data[begin:stop]
            newline = ending[-2:] if ending.endswith(b"\r\n") else ending[-1:]
            filler = indent + b"pass" + (newline if newline.endswith(b"\n") else b"")
        edits.append((begin, stop, filler))
    return edits


def name_edits(data: bytes, stmt: ast.stmt, drop: Sequence[ast.alias]) -> list[Edit]:
    """Delete the names ``drop`` from the import ``stmt`` (at least one name stays)."""
    starts = line_starts(data)
    names: list[ast.alias] = getattr(stmt, "names")
    spans = [
        (
            starts[a.lineno - 1] + a.col_offset,
            starts[(a.end_lineno or a.lineno) - 1] + (a.end_col_offset or 0),
        )
        for a in names
    ]
    gone = {id(alias) for alias in drop}
    kept = [i for i, alias in enumerate(names) if id(alias) not in gone]
    edits = []
    for index, alias in enumerate(names):
        if id(alias) not in gone:
            continue
        start, end = spans[index]
        begin = starts[alias.lineno - 1]
        own_line = NAME_LINE.fullmatch(data, end, _line_end(data, end))
        if (
            stmt.lineno != stmt.end_lineno
            and not data[begin:start].strip()
            and own_line
        ):
            edits.append((begin, _line_end(data, end), b""))
        elif any(k > index for k in kept):
            edits.append((start, spans[index + 1][0], b""))
        else:
            edits.append((spans[max(k for k in kept if k < index)][1], end, b""))
    return edits


def apply(data: bytes, edits: Sequence[Edit]) -> bytes | None:
    """``data`` with ``edits`` (overlapping ones merged) applied; None when nothing
    changes, when the source has bare carriage returns, or when it would not parse."""
    if not edits or data.count(b"\r") != data.count(b"\r\n"):
        return None
    merged: list[Edit] = []
    for start, end, text in sorted(edits):
        if merged and start <= merged[-1][1]:
            first, last, filler = merged[-1]
            merged[-1] = (first, max(end, last), filler + text)
        else:
            merged.append((start, end, text))
    out = data
    for start, end, text in reversed(merged):
        out = out[:start] + text + out[end:]
    try:
        ast.parse(out)
    except (SyntaxError, ValueError):
        return None
    return out if out != data else None


Key = tuple[int, int, int, str]  # source index, line, column, code


def fixes(
    scan: Scan, trees: Sequence[ast.AST], texts: Sequence[str], wanted: set[Key]
) -> tuple[dict[int, bytes], set[Key]]:
    """New bytes of each source that the findings ``wanted`` change (unused imports,
    MLH201, and unreachable blocks, MLH203), and the findings fixed."""
    runs: dict[int, list[tuple[Key, list[ast.stmt]]]] = {}
    drops: dict[int, dict[ast.stmt, list[tuple[Key, ast.alias]]]] = {}
    for finding, imported, binding in unused_imports(scan):
        key = (finding.source, finding.line, finding.col, finding.code)
        if key in wanted:
            by_stmt = drops.setdefault(finding.source, {})
            by_stmt.setdefault(imported.stmt, []).append((key, binding.alias))
    for block in scan.blocks:
        first = block.stmts[0]
        key = (block.source, first_line(first), first.col_offset + 1, "MLH203")
        if key in wanted:
            runs.setdefault(block.source, []).append((key, block.stmts))
    new, done = {}, set()
    for source in runs.keys() | drops.keys():
        data, edits, keys = texts[source].encode("utf-8"), [], []
        todo = runs.get(source, [])
        for stmt, named in drops.get(source, {}).items():
            if len(named) == len(getattr(stmt, "names")):
                todo.append((named[0][0], [stmt]))
                keys += [key for key, _ in named[1:]]
            else:
                edits += name_edits(data, stmt, [alias for _, alias in named])
                keys += [key for key, _ in named]
        made = statement_edits(data, trees[source], [run for _, run in todo])
        edits += [edit for edit in made if edit is not None]
        keys += [key for (key, _), edit in zip(todo, made) if edit is not None]
        changed = apply(data, edits)
        if changed is not None:
            new[source] = changed
            done.update(keys)
    return new, done
