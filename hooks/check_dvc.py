"""check-dvc: data and models are versioned with DVC, and the DVC files hold together.

The guideline's reproducibility rests on DVC: it versions binary data outside git and
defines a pipeline that reruns the minimum, so "which data did that experiment use?"
has an answer. DVC's own pre-commit hooks only print ``dvc status``; this hook notices
a CSV or a model committed straight into git, a DVC project that is missing or not
committed, DVC files that DVC would refuse or that contradict each other, outputs git
would commit, ``.gitignore`` rules that hide ``.dvc`` files from git, and data with no
shared remote to be pushed to. Everything is read statically (git answers which rule
ignores what); neither DVC nor the project's code runs.
"""

from __future__ import annotations

import os
import posixpath
import shlex
from collections import Counter, defaultdict
from functools import partial
from pathlib import Path
from typing import Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option, Settings
from mlhooks._datafiles import (
    EXTENSIONS,
    SAMPLE_DIRS,
    DataRules,
    concrete_folders,
    data_reason,
    files_below,
    within,
)
from mlhooks._diagnostics import Diagnostic, file_diagnostic
from mlhooks._dvcconfig import remote_problem
from mlhooks._dvcfiles import DvcProject, Problem
from mlhooks._dvcignore import ignore_problems
from mlhooks._dvcpipeline import lock_problems, missing_dependencies, read_project
from mlhooks._i18n import N_, tr

HOOK_ID = "check-dvc"
CODES = {
    "MLH501": "data or model file tracked by git instead of DVC",
    "MLH502": "DVC not initialised (no tracked .dvc/config) although there is data",
    "MLH503": "a .dvc file, dvc.yaml or dvc.lock that DVC cannot read",
    "MLH504": "a stage dependency that does not exist, or dvc.lock missing or"
    " naming other stages than dvc.yaml",
    "MLH505": "a DVC output that git does not ignore (or tracks), so the data would"
    " be committed",
    "MLH506": "a .gitignore rule ignores .dvc files, so git cannot commit them",
    "MLH507": "no default DVC remote in the tracked .dvc/config",
}
WHY = N_(
    "the guideline versions data and models with DVC, so each experiment names the"
    " data it used"
)
GROUP = 10  # more tracked data files than this in one folder: one finding for it
WALK_LIMIT = 5000  # folder entries looked at below the data and model folders
q = shlex.quote


def _relative(values: list[str]) -> str:
    bad = [v for v in values if v.startswith(("/", "\\")) or ".." in v.split("/")]
    return f"{bad[0]!r} is not a folder path inside the project" if bad else ""


def _kib(value: int) -> str:
    return "must be 0 or more (KiB)" if value < 0 else ""


DIRS = "folders, as paths from the project root (* allowed)"
OPTIONS = (
    Option("data-dirs", "list", ["data"], f"data {DIRS}", check=_relative),
    Option("model-dirs", "list", ["models"], f"model {DIRS}", check=_relative),
    Option("data-extensions", "list", EXTENSIONS, "extensions of data and model files"),
    Option(
        "max-size",
        "int",
        10240,
        "KiB above which any file but code or a document is data (0: no limit)",
        check=_kib,
    ),
    Option(
        "max-sample-size",
        "int",
        100,
        "KiB up to which a file in a sample folder, or a configuration file in a"
        " data folder, is fine",
        check=_kib,
    ),
    Option(
        "sample-dirs",
        "list",
        SAMPLE_DIRS,
        "names of folders whose small files are samples (tests, examples, docs)",
    ),
    Option("require-remote", "bool", True, "report a missing default remote (MLH507)"),
)


def _rules(settings: Settings) -> DataRules:
    return DataRules(
        tuple(settings.data_dirs),
        tuple(settings.model_dirs),
        frozenset(e.lstrip(".").lower() for e in settings.data_extensions),
        settings.max_size * 2**10,
        settings.max_sample_size * 2**10,
        tuple(settings.sample_dirs),
    )


def _size(root: Path, path: str) -> int | None:
    try:
        return (root / path).stat().st_size
    except OSError:
        return None


def _stored(root: Path, path: str) -> bool:
    """Whether git holds the content: not a submodule (a folder), not a symlink."""
    full = root / path
    return not (full.is_symlink() or full.is_dir())


def _tracked_data(
    ctx: Context, tracked: list[str], rules: DataRules, project: DvcProject
) -> list[tuple[str, str]]:
    """``(path, reason)`` of the tracked files that belong in DVC."""
    found = []
    for path in tracked:
        reason = data_reason(path, partial(_size, ctx.root, path), rules)
        if reason and not project.declares(path) and _stored(ctx.root, path):
            found.append((path, reason))
    return found


def _loose_data(ctx: Context, rules: DataRules, project: DvcProject) -> list[str]:
    """Files on disk in the data and model folders that neither git nor DVC keeps."""
    owned = {out.path for out in project.outs}
    folders = concrete_folders(ctx.root, rules.data_dirs + rules.model_dirs)
    skip = partial(within, folders=frozenset(owned | ctx.repo.tracked_set))
    found = files_below(ctx.root, folders, skip, WALK_LIMIT)
    return [p for p in found if ctx.included(p)]


def _data_message(path: str, reason: str, folder: bool, in_git: bool) -> str:
    """The MLH501 message for ``path`` (a folder of data when ``folder``)."""
    add = f"dvc add {q(path)}"
    if not in_git:
        return tr(
            "{reason} outside DVC: {why} and git does not keep every copy forever;"
            " run: {command}",
            reason=reason,
            why=tr(WHY),
            command=add,
        )
    return tr(
        "{reason} tracked by git instead of DVC: {why} and git does not keep every"
        " copy forever; run: {command}",
        reason=reason,
        why=tr(WHY),
        command=f"git rm {'-r ' * folder}--cached {q(path)} && {add}",
    )


def _data_findings(ctx: Context, found: list[tuple[str, str]]) -> list[Diagnostic]:
    """MLH501, one finding per file, or per folder when a folder is all data."""
    children = Counter(map(posixpath.dirname, ctx.repo.tracked))
    by_folder = defaultdict(list)
    for path, reason in found:
        by_folder[posixpath.dirname(path)].append((path, reason))
    diagnostics = []
    for folder, items in by_folder.items():
        if folder and len(items) > GROUP and len(items) == children[folder]:
            what = N_("{count} data files in {folder}/ ({first}, ...)")
            count, first = len(items), items[0][0]
            items = [(folder, tr(what, count=count, folder=folder, first=first))]
        for path, reason in items:
            message = _data_message(path, reason, path == folder, ctx.repo.in_git)
            diagnostics.append(file_diagnostic(path, "MLH501", message))
    return diagnostics


def _not_initialised(ctx: Context, data: list[str]) -> list[Diagnostic]:
    """MLH502 when data lies outside every DVC project git tracks."""
    configs = [p for p in ctx.repo.tracked if f"/{p}".endswith("/.dvc/config")]
    roots = [p.removesuffix(".dvc/config") for p in configs]
    outside = sorted(p for p in data if not any(p.startswith(r) for r in roots))
    if not outside:
        return []
    if (ctx.root / ".dvc" / "config").is_file():
        files = (".dvc/config", ".dvc/.gitignore", ".dvcignore")
        add = " ".join(f for f in files if (ctx.root / f).is_file())
        message = tr(
            "git does not track .dvc/config, so a clone is no DVC project and cannot"
            " pull the data: {why}; run: git add {files}",
            why=tr(WHY),
            files=add,
        )
        return [file_diagnostic(".dvc/config", "MLH502", message)]
    message = tr(
        "DVC is not initialised (no .dvc/config) although the repository holds data,"
        " models or DVC files ({path}): {why}; run: dvc init, then dvc add the data"
        " and commit the .dvc files",
        path=outside[0],
        why=tr(WHY),
    )
    return [file_diagnostic(".", "MLH502", message)]


def _remote_findings(ctx: Context, project: DvcProject) -> list[Diagnostic]:
    """MLH507 for each tracked DVC project that has cached data to push."""
    configs = [p for p in ctx.repo.tracked if f"/{p}".endswith("/.dvc/config")]
    diagnostics = []
    for folder in (p.removesuffix(".dvc/config") for p in configs):
        if not any(o.cache and o.path.startswith(folder) for o in project.outs):
            continue
        problem = remote_problem(ctx.root, folder)
        if isinstance(problem, Problem):
            problem = _at(problem, "MLH507")
        diagnostics += [problem] if problem else []
    return diagnostics


def _at(problem: Problem, code: str) -> Diagnostic:
    line = problem.line
    return Diagnostic(problem.path, line, 1 if line else 0, code, problem.message)


def check_dvc(ctx: Context) -> list[Diagnostic]:
    """Every finding of check-dvc over the repository (see ``CODES``)."""
    rules, root, repo = _rules(ctx.settings), ctx.root, ctx.repo
    tracked = [p for p in repo.tracked if ctx.included(p)]
    project = read_project(root, tracked)
    found = _tracked_data(ctx, tracked, rules, project)
    loose = _loose_data(ctx, rules, project)
    loose_data = [p for p in loose if data_reason(p, partial(_size, root, p), rules)]
    diagnostics = project.unreadable + [_at(p, "MLH503") for p in project.problems]
    diagnostics += _data_findings(ctx, found)
    declared = {out.source for out in project.outs} | set(project.pipelines)
    data = [p for p, _ in found] + loose_data
    diagnostics += _not_initialised(ctx, data + sorted(declared))

    def exists(path: str) -> bool:
        known = path in repo.tracked_set or path in repo.tracked_dirs
        return known or os.path.lexists(root / path)

    problems = missing_dependencies(project, exists)
    problems += lock_problems(project, repo.tracked_set, lambda p: (root / p).is_file())
    diagnostics += [_at(p, "MLH504") for p in problems]
    if repo.in_git:
        outputs, hidden = ignore_problems(repo, project, tracked + loose, data, GROUP)
        diagnostics += [_at(p, "MLH505") for p in outputs]
        diagnostics += [_at(p, "MLH506") for p in hidden]
    if ctx.settings.require_remote:
        diagnostics += _remote_findings(ctx, project)
    return diagnostics


HOOK = Hook(
    id=HOOK_ID,
    summary="Data and models are versioned with DVC (not git), and the DVC files,"
    " .gitignore rules and default remote hold together.",
    section="data",
    codes=CODES,
    check=check_dvc,
    options=OPTIONS,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
