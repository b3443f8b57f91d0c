from __future__ import annotations

import json

from mlhooks._summary import from_json, load_module, summarise, to_json


def test_a_file_with_type_comments(tmp_path):
    (tmp_path / "a.py").write_text(
        "from typing import List\nx = []  # type: List[int]\n"
    )
    module = load_module(tmp_path, "a.py")
    assert module.extra == {"List", "int"} and module.notebook is None
    assert summarise(module, "a.py").findings == []


def test_a_notebook_reads_magics_and_broken_cells_as_used_words(tmp_path):
    cells = [
        {"cell_type": "code", "source": "import numpy as np\n%timeit np.ones(1)"},
        {"cell_type": "markdown", "source": "# 見出し"},
        {"cell_type": "code", "source": "%%bash\necho $HOME"},
        {"cell_type": "code", "source": "for x in (:\n    yaml"},
    ]
    data = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "nb.ipynb").write_text(json.dumps(data))
    module = load_module(tmp_path, "nb.ipynb")
    assert {"timeit", "np", "ones", "bash", "echo", "HOME", "yaml"} <= module.extra
    assert [s.cell for s in module.sources] == [1]
    assert [d.code for d in module.problems] == ["MLH003"]
    summary = summarise(module, "nb.ipynb")
    assert (summary.findings, summary.cells) == ([], [1])


def test_a_summary_survives_json_and_bad_data_reads_as_none(tmp_path):
    text = "import os\n\n\ndef f():\n    x = 1\n\n\nclass C:\n    pass\n"
    (tmp_path / "a.py").write_text(text)
    summary = summarise(load_module(tmp_path, "a.py"), "a.py")
    data = json.loads(json.dumps(to_json(summary)))
    assert from_json(data, "a.py") == summary
    assert [f.code for f in summary.findings] == ["MLH201", "MLH202"]
    assert [d.name for d in summary.defs] == ["f", "C"]
    for bad in (None, {}, {**data, "cells": []}, {**data, "findings": [[1]]}):
        assert from_json(bad, "a.py") is None


def test_names_flake8_is_told_to_accept_are_left_out(tmp_path):
    text = (
        "import a  # noqa: F401\nimport b  # noqa\nfrom c import (  # NOQA: E501,F401\n"
        "    d,\n)\n\n\ndef f():\n    x = 1  # noqa: F841\n    y = 2\n"
    )
    (tmp_path / "a.py").write_text(text)
    summary = summarise(load_module(tmp_path, "a.py"), "a.py")
    assert [f.name for f in summary.findings] == ["b", "y"]
    (tmp_path / "b.py").write_text("# ruff: noqa: F401\nimport a\n")
    assert summarise(load_module(tmp_path, "b.py"), "b.py").findings == []
