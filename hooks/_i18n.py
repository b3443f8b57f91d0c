"""Messages in English and Japanese, and the rule book behind ``mlhooks explain``.

Code writes each message in English as a ``str.format`` template and passes it through
``tr`` when the message is built (never at import time: the language is chosen after
the modules are imported, from ``--lang``, ``lang`` in ``[tool.mlhooks]`` or the
locale). The Japanese text lives in the rule book, ``rules/*.toml`` beside this module:
``[[message]]`` tables pair an ``en`` template with its ``ja`` translation, and one
table per code (``[MLH201]``) holds its Japanese summary, why the guideline asks for
it, a bad and a good example, and how to fix or suppress it. The English summary of a
code stays in its hook's ``CODES``. The rule book is read only when it is needed:
English output never touches it.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

LANGUAGES = ("en", "ja")
RULES = Path(__file__).with_name("rules")
FIELD = re.compile(r"(?<!\{)\{([a-zA-Z_]\w*)[^{}]*\}(?!\})")
_state = {"lang": "en"}


def locale_language(environ: Mapping[str, str] = os.environ) -> str:
    """``ja`` when the locale (LC_ALL, LC_MESSAGES, LANG: the first one set) is
    Japanese, else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def set_language(lang: str | None) -> str:
    """Use ``lang`` (``en``/``ja``; empty or None: the locale) from now on."""
    _state["lang"] = lang if lang in LANGUAGES else locale_language()
    return _state["lang"]


def language() -> str:
    return _state["lang"]


@lru_cache(maxsize=None)
def rule_book() -> dict[str, Any]:
    """Every ``rules/*.toml`` merged: ``message`` (a list) and one table per code."""
    from mlhooks._config import parse_toml

    book: dict[str, Any] = {"message": []}
    for path in sorted(RULES.glob("*.toml")):
        data = parse_toml(path.read_text(encoding="utf-8"))
        book["message"].extend(data.pop("message", []))
        book.update(data)
    return book


@lru_cache(maxsize=None)
def catalogue() -> dict[str, str]:
    """English template -> Japanese template."""
    return {entry["en"]: entry["ja"] for entry in rule_book()["message"]}


def fields(template: str) -> set[str]:
    """The names a template fills in (``{name}``, ``{name:>4}``; not ``{{x}}``)."""
    return set(FIELD.findall(template))


def tr(template: str, /, **values: object) -> str:
    """``template`` in the current language, filled with ``values``.

    Literal braces in a template with values are written ``{{`` and ``}}``; a
    template without values is returned as it is. A template missing from the
    catalogue stays English (a test makes sure none is).
    """
    if _state["lang"] != "en":
        template = catalogue().get(template, template)
    return template.format(**values) if values else template


def width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width font (East Asian wide: 2)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def listing(items: Iterable[str]) -> str:
    """Items of a message listed as the language lists them (``a, b`` / ``a、b``)."""
    return ("、" if _state["lang"] == "ja" else ", ").join(items)


def N_(template: str) -> str:  # noqa: N802 - the gettext name for "mark only"
    """Mark a template kept in a constant for the catalogue; ``tr`` it when used."""
    return template


def explanation(code: str) -> dict[str, str]:
    """The rule-book table of ``code`` (empty when there is none)."""
    entry = rule_book().get(code, {})
    return entry if isinstance(entry, dict) else {}
