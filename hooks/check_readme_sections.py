"""check-readme-sections: the README documents what the guideline asks it to document.

The guideline's documents (成果物と品質, README) are how a model is handed over and
reproduced: its purpose, an overview of how it works, the input/output specification,
the configuration file, the run environment, how the data is obtained, how to run the
sample, and the results with their accuracy. Each section is found by its heading, in
English or Japanese (Markdown ATX/setext headings or reST titles). Without a README this
hook reports nothing: check-required-files (MLH402) reports the missing file.
"""

from __future__ import annotations

import re
import unicodedata
from fnmatch import fnmatchcase
from typing import Any, Mapping, Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import ConfigError, Option, validate_table
from mlhooks._diagnostics import Diagnostic, file_diagnostic, line_diagnostic
from mlhooks._files import FileProblem, read_text
from mlhooks._i18n import N_, tr
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
        N_("the purpose of the model"),
        "Purpose, goal, objective, aim, motivation, background, about, introduction,"
        " intro, what is this, why, problem statement, use case, intended use",
        "目的, 背景, 狙い, ねらい, 目標, ゴール, 動機, 課題, はじめに, 趣旨, 用途",
    ),
    "overview": (
        N_("an overview of how it works"),
        "Overview, how it works, approach, method, methodology, model, architecture,"
        " algorithm, design, summary, description, pipeline, technical details,"
        " abstract, tl;dr, implementation",
        "概要, 仕組み, しくみ, 手法, アルゴリズム, モデル, アーキテクチャ, 構成, 設計,"
        " 処理の流れ, 処理フロー, 全体像, 実装",
    ),
    "io-spec": (
        N_("the input/output data specification"),
        "Inputs and outputs, input, output, i/o, io, data format, data specification,"
        " specification, spec, schema, interface, api, feature, prediction format",
        "入出力, 入力, 出力, データ仕様, 仕様, インターフェース, インタフェース,"
        " インプット, アウトプット, フォーマット, 形式, 特徴量, スキーマ",
    ),
    "configuration": (
        N_("how to write and use the configuration file"),
        "Configuration, config, settings, parameter, hyperparameter, params, options,"
        " arguments, customization, customisation, customize, customise, customizing",
        "設定ファイル, 設定, パラメータ, パラメーター, コンフィグ, オプション, 引数",
    ),
    "environment": (
        N_("how to build the run environment"),
        "Setup, set up, installation, install, installing, environment, requirements,"
        " prerequisites, pre-requisites, getting started, get started, dependencies,"
        " docker, conda, build, framework versions",
        "環境構築, 環境, インストール, セットアップ, 必要環境, 前提条件, 準備, 依存,"
        " 導入, 要件, ライブラリ, 必要なもの, 必要条件",
    ),
    "data": (
        N_("how the data is obtained"),
        "Data, dataset, data acquisition, data preparation, download, data source,"
        " obtaining the data, get the data, corpus, preprocessing",
        "データの取得, データ取得, データセット, データ, ダウンロード, 前処理",
    ),
    "usage": (
        N_("how to run the sample"),
        "Usage, how to run, how to use, running, run, quick start, quickstart,"
        " getting started, get started, example, sample, training, train, inference,"
        " predict, prediction, tutorial, demo, reproduce, reproducing, commands",
        "使い方, 使用方法, 利用方法, 実行方法, 実行, サンプル, 学習, 推論, 予測,"
        " 訓練, 使用例, 利用例, クイックスタート, チュートリアル, デモ, 動かし方, 手順",
    ),
    "results": (
        N_("the results, including prediction accuracy"),
        "Results, evaluation, performance, accuracy, metric, benchmark, score,"
        " leaderboard, experiments, perplexity, ppl, reproducibility",
        "結果, 精度, 評価, 性能, 評価結果, 実験結果, 成果, スコア, 成績, 指標, ベンチマーク",
    ),
}
README = ["README.md", "README.markdown", "README.rst", "README.txt", "README"]
OPTIONS = (
    Option("readme-files", "list", README, "globs of the README, first match wins"),
    Option(
        "sections",
        "list",
        list(SECTIONS),
        "sections the README must have",
        choices=tuple(SECTIONS),
    ),
    Option(
        "aliases",
        "table",
        {},
        "section -> extra headings (TOML only)",
        check=lambda table: _alias_problem(table),
    ),
    Option("require-metric", "bool", True, "the results section gives a number"),
    Option("require-command", "bool", True, "the usage section shows a command"),
)
ALIAS_OPTIONS = tuple(Option(key, "list", [], "") for key in SECTIONS)

MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>]*>|https?://\S+")
NOT_AFTER = {"usage": "済|データ", "results": "済|データ"}
LINK_TARGET = re.compile(r"\]\([^)]*\)")
NUMBERING = re.compile(
    r"^(?:第\s*[0-9一二三四五六七八九十]+\s*[章節部項条]|\(\s*[0-9]+\s*\)"
    r"|[0-9]+(?:[.\-][0-9]+)*(?:[.):]|(?=\s))|[ivx]+[.)])\s*"
)
LIST_NUMBER = re.compile(r"^(?:[-*+]\s+)?(?:[0-9]{1,9}[.)]|\([0-9]+\))\s+")
SUBHEADING = re.compile(r"#{1,6}\s+")
DIGIT = re.compile(r"[0-9０-９]")
COMMAND = re.compile(
    r"^\s*(?:```|~~~)|`[^`]+`|::[ \t]*$|<(?:pre|code)\b|^\s*>>>\s"
    r"|^\s*\.\.\s+(?:code-block|code|sourcecode|prompt)::"
)
MESSAGES = {
    "MLH412": N_(
        'results section "{heading}" gives no number: the guideline asks the README to'
        " report the results including prediction accuracy; add the metric with its"
        ' value (for example "accuracy: 0.93" or a table of scores)'
    ),
    "MLH413": N_(
        'usage section "{heading}" shows no command: the guideline asks the README to'
        " show how to run the sample; {fix}"
    ),
}
FIX_COMMAND = {
    "md": N_(
        "add the command in a fenced code block (```sh ... ```) or as `inline code`"
    ),
    "rst": N_(
        'add the command in a literal block ("::" then indented lines) or a'
        ' ".. code-block:: sh" directive'
    ),
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


def _forms(alias: str) -> list[str]:
    """An English alias and its singular: "dependencies" also matches "dependency"."""
    if alias.endswith("ies") and len(alias) > 4:
        return [alias, alias[:-3] + "y"]
    if alias.endswith("s") and not alias.endswith("ss") and len(alias) > 3:
        return [alias, alias[:-1]]
    return [alias]


def _matcher(section: str, aliases: list[str]) -> re.Pattern[str]:
    """One regex for a section's headings (normalised, spaces removed for Japanese).

    English aliases match as whole words, singular or plural. A Japanese alias matches
    anywhere but before 済 (学習済みモデル is a trained model, not how to train) and,
    for usage and results, before データ (学習データ is data).
    """
    english = [re.escape(form) for a in aliases if a.isascii() for form in _forms(a)]
    japanese = [re.escape(a.replace(" ", "")) for a in aliases if not a.isascii()]
    parts = []
    if english:
        parts.append(rf"(?<![a-z0-9])(?:{'|'.join(english)})(?:e?s)?(?![a-z0-9])")
    if japanese:
        after = NOT_AFTER.get(section, "済")
        parts.append(rf"(?:{'|'.join(japanese)})(?!{after})")
    return re.compile("|".join(parts) or "(?!)")


def _alias_problem(table: Mapping[str, Any]) -> str:
    """What is wrong with the ``aliases`` table ('' when nothing)."""
    try:
        extra = validate_table(table, ALIAS_OPTIONS, "aliases")
    except ConfigError as exc:
        return str(exc).removeprefix("aliases: ")
    for key, words in extra.items():
        if any(not normalise(word) for word in words):
            return f"'{key}' has a heading with no letters"
    return ""


def _matchers(settings: Mapping[str, Any]) -> dict[str, re.Pattern[str]]:
    """A heading matcher for each required section."""
    result = {}
    for key in settings["sections"]:
        _, english, japanese = SECTIONS[key]
        words = english.split(", ") + japanese.split(", ")
        words += settings["aliases"].get(key, [])
        result[key] = _matcher(key, [normalise(word) for word in words])
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
    """MLH411: the README lacks the section ``key`` (its headings suggested)."""
    what, english, japanese = SECTIONS[key]
    message = tr(
        'missing section "{key}" ({what}): the guideline\'s README documents it so'
        " that the model can be handed over and reproduced; add a heading such as"
        ' "{mark}{english}" or "{mark}{japanese}"',
        key=key,
        what=tr(what),
        mark="## " if flavour == "md" else "",
        english=english.split(",")[0],
        japanese=japanese.split(",")[0],
    )
    return file_diagnostic(path, "MLH411", message)


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
                fix = tr(FIX_COMMAND[doc.flavour])
                message = tr(MESSAGES[code], heading=first.text, fix=fix)
                problems.append(line_diagnostic(path, first.line, code, message))
    return problems


def _has_prose(lines: Sequence[str]) -> bool:
    """Whether ``lines`` say something in words (badges, images and markup aside).

    The paragraph under a README's title is where most READMEs state their purpose, so
    it counts as the purpose section.
    """
    text = MARKUP.sub(
        " ", "\n".join(line for line in lines if not line.startswith(".."))
    )
    return sum(char.isalpha() for char in text) >= 10


def readme_problems(
    path: str, text: str, settings: Mapping[str, Any]
) -> list[Diagnostic]:
    """The findings for the README ``path`` whose content is ``text``."""
    doc = outline(path, text)
    headings = doc.sections()
    keys = [normalise(heading.text, numbered=True) for heading in headings]
    found = {
        section: [h for h, key in zip(headings, keys) if matcher.search(key)]
        for section, matcher in _matchers(settings).items()
    }
    if _has_prose(doc.lead()):
        found["purpose"] = found.get("purpose") or [Heading(1, 0, "", 0, 0)]
    missing = [_missing(path, key, doc.flavour) for key, hs in found.items() if not hs]
    return missing + _content_problems(settings, path, found, doc)


def check_readme_sections(ctx: Context) -> list[Diagnostic]:
    """Missing sections, results without a number, usage without a command."""
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
