"""Suppression: ``# noqa: MLH201`` on a line, ``# mlhooks: noqa`` for a whole file.

Codes or prefixes, comma- or space-separated. A bare ``# noqa`` (flake8's) does not
silence mlhooks: our findings are about the guideline, not style, and must be silenced
on purpose. In Markdown the same words go in an HTML comment: ``<!-- mlhooks: noqa:
MLH411 -->``. In a notebook the comments go in a cell (a file-level one in any cell),
and the cell tag ``mlhooks-noqa`` silences every finding in its cell.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from mlhooks._config import Settings
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import FileProblem, glob_regex, read_text

_CODES = r"(?P<codes>MLH\d{0,3}(?:[\s,]+MLH\d{0,3})*)"
LINE_NOQA = re.compile(r"(?:#|<!--)\s*noqa\s*:\s*" + _CODES, re.IGNORECASE)
FILE_NOQA = re.compile(
    r"^\s*(?:#|<!--)\s*mlhooks\s*:\s*noqa(?:\s*:\s*" + _CODES + r")?\s*(?:-->)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def _split(codes: str) -> list[str]:
    return [code.upper() for code in re.split(r"[\s,]+", codes) if code]


def matches(code: str, prefixes: Iterable[str]) -> bool:
    """True when ``code`` starts with one of the codes or prefixes."""
    return any(code.startswith(prefix.upper()) for prefix in prefixes)


def file_noqa(text: str) -> list[str] | None:
    """Prefixes silenced in the whole file (``["MLH"]`` for all); None when none are."""
    silenced: list[str] = []
    for match in FILE_NOQA.finditer(text):
        codes = match.group("codes")
        silenced.extend(_split(codes) if codes else ["MLH"])
    return silenced or None


def line_noqa(line: str) -> list[str]:
    """Prefixes silenced on one physical line."""
    match = LINE_NOQA.search(line)
    return _split(match.group("codes")) if match else []


def is_suppressed(code: str, line: int, text: str) -> bool:
    """Whether a finding at ``line`` (0: whole file) of ``text`` is silenced."""
    whole = file_noqa(text)
    if whole and matches(code, whole):
        return True
    if line <= 0:
        return False
    lines = text.splitlines()
    return line <= len(lines) and matches(code, line_noqa(lines[line - 1]))


class _Texts(dict[str, str]):
    """File texts read once for noqa lookups; unreadable files read as ''."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def __missing__(self, path: str) -> str:
        try:
            text = read_text(self.root, path) if (self.root / path).is_file() else ""
        except (FileProblem, OSError):
            text = ""
        self[path] = text
        return text


def _in_cell(diag: Diagnostic, text: str) -> bool:
    """noqa in a notebook: the cell's lines, any cell's file-level comment, the tag."""
    from mlhooks._notebooks import NOQA_TAG, parse_notebook

    try:
        notebook = parse_notebook(diag.path, text)
    except FileProblem:
        return False
    whole = file_noqa("\n".join(cell.source for cell in notebook.cells))
    if whole and matches(diag.code, whole):
        return True
    cells = notebook.cells
    if diag.cell is None or not 1 <= diag.cell <= len(cells):
        return False
    cell = cells[diag.cell - 1]
    return NOQA_TAG in cell.tags or is_suppressed(diag.code, diag.line, cell.source)


def suppressed(diag: Diagnostic, settings: Settings, texts: dict[str, str]) -> bool:
    """Whether settings or a comment in the file silence ``diag``."""
    if not matches(diag.code, settings.select) or matches(diag.code, settings.ignore):
        return True
    for glob, codes in settings.per_file_ignores.items():
        if glob_regex((glob,)).search(diag.path) and matches(diag.code, codes):
            return True
    if diag.path == ".":
        return False
    if diag.path.endswith(".ipynb"):
        return _in_cell(diag, texts[diag.path])
    return is_suppressed(diag.code, diag.line, texts[diag.path])


def keep(
    diagnostics: list[Diagnostic], settings: Settings, root: Path
) -> list[Diagnostic]:
    """Apply select, ignore, per-file-ignores and noqa comments."""
    texts = _Texts(root)
    return [d for d in diagnostics if not suppressed(d, settings, texts)]
