"""Speed of check-dead-code beside ``ast.parse`` and vulture, cold and warm.

check-dead-code judges each committed file against the whole repository (is this
function used anywhere?), so it must stay fast on every commit. This script times it
on two git repositories under ``benchmarks/.work/`` (git-ignored, built once):

- ``dead-code-<n>``: a generated ML package of ``--files`` Python files (default
  2,000; models with ``forward``, datasets, typer commands, tests, Japanese comments,
  some dead code), deterministic;
- ``dead-code-site``: the ``.py`` files of packages installed here (pip, setuptools,
  black, mypy, pygments, pytest, ...), copied into a fresh repository.

For each repository, each command runs as a fresh process ``--runs`` times (after a
warm-up) and the median and minimum wall times are printed in milliseconds:

- ``python -c pass``: starting the interpreter;
- ``ast.parse each``: ``python -c "import ast; [ast.parse(open(f).read()) for f in
  files]"`` over every Python file: the floor of any tool that parses them all;
- ``vulture``: ``vulture`` over the repository (default confidence), if installed;
- ``one file, cold``: ``check-dead-code FILE`` with no cache (removed before each run);
- ``one file, warm``: the same after a run, with FILE changed and staged in between,
  as in a commit touching one file;
- ``all files, cold`` / ``all files, warm``: ``check-dead-code`` given every Python
  file (``pre-commit run --all-files``), without cache / with an unchanged cache.

``--corpus`` instead scores check-dead-code and vulture (default confidence) on the
labelled corpus of ``tests/resources/check-dead-code/corpus/``: each folder is a small
repository whose ``# expect: MLH2xx`` comments mark every finding that should be made.
A vulture finding counts where the label is, or on the first line of the labelled
statement (vulture reports a decorated function at its decorator and a parenthesised
import at its first line); vulture reads no notebooks.

Run from the checkout's root: ``python benchmarks/bench_dead_code.py [--files N]
[--runs N] [--skip-site] [--corpus]``.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
SITE_PACKAGES = "pip setuptools black mypy pygments _pytest isort flake8 yaml jupytext"
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
AREAS = "data features models training evaluation serving utils".split()
VERBS = "build load clean split encode score train predict export merge tune".split()
NOUNS = "dataset features labels model metrics batches embeddings report".split()
PARSE = (
    "import ast, sys\n"
    "for f in open(sys.argv[1], encoding='utf-8').read().split('\\0'):\n"
    "    ast.parse(open(f, encoding='utf-8', errors='replace').read())\n"
)


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, **GIT_ENV}
    subprocess.run(("git", *args), cwd=repo, env=env, check=True, capture_output=True)


def module_text(rng: random.Random, package: str, index: int, count: int) -> str:
    """One generated module: imports, a model class, functions, a typer command."""
    others = [rng.randrange(count) for _ in range(3)]
    area = AREAS[index % len(AREAS)]
    lines = [
        f'"""{area} の処理 (module {index})."""',
        "from __future__ import annotations",
        "",
        "import json",
        "import logging",
        "import math",
        "from pathlib import Path",
        "",
        "import numpy as np",
        "import torch",
        "from torch import nn",
        "",
    ]
    lines += [
        f"from {package}.{AREAS[o % len(AREAS)]}.m{o} import {VERBS[o % 11]}_{o}"
        for o in others
        if o != index
    ]
    if index % 7 == 0:
        lines.append("import os  # 未使用")
    name = f"{VERBS[index % 11]}_{index}"
    lines += [
        "",
        "LOGGER = logging.getLogger(__name__)",
        "",
        "",
        f"class Net{index}(nn.Module):",
        f'    """{NOUNS[index % 8]} のモデル."""',
        "",
        "    def __init__(self, width: int = 8) -> None:",
        "        super().__init__()",
        "        self.layer = nn.Linear(width, width)",
        "",
        "    def forward(self, x: torch.Tensor) -> torch.Tensor:",
        "        return torch.relu(self.layer(x))",
        "",
        "",
        f"def {name}(path: Path, scale: float = 1.0) -> dict[str, float]:",
        f'    """Read {NOUNS[index % 8]} and score them."""',
        "    data = json.loads(path.read_text(encoding='utf-8'))",
        "    values = np.asarray(data['values'], dtype=float) * scale",
        "    total = float(values.sum())",
        "    LOGGER.info('total %s', total)",
        "    return {'mean': float(values.mean()), 'norm': math.sqrt(total)}",
        "",
        "",
        f"def helper_{index}(items: list[int]) -> int:",
        "    result = 0",
        "    for item in items:",
        "        result += item * 2  # 二倍する",
        "    return result",
    ]
    for other in others:
        if other != index:
            lines += ["", "", f"def use_{index}_{other}(path: Path) -> dict:"]
            lines += [f"    return {VERBS[other % 11]}_{other}(path)"]
    return "\n".join(lines) + "\n"


def generate(repo: Path, count: int) -> None:
    rng, package = random.Random(20240601), "churn"
    src = repo / "src" / package
    for area in AREAS:
        (src / area).mkdir(parents=True, exist_ok=True)
        (src / area / "__init__.py").write_text("")
    (src / "__init__.py").write_text("")
    tests = repo / "tests"
    tests.mkdir(parents=True, exist_ok=True)
    modules = count - len(AREAS) - 1 - count // 10
    for index in range(modules):
        area = AREAS[index % len(AREAS)]
        text = module_text(rng, package, index, modules)
        (src / area / f"m{index}.py").write_text(text, encoding="utf-8")
    for index in range(count // 10):
        area = AREAS[index % len(AREAS)]
        (tests / f"test_m{index}.py").write_text(
            f"from {package}.{area}.m{index} import Net{index}, helper_{index}\n\n\n"
            f"def test_helper_{index}() -> None:\n"
            f"    assert helper_{index}([1, 2]) == 6\n"
            f"    assert Net{index}(4) is not None\n",
            encoding="utf-8",
        )


def site_corpus(repo: Path) -> None:
    site = Path(sysconfig.get_paths()["purelib"])
    for package in SITE_PACKAGES.split():
        for path in (site / package).rglob("*.py"):
            target = repo / package / path.relative_to(site / package)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def prepare(repo: Path, build: str, count: int) -> list[str]:
    if not (repo / ".git").is_dir():
        shutil.rmtree(repo, ignore_errors=True)
        repo.mkdir(parents=True)
        generate(repo, count) if build == "generated" else site_corpus(repo)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "corpus", "--no-verify")
    git(repo, "reset", "-q", "--hard")
    out = subprocess.run(
        ["git", "ls-files", "-z", "*.py"], cwd=repo, capture_output=True, check=True
    )
    return sorted(os.fsdecode(p) for p in out.stdout.split(b"\0") if p)


def timed(argv: Sequence[str], cwd: Path, before: object = None) -> float:
    if callable(before):
        before()
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode not in (0, 1, 3) or b"Traceback" in done.stderr:  # vulture: 3
        sys.exit(f"{argv[:3]} failed: {done.stderr.decode()[-600:]}")
    return elapsed


def bench(repo: Path, files: list[str], runs: int) -> list[tuple[str, float, float]]:
    listing = repo / ".git" / "bench-files"
    listing.write_text("\0".join(files), encoding="utf-8")
    hook = [sys.executable, "-m", "mlhooks.check_dead_code"]
    one = files[len(files) // 2]
    counter = iter(range(10**6))

    def no_cache() -> None:
        shutil.rmtree(repo / ".mlhooks_cache", ignore_errors=True)

    def touch() -> None:
        with open(repo / one, "a", encoding="utf-8") as handle:
            handle.write(f"# edit {next(counter)}\n")
        git(repo, "add", one)

    commands: list[tuple[str, list[str], object]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], None),
        ("ast.parse each", [sys.executable, "-c", PARSE, str(listing)], None),
        ("one file, cold", [*hook, one], no_cache),
        ("one file, warm", [*hook, one], touch),
        ("all files, cold", [*hook, *files], no_cache),
        ("all files, warm", [*hook, *files], None),
    ]
    vulture = shutil.which("vulture")
    if vulture:
        commands.insert(2, ("vulture", [vulture, "."], None))
    results = []
    for name, argv, before in commands:
        if name == "all files, warm":
            timed(argv, repo)  # fill the cache for every file
        elif name == "one file, warm":
            timed(argv, repo)
        times = [timed(argv, repo, before) for _ in range(runs)]
        results.append((name, statistics.median(times), min(times)))
        print(f"  {name:<18} {results[-1][1]:9.1f} {results[-1][2]:9.1f}", flush=True)
    git(repo, "reset", "-q", "--hard")
    return results


VULTURE_KINDS = {
    "import": "MLH201",
    "variable": "MLH202",
    "function": "MLH206",
    "class": "MLH206",
    "method": "MLH206",
    "property": "MLH206",
    "attribute": "attribute",
}
VULTURE_LINE = re.compile(
    r"^(.*?):(\d+): (?:unused (\w+)|(unreachable)|unsatisfiable|redundant)"
)


def corpus_helpers() -> Any:
    """The corpus labels and our findings, as the tests compute them."""
    path = HERE.parent / "tests" / "test_check_dead_code.py"
    spec = importlib.util.spec_from_file_location("corpus_tests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def header_lines(root: Path, rel: str, line: int) -> set[int]:
    """``line`` and the lines above it in the same statement's header."""
    try:
        tree = ast.parse((root / rel).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {line}
    starts = [
        min([n.lineno] + [d.lineno for d in getattr(n, "decorator_list", [])])
        for n in ast.walk(tree)
        if isinstance(n, ast.stmt) and n.lineno <= line <= (n.end_lineno or n.lineno)
    ]
    return set(range(max(starts, default=line), line + 1))


def vulture_findings(root: Path) -> set[tuple[str, None, int, str]]:
    out = subprocess.run(["vulture", "."], cwd=root, capture_output=True, text=True)
    found = set()
    for line in out.stdout.splitlines():
        match = VULTURE_LINE.match(line)
        if match:
            path, number, kind, unreachable = match.groups()
            code = VULTURE_KINDS.get(kind or "", "MLH204")
            code = "MLH203" if unreachable else code
            found.add((path.removeprefix("./"), None, int(number), code))
    return found


def score_corpus() -> None:
    helpers = corpus_helpers()
    cases = sorted(helpers.CORPUS.iterdir())
    tools: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            clean = helpers.copy_case(case, Path(tmp) / case.name / "clean")
            want = helpers.corpus_labels(clean)
            runs = {"check-dead-code": {}, "check-dead-code, check-methods": None}
            for name, options in runs.items():
                root = helpers.copy_case(case, Path(tmp) / case.name / name[-1])
                opts = options if options is not None else {"check-methods": True}
                got = helpers.corpus_findings(root, opts)
                tally(tools.setdefault(name, [0, 0, 0]), want, got)
            if shutil.which("vulture"):
                got = vulture_findings(clean)
                for item in list(want):
                    rel, cell, line, code = item
                    near = {
                        (rel, cell, n, code) for n in header_lines(clean, rel, line)
                    }
                    if cell is None and got & near:
                        got = (got - near) | {item}
                tally(tools.setdefault("vulture", [0, 0, 0]), want, got)
    labels = sum(tools["check-dead-code"][0::2])
    print(f"corpus: {len(cases)} cases, {labels} labelled findings")
    print(f"  {'tool':<34} {'TP':>4} {'FP':>4} {'FN':>4} precision recall")
    for name, (true, false, missed) in tools.items():
        precision = true / (true + false) if true + false else 1.0
        recall = true / (true + missed) if true + missed else 1.0
        counts = f"{true:>4} {false:>4} {missed:>4}"
        print(f"  {name:<34} {counts} {precision:9.3f} {recall:6.3f}")


def tally(counts: list[int], want: set[Any], got: set[Any]) -> None:
    counts[0] += len(want & got)
    counts[1] += len(got - want)
    counts[2] += len(want - got)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="generated files")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command")
    parser.add_argument("--skip-site", action="store_true", help="only generated")
    parser.add_argument("--corpus", action="store_true", help="score the corpus")
    args = parser.parse_args(argv)
    version = (
        subprocess.run(
            ["vulture", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if shutil.which("vulture")
        else "vulture not installed"
    )
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {version}")
    if args.corpus:
        score_corpus()
        return 0
    targets = [(WORK / f"dead-code-{args.files}", "generated")]
    targets += [] if args.skip_site else [(WORK / "dead-code-site", "site")]
    for repo, build in targets:
        files = prepare(repo, build, args.files)
        size = sum((repo / f).stat().st_size for f in files) / 1e6
        print(f"{repo.name}: {len(files)} Python files, {size:.1f} MB; median, min ms")
        bench(repo, files, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
