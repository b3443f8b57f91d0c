"""check-mlflow: training code records its runs in MLflow, with mlflow declared, and
MLflow's run store and credentials stay out of git.

The guideline's experiment reproducibility (recommended tool 4, MLflow Tracking) rests
on every training run recording its parameters, metrics, git commit and model
automatically; that needs mlflow calls in the training code and mlflow in the run
environment, while the local run store belongs to the tracking server, not to the code
history, and the team's compliance rules keep keys out of the repository. Everything is
read statically: neither mlflow nor the checked code is imported or run.
"""

from __future__ import annotations

import fnmatch
import re
import shlex
from typing import Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option
from mlhooks._diagnostics import Diagnostic, file_diagnostic
from mlhooks._envfiles import how_to_add, is_dockerfile, main_file, name_pattern
from mlhooks._i18n import N_, tr
from mlhooks._mlflow import mlflow_import, runs_code
from mlhooks._mlflow_project import Project, find_evidence
from mlhooks._mlflow_secrets import Leak, code_leaks, text_leaks

HOOK_ID = "check-mlflow"
CODES = {
    "MLH511": "a training script or notebook records no MLflow run",
    "MLH512": "MLflow's local run store (mlruns/, mlartifacts/, mlflow.db) is tracked",
    "MLH513": "the code imports mlflow but no environment file declares it",
    "MLH514": "MLflow tracking credentials written in the repository",
}
TRAINING_SCRIPTS = [
    "train.py",
    "training.py",
    "train[-_]*.py",
    "*[-_]train.py",
    "train*.ipynb",
    "*[-_. ]train*.ipynb",
]
OPTIONS = (
    Option(
        "training-scripts",
        "list",
        TRAINING_SCRIPTS,
        "globs of training entry points (without '/': the file name at any depth)",
    ),
    Option(
        "tracking-calls",
        "list",
        [],
        "dotted names (or prefixes) of in-house calls that also record a run",
    ),
    Option(
        "import-depth",
        "int",
        1,
        "levels of project imports searched for MLflow calls (0: the script only)",
        check=lambda value: "must be 0 or more" if value < 0 else "",
    ),
    Option("require-dependency", "bool", True, "report MLH513"),
)
STORE_FILES = ("mlruns.db", "mlflow.db")
KEEP_FILES = (".gitkeep", ".gitignore", ".keep", "README.md")
SETTINGS_FILES = (
    *(".env", ".env.*", "*.env", ".envrc", "*.sh", "*.bash", "makefile", "*.mk"),
    *("dockerfile*", "*.dockerfile", "*.yml", "*.yaml", "*.toml", "*.cfg", "*.ini"),
    *("*.conf", "mlproject"),
)
SECRET_WORDS = (
    *("tracking_uri", "TRACKING_URI", "registry_uri", "REGISTRY_URI", "tracking-uri"),
    *("MLFLOW_TRACKING_", "DATABRICKS_", "MlflowClient", "dapi"),
)
IMPORT_BEFORE = re.compile(r"(?:import|from)\s+$")  # a prefilter: the AST decides
WHY = {
    "MLH511": N_(
        "the guideline's experiment tracking records the parameters, metrics,"
        " git commit and model of every training run, automatically"
    ),
    "MLH512": N_(
        "runs, their artifacts and models belong in the tracking store; in git"
        " they bloat the history with every run and conflict on every merge"
    ),
    "MLH513": N_(
        "the guideline asks for a run environment anyone can rebuild, and"
        " without mlflow the training stops at its import"
    ),
    "MLH514": N_(
        "the team's compliance rules keep keys out of the repository, and git"
        " keeps every committed secret in its history"
    ),
}
NO_RUN = {  # (notebook, modules searched) -> what is missing
    (False, False): N_(
        "training script records no MLflow run: no mlflow.start_run(),"
        " mlflow.log_*(), mlflow.autolog() or MLflow logger or callback in it"
    ),
    (True, False): N_(
        "training notebook records no MLflow run: no mlflow.start_run(),"
        " mlflow.log_*(), mlflow.autolog() or MLflow logger or callback in it"
    ),
    (False, True): N_(
        "training script records no MLflow run: no mlflow.start_run(),"
        " mlflow.log_*(), mlflow.autolog() or MLflow logger or callback in it nor"
        " in the project modules it imports ({modules})"
    ),
    (True, True): N_(
        "training notebook records no MLflow run: no mlflow.start_run(),"
        " mlflow.log_*(), mlflow.autolog() or MLflow logger or callback in it nor"
        " in the project modules it imports ({modules})"
    ),
}
ADD_MLFLOW = N_(
    "{what}: {why}; add `import mlflow` and `mlflow.autolog()` at the start of"
    " training (or log inside `with mlflow.start_run():`)"
)
ADD_MLFLOW_AND_DECLARE = N_(
    "{what}: {why}; add `import mlflow` and `mlflow.autolog()` at the start of"
    " training (or log inside `with mlflow.start_run():`), and {how}"
)
STORE = {
    "database": N_(
        "MLflow's local tracking database {store} is tracked by git: {why}; run: {fix}"
    ),
    "one": N_(
        "{store}/, MLflow's local run store, has {count} file in git: {why}; run:"
        " {fix}"
    ),
    "many": N_(
        "{store}/, MLflow's local run store, has {count} files in git: {why}; run:"
        " {fix}"
    ),
}


def _name_matches(path: str, globs: Sequence[str]) -> bool:
    """A glob without ``/`` matches the file name, else the whole path."""
    names = tuple(glob for glob in globs if "/" not in glob)
    paths = [glob.lower() for glob in globs if "/" in glob]
    if name_pattern(names).match(path.rpartition("/")[2]):
        return True
    return any(fnmatch.fnmatchcase(path.lower(), glob) for glob in paths)


def _is_test(path: str) -> bool:
    *folders, name = path.split("/")
    test_name = name.startswith("test_") or name.endswith("_test.py")
    return test_name or name == "conftest.py" or bool({"tests", "test"} & {*folders})


def _shown(paths: Sequence[str], limit: int = 3) -> str:
    shown = ", ".join(paths[:limit])
    if len(paths) <= limit:
        return shown
    return tr("{shown}, +{count} more", shown=shown, count=len(paths) - limit)


def _mlh511(path: str, searched: list[str], place: str) -> Diagnostic:
    what = NO_RUN[path.endswith(".ipynb"), bool(searched)]
    what = tr(what, modules=_shown(searched)) if searched else tr(what)
    message = tr(
        ADD_MLFLOW_AND_DECLARE if place else ADD_MLFLOW,
        what=what,
        why=tr(WHY["MLH511"]),
        how=how_to_add(place, "mlflow") if place else "",
    )
    return file_diagnostic(path, "MLH511", message)


def _undeclared(ctx: Context, project: Project) -> str:
    """The environment file to add mlflow to, when no readable one declares it."""
    declared = project.declared
    if not ctx.settings.require_dependency or declared.problems:
        return ""
    if any("mlflow" in name for name in declared.names):
        return ""
    places = [path for path in declared.files if not is_dockerfile(path)]
    return main_file(places) if places else ""  # none: check-required-files


def check_training_scripts(ctx: Context, project: Project) -> list[Diagnostic]:
    """MLH511 for each training entry point with no evidence of an MLflow run."""
    globs, found = ctx.settings.training_scripts, []
    for path in project.files:
        if _is_test(path) or not path.endswith((".py", ".ipynb")):
            continue
        if not _name_matches(path, globs):
            continue
        trees = project.trees(path)
        if trees is None or not (path.endswith(".ipynb") or runs_code(trees[0].body)):
            continue
        trees += project.magic_cell_trees(path)
        evidence, searched, unsure = find_evidence(project, path, trees)
        if evidence or unsure or not any(map(project.trains, [path, *searched])):
            continue
        if not (project.configures_logger or project.run_by_mlproject(path)):
            found.append(_mlh511(path, searched, _undeclared(ctx, project)))
    return found


def check_run_store(ctx: Context) -> list[Diagnostic]:
    """MLH512 once per tracked mlruns/ or mlartifacts/ folder and MLflow database."""
    if not ctx.repo.in_git:
        return []
    stores: dict[str, int] = {}
    for path in filter(ctx.included, ctx.repo.tracked):
        store = Project.store_of(path) or (
            path if path.rpartition("/")[2] in STORE_FILES else ""
        )
        if store and (store == path or path.rpartition("/")[2] not in KEEP_FILES):
            stores[store] = stores.get(store, 0) + 1
    found = []
    for store, count in stores.items():
        name, quoted = store.rpartition("/")[2], shlex.quote(store)
        if name in STORE_FILES:
            template = STORE["database"]
            fix = f"git rm --cached {quoted} && echo {name} >> .gitignore"
        else:
            template = STORE["one" if count == 1 else "many"]
            fix = f"git rm -r --cached {quoted} && echo {name}/ >> .gitignore"
        why = tr(WHY["MLH512"])
        message = tr(template, store=store, count=count, why=why, fix=fix)
        found.append(file_diagnostic(store, "MLH512", message))
    return found


def _may_import_mlflow(text: str) -> bool:
    """``import mlflow`` or ``from mlflow`` somewhere in ``text`` (found fast)."""
    start = text.find("mlflow")
    while start >= 0:
        if IMPORT_BEFORE.search(text, max(0, start - 12), start):
            return True
        start = text.find("mlflow", start + 6)
    return False


def _first_import(project: Project) -> str:
    """``path:line`` (``path:cell_N:line``) of the first ``import mlflow``; ''."""
    for path in project.python_files():
        if _may_import_mlflow(project.text(path)):
            for unit in project.sources(path):
                line = mlflow_import(unit.tree)
                cell = f"cell_{unit.cell}:" if unit.cell else ""
                if line:
                    return f"{path}:{cell}{line}"
    return ""


def check_dependency(ctx: Context, project: Project) -> list[Diagnostic]:
    """MLH513 when the code imports mlflow and no environment file declares it."""
    where = _first_import(project)
    place = _undeclared(ctx, project) if where else ""
    if not place:
        return project.declared.problems if where else []
    files = [path for path in project.declared.files if not is_dockerfile(path)]
    message = tr(
        "mlflow is imported ({where}) but declared in no environment file ({files}):"
        " {why}; {how} (mlflow-skinny also does)",
        where=where,
        files=_shown(sorted(files), 4),
        why=tr(WHY["MLH513"]),
        how=how_to_add(place, "mlflow"),
    )
    return [file_diagnostic(place, "MLH513", message)]


def _mlh514(leak: Leak) -> str:
    why = tr(WHY["MLH514"])
    if leak.setting == "MLFLOW_TRACKING_URI":
        return tr(
            "MLflow tracking credentials in the repository ({shown}): {why}; drop user"
            " and password from the URI, export MLFLOW_TRACKING_USERNAME and"
            " MLFLOW_TRACKING_PASSWORD outside the repository, and change the password",
            shown=leak.shown,
            why=why,
        )
    return tr(
        "MLflow tracking credentials in the repository ({shown}): {why}; set"
        " {setting} outside the repository (shell profile, CI secret variable), and"
        " rotate the leaked value",
        shown=leak.shown,
        why=why,
        setting=leak.setting,
    )


def check_credentials(project: Project) -> list[Diagnostic]:
    """MLH514 at every credential written in code, notebooks or settings files."""
    found = []
    for path in project.mentioning:
        python = path.endswith((".py", ".ipynb"))
        if not (python or _name_matches(path, SETTINGS_FILES)):
            continue
        text = project.text(path)
        if not any(word in text for word in SECRET_WORDS):
            continue
        for unit in project.sources(path) if python else ():
            found += [
                unit.at(leak.line, leak.col, "MLH514", _mlh514(leak))
                for leak in code_leaks(unit.tree)
            ]
        for cell, text in project.settings_texts(path):
            found += [
                Diagnostic(
                    path, leak.line, leak.col, "MLH514", _mlh514(leak), cell=cell
                )
                for leak in text_leaks(text)
            ]
    return found


def check_mlflow(ctx: Context) -> list[Diagnostic]:
    """Every MLflow finding of the repository."""
    project = Project(ctx)
    found = check_run_store(ctx) + check_training_scripts(ctx, project)
    found += check_credentials(project)
    if ctx.settings.require_dependency:
        found += check_dependency(ctx, project)
    return found + project.problems


HOOK = Hook(
    id=HOOK_ID,
    summary="Training scripts record their runs in MLflow, mlflow is declared, and"
    " MLflow's run store and credentials stay out of git.",
    section="experiments",
    codes=CODES,
    check=check_mlflow,
    options=OPTIONS,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
