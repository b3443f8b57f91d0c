"""check-docstring-args on real Python code, beside pydoclint and the parse floor.

``check-docstring-args`` runs on every commit that touches Python files, and on every
Python file of the repository when CI runs ``pre-commit run --all-files``. Its cost is
reading and parsing each file plus reading its docstrings. This script copies the
``.py`` files of installed packages (pip, setuptools, black, mypy, pygments, ...: real
code in every docstring style) into a git repository under
``benchmarks/.work/docstrings/`` and times, each as a fresh process with every file as
an argument (as pre-commit calls a hook):

- ``parse floor``: ``python`` reading and ``ast.parse``-ing every file, which any tool
  that reads Python with ``ast`` has to do;
- ``check-docstring-args``: our hook, default settings;
- ``pydoclint``: the peer, when installed, as comparable as its options allow
  (``--style=google --skip-checking-short-docstrings=True``, no class-attribute
  checks).

After one warm-up round, every command runs ``--runs`` times, interleaved in a
rotating order. The report gives median and minimum wall time in milliseconds, the
median CPU time (user + system: steadier on a busy machine), each median as a
multiple of the parse floor's, and pydoclint / ours (wall-time medians).

``--accuracy`` instead scores both tools on the labelled corpus
(``tests/resources/check-docstring-args/corpus/``, ``# expect:`` comments) at the
level pydoclint can express (function and rule), and ours also per argument; the
``upstream:`` labels (pydoclint's own expected findings for the cases modelled on its
test data) give the agreement.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / ".work" / "docstrings"
PACKAGES = "pip setuptools black blib2to3 mypy pygments _pytest hypothesis docutils"
PACKAGES += " click jinja2 flask IPython"
MAX_BYTES = 1 << 20
TRACEBACK = b"Traceback (most recent call last)"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "mlhooks benchmark",
    "GIT_AUTHOR_EMAIL": "benchmark@mlhooks.invalid",
    "GIT_COMMITTER_NAME": "mlhooks benchmark",
    "GIT_COMMITTER_EMAIL": "benchmark@mlhooks.invalid",
    "GIT_AUTHOR_DATE": "2024-06-14T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-06-14T12:00:00+00:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
FLOOR = (
    "import ast, sys\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as file:\n"
    "        ast.parse(file.read())\n"
)
OURS = (
    "import sys\n"
    "from mlhooks.check_docstring_args import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)
PYDOCLINT_ARGS = [
    "--style=google",
    "--arg-type-hints-in-docstring=False",
    "--skip-checking-short-docstrings=True",
    "--check-class-attributes=False",
    "--quiet",
]


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def parses(path: Path) -> bool:
    import ast

    try:
        ast.parse(path.read_bytes())
    except (SyntaxError, ValueError, RecursionError):
        return False
    return True


def build(packages: list[str]) -> None:
    """Copy every parsable .py file of ``packages`` into a fresh git repository."""
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    CORPUS.mkdir(parents=True)
    for name in packages:
        top = package_dir(name)
        if top is None:
            note(f"note: package {name} is not installed; skipped")
            continue
        for path in sorted(top.rglob("*.py")):
            if path.stat().st_size > MAX_BYTES or not parses(path):
                continue
            target = CORPUS / "src" / name / path.relative_to(top)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    env = {**os.environ, **GIT_ENV}
    for command in (["init", "-q", "-b", "main"], ["add", "-A"]):
        subprocess.run(["git", *command], cwd=CORPUS, env=env, check=True)
    subprocess.run(
        ["git", "commit", "-q", "--no-verify", "-m", "corpus"],
        cwd=CORPUS,
        env=env,
        check=True,
    )
    (CORPUS / ".git" / "mlhooks-bench.json").write_text(json.dumps(packages))


def corpus_files() -> list[str]:
    done = subprocess.run(
        ["git", "ls-files", "-z", "*.py"],
        cwd=CORPUS,
        capture_output=True,
        check=True,
    )
    return [name for name in done.stdout.decode().split("\0") if name]


def commands(files: list[str]) -> dict[str, list[str]]:
    python = sys.executable
    found = {
        "parse floor": [python, "-c", FLOOR, *files],
        "check-docstring-args": [python, "-c", OURS, *files],
    }
    pydoclint = shutil.which("pydoclint", path=str(Path(python).parent)) or (
        shutil.which("pydoclint")
    )
    if pydoclint:
        found["pydoclint"] = [pydoclint, *PYDOCLINT_ARGS, *files]
    else:
        note("note: pydoclint is not installed (pip install pydoclint); skipped")
    return found


def cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_once(argv: list[str]) -> tuple[float, float, int, int]:
    """Wall and CPU time in ms, exit status, and lines printed."""
    start, cpu = time.perf_counter(), cpu_seconds()
    done = subprocess.run(argv, cwd=CORPUS, capture_output=True)
    elapsed = (time.perf_counter() - start) * 1000
    cpu = (cpu_seconds() - cpu) * 1000
    if done.returncode not in (0, 1) or TRACEBACK in done.stderr:
        note(f"error: {argv[0]} exited {done.returncode}: {done.stderr[-2000:]!r}")
        raise SystemExit(1)
    return elapsed, cpu, done.returncode, done.stdout.count(b"\n")


def measure(found: dict[str, list[str]], runs: int) -> dict[str, dict]:
    names = list(found)
    results: dict[str, dict] = {}
    for name in names:  # warm-up: fills the file cache, counts the findings
        _, _, status, lines = run_once(found[name])
        results[name] = {"times": [], "cpu": [], "exit": status, "lines": lines}
    for round_ in range(runs):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            wall, cpu, _, _ = run_once(found[name])
            results[name]["times"].append(wall)
            results[name]["cpu"].append(cpu)
    return results


def report(results: dict[str, dict], files: int, as_json: bool) -> None:
    floor = statistics.median(results["parse floor"]["times"])
    floor_cpu = statistics.median(results["parse floor"]["cpu"])
    rows = []
    for name, result in results.items():
        median = statistics.median(result["times"])
        cpu = statistics.median(result["cpu"])
        rows.append(
            {
                "name": name,
                "median_ms": round(median, 1),
                "min_ms": round(min(result["times"]), 1),
                "ratio_parse": round(median / floor, 2),
                "cpu_ms": round(cpu, 1),
                "cpu_ratio_parse": round(cpu / floor_cpu, 2),
                "exit_status": result["exit"],
                "output_lines": result["lines"],
            }
        )
    ours = statistics.median(results["check-docstring-args"]["times"])
    peer = results.get("pydoclint")
    ratio = round(statistics.median(peer["times"]) / ours, 2) if peer else None
    if as_json:
        data = {"files": files, "python": sys.version.split()[0], "results": rows}
        print(json.dumps({**data, "pydoclint_over_ours": ratio}, indent=2))
        return
    print(f"corpus  {CORPUS}: {files} Python files; Python {sys.version.split()[0]}")
    print(
        f"{'command':22} {'median':>9} {'min':>9} {'x parse':>8} {'cpu':>9}"
        f" {'x parse':>8} {'exit':>5} lines"
    )
    for row in rows:
        print(
            f"{row['name']:22} {row['median_ms']:9.1f} {row['min_ms']:9.1f}"
            f" {row['ratio_parse']:8.2f} {row['cpu_ms']:9.1f}"
            f" {row['cpu_ratio_parse']:8.2f} {row['exit_status']:5}"
            f" {row['output_lines']}"
        )
    if ratio is not None:
        print(f"pydoclint / check-docstring-args = {ratio:.2f}x (above 1: ours faster)")


LABELLED = HERE.parent / "tests" / "resources" / "check-docstring-args" / "corpus"
LABEL = re.compile(r"[#|]\s*(expect|upstream):([^#|]*)")
FINDING = re.compile(r"(MLH\d{3})(?:\(([^)]*)\))?")
SUBJECT = {"MLH301", "MLH302", "MLH304", "MLH308", "MLH309"}
PEER_LINE = re.compile(r"^\s*\d+: (DOC\d+): (?:Method|Function) `([^`]+)`:? (.*)$")
SIMPLE = {"DOC101": "MLH302", "DOC102": "MLH301", "DOC104": "MLH303"}
SIMPLE |= {"DOC105": "MLH304", "DOC202": "MLH305", "DOC402": "MLH307"}
SIMPLE |= {"DOC403": "MLH307", "DOC502": "MLH308"}
Triple = tuple[str, str, str]
PEER_FLAGS = ["--arg-type-hints-in-docstring=False"]  # types in docstrings optional


def peer_name(scope: object) -> str:
    """The function's name as pydoclint prints it: ``Class.method`` or ``name``."""
    owner, node = getattr(scope, "owner"), getattr(scope, "node")
    return f"{owner.name}.{node.name}" if owner is not None else node.name


def labelled(path: Path) -> tuple[dict[str, set[Triple]], dict[str, str]]:
    """``expect`` and ``upstream`` labels as (function, code, subject); names."""
    from mlhooks._pyfunctions import scopes

    text = path.read_text(encoding="utf-8")
    lines, found = text.split("\n"), {"expect": set(), "upstream": set()}
    names = {}
    for scope in scopes(ast.parse(text)):
        names[scope.qualname] = peer_name(scope)
        for kind, codes in LABEL.findall(lines[scope.node.lineno - 1]):
            for code, subject in FINDING.findall(codes):
                found[kind].add((scope.qualname, code, subject))
    return found, names


def ours_on(path: Path) -> set[Triple]:
    from mlhooks._config import resolve
    from mlhooks._python import parse
    from mlhooks.check_docstring_args import OPTIONS, check_source, make_rules

    rules = make_rules(resolve(OPTIONS, {}, {"check-raises": True}))
    source = parse(path.name, path.read_text(encoding="utf-8"))
    found = set()
    for diag in check_source(source, rules):  # type: ignore[arg-type]
        name = re.match(r"[^\s(:]+", diag.message)
        quoted = re.search(r"'([^']*)'", diag.message)
        subject = quoted.group(1) if quoted and diag.code in SUBJECT else ""
        found.add((name.group() if name else "", diag.code, subject))
    return found


def peer_codes(code: str, message: str) -> list[str]:
    """Our codes for one pydoclint finding (none where no rule of ours matches)."""
    if code in SIMPLE:
        return [SIMPLE[code]]
    if code == "DOC103":
        missing = "signature but not in the docstring: [" in message
        extra = "docstring but not in the function signature: [" in message
        return ["MLH302"] * missing + ["MLH301"] * extra
    if code == "DOC203":  # only when both sides name a type
        lists = re.findall(r"types: \[([^\]]*)\]", message)
        named = [re.findall(r"'([^']+)'", found) for found in lists]
        return ["MLH304"] if len(named) == 2 and all(named) else []
    if code == "DOC503":
        lists = re.findall(r"\[([^\]]*)\]", message)
        documented = set(re.findall(r"'([^']+)'", lists[0])) if lists else set()
        raised = set(re.findall(r"'([^']+)'", lists[1])) if len(lists) > 1 else set()
        return ["MLH308"] if documented - raised else []
    return []


def peer_on(path: Path, pydoclint: str) -> set[tuple[str, str]]:
    stem = path.stem.split("_")[-1]
    style = stem if stem in ("numpy", "sphinx") else "google"
    argv = [pydoclint, f"--style={style}", "--skip-checking-short-docstrings=True"]
    argv += ["--check-class-attributes=False", "--allow-init-docstring=True"]
    argv += PEER_FLAGS
    done = subprocess.run([*argv, str(path)], capture_output=True, text=True)
    found = set()
    for line in (done.stdout + done.stderr).splitlines():
        match = PEER_LINE.match(line)
        if match:
            for ours in peer_codes(match.group(1), match.group(3)):
                found.add((match.group(2), ours))
    return found


def score(found: set, expected: set) -> str:
    true = len(found & expected)
    precision = true / len(found) if found else 1.0
    recall = true / len(expected) if expected else 1.0
    return (
        f"precision {precision:.2f} ({true}/{len(found)}),"
        f" recall {recall:.2f} ({true}/{len(expected)})"
    )


def accuracy() -> int:
    """Precision and recall of ours and pydoclint's on the labelled corpus."""
    pydoclint = shutil.which("pydoclint", path=str(Path(sys.executable).parent))
    pydoclint = pydoclint or shutil.which("pydoclint")
    totals: dict[str, set] = {k: set() for k in "expect ours efn ofn pfn ufn".split()}
    upstream: dict[str, set] = {"labels": set(), "ours": set(), "peer": set()}
    for path in sorted(LABELLED.glob("*.py")):
        labels, names = labelled(path)
        ours = {(path.name, *t) for t in ours_on(path)}
        expect = {(path.name, *t) for t in labels["expect"]}
        by_function = {(f, names.get(q, q), c) for f, q, c, _ in expect}
        ours_fn = {(f, names.get(q, q), c) for f, q, c, _ in ours}
        peer = (
            {(path.name, *t) for t in peer_on(path, pydoclint)} if pydoclint else set()
        )
        totals["expect"] |= expect
        totals["ours"] |= ours
        totals["efn"] |= by_function
        totals["ofn"] |= ours_fn
        totals["pfn"] |= peer
        if labels["upstream"] or path.stem.startswith("upstream"):
            upstream["labels"] |= {(path.name, *t) for t in labels["upstream"]}
            upstream["ours"] |= ours
            upstream["peer"] |= peer
    functions = sum(
        1
        for p in LABELLED.glob("*.py")
        for n in ast.walk(ast.parse(p.read_bytes()))
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
    )
    print(
        f"labelled corpus {LABELLED}: {functions} functions,"
        f" {len(totals['expect'])} labelled findings"
    )
    rows = [("check-docstring-args, per argument", totals["ours"], totals["expect"])]
    rows.append(("check-docstring-args, per function", totals["ofn"], totals["efn"]))
    if pydoclint:
        rows.append(("pydoclint, per function and rule", totals["pfn"], totals["efn"]))
    for label, found, expected in rows:
        print(f"{label + ':':37} {score(found, expected)}")
    up_fn = {(f, q.split(".")[-1], c) for f, q, c, _ in upstream["labels"]}
    print(
        f"upstream cases, ours vs pydoclint's expected findings:"
        f" {score(upstream['ours'], upstream['labels'])}"
    )
    if pydoclint:
        peer_fn = {(f, q.split(".")[-1], c) for f, q, c in upstream["peer"]}
        print(
            f"upstream cases, pydoclint {version('pydoclint')} vs its expected:"
            f" {score(peer_fn, up_fn)}"
        )
    return 0


def version(name: str) -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs (default 3)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--regenerate", action="store_true", help="rebuild corpus")
    parser.add_argument(
        "--accuracy", action="store_true", help="score both tools on the labels"
    )
    parser.add_argument(
        "--packages", default=PACKAGES, help="space-separated packages to copy"
    )
    args = parser.parse_args(argv)
    if args.accuracy:
        return accuracy()
    stamp = CORPUS / ".git" / "mlhooks-bench.json"
    packages = args.packages.split()
    if (
        args.regenerate
        or not stamp.is_file()
        or json.loads(stamp.read_text()) != (packages)
    ):
        note(f"building {CORPUS} from {', '.join(packages)}")
        build(packages)
    files = corpus_files()
    results = measure(commands(files), max(args.runs, 1))
    report(results, len(files), args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
