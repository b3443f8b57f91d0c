"""Baselines: adopt an old repository without fixing everything first.

``mlhooks baseline`` records the findings a repository has today in a committed file
(``.mlhooks-baseline.json`` by default, the ``baseline`` setting). From then on every
hook reports only findings that are not in it, and says how many it left out, so a
team fixes new problems on every commit and old ones when it chooses.

A finding is remembered by its code, its path and a fingerprint of what it is about,
never by its line number, so it stays recognised when lines above it move: the
normalised text of its line (inside its cell for a notebook), the whole cell for a
finding about a cell, and for a finding about a whole file the words of its message
that come from the project (paths, names), not from the message's template, so
neither the language nor a rewording changes it (findings alike are told apart by
their count). The file
stores a hash of that text, not the text (a finding may be about a credential), and a
count, so two identical findings need two entries. A fixed finding is never hidden:
it reports a file the hook changed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from mlhooks._config import ConfigError, display_path
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import FileProblem, read_text, write_atomic

VERSION = 1
WORD = re.compile(r"[A-Za-z0-9_.][A-Za-z0-9_./-]*")
NUMBER = re.compile(r"[\d.]*")
Key = tuple[str, str, str]  # path, code, fingerprint


def _normalised(text: str) -> str:
    return " ".join(text.split())


class Lines:
    """The lines of the files findings point into, each file read once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.texts: dict[tuple[str, int | None], list[str] | None] = {}

    def lines(self, path: str, cell: int | None) -> list[str] | None:
        if (path, cell) not in self.texts:
            self.texts[path, cell] = self._read(path, cell)
        return self.texts[path, cell]

    def _read(self, path: str, cell: int | None) -> list[str] | None:
        try:
            if cell is None:
                return read_text(self.root, path).splitlines()
            from mlhooks._notebooks import read_notebook

            cells = read_notebook(self.root, path).cells
            found = [c.source for c in cells if c.number == cell]
            return found[0].splitlines() if found else None
        except (FileProblem, OSError):
            return None


@lru_cache(maxsize=None)
def _template_words() -> frozenset[str]:
    """The ASCII words of every message template, in both languages."""
    from mlhooks._i18n import rule_book

    texts = (entry[lang] for entry in rule_book()["message"] for lang in ("en", "ja"))
    return frozenset(word for text in texts for word in _words(text))


def _words(text: str) -> list[str]:
    return [word.rstrip(".-/") for word in WORD.findall(text)]


def values(message: str) -> str:
    """The words of a message that come from the checked project (paths, names,
    section keys), not from its template: the same in every language and after a
    rewording of the template; counts are left out."""
    own = _template_words()
    found = {w for w in _words(message) if w not in own and not NUMBER.fullmatch(w)}
    return " ".join(sorted(found - {""}))


def fingerprint(d: Diagnostic, lines: Lines) -> str:
    """What the finding is about, hashed: its line, its cell, or (about a whole
    file) the paths and names its message mentions, whatever the language."""
    import hashlib

    about = "file:" + values(d.message)
    if d.path != "." and (d.line or d.cell is not None):
        text = lines.lines(d.path, d.cell)
        if text is not None and d.line and d.line <= len(text):
            about = "line:" + _normalised(text[d.line - 1])
        elif text is not None and not d.line:
            about = "cell:" + _normalised("\n".join(text))
    return hashlib.sha256(about.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def keys(diagnostics: Iterable[Diagnostic], root: Path) -> list[Key]:
    lines = Lines(root)
    return [(d.path, d.code, fingerprint(d, lines)) for d in diagnostics]


class Baseline:
    """The recorded findings: how many of each key may still be left out."""

    def __init__(self, counts: Counter[Key], path: Path | None = None) -> None:
        self.counts = counts
        self.path = path

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """The baseline at ``path``; empty when there is none; ConfigError naming
        the file when it is not one."""
        import json

        where = display_path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(Counter(), path)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ConfigError(f"{where}: not a readable baseline ({exc})") from None
        counts: Counter[Key] = Counter()
        try:
            if data.get("version") != VERSION:
                raise ValueError(f"unknown version {data.get('version')!r}")
            for entry in data["findings"]:
                key = (entry["path"], entry["code"], entry["fingerprint"])
                if not all(isinstance(part, str) for part in key):
                    raise ValueError("path, code and fingerprint must be strings")
                counts[key] += int(entry.get("count", 1))
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ConfigError(
                f"{where}: not a baseline written by `mlhooks baseline` ({exc});"
                " run `mlhooks baseline` again"
            ) from None
        return cls(counts, path)

    def split(
        self, diagnostics: list[Diagnostic], root: Path
    ) -> tuple[list[Diagnostic], int]:
        """The findings to report, and how many the baseline left out."""
        if not self.counts or not diagnostics:
            return diagnostics, 0
        left = Counter(self.counts)
        shown, hidden = [], 0
        ordered = sorted(diagnostics, key=Diagnostic.sort_key)
        for diagnostic, key in zip(ordered, keys(ordered, root)):
            if not diagnostic.fixed and left[key] > 0:
                left[key] -= 1
                hidden += 1
            else:
                shown.append(diagnostic)
        return shown, hidden

    def entries(self) -> list[dict[str, object]]:
        return [
            {"path": path, "code": code, "fingerprint": print_, "count": count}
            for (path, code, print_), count in sorted(self.counts.items())
            if count > 0
        ]

    def dump(self) -> bytes:
        import json

        data = {"version": VERSION, "findings": self.entries()}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        return text.encode("utf-8")

    def save(self, path: Path) -> bool:
        """Write the baseline; False when the file already says exactly this."""
        try:
            return write_atomic(path, self.dump())
        except OSError as exc:
            raise ConfigError(f"{display_path(path)}: cannot write: {exc}") from None


def record(diagnostics: Iterable[Diagnostic], root: Path) -> Baseline:
    """A baseline of these findings (fixed ones are not findings any more)."""
    return Baseline(Counter(keys([d for d in diagnostics if not d.fixed], root)))


def apply(
    diagnostics: list[Diagnostic], root: Path, setting: str
) -> tuple[list[Diagnostic], int]:
    """The findings not in the baseline file ``setting`` (root-relative; '' for
    none), and how many it left out."""
    if not setting or not diagnostics or not (root / setting).is_file():
        return diagnostics, 0
    return Baseline.load(root / setting).split(diagnostics, root)


def note(hidden: int, setting: str) -> str:
    """The line saying how many findings the baseline left out ('' for none)."""
    from mlhooks._i18n import tr

    if not hidden:
        return ""
    return tr(
        "{count} finding(s) recorded in the baseline {file} not shown (fixed ones"
        " drop out of it with `mlhooks baseline --prune`)",
        count=hidden,
        file=setting,
    )
