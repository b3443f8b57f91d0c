from __future__ import annotations

import pytest

from mlhooks._configfiles import ConfigFiles
from mlhooks._precommit import PreCommit, hook_ids, parse_version

CONFIG = """\
# 整形と検査
repos:
  - repo: https://github.com/psf/black-pre-commit-mirror
    rev: 24.2.0
    hooks:
      - id: black-jupyter
        args: [--line-length=100, -l, "99", --fast]
  - repo: https://github.com/pycqa/isort
    rev: v5.13.2
    hooks:
      - id: isort
        args: [--profile, black, -w]
      - id: isort
        args: [--profile=google]
  - repo: https://github.com/astral-sh/ruff-pre-commit
    rev: e0b5ff5e6ab4f7ad25a20b0a6f9d9d8cc2d0c7a9
    hooks:
      - id: ruff-check
  - repo: local
    hooks:
      - id: flake8
        name: flake8
        entry: flake8
        language: system
        args: [--max-line-length, 88, 1]
      - {name: no id}
      - just a string
  - repo: https://github.com/x/not-hooks
    hooks: none
"""
FLAGS = {"--line-length": "line_length", "-l": "line_length", "--profile": "profile"}


def read(tmp_path, content: str | bytes | None) -> tuple[PreCommit, ConfigFiles]:
    if content is not None:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (tmp_path / ".pre-commit-config.yaml").write_bytes(data)
    files = ConfigFiles(tmp_path)
    return PreCommit.read(files), files


def test_hooks_keep_their_order_with_repo_and_rev(tmp_path):
    pre, files = read(tmp_path, CONFIG.replace("\n", "\r\n"))
    assert pre.parsed and files.problems == []
    assert [(h["id"], h["repo"], h["rev"]) for h in pre.hooks] == [
        ("black-jupyter", "https://github.com/psf/black-pre-commit-mirror", "24.2.0"),
        ("isort", "https://github.com/pycqa/isort", "v5.13.2"),
        ("isort", "https://github.com/pycqa/isort", "v5.13.2"),
        (
            "ruff-check",
            "https://github.com/astral-sh/ruff-pre-commit",
            "e0b5ff5e6ab4f7ad25a20b0a6f9d9d8cc2d0c7a9",
        ),
        ("flake8", "local", ""),
    ]


@pytest.mark.parametrize(
    ("name", "allow_ruff", "runs", "args", "flags", "version"),
    [
        (
            "black",
            False,
            True,
            ["--line-length=100", "-l", "99", "--fast"],
            {"line_length": "99"},
            (24, 2, 0),
        ),
        (
            "black-jupyter",
            False,
            True,
            ["--line-length=100", "-l", "99", "--fast"],
            {"line_length": "99"},
            (24, 2, 0),
        ),
        (
            "isort",
            False,
            True,
            ["--profile", "black", "-w"],
            {"profile": "black"},
            (5, 13, 2),
        ),
        ("flake8", False, True, ["--max-line-length", "88", "1"], {}, None),
        ("flake8", True, True, ["--max-line-length", "88", "1"], {}, None),
        ("ruff-check", False, True, [], {}, None),
        ("mypy", False, False, [], {}, None),
    ],
)
def test_hook_questions(tmp_path, name, allow_ruff, runs, args, flags, version):
    pre, _ = read(tmp_path, CONFIG)
    assert pre.runs(name, allow_ruff) is runs
    assert pre.args(name) == args
    assert pre.flags(name, FLAGS) == flags
    assert pre.version(name) == version


def test_ruff_stands_in_only_when_allowed(tmp_path):
    pre, _ = read(
        tmp_path, "repos:\n- repo: r\n  hooks: [{id: ruff}, {id: ruff-format}]\n"
    )
    assert [pre.runs(tool) for tool in ("black", "isort", "flake8")] == [False] * 3
    assert [pre.runs(tool, True) for tool in ("black", "isort", "flake8")] == [True] * 3
    assert pre.hook("black", True)["id"] == "ruff-format"
    assert pre.hook("black") == {}


def test_flags_read_as_argparse_does(tmp_path):
    pre, _ = read(
        tmp_path,
        "repos:\n- repo: r\n  hooks:\n  - id: black\n"
        "    args: [--line-length=1, --profile=, --line-length, 2, -l]\n",
    )
    assert pre.flags("black", FLAGS) == {"line_length": "", "profile": ""}
    assert pre.flags("isort", FLAGS) == {}


@pytest.mark.parametrize(
    ("content", "problems"),
    [
        (None, []),
        ("", []),
        ("# 空\n", []),
        ("repos: []\n", []),
        (
            "just a string\n",
            [
                ".pre-commit-config.yaml: MLH005 is not a pre-commit configuration:"
                " it has no 'repos' list"
            ],
        ),
        (
            "repos: {repo: local}\n",
            [
                ".pre-commit-config.yaml: MLH005 is not a pre-commit configuration:"
                " it has no 'repos' list"
            ],
        ),
        (
            "repos:\n  - repo: local\n    hooks:\n  - id: black\n   bad\n",
            [
                ".pre-commit-config.yaml:5:1: MLH005 does not parse as YAML: while"
                " parsing a block collection, expected <block end>, but found"
                " '<scalar>'"
            ],
        ),
        (
            b"repos: []\n# \x82\xa0\n",
            [
                ".pre-commit-config.yaml:2:1: MLH001 not valid UTF-8 (byte 0x82 at"
                " offset 12); re-save the file as UTF-8"
            ],
        ),
    ],
    ids=[
        "absent",
        "empty",
        "comment",
        "no repos",
        "scalar",
        "mapping",
        "YAML",
        "UTF-8",
    ],
)
def test_nothing_runs_without_a_readable_configuration(tmp_path, content, problems):
    pre, files = read(tmp_path, content)
    assert pre.hooks == () and not pre.runs("black")
    assert pre.parsed is (content is not None and not problems)
    assert [problem.as_text() for problem in files.problems] == problems


def test_old_top_level_list_of_repos(tmp_path):
    pre, _ = read(tmp_path, "- repo: local\n  hooks: [{id: isort}]\n")
    assert pre.parsed and pre.runs("isort")


@pytest.mark.parametrize(
    ("rev", "version"),
    [
        ("20.8b1", (20, 8)),
        ("22.3.0", (22, 3, 0)),
        ("v23.1.0", (23, 1, 0)),
        (" 24.2.0 ", (24, 2, 0)),
        ("26.10.1", (26, 10, 1)),
        ("stable", None),
        ("2", None),
        ("24abc0d1e2f3", None),
        ("", None),
    ],
)
def test_parse_version(rev, version):
    assert parse_version(rev) == version


@pytest.mark.parametrize(
    ("hook", "mode"),
    [
        ("{id: flake8}", ""),
        ("{id: flake8, additional_dependencies: [flake8-bugbear]}", ""),
        ("{id: flake8, additional_dependencies: ['Flake8-pyproject==1.2.3']}", "first"),
        ("{id: flake8, additional_dependencies: ['flake8_pyproject[x]>=1']}", "first"),
        ("{id: flake8, additional_dependencies: flake8-pyproject}", ""),
        ("{id: pflake8}", "last"),
        ("{id: pyproject-flake8}", "last"),
        ("{id: lint, entry: pflake8 --count}", "last"),
    ],
)
def test_flake8_reads_pyproject(tmp_path, hook, mode):
    pre, _ = read(tmp_path, f"repos:\n- repo: local\n  hooks: [{hook}]\n")
    assert pre.flake8_reads_pyproject() == mode


def test_hook_ids():
    assert hook_ids("black") == {"black", "black-jupyter"}
    assert hook_ids("flake8", allow_ruff=True) == {
        "flake8",
        "pflake8",
        "pyproject-flake8",
        "ruff",
        "ruff-check",
    }
    assert hook_ids("mypy", allow_ruff=True) == {"mypy"}
