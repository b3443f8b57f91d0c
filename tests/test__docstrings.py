from __future__ import annotations

import pytest

from mlhooks._docstrings import (
    Item,
    Section,
    dedent,
    parse_docstring,
    section_names,
)

GOOGLE = """Train.

    Args:
        x (int): The x.
        y: The y,
            over two lines.
        **kwargs: Options.

    Returns:
        int: The count
        of rows.

    Raises:
        ValueError: When.
        KeyError
    """
NUMPY = """Train.

    Parameters
    ----------
    x, y : int, optional
        The x.
    z
        The z.

    Returns
    -------
    list of str
        Names.
    """
SPHINX = """Train.

    :param x: The x.
    :type x: int
    :param str y: The y.
    :param \\\\*args: More.
    :param z (optional): The z.
    :returns: None
    :rtype: None
    :raises ValueError, KeyError: When.
    """
JAPANESE = """学習する。

    引数：
        x (int): エックス。
    戻り値
        int: 件数。
    例外:
        ValueError: 空のとき。
    """


def sections(text: str, style: str = "auto") -> list[tuple]:
    return [
        (s.kind, s.title, s.line, [(i.name, i.type, i.line) for i in s.items])
        for s in parse_docstring(text, style).sections
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            GOOGLE,
            [
                ("args", "Args", 2, [("x", "int", 3), ("y", "", 4), ("kwargs", "", 6)]),
                ("returns", "Returns", 8, [("", "int", 9)]),
                (
                    "raises",
                    "Raises",
                    12,
                    [("ValueError", "", 13), ("KeyError", "", 14)],
                ),
            ],
        ),
        (
            NUMPY,
            [
                (
                    "args",
                    "Parameters",
                    2,
                    [
                        ("x", "int, optional", 4),
                        ("y", "int, optional", 4),
                        ("z", "", 6),
                    ],
                ),
                ("returns", "Returns", 9, [("", "list of str", 11)]),
            ],
        ),
        (
            SPHINX,
            [
                (
                    "args",
                    ":param",
                    2,
                    [("x", "int", 2), ("y", "str", 4), ("args", "", 5), ("z", "", 6)],
                ),
                ("returns", ":returns:", 7, [("", "None", 8)]),
                ("raises", ":raises", 9, [("ValueError", "", 9), ("KeyError", "", 9)]),
            ],
        ),
        (
            JAPANESE,
            [
                ("args", "引数", 2, [("x", "int", 3)]),
                ("returns", "戻り値", 4, [("", "int", 5)]),
                ("raises", "例外", 6, [("ValueError", "", 7)]),
            ],
        ),
    ],
    ids=["google", "numpy", "sphinx", "japanese"],
)
def test_styles(text, expected):
    assert sections(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "One line with Args: in it.",
        "Summary.\n\n    The Args: of this function are few.\n    Returns: the sum.\n",
        "Summary.\n\n    Example::\n\n        Args:\n            x: code\n",
        "Summary.\n\n    A role :class:`Path` and :param: in prose.\n",
        "Summary.\n\n    引数はない。\n    戻り値は和。\n",
    ],
)
def test_prose_has_no_checked_sections(text):
    kinds = [section.kind for section in parse_docstring(text).sections]
    assert kinds in ([], ["other"])


@pytest.mark.parametrize(
    "style, kinds",
    [
        ("auto", ["args", "args", "args"]),
        ("google", ["args"]),
        ("numpy", ["args"]),
        ("sphinx", ["args"]),
    ],
)
def test_fixed_style_reads_only_its_own_form(style, kinds):
    text = "S.\n\n    Args:\n        a: A.\n\n    Parameters\n    ----------\n"
    text += "    b : int\n\n    :param c: C.\n"
    assert [s.kind for s in parse_docstring(text, style).sections] == kinds


@pytest.mark.parametrize(
    "line, fix",
    [
        ("Agrs:", "args"),
        ("Retruns:", "returns"),
        ("Raies:", "raises"),
        ("Yeilds:", "yields"),
        ("Exampels:", "examples"),
        ("Arguements:", "arguments"),
        ("Details:", ""),
        ("Results:", ""),
        ("Example usage:", ""),
        ("Usage:", ""),
        ("agrs:", ""),
    ],
)
def test_misspelt_headers(line, fix):
    found = parse_docstring(f"S.\n\n    {line}\n        x: X.\n").misspelt
    assert found == ((Item(line, fix, 2),) if fix else ())


def test_misspelt_numpy_header():
    text = "S.\n\n    Parmeters\n    ---------\n    a : int\n"
    assert parse_docstring(text).misspelt == (Item("Parmeters", "parameters", 2),)


def test_doubtful_when_an_entry_does_not_read():
    text = "S.\n\n    Args:\n        x: X.\n        see the paper for the rest.\n"
    (section,) = parse_docstring(text).sections
    assert section.doubtful and [i.name for i in section.items] == ["x"]


def test_sphinx_field_without_name_is_doubtful():
    (section,) = parse_docstring("S.\n\n    :param Distribution|None: D.\n").sections
    assert section.doubtful and section.items == ()


@pytest.mark.parametrize(
    "body, none",
    [
        ("None", True),
        ("None. Raises otherwise.", True),
        ("なし", True),
        ("Nothing.", True),
        ("int: The count.", False),
        ("Nonempty list.", False),
    ],
)
def test_returns_says_none(body, none):
    (section,) = parse_docstring(f"S.\n\n    Returns:\n        {body}\n").sections
    assert section.says_none is none


def test_section_aliases():
    names = section_names({"args": ["Inputs", "入力"], "other": ["Hints"]})
    text = "S.\n\n    Inputs:\n        a: A.\n\n    入力\n        b: B.\n"
    text += "\n    Hints:\n        c: C.\n"
    found = parse_docstring(text, names=names).sections
    assert [(s.kind, [i.name for i in s.items]) for s in found] == [
        ("args", ["a"]),
        ("args", ["b"]),
        ("other", ["c"]),
    ]


def test_dedent_keeps_line_numbers():
    assert dedent("S.\n\n        a\n      b\n") == ["S.", "", "  a", "b", ""]


def test_section_type_text_only_for_one_item():
    section = Section("returns", "Returns", 0, (Item("", "a", 1), Item("", "b", 2)))
    assert section.type_text == ""
