"""check-reproducibility: a run works on another machine and gives the same result.

The guideline counts reproducibility among the qualities of model development (再現性):
anyone who takes the repository over must be able to rerun an experiment and get its
result. Two things break that without anyone noticing: absolute paths that exist on
one machine only (a home folder, Colab's Google Drive), in code, notebooks and
configuration files (MLH701); and randomness that no seed fixes in training code, so
each run gives another split, another model, another score (MLH702).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option, Settings
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import FileProblem, glob_regex, read_text
from mlhooks._i18n import N_, tr
from mlhooks._notebooks import code_cells, read_notebook
from mlhooks._paths import (
    LineIndex,
    PathHit,
    char_column,
    config_text,
    find_paths,
    python_literals,
)
from mlhooks._python import Source, parse, read_sources
from mlhooks._seeds import CONDITION, SeedRules, read_module, unseeded_calls

HOOK_ID = "check-reproducibility"
CODES = {
    "MLH701": "absolute path that exists on one machine only (a home folder, Colab's"
    " Google Drive) in code, a notebook or a configuration file",
    "MLH702": "randomness without a seed in training code",
}
TRAINING = "train* *[_-]train* pretrain* *[_-]pretrain* finetun* *[_-]finetun*"
TRAINING += " fine[_-]tun* fit[_.-]* *[_-]fit[_.-]* experiment* *[_-]experiment*"
TRAINING += " exp[0-9]* exp[_-][0-9]* modeling"
EXEMPT = "tests test test_*.py *_test.py conftest.py docs data/* mlruns mlartifacts"
EXEMPT += " wandb lightning_logs"
SEED_FUNCTIONS = "seed_everything seed_all set_seed set_seeds set_random_seed"
SEED_FUNCTIONS += " set_global_seed fix_seed fix_seeds seed_torch"
DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


def _bad_names(dotted: bool) -> Callable[[list[str]], str]:
    """A validator: every item a Python name (``package.name`` when ``dotted``)."""

    def check(names: list[str]) -> str:
        for name in names:
            if not DOTTED.fullmatch(name) or (dotted and "." not in name):
                shape = "package.name" if dotted else "a Python name"
                return f"{name!r} is not {shape}"
        return ""

    return check


OPTIONS = (
    Option("check-paths", "bool", True, "report machine-specific paths (MLH701)"),
    Option("check-seeds", "bool", True, "report unseeded randomness (MLH702)"),
    Option("training-code", "list", TRAINING.split(), "globs of training code"),
    Option("allowed-paths", "list", [], "path prefixes never reported"),
    Option("exempt-files", "list", EXEMPT.split(), "globs of files MLH701 skips"),
    Option(
        "seed-functions",
        "list",
        SEED_FUNCTIONS.split(),
        "calls that seed numpy, random and torch at once",
        check=_bad_names(False),
    ),
    Option(
        "extra-random-calls",
        "list",
        [],
        "more calls that need random_state= or seed= (package.name)",
        check=_bad_names(True),
    ),
    Option(
        "allowed-random-calls",
        "list",
        [],
        "random calls never reported (name or package.name)",
        check=_bad_names(False),
    ),
)
FIX_PATH = {
    "py": N_(
        "build it from the project root (Path(__file__).resolve().parent / ...),"
        " a configuration value or an environment variable"
    ),
    "ipynb": N_(
        "use a path relative to the project root (from notebooks/:"
        " Path('..') / 'data'), a configuration value or an environment variable"
    ),
    "config": N_(
        "use a path relative to the project root, or an environment variable"
        " that the code reads"
    ),
}
WHY_SEED = N_(
    "each run gives a different result, so the experiment cannot be reproduced"
)
GLOBAL_STATE = N_(
    "{name}() draws from {state}, which this module never seeds: {why}; call {seed}"
    " once at the start (or a seed_everything helper)"
)
STATE = {
    "numpy": (N_("numpy's global random state"), "np.random.seed(42)"),
    "random": (N_("Python's global random state"), "random.seed(42)"),
    "torch": (N_("torch's global generator"), "torch.manual_seed(42)"),
}
TORCH_STATE = {
    "loader": N_(
        "{name}(shuffle=True) shuffles with torch's global generator, which this"
        " module never seeds: {why}; call torch.manual_seed(42) at the start, or pass"
        " generator=torch.Generator().manual_seed(42)"
    ),
    "split": N_(
        "{name}() splits with torch's global generator, which this module never"
        " seeds: {why}; call torch.manual_seed(42) at the start, or pass"
        " generator=torch.Generator().manual_seed(42)"
    ),
}
SHOWN_ARGS = ("shuffle", "early_stopping", "probability")  # KFold(shuffle=True)


@dataclass(frozen=True)
class Rules:
    """The resolved options."""

    check_paths: bool
    check_seeds: bool
    training: re.Pattern[str]
    exempt: re.Pattern[str]
    allowed_paths: tuple[str, ...]
    seeds: SeedRules


def make_rules(settings: Settings) -> Rules:
    return Rules(
        settings.check_paths,
        settings.check_seeds,
        glob_regex(tuple(settings.training_code)),
        glob_regex(tuple(settings.exempt_files)),
        tuple(settings.allowed_paths),
        SeedRules(
            frozenset(settings.seed_functions),
            tuple(settings.extra_random_calls),
            tuple(settings.allowed_random_calls),
        ),
    )


def path_message(hit: PathHit, kind: str) -> str:
    return tr(
        "{what}: it exists on one machine only, so nobody else can rerun this; {fix}",
        what=hit.what,
        fix=tr(FIX_PATH[kind]),
    )


def seed_message(name: str, kind: str) -> str:
    """What is unseeded in the call ``name`` (as written), why it matters, the fix."""
    why = tr(WHY_SEED)
    if kind in STATE:
        state, seed = STATE[kind]
        head = name.rpartition(".")[0]
        if head and kind == "torch":
            seed = f"{head}.manual_seed(42)"
        elif head:
            seed = f"{head}.seed(42)"
        return tr(GLOBAL_STATE, name=name, state=tr(state), why=why, seed=seed)
    if kind == "sklearn":
        condition = CONDITION.get(name.rpartition(".")[2], "")
        args = f"{condition}=True" if condition in SHOWN_ARGS else ""
        return tr(
            "{name}({args}) has no random_state: {why}; pass random_state=42"
            " (or call np.random.seed(42) at the start)",
            name=name,
            args=args,
            why=why,
        )
    if kind == "fresh":
        return tr(
            "{name}() without a seed starts from fresh OS entropy, which no global"
            " seed reaches: {why}; pass a seed: {name}(42)",
            name=name,
            why=why,
        )
    if kind in TORCH_STATE:
        return tr(TORCH_STATE[kind], name=name, why=why)
    return tr(
        "{name}() has no seed (random_state=, seed=) and this module sets no global"
        " seed: {why}; pass one",
        name=name,
        why=why,
    )


def read_units(root: Path, path: str) -> Iterator[tuple[Source | Diagnostic, str]]:
    """``read_sources``, with each notebook cell's own source (magics and shell lines
    kept) beside its Python; '' for a ``.py`` file."""
    if not path.endswith(".ipynb"):
        yield from ((source, "") for source in read_sources(root, path))
        return
    try:
        notebook = read_notebook(root, path)
    except FileProblem as exc:
        yield exc.diagnostic, ""
        return
    for cell, text in code_cells(notebook):
        yield parse(path, text, cell.number), cell.source


def path_findings(source: Source, raw: str, rules: Rules) -> Iterator[Diagnostic]:
    """MLH701 in the string literals of ``source``, and in a notebook cell's magic and
    shell lines (``%cd /content/drive/MyDrive``), which Python does not see."""
    kind = "ipynb" if source.cell is not None else "py"
    index = LineIndex(source.text)
    for offset, literal in python_literals(source.text, source.tree):
        for hit in find_paths(literal, rules.allowed_paths):
            line, col = index.position(offset + hit.offset)
            yield source.at(line, col, "MLH701", path_message(hit, kind))
    for number, (cell_line, python) in enumerate(
        zip(raw.split("\n"), source.lines), start=1
    ):
        if raw and cell_line != python:
            for hit in find_paths(cell_line, rules.allowed_paths):
                message = path_message(hit, kind)
                yield source.at(number, hit.offset + 1, "MLH701", message)


def seed_findings(
    sources: list[Source], notebook: bool, rules: Rules
) -> list[Diagnostic]:
    """MLH702 for each random call of the module that no seed covers."""
    module = read_module([s.tree for s in sources], rules.seeds, notebook)
    found = []
    for source in sources:
        lines = source.lines
        for call, kind in unseeded_calls(source.tree, module, rules.seeds):
            col = char_column(lines[call.lineno - 1], call.col_offset) + 1
            message = seed_message(ast.unparse(call.func), kind)
            found.append(source.at(call.lineno, col, "MLH702", message))
    return found


def check_python(ctx: Context, path: str, rules: Rules) -> list[Diagnostic]:
    """A ``.py`` file or a notebook: its paths, and its seeds when it trains."""
    paths = rules.check_paths and not rules.exempt.search(path)
    seeds = rules.check_seeds and bool(rules.training.search(path))
    if not (paths or seeds):
        return []
    found: list[Diagnostic] = []
    sources = []
    for unit, raw in read_units(ctx.root, path):
        if isinstance(unit, Diagnostic):
            found.append(unit)
            continue
        sources.append(unit)
        found.extend(path_findings(unit, raw, rules) if paths else ())
    if seeds:
        found.extend(seed_findings(sources, path.endswith(".ipynb"), rules))
    return found


def check_config(ctx: Context, path: str, rules: Rules) -> list[Diagnostic]:
    """MLH701 in a configuration file's text, comments left out. Files in hidden
    folders (``.vscode/``, ``.devcontainer/``, ``.github/``) hold tool and editor
    settings, not the project's run configuration, and are skipped."""
    hidden = any(part.startswith(".") for part in path.split("/"))
    if not rules.check_paths or hidden or rules.exempt.search(path):
        return []
    try:
        text = read_text(ctx.root, path)
    except FileProblem as exc:
        return [exc.diagnostic]
    index = LineIndex(text)
    found = []
    for offset, line in config_text(path, text):
        for hit in find_paths(line, rules.allowed_paths):
            number, col = index.position(offset + hit.offset)
            found.append(
                Diagnostic(path, number, col, "MLH701", path_message(hit, "config"))
            )
    return found


def check_reproducibility(ctx: Context) -> list[Diagnostic]:
    """MLH701 and MLH702 in every file given."""
    rules = make_rules(ctx.settings)
    found: list[Diagnostic] = []
    for path in ctx.filenames:
        if not (ctx.root / path).exists():  # deleted since pre-commit listed it
            continue
        python = path.endswith((".py", ".ipynb"))
        found.extend((check_python if python else check_config)(ctx, path, rules))
    return found


HOOK = Hook(
    id=HOOK_ID,
    summary="Code, notebooks and configuration files hold no machine-specific absolute"
    " paths, and training code seeds its randomness.",
    section="experiments",
    codes=CODES,
    check=check_reproducibility,
    options=OPTIONS,
    files=r"\.(py|ipynb|ya?ml|toml|json|cfg|ini)$",
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
