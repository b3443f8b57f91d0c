"""check-readme-sections: the README documents what the guideline asks it to document.

The guideline's documents (成果物と品質, README) are how a model is handed over and
reproduced: its purpose, an overview of how it works, the input/output specification,
the configuration file, the run environment, how the data is obtained, how to run the
sample, and the results with their accuracy. Each section is found by its heading, in
English or Japanese (Markdown ATX/setext headings or reST titles). Without a README this
hook reports nothing: check-required-files (MLH402) reports the missing file.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from fnmatch import fnmatchcase
from typing import Any, Mapping, Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import ConfigError, Option, validate_table
from mlhooks._diagnostics import Diagnostic, file_diagnostic, line_diagnostic
from mlhooks._files import FileProblem, read_text
from mlhooks._markup import ANCHOR, INDENTED, Heading, Outline, outline

HOOK_ID = "check-readme-sections"
CODES = {
    "MLH411": "the README lacks a section the guideline asks for",
    "MLH412": "the README's results section reports no number (no metric)",
    "MLH413": "the README's usage section shows no command",
}
# key: (what the README documents, English headings, Japanese headings); the first of
# each list is the example a message suggests. Plurals of English headings match too.
SECTIONS = {
    "purpose": (
        "the purpose of the model",
        "Purpose, goal, objective, aim, motivation, background, about, introduction,"
        " intro, what is this, why, problem statement, use case, intended use",
        "目的, 背景, 狙い, ねらい, 目標, ゴール, 動機, 課題, はじめに, 趣旨, 用途",
    ),
    "overview": (
        "an overview of how it works",
        "Overview, how it works, approach, method, methodology, model, architecture,"
        " algorithm, design, summary, description, pipeline, technical details",
        "概要, 仕組み, しくみ, 手法, アルゴリズム, モデル, アーキテクチャ, 構成, 設計,"
        " 処理の流れ, 処理フロー",
    ),
    "io-spec": (
        "the input/output data specification",
        "Inputs and outputs, input, output, i/o, io, data format, data specification,"
        " specification, spec, schema, interface, api, feature, prediction format",
        "入出力, 入力, 出力, データ仕様, 仕様, インターフェース, インタフェース,"
        " インプット, アウトプット, フォーマット, 形式, 特徴量, スキーマ",
    ),
    "configuration": (
        "how to write and use the configuration file",
        "Configuration, config, settings, parameter, hyperparameter, params, options,"
        " arguments, customization, customisation",
        "設定ファイル, 設定, パラメータ, パラメーター, コンフィグ, オプション, 引数",
    ),
    "environment": (
        "how to build the run environment",
        "Setup, set up, installation, install, installing, environment, requirements,"
        " prerequisites, pre-requisites, getting started, get started, dependencies,"
        " docker, conda, build, framework versions",
        "環境構築, 環境, インストール, セットアップ, 必要環境, 前提条件, 準備, 依存,"
        " 導入, 要件, ライブラリ, 必要なもの",
    ),
    "data": (
        "how the data is obtained",
        "Data, dataset, data acquisition, data preparation, download, data source,"
        " obtaining the data, get the data, corpus, preprocessing",
        "データの取得, データ取得, データセット, データ, ダウンロード, 前処理",
    ),
    "usage": (
        "how to run the sample",
        "Usage, how to run, how to use, running, run, quick start, quickstart,"
        " getting started, get started, example, sample, training, train, inference,"
        " predict, prediction, tutorial, demo, reproduce, reproducing, commands",
        "使い方, 使用方法, 利用方法, 実行方法, 実行, サンプル, 学習, 推論, 予測,"
        " 訓練, 使用例, 利用例, クイックスタート, チュートリアル, デモ, 動かし方, 手順",
    ),
    "results": (
        "the results, including prediction accuracy",
        "Results, evaluation, performance, accuracy, metric, benchmark, score,"
        " leaderboard, experiments",
        "結果, 精度, 評価, 性能, 評価結果, 実験結果, 成果, スコア, 成績, 指標, ベンチマーク",
    ),
}
README = ["README.md", "README.markdown", "README.rst", "README.txt", "README"]
OPTIONS = (
    Option("readme-files", "list", README, "globs of the README, first match wins"),
    Option("sections", "list", list(SECTIONS), "sections the README must have"),
    Option("aliases", "table", {}, "section -> extra headings (TOML only)"),
    Option("require-metric", "bool", True, "the results section gives a number"),
    Option("require-command", "bool", True, "the usage section shows a command"),
)
ALIAS_OPTIONS = tuple(Option(key, "list", [], "") for key in SECTIONS)

LINK_TARGET = re.compile(r"\]\([^)]*\)")
NUMBERING = re.compile(
    r"^(?:第\s*[0-9一二三四五六七八九十]+\s*[章節部項条]|\(\s*[0-9]+\s*\)"
    r"|[0-9]+(?:[.\-][0-9]+)*(?:[.):]|(?=\s))|[ivx]+[.)])\s*"
)
LIST_NUMBER = re.compile(r"^(?:[-*+]\s+)?(?:[0-9]{1,9}[.)]|\([0-9]+\))\s+")
SUBHEADING = re.compile(r"#{1,6}\s+")
DIGIT = re.compile(r"[0-9０-９]")
COMMAND = re.compile(
    r"^ {0,3}(?:```|~~~)|`[^`]+`|::[ \t]*$|<(?:pre|code)\b|^\s*>>>\s"
    r"|^\s*\.\.\s+(?:code-block|code|sourcecode|prompt)::"
)
MESSAGES = {
    "MLH412": 'results section "{heading}" gives no number: the guideline asks the'
    " README to report the results including prediction accuracy; add the metric with"
    ' its value (for example "accuracy: 0.93" or a table of scores)',
    "MLH413": 'usage section "{heading}" shows no command: the guideline asks the'
    " README to show how to run the sample; {fix}",
}
FIX_COMMAND = {
    "md": "add the command in a fenced code block (```sh ... ```) or as `inline code`",
    "rst": 'add the command in a literal block ("::" then indented lines) or a'
    ' ".. code-block:: sh" directive',
}


def normalise(text: str, numbered: bool = False) -> str:
    """NFKC, casefolded; no anchor, numbering, punctuation, emoji or extra spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = LINK_TARGET.sub("]", ANCHOR.sub("", text))
    text = NUMBERING.sub("", text) if numbered else text
    kept = []
    for char in text:
        kind = unicodedata.category(char)
        if kind in ("Mn", "Me", "Cf"):
            continue
        kept.append(" " if kind[0] in "PSCZ" else char)
    return " ".join("".join(kept).split())


def _any_alias(aliases: list[str], heading: str) -> bool:
    """Whole-word phrase (plural allowed) for ASCII aliases, else substring."""
    for alias in aliases:
        if alias.isascii():
            pattern = rf"(?<![a-z0-9]){re.escape(alias)}(?:e?s)?(?![a-z0-9])"
            if re.search(pattern, heading):
                return True
        elif alias.replace(" ", "") in heading.replace(" ", ""):
            return True
    return False


def _required_aliases(settings: Mapping[str, Any]) -> dict[str, list[str]]:
    """Normalised headings of each required section; ConfigError for bad settings."""
    for key in settings["sections"]:
        if key not in SECTIONS:
            close = difflib.get_close_matches(key, list(SECTIONS), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ConfigError(
                f"sections: unknown section '{key}' ({hint}valid sections:"
                f" {', '.join(sorted(SECTIONS))})"
            )
    extra = validate_table(settings["aliases"], ALIAS_OPTIONS, "aliases")
    result = {}
    for key in settings["sections"]:
        _, english, japanese = SECTIONS[key]
        words = english.split(", ") + japanese.split(", ") + extra.get(key, [])
        result[key] = [normalise(word) for word in words]
        if "" in result[key]:
            raise ConfigError(f"aliases: '{key}' has a heading with no letters")
    return result


def _readme(ctx: Context) -> str | None:
    """The first tracked file matching the readme-files globs, in their order."""
    tracked = [p for p in ctx.repo.tracked if ctx.included(p)]
    for glob in ctx.settings["readme-files"]:
        for path in tracked:
            if fnmatchcase(path.lower(), glob.lower()) and (ctx.root / path).is_file():
                return path
    return None


def _missing(path: str, key: str, flavour: str) -> Diagnostic:
    what, english, japanese = SECTIONS[key]
    mark = "## " if flavour == "md" else ""
    examples = f'"{mark}{english.split(",")[0]}" or "{mark}{japanese.split(",")[0]}"'
    return file_diagnostic(
        path,
        "MLH411",
        f'missing section "{key}" ({what}): the guideline\'s README documents it so'
        f" that the model can be handed over and reproduced; add a heading such as"
        f" {examples}",
    )


def _unnumbered(line: str) -> str:
    """``line`` without a heading's numbering or an ordered-list marker."""
    line = unicodedata.normalize("NFKC", line).casefold().strip()
    subheading = SUBHEADING.match(line)
    if subheading:
        return NUMBERING.sub("", line[subheading.end() :])
    return LIST_NUMBER.sub("", line)


def _gives_number(heading: Heading, doc: Outline) -> bool:
    """A digit in the heading or its section (subsections and tables included)."""
    texts = [f"# {heading.text}", *doc.body(heading)]  # its numbering is no metric
    return any(DIGIT.search(_unnumbered(text)) for text in texts)


def _shows_command(heading: Heading, doc: Outline) -> bool:
    """A code block, code span or reST literal block in the section."""
    previous = ""
    for line in doc.body(heading):
        if COMMAND.search(line) or (
            line.strip() and INDENTED.match(line) and not previous.strip()
        ):
            return True
        previous = line
    return False


CONTENT = (
    ("require-metric", "results", "MLH412", _gives_number),
    ("require-command", "usage", "MLH413", _shows_command),
)


def _content_problems(
    settings: Mapping[str, Any],
    path: str,
    found: dict[str, list[Heading]],
    doc: Outline,
) -> list[Diagnostic]:
    """MLH412/MLH413 when no heading of the results/usage section has the content."""
    problems = []
    for option, key, code, has_content in CONTENT:
        headings = found.get(key)
        if settings[option] and headings:
            if not any(has_content(heading, doc) for heading in headings):
                first = headings[0]
                fix = FIX_COMMAND[doc.flavour]
                message = MESSAGES[code].format(heading=first.text, fix=fix)
                problems.append(line_diagnostic(path, first.line, code, message))
    return problems


def readme_problems(
    path: str, text: str, settings: Mapping[str, Any]
) -> list[Diagnostic]:
    """The findings for the README ``path`` whose content is ``text``."""
    doc = outline(path, text)
    headings = doc.sections()
    keys = [normalise(heading.text, numbered=True) for heading in headings]
    found = {
        section: [h for h, key in zip(headings, keys) if _any_alias(aliases, key)]
        for section, aliases in _required_aliases(settings).items()
    }
    missing = [_missing(path, key, doc.flavour) for key, hs in found.items() if not hs]
    return missing + _content_problems(settings, path, found, doc)


def check_readme_sections(ctx: Context) -> list[Diagnostic]:
    """Missing sections, results without a number, usage without a command."""
    _required_aliases(ctx.settings)  # bad settings fail even without a README
    path = _readme(ctx)
    if path is None:
        return []
    try:
        text = read_text(ctx.root, path)
    except FileProblem as exc:
        return [exc.diagnostic]
    return readme_problems(path, text, ctx.settings)


HOOK = Hook(
    id=HOOK_ID,
    summary="The README has the guideline's sections (purpose, overview, input/output,"
    " configuration, environment, data, usage with a command, results with a metric).",
    section="documents",
    codes=CODES,
    check=check_readme_sections,
    options=OPTIONS,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
