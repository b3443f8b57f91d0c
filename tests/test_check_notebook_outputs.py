from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlhooks.check_notebook_outputs import main

RESOURCES = Path(__file__).parent / "resources" / "strip-notebook-outputs"
LEAK = (
    "notebook outputs are the usual leak of personal data and API keys, and they"
    " bloat git history; run strip-notebook-outputs, or tag the cell keep-output to"
    " keep them"
)
VOLATILE = (
    "run and view state (and keys set in strip-metadata) churn diffs and can carry"
    " user data; run strip-notebook-outputs, or list it in keep-metadata"
)
JUPYTER = [
    f"nb.ipynb: MLH114 notebook metadata holds widgets: {VOLATILE}",
    "nb.ipynb:cell_2: MLH111 cell has 2 outputs (stream stdout, stream stderr):"
    f" {LEAK}",
    f"nb.ipynb:cell_2: MLH114 cell metadata holds ExecuteTime: {VOLATILE}",
    f"nb.ipynb:cell_3: MLH111 cell has 2 outputs (image/png, text/html): {LEAK}",
    f"nb.ipynb:cell_4: MLH111 cell has 1 output (error KeyError): {LEAK}",
    "nb.ipynb:cell_5: MLH112 cell has execution count 4 but no outputs: counts change"
    " on every run and clutter diffs; run strip-notebook-outputs",
    f"nb.ipynb:cell_8: MLH111 cell has 2 outputs (stream stdout x2): {LEAK}",
    f"nb.ipynb:cell_8: MLH114 cell metadata holds execution: {VOLATILE}",
]


def fixture(name: str) -> bytes:
    return (RESOURCES / name).read_bytes()


@pytest.mark.parametrize("name", ["jupyter", "crlf", "ascii"])
def test_reports_the_same_findings_and_never_writes(make_files, capsys, name):
    repo = make_files({"nb.ipynb": fixture(f"{name}.ipynb")})
    mtime = (repo / "nb.ipynb").stat().st_mtime_ns
    assert main(["nb.ipynb"]) == 1
    assert capsys.readouterr().out.splitlines() == JUPYTER
    assert (repo / "nb.ipynb").read_bytes() == fixture(f"{name}.ipynb")
    assert (repo / "nb.ipynb").stat().st_mtime_ns == mtime


@pytest.mark.parametrize(
    "name",
    [
        "clean.ipynb",
        "vscode.stripped.ipynb",
        "colab.stripped.ipynb",
        "papermill.stripped.ipynb",
        "nbformat3.stripped.ipynb",
    ],
)
def test_stripped_notebooks_pass(make_files, capsys, name):
    make_files({"nb.ipynb": fixture(name)})
    assert main(["nb.ipynb"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("", "nb.ipynb: MLH006 not a readable notebook: the file is empty"),
        (
            "[]",
            "nb.ipynb: MLH006 not a readable notebook: the top level is a JSON list,"
            " not an object",
        ),
    ],
)
def test_bad_notebooks(make_files, capsys, content, line):
    make_files({"nb.ipynb": content})
    assert main(["nb.ipynb"]) == 1
    assert capsys.readouterr().out.splitlines() == [line]


def test_options_and_noqa_as_for_the_stripper(make_files, capsys):
    cell = {
        "cell_type": "code",
        "execution_count": 1,
        "metadata": {"tags": ["図"]},
        "outputs": [{"name": "stdout", "output_type": "stream", "text": "x"}],
        "source": "print('x')",
    }
    silenced = {**cell, "metadata": {}, "source": "print(1)  # noqa: MLH111"}
    nb = {"cells": [cell, silenced], "metadata": {}, "nbformat": 4}
    make_files({"nb.ipynb": json.dumps(nb)})
    assert main(["nb.ipynb", "--keep-output-tags", "図"]) == 0
    assert main(["nb.ipynb", "--max-size", "0"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "nb.ipynb:cell_1: MLH111 cell has 1 output (stream stdout): notebook outputs"
        " are the usual leak of personal data and API keys, and they bloat git"
        " history; run strip-notebook-outputs, or tag the cell keep-output to keep"
        " them"
    ]


def test_json_output_names_the_cell(make_files, capsys):
    make_files({"nb.ipynb": fixture("vscode.ipynb")})
    assert main(["nb.ipynb", "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["cell"], r["line"], r["fixed"]) for r in records] == [
        ("MLH111", 1, 0, False),
        ("MLH111", 2, 0, False),
    ]


def test_there_is_no_fix_flag(make_files, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--fix", "nb.ipynb"])
    assert info.value.code == 2


# Messages in Japanese: --lang ja, lang = "ja" in [tool.mlhooks], or the locale.

LEAK_JA = (
    "ノートブックの出力は個人情報や API キーが漏れるよくある経路で、git の履歴も"
    "肥大化させます。strip-notebook-outputs を実行するか、出力を残すならセルにタグ"
    " keep-output を付けてください"
)
VOLATILE_JA = (
    "実行や表示の状態 (と strip-metadata に指定したキー) は差分を乱し、ユーザーの"
    "データを含むこともあります。strip-notebook-outputs を実行するか、残すなら"
    " keep-metadata に加えてください"
)
JUPYTER_JA = [
    f"nb.ipynb: MLH114 ノートブックのメタデータに widgets があります: {VOLATILE_JA}",
    "nb.ipynb:cell_2: MLH111 セルに出力が 2 件あります (stream stdout, stream"
    f" stderr): {LEAK_JA}",
    f"nb.ipynb:cell_2: MLH114 セルのメタデータに ExecuteTime があります: {VOLATILE_JA}",
    f"nb.ipynb:cell_3: MLH111 セルに出力が 2 件あります (image/png, text/html): {LEAK_JA}",
    f"nb.ipynb:cell_4: MLH111 セルに出力が 1 件あります (error KeyError): {LEAK_JA}",
    "nb.ipynb:cell_5: MLH112 セルに出力はないのに実行カウント 4 が残っています:"
    " 実行カウントは実行のたびに変わり、差分を乱します。strip-notebook-outputs"
    " を実行してください",
    f"nb.ipynb:cell_8: MLH111 セルに出力が 2 件あります (stream stdout x2): {LEAK_JA}",
    f"nb.ipynb:cell_8: MLH114 セルのメタデータに execution があります: {VOLATILE_JA}",
]
JAPANESE = [
    ("jupyter.ipynb", [], JUPYTER_JA),
    (
        "colab.ipynb",
        [],
        [
            "nb.ipynb:cell_2: MLH111 セルに出力が 1 件あります (stream stdout):"
            f" {LEAK_JA}",
            "nb.ipynb:cell_2: MLH114 セルのメタデータに executionInfo, outputId"
            f" があります: {VOLATILE_JA}",
        ],
    ),
    (
        "vscode.ipynb",
        ["--keep-output-tags", "図"],
        [
            "nb.ipynb:cell_1: MLH111 セルに出力が 1 件あります (stream stdout):"
            " ノートブックの出力は個人情報や API キーが漏れるよくある経路で、git"
            " の履歴も肥大化させます。strip-notebook-outputs を実行するか、出力を"
            "残すならセルにタグ 図 を付けてください",
            "nb.ipynb:cell_2: MLH111 セルに出力が 1 件あります"
            " (application/vnd.dataresource+json): ノートブックの出力は個人情報や"
            " API キーが漏れるよくある経路で、git の履歴も肥大化させます。"
            "strip-notebook-outputs を実行するか、出力を残すならセルにタグ 図 を"
            "付けてください",
        ],
    ),
]


@pytest.mark.parametrize(("name", "args", "lines"), JAPANESE)
def test_messages_in_japanese(make_files, capsys, name, args, lines):
    make_files({"nb.ipynb": fixture(name)})
    assert main(["nb.ipynb", *args, "--lang", "ja"]) == 1
    assert capsys.readouterr().out.splitlines() == lines
    assert Path("nb.ipynb").read_bytes() == fixture(name)


def test_lang_in_pyproject_gives_japanese(make_files, capsys):
    config = '[tool.mlhooks]\nlang = "ja"\n'
    make_files({"pyproject.toml": config, "nb.ipynb": fixture("jupyter.ipynb")})
    assert main(["nb.ipynb"]) == 1
    assert capsys.readouterr().out.splitlines() == JUPYTER_JA


def test_a_japanese_locale_gives_japanese(make_files, capsys, monkeypatch):
    make_files({"nb.ipynb": fixture("jupyter.ipynb")})
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["nb.ipynb"]) == 1
    assert capsys.readouterr().out.splitlines() == JUPYTER_JA
