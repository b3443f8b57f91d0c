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
from typing import TYPE_CHECKING, Iterable

from mlhooks._config import Settings
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import FileProblem, glob_regex, read_text

if TYPE_CHECKING:
    from mlhooks._notebooks import Notebook

NOQA_TAG = "mlhooks-noqa"

_CODES = r"(?P<codes>[a-z]+[0-9]*(?:[\s,]+[a-z]+[0-9]*)*)"
LINE_NOQA = re.compile(r"(?:#|<!--)\s*noqa\s*:\s*" + _CODES, re.IGNORECASE)
FILE_NOQA = re.compile(
    r"^\s*(?:#|<!--)\s*mlhooks\s*:\s*noqa(?:\s*:\s*" + _CODES + r")?\s*(?:-->)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def _split(codes: str) -> list[str]:
    """The mlhooks codes of a noqa list (flake8's own codes may stand beside them)."""
    words = (code.upper() for code in re.split(r"[\s,]+", codes))
    return [code for code in words if re.fullmatch(r"MLH[0-9]{0,3}", code)]


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
    lines = text.split("\n")  # lines end at \n only, as every finding counts them
    return line <= len(lines) and matches(code, line_noqa(lines[line - 1]))


class Suppressor:
    """Decides what settings and comments silence, reading and parsing each file once.

    A fixer asks it before writing, so that it fixes only what it reports; the common
    front asks it again after the check, from the same cache.
    """

    def __init__(self, settings: Settings, root: Path) -> None:
        self.settings = settings
        self.root = root
        self._texts: dict[str, str] = {}
        self._notebooks: dict[str, Notebook | None] = {}
        self._whole: dict[str, list[str]] = {}  # file-level noqa of each file
        self._lines: dict[str, list[str]] = {}
        self._by_settings: dict[tuple[str, str], bool] = {}

    def text(self, path: str) -> str:
        """The file's text ('' when unreadable)."""
        if path not in self._texts:
            try:
                full = self.root / path
                self._texts[path] = read_text(self.root, path) if full.is_file() else ""
            except (FileProblem, OSError):
                self._texts[path] = ""
        return self._texts[path]

    def notebook(self, path: str, parsed: Notebook | None = None) -> Notebook | None:
        """The parsed notebook (None when unreadable); ``parsed`` seeds the cache."""
        from mlhooks._notebooks import parse_notebook

        if parsed is not None:
            self._notebooks[path] = parsed
        if path not in self._notebooks:
            try:
                self._notebooks[path] = parse_notebook(path, self.text(path))
            except FileProblem:
                self._notebooks[path] = None
        return self._notebooks[path]

    def by_settings(self, diag: Diagnostic) -> bool:
        """``select``, ``ignore`` and ``per-file-ignores`` alone."""
        key = (diag.path, diag.code)
        if key not in self._by_settings:
            self._by_settings[key] = self._settings_silence(*key)
        return self._by_settings[key]

    def _settings_silence(self, path: str, code: str) -> bool:
        settings = self.settings
        if not matches(code, settings.select) or matches(code, settings.ignore):
            return True
        return any(
            glob_regex((glob,)).search(path) and matches(code, codes)
            for glob, codes in settings.per_file_ignores.items()
        )

    def __call__(self, diag: Diagnostic) -> bool:
        """Whether settings or a comment in the file silence ``diag``."""
        if self.by_settings(diag):
            return True
        if diag.path == ".":
            return False
        if diag.path.endswith(".ipynb"):
            return self._in_notebook(diag)
        return self._in_file(diag)

    def _in_file(self, diag: Diagnostic) -> bool:
        """``is_suppressed``, with the file's lines and file-level noqa cached."""
        if diag.path not in self._lines:
            text = self.text(diag.path)
            self._lines[diag.path] = text.split("\n")
            self._whole[diag.path] = file_noqa(text) or []
        whole, lines = self._whole[diag.path], self._lines[diag.path]
        if whole and matches(diag.code, whole):
            return True
        line = diag.line
        return 1 <= line <= len(lines) and matches(
            diag.code, line_noqa(lines[line - 1])
        )

    def _in_notebook(self, diag: Diagnostic) -> bool:
        """A file-level comment in any cell; in the cell: the tag, or a noqa comment on
        the finding's line (on any line of the cell for a whole-cell finding)."""
        notebook = self.notebook(diag.path)
        if notebook is None:
            return False
        if diag.path not in self._whole:
            sources = "\n".join(cell.source for cell in notebook.cells)
            self._whole[diag.path] = file_noqa(sources) or []
        whole = self._whole[diag.path]
        if whole and matches(diag.code, whole):
            return True
        if diag.cell is None or not 1 <= diag.cell <= len(notebook.cells):
            return False
        cell = notebook.cells[diag.cell - 1]
        if NOQA_TAG in cell.tags:
            return True
        if diag.line == 0:
            lines = cell.source.split("\n")
            return any(matches(diag.code, line_noqa(line)) for line in lines)
        return is_suppressed(diag.code, diag.line, cell.source)


def keep(
    diagnostics: list[Diagnostic], settings: Settings, root: Path
) -> list[Diagnostic]:
    """Apply select, ignore, per-file-ignores and noqa comments."""
    silenced = Suppressor(settings, root)
    return [d for d in diagnostics if not silenced(d)]
