"""Headings and section bodies of Markdown and reStructuredText documents.

Found without a Markdown library. Markdown: ATX (``## Usage``, closing hashes and
``{#anchor}`` dropped) and setext headings (text underlined with ``===`` or ``---``);
fenced code blocks (backticks or tildes, closed by a fence at least as long), HTML
comments (also across lines), indented code and a leading YAML front matter are skipped.
reST: section titles underlined, optionally overlined, levels in order of first use; an
underline shorter than its title counts from 4 characters on (full-width characters are
2 columns wide), as in docutils.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mlhooks._i18n import width

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$")
_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}(?!.*`)|~{3,})")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_BLOCK = re.compile(
    r"^ {0,3}(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[>|<]|(?:[-*_][ \t]*){3,}$)"
)
_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1*[ \t]*$")
# Public: a heading attribute ``{#id}`` / ``{: .class}``, and an indented line (Markdown
# indented code, reST literal block content).
ANCHOR = re.compile(r"\s*\{[:#][^}]*\}\s*$")
INDENTED = re.compile(r"^(?: {4}|\t)")


@dataclass(frozen=True)
class Heading:
    """A heading and its section; ``line`` is 1-based, the rest are list indexes.

    ``start`` is its first line (a reST overline, a setext text), ``body`` the first
    line under it, ``end`` the line after its section (subsections included).
    """

    line: int
    level: int
    text: str
    start: int
    body: int
    end: int = 0


@dataclass(frozen=True)
class Outline:
    """A document's headings in order, its visible lines and its flavour.

    ``lines`` are the document's lines without line ends; in Markdown, HTML comments
    are cut out and front matter lines are empty. ``flavour`` is "md" or "rst".
    """

    headings: tuple[Heading, ...]
    lines: tuple[str, ...]
    flavour: str

    def sections(self) -> tuple[Heading, ...]:
        """The headings without the document's title (a first heading above all)."""
        first, rest = self.headings[:1], self.headings[1:]
        if first and all(h.level > first[0].level for h in rest):
            return rest
        return self.headings

    def body(self, heading: Heading) -> tuple[str, ...]:
        """The visible lines under ``heading`` up to the end of its section."""
        return self.lines[heading.body : heading.end]

    def lead(self) -> tuple[str, ...]:
        """The visible lines before the first section (after the title, if any)."""
        sections = self.sections()
        stop = sections[0].start if sections else len(self.lines)
        title = self.headings[0] if self.headings and not sections else None
        if sections and sections[0] is not self.headings[0]:
            title = self.headings[0]
        return self.lines[title.body if title else 0 : stop]


def _uncomment(line: str, in_comment: bool) -> tuple[str, bool]:
    """``line`` without HTML comments, and whether a comment stays open after it."""
    visible = ""
    while True:
        if in_comment:
            close = line.find("-->")
            if close < 0:
                return visible, True
            line, in_comment = line[close + 3 :], False
        opening = line.find("<!--")
        if opening < 0:
            return visible + line, False
        visible, line, in_comment = visible + line[:opening], line[opening + 4 :], True


def _front_matter(lines: list[str]) -> int:
    """Number of lines of a leading YAML front matter block (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], 1):
            if line.strip() in ("---", "..."):
                return i + 1
    return 0


def _closes(fence: str, line: str) -> bool:
    """Whether ``line`` closes a code block opened by ``fence``."""
    mark = line.strip()
    indent = len(line) - len(line.lstrip(" "))
    return indent < 4 and len(mark) >= len(fence) and mark == fence[0] * len(mark)


def _markdown(lines: list[str]) -> tuple[list[Heading], list[str]]:
    """ATX and setext headings outside code fences and HTML comments; visible lines."""
    skip = _front_matter(lines)
    headings: list[Heading] = []
    visible, fence, in_comment = [""] * skip, "", False
    para: list[str] = []
    for i, raw in enumerate(lines[skip:], skip):
        if fence:
            visible.append(raw)
            fence = "" if _closes(fence, raw) else fence
            continue
        line, in_comment = _uncomment(raw, in_comment)
        visible.append(line)
        opening, atx = _FENCE.match(line), _ATX.match(line)
        if opening:
            fence, para = opening.group(1), []
        elif atx:
            text = ANCHOR.sub("", _CLOSING.sub("", atx.group(2))).strip()
            headings.append(Heading(i + 1, len(atx.group(1)), text, i, i + 1))
            para = []
        elif para and _SETEXT.match(line):
            level, first = (1 if "=" in line else 2), i - len(para)
            headings.append(Heading(first + 1, level, " ".join(para), first, i + 1))
            para = []
        elif (
            not line.strip()
            or _BLOCK.match(line)
            or (not para and INDENTED.match(line))
        ):
            para = []
        else:
            para.append(line.strip())
    return headings, visible


def _rst_title(lines: list[str], i: int) -> tuple[tuple[str, bool], int] | None:
    """The adornment style and text line of a reST title starting at line ``i``."""
    first, text = _ADORNMENT.match(lines[i]), lines[i + 1]
    if first and i + 2 < len(lines) and text.strip() and not _ADORNMENT.match(text):
        if lines[i + 2].rstrip() == lines[i].rstrip():
            return (first.group(1), True), i + 1
    under, size = _ADORNMENT.match(text), len(text.rstrip())
    title = lines[i].rstrip()
    if under and title and not first and not title[0].isspace():
        if size >= 4 or size >= width(title):
            return (under.group(1), False), i
    return None


def _rst(lines: list[str]) -> list[Heading]:
    """reST section titles (underlined, optionally overlined); levels by first use."""
    headings: list[Heading] = []
    styles: list[tuple[str, bool]] = []
    i = 0
    while i + 1 < len(lines):
        title = _rst_title(lines, i)
        if title is None:
            i += 1
            continue
        style, at = title
        styles += [style] if style not in styles else []
        level = styles.index(style) + 1
        headings.append(Heading(at + 1, level, lines[at].strip(), i, at + 2))
        i = at + 2
    return headings


def _parse(path: str, lines: list[str]) -> tuple[list[Heading], list[str], str]:
    """reST for .rst, Markdown for .md; other names: Markdown unless only reST fits."""
    name = path.lower()
    if name.endswith(".rst"):
        return _rst(lines), lines, "rst"
    headings, visible = _markdown(lines)
    if not headings and not name.endswith((".md", ".markdown")):
        titles = _rst(lines)
        if titles:
            return titles, lines, "rst"
    return headings, visible, "md"


def outline(path: str, text: str) -> Outline:
    """The headings of the document ``path`` whose content is ``text`` (LF or CRLF)."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    headings, visible, flavour = _parse(path, lines)
    ends = [
        next((h.start for h in headings[k + 1 :] if h.level <= head.level), len(lines))
        for k, head in enumerate(headings)
    ]
    found = tuple(replace(h, end=end) for h, end in zip(headings, ends))
    return Outline(found, tuple(visible), flavour)
