"""``mlhooks init``: set a repository up for the guideline in one command.

The guideline's tools were accepted but felt like a chore to set up; init does it:
pre-commit with black, isort, flake8 (ruff where the project uses it) and the mlhooks
hooks, their settings agreeing, a CI job, a README skeleton, a ``.gitignore`` and,
when asked, the project layout. It never overwrites: an existing file gets only what
it lacks, or stays as it is with a note saying what is still missing. ``--dry-run``
shows the diff and writes nothing; a second run changes nothing. The files go to the
git work-tree root of PATH (pre-commit reads its configuration there), or to PATH
itself outside git.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Callable, Iterable

from mlhooks._cli import Hook, fail, guarded
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import Repo
from mlhooks._i18n import LANGUAGES, N_, set_language, tr

PROG = "mlhooks init"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of ``mlhooks init``."""
    parser.add_argument(
        "path", nargs="?", default=".", help="project folder (default: .)"
    )
    parser.add_argument(
        "--ci", choices=("github", "gitlab"), help="also write a CI job for this host"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the output and the README; ja also sets lang in"
        " [tool.mlhooks] (default: lang of [tool.mlhooks], else the locale)",
    )
    parser.add_argument(
        "--layout",
        action="store_true",
        help="also create the Cookiecutter Data Science folders, each with .gitkeep",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the diff, write nothing"
    )
    parser.add_argument(
        "--no-install", action="store_true", help="do not run pre-commit install"
    )
    parser.add_argument(
        "--repo",
        metavar="URL",
        help="repository of the mlhooks hooks (default: where mlhooks was installed"
        " from)",
    )
    parser.add_argument(
        "--rev", help="tag or commit of --repo to pin (default: the installed one)"
    )


def command_init(
    args: dict[str, Any],
    hooks: Iterable[Hook],
    findings: Callable[[Repo], list[Diagnostic]],
) -> int:
    """``mlhooks init`` with the parsed ``args``; its exit status. The umbrella
    command hands down every ``hooks`` record and ``findings``, what ``mlhooks check``
    reports less the baseline (init's modules never import a hook)."""
    from mlhooks._initfiles import use_hooks

    use_hooks(hooks)
    set_language(args.get("lang"))
    path = Path(args.get("path") or ".")
    if not path.is_dir():
        message = N_("{path}: not a folder; give the folder of the project to set up")
        return fail(PROG, tr(message, path=str(path)))
    from mlhooks._initplan import run_init

    return guarded(PROG, lambda: run_init(path, args, findings))
