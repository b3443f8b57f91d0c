"""Docstrings read as data: documented arguments, returns, yields, raises, attributes.

Google (``Args:``), NumPy (``Parameters`` over dashes) and Sphinx (``:param x:``)
styles, detected per docstring or fixed; section names in English or Japanese
(``引数``, ``戻り値``, ``例外``...), with an ASCII or full-width colon, Japanese ones
also with none. A section counts only alone on its line at the docstring's own
indentation, so prose that mentions "Args" is never one. Lines are 0-based offsets
from the docstring's first line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from mlhooks._docentries import (
    FIELD,
    entry_of,
    returns_type,
    sphinx_sections,
    split_names,
)

STYLES = ("auto", "google", "numpy", "sphinx")
NAMES = {
    "args": "args arguments parameters params keyword_args keyword_arguments kwargs"
    " other_parameters 引数 パラメータ パラメーター",
    "returns": "returns return 戻り値 返り値 返値",
    "yields": "yields yield 生成",
    "raises": "raises raise 例外 送出",
    "attributes": "attributes 属性",
    "other": "attention caution danger error example examples hint important methods"
    " note notes receive receives references see_also tip todo warning warnings warn"
    " warns usage 例 使用例 注意 備考",
}
SECTION_NAMES = {
    name.replace("_", " "): kind
    for kind, names in NAMES.items()
    for name in names.split()
}
NONE = re.compile(r"(?:none|nothing|なし|無し)(?!\w)", re.IGNORECASE)
UNDERLINE = re.compile(r"[-=]{3,}")
MARKS = re.compile(r":|---|===")
TITLE_WORDS = re.compile(r"[A-Z][a-z]{3,}")
TITLE_HEADER = re.compile(TITLE_WORDS.pattern + r"\s*[:：]")
SPHINX_TITLES = {"args": ":param", "returns": ":returns:", "yields": ":yields:"}
SPHINX_TITLES |= {"raises": ":raises", "attributes": ":ivar"}


@dataclass(frozen=True)
class Item:
    """One documented name (an argument, an exception) with its type as written."""

    name: str
    type: str
    line: int


@dataclass(frozen=True)
class Section:
    """A section: its kind, its title as written, its line, and what it lists.

    ``doubtful``: a line where an entry belongs did not read as one, so the list may
    be incomplete. ``text``: the first line of the body (for Returns: "None"?)."""

    kind: str
    title: str
    line: int
    items: tuple[Item, ...] = ()
    doubtful: bool = False
    text: str = ""

    @property
    def says_none(self) -> bool:
        return bool(NONE.match(self.text)) or self.type_text == "None"

    @property
    def type_text(self) -> str:
        return self.items[0].type if len(self.items) == 1 else ""


@dataclass(frozen=True)
class Docstring:
    sections: tuple[Section, ...] = ()
    misspelt: tuple[Item, ...] = ()  # name: the header as written, type: the fix

    def of(self, kind: str) -> list[Section]:
        return [section for section in self.sections if section.kind == kind]


def section_names(aliases: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """The built-in section names plus configured ones, lower-cased name -> kind."""
    names = dict(SECTION_NAMES)
    for kind, extra in aliases.items():
        names.update({name.strip().lower(): kind for name in extra})
    return names


def dedent(text: str) -> list[str]:
    """The docstring's lines, the common indentation of all but the first removed."""
    lines = text.expandtabs().split("\n")
    widths = [len(s) - len(s.lstrip()) for s in lines[1:] if s.strip()]
    cut = min(widths, default=0)
    return [lines[0].strip()] + [s[cut:].rstrip() for s in lines[1:]]


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _header(lines: list[str], i: int, names: Mapping[str, str], style: str) -> str:
    """'google' / 'numpy' when line ``i`` opens a known section in that form."""
    line = lines[i]
    if not line or line[0] == " " or i == 0:
        return ""
    title = line.rstrip(":：").strip().lower()
    if style in ("auto", "numpy") and i + 1 < len(lines) and title in names:
        if UNDERLINE.fullmatch(lines[i + 1].strip()):
            return "numpy"
    if style not in ("auto", "google") or title not in names:
        return ""
    if line.endswith((":", "：")):
        return "google"
    if not title.isascii() and title == line.strip().lower():
        after = next((s for s in lines[i + 1 :] if s.strip()), "")
        return "google" if indent(after) > 0 else ""
    return ""


def _named(items: list[Item], kind: str) -> tuple[list[Item], bool]:
    """The items that name an identifier (a dotted one for raises); whether any did
    not (``:param Distribution|None:`` forgot the name). Returns have no names."""
    if kind in ("returns", "yields"):
        return items, False
    dots = "_" if kind == "raises" else "."
    good = [i for i in items if i.name.replace(".", dots).isidentifier()]
    return good, len(good) < len(items)


def _section(
    lines: list[str], i: int, form: str, kind: str, ends: list[bool]
) -> Section:
    """The section whose header is line ``i``, read up to the next header."""
    body = []
    for at in range(i + (2 if form == "numpy" else 1), len(lines)):
        if ends[at] or (lines[at][:1].strip() and form == "google"):
            break
        body.append(at)
    filled = [at for at in body if lines[at].strip()]
    level = indent(lines[filled[0]]) if filled else 0
    items: list[Item] = []
    doubtful = False
    for at in filled:
        stripped = lines[at].strip()
        if indent(lines[at]) != level:
            doubtful = doubtful or indent(lines[at]) < level
        elif kind in ("returns", "yields"):
            numpy = stripped.partition(" : ")[2] if " : " in stripped else stripped
            typed = numpy if form == "numpy" else returns_type(stripped)
            items.append(Item("", typed.strip(), at))
            if form == "google":
                break  # the rest describes the value
        else:
            entry = entry_of(stripped, form, kind)
            doubtful = doubtful or entry is None
            names, kind_text = entry or ("", "")
            found, bad = _named(
                [Item(n, kind_text, at) for n in split_names(names)], kind
            )
            items.extend(found)
            doubtful = doubtful or bad
    text = lines[filled[0]].strip() if filled else ""
    title = lines[i].rstrip(":：").strip()
    return Section(kind, title, i, tuple(items), doubtful, text)


def _sphinx(fields: list[tuple[int, re.Match[str]]]) -> list[Section]:
    """Sphinx fields gathered into one section per kind, in the order written."""
    sections = []
    for kind, line, entries, text in sphinx_sections(fields):
        items, bad = _named([Item(*entry) for entry in entries], kind)
        sections.append(
            Section(kind, SPHINX_TITLES[kind], line, tuple(items), bad, text)
        )
    return sections


def _misspelt(line: str, known: Iterable[str]) -> str:
    """The known header that ``line`` (Title-case words) looks like a typo of."""
    word = line.rstrip(":：").strip()
    if not TITLE_WORDS.fullmatch(word) or word.lower() in known:
        return ""  # a known name in another style's form is no typo
    low = word.lower()
    ratios = {
        name: difflib.SequenceMatcher(None, low, name).ratio()
        for name in known
        if name[0] == low[0] and name.isalpha() and abs(len(name) - len(low)) <= 2
    }
    best = max(ratios, key=ratios.__getitem__, default="")
    return best if best and ratios[best] >= 0.75 else ""


def parse_docstring(
    text: str, style: str = "auto", names: Mapping[str, str] = SECTION_NAMES
) -> Docstring:
    """The sections of a docstring (none when it has a single line)."""
    if "\n" not in text or (text.isascii() and not MARKS.search(text)):
        return Docstring()  # no colon, no underline: no section, no field
    lines = dedent(text)
    forms = [_header(lines, i, names, style) for i in range(len(lines))]
    ends = [bool(form) for form in forms]
    fields = []
    misspelt = []
    for i, line in enumerate(lines):
        if style in ("auto", "sphinx") and line.startswith(":"):
            match = FIELD.match(line)
            if match:
                fields.append((i, match))
                ends[i] = True
        elif i and line and line[0] != " " and not forms[i]:
            numpy = i + 1 < len(lines) and UNDERLINE.fullmatch(lines[i + 1].strip())
            if numpy or TITLE_HEADER.fullmatch(line):
                ends[i] = True
                fix = _misspelt(line, names)
                if fix:
                    misspelt.append(Item(line.strip(), fix, i))
    sections = [
        _section(lines, i, form, names[lines[i].rstrip(":：").strip().lower()], ends)
        for i, form in enumerate(forms)
        if form
    ]
    sections += _sphinx(fields)
    return Docstring(tuple(sorted(sections, key=lambda s: s.line)), tuple(misspelt))
