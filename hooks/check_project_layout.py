"""check-project-layout: the Cookiecutter Data Science folders and a source package.

The guideline recommends one folder template shared by every repository (Cookiecutter
Data Science), so that anyone finds data, models, notebooks, reports and the reusable
code in the same place. A required folder counts as present when it exists in the
working tree, holds a tracked file, or is ignored by git (data kept out of git, e.g.
with DVC). The template's optional folders (docs/, tests/) are never required. ``--fix``
creates each missing folder with an empty ``.gitkeep``; a folder that looks like a
misspelling (``nb/`` for ``notebooks/``) is reported for renaming and left alone.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import ConfigError, Option
from mlhooks._diagnostics import Diagnostic, file_diagnostic
from mlhooks._files import write_atomic

HOOK_ID = "check-project-layout"
CODES = {
    "MLH421": "a folder of the project layout (Cookiecutter Data Science) is missing",
    "MLH422": "no source package (a folder with __init__.py, top-level or under src/)",
}
REQUIRED = ["data/raw", "data/interim", "data/processed", "data/external"]
REQUIRED += ["models", "notebooks", "references", "reports/figures"]
PURPOSE = {
    "data/raw": "the original, immutable data dump",
    "data/interim": "intermediate data that has been transformed",
    "data/processed": "the final, canonical data sets for modeling",
    "data/external": "data from third-party sources",
    "models": "trained and serialized models, model predictions or model summaries",
    "notebooks": "Jupyter notebooks, named like 1.0-jqp-initial-data-exploration",
    "references": "data dictionaries, manuals and other explanatory material",
    "reports": "generated analysis as HTML, PDF, LaTeX, etc.",
    "reports/figures": "generated graphics and figures used in reports",
}
# Near-miss spellings of one path component (any letter case counts too).
ALIASES = {
    "notebooks": ("notebook", "nbs", "nb"),
    "models": ("model",),
    "reports": ("report",),
    "references": ("reference", "refs", "ref"),
    "figures": ("figure", "figs", "fig", "images", "plots"),
    "data": ("dataset", "datasets"),
    "raw": ("raw_data", "raw-data"),
    "interim": ("intermediate", "interim_data"),
    "processed": ("processed_data", "process"),
    "external": ("external_data", "ext"),
}
MOVED = {"reports/figures": ("figures", "figs")}  # stand-ins elsewhere in the tree
NOT_SOURCE = {"tests", "test", "docs", "doc", "notebooks", "data", "models"}
NOT_SOURCE |= {"references", "reports", "examples", "scripts", "benchmarks"}
NOT_SOURCE |= {"build", "dist", "venv", "site-packages", "__pycache__"}
WHY = (
    "a shared layout lets anyone find data, models, notebooks and reports in every"
    " repository"
)
PACKAGE_WHY = (
    "the layout keeps reusable code in one importable package (e.g. <name>/__init__.py"
    " with dataset.py, features.py, modeling/train.py) so notebooks and scripts import"
    " it instead of copying code"
)

OPTIONS = (
    Option("required", "list", REQUIRED, "folders the project must have"),
    Option(
        "source-package",
        "str",
        "",
        "folder that must be the source package, top-level or under src/"
        " (default: any package)",
    ),
    Option(
        "require-source-package",
        "bool",
        True,
        "report a repository without a source package (MLH422)",
    ),
)


def _folder(value: str, option: str) -> str:
    """``value`` as a clean relative folder; ConfigError for '..' or absolute paths."""
    posix = PurePosixPath(value.replace("\\", "/"))
    if posix.is_absolute() or PureWindowsPath(value).drive:
        problem = "is an absolute path"
    elif ".." in posix.parts:
        problem = "leaves the project ('..')"
    elif str(posix) == ".":
        problem = "is empty"
    else:
        return posix.as_posix()
    raise ConfigError(
        f"'{option}' value {value!r} {problem}; give a folder path relative to the"
        " project root"
    )


def _subdirs(folder: Path) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return [entry.name for entry in entries if entry.is_dir()]
    except OSError:
        return []


def _existing(ctx: Context, levels: list[tuple[str, ...]]) -> list[str]:
    """Folders on disk or tracked whose components match ``levels``, any case."""
    wanted = [[name.lower() for name in level] for level in levels]
    found = {
        d
        for d in ctx.repo.tracked_dirs
        if d.count("/") == len(wanted) - 1
        and all(p.lower() in w for p, w in zip(d.split("/"), wanted))
    }
    paths = [""]
    for names in wanted:
        paths = [
            f"{path}{sub}/"
            for path in paths
            for sub in _subdirs(ctx.root / path)
            if sub.lower() in names
        ]
    found.update(path.rstrip("/") for path in paths)

    def rank(path: str) -> tuple[tuple[int, ...], str]:
        parts = path.lower().split("/")
        return tuple(w.index(p) for p, w in zip(parts, wanted)), path

    return sorted(found, key=rank)


def _is_package(ctx: Context, folder: str) -> bool:
    parts = folder.split("/")
    inits = ["/".join(parts[: i + 1] + ["__init__.py"]) for i in range(len(parts))]
    return any(i in ctx.repo.tracked_set or (ctx.root / i).is_file() for i in inits)


def _near_miss(ctx: Context, folder: str) -> tuple[bool, str]:
    """Whether ``folder`` exists, and else a folder that looks like it ('' if none)."""
    parts = folder.split("/")
    patterns = [[(part, *ALIASES.get(part, ())) for part in parts]]
    patterns += [[MOVED[folder]]] if folder in MOVED else []
    found = [path for levels in patterns for path in _existing(ctx, levels)]
    if folder in found:
        return True, ""
    return False, next((p for p in found if not _is_package(ctx, p)), "")


def _layout_diagnostic(ctx: Context, folder: str, near: str) -> Diagnostic:
    what = f"missing folder {folder} ({PURPOSE.get(folder, 'required by the layout')})"
    if near:
        move = "git mv" if near in ctx.repo.tracked_dirs else "mv"
        parent = folder.rpartition("/")[0]
        absent = parent and not (ctx.root / parent).is_dir()
        mkdir = f"mkdir -p {parent} && " if absent else ""
        fix = f"rename {near} to {folder}: {mkdir}{move} {near} {folder}"
    else:
        fix = (
            f"run: mkdir -p {folder} && touch {folder}/.gitkeep, or run the hook with"
            " --fix"
        )
    return file_diagnostic(folder, "MLH421", f"{what}: {WHY}; {fix}")


def _create(ctx: Context, folder: str) -> bool:
    """Write ``folder/.gitkeep``; False when it exists or cannot be written."""
    keep = ctx.root / folder / ".gitkeep"
    if os.path.lexists(keep):
        return False
    try:
        write_atomic(keep, b"")
    except OSError:
        return False
    return True


def _is_source_init(path: str) -> bool:
    """``<pkg>/__init__.py`` or ``src/<pkg>/__init__.py`` of a plausible package."""
    *folders, name = path.split("/")
    if name != "__init__.py" or not folders or folders[:-1] not in ([], ["src"]):
        return False
    return folders[-1] not in NOT_SOURCE and not folders[-1].startswith(".")


def _source_diagnostics(ctx: Context, package: str) -> list[Diagnostic]:
    tracked = "tracked " if ctx.repo.in_git else ""
    article = "a tracked " if ctx.repo.in_git else "an "
    if package:
        inits = [f"{package}/__init__.py", f"src/{package}/__init__.py"]
        if any(init in ctx.repo.tracked_set for init in inits):
            return []
        what = f"source package {package} not found (no {tracked}{' or '.join(inits)})"
        fix = f"create {inits[0]}"
    else:
        if any(_is_source_init(path) for path in ctx.repo.tracked):
            return []
        what = (
            f"no source package (no folder with {article}__init__.py, top-level or"
            " under src/)"
        )
        fix = "create <name>/__init__.py, or set source-package"
    return [file_diagnostic(".", "MLH422", f"{what}: {PACKAGE_WHY}; {fix}")]


def check_project_layout(ctx: Context) -> list[Diagnostic]:
    """One finding per missing layout folder, plus one when no source package exists."""
    required = [_folder(value, "required") for value in ctx.settings.required]
    package = ctx.settings.source_package
    package = _folder(package, "source-package") if package else ""
    looks = {folder: _near_miss(ctx, folder) for folder in dict.fromkeys(required)}
    absent = [folder for folder, (present, _) in looks.items() if not present]
    ignored = ctx.repo.ignored([folder + "/" for folder in absent])
    diagnostics = []
    for folder in absent:
        if folder + "/" in ignored:
            continue
        near = looks[folder][1]
        diag = _layout_diagnostic(ctx, folder, near)
        if ctx.fix and not near and _create(ctx, folder):
            diag = replace(diag, fixed=True)
        diagnostics.append(diag)
    if ctx.settings.require_source_package:
        diagnostics += _source_diagnostics(ctx, package)
    return diagnostics


HOOK = Hook(
    id=HOOK_ID,
    summary="The Cookiecutter Data Science folders (data/raw, models, notebooks, ...)"
    " and a source package exist.",
    section="tooling",
    codes=CODES,
    check=check_project_layout,
    options=OPTIONS,
    fixable=True,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
