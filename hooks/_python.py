"""Python sources: ``.py`` files and notebook code cells, read and parsed the same way.

A code-checking hook sees one ``Source`` per Python file and one per code cell of a
notebook (IPython syntax neutralised by ``_notebooks``), each with its text and syntax
tree. A file or cell that does not parse is one MLH003 finding and is skipped; a file
that cannot be read is the core's MLH00x finding. ``Source.at`` places a finding in the
file, or in the cell (``path:cell_N:line:col``). Nothing is imported or run.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from mlhooks._diagnostics import Diagnostic
from mlhooks._files import FileProblem, read_text
from mlhooks._i18n import N_, tr


@dataclass(frozen=True)
class Source:
    """One unit of Python: a whole file (``cell`` None) or a notebook code cell."""

    path: str
    text: str
    tree: ast.Module
    cell: int | None = None

    def at(self, line: int, col: int, code: str, message: str) -> Diagnostic:
        """A finding at 1-based ``line`` and ``col`` of this source."""
        return Diagnostic(self.path, line, col, code, message, cell=self.cell)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def column(self, line: int, col_offset: int) -> int:
        """The 1-based character column of an ``ast`` node's ``col_offset``, which
        counts UTF-8 bytes (they differ after Japanese text on the same line)."""
        lines = self.lines
        if not 1 <= line <= len(lines):
            return col_offset + 1
        head = lines[line - 1].encode("utf-8")[:col_offset]
        return len(head.decode("utf-8", "ignore")) + 1

    def node_at(self, node: ast.AST, code: str, message: str) -> Diagnostic:
        """A finding at ``node``'s line and character column."""
        line = getattr(node, "lineno", 1)
        return self.at(
            line, self.column(line, getattr(node, "col_offset", 0)), code, message
        )


def parse(path: str, text: str, cell: int | None = None) -> Source | Diagnostic:
    """``text`` parsed, or the MLH003 finding that says where it stops parsing."""
    try:
        return Source(path, text, ast.parse(text), cell)
    except (SyntaxError, ValueError, RecursionError) as exc:
        template = (
            N_("cell does not parse as Python ({reason}); it is skipped")
            if cell is not None
            else N_("file does not parse as Python ({reason}); it is skipped")
        )
        reason = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
        return Diagnostic(
            path,
            getattr(exc, "lineno", None) or 1,
            getattr(exc, "offset", None) or 1,
            "MLH003",
            tr(template, reason=reason),
            cell=cell,
        )


def read_sources(root: Path, path: str) -> Iterator[Source | Diagnostic]:
    """The sources of a ``.py`` file or a notebook, and the findings of what is not."""
    if path.endswith(".ipynb"):
        from mlhooks._notebooks import code_cells, read_notebook

        try:
            notebook = read_notebook(root, path)
        except FileProblem as exc:
            yield exc.diagnostic
            return
        for cell, text in code_cells(notebook):
            yield parse(path, text, cell.number)
        return
    try:
        text = read_text(root, path)
    except FileProblem as exc:
        yield exc.diagnostic
        return
    yield parse(path, text)
