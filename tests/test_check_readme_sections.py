from __future__ import annotations

from pathlib import Path

import pytest

from mlhooks._diagnostics import sort_diagnostics
from mlhooks.check_readme_sections import OPTIONS, main, normalise, readme_problems

RESOURCES = Path(__file__).parent / "resources" / "check-readme-sections"
ENGLISH = (RESOURCES / "complete-en.md").read_text(encoding="utf-8")
JAPANESE = (RESOURCES / "complete-ja.md").read_text(encoding="utf-8")
RST = (RESOURCES / "complete.rst").read_text(encoding="utf-8")

WHY = (
    "the guideline's README documents it so that the model can be handed over and"
    " reproduced; add a heading such as"
)
MISSING = {
    "purpose": 'README.md: MLH411 missing section "purpose" (the purpose of the model):'
    f' {WHY} "## Purpose" or "## 目的"',
    "overview": 'README.md: MLH411 missing section "overview" (an overview of how it'
    f' works): {WHY} "## Overview" or "## 概要"',
    "io-spec": 'README.md: MLH411 missing section "io-spec" (the input/output data'
    f' specification): {WHY} "## Inputs and outputs" or "## 入出力"',
    "configuration": 'README.md: MLH411 missing section "configuration" (how to write'
    f' and use the configuration file): {WHY} "## Configuration" or "## 設定ファイル"',
    "environment": 'README.md: MLH411 missing section "environment" (how to build the'
    f' run environment): {WHY} "## Setup" or "## 環境構築"',
    "data": 'README.md: MLH411 missing section "data" (how the data is obtained):'
    f' {WHY} "## Data" or "## データの取得"',
    "usage": 'README.md: MLH411 missing section "usage" (how to run the sample):'
    f' {WHY} "## Usage" or "## 使い方"',
    "results": 'README.md: MLH411 missing section "results" (the results, including'
    f' prediction accuracy): {WHY} "## Results" or "## 結果"',
}
NO_NUMBER = (
    'README.md:{line}:1: MLH412 results section "{heading}" gives no number: the'
    " guideline asks the README to report the results including prediction accuracy;"
    ' add the metric with its value (for example "accuracy: 0.93" or a table of'
    " scores)"
)
NO_COMMAND = (
    'README.md:{line}:1: MLH413 usage section "{heading}" shows no command: the'
    " guideline asks the README to show how to run the sample; add the command in a"
    " fenced code block (```sh ... ```) or as `inline code`"
)
# Every section with its content, one heading each, Usage on line 8, Results on 11.
MINIMAL = (
    "# Title\n## Purpose\n## Overview\n## Input\n## Config\n## Setup\n## Data\n"
    "## Usage\n\n    python run.py\n## Results\naccuracy 0.9\n"
)


def _without(text: str, heading: str) -> str:
    """``text`` with one ``## heading`` (and its body) removed."""
    before, _, after = text.partition(f"## {heading}\n")
    return before + after[after.find("\n## ") + 1 :] if "\n## " in after else before


def findings(text: str, name: str = "README.md", **options: object) -> list[str]:
    """Output lines of the check on one README, without git or files."""
    settings = {option.name: option.default for option in OPTIONS}
    settings.update({key.replace("_", "-"): value for key, value in options.items()})
    return [
        d.as_text() for d in sort_diagnostics(readme_problems(name, text, settings))
    ]


def run_on(make_files, capsys, files, argv=()):
    make_files(files)
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("README.md", ENGLISH),
        ("README.md", JAPANESE.replace("\n", "\r\n")),
        ("README.md", "\ufeff" + JAPANESE),
        ("readme.MD", ENGLISH),
        ("README.markdown", ENGLISH),
        ("README.rst", RST),
    ],
)
def test_complete_readme_passes(make_files, capsys, name, text):
    assert run_on(make_files, capsys, {name: text}) == (0, "")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("README.md", ENGLISH),
        ("README.md", JAPANESE),
        ("README.rst", RST),
        ("README.md", ENGLISH.replace("\n", "\r\n")),
        ("README.md", MINIMAL),
        # mixed languages, numbering, anchors, emoji, markup, closing hashes
        (
            "README.md",
            "# x\n## 1. 目的 / Purpose\n## 2.1 Overview {#overview}\n"
            "## (3) I/O\n## 第4章 設定\n## 🚀 Quick-start ##\n```\nrun\n```\n"
            "## **Set-up**\n## [Dataset](https://example.com)\n"
            "## ５．性能評価\nＡＵＣ：０．９１\n",
        ),
        # setext headings under a setext title
        (
            "README.md",
            "Churn\n=====\n\nPurpose\n-------\nAbout\n---\nHow it works\n---\n"
            "Input\n---\nSettings\n---\nPrerequisites\n---\nDatasets\n---\n"
            "Examples\n---\n    run.py\n\nBenchmarks\n---\n* 3 s\n",
        ),
        # a plain-text README with reST titles
        (
            "README.txt",
            "Goal\n~~~~\nDesign\n~~~~~~\nAPI\n~~~\nOptions\n~~~~~~~\nRequirements\n"
            "~~~~~~~~~~~~\nDownload\n~~~~~~~~\nTutorial\n~~~~~~~~\n\n  >>> run()\n\n"
            "Scores\n~~~~~~\n1.0\n",
        ),
        # Japanese synonyms
        (
            "README.md",
            "# 解約予測\n## 背景\n## 仕組み\n## 入力と出力\n## パラメータ\n"
            "## 動作環境\n## データセット\n## 学習と推論\n`make train`\n## 評価結果\n"
            "| 指標 | 値 |\n|---|---|\n| 精度 | 0.9 |\n",
        ),
        # front matter (a model card) does not hide the first heading
        ("README.md", "---\nlicense: mit\n---\n" + ENGLISH),
    ],
)
def test_complete_readme_has_no_findings(name, text):
    assert findings(text, name) == []


def test_empty_readme_misses_every_section(make_files, capsys):
    code, out = run_on(make_files, capsys, {"README.md": ""})
    assert (code, out.splitlines()) == (1, sorted(MISSING.values()))


@pytest.mark.parametrize(
    ("key", "heading"),
    [
        ("purpose", "Purpose"),
        ("overview", "How it works"),
        ("io-spec", "Inputs and outputs"),
        ("configuration", "Configuration"),
        ("environment", "Installation"),
        ("data", "Getting the data"),
        ("usage", "Usage"),
        ("results", "Results"),
    ],
)
def test_each_missing_section_is_reported_alone(key, heading):
    text = _without(ENGLISH, heading)
    assert f"## {heading}" not in text
    assert findings(text) == [MISSING[key]]


@pytest.mark.parametrize(
    "hidden",
    [
        "```markdown\n## Usage\n```\n",
        "~~~~\n```\n## Usage\n```\n~~~~\n",
        "````\n## Usage\n```\nstill code\n",
        "<!--\n## Usage\n-->\n",
        "<!-- ## Usage -->\n",
        "    ## Usage\n",
        "> ## Usage\n",
        "#Usage\n",
        "#使い方\n",
        "Usage\n- item\n---\n",
        "Usage\n\n---\n",
    ],
)
def test_headings_that_are_not_headings_are_ignored(hidden):
    assert findings(_without(ENGLISH, "Usage") + hidden) == [MISSING["usage"]]


def test_title_is_not_a_section():
    text = "# Usage of the churn model\n\n```sh\nrun\n```\n"
    assert findings(text) == sorted(MISSING.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            MINIMAL.replace("accuracy 0.9", "good"),
            [NO_NUMBER.format(line=11, heading="Results")],
        ),
        (
            MINIMAL.replace("    python", "python"),
            [NO_COMMAND.format(line=8, heading="Usage")],
        ),
        (
            MINIMAL.replace("accuracy 0.9", "").replace("    python", "python"),
            [
                NO_COMMAND.format(line=8, heading="Usage"),
                NO_NUMBER.format(line=11, heading="Results"),
            ],
        ),
        (
            "# t\n## 目的\n## 概要\n## 入出力\n## 設定\n## 環境構築\n## データ\n"
            "## 使い方\npython run.py を実行する\n## 結果\n精度は高い\n",
            [
                NO_COMMAND.format(line=8, heading="使い方"),
                NO_NUMBER.format(line=10, heading="結果"),
            ],
        ),
        # setext headings are located at their text line
        (
            "T\n=\nPurpose\n-\nOverview\n-\nInput\n-\nConfig\n-\nSetup\n-\n"
            "Data\n-\nUsage\n-\nRun it.\n\nResults\n-\n0.9\n",
            [NO_COMMAND.format(line=15, heading="Usage")],
        ),
        # numbering of headings and ordered lists is no metric
        (
            MINIMAL.replace(
                "## Results\naccuracy 0.9", "## 8. 結果\n1. 良好\n### 8.1 詳細"
            ),
            [NO_NUMBER.format(line=11, heading="8. 結果")],
        ),
        (
            MINIMAL.replace("## Results\naccuracy 0.9", "## 第８章 精度\n（１） 良好"),
            [NO_NUMBER.format(line=11, heading="第８章 精度")],
        ),
        # the number of a sibling section does not count
        (
            MINIMAL.replace("accuracy 0.9", "see below\n## Notes\n0.9"),
            [NO_NUMBER.format(line=11, heading="Results")],
        ),
        # a number inside an HTML comment does not count
        (
            MINIMAL.replace("accuracy 0.9", "<!-- TODO: 0.9 -->"),
            [NO_NUMBER.format(line=11, heading="Results")],
        ),
        # several usage headings, none with a command: the first is reported
        (
            MINIMAL.replace("    python", "python") + "## Examples\nSee usage.\n",
            [NO_COMMAND.format(line=8, heading="Usage")],
        ),
    ],
)
def test_results_without_number_and_usage_without_command(text, expected):
    assert findings(text) == expected


def test_crlf_readme_has_the_same_line_numbers(make_files, capsys):
    text = MINIMAL.replace("accuracy 0.9", "good").replace("\n", "\r\n")
    code, out = run_on(make_files, capsys, {"README.md": text})
    assert (code, out) == (1, NO_NUMBER.format(line=11, heading="Results") + "\n")


def test_demo_project_readme(make_files, capsys):
    demo = RESOURCES.parents[2] / "examples" / "churn-demo" / "README.md"
    code, out = run_on(make_files, capsys, {"README.md": demo.read_bytes()})
    assert (code, out.splitlines()) == (
        1,
        [
            MISSING["configuration"],
            MISSING["data"],
            MISSING["io-spec"],
            NO_COMMAND.format(line=31, heading="使い方"),
            NO_NUMBER.format(line=37, heading="結果"),
        ],
    )


@pytest.mark.parametrize(
    "results",
    [
        "## Results\n### Accuracy\n| model | AUC |\n|---|---|\n| gbm | 0.91 |\n",
        "## Results (AUC 0.91)\n",
        "## 結果\n正解率は９３％\n",
        "## Results\nNone yet.\n## Evaluation\nF1 = 0.8\n",
        "## Results\n```\nloss 0.12\n```\n",
        "## 3. Results\n1. AUC 0.91\n",
        "## Results\n### 3.1 AUC\n0.91\n",
        "## Results\n- 0.91\n",
    ],
)
def test_any_number_in_a_results_section_counts(results):
    assert findings(MINIMAL.split("## Results")[0] + results) == []


@pytest.mark.parametrize(
    "usage",
    [
        "## Usage\n```\nrun\n```\n",
        "## Usage\n~~~bash\nrun\n~~~\n",
        "## Usage\n\n\tpython run.py\n",
        "## Usage\nRun `make train`.\n",
        "## Usage\nSee below.\n### Training\n\n    python train.py\n",
        "## Usage\nNothing here.\n## Quick start\n`make`\n",
        "## Usage\n<pre>make</pre>\n",
    ],
)
def test_any_command_in_a_usage_section_counts(usage):
    before, _, after = MINIMAL.partition("## Usage\n\n    python run.py\n")
    assert findings(before + usage + after) == []


def test_rst_usage_without_literal_block():
    text = RST.replace("Train the model::", "Train the model.")
    assert findings(text, "README.rst") == [
        'README.rst:37:1: MLH413 usage section "Usage" shows no command: the guideline'
        " asks the README to show how to run the sample; add the command in a literal"
        ' block ("::" then indented lines) or a ".. code-block:: sh" directive'
    ]


def test_rst_missing_section_and_metric():
    text = RST.replace("Purpose\n=======\n\nPredict which customers cancel.\n", "")
    text = text.replace("ROC AUC 0.91", "good")
    assert findings(text, "README.rst") == [
        'README.rst: MLH411 missing section "purpose" (the purpose of the model):'
        f' {WHY} "Purpose" or "目的"',
        'README.rst:40:1: MLH412 results section "Results" gives no number: the'
        " guideline asks the README to report the results including prediction"
        ' accuracy; add the metric with its value (for example "accuracy: 0.93" or'
        " a table of scores)",
    ]


OPTIONS_README = (
    "# t\n## Purpose\n## I/O\n## Config\n## Setup\n## Data\n## Usage\nRun it.\n"
    "## Inner workings\n## Results\nnone\n"
)
NO_OVERVIEW = MISSING["overview"]
USAGE_7 = NO_COMMAND.format(line=7, heading="Usage")
RESULTS_10 = NO_NUMBER.format(line=10, heading="Results")


@pytest.mark.parametrize(
    ("argv", "table", "expected"),
    [
        ((), "", [NO_OVERVIEW, USAGE_7, RESULTS_10]),
        (("--sections", "purpose,usage"), "", [USAGE_7]),
        (("--sections", ""), "", []),
        (("--no-require-command",), "", [NO_OVERVIEW, RESULTS_10]),
        (("--no-require-metric",), "", [NO_OVERVIEW, USAGE_7]),
        ((), "sections = ['purpose', 'results']\nrequire-metric = false", []),
        ((), "aliases = {overview = ['Inner workings']}", [USAGE_7, RESULTS_10]),
        (
            (),
            "aliases = {overview = ['内部の仕掛け']}",
            [NO_OVERVIEW, USAGE_7, RESULTS_10],
        ),
        ((), "require-command = false", [NO_OVERVIEW, RESULTS_10]),
        (
            ("--require-command",),
            "require-command = false",
            [NO_OVERVIEW, USAGE_7, RESULTS_10],
        ),
        (("--select", "MLH413"), "", [USAGE_7]),
        (("--ignore", "MLH411"), "", [USAGE_7, RESULTS_10]),
    ],
)
def test_options(make_files, capsys, argv, table, expected):
    files = {"README.md": OPTIONS_README}
    if table:
        files["pyproject.toml"] = f"[tool.mlhooks.check-readme-sections]\n{table}\n"
    code, out = run_on(make_files, capsys, files, argv)
    assert (code, out.splitlines()) == (1 if expected else 0, expected)


def test_japanese_alias_from_config(make_files, capsys):
    table = "[tool.mlhooks.check-readme-sections]\naliases = {overview = ['しかけ']}\n"
    text = OPTIONS_README.replace("Inner workings", "モデルのしかけ")
    files = {"README.md": text, "pyproject.toml": table}
    assert run_on(make_files, capsys, files, ["--select", "MLH411"]) == (0, "")


PREFIX = "check-readme-sections: error: "
KEYS = "configuration, data, environment, io-spec, overview, purpose, results, usage"
TABLE = "pyproject.toml [tool.mlhooks.check-readme-sections]"


@pytest.mark.parametrize(
    ("argv", "table", "error"),
    [
        (
            (),
            "sections = ['purpose', 'usag']",
            f"{TABLE}: 'sections': unknown value 'usag' (did you mean 'usage'? valid"
            f" values: {KEYS})",
        ),
        (
            ("--sections", "purpose,xyz"),
            "",
            f"command line: 'sections': unknown value 'xyz' (valid values: {KEYS})",
        ),
        (
            (),
            "aliases = {resutls = ['Scores']}",
            f"{TABLE}: 'aliases': unknown key 'resutls' (did you mean 'results'? valid"
            f" keys: {KEYS})",
        ),
        (
            (),
            "aliases = {results = 'Scores'}",
            f"{TABLE}: 'aliases': 'results' must be a list of strings, not str"
            " 'Scores'",
        ),
        (
            (),
            "aliases = {results = ['--']}",
            f"{TABLE}: 'aliases': 'results' has a heading with no letters",
        ),
    ],
)
def test_bad_configuration_is_exit_2(make_files, capsys, argv, table, error):
    files = {"README.md": ENGLISH}
    if table:
        files["pyproject.toml"] = f"[tool.mlhooks.check-readme-sections]\n{table}\n"
    make_files(files)
    assert main(list(argv)) == 2
    assert capsys.readouterr() == ("", PREFIX + error + "\n")


def test_bad_configuration_is_reported_without_readme(make_files, capsys):
    make_files(
        {"pyproject.toml": "[tool.mlhooks.check-readme-sections]\nsections = ['x']\n"}
    )
    assert main([]) == 2
    assert capsys.readouterr().err.startswith(
        PREFIX + TABLE + ": 'sections': unknown value 'x'"
    )


@pytest.mark.parametrize(
    ("files", "track"),
    [
        ({}, True),
        ({"README.md": ""}, False),
        ({"docs/README.md": ""}, True),
        ({"READ_ME.md": ""}, True),
    ],
)
def test_no_readme_reports_nothing(make_files, capsys, files, track):
    make_files(files, track=track)
    assert (main([]), capsys.readouterr()) == (0, ("", ""))


def test_excluded_readme_is_not_checked(make_files, capsys):
    assert run_on(
        make_files, capsys, {"README.md": ""}, ["--exclude", "README.md"]
    ) == (
        0,
        "",
    )


@pytest.mark.parametrize(
    ("files", "argv", "checked"),
    [
        ({"README.md": "", "README.rst": RST}, (), "README.md"),
        ({"README": ENGLISH, "README.txt": ""}, (), "README.txt"),
        (
            {"README.md": "", "docs/index.md": ENGLISH},
            ("--readme-files", "docs/*.md"),
            None,
        ),
        (
            {"README.md": ENGLISH, "docs/index.md": ""},
            ("--readme-files", "DOCS/INDEX.md"),
            "docs/index.md",
        ),
    ],
)
def test_readme_files_order_and_globs(make_files, capsys, files, argv, checked):
    code, out = run_on(make_files, capsys, files, argv)
    if checked is None:
        assert (code, out) == (0, "")
    else:
        expected = sorted(m.replace("README.md", checked) for m in MISSING.values())
        assert (code, out.splitlines()) == (1, expected)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "# t\n## Purpose\n".encode() + b"caf\xe9\n",
            "README.md:3:1: MLH001 not valid UTF-8 (byte 0xe9 at offset 18); re-save"
            " the file as UTF-8",
        ),
        (
            "# 目的\n".encode("cp932"),
            "README.md:1:1: MLH001 not valid UTF-8 (byte 0x96 at offset 2); re-save the"
            " file as UTF-8",
        ),
        (
            b"PK\x03\x04\x00\x00",
            "README.md: MLH002 binary file (contains NUL bytes); skipped",
        ),
    ],
)
def test_unreadable_readme_is_one_diagnostic(make_files, capsys, content, expected):
    assert run_on(make_files, capsys, {"README.md": content}) == (1, expected + "\n")


RESULTS_11 = RESULTS_10.replace(":10:", ":11:")
USAGE_8 = USAGE_7.replace(":7:", ":8:")


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("<!-- mlhooks: noqa: MLH413 -->\n", [NO_OVERVIEW, RESULTS_11]),
        ("<!-- mlhooks: noqa: MLH41 -->\n", []),
        ("<!-- mlhooks: noqa -->\n", []),
        ("<!-- mlhooks: noqa: MLH411, MLH412 -->\n", [USAGE_8]),
    ],
)
def test_file_noqa_comment_in_readme(make_files, capsys, comment, expected):
    text = comment + OPTIONS_README
    code, out = run_on(make_files, capsys, {"README.md": text})
    assert (code, out.splitlines()) == (1 if expected else 0, expected)


def test_line_noqa_comment_on_the_heading(make_files, capsys):
    text = OPTIONS_README.replace("## Usage", "## Usage <!-- noqa: MLH413 -->")
    code, out = run_on(make_files, capsys, {"README.md": text})
    assert (code, out.splitlines()) == (1, [NO_OVERVIEW, RESULTS_10])


@pytest.mark.parametrize(
    ("heading", "normalised"),
    [
        ("1. 目的", "目的"),
        ("2.3 How it works", "how it works"),
        ("第１章　概要", "概要"),
        ("(1) Inputs & Outputs", "inputs outputs"),
        ("🚀 Quick-Start {#quick}", "quick start"),
        ("入力／出力（Ｉ/Ｏ）", "入力 出力 i o"),
        ("**Usage**", "usage"),
        ("[Data](https://x.test/data)", "data"),
        ("3D model", "3d model"),
    ],
)
def test_normalise(heading, normalised):
    assert normalise(heading, numbered=True) == normalised


LEAD = "# Churn\n\n{lead}\n\n## Overview\nx\n"


@pytest.mark.parametrize(
    ("lead", "purpose_found"),
    [
        ("Predicts which customers cancel next month.", True),
        ("翌月に解約する顧客を予測するモデル。", True),
        ("[![CI](https://x/badge.svg)](https://x) ![logo](logo.png)", False),
        ("<p align='center'><img src='a.png'></p>", False),
        ("", False),
    ],
)
def test_lead_paragraph_counts_as_purpose(lead, purpose_found):
    found = findings(LEAD.format(lead=lead), sections=["purpose"])
    assert (found == []) is purpose_found


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Requirement", "environment"),
        ("Dependency", "environment"),
        ("Setting", "configuration"),
        ("Customize your GPT-2 training", "configuration"),
        ("実装の全体像", "overview"),
        ("TL;DR", "overview"),
        ("Command", "usage"),
        ("必要条件", "environment"),
    ],
)
def test_singular_and_more_aliases_match(heading, section):
    text = f"# T\n\n## {heading}\n\n`run`\n"
    assert findings(text, sections=[section]) == []


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("学習済みモデル", "usage"),
        ("学習データ", "usage"),
        ("評価データ", "results"),
    ],
)
def test_japanese_words_that_only_look_like_the_section(heading, section):
    text = f"# T\n\n## {heading}\n\n`run` 0.9\n"
    [finding] = findings(text, sections=[section])
    assert f'MLH411 missing section "{section}"' in finding


def test_a_fence_indented_under_a_list_item_is_a_command():
    text = "# T\n\n## Usage\n\n1. Train:\n\n    ```bash\n    python train.py\n    ```\n"
    assert findings(text, sections=["usage"]) == []


JA_WHY = (
    "ガイドラインは、モデルを引き継いで再現できるよう、この内容を README に記載する"
    "ことを求めています。"
)
# key: (Japanese heading, what the section documents, English heading)
JA_SECTIONS = {
    "purpose": ("目的", "モデルの目的", "Purpose"),
    "overview": ("概要", "仕組みの概要", "Overview"),
    "io-spec": ("入出力", "入出力データの仕様", "Inputs and outputs"),
    "configuration": ("設定ファイル", "設定ファイルの書き方と使い方", "Configuration"),
    "environment": ("環境構築", "実行環境の構築方法", "Setup"),
    "data": ("データの取得", "データの取得方法", "Data"),
    "usage": ("使い方", "サンプルの実行方法", "Usage"),
    "results": ("結果", "予測精度を含む結果", "Results"),
}
JA_MISSING = {
    key: f"README.md: MLH411 README に「{japanese}」のセクションがありません ({what}):"
    f" {JA_WHY}「## {japanese}」や「## {english}」のような見出しを追加してください"
    f" (独自の見出しは設定の aliases でキー {key} に加えられます)"
    for key, (japanese, what, english) in JA_SECTIONS.items()
}
JA_NO_NUMBER = (
    'README.md:11:1: MLH412 結果のセクション "Results" に数値がありません: ガイドラインは、'
    "予測精度を含む結果を README に記載することを求めています。評価指標をその値とともに"
    '書いてください (例: "accuracy: 0.93" やスコアの表)'
)
JA_NO_COMMAND = (
    'README.md:8:1: MLH413 使い方のセクション "Usage" にコマンドがありません: ガイドライン'
    "は、サンプルの実行方法を README に記載することを求めています。コマンドをフェンス付き"
    "コードブロック (```sh ... ```) か `インラインコード` で書いてください"
)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "README.md",
            MINIMAL.replace("## Data\n", ""),
            [
                "README.md: MLH411 README に「データの取得」のセクションがありません"
                f" (データの取得方法): {JA_WHY}「## データの取得」や「## Data」のような"
                "見出しを追加してください (独自の見出しは設定の aliases でキー data に"
                "加えられます)"
            ],
        ),
        (
            "README.md",
            MINIMAL.replace("    python run.py\n", "").replace("0.9", "good"),
            [JA_NO_COMMAND, JA_NO_NUMBER.replace(":11:1:", ":10:1:")],
        ),
        (
            "README.rst",
            "Overview\n========\nInput\n=====\nConfig\n======\nSetup\n=====\n"
            "Data\n====\nUsage\n=====\nRun the script.\n\nResults\n=======\n1.0\n",
            [
                "README.rst: MLH411 README に「目的」のセクションがありません (モデルの"
                f"目的): {JA_WHY}「目的」や「Purpose」のような見出しを追加してください"
                " (独自の見出しは設定の aliases でキー purpose に加えられます)",
                'README.rst:11:1: MLH413 使い方のセクション "Usage" にコマンドがありません:'
                " ガイドラインは、サンプルの実行方法を README に記載することを求めています。"
                'コマンドをリテラルブロック ("::" の後にインデントした行) か'
                ' ".. code-block:: sh" ディレクティブで書いてください',
            ],
        ),
    ],
    ids=["missing section", "no command, no number", "reST"],
)
def test_japanese_messages(make_files, capsys, name, text, expected):
    code, out = run_on(make_files, capsys, {name: text}, ["--lang", "ja"])
    assert (code, out.splitlines()) == (1, expected)


def test_lang_in_pyproject_gives_japanese(make_files, capsys):
    files = {
        "README.md": MINIMAL.replace("accuracy 0.9", "good"),
        "pyproject.toml": '[tool.mlhooks]\nlang = "ja"\n',
    }
    assert run_on(make_files, capsys, files) == (1, JA_NO_NUMBER + "\n")


def test_japanese_locale_gives_japanese(make_files, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    text = MINIMAL.replace("    python run.py\n", "")
    assert run_on(make_files, capsys, {"README.md": text}) == (1, JA_NO_COMMAND + "\n")


def test_japanese_names_every_missing_section_by_its_japanese_heading(
    make_files, capsys
):
    code, out = run_on(make_files, capsys, {"README.md": ""}, ["--lang", "ja"])
    assert (code, out.splitlines()) == (1, sorted(JA_MISSING.values()))
    assert '"' not in out


def test_japanese_demo_project_readme(make_files, capsys):
    demo = RESOURCES.parents[2] / "examples" / "churn-demo" / "README.md"
    files = {"README.md": demo.read_bytes()}
    code, out = run_on(
        make_files, capsys, files, ["--select", "MLH411", "--lang", "ja"]
    )
    assert (code, out.splitlines()) == (
        1,
        [JA_MISSING["data"], JA_MISSING["io-spec"], JA_MISSING["configuration"]],
    )


def test_the_alias_the_japanese_message_names_silences_it(make_files, capsys):
    text = MINIMAL.replace("## Config\n", "## 実験条件\n")
    code, out = run_on(make_files, capsys, {"README.md": text}, ["--lang", "ja"])
    assert (code, out.splitlines()) == (1, [JA_MISSING["configuration"]])
    table = "aliases = {configuration = ['実験条件']}"
    files = {
        "README.md": text,
        "pyproject.toml": f"[tool.mlhooks.check-readme-sections]\n{table}\n",
    }
    assert run_on(make_files, capsys, files, ["--lang", "ja"]) == (0, "")


def test_the_japanese_explanation_lists_the_section_keys():
    from mlhooks._i18n import explanation

    fix = explanation("MLH411")["fix_ja"]
    for key, (japanese, _, _) in JA_SECTIONS.items():
        assert f"`{key}` ({japanese})" in fix
    assert '`aliases = {configuration = ["実験条件"]}`' in fix
    assert "`sections = [" in fix
