from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlhooks._markup import Heading, outline


def titles(text: str, name: str = "README.md") -> list[tuple[int, int, str]]:
    """(line, level, text) of every heading of the document."""
    return [(h.line, h.level, h.text) for h in outline(name, text).headings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("no heading\n", []),
        # ATX: levels 1-6, up to 3 spaces, closing hashes and anchors dropped
        (
            "# A\n## B ##\n### C {#c}\n#### C# ##\n  ##### D\n###### E #\n",
            [(1, 1, "A"), (2, 2, "B"), (3, 3, "C"), (4, 4, "C#"), (5, 5, "D")]
            + [(6, 6, "E")],
        ),
        ("####### seven\n#no space\n    ## indented code\n", []),
        ("#\n##\t目的\n", [(1, 1, ""), (2, 2, "目的")]),
        # setext: the heading is at its (first) text line
        (
            "Title\n=====\n\nSub\n---\ntwo\nlines\n  ---  \n",
            [(1, 1, "Title"), (4, 2, "Sub"), (6, 2, "two lines")],
        ),
        ("使い方\n======\n", [(1, 1, "使い方")]),
        ("- item\n---\n", []),
        ("> quote\n===\n", []),
        ("\n---\n", []),
        ("    code\n---\n", []),
        ("1. step\n---\n", []),
        # fenced code blocks: backticks or tildes, closed by a fence at least as long
        ("```\n# no\n```\n# yes\n", [(4, 1, "yes")]),
        ("```sh\n# no\n```\n# yes\n", [(4, 1, "yes")]),
        ("````\n```\n# no\n````\n# yes\n", [(5, 1, "yes")]),
        ("~~~\n# no\n```\n~~~\n# yes\n", [(5, 1, "yes")]),
        ("~~~~\n# no\n~~~\n# no\n~~~~~\n# yes\n", [(6, 1, "yes")]),
        ("```\n# no\n~~~\n# no\n", []),
        ("```\n# no\n    ```\n# no\n```\n# yes\n", [(6, 1, "yes")]),
        ("``` a`b\n# yes\n", [(2, 1, "yes")]),
        ("~~~ a`b\n# no\n", []),
        ("    ```\n# yes\n", [(2, 1, "yes")]),
        ("Usage\n```\nUsage\n---\n```\n", []),
        # HTML comments, also across lines
        ("<!-- # no -->\n# yes\n", [(2, 1, "yes")]),
        ("<!--\n# no\n\nno\n---\n-->\n# yes\n", [(7, 1, "yes")]),
        ("# A <!-- noqa: MLH413 -->\n", [(1, 1, "A")]),
        ("<!-- a --><!--\n# no\n--> <!-- b -->\n# yes\n", [(4, 1, "yes")]),
        ("<!--\n```\n-->\n# yes\n", [(4, 1, "yes")]),
        # YAML front matter
        ("---\ntitle: x\n---\n# A\n", [(4, 1, "A")]),
        ("---\na: 1\n...\nB\n---\n", [(4, 2, "B")]),
        ("---\n# A\n", [(2, 1, "A")]),
        ("\n---\ntitle\n---\n", [(3, 2, "title")]),
        # CRLF
        ("# A\r\n\r\nB\r\n---\r\n", [(1, 1, "A"), (3, 2, "B")]),
    ],
)
def test_markdown_headings(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "=====\nTitle\n=====\n\nSub\n---\n\nSub2\n----\n\nDeep\n~~~~\n\n"
            "Sub3\n----\n",
            [(2, 1, "Title"), (5, 2, "Sub"), (8, 2, "Sub2"), (11, 3, "Deep")]
            + [(14, 2, "Sub3")],
        ),
        # an overlined style differs from the same underline alone
        ("===\nA\n===\nB\n===\n", [(2, 1, "A"), (4, 2, "B")]),
        ("####\n  Indented\n####\n", [(2, 1, "Indented")]),
        # underline shorter than the title: a title from 4 characters on
        ("Long title\n--\n", []),
        ("Long title here\n----\n", [(1, 1, "Long title here")]),
        ("ab\n--\n", [(1, 1, "ab")]),
        ("  Indented\n==========\n", []),
        ("====\n====\n", []),
        # full-width characters are 2 columns wide
        ("目的\n====\n", [(1, 1, "目的")]),
        ("目的\n===\n", []),
        ("目\n==\n", [(1, 1, "目")]),
        ("概要説明\n=====\n", [(1, 1, "概要説明")]),
        ("ｱｲｳ\n===\n", [(1, 1, "ｱｲｳ")]),
        # CRLF; Markdown is no reST, but an adornment of backticks is
        ("Usage\r\n=====\r\n\r\nRun\r\n---\r\n", [(1, 1, "Usage"), (4, 2, "Run")]),
        ("# A\n\nB\n- x\n", []),
        ("# A\n```\n", [(1, 1, "# A")]),
    ],
)
def test_rst_titles(text, expected):
    assert titles(text, "README.rst") == expected


@pytest.mark.parametrize(
    ("name", "text", "flavour", "expected"),
    [
        ("README.rst", "# A\n", "rst", []),
        ("docs/README.RST", "A\n~\n", "rst", [(1, 1, "A")]),
        ("README.md", "Title\n~~~~~\n# in a fence\n", "md", []),
        ("README.Markdown", "Title\n****\n", "md", []),
        ("README.txt", "Title\n~~~~~\n", "rst", [(1, 1, "Title")]),
        ("README", "Title\n*****\n", "rst", [(1, 1, "Title")]),
        ("README", "# Title\nSub\n~~~\n", "md", [(1, 1, "Title")]),
        ("README.txt", "no titles\n", "md", []),
    ],
)
def test_flavour_follows_the_name_then_the_content(name, text, flavour, expected):
    doc = outline(name, text)
    assert (doc.flavour, titles(text, name)) == (flavour, expected)


SECTIONED = "# T\n## A\na\n### A1\nx\n## B\nb\n"


def test_sections_end_at_the_next_heading_of_the_same_or_a_higher_level():
    doc = outline("README.md", SECTIONED)
    assert doc.headings == (
        Heading(line=1, level=1, text="T", start=0, body=1, end=8),
        Heading(line=2, level=2, text="A", start=1, body=2, end=5),
        Heading(line=4, level=3, text="A1", start=3, body=4, end=5),
        Heading(line=6, level=2, text="B", start=5, body=6, end=8),
    )
    assert doc.sections() == doc.headings[1:]
    assert [doc.body(h) for h in doc.sections()] == [
        ("a", "### A1", "x"),
        ("x",),
        ("b", ""),
    ]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (SECTIONED, "README.md", ["A", "A1", "B"]),
        ("# A\n# B\n", "README.md", ["A", "B"]),
        ("## A\n# B\n", "README.md", ["A", "B"]),
        ("# Only\n", "README.md", []),
        ("Title\n=====\nUsage\n-----\n", "README.md", ["Usage"]),
        ("=====\nTitle\n=====\nUsage\n=====\n", "README.rst", ["Usage"]),
        ("", "README.md", []),
    ],
)
def test_sections_leave_out_the_document_title(text, name, expected):
    assert [h.text for h in outline(name, text).sections()] == expected


@pytest.mark.parametrize(
    ("name", "text", "heading", "body"),
    [
        (
            "README.md",
            "Usage\n---\nrun\n",
            Heading(1, 2, "Usage", 0, 2, 4),
            ("run", ""),
        ),
        (
            "README.rst",
            "=====\nUsage\n=====\nrun::\n",
            Heading(2, 1, "Usage", 0, 3, 5),
            ("run::", ""),
        ),
        (
            "README.md",
            "# A\r\nx <!-- hidden\r\nstill -->y\r\n",
            Heading(1, 1, "A", 0, 1, 4),
            ("x ", "y", ""),
        ),
    ],
)
def test_heading_positions_and_visible_body(name, text, heading, body):
    doc = outline(name, text)
    assert (doc.headings, doc.body(doc.headings[0])) == ((heading,), body)


@pytest.mark.parametrize(
    ("name", "text", "lines"),
    [
        ("README.md", "a <!-- b\nc --> d\n", ("a ", " d", "")),
        ("README.md", "```\n<!-- kept -->\n```", ("```", "<!-- kept -->", "```")),
        ("README.md", "---\nk: v\n---\n# A", ("", "", "", "# A")),
        ("README.md", "# A\r\nb\r\n", ("# A", "b", "")),
        ("README.rst", "<!-- x -->\n", ("<!-- x -->", "")),
    ],
)
def test_visible_lines(name, text, lines):
    assert outline(name, text).lines == lines


MARKUP = st.lists(
    st.sampled_from(
        ["# A", "## 目的 ##", "B", "===", "---", "~~~", "```", "````", "<!--", "-->"]
        + ["- x", "    y", "", "...", "\t", "=", "目的", "####", "<!-- a -->"]
    ),
    max_size=12,
)


@given(MARKUP, st.sampled_from(["README.md", "README.rst", "README"]), st.booleans())
def test_any_document_gives_a_consistent_outline(lines, name, crlf):
    text = ("\r\n" if crlf else "\n").join(lines)
    doc = outline(name, text)
    assert len(doc.lines) == text.count("\n") + 1
    for heading in doc.headings:
        assert 0 <= heading.start < heading.line <= heading.body
        assert heading.body <= heading.end <= len(doc.lines)
    assert set(doc.sections()) <= set(doc.headings)
