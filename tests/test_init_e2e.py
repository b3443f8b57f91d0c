"""End to end: after ``mlhooks init`` (and the ``git add`` it asks for), our own hooks
find the tooling in order and the real pre-commit accepts the configuration; and a new
ML project goes from nothing to a green ``pre-commit run --all-files`` and a first
commit, with init and the README filled in by hand, in English and in Japanese.

The upstream black, isort and flake8 repositories are never fetched (no network): the
configuration is validated and ``mlhooks check`` runs every mlhooks hook; where the
real pre-commit runs, the same linters installed beside the tests stand in for them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
import yaml
from conftest import git, pre_commit
from test_init import AT_REV, CCDS_PYPROJECT, INDENTLESS, OWN_CONFIG, SOURCE, init

from mlhooks._initprecommit import mlhooks_ids
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


# A small but complete ML project, before mlhooks: a source package whose training
# script seeds its randomness and records the run in MLflow, mlflow in the environment
# file, the model's settings in params.yaml, a data folder holding only a .gitkeep (the
# sample makes its data, so DVC has nothing to track yet), and a notebook beside the
# script jupytext pairs it with, saved without outputs.
TRAIN = '''\
"""{module}"""

from __future__ import annotations

from pathlib import Path

import mlflow
import numpy as np
import yaml
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

PARAMS = Path(__file__).resolve().parents[2] / "params.yaml"


def load_params(path: Path) -> dict:
    """{load}
    """
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def main() -> None:
    """{main}"""
    params = load_params(PARAMS)
    np.random.seed(params["seed"])  # {seed}
    features, labels = make_classification(n_samples=500, random_state=params["seed"])
    x_train, x_test, y_train, y_test = train_test_split(
        features, labels, test_size=params["test_size"], random_state=params["seed"]
    )
    with mlflow.start_run():
        mlflow.log_params(params)
        model = LogisticRegression(C=params["C"]).fit(x_train, y_train)
        auc = roc_auc_score(y_test, model.predict_proba(x_test)[:, 1])
        mlflow.log_metric("auc", auc)


if __name__ == "__main__":
    main()
'''
WORDS = {
    "en": {
        "module": "Train the churn model on made-up data; record the run in MLflow.",
        "load": "Read the training settings.\n\n    Args:\n        path: the YAML file"
        " with seed, test_size and C.\n\n    Returns:\n        The settings by name.",
        "main": "Train a logistic regression; log its parameters and AUC to MLflow.",
        "seed": "whatever still draws from numpy's global state",
        "package": "The churn model: which customers are likely to cancel.",
        "notebook": "# A first look at the settings",
    },
    "ja": {
        "module": "合成データで解約予測モデルを学習し、実行を MLflow に記録する。",
        "load": "学習の設定を読み込む。\n\n    引数:\n        path: seed、test_size、C を"
        "書いた YAML ファイル\n\n    戻り値:\n        名前ごとの設定",
        "main": "ロジスティック回帰を学習し、パラメータと AUC を MLflow に記録する。",
        "seed": "numpy の乱数のシードも固定する",
        "package": "解約予測モデル: 解約しそうな顧客を予測する。",
        "notebook": "# 設定の確認",
    },
}
NOTEBOOK_CODE = (
    "import yaml\n\n"
    'with open("../params.yaml", encoding="utf-8") as file:\n'
    "    params = yaml.safe_load(file)\n"
    "params"
)
PAIRED_HEADER = """\
# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---
"""


def notebook(markdown: str) -> str:
    """A notebook of one markdown and one code cell, saved without outputs."""
    cells = [
        {"cell_type": "markdown", "id": "m0", "metadata": {}, "source": markdown},
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "c1",
            "metadata": {},
            "outputs": [],
            "source": NOTEBOOK_CODE,
        },
    ]
    kernel = {"display_name": "Python 3", "language": "python", "name": "python3"}
    data = {
        "cells": cells,
        "metadata": {"kernelspec": kernel},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def ml_project(lang: str) -> dict[str, str]:
    """The project's files by path, its prose in ``lang``."""
    words = WORDS[lang]
    markdown = words["notebook"]
    return {
        "requirements.txt": "mlflow>=2.9\nnumpy>=1.24\npyyaml>=6\nscikit-learn>=1.3\n",
        "params.yaml": "seed: 42\ntest_size: 0.2\nC: 1.0\n",
        "data/raw/.gitkeep": "",
        "src/churn/__init__.py": f'"""{words["package"]}"""\n',
        "src/churn/train.py": TRAIN.format(**words),
        "notebooks/1.0-eda.ipynb": notebook(markdown),
        "notebooks/1.0-eda.py": f"{PAIRED_HEADER}\n# %% [markdown]\n# {markdown}\n\n"
        f"# %%\n{NOTEBOOK_CODE}\n",
    }


# What a person writes under each heading of init's README skeleton (its title is the
# name of the project's folder).
README_TEXT = {
    "en": {
        "churn": "Predicts which customers will cancel their contract next month.",
        "Purpose": "Lets the retention team call the customers most likely to cancel"
        " first; it succeeds when its AUC beats last quarter's rule of thumb.",
        "Overview": "A logistic regression on customer features, trained by"
        " `src/churn/train.py`, which records its parameters and AUC in MLflow.",
        "Inputs and outputs": "Input: 20 numeric features per customer. Output: the"
        " probability that the customer cancels, between 0 and 1.",
        "Configuration": "`params.yaml`: `seed` fixes every random draw, `test_size`"
        " is the share held out for evaluation, `C` the inverse regularisation.",
        "Setup": "Python 3.10 or newer:\n\n```sh\npip install -r requirements.txt\n```",
        "Data": "The sample generates synthetic data with scikit-learn, so there is"
        " nothing to fetch; real data will be versioned with DVC under `data/raw`.",
        "Usage": "```sh\npython src/churn/train.py\nmlflow ui  # the runs\n```",
        "Results": "| metric | value |\n|---|---|\n| AUC (20 % held out) | 0.91 |",
    },
    "ja": {
        "churn": "翌月に契約を解約しそうな顧客を予測します。",
        "目的": "解約しそうな顧客から順に引き止めの連絡をするためのモデルです。前四半期の"
        "経験則より AUC が高ければ成功とします。",
        "概要": "顧客の特徴量によるロジスティック回帰です。`src/churn/train.py` で学習し、"
        "パラメータと AUC を MLflow に記録します。",
        "入出力": "入力: 顧客ごとに 20 個の数値の特徴量。出力: 顧客が解約する確率 (0 から 1)。",
        "設定ファイル": "`params.yaml`: `seed` は乱数のシード、`test_size` は評価用に"
        "取り分ける割合、`C` は正則化の強さの逆数です。",
        "環境構築": "Python 3.10 以上:\n\n```sh\npip install -r requirements.txt\n```",
        "データの取得": "サンプルは scikit-learn で合成データを作るため、取得するデータは"
        "ありません。実データは `data/raw` に置き DVC で管理します。",
        "使い方": "```sh\npython src/churn/train.py\nmlflow ui  # 実行の一覧\n```",
        "結果": "| 指標 | 値 |\n|---|---|\n| AUC (20 % を評価用) | 0.91 |",
    },
}


def fill_in(skeleton: str, text: dict[str, str]) -> str:
    """The hand edit: the line under each heading of the skeleton replaced by the
    text written for that heading; headings stay as init wrote them."""
    blocks = skeleton.rstrip("\n").split("\n\n")
    headings = [block.lstrip("#").strip() for block in blocks[::2]]
    assert all(block.startswith("#") for block in blocks[::2]), skeleton
    assert headings == list(text), skeleton  # every section the skeleton asks for
    blocks[1::2] = [text[heading] for heading in headings]
    return "\n\n".join(blocks) + "\n"


LINTERS = ("black", "isort", "flake8")
# The black, isort and flake8 that run the tests, as local hooks: pre-commit cannot
# clone the upstream repositories init pins without the network. Same ids and types.
LOCAL_LINTERS = (
    "  # black, isort and flake8 as installed here: their upstream repositories\n"
    "  # cannot be cloned without the network.\n"
    "  - repo: local\n    hooks:\n"
    + "".join(
        f"      - id: {tool}\n        name: {tool}\n"
        f"        entry: python -m {tool}\n        language: system\n"
        "        types: [python]\n"
        for tool in LINTERS
    )
)


def linters_installed_here(config: str, source: str) -> str:
    """init's configuration with only its black, isort and flake8 repositories
    replaced by local hooks; the mlhooks repository kept byte for byte."""
    head, *entries = re.split(r"(?m)^(?=  - repo: )", config)
    ours = [entry for entry in entries if entry.startswith(f"  - repo: {source}\n")]
    upstream = [yaml.safe_load(entry)[0] for entry in entries if entry not in ours]
    assert [[hook["id"] for hook in repo["hooks"]] for repo in upstream] == [
        [tool] for tool in LINTERS
    ], config
    return head + LOCAL_LINTERS + "".join(ours)


NEXT = {"en": "Next:", "ja": "次の手順:"}
OPTIONS = {"en": ("--layout",), "ja": ("--layout", "--lang", "ja")}
INSTALLED = "pre-commit installed at .git/hooks/pre-commit\n"
STEPS = ["  git add -A", "  pre-commit install", "  pre-commit run --all-files"]
PASSED = re.compile(r"^.*\.Passed$", re.MULTILINE)
README_FINDING = re.compile(r"^README\.md:\d+:\d+: (MLH\d+) ", re.MULTILINE)
RESULT = re.compile(r"^.*?(Passed|Skipped|Failed)\n- hook id: (\S+)$", re.MULTILINE)


def user_env(env: dict[str, str]) -> dict[str, str]:
    """The session's environment in the C locale (init's language comes from
    --lang), with the interpreter running the tests first on PATH: its ``python``
    has the linters that the local hooks run."""
    user = {key: value for key, value in env.items() if not key.startswith("LC_")}
    user["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return {**user, "LANG": "C.UTF-8"}


def run(project: Path, env: dict[str, str], *argv: str) -> tuple[int, str]:
    done = subprocess.run(
        argv, cwd=project, env=env, capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout + done.stderr


def hook_results(out: str) -> dict[str, str]:
    """Each hook's result in the output of ``pre-commit run --verbose``, by id."""
    return {hook: result for result, hook in RESULT.findall(out)}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_new_project_is_green_after_init_and_its_readme(
    lang: str, tmp_path: Path, hooks_repo: tuple[str, str], env: dict[str, str]
) -> None:
    """What a new user does: 7 commands and 1 hand-edited file. mlhooks init
    --layout; then its next steps: git add -A, pre-commit install, pre-commit run
    --all-files, which fails on the README only; README.md filled in (the hand edit);
    git add -A, pre-commit run --all-files, green; git commit. The edit of
    .pre-commit-config.yaml is not the user's: the linters stand in for their
    upstream repositories."""
    project = tmp_path / "churn"
    project.mkdir()
    git(project, "init", "-q", "-b", "main")
    for name, text in ml_project(lang).items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    user, (source, rev) = user_env(env), hooks_repo
    # --repo and --rev name the snapshot; --no-install: pre-commit install is a step.
    init = ("init", *OPTIONS[lang], "--repo", source, "--rev", rev, "--no-install")
    code, out = run(project, user, sys.executable, "-m", "mlhooks.cli", *init)
    assert code == 0, out
    assert out.endswith("".join(f"{line}\n" for line in (NEXT[lang], *STEPS))), out
    config = project / ".pre-commit-config.yaml"
    configured = linters_installed_here(config.read_text("utf-8"), source)
    config.write_text(configured, encoding="utf-8")

    git(project, "add", "-A")
    assert pre_commit(project, user, "install") == (0, INSTALLED)
    code, out = pre_commit(project, user, "run", "--all-files", "--verbose")
    assert code == 1, out
    every_hook = dict.fromkeys([*LINTERS, *mlhooks_ids()], "Passed")
    assert hook_results(out) == {**every_hook, "check-readme-sections": "Failed"}
    assert README_FINDING.findall(out) == [
        "MLH413",
        "MLH412",
    ], out  # no command, no metric

    readme = project / "README.md"
    readme.write_text(fill_in(readme.read_text("utf-8"), README_TEXT[lang]), "utf-8")
    git(project, "add", "-A")
    code, out = pre_commit(project, user, "run", "--all-files", "--verbose")
    assert code == 0, out
    assert hook_results(out) == every_hook, out
    code, out = run(project, user, "git", "commit", "-q", "-m", "First commit")
    assert code == 0, out
    assert len(PASSED.findall(out)) == len(every_hook), out
