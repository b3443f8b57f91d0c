"""One file's dead-code summary: its findings, definitions and the names it uses.

A file is read once (a notebook's code cells as one namespace; the words of lines that
are not Python, magics and cells that do not parse, count as used), scanned once, and
summarised: the per-file findings (MLH201 to MLH205; an unused import or local the
author told flake8 or ruff to accept, ``# noqa: F401`` or ``F841``, is left out), the
definitions MLH206 may report, the names the file uses itself, and whether it reaches
its namespace dynamically. A summary turns into JSON and back, so a cache can keep it
by content; anything of the wrong shape reads back as None (recompute).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from mlhooks import _defs, _flow, _scan, _usage
from mlhooks._defs import Definition
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import FileProblem
from mlhooks._flow import Finding
from mlhooks._notebooks import Notebook, python_source, read_notebook
from mlhooks._python import Source, parse, read_sources

WORD = re.compile(r"[^\W\d]\w*")
TYPE_COMMENT = re.compile(r"#\s*type:([^#\n]*)")
NOQA = re.compile(r"#\s*noqa\s*:\s*([\w, ]+)", re.IGNORECASE)
FILE_NOQA = re.compile(r"^#\s*(?:flake8|ruff)\s*:\s*noqa\s*:\s*([\w, ]+)", re.I | re.M)


class Module(NamedTuple):
    """A file's Python sources (a notebook's code cells), the words of its lines
    that are not Python (magics), and what could not be read."""

    sources: list[Source]
    extra: set[str]
    problems: list[Diagnostic]
    notebook: Notebook | None = None


def _type_words(text: str) -> set[str]:
    """Names in ``# type:`` comments (they use imports)."""
    return {w for comment in TYPE_COMMENT.findall(text) for w in WORD.findall(comment)}


def _not_python(raw: str, python: str | None) -> set[str]:
    if python is None:
        return set(WORD.findall(raw))
    pairs = zip(raw.split("\n"), python.split("\n"))
    return {word for a, b in pairs if a != b for word in WORD.findall(a)}


def load_module(root: Path, path: str) -> Module:
    if not path.endswith(".ipynb"):
        found = list(read_sources(root, path))
        sources = [s for s in found if isinstance(s, Source)]
        extra = {w for s in sources if "type:" in s.text for w in _type_words(s.text)}
        return Module(sources, extra, [d for d in found if isinstance(d, Diagnostic)])
    try:
        notebook = read_notebook(root, path)
    except FileProblem as exc:
        return Module([], set(), [exc.diagnostic])
    module = Module([], set(), [], notebook)
    for cell in (c for c in notebook.cells if c.kind == "code"):
        python = python_source(cell.source)
        parsed = parse(path, python, cell.number) if python is not None else None
        if isinstance(parsed, Source):
            module.sources.append(parsed)
        elif parsed is not None:
            module.problems.append(parsed)
            python = None
        module.extra.update(_not_python(cell.source, python))
        module.extra.update(_type_words(cell.source) if "type:" in cell.source else ())
    return module


class Summary(NamedTuple):
    """What one file says about itself; ``source`` fields index ``cells``."""

    problems: list[Diagnostic]
    findings: list[Finding]
    defs: list[Definition]
    uses: set[str]
    dynamic: bool
    cells: list[int | None]  # the cell number of each source (None: a .py file)


def flake8_accepts(text: str, first: int, last: int, code: str) -> bool:
    """Whether flake8 or ruff is told to accept ``code`` (F401, F841) on lines
    ``first`` to ``last`` or in the whole file: the author kept the name on purpose."""
    if code not in text and code.lower() not in text:
        return False
    if any(code in match.upper() for match in FILE_NOQA.findall(text)):
        return True
    lines = text.split("\n")[first - 1 : last]
    return any(code in match.upper() for line in lines for match in NOQA.findall(line))


def summarise(module: Module, path: str) -> Summary:
    scan = _scan.scan([source.tree for source in module.sources], sorted(module.extra))
    aliases = _usage.aliases(scan)
    texts = [source.text for source in module.sources]
    init = path.rpartition("/")[2] == "__init__.py"
    found = [
        f
        for f, i, _ in ([] if init else _usage.unused_imports(scan))
        if not flake8_accepts(texts[f.source], i.stmt.lineno, f.line, "F401")
    ]
    found += [
        f
        for f in _usage.unused_locals(scan)
        if not flake8_accepts(texts[f.source], f.line, f.line, "F841")
    ]
    found += _flow.unreachable(scan) + _flow.false_branches(scan, texts)
    found += _flow.debugger_calls(scan, aliases)
    defs = _defs.definitions(scan, path, aliases) + _defs.methods(scan, aliases)
    cells = [source.cell for source in module.sources]
    uses = _usage.module_uses(scan)
    return Summary(module.problems, found, defs, uses, scan.module.dynamic, cells)


def to_json(summary: Summary) -> dict[str, Any]:
    problems = [[d.line, d.col, d.cell, d.code, d.message] for d in summary.problems]
    return {
        "problems": problems,
        "findings": summary.findings,
        "defs": summary.defs,
        "uses": sorted(summary.uses),
        "dynamic": summary.dynamic,
        "cells": summary.cells,
    }


def _cell(value: Any) -> int | None:
    return None if value is None else int(value)


def from_json(data: Any, path: str) -> Summary | None:
    """The summary ``to_json`` gave (None when ``data`` is not one)."""
    try:
        problems = [
            Diagnostic(path, int(a), int(b), str(d), str(e), cell=_cell(c))
            for a, b, c, d, e in data["problems"]
        ]
        findings = [
            Finding(int(s), int(a), int(b), str(c), str(m), str(n))
            for s, a, b, c, m, n in data["findings"]
        ]
        defs = [
            Definition(
                int(s),
                int(a),
                int(b),
                str(n),
                str(k),
                tuple(map(str, d)),
                tuple(map(str, e)),
                str(o),
            )
            for s, a, b, n, k, d, e, o in data["defs"]
        ]
        uses, cells = set(map(str, data["uses"])), list(map(_cell, data["cells"]))
        sources = [f.source for f in findings] + [d.source for d in defs]
        if any(not 0 <= source < len(cells) for source in sources):
            return None
        return Summary(problems, findings, defs, uses, data["dynamic"] is True, cells)
    except (TypeError, KeyError, ValueError):
        return None
