"""End to end: after ``mlhooks init`` (and the ``git add`` it asks for), our own hooks
find the tooling in order and the real pre-commit accepts the configuration.

The upstream black, isort and flake8 repositories are never fetched (no network): the
configuration is validated, and ``mlhooks check`` runs every mlhooks hook.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from conftest import git
from test_init import AT_REV, CCDS_PYPROJECT, INDENTLESS, OWN_CONFIG, SOURCE, init

from mlhooks.cli import main as mlhooks

pytestmark = pytest.mark.e2e
SET_UP = re.compile(r"\bMLH(?:405|60[1-6])\b")  # no config, linters disagreeing
STARTS = {
    "empty repository": {},
    "own config": {".pre-commit-config.yaml": OWN_CONFIG},
    "mlhooks listed at another rev": {".pre-commit-config.yaml": INDENTLESS},
    "mlhooks listed, indentless lists": {".pre-commit-config.yaml": AT_REV},
    "Cookiecutter Data Science with ruff": {"pyproject.toml": CCDS_PYPROJECT},
    "black line-length 100": {"pyproject.toml": "[tool.black]\nline-length = 100\n"},
    "tox.ini with [flake8]": {"tox.ini": "[flake8]\nmax-line-length = 100\n"},
    "isort in setup.cfg": {"setup.cfg": "[isort]\nprofile = black\n"},
    "CRLF pyproject": {"pyproject.toml": "[project]\r\nname = 'demo'\r\n"},
}


def validate_config(root: Path) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize(
    "options",
    [
        ("--ci", "github", "--layout"),
        ("--ci", "gitlab"),
        ("--ci", "gitlab", "--lang", "ja"),  # Japanese comments in every file
    ],
)
@pytest.mark.parametrize("name", STARTS)
def test_after_init_the_tooling_is_in_order(
    name: str, options: tuple[str, ...], make_files: Callable[..., Path], capsys
) -> None:
    root = make_files(STARTS[name])
    assert init(*SOURCE, *options) == 0
    git(root, "add", "-A")
    assert validate_config(root) == (0, "")
    capsys.readouterr()
    mlhooks(["check"])
    out = capsys.readouterr().out
    assert SET_UP.findall(out) == [], out


def test_an_old_repository_is_told_about_the_baseline(make_files, capsys) -> None:
    root = make_files({"src/demo/__init__.py": "", "src/demo/train.py": "import os\n"})
    assert init(*SOURCE) == 0
    next_steps = capsys.readouterr().out.split("Next:\n")[1].splitlines()
    assert next_steps[-1] == (
        "  mlhooks baseline  # 1 finding in a file already there: record it so that"
        " only new ones fail"
    )
    git(root, "add", "-A")
    assert mlhooks(["baseline"]) == 0
    git(root, "add", "-A")
    capsys.readouterr()
    assert init(*SOURCE) == 0
    assert "mlhooks baseline" not in capsys.readouterr().out
