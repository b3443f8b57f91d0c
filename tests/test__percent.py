from __future__ import annotations

import json

import pytest

from mlhooks._jupytext import read_script
from mlhooks._notebooks import Notebook, parse_notebook
from mlhooks._percent import (
    Unit,
    bare_magics,
    cell_language,
    is_front_matter,
    magics,
    percent_script,
    units,
)

HEADER = """\
# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
# ---
"""


def notebook(*cells: dict) -> Notebook:
    data = {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return parse_notebook("nb.ipynb", json.dumps(data, ensure_ascii=False))


def code(source: str, **metadata: object) -> dict:
    return {"cell_type": "code", "metadata": metadata, "outputs": [], "source": source}


def markdown(source: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def raw(source: str, **metadata: object) -> dict:
    return {"cell_type": "raw", "metadata": metadata, "source": source}


@pytest.mark.parametrize(
    ("lines", "kinds"),
    [
        (["%time f()", "x = 1"], ["magic", ""]),
        (["!ls \\", "  -l", "x"], ["magic", "continued", ""]),
        (["# %time f()", "# 注釈"], ["magic", ""]),
        (["s = '''", "%d items", "'''", "cd .."], ["", "", "", "magic"]),
        ([""], [""]),
    ],
)
def test_magics_are_the_lines_scripts_comment(lines, kinds):
    assert magics(lines) == kinds


def test_bare_magics_lose_their_comment_marks_only():
    lines = ["# %time f()", "  # !ls \\", "# -l", "# # %pwd", "# 注釈", "x = 1"]
    assert bare_magics(lines) == [
        "%time f()",
        "  !ls \\",
        "-l",
        "%pwd",
        "# 注釈",
        "x = 1",
    ]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("%%bash -e\nls", ("bash", "-e")),
        ("%%python3\nx = 1", ("python3", "")),
        ("%%time\nf()", ("", "")),
        (" %%bash\nls", ("", "")),
        ("", ("", "")),
    ],
)
def test_cell_language(source, found):
    assert cell_language(source) == found


def test_front_matter_is_a_first_raw_cell_of_yaml():
    nb = notebook(raw("---\ntitle: 題名\n---"), raw("---\na: 1\n---"), markdown("---"))
    assert [is_front_matter(cell) for cell in nb.cells] == [True, False, False]


UNITS = [
    (  # text cells compared when the script has some; magics bare, blanks dropped
        [markdown("# 題名"), code("x = 1\n\n%time f()  ")],
        "# %% [markdown]\n# # 題名\n\n# %%\nx = 1\n\n# %time f()\n",
        [Unit(1, "markdown", ("# 題名",), (1,)),
         Unit(2, "code", ("x = 1", "%time f()"), (1, 3))],
        [Unit(1, "markdown", ("# 題名",), (2,)),
         Unit(4, "code", ("x = 1", "%time f()"), (5, 7))],
    ),
    (  # code cells only when the script has no text cell
        [markdown("# 題名"), code("x = 1")],
        "# %%\nx = 1\n",
        [Unit(2, "code", ("x = 1",), (1,))],
        [Unit(1, "code", ("x = 1",), (2,))],
    ),
    (  # a language cell, its magic restored; a markdown cell in a string
        [code("%%bash -e\nls"), markdown("説明")],
        '# %% magic_args="-e" language="bash"\n# ls\n\n# %% [markdown]\n"""\n説明\n"""\n',
        [Unit(1, "code", ("%%bash -e", "ls"), (1, 2)),
         Unit(2, "markdown", ("説明",), (1,))],
        [Unit(1, "code", ("%%bash -e", "ls"), (1, 2)),
         Unit(4, "markdown", ("説明",), (6,))],
    ),
    (  # light scripts: code lines only, no comment, no magic, CRLF read
        [code("import os\n# 注釈\n%time f()\nx = 1"), code("%%bash\nls")],
        "import os\r\n\r\n# 注釈\r\nx = 1\r\n",
        [Unit(1, "code", ("import os",), (1,)), Unit(1, "code", ("x = 1",), (4,))],
        [Unit(1, "code", ("import os",), (1,)), Unit(4, "code", ("x = 1",), (4,))],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("cells", "text", "ours", "theirs"), UNITS)
def test_units_of_a_notebook_and_its_script(cells, text, ours, theirs):
    assert units(notebook(*cells), read_script(text), text) == (ours, theirs)


WRITTEN = [  # each as jupytext 1.19 writes it
    ([], ""),
    ([code("import os"), code("def f():\n    pass"), code("x = f()")],
     "\n# %%\nimport os\n\n\n# %%\ndef f():\n    pass\n\n\n# %%\nx = f()\n"),
    ([code("x = 1", lines_to_next_cell=3), code("y = 2")],
     "\n# %%\nx = 1\n\n\n\n# %%\ny = 2\n"),
    ([raw("text", active=""), code("%%bash -e\nls")],
     '\n# %% [raw]\n# text\n\n# %% magic_args="-e" language="bash"\n# ls\n'),
    ([code("    x = 1  # 注釈"), code("")], "\n    # %%\n    x = 1  # 注釈\n\n# %%\n"),
]  # fmt: skip


@pytest.mark.parametrize(("cells", "body"), WRITTEN)
def test_percent_script(cells, body):
    assert percent_script(notebook(*cells), None) == HEADER + body


def test_percent_script_header():
    nb = notebook(raw("---\ntitle: 題名\n---"), markdown("# 題名"))
    assert percent_script(nb, "ipynb,py:percent", "1.2.3") == (
        "# ---\n# title: 題名\n# jupyter:\n#   jupytext:\n"
        "#     formats: ipynb,py:percent\n#     text_representation:\n"
        "#       extension: .py\n#       format_name: percent\n"
        "#       format_version: '1.3'\n#       jupytext_version: 1.2.3\n# ---\n"
        "\n# %% [markdown]\n# # 題名\n"
    )
