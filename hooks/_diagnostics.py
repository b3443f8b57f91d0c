"""Diagnostics: the one record every hook returns, and the output formats that print it.

A diagnostic is ``path, line, col, code, message``. Paths are relative to the project
root and use ``/``; positions are 1-based; line 0 means the whole file (or, with path
``.``, the whole repository). Text output is the flake8/ruff shape ``path:line:col: CODE
message`` (``path: CODE message`` for line 0), sorted, one per line, so editors and CI
parse it. In a notebook, ``cell`` is the 1-based cell number and the line is counted
inside the cell's source: ``path:cell_N:line:col``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Iterable

# Core codes (MLH0xx): input the hooks could not read. Permanent, like every code.
CORE_CODES = {
    "MLH001": "file is not valid UTF-8",
    "MLH003": "Python source (a file or a notebook cell) does not parse",
    "MLH002": "file is binary (contains NUL bytes)",
    "MLH004": "file is too large to check",
    "MLH005": "configuration file in the repository does not parse",
    "MLH006": "notebook is not a readable notebook",
}

FORMATS = ("text", "json", "github", "gitlab", "sarif")
CONTROL = {n: f"\\x{n:02x}" for n in range(32)} | {10: "\\n", 13: "\\r", 9: "\\t"}


def printable(text: str) -> str:
    """``text`` safe for one output line: undecodable bytes and control characters
    (a file name may hold a newline) are written as escapes."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text.translate(CONTROL)


@dataclass(frozen=True)
class Diagnostic:
    """One finding: where, which rule, and a message saying what, why and how."""

    path: str
    line: int
    col: int
    code: str
    message: str
    fixed: bool = False
    cell: int | None = (
        None  # 1-based cell number when the finding is in a notebook cell
    )

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        return (self.path, self.cell or 0, self.line, self.col, self.code, self.message)

    def as_text(self) -> str:
        where = self.path if self.line == 0 else f"{self.path}:{self.line}:{self.col}"
        if self.cell is not None:
            where = f"{self.path}:cell_{self.cell}" + (
                f":{self.line}:{self.col}" if self.line else ""
            )
        suffix = " [fixed]" if self.fixed else ""
        return f"{where}: {self.code} {self.message}{suffix}"


def file_diagnostic(path: str, code: str, message: str) -> Diagnostic:
    """A finding about a whole file (or, with path ``.``, the whole repository)."""
    return Diagnostic(path, 0, 0, code, message)


def line_diagnostic(path: str, line: int, code: str, message: str) -> Diagnostic:
    """A finding about one line, column 1."""
    return Diagnostic(path, line, 1, code, message)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(set(diagnostics), key=Diagnostic.sort_key)


def _github(d: Diagnostic) -> str:
    """A GitHub Actions workflow command: an annotation on the file (and line)."""

    def escape(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    where = [f"file={escape(d.path, True)}"] if d.path != "." else []
    if d.line and d.cell is None:
        where += [f"line={d.line}", f"col={d.col}"]
    title = d.code + (f" (cell {d.cell}, line {d.line})" if d.cell else "")
    where.append(f"title={escape(title, True)}")
    return f"::error {','.join(where)}::{escape(d.message)}"


def _gitlab(d: Diagnostic) -> dict[str, object]:
    """A GitLab Code Quality issue; its fingerprint survives other findings moving."""
    import hashlib

    key = "\0".join((d.code, d.path, str(d.cell or ""), d.message)).encode()
    where = f" (cell {d.cell})" if d.cell else ""
    return {
        "description": f"{d.code} {d.message}{where}",
        "check_name": d.code,
        "fingerprint": hashlib.sha256(key).hexdigest()[:32],
        "severity": "major",
        "location": {
            "path": d.path,
            "lines": {"begin": 1 if d.cell else max(d.line, 1)},
        },
    }


def _sarif(ordered: list[Diagnostic]) -> dict[str, object]:
    """A SARIF 2.1.0 log (GitHub code scanning, most IDEs): one run, one result each."""
    from mlhooks import __version__

    def result(d: Diagnostic) -> dict[str, object]:
        where = f" (cell {d.cell}, line {d.line})" if d.cell else ""
        physical: dict[str, object] = {"artifactLocation": {"uri": d.path}}
        if d.line and d.cell is None:
            physical["region"] = {"startLine": d.line, "startColumn": max(d.col, 1)}
        return {
            "ruleId": d.code,
            "level": "error",
            "message": {"text": d.message + where},
            "locations": [{"physicalLocation": physical}],
        }

    rules = sorted({d.code for d in ordered})
    driver = {
        "name": "mlhooks",
        "version": __version__,
        "rules": [{"id": r} for r in rules],
    }
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": [result(d) for d in ordered]}],
    }


def format_diagnostics(diagnostics: Iterable[Diagnostic], fmt: str = "text") -> str:
    """Render sorted diagnostics; an empty string when there are none (text format).

    ``github`` prints workflow annotations (``::error file=...``), ``gitlab`` a Code
    Quality report (a JSON array GitLab shows in merge requests), ``sarif`` a SARIF
    2.1.0 log for code scanning.
    """
    ordered = [
        replace(d, path=printable(d.path), message=printable(d.message))
        for d in sort_diagnostics(diagnostics)
    ]
    if fmt in ("json", "gitlab", "sarif"):
        import json

        if fmt == "sarif":
            return json.dumps(_sarif(ordered), ensure_ascii=False, indent=2)
        records = [asdict(d) if fmt == "json" else _gitlab(d) for d in ordered]
        return json.dumps(records, ensure_ascii=False, indent=2)
    if fmt == "github":
        return "".join(_github(d) + "\n" for d in ordered)
    return "".join(d.as_text() + "\n" for d in ordered)
