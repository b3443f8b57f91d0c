"""DVC's own files read as plain data: ``.dvc`` files, ``dvc.yaml`` and ``dvc.lock``.

The formats are DVC 2's and 3's (``dvc/schema.py``, ``dvc/output.py``). A ``.dvc`` file
holds ``outs``, a list of ``{path, md5 | etag | checksum, size, nfiles, hash: md5 (DVC
3), cache, ...}`` (``deps`` too for imports, ``cmd`` in DVC 1 stage files).
``dvc.lock`` is ``{schema: '2.0', stages: {name: {cmd, deps, params, outs}}}`` with
``{path, md5, size}`` entries (``_dvcpipeline`` reads ``dvc.yaml``). Paths are relative
to the file's folder and its ``wdir``. YAML is read with safe loading; URLs, absolute
paths and templated values (``${item}``) are passed over; shapes DVC refuses are
``Problem``s with the line and the way out.
"""

from __future__ import annotations

import posixpath
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from mlhooks._configfiles import ConfigFile, read_yaml
from mlhooks._datafiles import within
from mlhooks._diagnostics import Diagnostic

HASHES = ("md5", "etag", "checksum")
YAML_FIX = "fix the YAML, or take the last good version from git"
REFUSED = (
    "DVC refuses the file, so nothing it records can be pulled or reproduced; take"
    " the last good version from git, or delete it and run dvc repro"
)


@dataclass(frozen=True)
class Out:
    """A DVC output: a file or folder DVC versions (``cache`` False: git keeps it)."""

    path: str
    source: str
    line: int
    cache: bool = True
    is_dir: bool = False


@dataclass(frozen=True)
class Stage:
    """A ``dvc.yaml`` stage with its resolved dependencies ``(path, line)``."""

    name: str
    source: str
    line: int
    deps: tuple[tuple[str, int], ...] = ()
    frozen: bool = False
    templated: bool = False  # foreach or matrix: dvc.lock names it name@key


@dataclass(frozen=True)
class Problem:
    """A DVC file DVC would refuse: where, and a message saying what and the fix."""

    path: str
    line: int
    message: str


@dataclass
class DvcProject:
    """Everything the tracked DVC files of a repository declare."""

    outs: list[Out] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    pipelines: list[str] = field(default_factory=list)  # dvc.yaml files read
    locks: dict[str, dict[str, int]] = field(default_factory=dict)  # stage -> line
    listed: set[str] = field(default_factory=set)  # top-level metrics and plots
    folders: set[str] = field(default_factory=set)  # outputs dvc.lock says are folders
    unread: list[tuple[str, str]] = field(default_factory=list)  # (folder, text)
    owned: frozenset[str] = frozenset()  # outputs and listed files, once asked
    problems: list[Problem] = field(default_factory=list)
    unreadable: list[Diagnostic] = field(default_factory=list)

    def declares(self, path: str) -> bool:
        """``path`` is an output, lies in one, or is a listed metrics or plots file;
        or the text of a ``dvc.yaml`` DVC refuses names it (so it may be one). Ask
        once the project is read: the first question fixes the answer."""
        if not self.owned:
            self.owned = frozenset(o.path for o in self.outs) | self.listed
        if within(path, self.owned):
            return True
        return any(
            posixpath.relpath(path, folder or ".") in text
            for folder, text in self.unread
        )


def key_lines(text: str) -> dict[tuple[Any, ...], int]:
    """The 1-based line of every mapping key and list item, by its path."""
    import yaml

    found: dict[tuple[Any, ...], int] = {}

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            pairs = [(key.value, key, value) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            pairs = [(i, item, item) for i, item in enumerate(node.value)]
        else:
            return
        for step, where, child in pairs:
            found.setdefault(path + (step,), where.start_mark.line + 1)
            walk(child, path + (step,))

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when there
        walk(yaml.compose(text, Loader=loader), ())
    except (yaml.YAMLError, RecursionError):
        pass
    return found


def resolve(folder: str, wdir: Any, path: Any) -> str | None:
    """``path`` from the project root; None for URLs, absolute, templated paths."""
    parts = [wdir or "", path]
    if not all(isinstance(p, str) for p in parts):
        return None
    if any("://" in p or "${" in p or p.startswith(("/", "\\")) for p in parts):
        return None
    joined = posixpath.normpath(posixpath.join(folder, *parts).replace("\\", "/"))
    return None if joined == ".." or joined.startswith("../") else joined


def read_yaml_file(root: Path, path: str, project: DvcProject) -> ConfigFile | None:
    """The parsed file; None, with the reason in ``project``, when it is unreadable."""
    got = read_yaml(root, path)
    if isinstance(got, Diagnostic):
        if got.code != "MLH005":
            project.unreadable.append(got)
            return None
        reason = got.message.removeprefix("does not parse as YAML: ")
        message = f"{posixpath.basename(path)} does not parse as YAML ({reason})"
        message += f": DVC cannot read it; {YAML_FIX}"
        project.problems.append(Problem(path, got.line, message))
    return got if isinstance(got, ConfigFile) else None


def has_hash(entry: dict[str, Any]) -> bool:
    return any(entry.get(key) not in (None, "") for key in HASHES)


def is_folder(entry: dict[str, Any]) -> bool:
    return str(entry.get("md5", "")).endswith(".dir") or "nfiles" in entry


def read_dvc_file(root: Path, path: str, project: DvcProject) -> None:
    """The outputs of one ``.dvc`` file, or the problems that make DVC refuse it."""
    file = read_yaml_file(root, path, project)
    if file is None:
        return
    data, lines, folder = file.data, key_lines(file.text), posixpath.dirname(path)
    target = shlex.quote(path.removesuffix(".dvc"))
    redo = f"recreate it: dvc add {target}"

    def problem(line: int, what: str, fix: str = redo) -> None:
        message = f"{what}: DVC cannot tell which data it tracks; {fix}"
        project.problems.append(Problem(path, line, message))

    if not isinstance(data, dict):
        return problem(0, f"{posixpath.basename(path)} is not a mapping with 'outs'")
    outs = data.get("outs")
    if outs is None and not (data.get("deps") or data.get("cmd")):
        return problem(0, f"{posixpath.basename(path)} has no 'outs'")
    if not isinstance(outs, list):
        return problem(lines.get(("outs",), 0), "'outs' is not a list")
    for i, entry in enumerate(outs):
        line = lines.get(("outs", i), 0)
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            problem(line, f"output {i + 1} has no 'path'")
            continue
        if not has_hash(entry) and not data.get("deps"):
            fix = f"run dvc add {target} again"
            problem(line, f"output '{entry['path']}' has no hash (md5)", fix)
        resolved = resolve(folder, data.get("wdir"), entry["path"])
        if resolved is not None:
            cache = entry.get("cache", True) is not False
            project.outs.append(Out(resolved, path, line, cache, is_folder(entry)))


def _lock_entries(name: str, body: dict[str, Any]) -> Iterator[tuple[Any, str, str]]:
    """What is wrong with the deps and outs recorded for stage ``name``: where (key
    and index), what, and the fix."""
    again = f"DVC takes it as changed; run: dvc repro {shlex.quote(name)}"
    for key in ("deps", "outs"):
        entries = body.get(key) or []
        if not isinstance(entries, list):
            yield (key,), f"stage '{name}': '{key}' is not a list", REFUSED
            continue
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
                what = f"stage '{name}' records {key} entry {i + 1} without a path"
                yield (key, i), what, REFUSED
            elif not has_hash(entry) and "://" not in entry["path"]:
                yield (
                    key,
                    i,
                ), f"stage '{name}' records '{entry['path']}' without a hash", again


def read_lock(root: Path, path: str, project: DvcProject) -> None:
    """The stage names of one ``dvc.lock`` (line of each), and folder outputs."""
    file = read_yaml_file(root, path, project)
    if file is None:
        return
    data, lines = file.data, key_lines(file.text)

    def problem(line: int, what: str, fix: str = REFUSED) -> None:
        project.problems.append(Problem(path, line, f"{what}: {fix}"))

    if not isinstance(data, dict):
        return problem(0, "dvc.lock is not a mapping")
    if data.get("schema") != "2.0":
        what = "has no schema: '2.0' (DVC 1's format)"
        if "schema" in data:
            what = f"has schema {data['schema']!r}, not '2.0'"
        return problem(lines.get(("schema",), 0), f"dvc.lock {what}")
    stages = data.get("stages") or {}
    if not isinstance(stages, dict):
        return problem(lines.get(("stages",), 0), "'stages' is not a mapping")
    names = project.locks.setdefault(path, {})
    for name, body in stages.items():
        line = names[str(name)] = lines.get(("stages", name), 0)
        if not isinstance(body, dict) or body.get("cmd") in (None, ""):
            problem(line, f"stage '{name}' has no 'cmd'")
            continue
        for where, what, fix in _lock_entries(str(name), body):
            problem(lines.get(("stages", name, *where), line), what, fix)
        for entry in body.get("outs") or []:
            if isinstance(entry, dict) and is_folder(entry):
                folder = resolve(posixpath.dirname(path), "", entry.get("path"))
                project.folders.update([folder] if folder else [])
