from __future__ import annotations

import ast

from mlhooks._pyedit import apply, line_starts, name_edits, statement_edits


def test_line_starts():
    assert line_starts(b"a\r\nbc\n\nd") == [0, 3, 6, 7]


def test_apply_merges_overlapping_edits():
    assert apply(b"abcdef = 1\n", [(0, 2, b""), (1, 3, b"x")]) == b"xdef = 1\n"


def test_apply_refuses_results_that_do_not_parse_and_bare_carriage_returns():
    assert apply(b"x = 1\n", [(0, 2, b"")]) is None
    assert apply(b"x = 1\ry = 2\n", [(0, 6, b"")]) is None
    assert apply(b"x = 1\n", []) is None


def test_statement_edits_skip_statements_sharing_a_line():
    data = b"import os; x = 1\nimport sys\n"
    tree = ast.parse(data)
    [first, _, second] = tree.body
    assert statement_edits(data, tree, [[first], [second]]) == [None, (17, 28, b"")]


def test_a_block_emptied_gets_pass_with_its_indentation_and_newline():
    data = b"if x:\r\n    import a\r\n    import b\r\n"
    tree = ast.parse(data)
    body = tree.body[0].body
    edits = statement_edits(data, tree, [[body[0]], [body[1]]])
    assert apply(data, [e for e in edits if e]) == b"if x:\r\n    pass\r\n"


def test_name_edits_on_one_line():
    data = b"from m import a, b, c\n"
    stmt = ast.parse(data).body[0]
    assert (
        apply(data, name_edits(data, stmt, [stmt.names[1]])) == b"from m import a, c\n"
    )
