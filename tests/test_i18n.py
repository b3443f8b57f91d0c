"""Every message exists in English and Japanese; every code has its explanation."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from mlhooks import _i18n
from mlhooks._diagnostics import CORE_CODES
from mlhooks._i18n import fields, locale_language, rule_book, set_language, tr

HOOKS = Path(_i18n.__file__).resolve().parent
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
CODE_KEYS = ("summary_ja", "why", "why_ja", "bad", "good", "fix", "fix_ja")


def all_codes() -> dict[str, str]:
    from mlhooks.cli import load_hooks

    codes = dict(CORE_CODES)
    for hook in load_hooks():
        codes.update(hook.codes)
    return codes


def marked_templates() -> dict[str, str]:
    """Every literal passed to ``tr`` or ``N_`` in the package -> where it is."""
    found = {}
    for path in sorted(HOOKS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("tr", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = f"{path.name}:{node.lineno}"
    return found


def test_every_marked_template_has_a_japanese_translation() -> None:
    catalogue = {e["en"]: e["ja"] for e in rule_book()["message"]}
    missing = [
        f"{where}: {text!r}"
        for text, where in marked_templates().items()
        if text not in catalogue
    ]
    assert missing == []


def test_translations_fill_the_same_fields_and_are_japanese() -> None:
    wrong = [
        entry["en"]
        for entry in rule_book()["message"]
        if fields(entry["en"]) != fields(entry["ja"])
        or not JAPANESE.search(entry["ja"])
    ]
    assert wrong == []


def test_no_translation_is_left_unused_or_doubled() -> None:
    english = [entry["en"] for entry in rule_book()["message"]]
    used = marked_templates()
    assert [text for text in english if text not in used] == []
    assert len(english) == len(set(english))


def test_every_code_is_explained_in_both_languages() -> None:
    book = rule_book()
    incomplete = {
        code: [key for key in CODE_KEYS if not str(book.get(code, {}).get(key, ""))]
        for code in all_codes()
    }
    assert {code: keys for code, keys in incomplete.items() if keys} == {}
    not_japanese = [
        f"{code}.{key}"
        for code in all_codes()
        for key in CODE_KEYS
        if key.endswith("ja") and not JAPANESE.search(book[code][key])
    ]
    assert not_japanese == []


def test_the_rule_book_explains_only_real_codes() -> None:
    codes = set(all_codes())
    assert [key for key in rule_book() if key != "message" and key not in codes] == []


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ja_JP", "LANG": "C"}, "ja"),
    ],
)
def test_locale_language(environ: dict[str, str], expected: str) -> None:
    assert locale_language(environ) == expected


def test_tr_follows_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    template = next(iter(marked_templates()))
    monkeypatch.setattr(_i18n, "catalogue", lambda: {"x {n}": "エックス {n}"})
    set_language("ja")
    try:
        assert tr("x {n}", n=3) == "エックス 3"
        assert tr("not in the catalogue") == "not in the catalogue"
    finally:
        set_language("en")
    assert tr("x {n}", n=3) == "x 3"
    assert template


QUOTED = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|\([^()]*\)|\S*[/._=\\-]\S*|--?\w+")
ENGLISH_RUN = re.compile(r"\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b")


def test_the_demo_project_is_reported_entirely_in_japanese(monkeypatch, capsys):
    """Every finding on the demo in Japanese: no English sentence is left once
    code, names, paths and quoted values are taken out."""
    from mlhooks.cli import main

    monkeypatch.chdir(HOOKS.parent)
    assert main(["check", "examples/churn-demo", "--lang", "ja"]) == 1
    set_language("en")
    out = capsys.readouterr().out
    findings = out.split("\n\n")[0].splitlines()
    assert len(findings) == 37
    english = []
    for line in findings:
        message = line.split(" MLH", 1)[1][4:]
        prose = QUOTED.sub(" ", message)
        if not JAPANESE.search(message) or ENGLISH_RUN.search(prose):
            english.append(line)
    assert english == []
