"""Git's ignore rules, answered by git itself: which shared ``.gitignore`` rule ignores
a path, and how to change a rule so that it lets DVC's ``.dvc`` files through.

One ``git check-ignore --no-index -v -z --stdin`` call answers for every path at once,
so negation, anchoring, folder-only rules, ``**``, nested ``.gitignore`` files,
escapes, trailing spaces and "a file inside an ignored folder cannot be re-included"
all follow git exactly; nothing is re-implemented. Only rules from ``.gitignore`` files
count: ``.git/info/exclude`` and the user's ``core.excludesFile`` are personal, and a
clone or CI does not share them. A path is matched as it is on disk: an existing
folder as a folder (so ``/data/`` matches it), a missing path as a file. Asking about
a folder with a trailing ``/`` is not safe: git then matches ``data/raw/*`` against
``data/raw/`` itself, although it ignores only what is inside.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from mlhooks._files import git, git_root
from mlhooks._i18n import tr

GLOB = re.compile(r"[*?\[\\]")


@dataclass(frozen=True)
class Rule:
    """One line of a ``.gitignore`` file; ``source`` is relative to the project root."""

    source: str
    line: int
    pattern: str


def _prefix(root: Path) -> str:
    """The project root relative to the git work tree's top ('' at the top)."""
    if (root / ".git").is_dir():
        return ""
    top = git_root(root)
    if top is None:
        return ""
    rel = root.resolve().relative_to(top.resolve()).as_posix()
    return "" if rel == "." else rel


def _run_check_ignore(root: Path, paths: list[str]) -> list[bytes]:
    stdin = b"".join(os.fsencode(path) + b"\0" for path in paths)
    args = ("check-ignore", "--no-index", "-v", "-z", "--stdin")
    out = git(root, *args, stdin=stdin, ok=(0, 1))
    return out.split(b"\0") if out is not None else []


def beyond_symlink(root: Path, path: str) -> bool:
    """Whether a folder on the way to ``path`` is a symbolic link: git then refuses
    to say whether the path is ignored ("beyond a symbolic link")."""
    parts = path.rstrip("/").split("/")[:-1]
    return any(
        os.path.islink(root / "/".join(parts[:i])) for i in range(1, len(parts) + 1)
    )


def ignore_rules(root: Path, paths: Iterable[str]) -> dict[str, Rule]:
    """For every path (relative to ``root``) that a ``.gitignore`` rule ignores, the
    rule: for a path inside an ignored folder, the rule that ignores the folder.
    Paths beyond a symbolic link are left out: git cannot tell."""
    wanted = sorted(p for p in set(paths) if not beyond_symlink(root, p))
    if not wanted:
        return {}
    fields = _run_check_ignore(root, wanted)
    prefix = _prefix(root) if len(fields) > 1 else ""
    found = {}
    for i in range(0, len(fields) - 3, 4):
        source, line, pattern, path = (os.fsdecode(f) for f in fields[i : i + 4])
        shared = posixpath.basename(source) == ".gitignore"
        if not shared or os.path.isabs(source) or pattern.startswith("!"):
            continue  # personal exclude files; a negation means "not ignored"
        where = posixpath.relpath(source, prefix) if prefix else source
        found[path] = Rule(where, int(line), pattern)
    return found


def _inside(pattern: str) -> str:
    """The folder part of a rule that ignores a folder, or its contents, by name:
    ``/data/`` and ``/data/*`` give ``/data``, ``data/`` gives ``**/data``; '' when the
    rule has wildcards elsewhere, so no exact rewrite is known."""
    body = pattern.rstrip("/")
    for tail in ("/**", "/*"):
        body = body.removesuffix(tail)
    bare = body.lstrip("/")
    if not bare or GLOB.search(bare):
        return ""
    return body if "/" in body else f"**/{body}"


def dvc_friendly_edit(rule: Rule, ignores_folder: bool) -> tuple[str, list[str]]:
    """The edit of ``rule``'s line that lets ``.dvc`` files through: ``delete`` it,
    ``add`` lines below it, ``replace`` it with lines, or '' when no exact edit is
    known (a folder rule with wildcards)."""
    if rule.pattern.endswith(".dvc"):
        return "delete", []
    if not ignores_folder:
        return "add", ["!*.dvc"]
    if rule.pattern in ("*", "**"):
        return "add", ["!*/", "!*.dvc"]
    folder = _inside(rule.pattern)
    if not folder:
        return "", []
    return "replace", [f"{folder}/**", f"!{folder}/**/", f"!{folder}/**/*.dvc"]


def dvc_friendly(rule: Rule, ignores_folder: bool) -> str:
    """How to change ``rule`` so that git no longer ignores ``.dvc`` files."""
    action, lines = dvc_friendly_edit(rule, ignores_folder)
    quoted = [f"'{line}'" for line in lines]
    shown = ", ".join(quoted)
    if len(quoted) > 1:
        shown = tr("{items} and {last}", items=", ".join(quoted[:-1]), last=quoted[-1])
    pattern = rule.pattern
    if action == "delete":
        return tr(
            "delete the line '{pattern}': .dvc files belong in git", pattern=pattern
        )
    if action == "add":
        return tr(
            "add {lines} below '{pattern}' in {source}",
            lines=shown,
            pattern=pattern,
            source=rule.source,
        )
    if action == "replace":
        return tr(
            "replace '{pattern}' with {lines} (the files stay ignored, the folders and"
            " .dvc files not)",
            pattern=pattern,
            lines=shown,
        )
    return tr(
        "change '{pattern}' to ignore the files in the folder instead of the folder"
        " (git never looks inside an ignored folder, so no '!' rule can bring a .dvc"
        " file back), then add '!*.dvc'",
        pattern=pattern,
    )
