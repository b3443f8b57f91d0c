"""The repository as check-mlflow reads it: tracked files outside MLflow's run store,
each read and parsed once, and the search for MLflow evidence through local imports.

``Project.trees`` gives the syntax trees of a file the hook judges (a script, every
code cell of a notebook) and records why a file cannot be judged (MLH00x). Files the
hook only scans (``Project.sources``) are skipped silently when unreadable: their
owners' hooks report them. Nothing is imported or run.
"""

from __future__ import annotations

import ast
import os
import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mlhooks._cli import Context
from mlhooks._configfiles import ConfigFiles, subtable
from mlhooks._diagnostics import Diagnostic
from mlhooks._envfiles import Declared, read_declared
from mlhooks._files import FileProblem, GitError, git, read_text
from mlhooks._imports import local_modules
from mlhooks._mlflow import run_evidence
from mlhooks._python import Source, read_sources

if TYPE_CHECKING:
    from mlhooks._notebooks import Cell

STORE_DIRS = ("mlruns", "mlartifacts")
CONFIG_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".cfg", ".ini")
CONFIG_LIMIT = 1024 * 1024
CONFIGURED_LOGGER = re.compile(
    r"mlflow\w*(?:logger|callback)|(?:report_to|log_with)\W{0,6}(?:\[[^\]\n]*)?"
    r"\bmlflow\b",
    re.IGNORECASE,
)
GREP_WORDS = (
    *("mlflow", "tracking_uri", "registry_uri", "tracking-uri", "databricks_"),
    *("dapi", "report_to", "log_with"),
)
MAGIC = re.compile(r"\s*(?:%env|%set_env|!)")
PYTHON_CELL_MAGICS = {"time", "timeit", "capture", "prun", "debug"}
TRAINS = re.compile(
    r"\b(?:fit|partial_fit|fit_generator|train|train_model|fit_model|run_training"
    r"|learn|backward)\s*\("
)


class Project:
    """Tracked files (``exclude`` and MLflow's run store left out), read once."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.root: Path = ctx.root
        tracked = filter(ctx.included, ctx.repo.tracked)
        self.files = [path for path in tracked if not self.store_of(path)]
        self.file_set = frozenset(self.files)
        found = _grep(ctx) if ctx.repo.in_git else None
        self.mentioning = [p for p in self.files if found is None or p in found]
        self.problems: list[Diagnostic] = []
        self._units: dict[str, list[Source | Diagnostic]] = {}
        self._texts: dict[str, str] = {}
        self._cells: dict[str, list[Cell]] = {}

    @staticmethod
    def store_of(path: str) -> str:
        """The ``mlruns``/``mlartifacts`` folder holding ``path``; '' if none."""
        parts = path.split("/")
        for index, part in enumerate(parts[:-1]):
            if part in STORE_DIRS:
                return "/".join(parts[: index + 1])
        return ""

    def python_files(self) -> list[str]:
        """Python files and notebooks that may mention MLflow."""
        return [p for p in self.mentioning if p.endswith((".py", ".ipynb"))]

    def text(self, path: str) -> str:
        """The file's text; '' when it cannot be read."""
        if path not in self._texts:
            try:
                self._texts[path] = read_text(self.root, path)
            except (FileProblem, OSError):
                self._texts[path] = ""
        return self._texts[path]

    def _read(self, path: str) -> list[Source | Diagnostic]:
        if path not in self._units:
            self._units[path] = list(read_sources(self.root, path))
        return self._units[path]

    def sources(self, path: str) -> list[Source]:
        """The parts of ``path`` that parse (a file, or notebook code cells)."""
        return [unit for unit in self._read(path) if isinstance(unit, Source)]

    def trees(self, path: str) -> list[ast.Module] | None:
        """Syntax trees of a file the hook judges; None (its findings kept) when a
        part of it cannot be read or parsed, so it cannot be judged."""
        units = self._read(path)
        problems = [unit for unit in units if isinstance(unit, Diagnostic)]
        if problems:
            self.problems += [p for p in problems if p not in self.problems]
            return None
        return [unit.tree for unit in units if isinstance(unit, Source)]

    @cached_property
    def configures_logger(self) -> bool:
        """Whether a configuration file sets an MLflow logger or callback
        (Lightning's ``class_path: ...MLFlowLogger``, ``report_to: mlflow``)."""
        for path in self.mentioning:
            if path.endswith(CONFIG_SUFFIXES):
                full = self.root / path
                if full.is_file() and full.stat().st_size <= CONFIG_LIMIT:
                    if CONFIGURED_LOGGER.search(self.text(path)):
                        return True
        return False

    @cached_property
    def mlproject_commands(self) -> list[tuple[str, str]]:
        """(folder, command) of every MLproject entry point (MLH005 if broken)."""
        configs = ConfigFiles(self.root)
        commands = []
        for path in self.files:
            if path.rpartition("/")[2].lower() == "mlproject":
                file = configs.yaml(path)
                points = subtable(file.data if file else None, "entry_points") or {}
                folder = path.rpartition("/")[0]
                commands += [
                    (folder, str(point.get("command", "")))
                    for point in points.values()
                    if isinstance(point, dict)
                ]
        self.problems += configs.problems
        return commands

    def run_by_mlproject(self, path: str) -> bool:
        """Whether an MLproject entry point runs ``path``: ``mlflow run`` then
        records the run and its parameters."""
        for folder, command in self.mlproject_commands:
            if folder and not path.startswith(folder + "/"):
                continue
            script = path[len(folder) + 1 :] if folder else path
            words = {word.removeprefix("./") for word in command.split()}
            module = script.removesuffix(".py").replace("/", ".")
            if script in words or (script.endswith(".py") and module in words):
                return True
        return False

    @cached_property
    def declared(self) -> Declared:
        """What the environment files declare; those of saved MLflow models (folders
        with an ``MLmodel``, naming mlflow for the model, not the code) left out."""
        models = {p.rpartition("/")[0] for p in self.files if p.endswith("MLmodel")}
        files = [p for p in self.files if p.rpartition("/")[0] not in models]
        return read_declared(self.root, files)

    def _code_cells(self, path: str) -> list[Cell]:
        from mlhooks._notebooks import parse_notebook

        if path not in self._cells:
            try:
                cells = parse_notebook(path, self.text(path)).cells
            except FileProblem:
                cells = ()
            self._cells[path] = [cell for cell in cells if cell.kind == "code"]
        return self._cells[path]

    def settings_texts(self, path: str) -> list[tuple[int | None, str]]:
        """Text read as settings: a whole settings file, or the ``%env`` and
        ``!shell`` lines of each notebook code cell (other lines blanked)."""
        if path.endswith(".py"):
            return []
        if not path.endswith(".ipynb"):
            return [(None, self.text(path))]
        texts: list[tuple[int | None, str]] = []
        for cell in self._code_cells(path):
            lines = [_magic(line) for line in cell.source.split("\n")]
            if any(lines):
                texts.append((cell.number, "\n".join(lines)))
        return texts

    def trains(self, path: str) -> bool:
        """Whether the code of ``path`` (a notebook's code cells, magics included)
        calls ``fit()``, ``train()``, ``partial_fit()``, ``backward()``..."""
        if path.endswith(".ipynb"):
            return any(TRAINS.search(cell.source) for cell in self._code_cells(path))
        return bool(TRAINS.search(self.text(path)))

    def magic_cell_trees(self, path: str) -> list[ast.Module]:
        """The Python bodies of a notebook's ``%%time``-like cells, which
        ``read_sources`` skips with every cell magic (bodies that do not parse too)."""
        from mlhooks._notebooks import python_source

        trees = []
        for cell in self._code_cells(path) if path.endswith(".ipynb") else ():
            magic, _, body = cell.source.lstrip().partition("\n")
            if magic.startswith("%%") and magic[2:].split(" ")[0] in PYTHON_CELL_MAGICS:
                try:
                    trees.append(ast.parse(python_source(body) or ""))
                except (SyntaxError, ValueError, RecursionError):
                    continue
        return trees


def _magic(line: str) -> str:
    return line if MAGIC.match(line) else ""


def find_evidence(
    project: Project, path: str, trees: list[ast.Module]
) -> tuple[str, list[str], bool]:
    """What records a run in ``path`` or the project modules it imports (down to
    ``import-depth`` levels); the modules searched; whether one could not be read."""
    extra = project.ctx.settings.tracking_calls
    found = run_evidence(trees, extra)
    searched: list[str] = []
    frontier, unsure = [(path, trees)], False
    for _ in range(project.ctx.settings.import_depth):
        following = []
        for module, module_trees in frontier:
            for name in local_modules(module, module_trees, project.file_set):
                if found or name in searched or name == path:
                    continue
                searched.append(name)
                imported = project.trees(name)
                unsure = unsure or imported is None
                found = run_evidence(imported or [], extra)
                following.append((name, imported or []))
        frontier = following
    return found, searched, unsure


def _grep(ctx: Context) -> set[str] | None:
    """Tracked files that mention MLflow, a tracking setting or a Databricks token,
    by ``git grep`` (which reads them far faster); None when git cannot say."""
    words = [arg for word in GREP_WORDS for arg in ("-e", word)]
    try:
        out = git(
            ctx.root, "grep", "-l", "-z", "-I", "-i", "-F", *words, "--", ".", ok=(0, 1)
        )
    except GitError:
        return None
    return None if out is None else {os.fsdecode(n) for n in out.split(b"\0") if n}
