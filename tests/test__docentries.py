from __future__ import annotations

import pytest

from mlhooks._docentries import (
    FIELD,
    entry_of,
    returns_type,
    sphinx_sections,
    split_names,
)


@pytest.mark.parametrize(
    "line, form, kind, entry",
    [
        ("x (int): The x.", "google", "args", ("x", "int")),
        ("x(int): The x.", "google", "args", ("x", "int")),
        (
            "x (Callable[[int], str]): f(a): b",
            "google",
            "args",
            ("x", "Callable[[int], str]"),
        ),
        ("x (int, optional): The x.", "google", "args", ("x", "int, optional")),
        ("list1 (List[Any]) : The first.", "google", "args", ("list1", "List[Any]")),
        ("**kwargs: Options.", "google", "args", ("**kwargs", "")),
        ("データ (list)：入力。", "google", "args", ("データ", "list")),
        ("see the paper.", "google", "args", None),
        ("x", "google", "args", None),
        ("ValueError", "google", "raises", ("ValueError", "")),
        ("a.b.TheirError: When.", "google", "raises", ("a.b.TheirError", "")),
        ("x : int", "numpy", "args", ("x", "int")),
        ("x1, x2 : array_like", "numpy", "args", ("x1, x2", "array_like")),
        ("*args", "numpy", "args", ("*args", "")),
        ("This is prose", "numpy", "args", None),
    ],
)
def test_entry_of(line, form, kind, entry):
    assert entry_of(line, form, kind) == entry


@pytest.mark.parametrize(
    "names, split",
    [("x, *args, \\**kwargs", ["x", "args", "kwargs"]), ("x1,x2", ["x1", "x2"])],
)
def test_split_names(names, split):
    assert split_names(names) == split


@pytest.mark.parametrize(
    "text, kind",
    [
        ("int: The count.", "int"),
        ("Optional[int]: The count.", "Optional[int]"),
        ("int | None: The count.", "int | None"),
        ("list of str: Names.", "list of str"),
        ("The count: of rows.", ""),
        ("The count.", ""),
    ],
)
def test_returns_type(text, kind):
    assert returns_type(text) == kind


def test_sphinx_sections():
    lines = [
        ":param x: X.",
        ":type x: int",
        ":param str y: Y.",
        ":param z (optional): Z.",
        ":returns: The sum.",
        ":rtype: int",
        ":raises ValueError, KeyError: When.",
    ]
    fields = [(at, FIELD.match(line)) for at, line in enumerate(lines)]
    assert sphinx_sections([(at, m) for at, m in fields if m]) == [
        ("args", 0, [("x", "int", 0), ("y", "str", 2), ("z", "", 3)], ""),
        ("returns", 4, [("", "int", 5)], "The sum."),
        ("raises", 6, [("ValueError", "", 6), ("KeyError", "", 6)], ""),
    ]
