"""check-commented-code beside eradicate and ruff's ERA001: accuracy and speed.

Accuracy: the labelled corpus of comment blocks
(``tests/resources/check-commented-code/corpus/blocks.jsonl``: English and Japanese
prose, shape, metric and hyperparameter notes, pragmas, cell markers, commented-out
code, and the peers' own test cases). A tool "flags" a block when it reports any of
its lines;
precision and recall are computed over the blocks labelled ``code`` and ``prose``
(``ambiguous`` ones, such as ``# lr = 0.001``, are counted apart).

Speed: the ``.py`` files of installed packages (pip, setuptools, black, mypy, pygments,
...) copied into ``benchmarks/.work/commented-code/`` (a git repository), all given to
each tool in one process, as pre-commit does with ``require_serial``:

- floor ``ast.parse``: reading and parsing every file, what any of our hooks does;
- floor ``tokenize``: reading and tokenizing every file;
- ``check-commented-code`` (our hook, as its console script runs it);
- ``eradicate`` on the file list (it prints a diff; ``--recursive`` does the same walk);
- ``ruff check --select ERA001 --no-cache``.

Peers are found on ``PATH`` (``--peers-bin DIR`` puts a folder first); a missing peer is
skipped with a note. Run: ``python benchmarks/bench_commented_code.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Sequence

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests/resources/check-commented-code/corpus/blocks.jsonl"
WORK = HERE / ".work" / "commented-code"
PACKAGES = "pip setuptools black mypy pygments _pytest hypothesis isort jupytext"
PACKAGES += " flake8 pycodestyle pyflakes yaml nbformat jsonschema"
FLOORS = {
    "ast.parse": "import ast,sys\nfor f in open(sys.argv[1]).read().split():\n"
    " ast.parse(open(f,'rb').read())",
    "tokenize": "import io,sys,tokenize\nfor f in open(sys.argv[1]).read().split():\n"
    " list(tokenize.generate_tokens(io.StringIO(open(f).read()).readline))",
}
HOOK = "import sys\nfrom mlhooks.check_commented_code import main\nsys.exit(main())"
ERADICATE_LINES = """import eradicate, json, sys
tool = eradicate.Eradicator()
texts = json.load(sys.stdin)
print(json.dumps([list(tool.commented_out_code_line_numbers(t)) for t in texts]))
"""


def records() -> list[dict[str, str]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def file_of(record: dict[str, str]) -> tuple[str, range]:
    """The record as a Python file, and the lines its comment block takes."""
    before = record.get("before", "")
    before += "\n" * bool(before)
    after = record.get("after", "")
    text = before + record["text"] + "\n" + after + "\n" * bool(after)
    first = before.count("\n") + 1
    return text, range(first, first + record["text"].count("\n") + 1)


def ours(texts: list[str]) -> list[set[int]]:
    from mlhooks._python import Source, parse
    from mlhooks.check_commented_code import Rules, find_blocks

    rules, found = Rules(1, (), False), []
    for text in texts:
        source = parse("corpus.py", text)
        assert isinstance(source, Source)
        blocks = find_blocks(source, rules)
        found.append({b.comments[f.start].line for b, f in blocks})
    return found


def eradicate(texts: list[str], path: str) -> list[set[int]]:
    """eradicate's own line numbers, from the interpreter its script runs with."""
    python = Path(path).read_text().splitlines()[0].removeprefix("#!").strip()
    done = subprocess.run(
        [python, "-c", ERADICATE_LINES],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return [set(lines) for lines in json.loads(done.stdout)]


def ruff(texts: list[str], path: str) -> list[set[int]]:
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(texts):
            Path(folder, f"r{number:04d}.py").write_text(text, encoding="utf-8")
        args = ["check", "--isolated", "--no-cache", "--select", "ERA001"]
        done = subprocess.run(
            [path, *args, "--output-format", "json", folder],
            capture_output=True,
            text=True,
        )
        found: list[set[int]] = [set() for _ in texts]
        for item in json.loads(done.stdout or "[]"):
            found[int(Path(item["filename"]).stem[1:])].add(item["location"]["row"])
    return found


def accuracy(tools: dict[str, str]) -> list[str]:
    """One line per tool: precision, recall, ambiguous blocks flagged."""
    data = records()
    files = [file_of(record) for record in data]
    texts = [text for text, _ in files]
    results = {"check-commented-code": ours(texts)}
    if "eradicate" in tools:
        results["eradicate"] = eradicate(texts, tools["eradicate"])
    if "ruff" in tools:
        results["ruff ERA001"] = ruff(texts, tools["ruff"])
    counts = {label: sum(r["label"] == label for r in data) for label in ("code",)}
    lines = [f"corpus   {CORPUS.relative_to(HERE.parent)}: {len(data)} blocks"]
    lines.append(f"{'tool':<22}{'precision':>10}{'recall':>8}{'FP':>5}{'FN':>5}"
                 f"{'ambiguous flagged':>19}")  # fmt: skip
    for name, found in results.items():
        hit = [bool(lines & set(where)) for lines, (_, where) in zip(found, files)]
        tp = sum(h for h, r in zip(hit, data) if r["label"] == "code")
        fp = sum(h for h, r in zip(hit, data) if r["label"] == "prose")
        amb = sum(h for h, r in zip(hit, data) if r["label"] == "ambiguous")
        total_amb = sum(r["label"] == "ambiguous" for r in data)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / counts["code"]
        lines.append(
            f"{name:<22}{precision:>10.3f}{recall:>8.3f}{fp:>5}"
            f"{counts['code'] - tp:>5}{f'{amb} of {total_amb}':>19}"
        )
    return lines


def build_repo(limit: int) -> list[str]:
    """Copy the packages' .py files (that parse) into a git repository once."""
    listing = WORK / "files.txt"
    if listing.is_file():
        return listing.read_text().split()
    import ast

    site = Path(sysconfig.get_paths()["purelib"])
    shutil.rmtree(WORK, ignore_errors=True)
    names = []
    for package in PACKAGES.split():
        for path in sorted((site / package).rglob("*.py")):
            if len(names) >= limit:
                break
            try:
                data = path.read_bytes()
                data.decode("utf-8")
                ast.parse(data)
            except (SyntaxError, UnicodeDecodeError, ValueError):
                continue
            name = f"{package}/{path.relative_to(site / package).as_posix()}"
            (WORK / name).parent.mkdir(parents=True, exist_ok=True)
            (WORK / name).write_bytes(data)
            names.append(name)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q"], cwd=WORK, check=True, env=env)
    listing.write_text("\n".join(names))
    return names


def timed(argv: Sequence[str], runs: int) -> tuple[float, float, int]:
    times, code = [], 0
    for _ in range(runs + 1):  # the first is a warm-up
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=WORK, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
        code = done.returncode
        if code not in (0, 1) or b"Traceback" in done.stderr:
            raise SystemExit(f"{argv[:3]} failed ({code}): {done.stderr[-500:]!r}")
    return statistics.median(times[1:]), min(times[1:]), code


def speed(tools: dict[str, str], runs: int, limit: int) -> list[str]:
    names = build_repo(limit)
    listing = str(WORK / "files.txt")
    size = sum((WORK / name).stat().st_size for name in names) / 1e6
    commands = {
        f"floor {k}": [sys.executable, "-c", v, listing] for k, v in FLOORS.items()
    }
    commands["check-commented-code"] = [sys.executable, "-c", HOOK, *names]
    if "eradicate" in tools:
        commands["eradicate"] = [tools["eradicate"], *names]
    if "ruff" in tools:
        ruff_args = ["check", "--isolated", "--no-cache", "--select", "ERA001"]
        commands["ruff ERA001"] = [tools["ruff"], *ruff_args, "--exit-zero", *names]
    lines = [f"files    {len(names)} .py files, {size:.1f} MB ({PACKAGES})"]
    lines.append(f"{'command':<22}{'median ms':>10}{'min ms':>9}{'x parse':>9}")
    results = {name: timed(argv, runs) for name, argv in commands.items()}
    floor = results["floor ast.parse"][0]
    for name, (median, low, _) in results.items():
        lines.append(f"{name:<22}{median:>10.0f}{low:>9.0f}{median / floor:>9.2f}")
    hook = results["check-commented-code"][0]
    for name in ("eradicate", "ruff ERA001"):
        if name in results:
            lines.append(
                f"{name} / check-commented-code = {results[name][0] / hook:.2f}x"
            )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command")
    parser.add_argument("--files", type=int, default=1500, help="files to time on")
    parser.add_argument("--peers-bin", help="a folder with eradicate and ruff")
    parser.add_argument("--no-speed", action="store_true", help="accuracy only")
    args = parser.parse_args(argv)
    path = os.pathsep.join(filter(None, [args.peers_bin, os.environ.get("PATH")]))
    tools = {n: shutil.which(n, path=path) for n in ("eradicate", "ruff")}
    found = {name: where for name, where in tools.items() if where}
    for name in sorted(set(tools) - set(found)):
        print(f"note: {name} not found; skipped", file=sys.stderr)
    print("\n".join(accuracy(found)))
    if not args.no_speed:
        print("\n".join(speed(found, args.runs, args.files)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
