"""mlhooks init: exact files from each starting point, a second run changing nothing,
--dry-run, --lang ja, CI files valid against their schemas, errors as one line."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest
from conftest import git

from mlhooks._cli import Parser
from mlhooks._config import known_hook_ids
from mlhooks._init import add_arguments, command_init
from mlhooks._initfiles import template
from mlhooks._initprecommit import mlhooks_ids
from mlhooks._initsource import pip_url
from mlhooks.check_lint_config import main as check_lint_config
from mlhooks.check_readme_sections import OPTIONS, readme_problems
from mlhooks.cli import load_hooks, project_findings

URL, REV = "https://github.com/example/mlhooks", "v1.2.0"
SOURCE = ("--repo", URL, "--rev", REV, "--no-install")
PRE = ".pre-commit-config.yaml"
IDS = [  # in the order of the README's quick start
    "check-required-files",
    "check-readme-sections",
    "check-project-layout",
    "check-lint-config",
    "check-dead-code",
    "check-commented-code",
    "check-docstring-args",
    "check-notebook-pairing",
    "strip-notebook-outputs",
    "check-dvc",
    "check-mlflow",
    "check-reproducibility",
]
HEADER = (
    "# pre-commit runs these hooks on every commit: black, isort and flake8, and the\n"
    "# mlhooks checks of the ML model-development guideline.\n"
    "# Run them all with: pre-commit run --all-files\n"
)


def block(url: str, rev: str, ids: list[str], dash: int = 2, step: int = 2) -> str:
    """A repository of a block-style configuration, as init writes it."""
    pad, hook = " " * (dash + step), " " * (dash + 2 * step)
    hooks = "".join(f"{hook}- id: {i}\n" for i in ids)
    return f"{' ' * dash}- repo: {url}\n{pad}rev: {rev}\n{pad}hooks:\n{hooks}"


BLACK = block("https://github.com/psf/black-pre-commit-mirror", "26.10.1", ["black"])
ISORT = block("https://github.com/pycqa/isort", "9.0.2", ["isort"])
FLAKE8 = block("https://github.com/pycqa/flake8", "7.5.0", ["flake8"])
OURS = block(URL, REV, IDS)
NEW_CONFIG = f"{HEADER}repos:\n{BLACK}{ISORT}{FLAKE8}{OURS}"
PYPROJECT = '[tool.black]\nline-length = 88\n\n[tool.isort]\nprofile = "black"\n'
PYPROJECT += "\n[tool.mlhooks]\n"
SETUP_CFG = "[flake8]\nmax-line-length = 88\nextend-ignore = E203,E701,E704\n"
ALL_ADDED = "isort, flake8, " + ", ".join(IDS)

OWN_CONFIG = """\
# our hooks
repos:
  # formatter, pinned on purpose
  - repo: https://github.com/psf/black-pre-commit-mirror
    rev: 24.1.0  # old but fine
    hooks:
      - id: black
  - repo: local
    hooks:
      - id: pytest
        name: 'pytest'
        entry: pytest
        language: system
        pass_filenames: false
"""
INDENTLESS = """\
repos:
- repo: https://github.com/example/mlhooks.git
  rev: v0.9.0
  hooks:
  - id: check-dvc
  - id: check-notebook-outputs
- repo: https://github.com/pycqa/isort
  rev: "5.13.2"
  hooks: [{id: isort}]
- repo: https://github.com/pycqa/flake8
  rev: 7.0.0
  hooks: []
"""
KEPT = ("check-dvc", "strip-notebook-outputs")  # listed, or its twin is
LINTERS_ADDED = INDENTLESS.replace("hooks: []", "hooks: [{id: flake8}]") + (
    "- repo: https://github.com/psf/black-pre-commit-mirror\n"
    "  rev: 26.10.1\n  hooks:\n  - id: black\n"
)
AT_REV = INDENTLESS.replace("v0.9.0", REV)  # the rev init pins
MERGED_AT_REV = LINTERS_ADDED.replace("v0.9.0", REV).replace(
    "  - id: check-notebook-outputs\n",
    "  - id: check-notebook-outputs\n"
    + "".join(f"  - id: {i}\n" for i in IDS if i not in KEPT),
)
NOT_KEPT = ", ".join(i for i in IDS if i not in KEPT)
LAYOUT = "  mlhooks init --layout  # creates the 8 missing project folder(s)"
OLD_REV_NOTE = (
    f"  lacks the mlhooks hooks {NOT_KEPT}, which {URL}.git at v0.9.0 may not have"
    f" (mlhooks init would pin {REV}); run `pre-commit autoupdate --repo {URL}.git`,"
    " then `mlhooks init` again"
)
COMMENTED_PYPROJECT = """\
# Build settings of the demo model.
[project]
name = "demo"  # the distribution name

[tool.black]
line-length = 100  # wide screens
"""
JAPANESE_README = (
    "# 需要予測\n\n## 目的\n\n需要を予測します。\n\n## 使い方\n\n`python train.py`\n"
)

# (files before, exact files after (None: must not exist), status lines)
STARTS = {
    "empty repository": (
        {},
        {PRE: NEW_CONFIG, "pyproject.toml": PYPROJECT, "setup.cfg": SETUP_CFG},
        [
            f"{PRE}: created",
            "pyproject.toml: created",
            "setup.cfg: created",
            "README.md: created",
            ".gitignore: created",
        ],
    ),
    "own config with black at another rev and a local hook": (
        {PRE: OWN_CONFIG},
        {PRE: OWN_CONFIG + ISORT + FLAKE8 + OURS},
        [f"{PRE}: updated (added {ALL_ADDED})", "pyproject.toml: created"],
    ),
    "mlhooks listed at another rev: its hooks are not added": (
        {PRE: INDENTLESS},
        {PRE: LINTERS_ADDED},
        [f"{PRE}: updated (added black, flake8)", OLD_REV_NOTE],
    ),
    "mlhooks listed at the rev init pins, indentless and flow lists": (
        {PRE: AT_REV},
        {PRE: MERGED_AT_REV},
        [f"{PRE}: updated (added black, flake8, {NOT_KEPT})"],
    ),
    "pyproject with comments and black line-length 100": (
        {"pyproject.toml": COMMENTED_PYPROJECT},
        {
            "pyproject.toml": COMMENTED_PYPROJECT
            + '\n[tool.isort]\nprofile = "black"\nline_length = 100\n'
            + "\n[tool.mlhooks]\n",
            "setup.cfg": SETUP_CFG.replace("88", "100"),
        },
        [
            "pyproject.toml: updated (added [tool.isort] profile, [tool.isort]"
            " line_length, [tool.mlhooks])",
            "setup.cfg: created",
        ],
    ),
    "setup.cfg with other sections": (
        {"setup.cfg": "[metadata]\nname = demo\n\n[options]\npackages = find:\n"},
        {
            "setup.cfg": "[metadata]\nname = demo\n\n[options]\npackages = find:\n\n"
            + SETUP_CFG
        },
        ["setup.cfg: updated (added [flake8] max-line-length, [flake8] extend-ignore)"],
    ),
    "tox.ini with [flake8]": (
        {"tox.ini": "[flake8]\nexclude = .git,build\n# notes\n\n[testenv]\nx = 1\n"},
        {
            "tox.ini": "[flake8]\nexclude = .git,build\nmax-line-length = 88\n"
            "extend-ignore = E203,E701,E704\n# notes\n\n[testenv]\nx = 1\n",
            "setup.cfg": None,
        },
        ["tox.ini: updated (added [flake8] max-line-length, [flake8] extend-ignore)"],
    ),
    ".flake8 written key: value": (
        {".flake8": "[flake8]\nmax_line_length: 88\n"},
        {".flake8": "[flake8]\nmax_line_length: 88\nextend-ignore: E203,E701,E704\n"},
        [".flake8: updated (added [flake8] extend-ignore)"],
    ),
    "CRLF files and a byte order mark": (
        {
            PRE: "repos:\r\n"
            + BLACK.replace("26.10.1", "24.1.0").replace("\n", "\r\n"),
            "pyproject.toml": b"[tool.black]\r\nline-length = 88\r\n",
            "setup.cfg": b"\xef\xbb\xbf[metadata]\r\nname = demo\r\n",
        },
        {
            PRE: (
                "repos:\n" + BLACK.replace("26.10.1", "24.1.0") + ISORT + FLAKE8 + OURS
            ).replace("\n", "\r\n"),
            "pyproject.toml": PYPROJECT.replace("\n", "\r\n"),
            "setup.cfg": ("\ufeff[metadata]\nname = demo\n\n" + SETUP_CFG).replace(
                "\n", "\r\n"
            ),
        },
        [
            f"{PRE}: updated (added {ALL_ADDED})",
            "pyproject.toml: updated (added [tool.isort] profile, [tool.mlhooks])",
        ],
    ),
    "README in Japanese lacking sections": (
        {"README.md": JAPANESE_README},
        {"README.md": JAPANESE_README},
        [
            "README.md: unchanged",
            "  lacks the sections Overview, Inputs and outputs, Configuration, Setup,"
            " Data, Results, which the guideline asks for; left as it is"
            " (check-readme-sections will report them)",
        ],
    ),
}


def init(*argv: str) -> int:
    parser = Parser(prog="mlhooks init")
    add_arguments(parser)
    return command_init(vars(parser.parse_args(argv)), load_hooks(), project_findings)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` but git's own, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(root).parts[:1]
    }


def content(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


@pytest.mark.parametrize("name", STARTS)
def test_init_writes_exactly(
    name: str, make_files: Callable[..., Path], capsys
) -> None:
    before, after, lines = STARTS[name]
    root = make_files(before)
    assert init(*SOURCE) == 0
    for path, expected in after.items():
        if expected is None:
            assert not (root / path).exists()
        else:
            assert (root / path).read_bytes() == content(expected), path
    out = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line not in out] == []


@pytest.mark.parametrize("name", STARTS)
def test_a_second_run_changes_nothing(name: str, make_files, capsys) -> None:
    root = make_files(STARTS[name][0])
    assert init(*SOURCE) == 0
    first = snapshot(root)
    capsys.readouterr()
    assert init(*SOURCE) == 0
    assert snapshot(root) == first
    said = capsys.readouterr().out.split("Next:\n")[0].splitlines()
    files = [line for line in said if not line.startswith("  ")]
    assert files[-1] == "Nothing to change."
    assert [line for line in files[:-1] if not line.endswith(": unchanged")] == []


def test_mlhooks_pinned_at_another_rev_gets_a_note_under_the_file(
    make_files, capsys
) -> None:
    root = make_files({PRE: INDENTLESS})
    assert init(*SOURCE) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"{PRE}: updated (added black, flake8)",
        OLD_REV_NOTE,
    ]
    assert init(*SOURCE) == 0
    assert (root / PRE).read_text() == LINTERS_ADDED
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"{PRE}: unchanged",
        OLD_REV_NOTE,
    ]
    assert init(*SOURCE, "--lang", "ja") == 0
    ids = NOT_KEPT.replace(", ", "、")
    assert capsys.readouterr().out.splitlines()[1] == (
        f"  mlhooks のフック {ids} がありませんが、{URL}.git の v0.9.0 にはこれらの"
        f"フックがないかもしれないため追加していません (mlhooks init が固定するのは {REV})。"
        f"`pre-commit autoupdate --repo {URL}.git` を実行してから、もう一度"
        " `mlhooks init` を実行してください"
    )


def test_mlhooks_listed_and_no_rev_known_gets_its_hooks(make_files, installed) -> None:
    installed(None)  # the rev init would pin is unknown: nothing to compare
    root = make_files({PRE: INDENTLESS})
    assert init("--no-install") == 0
    assert (root / PRE).read_text() == MERGED_AT_REV.replace(REV, "v0.9.0")


@pytest.mark.parametrize(
    "before",
    [OWN_CONFIG, INDENTLESS, AT_REV, "repos: []\n", "# none yet", "repos: [] # c"],
)
def test_the_result_is_a_valid_pre_commit_configuration(
    before: str, make_files
) -> None:
    root = make_files({PRE: before})
    assert init(*SOURCE) == 0
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", PRE],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_flow_style_repos_get_flow_items(make_files) -> None:
    isort = "{repo: https://github.com/pycqa/isort, rev: 5.13.2, hooks: [{id: isort}]}"
    flow = f"repos: [{isort}]\n"
    root = make_files({PRE: flow})
    assert init(*SOURCE) == 0
    hooks = ", ".join(f"{{id: {i}}}" for i in IDS)
    assert (root / PRE).read_text() == flow.replace(
        "]}]",
        "]}, {repo: https://github.com/psf/black-pre-commit-mirror, rev: 26.10.1,"
        " hooks: [{id: black}]}, {repo: https://github.com/pycqa/flake8, rev: 7.5.0,"
        f" hooks: [{{id: flake8}}]}}, {{repo: {URL}, rev: {REV}, hooks: [{hooks}]}}]",
    )


RUFF_URL = "https://github.com/astral-sh/ruff-pre-commit"
CCDS_PYPROJECT = """\
[build-system]
requires = ["flit_core >=3.2,<4"]
build-backend = "flit_core.buildapi"

[project]
name = "demand_forecast"
version = "0.0.1"
readme = "README.md"
requires-python = "~=3.10.0"

[tool.ruff]
line-length = 99
src = ["demand_forecast"]
include = ["pyproject.toml", "demand_forecast/**/*.py"]

[tool.ruff.lint]
extend-select = ["I"]  # Add import sorting

[tool.ruff.lint.isort]
known-first-party = ["demand_forecast"]
force-sort-within-sections = true
"""
RUFF_CONFIG = (
    "# pre-commit runs these hooks on every commit: ruff (lint and format), and the\n"
    "# mlhooks checks of the ML model-development guideline.\n"
    "# Run them all with: pre-commit run --all-files\n"
    f"repos:\n  - repo: {RUFF_URL}\n    rev: v0.14.0\n    hooks:\n"
    "      - id: ruff-check\n        args: [--fix]\n      - id: ruff-format\n" + OURS
)


def test_a_ruff_project_gets_ruff_hooks_and_no_other_linter_settings(
    make_files, capsys
) -> None:
    root = make_files({"pyproject.toml": CCDS_PYPROJECT})
    assert init(*SOURCE) == 0
    assert (root / PRE).read_text() == RUFF_CONFIG
    assert (root / "pyproject.toml").read_text() == (
        CCDS_PYPROJECT + "\n[tool.mlhooks]\n"
    )
    assert not (root / "setup.cfg").exists()
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"{PRE}: created",
        "pyproject.toml: updated (added [tool.mlhooks])",
    ]
    assert check_lint_config([]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("name", ["ruff.toml", ".ruff.toml"])
def test_a_ruff_toml_makes_a_ruff_project(name: str, make_files) -> None:
    root = make_files({name: "line-length = 99\n"})
    assert init(*SOURCE) == 0
    assert (root / PRE).read_text() == RUFF_CONFIG
    assert (root / "pyproject.toml").read_text() == "[tool.mlhooks]\n"


def test_ruff_is_not_added_where_check_lint_config_forbids_it(make_files) -> None:
    pyproject = CCDS_PYPROJECT + (
        "\n[tool.mlhooks.check-lint-config]\nallow-ruff = false\n"
    )
    root = make_files({"pyproject.toml": pyproject})
    assert init(*SOURCE) == 0
    assert (root / PRE).read_text() == NEW_CONFIG
    assert (root / "pyproject.toml").read_text() == (
        pyproject
        + '\n[tool.black]\nline-length = 88\n\n[tool.isort]\nprofile = "black"\n'
    )
    assert (root / "setup.cfg").read_text() == SETUP_CFG


def test_ruff_counts_as_the_linters_where_check_lint_config_allows_it(
    make_files,
) -> None:
    ruff = block(RUFF_URL, "v0.6.0", ["ruff", "ruff-format"])
    root = make_files({PRE: f"repos:\n{ruff}"})
    assert init(*SOURCE) == 0
    assert (root / PRE).read_text() == f"repos:\n{ruff}{OURS}"
    assert (root / "pyproject.toml").read_text() == "[tool.mlhooks]\n"
    assert not (root / "setup.cfg").exists()


@pytest.mark.parametrize(
    "rev, lint",
    [("v0.6.0", "ruff"), ("v0.11.9", "ruff-check"), ("1a2b3c4", "ruff")],
)
def test_a_listed_ruff_gets_the_linter_its_rev_has(
    rev: str, lint: str, make_files
) -> None:
    ruff = block(RUFF_URL, rev, ["ruff-format"])
    root = make_files({PRE: f"repos:\n{ruff}" + OURS, "ruff.toml": ""})
    assert init(*SOURCE) == 0
    assert (root / PRE).read_text() == (
        f"repos:\n{ruff}      - id: {lint}\n        args: [--fix]\n" + OURS
    )


@pytest.mark.parametrize(
    "files, where",
    [
        ({PRE: "repos:\n  - repo: x\n   bad: [\n"}, f"{PRE}:3: does not parse as YAML"),
        (
            {"pyproject.toml": "[tool.black\n"},
            "pyproject.toml:1: does not parse as TOML",
        ),
        ({"setup.cfg": "no section\n"}, "setup.cfg:1: does not parse as INI"),
        ({"setup.cfg": b"[flake8]\nx = \xe9\n"}, "setup.cfg:2: not valid UTF-8"),
        ({PRE: "- repo: local\n"}, f"{PRE}: not a pre-commit configuration"),
        ({"pyproject.toml": 'tool = "x"\n'}, "pyproject.toml: tool is not a table"),
    ],
)
def test_an_unreadable_file_stops_everything(
    files: dict[str, Any], where: str, make_files, capsys
) -> None:
    root = make_files(files)
    before = snapshot(root)
    assert init(*SOURCE) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"mlhooks init: error: {where}")
    assert captured.err.count("\n") == 1
    assert snapshot(root) == before


def test_disagreeing_settings_are_kept_and_named(make_files, capsys) -> None:
    pyproject = "[tool.black]\nline-length = 100\n\n[tool.isort]\nline_length = 79\n"
    root = make_files({"pyproject.toml": pyproject})
    assert init(*SOURCE) == 0
    assert (
        (root / "pyproject.toml")
        .read_text()
        .startswith(pyproject + 'profile = "black"\n')
    )
    out = capsys.readouterr().out
    note = "  left as it is; check-lint-config will report it: MLH601 isort"
    assert out.splitlines()[2].startswith(f"{note} line_length = 79")


def added(text: str) -> str:
    return "".join(f"+{line}\n" for line in text.splitlines())


DRY_RUN = (
    f"--- a/{PRE}\n+++ b/{PRE}\n@@ -3,3 +3,26 @@\n"
    "     rev: 24.1.0\n     hooks:\n       - id: black\n"
    + added(ISORT + FLAKE8 + OURS)
    + """\
--- a/pyproject.toml
+++ b/pyproject.toml
@@ -1,2 +1,8 @@
 [tool.black]
 line-length = 100
+
+[tool.isort]
+profile = "black"
+line_length = 100
+
+[tool.mlhooks]
--- a/setup.cfg
+++ b/setup.cfg
@@ -1,2 +1,6 @@
 [metadata]
-name = demo
\\ No newline at end of file
+name = demo
+
+[flake8]
+max-line-length = 100
+extend-ignore = E203,E701,E704
"""
    + f"{PRE}: would be updated (adding {ALL_ADDED})\n"
    + "pyproject.toml: would be updated (adding [tool.isort] profile, [tool.isort]"
    " line_length, [tool.mlhooks])\n"
    "setup.cfg: would be updated (adding [flake8] max-line-length, [flake8]"
    " extend-ignore)\n"
    "README.md: unchanged\n"
    ".gitignore: unchanged\n"
    "Dry run: nothing was written.\n"
)


def test_dry_run_prints_the_diff_and_writes_nothing(make_files, capsys) -> None:
    files = {
        PRE: "repos:\n" + BLACK.replace("26.10.1", "24.1.0"),
        "pyproject.toml": "[tool.black]\nline-length = 100\n",
        "setup.cfg": "[metadata]\nname = demo",
        "README.md": template("README.en.md").replace("${project}", "demo"),
        ".gitignore": "*.pyc\n",
    }
    root = make_files(files)
    before = snapshot(root)
    assert init(*SOURCE, "--dry-run") == 0
    assert snapshot(root) == before
    assert capsys.readouterr().out == DRY_RUN


def test_dry_run_of_a_set_up_repository_shows_no_diff(make_files, capsys) -> None:
    make_files({})
    init(*SOURCE)
    capsys.readouterr()
    assert init(*SOURCE, "--dry-run") == 0
    out = capsys.readouterr().out
    assert not out.startswith("---")
    assert out.endswith(
        "README.md: unchanged\n.gitignore: unchanged\nDry run: nothing was written.\n"
    )


def test_lang_ja_writes_a_japanese_readme_and_speaks_japanese(
    make_files, capsys
) -> None:
    root = make_files({})
    assert init(*SOURCE, "--lang", "ja") == 0
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme == template("README.ja.md").replace("${project}", root.name)
    assert "## 目的\n" in readme and "## 結果\n" in readme
    assert (
        (root / "pyproject.toml").read_text().endswith('[tool.mlhooks]\nlang = "ja"\n')
    )
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"{PRE}: 作成しました", "pyproject.toml: 作成しました"]
    assert "次の手順:" in out


def test_missing_sections_are_named_by_the_skeleton_headings_in_japanese(
    make_files, capsys
) -> None:
    make_files({"README.md": JAPANESE_README})
    assert init(*SOURCE, "--lang", "ja") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[out.index("README.md: 変更なし") + 1] == (
        "  ガイドラインが求めるセクション 概要、入出力、設定ファイル、環境構築、"
        "データの取得、結果 がありません。そのままにしました"
        " (check-readme-sections が報告します)"
    )


def test_lang_ja_keeps_another_configured_language(make_files, capsys) -> None:
    root = make_files({"pyproject.toml": '[tool.mlhooks]\nlang = "en"\n'})
    assert init(*SOURCE, "--lang", "ja") == 0
    assert '[tool.mlhooks]\nlang = "en"\n' in (root / "pyproject.toml").read_text()
    assert "  [tool.mlhooks] の lang = en はそのままにしました (--lang ja)" in (
        capsys.readouterr().out.splitlines()
    )


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_readme_skeleton_has_every_section(lang: str) -> None:
    settings = {o.name: o.default for o in OPTIONS}
    text = template(f"README.{lang}.md").replace("${project}", "demo")
    codes = [d.code for d in readme_problems("README.md", text, settings)]
    assert codes == ["MLH412", "MLH413"]  # a number and a command are the author's


def test_the_gitignore_keeps_dvc_files_and_ignores_caches(make_files) -> None:
    root = make_files({})
    init(*SOURCE)
    names = [
        "a.csv.dvc",
        ".mlhooks_cache/x",
        "mlruns/0/meta.yaml",
        "m/__pycache__/x.pyc",
    ]
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *names],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert done.stdout.split() == names[1:]


def schema_valid(schema: str, path: Path) -> tuple[int, str]:
    command = [shutil.which("check-jsonschema") or "check-jsonschema"]
    done = subprocess.run(
        [*command, "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stdout + done.stderr


WORKFLOW = """\
# Runs every pre-commit hook (the linters and the mlhooks checks of the ML
# model-development guideline) on every push to main or master and every pull request.
name: mlhooks
on:
  push:
    branches: [main, master]
  pull_request:
permissions:
  contents: read
jobs:
  pre-commit:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        id: python
        with:
          python-version: "3.x"
      - uses: actions/cache@v4
        with:
          path: ~/.cache/pre-commit
          key: pre-commit-${{ steps.python.outputs.python-version }}-${{\
 hashFiles('.pre-commit-config.yaml') }}
      - run: pip install pre-commit
      - run: pre-commit run --all-files --show-diff-on-failure
"""


def test_github_workflow_is_valid(make_files, capsys) -> None:
    root = make_files({})
    assert init(*SOURCE, "--ci", "github") == 0
    workflow = root / ".github/workflows/mlhooks.yml"
    assert workflow.read_text() == WORKFLOW
    assert schema_valid("vendor.github-workflows", workflow) == (
        0,
        "ok -- validation done\n",
    )
    text = workflow.read_text()
    assert "path: ~/.cache/pre-commit" in text
    assert "hashFiles('.pre-commit-config.yaml')" in text
    assert "steps.python.outputs.python-version" in text
    assert "run: pre-commit run --all-files --show-diff-on-failure" in text


def test_an_existing_workflow_is_left_as_it_is(make_files, capsys) -> None:
    root = make_files({".github/workflows/mlhooks.yml": "on: push\n"})
    assert init(*SOURCE, "--ci", "github") == 0
    assert (root / ".github/workflows/mlhooks.yml").read_text() == "on: push\n"
    out = capsys.readouterr().out.splitlines()
    assert out[3:5] == [
        ".github/workflows/mlhooks.yml: unchanged",
        "  differs from the workflow mlhooks init writes; left as it is",
    ]


GITLAB_JOB = f"""\
# Runs every pre-commit hook (the linters and the mlhooks checks of the ML
# model-development guideline); merge requests show mlhooks' findings as Code Quality.
mlhooks:
  image: python:3.12
  variables:
    PRE_COMMIT_HOME: ${{CI_PROJECT_DIR}}/.cache/pre-commit
  cache:
    key:
      files:
        - .pre-commit-config.yaml
    paths:
      - .cache/pre-commit
  before_script: []  # not the pipeline's default before_script
  script:
    - pip install pre-commit 'mlhooks @ git+{URL}@{REV}'
    - mlhooks check --format gitlab > gl-code-quality-report.json || test $? -eq 1
    - pre-commit run --all-files --show-diff-on-failure
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
"""
DEFAULT_BEFORE = "default:\n  before_script:\n    - pip install -r requirements.txt\n"


@pytest.mark.parametrize(
    "before, after",
    [
        ("", GITLAB_JOB),
        (
            "stages: [build, deploy]\nbuild:\n  stage: build\n  script: [make]",
            "stages: [build, deploy]\nbuild:\n  stage: build\n  script: [make]\n\n"
            + GITLAB_JOB.replace("\nmlhooks:\n", "\nmlhooks:\n  stage: .pre\n"),
        ),
        (
            "test:\n  script: [pytest]\n",
            "test:\n  script: [pytest]\n\n" + GITLAB_JOB,
        ),
        (DEFAULT_BEFORE, DEFAULT_BEFORE + "\n" + GITLAB_JOB),
    ],
)
def test_gitlab_job_is_appended_and_valid(before: str, after: str, make_files) -> None:
    root = make_files({".gitlab-ci.yml": before} if before else {})
    assert init(*SOURCE, "--ci", "gitlab") == 0
    path = root / ".gitlab-ci.yml"
    assert path.read_text() == after
    assert schema_valid("vendor.gitlab-ci", path) == (0, "ok -- validation done\n")
    text = path.read_text()
    assert "PRE_COMMIT_HOME: ${CI_PROJECT_DIR}/.cache/pre-commit" in text
    assert "mlhooks check --format gitlab > gl-code-quality-report.json" in text
    assert "codequality: gl-code-quality-report.json" in text
    assert "when: always" in text


def test_a_gitlab_job_of_that_name_is_kept(make_files, capsys) -> None:
    before = "mlhooks:\n  script: [echo]\n"
    root = make_files({".gitlab-ci.yml": before})
    assert init(*SOURCE, "--ci", "gitlab") == 0
    assert (root / ".gitlab-ci.yml").read_text() == before
    assert ".gitlab-ci.yml: unchanged" in capsys.readouterr().out.splitlines()


JA_HEADER = (
    "# pre-commit がコミットのたびに次のフックを実行します: black、isort、flake8 と、\n"
    "# ML モデル開発ガイドラインの mlhooks チェック。\n"
    "# すべてのフックを実行するには: pre-commit run --all-files\n"
)
JA_WORKFLOW = (
    "# pre-commit の全フック (リンターと、ML モデル開発ガイドラインの mlhooks チェック)"
    " を、\n# main または master へのプッシュとプルリクエストのたびに実行します。\n"
    + WORKFLOW.split("\n", 2)[2]
)
JA_GITLAB_JOB = (
    "# pre-commit の全フック (リンターと、ML モデル開発ガイドラインの mlhooks チェック)"
    " を\n# 実行します。mlhooks の指摘はマージリクエストに Code Quality として"
    "表示されます。\n"
    + GITLAB_JOB.split("\n", 2)[2].replace(
        "[]  # not the pipeline's default before_script\n",
        "[]  # パイプライン既定 (default) の before_script は実行しない\n",
    )
)
GITIGNORE = """\
# Python
__pycache__/
*.py[cod]
*.egg-info/
build/
dist/

# Virtual environments and secrets
.venv/
venv/
.env

# Tool caches
.cache/
.pytest_cache/
.mypy_cache/
.ipynb_checkpoints/
.mlhooks_cache/

# Experiment tracking (MLflow)
mlruns/
mlartifacts/
"""
JA_GITIGNORE = (
    GITIGNORE.replace("# Python\n", "# Python のキャッシュとビルド成果物\n")
    .replace("# Virtual environments and secrets\n", "# 仮想環境と秘密情報\n")
    .replace("# Tool caches\n", "# ツールのキャッシュ\n")
    .replace("# Experiment tracking (MLflow)\n", "# 実験管理 (MLflow)\n")
)
JA_FILES = {
    PRE: f"{JA_HEADER}repos:\n{BLACK}{ISORT}{FLAKE8}{OURS}",
    "pyproject.toml": PYPROJECT + 'lang = "ja"\n',
    "setup.cfg": SETUP_CFG,
    ".gitignore": JA_GITIGNORE,
}
CI_FILES = {
    "github": (".github/workflows/mlhooks.yml", "vendor.github-workflows"),
    "gitlab": (".gitlab-ci.yml", "vendor.gitlab-ci"),
}


def test_the_comments_init_writes_in_english(make_files) -> None:
    root = make_files({})
    assert init(*SOURCE) == 0
    assert (root / PRE).read_text() == NEW_CONFIG
    assert (root / ".gitignore").read_text() == GITIGNORE


@pytest.mark.parametrize(
    "ci, written", [("github", JA_WORKFLOW), ("gitlab", JA_GITLAB_JOB)]
)
def test_lang_ja_writes_every_comment_in_japanese(
    ci: str, written: str, make_files
) -> None:
    root = make_files({})
    assert init(*SOURCE, "--lang", "ja", "--ci", ci) == 0
    path, schema = CI_FILES[ci]
    files = {**JA_FILES, path: written}
    assert {name: (root / name).read_text() for name in files} == files
    assert schema_valid(schema, root / path) == (0, "ok -- validation done\n")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", PRE],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_japanese_locale_writes_japanese_comments_for_ruff(
    make_files, monkeypatch
) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    root = make_files({"ruff.toml": "line-length = 99\n"})
    assert init(*SOURCE) == 0
    assert (root / PRE).read_text() == RUFF_CONFIG.replace(
        RUFF_CONFIG.split("repos:\n")[0],
        JA_HEADER.replace("black、isort、flake8", "ruff (リントとフォーマット)"),
    )
    assert (root / "pyproject.toml").read_text() == "[tool.mlhooks]\n"


def test_lang_in_pyproject_writes_japanese_comments(make_files) -> None:
    root = make_files({"pyproject.toml": '[tool.mlhooks]\nlang = "ja"\n'})
    assert init(*SOURCE, "--ci", "gitlab") == 0
    assert (root / PRE).read_text().startswith(JA_HEADER)
    assert (root / ".gitlab-ci.yml").read_text() == JA_GITLAB_JOB


JA_LOCALE, EN_LOCALE = "ja_JP.UTF-8", "C.UTF-8"
Run = tuple[str, tuple[str, ...]]  # the locale, and the flags


@pytest.mark.parametrize("ci", CI_FILES)
@pytest.mark.parametrize(
    "first, then",
    [
        ((EN_LOCALE, ("--lang", "en")), (JA_LOCALE, ())),
        ((EN_LOCALE, ("--lang", "ja")), (EN_LOCALE, ("--lang", "en"))),
        ((JA_LOCALE, ()), (EN_LOCALE, ())),
    ],
)
def test_a_run_in_the_other_language_changes_nothing(
    first: Run, then: Run, ci: str, make_files, monkeypatch, capsys
) -> None:
    """A file init wrote in one language counts as written in the other."""

    def run(locale: str, flags: tuple[str, ...]) -> None:
        monkeypatch.setenv("LANG", locale)
        assert init(*SOURCE, "--ci", ci, *flags) == 0

    root = make_files({})
    run(*first)
    before = snapshot(root)
    capsys.readouterr()
    run(*then)
    assert snapshot(root) == before
    out = capsys.readouterr().out
    said = re.split(r"Next:\n|次の手順:\n", out)[0].splitlines()
    assert said[-1] in ("Nothing to change.", "変更するものはありません。")
    unchanged = (": unchanged", ": 変更なし")
    assert [line for line in said[:-1] if not line.endswith(unchanged)] == []


@pytest.mark.parametrize("ci", CI_FILES)
def test_lang_ja_after_english_adds_only_the_setting(
    ci: str, make_files, capsys
) -> None:
    root = make_files({})
    assert init(*SOURCE, "--ci", ci) == 0
    before = snapshot(root)
    capsys.readouterr()
    assert init(*SOURCE, "--ci", ci, "--lang", "ja") == 0
    after = snapshot(root)
    assert after.pop("pyproject.toml") == content(PYPROJECT + 'lang = "ja"\n')
    before.pop("pyproject.toml")
    assert after == before
    said = capsys.readouterr().out.split("次の手順:\n")[0].splitlines()
    assert said[1] == "pyproject.toml: 更新しました ([tool.mlhooks] lang を追加)"
    assert [line for line in said if line.startswith("  ")] == []


def test_layout_folders_get_a_gitkeep(make_files, capsys) -> None:
    root = make_files({"models": "not a folder\n", "notebooks/eda.py": "x = 1\n"})
    assert init(*SOURCE, "--layout") == 0
    kept = sorted(p.relative_to(root).as_posix() for p in root.rglob(".gitkeep"))
    assert kept == [
        "data/external/.gitkeep",
        "data/interim/.gitkeep",
        "data/processed/.gitkeep",
        "data/raw/.gitkeep",
        "references/.gitkeep",
        "reports/figures/.gitkeep",
    ]
    assert (root / "data/raw/.gitkeep").read_bytes() == b""
    capsys.readouterr()
    assert init(*SOURCE, "--layout") == 0
    out = capsys.readouterr().out.splitlines()
    assert "data/raw/.gitkeep: unchanged" in out
    assert "Nothing to change." in out


def test_next_steps_before_the_first_commit_add_everything(make_files, capsys) -> None:
    make_files({"src/demo/train.py": "x = 1\n"}, track=False)
    init(*SOURCE)
    out = capsys.readouterr().out
    assert out.split("Next:\n")[1] == (
        f"{LAYOUT}\n  git add -A\n  pre-commit install\n  pre-commit run --all-files\n"
    )


def test_next_steps_list_the_files_init_manages_left_uncommitted(
    make_files, capsys
) -> None:
    def next_steps() -> list[str]:
        assert init(*SOURCE) == 0
        steps = capsys.readouterr().out.split("Next:\n")[1].splitlines()
        assert steps[0] == LAYOUT  # the folders were never asked for
        return steps[1:]

    root = make_files({"pyproject.toml": "[project]\nname = 'demo'\n"})
    git(root, "commit", "-q", "-m", "one")
    (root / "scratch.py").write_text("x = 1\n")  # not init's: never listed
    done = f"  git add {PRE} pyproject.toml setup.cfg README.md .gitignore"
    assert next_steps()[0] == done
    assert next_steps()[0] == done  # nothing changed, nothing committed yet
    git(root, "add", PRE, "pyproject.toml")
    git(root, "commit", "-q", "-m", "two")
    git(root, "add", "setup.cfg")  # staged, still uncommitted
    assert next_steps()[0] == "  git add setup.cfg README.md .gitignore"
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "three")
    assert next_steps() == ["  pre-commit install", "  pre-commit run --all-files"]


def test_outside_git_the_folder_itself_is_set_up(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "project").mkdir()
    assert init("project", *SOURCE) == 0
    assert (tmp_path / "project" / PRE).read_text() == NEW_CONFIG
    out = capsys.readouterr().out
    assert out.startswith(f"project/{PRE}: created\n")
    assert out.split("Next:\n")[1].splitlines()[:4] == [
        f"  cd {tmp_path / 'project'}",
        "  git init",
        LAYOUT,
        "  git add -A",
    ]


def test_not_a_folder(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert init("missing", *SOURCE) == 2
    assert capsys.readouterr().err == (
        "mlhooks init: error: missing: not a folder; give the folder of the project"
        " to set up\n"
    )


class Installed:
    """A distribution whose direct_url.json is ``info``."""

    def __init__(self, info: dict[str, Any] | None) -> None:
        self.info = info

    def read_text(self, name: str) -> str | None:
        return json.dumps(self.info) if self.info else None


@pytest.fixture
def installed(monkeypatch) -> Callable[[dict[str, Any] | None], None]:
    def install(info: dict[str, Any] | None) -> None:
        monkeypatch.setattr(
            importlib.metadata, "distribution", lambda _: Installed(info)
        )

    return install


def test_the_repository_comes_from_a_git_install(make_files, installed) -> None:
    vcs = {"vcs": "git", "requested_revision": "v2.0.0", "commit_id": "a" * 40}
    installed({"url": "https://github.com/team/mlhooks.git", "vcs_info": vcs})
    root = make_files({})
    assert init("--no-install") == 0
    data = (root / PRE).read_text()
    assert "  - repo: https://github.com/team/mlhooks.git\n    rev: v2.0.0\n" in data


@pytest.mark.parametrize("tagged", [True, False])
def test_the_repository_comes_from_a_folder_install(
    tagged: bool, tmp_path, make_files, installed, capsys
) -> None:
    folder = tmp_path / "mlhooks-clone"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    git(folder, "commit", "-q", "--allow-empty", "-m", "one")
    if tagged:
        git(folder, "tag", "v3.1.0")
    sha = git(folder, "rev-parse", "HEAD").strip()
    installed({"url": folder.as_uri(), "dir_info": {"editable": True}})
    root = make_files({})
    assert init("--no-install") == 0
    rev = "v3.1.0" if tagged else sha
    assert f"  - repo: {folder}\n    rev: {rev}\n" in (root / PRE).read_text()
    out = capsys.readouterr().out.splitlines()
    assert out[1:3] == [
        f"  the mlhooks hooks come from the folder {folder}, which other clones and CI"
        " cannot reach; to share them, pass --repo with a URL they can reach",
        "pyproject.toml: created",
    ]


def changed_clone(tmp_path: Path) -> tuple[Path, str]:
    """A clone of mlhooks whose committed file has changed since."""
    folder = tmp_path / "mlhooks-clone"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    (folder / "hook.py").write_text("x = 1\n")
    (folder / "notes.txt").write_text("untracked: never counts\n")
    git(folder, "add", "hook.py")
    git(folder, "commit", "-q", "-m", "one")
    (folder / "hook.py").write_text("x = 2\n")
    return folder, git(folder, "rev-parse", "HEAD").strip()


@pytest.mark.parametrize("how", ["installed", "--repo"])
def test_uncommitted_changes_of_the_folder_are_told(
    how: str, tmp_path, make_files, installed, capsys
) -> None:
    folder, sha = changed_clone(tmp_path)
    installed({"url": folder.as_uri(), "dir_info": {"editable": True}})
    make_files({})
    argv = ("--repo", str(folder)) if how == "--repo" else ()
    assert init(*argv, "--no-install") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:3] == [
        f"  the mlhooks hooks come from the folder {folder}, which other clones and CI"
        " cannot reach; to share them, pass --repo with a URL they can reach",
        f"  the folder {folder} has uncommitted changes: pre-commit will run the hooks"
        f" as of commit {sha}, not the ones installed; commit them, or pass --repo"
        " and --rev",
    ]


def test_a_rev_given_for_a_changed_folder_is_taken_as_meant(
    tmp_path, make_files, capsys
) -> None:
    folder, sha = changed_clone(tmp_path)
    make_files({})
    assert init("--repo", str(folder), "--rev", sha, "--no-install") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:3] == [
        f"  the mlhooks hooks come from the folder {folder}, which other clones and CI"
        " cannot reach; to share them, pass --repo with a URL they can reach",
        "pyproject.toml: created",
    ]


def test_the_local_folder_warning_in_japanese(tmp_path, make_files, capsys) -> None:
    folder, sha = changed_clone(tmp_path)
    make_files({})
    assert init("--repo", str(folder), "--no-install", "--lang", "ja") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:3] == [
        f"  mlhooks のフックはフォルダ {folder} から取得しますが、ほかのクローンや CI"
        " からはアクセスできません。共有するには、アクセスできる URL を --repo で"
        "指定してください",
        f"  フォルダ {folder} にコミットされていない変更があります。pre-commit が実行"
        f"するのはインストールされたフックではなく、コミット {sha} 時点のフックです。"
        "変更をコミットするか、--repo と --rev を指定してください",
    ]


@pytest.mark.parametrize(
    "argv, error",
    [
        (
            (),
            "cannot tell where the mlhooks hooks come from (mlhooks was not installed"
            " from a git repository or a folder); pass --repo URL and --rev REV",
        ),
        (
            ("--repo", URL),
            f"no revision of {URL} to pin; pass --rev with a tag or commit",
        ),
    ],
)
def test_no_known_repository_asks_for_repo(
    argv: tuple[str, ...], error: str, make_files, installed, capsys
) -> None:
    installed(None)
    root = make_files({})
    assert init(*argv, "--no-install") == 2
    assert capsys.readouterr().err == f"mlhooks init: error: {error}\n"
    assert snapshot(root) == {}


def test_pip_spells_scp_urls_as_ssh() -> None:
    assert pip_url("git@github.com:team/mlhooks.git") == (
        "ssh://git@github.com/team/mlhooks.git"
    )
    assert pip_url(URL) == URL


def test_the_hooks_follow_the_readme_quick_start() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("```yaml\n", 1)[1]
    listed = re.findall(r"- id: ([\w-]+)", quick_start.split("```", 1)[0])
    assert listed == IDS == mlhooks_ids()


def test_the_checking_twin_of_a_fixer_is_left_out() -> None:
    assert mlhooks_ids() == IDS
    assert set(known_hook_ids()) - set(IDS) == {"check-notebook-outputs"}


needs_pre_commit = pytest.mark.skipif(
    shutil.which("pre-commit") is None, reason="pre-commit is not on PATH"
)


@needs_pre_commit
def test_pre_commit_install_runs_once(
    make_files, monkeypatch, tmp_path, capsys
) -> None:
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    root = make_files({})
    assert init("--repo", URL, "--rev", REV) == 0
    assert (root / ".git/hooks/pre-commit").is_file()
    out = capsys.readouterr().out
    assert ".git/hooks/pre-commit: installed (pre-commit install)\n" in out
    assert "  pre-commit install\n" not in out
    assert init("--repo", URL, "--rev", REV) == 0
    out = capsys.readouterr().out
    assert ".git/hooks/pre-commit: unchanged\nNothing to change.\n" in out


@needs_pre_commit
def test_a_failing_pre_commit_install_is_one_line(
    make_files, monkeypatch, tmp_path, capsys
) -> None:
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    root = make_files({})
    git(root, "config", "core.hooksPath", "my-hooks")
    assert init("--repo", URL, "--rev", REV) == 0
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if "pre-commit install failed" in line]
    assert failed == [
        "pre-commit install failed: [ERROR] Cowardly refusing to install hooks with"
        " `core.hooksPath` set. hint: `git config --unset-all core.hooksPath`"
    ]
    assert "  pre-commit install\n" in out


def test_a_disagreement_in_another_file_is_noted_under_it(make_files, capsys) -> None:
    make_files({".isort.cfg": "[settings]\nprofile = google\n"})
    assert init(*SOURCE) == 0
    out = capsys.readouterr().out.split("Next:\n")[0].splitlines()
    assert out[-2] == ".isort.cfg: unchanged"
    assert out[-1].startswith(
        "  left as it is; check-lint-config will report it: MLH602 isort does not use"
        " the black profile"
    )
