"""End to end: the real pre-commit installs this checkout and runs each hook.

A session-wide snapshot of the checkout (tracked and new files, as a clean git
repository) is what pre-commit installs, once, into a private PRE_COMMIT_HOME. Each
test then runs ``pre-commit try-repo`` on a throwaway project, as a commit would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import git, pre_commit

pytestmark = pytest.mark.e2e


def try_repo(project: Path, hooks_repo, env, hook_id: str, *args: str):
    source, rev = hooks_repo
    return pre_commit(
        project,
        env,
        "try-repo",
        source,
        hook_id,
        "--ref",
        rev,
        "--all-files",
        "--color",
        "never",
        *args,
    )


def project_with(tmp_path: Path, files: dict[str, str]) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q", "-b", "main")
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    git(project, "add", "-A")
    return project


def test_check_required_files(tmp_path, hooks_repo, env):
    project = project_with(tmp_path, {"README.md": "# x\n", "params.yaml": "a: 1\n"})
    code, out = try_repo(project, hooks_repo, env, "check-required-files")
    assert code == 1, out
    assert "- hook id: check-required-files\n- exit code: 1\n" in out
    assert "\n.: MLH401 no environment file: " in out
    assert "\n.: MLH404 no .gitignore: " in out
    assert "MLH402" not in out and "MLH403" not in out

    files = {"requirements.txt": "x\n", ".gitignore": "*.pyc\n"}
    files[".pre-commit-config.yaml"] = "repos: []\n"
    for name, text in files.items():
        (project / name).write_text(text)
    git(project, "add", "-A")
    code, out = try_repo(project, hooks_repo, env, "check-required-files")
    assert code == 0, out
    assert "check required files" in out and "Passed" in out


def test_a_commit_is_blocked_and_then_allowed(tmp_path, hooks_repo, env):
    source, rev = hooks_repo
    config = (
        f"repos:\n- repo: {source}\n  rev: {rev}\n  hooks:\n"
        "  - id: check-required-files\n"
    )
    project = project_with(tmp_path, {".pre-commit-config.yaml": config})
    code, out = pre_commit(project, env, "install")
    assert code == 0, out
    commit = subprocess.run(
        ["git", "commit", "-q", "-m", "first"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert commit.returncode == 1
    assert ".: MLH402 no README: " in commit.stdout + commit.stderr


def test_check_readme_sections(tmp_path, hooks_repo, env):
    readme = (
        "# 解約予測モデル\n\n## 目的\n顧客の解約を予測する。\n\n## 概要\n勾配ブースティング。\n\n"
        "## 入出力\nCSV\n\n## 設定ファイル\nparams.yaml\n\n## 環境構築\n```\npip install .\n```\n"
        "\n## データの取得\nS3\n\n## 使い方\n学習を実行する。\n\n## 結果\nAUC 0.91\n"
    )
    project = project_with(tmp_path, {"README.md": readme})
    code, out = try_repo(project, hooks_repo, env, "check-readme-sections")
    assert code == 1, out
    assert '\nREADME.md:23:1: MLH413 usage section "使い方" shows no command: ' in out
    assert "MLH411" not in out and "MLH412" not in out


def test_check_project_layout_fix_through_args(tmp_path, hooks_repo, env):
    source, rev = hooks_repo
    config = (
        f"repos:\n- repo: {source}\n  rev: {rev}\n  hooks:\n"
        "  - id: check-project-layout\n"
        "    args: [--fix, --required, 'models,data/raw']\n"
    )
    files = {".pre-commit-config.yaml": config, "churn/__init__.py": ""}
    project = project_with(tmp_path, files)
    code, out = pre_commit(project, env, "run", "--all-files", "--color", "never")
    assert code == 1, out
    assert "\ndata/raw: MLH421 missing folder data/raw " in out
    assert out.count("[fixed]") == 2
    assert (project / "models" / ".gitkeep").read_bytes() == b""
    git(project, "add", "-A")
    code, out = pre_commit(project, env, "run", "--all-files", "--color", "never")
    assert code == 0, out


def test_check_lint_config(tmp_path, hooks_repo, env):
    files = {
        "pyproject.toml": "[tool.black]\nline-length = 100\n\n"
        "[tool.isort]\nprofile = 'black'\n",
        "setup.cfg": "[flake8]\nmax-line-length = 88\nextend-ignore = E203,E701\n",
    }
    project = project_with(tmp_path, files)
    code, out = try_repo(project, hooks_repo, env, "check-lint-config")
    assert code == 1, out
    assert (
        "\nsetup.cfg:2:1: MLH601 flake8 max-line-length = 88 (setup.cfg [flake8])"
        " is shorter than black line-length = 100 (pyproject.toml [tool.black]): "
    ) in out
    assert (
        "\npyproject.toml:5:1: MLH601 isort line_length = 88 (pyproject.toml"
        " [tool.isort], profile black) is shorter than black line-length = 100"
    ) in out


def test_broken_configuration_is_one_line_exit_2(tmp_path, hooks_repo, env):
    files = {"pyproject.toml": "[tool.mlhooks]\nselcet = ['MLH4']\n"}
    project = project_with(tmp_path, files)
    code, out = try_repo(project, hooks_repo, env, "check-required-files")
    assert code == 1, out  # pre-commit reports any non-zero status as 1
    assert "- exit code: 2\n" in out
    assert (
        "check-required-files: error: pyproject.toml: unknown key 'selcet'"
        " (did you mean 'select'?"
    ) in out
    assert "Traceback" not in out


def notebook_text(*sources: str, outputs: bool = True) -> str:
    cells = [
        {
            "cell_type": "code",
            "execution_count": 1 if outputs else None,
            "id": f"c{n}",
            "metadata": {},
            "outputs": (
                [{"name": "stdout", "output_type": "stream", "text": ["42\n"]}]
                if outputs
                else []
            ),
            "source": source,
        }
        for n, source in enumerate(sources)
    ]
    data = {
        "cells": cells,
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3",
                "language": "python",
                "name": "python3",
            }
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def test_strip_and_check_notebook_outputs(tmp_path, hooks_repo, env):
    files = {"notebooks/eda.ipynb": notebook_text("print(42)  # 答え")}
    project = project_with(tmp_path, files)
    code, out = try_repo(project, hooks_repo, env, "check-notebook-outputs")
    assert code == 1, out
    assert (
        "\nnotebooks/eda.ipynb:cell_1: MLH111 cell has 1 output (stream stdout): "
        in out
    )
    code, out = try_repo(project, hooks_repo, env, "strip-notebook-outputs")
    assert code == 1, out
    assert "- files were modified by this hook" in out
    stripped = (project / "notebooks" / "eda.ipynb").read_text(encoding="utf-8")
    assert stripped == notebook_text("print(42)  # 答え", outputs=False)
    git(project, "add", "-A")
    code, out = try_repo(project, hooks_repo, env, "strip-notebook-outputs")
    assert code == 0, out


def test_check_notebook_pairing_fix(tmp_path, hooks_repo, env):
    source, rev = hooks_repo
    config = (
        f"repos:\n- repo: {source}\n  rev: {rev}\n  hooks:\n"
        "  - id: check-notebook-pairing\n    args: [--fix]\n"
    )
    files = {
        ".pre-commit-config.yaml": config,
        "notebooks/eda.ipynb": notebook_text(
            "%matplotlib inline\nx = 1", outputs=False
        ),
        "scratch.ipynb": notebook_text("y = 2", outputs=False),
    }
    project = project_with(tmp_path, files)
    code, out = pre_commit(project, env, "run", "--all-files", "--color", "never")
    assert code == 1, out
    assert "\nnotebooks/eda.ipynb: MLH101 " in out and "[fixed]" in out
    assert "\nscratch.ipynb: MLH103 " in out
    script = (project / "notebooks" / "eda.py").read_text(encoding="utf-8")
    assert "# %%\n# %matplotlib inline\nx = 1\n" in script
    jupytext = pytest.importorskip("jupytext")
    cells = jupytext.reads(script, fmt="py:percent").cells
    assert [cell.source for cell in cells] == ["%matplotlib inline\nx = 1"]


def test_check_mlflow_and_check_reproducibility(tmp_path, hooks_repo, env):
    train = (
        "from sklearn.model_selection import train_test_split\n"
        "from sklearn.linear_model import LogisticRegression\n\n"
        "X_train, X_test, y_train, y_test = train_test_split([[0], [1]], [0, 1])\n"
        "model = LogisticRegression().fit(X_train, y_train)\n"
    )
    files = {"train.py": train, "params.yaml": "data: /home/taro/churn.csv\n"}
    project = project_with(tmp_path, files)
    code, out = try_repo(project, hooks_repo, env, "check-mlflow")
    assert code == 1, out
    assert "\ntrain.py: MLH511 training script records no MLflow run: " in out
    code, out = try_repo(project, hooks_repo, env, "check-reproducibility")
    assert code == 1, out
    assert "\nparams.yaml:1:7: MLH701 " in out
    assert "\ntrain.py:4:36: MLH702 train_test_split() has no random_state: " in out


def test_check_commented_code(tmp_path, hooks_repo, env):
    source = (
        "import torch\n\n"
        "# 前処理: 欠損値を除去\n"
        "# shape: (batch, seq_len)\n"
        "x = torch.zeros(2, 3)\n"
        "# y = model(x)\n"
        "# loss.backward()\n"
        "# optimizer.step()\n"
    )
    project = project_with(tmp_path, {"train.py": source})
    code, out = try_repo(project, hooks_repo, env, "check-commented-code")
    assert code == 1, out
    assert "\ntrain.py:7:1: MLH211 commented-out code (lines 7-8): " in out
    assert out.count("MLH211") == 1


def test_check_docstring_args(tmp_path, hooks_repo, env):
    source = (
        "def load(path, sep=','):\n"
        '    """CSV を読み込む。\n\n'
        "    引数:\n"
        "        path: 入力ファイル\n"
        "        encoding: 文字コード\n"
        "        sep: 区切り文字\n"
        '    """\n'
        "    return open(path).read().split(sep)\n"
    )
    project = project_with(tmp_path, {"src/io.py": source})
    code, out = try_repo(project, hooks_repo, env, "check-docstring-args")
    assert code == 1, out
    assert (
        "\nsrc/io.py:6:9: MLH301 load() documents 'encoding', which is not in its"
        " signature: renamed or removed? update the docstring"
    ) in out


def test_check_dvc(tmp_path, hooks_repo, env):
    files = {
        ".gitignore": "/data/\n",
        "data/raw/.gitkeep": "",
        "models/model.pkl": "not really a pickle\n",
    }
    project = project_with(tmp_path, files)
    git(project, "add", "-f", "data/raw/.gitkeep")
    code, out = try_repo(project, hooks_repo, env, "check-dvc")
    assert code == 1, out
    assert "\nmodels/model.pkl: MLH501 " in out
    assert "\n.: MLH502 DVC is not initialised" in out


def test_check_dead_code_fix(tmp_path, hooks_repo, env):
    source, rev = hooks_repo
    config = (
        f"repos:\n- repo: {source}\n  rev: {rev}\n  hooks:\n"
        "  - id: check-dead-code\n    args: [--fix]\n"
    )
    model = (
        "import os\nimport torch\n\n\n"
        "class Net(torch.nn.Module):\n"
        "    def forward(self, x):  # 前向き計算\n"
        "        return x\n"
        "        print('never')\n"
    )
    files = {
        ".pre-commit-config.yaml": config,
        "src/model.py": model,
        "src/train.py": "from src.model import Net\n\nNet()\n",
    }
    project = project_with(tmp_path, files)
    code, out = pre_commit(project, env, "run", "--all-files", "--color", "never")
    assert code == 1, out
    assert "\nsrc/model.py:1:8: MLH201 'os' is imported but never used: " in out
    assert "MLH206" not in out
    fixed = (project / "src" / "model.py").read_text(encoding="utf-8")
    assert fixed == model.replace("import os\n", "").replace(
        "        print('never')\n", ""
    )


def test_baseline_and_japanese_through_pre_commit(tmp_path, hooks_repo, env):
    project = project_with(tmp_path, {"src/a.py": "import os\n\n\nx = 1\n"})
    done = subprocess.run(
        [sys.executable, "-m", "mlhooks.cli", "baseline", "--hooks", "check-dead-code"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    git(project, "add", "-A")
    code, out = try_repo(project, hooks_repo, env, "check-dead-code", "--verbose")
    assert code == 0, out
    assert "\n1 finding(s) recorded in the baseline .mlhooks-baseline.json" in out

    (project / "src" / "b.py").write_text("import sys\n", encoding="utf-8")
    git(project, "add", "-A")
    code, out = try_repo(
        project, hooks_repo, {**env, "LANG": "ja_JP.UTF-8"}, "check-dead-code"
    )
    assert code == 1, out
    assert "\nsrc/b.py:1:8: MLH201 'sys' は import されていますが" in out
    assert "src/a.py" not in out
    assert "\nベースライン .mlhooks-baseline.json に記録済みの指摘 1 件は" in out
