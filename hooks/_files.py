"""Files: safe decoding, atomic writes, and what git tracks.

Reading never raises on bad input: undecodable, binary or oversized files become MLH00x
diagnostics. Writing is atomic (a temporary file beside the resolved target, permission
bits copied, ``os.replace``) and happens only when the content changes.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import subprocess
from functools import cached_property, lru_cache
from pathlib import Path

from mlhooks._diagnostics import Diagnostic, file_diagnostic
from mlhooks._i18n import tr

MAX_BYTES = 10 * 1024 * 1024
BOM = b"\xef\xbb\xbf"
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "node_modules"}
SKIP_DIRS |= {".mlhooks_cache"}  # the repository-wide cache of check-dead-code


@lru_cache(maxsize=None)
def glob_regex(globs: tuple[str, ...]) -> re.Pattern[str]:
    """flake8's rule as one regex: a glob without ``/`` matches a file or folder name at
    any depth, else the whole path (or a folder above it); ``*`` also crosses ``/``."""
    parts = []
    for glob in globs:
        glob = glob.rstrip("/")
        body = fnmatch.translate(glob)[4:-3]  # strip "(?s:" and ")\Z"
        parts.append(f"(?:^|/){body}(?:/|$)" if "/" not in glob else f"^{body}(?:/|$)")
    return re.compile("|".join(parts) or "(?!)", re.DOTALL)


def glob_match(path: str, glob: str) -> bool:
    return glob_regex((glob,)).search(path) is not None


class FileProblem(Exception):
    """A file that cannot be checked; carries the diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def decode(data: bytes, path: str) -> str:
    """UTF-8 text of ``data`` (BOM dropped), or FileProblem naming the bad byte."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise FileProblem(
            file_diagnostic(
                path, "MLH001", tr("UTF-16 text; re-save the file as UTF-8")
            )
        )
    if b"\0" in data[:8192]:
        raise FileProblem(
            file_diagnostic(
                path, "MLH002", tr("binary file (contains NUL bytes); skipped")
            )
        )
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FileProblem(
            Diagnostic(
                path,
                line,
                1,
                "MLH001",
                tr(
                    "not valid UTF-8 (byte 0x{byte:02x} at offset {offset}); re-save"
                    " the file as UTF-8",
                    byte=data[exc.start],
                    offset=exc.start,
                ),
            )
        ) from None


def read_text(root: Path, path: str, max_bytes: int = MAX_BYTES) -> str:
    """Text of ``root/path``; FileProblem for binary, non-UTF-8 or huge files."""
    full = root / path
    info = full.stat()
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(
            file_diagnostic(path, "MLH002", tr("not a regular file; skipped"))
        )
    size = info.st_size
    if size > max_bytes:
        raise FileProblem(
            file_diagnostic(
                path,
                "MLH004",
                tr(
                    "file is {size:.1f} MiB, over the {limit:.0f} MiB limit; skipped",
                    size=size / 2**20,
                    limit=max_bytes / 2**20,
                ),
            )
        )
    return decode(full.read_bytes(), path)


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False (no write) when unchanged."""
    target = path.resolve()
    try:
        if target.read_bytes() == data:
            return False
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
    return True


class GitError(Exception):
    """git itself refused or failed (not "this is no repository"): exit status 2."""


def git(
    root: Path, *args: str, stdin: bytes | None = None, ok: tuple[int, ...] = (0,)
) -> bytes | None:
    """Output of a git command in ``root``; None when git or the repo is absent."""
    try:
        proc = subprocess.run(
            ("git", *args), cwd=root, input=stdin, capture_output=True, check=False
        )
    except OSError:
        return None
    if proc.returncode in ok:
        return proc.stdout
    error = proc.stderr.decode("utf-8", "replace").strip()
    if "not a git repository" in error:
        return None
    first = error.splitlines()[0] if error else f"exit status {proc.returncode}"
    raise GitError(f"git {args[0]} failed in {os.fsdecode(root)}: {first}")


def git_root(start: Path) -> Path | None:
    out = git(start, "rev-parse", "--show-toplevel")
    return Path(os.fsdecode(out[:-1] if out.endswith(b"\n") else out)) if out else None


class Repo:
    """The project being checked: its root and what git tracks below it.

    Outside a git work tree every file below the root (but version-control, virtualenv
    and cache folders) counts as tracked, so ``mlhooks check`` works on a plain folder.
    """

    def __init__(self, root: Path, in_git: bool | None = None) -> None:
        self.root = root
        if in_git is not None:  # already known: spare a git call
            self.__dict__["in_git"] = in_git

    @cached_property
    def in_git(self) -> bool:
        return git_root(self.root) is not None

    @cached_property
    def tracked(self) -> list[str]:
        """Tracked (or staged) files below the root, relative to it, sorted."""
        out = git(self.root, "ls-files", "-z", "--cached", "--", ".")
        if out is None or not self.in_git:
            return sorted(self._walk())
        return sorted(os.fsdecode(p) for p in out.split(b"\0") if p)

    @cached_property
    def tracked_set(self) -> frozenset[str]:
        return frozenset(self.tracked)

    @cached_property
    def tracked_dirs(self) -> frozenset[str]:
        """Every folder that holds a tracked file, at any depth."""
        dirs = set()
        for name in self.tracked:
            parts = name.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                dirs.add("/".join(parts[:i]))
        return frozenset(dirs)

    def _walk(self) -> list[str]:
        found: list[str] = []
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
            rel = Path(dirpath).relative_to(self.root).as_posix()
            prefix = "" if rel == "." else rel + "/"
            found.extend(prefix + name for name in filenames)
        return found

    def ignored(self, paths: list[str]) -> set[str]:
        """The ``paths`` that git ignores (folders given with a trailing ``/``)."""
        if not paths or not self.in_git:
            return set()
        stdin = b"\0".join(os.fsencode(p) for p in paths) + b"\0"
        args = ("check-ignore", "--no-index", "-z", "--stdin")
        out = git(self.root, *args, stdin=stdin, ok=(0, 1))
        if not out:
            return set()
        return {os.fsdecode(p) for p in out.split(b"\0") if p}
