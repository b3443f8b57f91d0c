from __future__ import annotations

import json

import pytest

from mlhooks._diagnostics import Diagnostic
from mlhooks._python import Source, parse, read_sources


def test_parse_gives_the_tree_and_places_findings():
    source = parse("a.py", "import os\n")
    assert isinstance(source, Source)
    assert source.lines == ["import os", ""]
    assert source.at(1, 1, "MLH201", "x").as_text() == "a.py:1:1: MLH201 x"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("def f(:\n", "a.py:1:7"),
        ("x = 1\n  y = 2\n", "a.py:2:2"),
        ("x = '\\0'\0", "a.py:1:1"),
    ],
)
def test_a_file_that_does_not_parse_is_one_mlh003(text, where):
    found = parse("a.py", text)
    assert isinstance(found, Diagnostic)
    assert found.as_text().startswith(
        f"{where}: MLH003 file does not parse as Python ("
    )
    assert found.as_text().endswith("); it is skipped")


def test_read_sources_of_a_file_and_a_notebook(tmp_path):
    (tmp_path / "a.py").write_text("# 前処理\nx = 1\n", encoding="utf-8")
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": "# EDA"},
        {"cell_type": "code", "metadata": {}, "outputs": [], "source": "%time f()"},
        {"cell_type": "code", "metadata": {}, "outputs": [], "source": "%%bash\nls"},
        {"cell_type": "code", "metadata": {}, "outputs": [], "source": "y = ("},
    ]
    data = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "b.ipynb").write_text(json.dumps(data))
    [file] = read_sources(tmp_path, "a.py")
    assert isinstance(file, Source) and (file.cell, file.text) == (
        None,
        "# 前処理\nx = 1\n",
    )
    first, broken = read_sources(tmp_path, "b.ipynb")
    assert isinstance(first, Source) and (first.cell, first.text) == (2, "pass")
    assert isinstance(broken, Diagnostic) and broken.cell == 4
    assert broken.as_text().startswith("b.ipynb:cell_4:1:5: MLH003 cell does not parse")


def test_unreadable_files_are_the_core_findings(tmp_path):
    (tmp_path / "a.py").write_bytes(b"x = '\xff'\n")
    (tmp_path / "b.ipynb").write_text("{")
    [bad_file] = read_sources(tmp_path, "a.py")
    [bad_notebook] = read_sources(tmp_path, "b.ipynb")
    assert (bad_file.code, bad_notebook.code) == ("MLH001", "MLH006")


def test_columns_count_characters_not_bytes():
    source = parse("a.py", "x = '前処理'; breakpoint()\n")
    assert isinstance(source, Source)
    call = source.tree.body[1].value
    assert call.col_offset == 17  # bytes
    assert source.column(1, call.col_offset) == 12
    assert source.node_at(call, "MLH205", "x").as_text() == "a.py:1:12: MLH205 x"
