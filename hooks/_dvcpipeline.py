"""DVC pipelines: the stages of every ``dvc.yaml``, what a repository's DVC files
declare as a whole, and where the pipeline contradicts itself.

``dvc.yaml`` maps ``stages`` to ``{cmd, deps, outs, metrics, plots, params, wdir,
frozen}``, or to ``foreach``/``do`` and ``matrix`` templates, whose entries in
``dvc.lock`` are named ``stage@key``. An output is ``path`` or ``{path: {cache: false,
...}}``; plots may hold a list of such option sets. Top-level ``metrics`` and ``plots``
name files that git keeps. A stage without ``cmd`` makes DVC refuse the whole file.
DVC writes every stage it runs into ``dvc.lock`` (frozen stages are not run) and never
removes the entry of a stage deleted from ``dvc.yaml`` by hand.
"""

from __future__ import annotations

import posixpath
import shlex
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from mlhooks._datafiles import within
from mlhooks._dvcfiles import (
    DvcProject,
    Out,
    Problem,
    Stage,
    key_lines,
    read_dvc_file,
    read_lock,
    read_yaml_file,
    resolve,
)
from mlhooks._i18n import tr


def _declared(item: Any) -> Iterator[tuple[str, bool]]:
    """``(path, cached)`` of one outs/metrics/plots item: ``x`` or ``{x: {...}}``."""
    if isinstance(item, str):
        yield item, True
    elif isinstance(item, dict):
        for name, options in item.items():
            flags = options if isinstance(options, list) else [options]
            cache = all(not isinstance(f, dict) or f.get("cache", True) for f in flags)
            yield str(name), cache is not False


def _stage(path: str, name: str, body: Any, lines: dict, project: DvcProject) -> None:
    """One stage; a stage DVC refuses still declares its dependencies and outputs."""
    where: tuple[str, ...] = ("stages", name)
    line, folder = lines.get(where, 0), posixpath.dirname(path)
    templated = isinstance(body, dict) and ("foreach" in body or "matrix" in body)
    if isinstance(body, dict) and "foreach" in body:
        body, where = body.get("do"), where + ("do",)
    body = body if isinstance(body, dict) else {}
    if body.get("cmd") in (None, ""):
        message = tr(
            "stage '{name}' has no 'cmd' (the command that runs it): DVC refuses the"
            " whole dvc.yaml, so no stage runs; add it",
            name=name,
        )
        project.problems.append(Problem(path, line, message))
    deps = []
    for key in ("deps", "outs", "metrics", "plots"):
        items = body.get(key) or []
        if not isinstance(items, list):
            message = tr(
                "stage '{name}': '{key}' is not a list: DVC refuses the whole"
                " dvc.yaml, so no stage runs; make it a list",
                name=name,
                key=key,
            )
            at = lines.get(where + (key,), 0)
            project.problems.append(Problem(path, at, message))
            continue
        for i, item in enumerate(items):
            for raw, cache in _declared(item):
                resolved = resolve(folder, body.get("wdir"), raw)
                at = lines.get(where + (key, i), line)
                if resolved is not None and key == "deps":
                    deps.append((resolved, at))
                elif resolved is not None:
                    project.outs.append(Out(resolved, path, at, cache))
    frozen = body.get("frozen") is True
    project.stages.append(Stage(name, path, line, tuple(deps), frozen, templated))


def read_pipeline(root: Path, path: str, project: DvcProject) -> None:
    """The stages and outputs of one ``dvc.yaml``; when DVC would refuse it, its text
    (to tell which files it may name) instead of a place among the pipelines."""
    before = len(project.problems)
    file = read_yaml_file(root, path, project)
    data = ({} if file.data is None else file.data) if file else None  # empty: fine
    stages = data.get("stages", {}) if isinstance(data, dict) else None
    if file and not isinstance(stages, dict):
        message = tr(
            "dvc.yaml is not a mapping with 'stages': DVC refuses it, so no stage"
            " runs; fix the YAML, or take the last good version from git"
        )
        project.problems.append(Problem(path, 0, message))
    elif file and isinstance(data, dict) and isinstance(stages, dict):
        lines = key_lines(file.text)
        for name, body in stages.items():
            _stage(path, str(name), body, lines, project)
        for key in ("metrics", "plots"):
            items = data.get(key)
            for item in items if isinstance(items, list) else []:
                for raw, _ in _declared(item):
                    resolved = resolve(posixpath.dirname(path), "", raw)
                    project.listed.update([resolved] if resolved else [])
    if len(project.problems) == before and file:
        project.pipelines.append(path)
    elif (root / path).is_file():
        text = (root / path).read_bytes().decode("utf-8", "replace")
        project.unread.append((posixpath.dirname(path), text))


def read_project(root: Path, tracked: Iterable[str]) -> DvcProject:
    """Everything the tracked ``.dvc`` files, ``dvc.yaml`` and ``dvc.lock`` declare."""
    project = DvcProject()
    for path in tracked:
        name = posixpath.basename(path)
        if ".dvc/" in f"/{path}":
            continue  # DVC's own folder: config, cache, tmp
        if name == "dvc.yaml":
            read_pipeline(root, path, project)
        elif name == "dvc.lock":
            read_lock(root, path, project)
        elif name.endswith(".dvc") and name != ".dvc":
            read_dvc_file(root, path, project)
    return project


def missing_dependencies(
    project: DvcProject, exists: Callable[[str], bool]
) -> list[Problem]:
    """Stage dependencies that neither ``exists`` (in the working tree or in git) nor
    come from an output of a stage or a ``.dvc`` file (or hold one)."""
    produced = {out.path for out in project.outs}
    problems = []
    for stage in project.stages:
        for dep, line in stage.deps:
            inside = any(p.startswith(f"{dep}/") for p in produced)
            if exists(dep) or within(dep, produced) or inside:
                continue
            message = tr(
                "stage '{name}' depends on {path}, which does not exist: it is not in"
                " the working tree, not tracked by git, and no .dvc file or stage"
                " produces it, so dvc repro fails on a fresh clone; add it ({command})"
                " or correct the path",
                name=stage.name,
                path=dep,
                command=f"dvc add {shlex.quote(dep)}",
            )
            problems.append(Problem(stage.source, line, message))
    return problems


def _recorded(stage: Stage, names: Iterable[str]) -> bool:
    prefix = f"{stage.name}@"
    return any(
        n == stage.name or stage.templated and n.startswith(prefix) for n in names
    )


def _missing_lock(pipeline: str, untracked: bool) -> list[Problem]:
    lock = posixpath.join(posixpath.dirname(pipeline), "dvc.lock")
    add = f"git add {shlex.quote(lock)}"
    if untracked:
        message = tr(
            "{lock} exists but git does not track it, so nothing records which data"
            " and code made the outputs (dvc pull cannot fetch them, dvc repro reruns"
            " every stage); run: {command}",
            lock=lock,
            command=add,
        )
    else:
        message = tr(
            "{pipeline} has stages but there is no {lock}, so nothing records which"
            " data and code made the outputs (dvc pull cannot fetch them, dvc repro"
            " reruns every stage); run: {command}",
            pipeline=pipeline,
            lock=lock,
            command=f"dvc repro && {add}",
        )
    return [Problem(pipeline, 0, message)]


def lock_problems(
    project: DvcProject, tracked: frozenset[str], on_disk: Callable[[str], bool]
) -> list[Problem]:
    """``dvc.lock`` missing or untracked beside a ``dvc.yaml`` with stages to run, a
    stage it does not record, or a stage it records that ``dvc.yaml`` lacks."""
    problems = []
    for pipeline in project.pipelines:
        lock = posixpath.join(posixpath.dirname(pipeline), "dvc.lock")
        stages = [s for s in project.stages if s.source == pipeline and not s.frozen]
        names = project.locks.get(lock)
        if names is None:
            if stages and lock not in tracked:
                problems += _missing_lock(pipeline, on_disk(lock))
            continue
        for stage in (s for s in stages if not _recorded(s, names)):
            message = tr(
                "stage '{name}' has no entry in {lock}: it has not run since it was"
                " added, so nothing records which data it used; run: {command}",
                name=stage.name,
                lock=lock,
                command=f"dvc repro {shlex.quote(stage.name)} && git add {lock}",
            )
            problems.append(Problem(pipeline, stage.line, message))
    for lock, names in project.locks.items():
        pipeline = posixpath.join(posixpath.dirname(lock), "dvc.yaml")
        if pipeline in tracked and pipeline not in project.pipelines:
            continue  # dvc.yaml unreadable: reported as such
        stages = [s for s in project.stages if s.source == pipeline]
        for name, line in names.items():
            if any(_recorded(s, [name]) for s in stages):
                continue
            message = tr(
                "{lock} records stage '{name}', which {pipeline} does not define"
                " (renamed or removed), so it describes a run the pipeline no longer"
                " makes; delete the entry (dvc repro leaves it)",
                lock=lock,
                name=name,
                pipeline=pipeline,
            )
            problems.append(Problem(lock, line, message))
    return problems
