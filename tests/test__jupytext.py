from __future__ import annotations

import pytest

from mlhooks._jupytext import (
    PairingError,
    ScriptCell,
    is_magic,
    long_form,
    long_forms,
    paired_paths,
    quoted,
    read_script,
)

jupytext_formats = pytest.importorskip("jupytext.formats")
jupytext_paths = pytest.importorskip("jupytext.paired_paths")
jupytext_magics = pytest.importorskip("jupytext.magics")

PAIRINGS = [
    ("nb.ipynb", "ipynb,py:percent"),
    ("notebooks/nb.ipynb", "ipynb,py:percent"),
    ("notebooks/nb.ipynb", "notebooks//ipynb,scripts//py:percent"),
    ("notebooks/sub/nb.ipynb", "notebooks///ipynb,scripts///py:percent"),
    ("a/notebooks/sub/nb.ipynb", "notebooks///ipynb,scripts///py:percent"),
    ("notebooks/nb.ipynb", "notebooks///ipynb,scripts///py:percent"),
    ("n/x/y/nb.ipynb", "n///ipynb,s/t///py:percent"),
    ("notebooks/nb.ipynb", "notebooks//ipynb,src/pkg//py:percent"),
    ("notebooks/nb.ipynb", "notebooks//ipynb,py:percent"),
    ("nb.ipynb", "ipynb,_/py"),
    ("x/nb.ipynb", "ipynb,_/py:light"),
    ("x/nb_pre.ipynb", "x/nb_/ipynb,y/py"),
    ("nb.ipynb", "ipynb,_nb.py"),
    ("nb.ipynb", "ipynb,.nb.py:percent"),
    ("nb.ipynb", "ipynb,scripts//py"),
    ("nb.ipynb", "ipynb,nb//py"),
    ("nb.ipynb", "ipynb,../scripts//py"),
    ("notebooks/nb.ipynb", "ipynb,../scripts//py"),
    ("a/b/nb.ipynb", "ipynb,../../scripts//py"),
    ("nb.ipynb", "ipynb,md,py:percent"),
    ("nb.ipynb", "ipynb,auto:percent"),
    ("nb.ipynb", "py:percent,ipynb"),
    ("nb.ipynb", "ipynb,//py"),
    ("notebooks/nb.ipynb", "notebooks//ipynb,scripts//py:percent,docs//md"),
    ("a/nb.ipynb", "ipynb,/abs//py"),
    ("notebooks/探索.ipynb", "notebooks///ipynb,scripts///py:percent"),
    # jupytext refuses these too
    ("other/nb.ipynb", "notebooks//ipynb,scripts//py:percent"),
    ("nb.ipynb", "ipynb,py:percent,py:light"),
    ("nb.ipynb", "ipynb,/py"),
    ("nb.ipynb", "ipynb,percent"),
    ("nb.ipynb", "ipynb,py:unknown"),
    ("notebooks/nb.ipynb", "notebooks///ipynb,py:percent"),
]


def jupytext_pairs(path: str, formats: str) -> list[str] | str:
    try:
        fmts = jupytext_formats.long_form_multiple_formats(
            formats, {"language_info": {"file_extension": ".py"}}, False
        )
        pairs = jupytext_paths.paired_paths(path, {"extension": ".ipynb"}, fmts)
    except ValueError:  # InconsistentPath and JupytextFormatError are ValueErrors
        return "error"
    return [paired for paired, _ in pairs]


def our_pairs(path: str, formats: str) -> list[str] | str:
    try:
        return [paired for paired, _ in paired_paths(path, long_forms(formats))]
    except PairingError:
        return "error"


@pytest.mark.parametrize(("path", "formats"), PAIRINGS)
def test_paired_paths_agree_with_jupytext(path, formats):
    assert our_pairs(path, formats) == jupytext_pairs(path, formats)


@pytest.mark.parametrize(
    ("path", "formats", "pairs"),
    [
        ("notebooks/sub/eda.ipynb", "notebooks///ipynb,scripts///py:percent",
         ["notebooks/sub/eda.ipynb", "scripts/sub/eda.py"]),
        ("nb.ipynb", "ipynb,../../py", "error"),  # jupytext too: it leaves the tree
        ("a/nb.ipynb", "ipynb,../../scripts//py", ["a/nb.ipynb", "scripts/nb.py"]),
    ],
)  # fmt: skip
def test_paired_paths_never_leave_the_project(path, formats, pairs):
    assert our_pairs(path, formats) == pairs


@pytest.mark.parametrize(
    "text",
    [
        "ipynb",
        "py:percent",
        "py:light",
        "py:bare",
        "notebooks//ipynb",
        "notebooks///ipynb",
        "scripts/py",
        "_/py",
        "nb.py",
        "_nb.py:percent",
        ".py",
        "py",
        "Rmd",
        "md:myst",
        "notebook",
        "a/b/py:light",
        "//py",
    ],
)
def test_long_form_agrees_with_jupytext(text):
    with pytest.warns(DeprecationWarning) if "bare" in text else _nothing():
        theirs = jupytext_formats.long_form_one_format(text)
    assert long_form(text) == theirs


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


@pytest.mark.parametrize(
    ("formats", "auto", "expected"),
    [
        ("ipynb,auto:percent", ".py", [".ipynb", ".py"]),
        ("ipynb,auto:percent", None, [".ipynb"]),
        (["ipynb", "py:percent"], ".py", [".ipynb", ".py"]),
        ([{"extension": ".ipynb"}, {"extension": ".py"}], ".py", [".ipynb", ".py"]),
        ("ipynb,,py", ".py", [".ipynb", ".py"]),
    ],
)
def test_long_forms_read_strings_and_lists(formats, auto, expected):
    assert [f["extension"] for f in long_forms(formats, auto)] == expected


@pytest.mark.parametrize("formats", [3, [3], "ipynb,py:nope", "ipynb,py:"])
def test_long_forms_reject_what_jupytext_rejects(formats):
    with pytest.raises(PairingError):
        long_forms(formats)


MAGIC_LINES = [
    "%matplotlib inline",
    "%%time",
    "  %load_ext autoreload",
    "# %matplotlib inline",
    "# # %time f()",
    "!pip install torch",
    "  !ls -l",
    "files = !ls",
    "x = %time f()",
    "df.head?",
    "?np.sum",
    "ls",
    "ls -l",
    "cd ..",
    "cd = 3",
    "cat, dog = 1, 2",
    "echo hello",
    "%time f()  # noescape",
    "x = 5 % 2",
    "print('is it?')",
    "# 前処理: 欠損値を除去",
    "import os",
    "",
]


@pytest.mark.parametrize("line", MAGIC_LINES)
def test_is_magic_agrees_with_jupytext(line):
    # in percent scripts every cell is explicitly code, so ``obj?`` is a magic too
    assert is_magic(line) == bool(jupytext_magics.is_magic(line, "python", True, True))


@pytest.mark.parametrize(
    ("lines", "flags"),
    [
        (["x = 1", "y = 2"], [False, False]),
        (['s = """', "%d items", '"""', "x"], [False, True, True, False]),
        (["s = '''a'''", "x"], [False, False]),
        (['s = "it\'s"', "x"], [False, False]),
        (["# a comment with '''", "x"], [False, False]),
        (["x = 1  # '''", "y"], [False, False]),
        (["s = r'''\\'''", "'''", "y"], [False, True, False]),
        (["f('''a", 'b"""', "c''')", "d"], [False, True, True, False]),
    ],
)
def test_quoted_tells_lines_inside_triple_quoted_strings(lines, flags):
    assert quoted(lines) == flags


SCRIPT = """\
#!/usr/bin/env python
# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       format_name: percent
#       jupytext_version: 1.19.6
# ---

# %% [markdown]
# # 題名
#
# 説明

# %% tags=["parameters"]
x = 1
s = '''
# %% not a marker
'''

#%%
# %time f()
# %% [raw]
# raw
"""


def test_read_script_splits_header_and_cells():
    script = read_script(SCRIPT)
    assert script.header[0] == "jupyter:"
    assert script.header_value("formats") == "ipynb,py:percent"
    assert script.header_value("jupytext_version") == "1.19.6"
    assert script.header_value("missing") == ""
    assert script.format_name == "percent"
    assert script.cells == (
        ScriptCell("markdown", 11, ("# # 題名", "#", "# 説明", ""), "[markdown]", 12),
        ScriptCell(
            "code",
            16,
            ("x = 1", "s = '''", "# %% not a marker", "'''", ""),
            'tags=["parameters"]',
            17,
        ),
        ScriptCell("code", 22, ("# %time f()",), "", 23),
        ScriptCell("raw", 24, ("# raw", ""), "[raw]", 25),
    )


@pytest.mark.parametrize(
    ("text", "declared", "name", "cells"),
    [
        ("import os\n\nx = 1\n", "", "light", [("code", 0, 1)]),
        ("import os\n# %%\nx = 1\n", "", "percent", [("code", 0, 1), ("code", 2, 3)]),
        ("import os\r\n# %%\r\nx = 1\r\n", "", "percent",
         [("code", 0, 1), ("code", 2, 3)]),
        ("x = 1\n", "nomarker", "nomarker", [("code", 0, 1)]),
        ("# ---\n# jupyter:\n#   jupytext:\n#     text_representation:\n"
         "#       format_name: light\n# ---\n\n# %%\nx\n", "percent", "light",
         [("code", 8, 9)]),
        ("# -*- coding: utf-8 -*-\n# ---\n# a: 1\n# ---\nx = 1\n", "", "light",
         [("code", 0, 5)]),
        ("# ---\nx = 1\n# ---\n", "", "light", [("code", 0, 1)]),
        ("", "", "light", []),
        ("\n\n# %%\n", "", "percent", [("code", 3, 4)]),
    ],
)  # fmt: skip
def test_read_script_cells_and_format(text, declared, name, cells):
    script = read_script(text, declared)
    assert script.format_name == name
    assert [(c.kind, c.line, c.first) for c in script.cells] == cells
