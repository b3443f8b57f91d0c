"""Notebooks: reading ``.ipynb`` files safely and seeing their code cells as Python.

Notebooks are read with the standard ``json`` module (nbformat's import alone costs
tens of milliseconds on every commit). A file that is not a notebook (empty, invalid
JSON, merge-conflict markers, a Git LFS pointer, not an object, an unknown nbformat)
is one MLH006 finding, never a traceback. nbformat 3 notebooks are read through their
worksheets and never converted.

Cells are numbered from 1 over every cell of the notebook, markdown and raw cells
included, in file order: what a person counts scrolling down. A finding inside a cell is
printed ``path:cell_N:line:col`` with the line counted inside the cell's source.
``dump_notebook`` writes a notebook back in the file's own JSON style.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from mlhooks._diagnostics import file_diagnostic
from mlhooks._files import BOM, FileProblem, read_text
from mlhooks._i18n import tr

LFS_POINTER = "version https://git-lfs.github.com/spec/"
FIRST_KEY = re.compile(r'\{(\r?\n)?([ \t]*)"(?:[^"\\]|\\.)*"([ \t]*:[ \t]*)')
NON_SPACE = re.compile(r"\S")
SURROGATE = re.compile("[\ud800-\udfff]")
CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)
MAGIC = re.compile(r"^(\s*)(?:[%!]|\?\??[\w.]|[\w.\[\]]+\?\??\s*$)")
ASSIGNED_MAGIC = re.compile(r"^(\s*)([\w.]+(?:\s*,\s*[\w.]+)*)\s*=\s*[%!]")


@dataclass(frozen=True)
class Cell:
    """One cell: its 1-based number, type, joined source and tags."""

    number: int
    kind: str
    source: str
    tags: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Notebook:
    """A parsed notebook, its cells in order, and the text it was read from."""

    path: str
    data: dict[str, Any]
    text: str
    cells: tuple[Cell, ...]

    @property
    def nbformat(self) -> int:
        return int(self.data.get("nbformat", 0))


def _problem(path: str, reason: str) -> FileProblem:
    return FileProblem(
        file_diagnostic(
            path, "MLH006", tr("not a readable notebook: {reason}", reason=reason)
        )
    )


def _source(value: Any) -> str:
    if isinstance(value, list):
        return "".join(part for part in value if isinstance(part, str))
    return value if isinstance(value, str) else ""


def raw_cells(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The cell objects of an nbformat 4 (``cells``) or 3 (``worksheets``) notebook."""
    if data.get("nbformat") == 3:
        sheets = data.get("worksheets") or []
        return [c for s in sheets if isinstance(s, dict) for c in s.get("cells", [])]
    cells = data.get("cells")
    return cells if isinstance(cells, list) else []


def _cell(number: int, raw: Any) -> Cell:
    if not isinstance(raw, dict):
        return Cell(number, "unknown", "")
    metadata = raw.get("metadata")
    tags = metadata.get("tags", []) if isinstance(metadata, dict) else []
    source = raw.get("source", raw.get("input"))  # nbformat 3 code cells: "input"
    kind = str(raw.get("cell_type", "unknown"))
    kind = "markdown" if kind == "heading" else kind  # nbformat 3 heading cells
    return Cell(
        number, kind, _source(source), tuple(t for t in tags if isinstance(t, str)), raw
    )


def _check_structure(path: str, data: dict[str, Any]) -> None:
    """The lists and objects every reader relies on; MLH006 naming the first gap."""
    key = "worksheets" if data["nbformat"] == 3 else "cells"
    if not isinstance(data.get(key), list):
        raise _problem(path, tr("'{key}' is not a list", key=key))
    if key == "worksheets" and not all(
        isinstance(sheet, dict) and isinstance(sheet.get("cells", []), list)
        for sheet in data[key]
    ):
        raise _problem(path, tr("a worksheet has no list of cells"))
    for number, cell in enumerate(raw_cells(data), start=1):
        if not isinstance(cell, dict) or not isinstance(cell.get("cell_type"), str):
            raise _problem(
                path, tr("cell {number} is not a cell object", number=number)
            )


def parse_notebook(path: str, text: str) -> Notebook:
    """The notebook in ``text``; FileProblem (MLH006) saying why when it is none."""
    if not text or text.isspace():  # no copy of a large text
        raise _problem(path, tr("the file is empty"))
    if text.startswith(LFS_POINTER):
        raise _problem(
            path, tr("a Git LFS pointer, not the notebook; run: git lfs pull")
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        conflict = CONFLICT.search(text)  # markers never survive in valid JSON
        if conflict:
            line = text.count("\n", 0, conflict.start()) + 1
            reason = tr(
                "merge-conflict marker at line {line}; resolve the conflict first",
                line=line,
            )
            raise _problem(path, reason) from None
        raise _problem(
            path,
            tr(
                "invalid JSON at line {line} column {column}: {error}",
                line=exc.lineno,
                column=exc.colno,
                error=exc.msg,
            ),
        ) from None
    except RecursionError:
        raise _problem(path, tr("JSON nested too deeply")) from None
    if not isinstance(data, dict):
        raise _problem(
            path,
            tr(
                "the top level is a JSON {kind}, not an object",
                kind=type(data).__name__,
            ),
        )
    version = data.get("nbformat")
    if version not in (3, 4):
        raise _problem(
            path,
            tr("unsupported nbformat {version!r} (3 and 4 are read)", version=version),
        )
    _check_structure(path, data)
    cells = tuple(_cell(n, raw) for n, raw in enumerate(raw_cells(data), start=1))
    return Notebook(path, data, text, cells)


def read_notebook(root: Path, path: str) -> Notebook:
    """Read and parse ``root/path``; FileProblem (MLH00x) when it cannot be."""
    return parse_notebook(path, read_text(root, path))


def python_source(source: str) -> str | None:
    """A code cell's source as plain Python, line numbers kept; None for a cell magic.

    IPython syntax becomes inert Python on the same line: ``%line`` magics, ``!shell``
    and ``obj?`` help become ``pass`` at the same indentation, ``x = !ls`` and
    ``x = %time f()`` become ``x = None``.
    """
    if source.lstrip().startswith("%%"):
        return None
    lines = []
    for line in source.split("\n"):
        assigned = ASSIGNED_MAGIC.match(line)
        magic = MAGIC.match(line)
        if assigned:
            line = f"{assigned.group(1)}{assigned.group(2)} = None"
        elif magic:
            line = f"{magic.group(1)}pass"
        lines.append(line)
    return "\n".join(lines)


def code_cells(notebook: Notebook) -> Iterator[tuple[Cell, str]]:
    """Every code cell with its source as Python (cell magics like %%bash skipped)."""
    for cell in notebook.cells:
        if cell.kind == "code":
            source = python_source(cell.source)
            if source is not None:
                yield cell, source


def dump_notebook(data: dict[str, Any], text: str, bom: bool = False) -> bytes:
    """``data`` as JSON bytes in the style of ``text``: its indentation, separators,
    ``ensure_ascii``, line endings and surrounding whitespace (key order is kept).

    The style is read from the start of the file, where every notebook shows it; an
    all-ASCII file is written with escapes, which is byte-identical to its own style
    (stripping adds no characters). Nothing scans or copies the whole text twice.
    """
    start = NON_SPACE.search(text)
    begin = start.start() if start else len(text)
    end = len(text)
    while end > begin and text[end - 1].isspace():
        end -= 1
    head = text[begin : begin + 65536]
    first = FIRST_KEY.match(head)
    newline, indent, key = first.groups() if first else (None, "", ": ")
    seps = (", " if re.search(r", \r?\n", head) else ",", key)  # ", " is Python 2's
    if newline is None:
        indent, seps = None, ("," if key == ":" else ", ", key)
    escape = text.isascii()
    dumped = json.dumps(data, indent=indent, separators=seps, ensure_ascii=escape)
    if not escape:
        dumped = SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", dumped)  # as JS does
    dumped = dumped.replace("\n", "\r\n") if "\r\n" in head else dumped
    return (BOM * bom) + (text[:begin] + dumped + text[end:]).encode("utf-8")
