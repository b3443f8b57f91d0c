"""Entry lines of docstring sections: ``x (int): ...`` (Google), ``x, y : int``
(NumPy), ``ValueError: ...``, the type that opens a Google Returns line, and Sphinx
fields (``:param int x:``, ``:type x:``, ``:rtype:``, ``:raises A, B:``).

An entry names one or more arguments (``*args``, ``\\*args`` and ``args`` alike) or
exceptions (dotted names too); a line that does not read as one gives None, which
tells the caller the section's list may be incomplete.
"""

from __future__ import annotations

import re

NAME = r"\\?\*{0,2}[^\W\d][\w.]*"
NAME_LIST = re.compile(rf"{NAME}(?:\s*,\s*{NAME})*")
SQUEEZE = re.compile(r"\s*(?:[|,]|\bor\b|\bof\b)\s*")
FIELD = re.compile(
    r":(param|parameter|arg|argument|key|keyword|type|returns?|rtype|yields?|ytype"
    r"|raises?|except|exception|var|ivar|cvar)\b\s*([^:]*):(.*)"
)
FIELDS = {
    "args": "param parameter arg argument key keyword",
    "attributes": "var ivar cvar",
    "raises": "raise raises except exception",
    "returns": "return returns rtype",
    "yields": "yield yields ytype",
}
FIELD_KIND = {field: kind for kind, text in FIELDS.items() for field in text.split()}
Entry = tuple[str, str, int]  # name, type, line


def google_entry(line: str) -> tuple[str, str] | None:
    """``names (type): text`` -> (names, type); None when the line is no entry."""
    match = NAME_LIST.match(line)
    if not match:
        return None
    rest, kind = line[match.end() :].lstrip(), ""
    if rest.startswith("("):
        depth = 0
        for at, char in enumerate(rest):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                kind, rest = rest[1:at], rest[at + 1 :].lstrip()
                break
    return (match.group(), kind.strip()) if rest[:1] in (":", "：") else None


def numpy_entry(line: str) -> tuple[str, str] | None:
    """``names : type`` or ``names`` -> (names, type)."""
    names, _, kind = line.partition(":")
    names = names.strip()
    return (names, kind.strip()) if NAME_LIST.fullmatch(names) else None


def split_names(names: str) -> list[str]:
    """``x, *args, \\**kwargs`` -> x, args, kwargs."""
    return [n.strip().lstrip("\\*").replace("\\", "") for n in names.split(",")]


def returns_type(text: str) -> str:
    """The type that opens a Google Returns line (``int: the count``), else ''."""
    head, colon, _ = text.partition(":")
    squeezed = SQUEEZE.sub("|", head.strip())
    return head.strip() if colon and head and " " not in squeezed else ""


def entry_of(line: str, form: str, kind: str) -> tuple[str, str] | None:
    """An entry line of an arguments or raises section: (names, type)."""
    if form == "numpy":
        return numpy_entry(line)
    return google_entry(line) or (
        google_entry(line + ":") if kind == "raises" else None
    )


def _field_entries(kind: str, arg: str, at: int) -> list[Entry]:
    """The names a Sphinx field documents: ``:param int x:``, ``:raises A, B:``."""
    if kind == "raises":
        return [(name.strip(), "", at) for name in arg.split(",") if name.strip()]
    parts = re.sub(r"\s*\([^)]*\)", "", arg).rsplit(None, 1)  # "x (optional)"
    kind_text = parts[0] if len(parts) == 2 else ""
    return [(n, kind_text, at) for n in split_names(parts[-1])] if arg else []


def sphinx_sections(
    fields: list[tuple[int, re.Match[str]]],
) -> list[tuple[str, int, list[Entry], str]]:
    """(kind, first line, entries, text) for each kind of field, in file order."""
    entries: dict[str, list[Entry]] = {}
    first: dict[str, int] = {}
    types: dict[str, str] = {}
    texts: dict[str, str] = {}
    for at, match in fields:
        field, arg, text = match.group(1), match.group(2).strip(), match.group(3)
        if field == "type":
            types[split_names(arg)[0]] = text.strip()
            continue
        kind = FIELD_KIND[field]
        first.setdefault(kind, at)
        listed = entries.setdefault(kind, [])
        if field in ("rtype", "ytype"):
            listed.append(("", text.strip(), at))
        elif kind in ("returns", "yields"):
            texts[kind] = text.strip()
        else:
            listed.extend(_field_entries(kind, arg, at))
    typed = {
        kind: [(n, t or types.get(n, ""), a) for n, t, a in listed]
        for kind, listed in entries.items()
    }
    return [(k, first[k], typed[k], texts.get(k, "")) for k in entries]
