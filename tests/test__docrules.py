from __future__ import annotations

import ast

from mlhooks._docrules import Unit
from mlhooks._docstrings import parse_docstring
from mlhooks._pyfunctions import Scope, docstring
from mlhooks._python import parse

TEXT = (
    'class A:\n    def f(self, x):\n        """F.\n\n        Args:\n'
    '            y: Y.\n        """\n'
)


def unit() -> Unit:
    source = parse("m.py", TEXT)
    node = source.tree.body[0].body[0]
    assert isinstance(node, ast.FunctionDef)
    string = docstring(node)
    doc = parse_docstring(str(string.value) if string else "")
    return Unit(source, Scope(node, "A.f"), doc, string)


def test_positions_map_docstring_lines_to_the_file():
    found = unit()
    assert found.name == "A.f()"
    assert (found.at(0, "MLH301", "m").line, found.at(0, "MLH301", "m").col) == (3, 9)
    assert (found.at(3, "MLH301", "m").line, found.at(3, "MLH301", "m").col) == (6, 13)
    assert (found.at(-1, "MLH306", "m").line, found.at(-1, "MLH306", "m").col) == (2, 5)
