"""Start-up-to-exit cost of the repository-level hooks on a large ML repository.

Repository-level hooks (``always_run: true`` in ``.pre-commit-hooks.yaml``) run on
every commit whatever was staged, so every ``git commit`` in a consumer's repository
pays their cost. This script measures that cost where it hurts most: a synthetic
Cookiecutter-Data-Science-like repository with tens of thousands of tracked files
(generated once, deterministically, and cached under ``benchmarks/.work/``).

Every hook is started as a fresh process, exactly as pre-commit starts it, in the
generated repository as the current folder, and timed from start to exit. Three
baselines are timed side by side in the same rounds, so the numbers can be read against
floors that no hook can beat:

- ``python -c pass``: starting the interpreter (with this environment's site-packages);
- ``git ls-files -z``: reading what git tracks, which every repository-level hook does;
- ``import mlhooks._cli``: interpreter start plus importing the shared core.

After one warm-up round, each command runs ``--runs`` times; rounds are interleaved
(and their order rotated) so that machine noise hits every command alike. The report
gives the median and minimum wall time in milliseconds and the ratios of each median to
the ``python -c pass`` and ``git ls-files -z`` medians. A hook exiting 1 (findings) is
normal; exit status 2 (or anything but 0 and 1) or a traceback on stderr is an error,
reported with a non-zero exit status of this script.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import platform
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from itertools import count, islice
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import yaml

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parent / ".pre-commit-hooks.yaml"
WORK = HERE / ".work"
STAMP = "mlhooks-bench.json"  # kept inside .git/, so it is not part of the tree
GENERATOR_VERSION = 3
SEED = 20240601
MIN_FILES = 200
PACKAGE = "churn_forecast"
TRACEBACK = "Traceback (most recent call last)"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "mlhooks benchmark",
    "GIT_AUTHOR_EMAIL": "benchmark@mlhooks.invalid",
    "GIT_COMMITTER_NAME": "mlhooks benchmark",
    "GIT_COMMITTER_EMAIL": "benchmark@mlhooks.invalid",
    "GIT_AUTHOR_DATE": "2024-06-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-06-01T12:00:00+00:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


AREAS = words("data features models training evaluation visualization serving")
AREAS += words("pipelines utils io")
SUBAREAS = words("core transforms loaders metrics layers losses schedulers callbacks")
SUBAREAS += words("registry validation encoders samplers")
LEAVES = words("tabular text vision timeseries graph audio")
VERBS = words("build load clean split encode score train predict plot export merge")
VERBS += words("normalise sample evaluate tune")
NOUNS = words("dataset features labels model metrics batches embeddings splits report")
NOUNS += words("pipeline schema weights vocab frame")
DATA_STAGES = words("raw interim processed external")
DATA_SOURCES = words("crm billing web-logs support survey partners")
DATA_EXTS = words("csv parquet jsonl feather")
DOC_SECTIONS = words("getting-started guides reference experiments architecture")
DOC_SECTIONS += words("datasets operations")
CONFIG_GROUPS = words("model data training experiment sweep serving")
INITIALS = words("jqp akm tsu rno hkw")

Files = dict[str, str]


# --------------------------------------------------------------------------------------
# The synthetic repository: fixed top-level files plus generated categories
# --------------------------------------------------------------------------------------

README = """\
# Churn forecast

## Purpose

Predict which subscribers will cancel within 30 days so that retention offers reach
them first.

## Overview

Gradient-boosted trees over billing, usage and support features; the package lives in
`src/{package}/`, experiments in `notebooks/`, data under DVC in `data/`.

## Input and output

Input: one row per subscriber and month (`data/processed/features.parquet`).
Output: a churn probability per subscriber (`reports/predictions.csv`).

## Configuration

All settings that drive training live in `params.yaml` and `configs/`.

## Environment setup

    python -m venv .venv && . .venv/bin/activate
    pip install -r requirements.txt
    pre-commit install

## Data acquisition

    dvc pull

## How to run the sample

    dvc repro
    python -m {package}.training.core.train --config configs/model/baseline.yaml

## Results

| model | ROC AUC | accuracy |
|---|---|---|
| baseline | 0.871 | 0.912 |
"""

PYPROJECT = """\
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-forecast"
version = "0.1.0"
requires-python = ">=3.10"
dependencies = [
    "numpy>=1.26",
    "pandas>=2.1",
    "scikit-learn>=1.4",
    "mlflow>=2.10",
    "dvc>=3.40",
    "PyYAML>=6",
]

[tool.setuptools.packages.find]
where = ["src"]

[tool.black]
line-length = 88

[tool.isort]
profile = "black"

[tool.mlhooks]
exclude = ["data/external/"]
"""

SETUP_CFG = """\
[flake8]
max-line-length = 88
extend-ignore = E203, W503, E701, E704
exclude = .git,__pycache__,.venv,build
"""

PRE_COMMIT_CONFIG = """\
repos:
  - repo: https://github.com/psf/black
    rev: 24.4.2
    hooks:
      - id: black
  - repo: https://github.com/pycqa/isort
    rev: 5.13.2
    hooks:
      - id: isort
  - repo: https://github.com/pycqa/flake8
    rev: 7.0.0
    hooks:
      - id: flake8
  - repo: https://example.invalid/mlhooks
    rev: v0.1.0
    hooks:
      - id: check-required-files
      - id: check-readme-sections
      - id: check-project-layout
      - id: check-lint-config
"""

GITIGNORE = """\
__pycache__/
*.py[cod]
.venv/
.ipynb_checkpoints/
mlruns/
mlartifacts/
/models/*.pkl
.env
"""

FIXED_FILES: Files = {
    "README.md": README.format(package=PACKAGE),
    "LICENSE": "MIT License\n\nCopyright (c) 2024 The churn forecast team\n",
    "Makefile": "requirements:\n\tpip install -r requirements.txt\n\n"
    "data:\n\tdvc repro\n",
    "requirements.txt": "numpy==1.26.4\npandas==2.2.2\nscikit-learn==1.4.2\n"
    "mlflow==2.12.1\ndvc==3.50.1\nPyYAML==6.0.1\n",
    "requirements-dev.txt": "-r requirements.txt\npytest==8.2.0\npre-commit==3.7.0\n",
    "setup.cfg": SETUP_CFG,
    "pyproject.toml": PYPROJECT,
    ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
    ".gitignore": GITIGNORE,
    ".dvcignore": "# Files DVC should ignore\n",
    ".dvc/config": "[core]\n    remote = storage\n"
    "['remote \"storage\"']\n    url = s3://example-bucket/churn\n",
    ".dvc/.gitignore": "/config.local\n/tmp\n/cache\n",
    "dvc.yaml": "stages:\n  features:\n    cmd: python -m churn_forecast.features\n"
    "    deps:\n      - data/raw\n    outs:\n      - data/processed/features.parquet\n",
    "params.yaml": "seed: 42\ntrain:\n  learning_rate: 0.05\n  n_estimators: 400\n",
    f"src/{PACKAGE}/__init__.py": '"""Churn forecast."""\n\n__version__ = "0.1.0"\n',
    "docs/index.md": "# Churn forecast documentation\n",
    "docs/mkdocs.yml": "site_name: Churn forecast\n",
    "models/.gitkeep": "",
    "references/.gitkeep": "",
    "reports/figures/.gitkeep": "",
    "tests/__init__.py": "",
    "tests/conftest.py": '"""Shared fixtures."""\n',
}


def module_names(seed: int) -> Iterator[tuple[str, str]]:
    """(folder below the package, module stem) pairs, endless and deterministic."""
    rng = random.Random(seed)
    combos = [f"{a}/{s}" for a in AREAS for s in SUBAREAS]
    combos += [f"{a}/{s}/{leaf}" for a in AREAS for s in SUBAREAS for leaf in LEAVES]
    rng.shuffle(combos)
    serial = count(1)
    for generation in count(1):
        suffix = "" if generation == 1 else f"_v{generation}"
        for folder in combos:
            for _ in range(rng.randint(8, 32)):
                stem = f"{rng.choice(VERBS)}_{rng.choice(NOUNS)}_{next(serial):05d}"
                yield folder + suffix, stem


def signature(name: str, params: str, returns: str) -> str:
    """A ``def`` line the way black lays it out."""
    line = f"def {name}({params}) -> {returns}:\n"
    if len(line) <= 89:
        return line
    return f"def {name}(\n    {params}\n) -> {returns}:\n"


def python_module(rng: random.Random, stem: str) -> str:
    verb, noun = stem.split("_")[:2]
    params = "values: Sequence[float], scale: float = 1.0"
    return (
        f'"""{verb.capitalize()} the {noun} for the churn model."""\n\n'
        "from __future__ import annotations\n\n"
        "from typing import Sequence\n\n\n"
        + signature(f"{verb}_{noun}", params, "list[float]")
        + f'    """{verb.capitalize()} {noun}.\n\n'
        "    Args:\n"
        "        values: Input values.\n"
        "        scale: Multiplier applied to every value.\n\n"
        "    Returns:\n"
        "        The scaled values.\n"
        '    """\n'
        f"    return [value * scale * {rng.randint(2, 9)} for value in values]\n"
    )


def source_files(seed: int) -> Iterator[tuple[str, str]]:
    """The source package: nested sub-packages, each with ``__init__.py``."""
    rng = random.Random(seed + 1)
    packages = {f"src/{PACKAGE}"}
    for folder, stem in module_names(seed):
        base = f"src/{PACKAGE}"
        for part in folder.split("/"):
            base = f"{base}/{part}"
            if base not in packages:
                packages.add(base)
                yield f"{base}/__init__.py", ""
        yield f"{base}/{stem}.py", python_module(rng, stem)


def import_line(module: str, name: str) -> str:
    """A ``from ... import`` line the way black and isort lay it out."""
    line = f"from {module} import {name}\n"
    return line if len(line) <= 89 else f"from {module} import (\n    {name},\n)\n"


def test_suite_files(seed: int) -> Iterator[tuple[str, str]]:
    """One test module per source module, mirroring the package's first level."""
    for folder, stem in module_names(seed):
        verb, noun = stem.split("_")[:2]
        module = f"{PACKAGE}.{folder.replace('/', '.')}.{stem}"
        yield f"tests/{folder.split('/')[0]}/test_{stem}.py", (
            import_line(module, f"{verb}_{noun}") + "\n\n"
            f"def test_{verb}_{noun}_keeps_length() -> None:\n"
            f"    assert len({verb}_{noun}([1.0, 2.0])) == 2\n"
        )


def notebook(title: str, code: str) -> str:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": [f"# {title}"]},
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": code.splitlines(keepends=True),
        },
    ]
    document = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python"},
            "jupytext": {"formats": "ipynb,py:percent"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1) + "\n"


def notebook_files(seed: int) -> Iterator[tuple[str, str]]:
    """Notebooks named the CCDS way, each paired with a jupytext percent script."""
    rng = random.Random(seed + 2)
    for number in count(1):
        area = AREAS[number % len(AREAS)]
        stem = (
            f"{number // 10}.{number % 10}-{rng.choice(INITIALS)}-"
            f"{rng.choice(VERBS)}-{rng.choice(NOUNS)}"
        )
        code = f"import pandas as pd\n\nframe = pd.read_parquet('data/{number}.pq')\n"
        title = stem.split("-", 2)[2].replace("-", " ")
        yield f"notebooks/{area}/{stem}.ipynb", notebook(title, code)
        script = f"# %% [markdown]\n# # {title}\n\n# %%\n{code}"
        yield f"notebooks/{area}/{stem}.py", script


def dvc_file(rng: random.Random, name: str) -> str:
    digest = "%032x" % rng.getrandbits(128)
    size = rng.randint(10_000, 2_000_000_000)
    return f"outs:\n- md5: {digest}\n  size: {size}\n  hash: md5\n  path: {name}\n"


def data_files(seed: int) -> Iterator[tuple[str, str]]:
    """``.dvc`` pointers under data/<stage>/<source>/ with the .gitignore DVC writes."""
    rng = random.Random(seed + 3)
    for batch in count():
        stage = DATA_STAGES[batch % len(DATA_STAGES)]
        folder = f"data/{stage}/{DATA_SOURCES[batch % len(DATA_SOURCES)]}_{batch:03d}"
        names = [
            f"part_{i:04d}.{rng.choice(DATA_EXTS)}" for i in range(rng.randint(10, 40))
        ]
        for name in names:
            yield f"{folder}/{name}.dvc", dvc_file(rng, name)
        yield f"{folder}/.gitignore", "".join(f"/{name}\n" for name in names)


def model_files(seed: int) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed + 4)
    for number in count(1):
        name = f"{rng.choice(NOUNS)}_{number:04d}.pkl"
        yield f"models/{rng.choice(LEAVES)}/{name}.dvc", dvc_file(rng, name)


def doc_files(seed: int) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed + 5)
    for number in count(1):
        section = DOC_SECTIONS[number % len(DOC_SECTIONS)]
        title = f"{rng.choice(VERBS)} {rng.choice(NOUNS)}"
        yield f"docs/{section}/{title.replace(' ', '-')}-{number:04d}.md", (
            f"# {title.capitalize()}\n\n## Why\n\nSee the model card.\n\n"
            f"## How\n\n    make {title.split()[0]}\n"
        )


def config_files(seed: int) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed + 6)
    for number in count(1):
        group = CONFIG_GROUPS[number % len(CONFIG_GROUPS)]
        yield f"configs/{group}/{rng.choice(LEAVES)}_{number:04d}.yaml", (
            f"name: {group}_{number}\nseed: {rng.randint(0, 9999)}\n"
            f"learning_rate: {rng.choice((0.1, 0.05, 0.01, 0.001))}\n"
            f"batch_size: {rng.choice((32, 64, 128, 256))}\n"
        )


def report_files(seed: int) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed + 7)
    for number in count(1):
        folder = f"reports/experiments/exp_{number:04d}"
        auc = round(rng.uniform(0.7, 0.9), 4)
        yield f"{folder}/metrics.json", json.dumps({"roc_auc": auc}) + "\n"
        yield f"{folder}/summary.md", f"# Experiment {number}\n\nROC AUC {auc}.\n"


CATEGORIES: tuple[tuple[Callable[[int], Iterator[tuple[str, str]]], float], ...] = (
    (source_files, 0.48),
    (test_suite_files, 0.16),
    (notebook_files, 0.08),
    (data_files, 0.10),
    (doc_files, 0.07),
    (config_files, 0.06),
    (report_files, 0.03),
    (model_files, 0.02),
)


def plan_repository(total: int, seed: int = SEED) -> Files:
    """Exactly ``total`` files, path -> content, the same for the same arguments."""
    files = dict(FIXED_FILES)
    rest = total - len(files)
    quotas = [int(rest * weight) for _, weight in CATEGORIES]
    quotas[0] += rest - sum(quotas)
    for (generate, _), quota in zip(CATEGORIES, quotas):
        files.update(islice(generate(seed), quota))
    if len(files) != total:
        raise RuntimeError(f"planned {len(files)} files instead of {total}")
    return files


# --------------------------------------------------------------------------------------
# Writing, committing and caching the repository
# --------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ("git", *args),
        cwd=repo,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def write_files(root: Path, files: Files) -> None:
    made: set[Path] = set()
    for path, content in files.items():
        target = root / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content.encode("utf-8"))


def stamp_of(total: int) -> dict[str, int]:
    return {"generator": GENERATOR_VERSION, "seed": SEED, "files": total}


def read_stamp(repo: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((repo / ".git" / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def generate_repository(repo: Path, total: int) -> float:
    """Write, ``git add`` and commit the synthetic repository; seconds it took."""
    if repo.exists():
        shutil.rmtree(repo)
    start = time.perf_counter()
    repo.mkdir(parents=True)
    write_files(repo, plan_repository(total))
    git(repo, "-c", "init.defaultBranch=main", "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "Synthetic ML repository")
    seconds = time.perf_counter() - start
    stamp = {**stamp_of(total), "seconds": round(seconds, 2)}
    (repo / ".git" / STAMP).write_text(json.dumps(stamp) + "\n", encoding="utf-8")
    return seconds


def restore_if_dirty(repo: Path) -> bool:
    """Put the tree back to the commit when something changed it; True if it had."""
    if not git(repo, "status", "--porcelain", "--untracked-files=all"):
        return False
    git(repo, "reset", "-q", "--hard")
    git(repo, "clean", "-q", "-f", "-d")
    return True


@dataclass(frozen=True)
class Prepared:
    repo: Path
    seconds: float
    cached: bool
    notes: list[str] = field(default_factory=list)


def prepare_repository(total: int, regenerate: bool) -> Prepared:
    repo = WORK / f"repo-{total}"
    stamp = read_stamp(repo)
    current = stamp is not None and all(
        stamp.get(k) == v for k, v in stamp_of(total).items()
    )
    if regenerate or not current:
        progress(f"generating {total} files in {display(repo)} ...")
        seconds = generate_repository(repo, total)
        progress(f"generated in {seconds:.1f} s")
        return Prepared(repo, seconds, cached=False)
    assert stamp is not None
    notes = []
    if restore_if_dirty(repo):
        notes.append("the cached repository had local changes; reset to its commit")
    return Prepared(repo, float(stamp.get("seconds", 0.0)), cached=True, notes=notes)


# --------------------------------------------------------------------------------------
# What to time
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    name: str
    argv: tuple[str, ...]
    is_hook: bool


def hook_command(hook_id: str, module: str, extra: Sequence[str]) -> Command:
    code = f"import sys; from {module} import main; sys.exit(main())"
    return Command(hook_id, (sys.executable, "-c", code, *extra), is_hook=True)


def baseline_commands() -> list[Command]:
    return [
        Command("python -c pass", (sys.executable, "-c", "pass"), is_hook=False),
        Command("git ls-files -z", ("git", "ls-files", "-z"), is_hook=False),
        Command(
            "import mlhooks._cli",
            (sys.executable, "-c", "import mlhooks._cli"),
            is_hook=False,
        ),
    ]


def unimportable(module: str) -> str | None:
    """Why ``module`` cannot provide a hook's ``main``; None when it can."""
    try:
        if importlib.util.find_spec(module) is None:
            return f"module {module} not found"
        loaded = importlib.import_module(module)
    except Exception as exc:  # noqa: BLE001 - any failure means "skip this hook"
        return f"importing {module} failed: {type(exc).__name__}: {exc}"
    if not callable(getattr(loaded, "main", None)):
        return f"module {module} has no main()"
    return None


def repository_hooks(manifest: Path) -> tuple[list[Command], list[str]]:
    """Commands for the ``always_run`` hooks of the manifest, and notes on skipped."""
    entries = yaml.safe_load(manifest.read_text(encoding="utf-8")) or []
    commands, skipped = [], []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("always_run") is not True:
            continue
        hook_id = str(entry["id"])
        module = "mlhooks." + hook_id.replace("-", "_")
        reason = unimportable(module)
        if reason:
            skipped.append(f"skipped {hook_id}: {reason}")
            continue
        extra = shlex.split(str(entry.get("entry", hook_id)))[1:]
        extra += [str(arg) for arg in entry.get("args", [])]
        commands.append(hook_command(hook_id, module, extra))
    return commands, skipped


# --------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------


@dataclass
class Result:
    command: Command
    seconds: list[float] = field(default_factory=list)
    returncode: int = 0
    stdout: bytes = b""

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def min_ms(self) -> float:
        return min(self.seconds) * 1000


def run_once(
    command: Command, cwd: Path
) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    start = time.perf_counter()
    done = subprocess.run(
        command.argv, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True
    )
    return time.perf_counter() - start, done


def problem(command: Command, done: subprocess.CompletedProcess[bytes]) -> str | None:
    """Why this run counts as an error (not as findings); None when it does not."""
    stderr = done.stderr.decode("utf-8", "replace")
    allowed = (0, 1) if command.is_hook else (0,)
    if done.returncode in allowed and TRACEBACK not in stderr:
        return None
    tail = "\n".join(stderr.strip().splitlines()[-15:]) or "(no stderr)"
    return f"{command.name}: exit status {done.returncode}\n{tail}"


class BenchmarkError(Exception):
    """A timed command failed; the message says which and how."""


def measure(commands: list[Command], cwd: Path, runs: int) -> list[Result]:
    """One warm-up round, then ``runs`` interleaved rounds in a rotating order."""
    results = {c.name: Result(c) for c in commands}
    for round_number in range(runs + 1):
        shift = round_number % len(commands)
        for command in commands[shift:] + commands[:shift]:
            seconds, done = run_once(command, cwd)
            error = problem(command, done)
            if error:
                raise BenchmarkError(error)
            result = results[command.name]
            if round_number == 0:
                result.returncode, result.stdout = done.returncode, done.stdout
            else:
                result.seconds.append(seconds)
    return [results[c.name] for c in commands]


# --------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------


def ratio(result: Result, baseline: Result) -> float:
    return result.median_ms / baseline.median_ms


def findings(result: Result) -> int | None:
    if not result.command.is_hook:
        return None
    return len(result.stdout.decode("utf-8", "replace").splitlines())


def result_record(result: Result, python: Result, ls_files: Result) -> dict[str, Any]:
    return {
        "name": result.command.name,
        "kind": "hook" if result.command.is_hook else "baseline",
        "argv": list(result.command.argv),
        "median_ms": round(result.median_ms, 2),
        "min_ms": round(result.min_ms, 2),
        "ratio_python": round(ratio(result, python), 2),
        "ratio_git_ls_files": round(ratio(result, ls_files), 2),
        "exit_status": result.returncode,
        "findings": findings(result),
    }


def report(prepared: Prepared, results: list[Result], runs: int) -> dict[str, Any]:
    by_name = {r.command.name: r for r in results}
    python, ls_files = by_name["python -c pass"], by_name["git ls-files -z"]
    tracked = ls_files.stdout.count(b"\0")
    return {
        "repository": display(prepared.repo),
        "tracked_files": tracked,
        "generation_seconds": round(prepared.seconds, 2),
        "cached": prepared.cached,
        "runs": runs,
        "python": platform.python_version(),
        "git": git(prepared.repo, "--version").split()[-1],
        "cpus": os.cpu_count(),
        "results": [result_record(r, python, ls_files) for r in results],
        "notes": prepared.notes,
    }


def table_row(record: dict[str, Any]) -> tuple[str, ...]:
    return (
        record["name"],
        f"{record['median_ms']:.1f}",
        f"{record['min_ms']:.1f}",
        f"{record['ratio_python']:.2f}",
        f"{record['ratio_git_ls_files']:.2f}",
        str(record["exit_status"]),
        "-" if record["findings"] is None else str(record["findings"]),
    )


def text_table(data: dict[str, Any]) -> str:
    cached = "cached, " if data["cached"] else ""
    lines = [
        f"repository  {data['repository']} ({data['tracked_files']} tracked files;"
        f" {cached}generated in {data['generation_seconds']:.1f} s)",
        f"machine     Python {data['python']}, git {data['git']}, {data['cpus']} CPUs",
        f"timing      {data['runs']} runs after 1 warm-up, wall time in ms",
        "",
    ]
    header = ("command", "median", "min", "x python", "x ls-files", "exit", "findings")
    rows = [header] + [table_row(r) for r in data["results"]]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        cells = [f"{cell:>{w}}" for cell, w in zip(row[1:], widths[1:])]
        lines.append("  ".join([f"{row[0]:<{widths[0]}}", *cells]))
    lines += [f"note: {note}" for note in data["notes"]]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def display(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def at_least(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value

    return parse


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--files",
        type=at_least(MIN_FILES),
        default=30000,
        help="tracked files in the synthetic repository (default: 30000)",
    )
    parser.add_argument(
        "--runs",
        type=at_least(1),
        default=10,
        help="timed runs per command after one warm-up (default: 10)",
    )
    parser.add_argument(
        "--regenerate",
        action="store_true",
        help="rebuild the cached repository even when it is up to date",
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON instead of a table"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    hooks, skipped = repository_hooks(MANIFEST)
    for note in skipped:
        progress(f"note: {note}")
    prepared = prepare_repository(args.files, args.regenerate)
    try:
        results = measure(baseline_commands() + hooks, prepared.repo, args.runs)
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        restore_if_dirty(prepared.repo)
        return 1
    if restore_if_dirty(prepared.repo):
        prepared.notes.append("a hook changed the repository while it was timed")
    data = report(prepared, results, args.runs)
    data["skipped"] = skipped
    print(json.dumps(data, indent=2) if args.json else text_table(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
