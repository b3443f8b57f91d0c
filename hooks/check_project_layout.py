"""check-project-layout: the Cookiecutter Data Science folders and a source package.

The guideline recommends one folder template shared by every repository (Cookiecutter
Data Science), so that anyone finds data, models, notebooks, reports and the reusable
code in the same place. In a git repository a required folder counts as present when
it holds a tracked file or git ignores it (data kept out of git, e.g. with DVC), so a
fresh clone gives the same answer; outside git, when it exists. The template's optional
folders (docs/, tests/) are never required. ``--fix`` creates each missing folder with
an empty ``.gitkeep``, never through a symlink leading outside the repository; a folder
that looks like a misspelling (``nb/`` for ``notebooks/``) is reported for renaming.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option
from mlhooks._diagnostics import Diagnostic, file_diagnostic
from mlhooks._files import write_atomic
from mlhooks._i18n import N_, tr

HOOK_ID = "check-project-layout"
CODES = {
    "MLH421": "a folder of the project layout (Cookiecutter Data Science) is missing",
    "MLH422": "no source package (a folder with __init__.py, top-level or under src/)",
}
REQUIRED = ["data/raw", "data/interim", "data/processed", "data/external"]
REQUIRED += ["models", "notebooks", "references", "reports/figures"]
PURPOSE = {
    "data/raw": N_("the original, immutable data dump"),
    "data/interim": N_("intermediate data that has been transformed"),
    "data/processed": N_("the final, canonical data sets for modeling"),
    "data/external": N_("data from third-party sources"),
    "models": N_("trained and serialized models, model predictions or model summaries"),
    "notebooks": N_("Jupyter notebooks, named like 1.0-jqp-initial-data-exploration"),
    "references": N_("data dictionaries, manuals and other explanatory material"),
    "reports": N_("generated analysis as HTML, PDF, LaTeX, etc."),
    "reports/figures": N_("generated graphics and figures used in reports"),
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
WHY = N_(
    "a shared layout lets anyone find data, models, notebooks and reports in every"
    " repository"
)
PACKAGE_WHY = N_(
    "the layout keeps reusable code in one importable package (e.g. <name>/__init__.py"
    " with dataset.py, features.py, modeling/train.py) so notebooks and scripts import"
    " it instead of copying code"
)
# MLH422 in a git repository (True: only tracked files count) and outside one.
NOT_FOUND = {
    True: N_(
        "source package {package} not found (no tracked {init} or {src_init}): {why};"
        " create {init}"
    ),
    False: N_(
        "source package {package} not found (no {init} or {src_init}): {why}; create"
        " {init}"
    ),
}
NO_PACKAGE = {
    True: N_(
        "no source package (no folder with a tracked __init__.py, top-level or under"
        " src/): {why}; create <name>/__init__.py{hint}"
    ),
    False: N_(
        "no source package (no folder with an __init__.py, top-level or under src/):"
        " {why}; create <name>/__init__.py{hint}"
    ),
}


def _problem(value: str) -> str:
    """What is wrong with ``value`` as a folder of the project ('' when fine)."""
    posix = PurePosixPath(value.replace("\\", "/"))
    if posix.is_absolute() or PureWindowsPath(value).drive:
        problem = "is an absolute path"
    elif ".." in posix.parts:
        problem = "leaves the project (..)"
    elif str(posix) == ".":
        problem = "is empty"
    else:
        return ""
    return f"{value!r} {problem}; give a folder path relative to the project root"


def _clean(value: str) -> str:
    return PurePosixPath(value.replace("\\", "/")).as_posix()


OPTIONS = (
    Option(
        "required",
        "list",
        REQUIRED,
        "folders the project must have",
        check=lambda values: next(filter(None, map(_problem, values)), ""),
    ),
    Option(
        "source-package",
        "str",
        "",
        "folder that must be the source package, top-level or under src/"
        " (default: any package)",
        check=lambda value: _problem(value) if value else "",
    ),
    Option(
        "require-source-package",
        "bool",
        True,
        "report a repository without a source package (MLH422)",
    ),
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


def _near_miss(ctx: Context, folder: str) -> str:
    """A folder that looks like ``folder`` ('' if none, or if ``folder`` exists)."""
    parts = folder.split("/")
    patterns = [[(part, *ALIASES.get(part, ())) for part in parts]]
    patterns += [[MOVED[folder]]] if folder in MOVED else []
    found = [path for levels in patterns for path in _existing(ctx, levels)]
    if folder in found:
        return ""
    return next((p for p in found if not _is_package(ctx, p)), "")


def _prefixes(folder: str) -> list[str]:
    parts = folder.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _resolved(ctx: Context, folder: str) -> tuple[str, str]:
    """``folder`` after symlinks, relative to the root ('' when it leads outside),
    and the first symlink or submodule on its way ('' if none)."""
    links = [p for p in _prefixes(folder) if (ctx.root / p).is_symlink()]
    links += [p for p in _prefixes(folder) if p in ctx.repo.tracked_set]
    link = min(links, key=len, default="")
    try:
        real = (ctx.root / folder).resolve().relative_to(ctx.root.resolve())
    except (OSError, RuntimeError, ValueError):  # outside, or a symlink loop
        return "", link
    return real.as_posix(), link


def _finding(ctx: Context, folder: str, real: str, link: str) -> tuple[str, bool]:
    """The message for an absent ``folder``, and whether ``--fix`` may create it."""
    taken = next((p for p in _prefixes(folder) if (ctx.root / p).is_file()), "")
    near = _near_miss(ctx, folder) if real and not taken else ""
    keep = f"{folder}/.gitkeep"
    creatable = bool(real) and not (taken or near or os.path.lexists(ctx.root / keep))
    if not real:
        fix = tr(
            "a symlink leads outside the repository ({link}), so {folder} cannot be"
            " created in it: make {link} a folder, or add /{link} to .gitignore if"
            " the data lives elsewhere",
            link=link or folder,
            folder=folder,
        )
    elif taken:
        fix = tr(
            "the name {taken} is taken by a file: move that file away, then run the"
            " hook with --fix",
            taken=taken,
        )
    elif near:
        parent = folder.rpartition("/")[0]
        mkdir = f"mkdir -p {shlex.quote(parent)} && "
        mkdir = "" if (ctx.root / parent).is_dir() else mkdir
        move = "git mv" if near in ctx.repo.tracked_dirs else "mv"
        command = f"{mkdir}{move} {shlex.quote(near)} {shlex.quote(folder)}"
        fix = tr(
            "rename {near} to {folder}: {command}",
            near=near,
            folder=folder,
            command=command,
        )
    elif (ctx.root / folder).is_dir():  # in git only: outside, it counts as present
        message = tr(
            "{folder} exists here but git tracks nothing in it, so a fresh clone lacks"
            " it; add {keep} (git add it), or run the hook with --fix",
            folder=folder,
            keep=keep,
        )
        return message, creatable
    else:
        command = f"mkdir -p {shlex.quote(folder)} && touch {shlex.quote(keep)}"
        fix = tr("run: {command}, or run the hook with --fix", command=command)
    purpose = tr(PURPOSE.get(folder, N_("required by the layout")))
    message = tr(
        "missing folder {folder} ({purpose}): {why}; {fix}",
        folder=folder,
        purpose=purpose,
        why=tr(WHY),
        fix=fix,
    )
    return message, creatable


def _fixed(ctx: Context, diag: Diagnostic) -> Diagnostic:
    """``diag`` after writing its folder's ``.gitkeep``: fixed, or saying why not."""
    try:
        write_atomic(ctx.root / diag.path / ".gitkeep", b"")
    except OSError as exc:
        why = tr(
            "--fix could not create {path}/.gitkeep: {error}",
            path=diag.path,
            error=exc.strerror or exc,
        )
        return replace(diag, message=f"{diag.message}; {why}")
    return replace(diag, fixed=True)


def _package_name(path: str) -> str:
    """``X`` for ``X/__init__.py`` or ``src/X/__init__.py`` when X may be the source
    package, else ''."""
    *folders, name = path.split("/")
    if name != "__init__.py" or not folders or folders[:-1] not in ([], ["src"]):
        return ""
    return folders[-1]


def _plausible(name: str) -> bool:
    return bool(name) and name not in NOT_SOURCE and not name.startswith(".")


def _source_diagnostics(ctx: Context, package: str) -> list[Diagnostic]:
    """MLH422 unless ``package`` (if '': any plausible package) has an __init__.py."""
    inits = [f"{package}/__init__.py", f"src/{package}/__init__.py"]
    names = {_package_name(path) for path in ctx.repo.tracked}
    if package and ctx.repo.tracked_set.intersection(inits):
        return []
    if not package and any(map(_plausible, names)):
        return []
    folders = {p.rpartition("/")[0] for p in ctx.repo.tracked if p.endswith(".py")}
    loose = [f for f in sorted(folders) if f.split("/")[0] == "src"]
    loose = [f for f in loose if _plausible(_package_name(f + "/__init__.py"))]
    in_git = ctx.repo.in_git
    why = tr(PACKAGE_WHY)
    if package:
        message = tr(
            NOT_FOUND[in_git],
            package=package,
            init=inits[0],
            src_init=inits[1],
            why=why,
        )
    elif loose:
        message = tr(
            "{folder}/ holds Python modules but is not a package: add"
            " {folder}/__init__.py; {why}",
            folder=loose[0],
            why=why,
        )
    else:
        others = tr(" or ").join(sorted(f"{n}/" for n in names & NOT_SOURCE))
        hint = ""
        if others:
            hint = tr(
                ", or set source-package if {others} is the package", others=others
            )
        message = tr(NO_PACKAGE[in_git], why=why, hint=hint)
    return [file_diagnostic(".", "MLH422", message)]


def check_project_layout(ctx: Context) -> list[Diagnostic]:
    """One finding per absent layout folder, plus one when no source package exists."""
    required = dict.fromkeys(_clean(value) for value in ctx.settings.required)
    where = {folder: _resolved(ctx, folder) for folder in required}
    queries = [q for real, link in where.values() for q in (real and real + "/", link)]
    ignored = ctx.repo.ignored([q for q in queries if q])
    kept = ctx.repo.tracked_dirs | {path.rstrip("/") for path in ignored}
    entries = {link for _, link in where.values() if link in ctx.repo.tracked_set}
    kept |= {e for e in entries if (ctx.root / e).is_dir()}  # submodule, or link to one
    diagnostics = []
    for folder, (real, link) in where.items():
        if ctx.repo.in_git and {real, link} & kept:
            continue
        if not ctx.repo.in_git and (ctx.root / folder).is_dir():
            continue
        message, creatable = _finding(ctx, folder, real, link)
        diag = file_diagnostic(folder, "MLH421", message)
        diagnostics.append(_fixed(ctx, diag) if ctx.fix and creatable else diag)
    if ctx.settings.require_source_package:
        package = ctx.settings.source_package
        diagnostics += _source_diagnostics(ctx, _clean(package) if package else "")
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
