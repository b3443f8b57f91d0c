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
from mlhooks._i18n import N_, tr

HASHES = ("md5", "etag", "checksum")
BROKEN_YAML = N_(
    "{name} does not parse as YAML ({reason}): DVC cannot read it; fix the YAML, or"
    " take the last good version from git"
)
REFUSED = N_(
    "{problem}: DVC refuses the file, so nothing it records can be pulled or"
    " reproduced; take the last good version from git, or delete it and run dvc repro"
)
UNKNOWN_DATA = N_(
    "{problem}: DVC cannot tell which data it tracks; recreate it: dvc add {target}"
)
NO_HASH = N_(
    "output '{path}' has no hash (md5): DVC cannot tell which data it tracks; run dvc"
    " add {target} again"
)
NO_PATH = N_("stage '{name}' records {key} entry {number} without a path")
CHANGED = N_(
    "stage '{name}' records '{path}' without a hash: DVC takes it as changed; run: dvc"
    " repro {stage}"
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
        reason = got.message.split(": ", 1)[-1]  # after "does not parse as YAML"
        message = tr(BROKEN_YAML, name=posixpath.basename(path), reason=reason)
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
    target, name = shlex.quote(path.removesuffix(".dvc")), posixpath.basename(path)

    def problem(line: int, what: str) -> None:
        message = tr(UNKNOWN_DATA, problem=what, target=target)
        project.problems.append(Problem(path, line, message))

    if not isinstance(data, dict):
        return problem(0, tr("{name} is not a mapping with 'outs'", name=name))
    outs = data.get("outs")
    if outs is None and not (data.get("deps") or data.get("cmd")):
        return problem(0, tr("{name} has no 'outs'", name=name))
    if not isinstance(outs, list):
        return problem(lines.get(("outs",), 0), tr("'outs' is not a list"))
    for i, entry in enumerate(outs):
        line = lines.get(("outs", i), 0)
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            problem(line, tr("output {number} has no 'path'", number=i + 1))
            continue
        if not has_hash(entry) and not data.get("deps"):
            message = tr(NO_HASH, path=entry["path"], target=target)
            project.problems.append(Problem(path, line, message))
        resolved = resolve(folder, data.get("wdir"), entry["path"])
        if resolved is not None:
            cache = entry.get("cache", True) is not False
            project.outs.append(Out(resolved, path, line, cache, is_folder(entry)))


def _lock_entries(name: str, body: dict[str, Any]) -> Iterator[tuple[Any, str]]:
    """What is wrong with the deps and outs recorded for stage ``name``: where (key
    and index), and the message."""
    for key in ("deps", "outs"):
        entries = body.get(key) or []
        if not isinstance(entries, list):
            what = tr("stage '{name}': '{key}' is not a list", name=name, key=key)
            yield (key,), tr(REFUSED, problem=what)
            continue
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
                what = tr(NO_PATH, name=name, key=key, number=i + 1)
                yield (key, i), tr(REFUSED, problem=what)
            elif not has_hash(entry) and "://" not in entry["path"]:
                stage = shlex.quote(name)
                yield (key, i), tr(CHANGED, name=name, path=entry["path"], stage=stage)


def read_lock(root: Path, path: str, project: DvcProject) -> None:
    """The stage names of one ``dvc.lock`` (line of each), and folder outputs."""
    file = read_yaml_file(root, path, project)
    if file is None:
        return
    data, lines = file.data, key_lines(file.text)

    def problem(line: int, what: str) -> None:
        project.problems.append(Problem(path, line, tr(REFUSED, problem=what)))

    if not isinstance(data, dict):
        return problem(0, tr("dvc.lock is not a mapping"))
    if data.get("schema") != "2.0":
        what = tr("dvc.lock has no schema: '2.0' (DVC 1's format)")
        if "schema" in data:
            what = tr("dvc.lock has schema {value!r}, not '2.0'", value=data["schema"])
        return problem(lines.get(("schema",), 0), what)
    stages = data.get("stages") or {}
    if not isinstance(stages, dict):
        return problem(lines.get(("stages",), 0), tr("'stages' is not a mapping"))
    names = project.locks.setdefault(path, {})
    for name, body in stages.items():
        line = names[str(name)] = lines.get(("stages", name), 0)
        if not isinstance(body, dict) or body.get("cmd") in (None, ""):
            problem(line, tr("stage '{name}' has no 'cmd'", name=name))
            continue
        for where, message in _lock_entries(str(name), body):
            at = lines.get(("stages", name, *where), line)
            project.problems.append(Problem(path, at, message))
        for entry in body.get("outs") or []:
            if isinstance(entry, dict) and is_folder(entry):
                folder = resolve(posixpath.dirname(path), "", entry.get("path"))
                project.folders.update([folder] if folder else [])
