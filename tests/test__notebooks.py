from __future__ import annotations

import ast
import json

import pytest

from mlhooks._cli import Context, Hook, run
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import FileProblem
from mlhooks._notebooks import (
    code_cells,
    parse_notebook,
    python_source,
    read_notebook,
)
from mlhooks._python import Source, read_sources


def notebook(*cells: dict, nbformat: int = 4) -> str:
    data = {
        "cells": list(cells),
        "metadata": {},
        "nbformat": nbformat,
        "nbformat_minor": 5,
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def code(source: str | list[str], tags: list[str] | None = None) -> dict:
    meta = {"tags": tags} if tags else {}
    return {"cell_type": "code", "source": source, "metadata": meta, "outputs": []}


def markdown(source: str) -> dict:
    return {"cell_type": "markdown", "source": source, "metadata": {}}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "the file is empty"),
        ("  \n", "the file is empty"),
        (
            "version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 12\n",
            "a Git LFS pointer, not the notebook; run: git lfs pull",
        ),
        (
            '{\n<<<<<<< HEAD\n "cells": []\n=======\n>>>>>>> other\n}\n',
            "merge-conflict marker at line 2; resolve the conflict first",
        ),
        ('{"cells": [}', "invalid JSON at line 1 column 12: Expecting value"),
        ("[1, 2]", "the top level is a JSON list, not an object"),
        ('{"cells": []}', "unsupported nbformat None (3 and 4 are read)"),
        ('{"nbformat": 5, "cells": []}', "unsupported nbformat 5 (3 and 4 are read)"),
        ("[" * 100000, "JSON nested too deeply"),
        ('{"nbformat": 4, "cells": "x"}', "'cells' is not a list"),
        ('{"nbformat": 4, "cells": [1]}', "cell 1 is not a cell object"),
        ('{"nbformat": 4, "cells": [{"source": "x"}]}', "cell 1 is not a cell object"),
        ('{"nbformat": 3, "worksheets": {}}', "'worksheets' is not a list"),
        (
            '{"nbformat": 3, "worksheets": [{"cells": 3}]}',
            "a worksheet has no list of cells",
        ),
    ],
)
def test_bad_notebooks_are_one_mlh006(text, reason):
    with pytest.raises(FileProblem) as info:
        parse_notebook("nb.ipynb", text)
    assert info.value.diagnostic.as_text() == (
        f"nb.ipynb: MLH006 not a readable notebook: {reason}"
    )


def test_cells_are_numbered_from_1_over_every_cell():
    nb = parse_notebook(
        "nb.ipynb",
        notebook(
            markdown("# 題名"), code(["import os\n", "x = 1"], ["keep"]), code("y")
        ),
    )
    assert [(c.number, c.kind, c.source, c.tags) for c in nb.cells] == [
        (1, "markdown", "# 題名", ()),
        (2, "code", "import os\nx = 1", ("keep",)),
        (3, "code", "y", ()),
    ]


def test_nbformat_3_is_read_through_worksheets():
    v3 = {
        "nbformat": 3,
        "nbformat_minor": 0,
        "metadata": {},
        "worksheets": [
            {
                "cells": [
                    {"cell_type": "heading", "level": 1, "source": "Title"},
                    {"cell_type": "code", "input": ["a = 1\n", "b = 2"], "outputs": []},
                ]
            }
        ],
    }
    nb = parse_notebook("old.ipynb", json.dumps(v3))
    assert [(c.number, c.kind, c.source) for c in nb.cells] == [
        (1, "markdown", "Title"),
        (2, "code", "a = 1\nb = 2"),
    ]


@pytest.mark.parametrize(
    ("source", "python"),
    [
        ("x = 1", "x = 1"),
        ("%matplotlib inline\nimport os", "pass\nimport os"),
        ("!pip install torch", "pass"),
        ("for f in files:\n    !rm {f}\n", "for f in files:\n    pass\n"),
        ("files = !ls\nprint(files)", "files = None\nprint(files)"),
        ("a, b = %time f()", "a, b = None"),
        ("df.head?", "pass"),
        ("??np.sum", "pass"),
        ("x = 5 % 2", "x = 5 % 2"),
        ("print('is it?')", "print('is it?')"),
        ("%%bash\necho hi", None),
        ("  %%time\nf()", None),
        ("# 前処理: 欠損値を除去\nx = 1", "# 前処理: 欠損値を除去\nx = 1"),
    ],
)
def test_python_source_neutralises_ipython_syntax(source, python):
    result = python_source(source)
    assert result == python
    if result is not None:
        ast.parse(result)


def test_code_cells_skip_cell_magics_and_markdown():
    nb = parse_notebook(
        "nb.ipynb", notebook(markdown("x"), code("%%bash\nls"), code("%time f()"))
    )
    assert [(c.number, src) for c, src in code_cells(nb)] == [(3, "pass")]


def test_a_cell_that_does_not_parse_is_reported_once(tmp_path):
    (tmp_path / "nb.ipynb").write_text(notebook(code("x = (\n"), code("y = 1")))
    results = list(read_sources(tmp_path, "nb.ipynb"))
    assert isinstance(results[1], Source) and results[1].cell == 2
    assert (
        results[0]
        .as_text()
        .startswith("nb.ipynb:cell_1:1:5: MLH003 cell does not parse as Python (")
    )


def test_read_notebook_decodes_safely(tmp_path):
    (tmp_path / "nb.ipynb").write_bytes(b'{"nbformat": 4, "cells": [\xff]}')
    with pytest.raises(FileProblem) as info:
        read_notebook(tmp_path, "nb.ipynb")
    assert info.value.diagnostic.code == "MLH001"


# A tiny check over notebook cells, to prove the cell iteration, locations and noqa
# through the common front before real hooks use them: it reports every call of
# breakpoint() as MLH299 (a code no real hook uses).


def find_breakpoints(ctx: Context) -> list[Diagnostic]:
    found = []
    for name in ctx.filenames:
        for source in read_sources(ctx.root, name):
            if isinstance(source, Diagnostic):
                found.append(source)
                continue
            for node in ast.walk(source.tree):
                called = isinstance(node, ast.Call) and getattr(node.func, "id", "")
                if called == "breakpoint":
                    at = (node.lineno, node.col_offset + 1)
                    found.append(source.at(*at, "MLH299", "breakpoint() left in"))
    return found


BREAKPOINTS = Hook(
    id="check-breakpoints",
    summary="",
    section="code",
    codes={"MLH299": ""},
    check=find_breakpoints,
    files=r"\.ipynb$",
)


def test_cell_findings_through_the_front(make_files, capsys):
    make_files(
        {
            "a.ipynb": notebook(
                markdown("# EDA"),
                code("%matplotlib inline\nx = 1\nbreakpoint()"),
                code("breakpoint()  # noqa: MLH299"),
                code("breakpoint()", tags=["mlhooks-noqa"]),
                code("if x:\n    breakpoint()"),
                code("def f(:\n"),
            ),
            "bad.ipynb": "{",
        }
    )
    assert run(BREAKPOINTS, ["a.ipynb", "bad.ipynb"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "a.ipynb:cell_2:3:1: MLH299 breakpoint() left in",
        "a.ipynb:cell_5:2:5: MLH299 breakpoint() left in",
    ]
    assert lines[2].startswith(
        "a.ipynb:cell_6:1:7: MLH003 cell does not parse as Python"
    )
    assert lines[3] == (
        "bad.ipynb: MLH006 not a readable notebook: invalid JSON at line 1 column 2:"
        " Expecting property name enclosed in double quotes"
    )
    assert len(lines) == 4


def test_file_level_noqa_in_any_cell(make_files, capsys):
    make_files(
        {"a.ipynb": notebook(code("# mlhooks: noqa: MLH2"), code("breakpoint()"))}
    )
    assert run(BREAKPOINTS, ["a.ipynb"]) == 0


def test_json_output_carries_the_cell(make_files, capsys):
    make_files({"a.ipynb": notebook(code("breakpoint()"))})
    run(BREAKPOINTS, ["a.ipynb", "--format", "json"])
    [record] = json.loads(capsys.readouterr().out)
    assert (record["cell"], record["line"], record["col"]) == (1, 1, 1)
