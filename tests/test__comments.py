from __future__ import annotations

import ast
import re

import pytest

from mlhooks._comments import (
    Comment,
    candidate_comments,
    comment_blocks,
    exact_comments,
    never_flagged,
)
from mlhooks._noteshapes import is_note, symbols

SOURCE = '''\
#!/usr/bin/env python
x = (  # inline comments are not full-line comments
    1,
    # 2,
)
DOC = """
# inside a string
"""
    # indented
# one
#two
'''


def test_exact_comments_skip_strings_and_know_the_brackets():
    assert exact_comments(SOURCE) == [
        Comment(1, 0, "#!/usr/bin/env python", 0),
        Comment(4, 4, "# 2,", 1),
        Comment(9, 4, "# indented", 0),
        Comment(10, 0, "# one", 0),
        Comment(11, 0, "#two", 0),
    ]


def test_candidates_are_a_superset_without_tokenize():
    lines = [(c.line, c.text) for c in candidate_comments(SOURCE)]
    assert lines == [
        (1, "#!/usr/bin/env python"),
        (4, "# 2,"),
        (7, "# inside a string"),
        (9, "# indented"),
        (10, "# one"),
        (11, "#two"),
    ]


def test_exact_comments_are_none_when_tokenize_fails():
    assert exact_comments('x = """\n') is None


def test_blocks_need_consecutive_lines_at_one_column():
    comments = exact_comments(SOURCE) or []
    blocks = comment_blocks(comments, {1})
    assert [(b.first, b.last, b.col, b.in_brackets) for b in blocks] == [
        (4, 4, 4, True),
        (9, 9, 4, False),
        (10, 11, 0, False),
    ]
    assert blocks[2].texts == ("# one", "#two")


@pytest.mark.parametrize(
    "text",
    [
        "#!/usr/bin/env python",
        "# -*- coding: utf-8 -*-",
        "# noqa: E501",
        "# type: ignore[import]",
        "# pylint: disable=invalid-name",
        "# fmt: off",
        "# isort: skip_file",
        "# mypy: strict",
        "# pragma: no cover",
        "# nosec",
        "# pyright: basic",
        "# ruff: noqa",
        "# mlhooks: noqa: MLH211",
        "# %%",
        "# %% Training [markdown]",
        "# In[12]:",
        "# +",
        "# -",
        "# + tags=['parameters']",
        "# COMMAND ----------",
        "# MAGIC %md",
    ],
)
def test_pragmas_and_markers_are_never_flagged(text):
    comment = Comment(1, 0, text)
    assert never_flagged([comment], [text], first_code=99) == {1}


def test_regions_markdown_cells_headers_and_script_metadata():
    text = [
        "# ---",
        "# jupyter:",
        "# ---",
        "# /// script",
        '# dependencies = ["x"]',
        "# ///",
        "# %% [markdown]",
        "# model.fit(X, y)",
        "# %%",
        "# model.fit(X, y)",
        "# keep: me",
    ]
    comments = [Comment(n, 0, t) for n, t in enumerate(text, start=1)]
    ignore = [re.compile("^# keep:")]
    assert never_flagged(comments, text, 99, ignore) == set(range(1, 10)) | {11}


def test_a_late_fence_is_no_header_and_a_continued_line_is_skipped():
    text = ["x = 1", "# ---", "y = 2 + \\", "# z"]
    comments = [Comment(2, 0, "# ---"), Comment(4, 0, "# z")]
    assert never_flagged(comments, text, first_code=1) == {4}


@pytest.mark.parametrize(
    ("statement", "note"),
    [
        ("coefs_paths.shape = (n_folds, n_cs, n_features)", True),
        ("X.shape = (n, 3)", True),
        ("np.finfo(float).max = 1.79e+308", True),
        ("out = (B, C, H, W)", True),
        ("Xc = U * S * V.T", True),
        ("cov = V * (S^2 / n) * V.T", True),
        ("FMI = TP / sqrt((TP + FP) * (TP + FN))", True),
        ("y = x0 + x1 + 5 * x0 * x1", True),
        ("d = h = p * (1 - p)", True),
        ("self.lr = 0.01", False),
        ("dt_config.rtol = 0.01", False),
        ("X.dtype = np.float32", False),
        ("a, b = b, a", False),
        ("x = (a, 1)", False),
        ("x = x * 2", False),
        ("x = y * z + x", False),
        ("lr = base_lr * 0.1", False),
        ("y = np.sqrt(x) * 2", False),
        ("y = f(x, axis=1) + b", False),
        ("a = b = 0", False),
        ("counts[mask] = 1", False),
    ],
)
def test_notes_written_as_assignments(statement, note):
    stmt = ast.parse(statement).body[0]
    assert isinstance(stmt, ast.Assign)
    assert is_note(stmt) is note


@pytest.mark.parametrize(
    ("expression", "variables"),
    [
        ("U * S * V.T", {"U", "S", "V"}),
        ("TP / sqrt(TP + FP) - 1", {"TP", "FP"}),
        ("-x ** 2", {"x"}),
        ("np.sqrt(x)", None),
        ("x.mean()", None),
        ("'a' + b", None),
        ("f(x, axis=1)", None),
        ("X[0] + 1", None),
        ("[x for x in y]", None),
    ],
)
def test_symbols_are_the_variables_of_maths_only(expression, variables):
    assert symbols(ast.parse(expression, mode="eval").body) == variables
