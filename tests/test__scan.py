from __future__ import annotations

import ast

from mlhooks._scan import scan


def test_scopes_fold_nested_reads_and_dynamic_use_upwards():
    found = scan([ast.parse("def f():\n    def g():\n        return x, locals()\n")])
    module, f, g = found.scopes
    assert "x" in module.total and "x" in f.total and "x" in g.total
    assert module.dynamic and f.dynamic and g.dynamic
    assert (f.source, f.node.name, g.parent is f) == (0, "f", True)


def test_the_scope_after_a_nested_function_is_the_outer_one():
    text = "def f():\n    def g():\n        pass\n    y = 1\n"
    module, f, g = scan([ast.parse(text)]).scopes
    assert list(f.assigned) == ["y"] and not g.assigned


def test_unreachable_blocks_are_recorded_and_not_walked():
    text = "def f():\n    return 1\n    x = os.sep\n    y = 2\n"
    found = scan([ast.parse(text)])
    [block] = found.blocks
    assert (block.what, block.after.lineno, [s.lineno for s in block.stmts]) == (
        "return",
        2,
        [3, 4],
    )
    assert "os" not in found.module.total


def test_notebook_cells_are_one_namespace():
    found = scan([ast.parse("import os"), ast.parse("os.sep\nbreakpoint()")])
    [(source, call)] = found.calls
    assert (source, call.lineno, found.imports[0].source) == (1, 2, 0)
    assert "os" in found.module.total


def test_definitions_methods_and_class_bodies():
    text = (
        "class A:\n    x = 1\n    def m(self):\n        pass\n"
        "def f():\n    class B:\n        def n(self):\n            pass\n"
    )
    found = scan([ast.parse(text)])
    assert [node.name for _, node in found.defs] == ["A", "f"]
    assert [(cls.name, node.name) for _, cls, node in found.methods] == [("A", "m")]
    assert all(not scope.assigned for scope in found.scopes)


def test_strings_and_extra_words_count_as_reads():
    text = "__all__ = ['a', 'pkg.b']\nx: 'Optional[C]'\nprint('not read')\n"
    reads = scan([ast.parse(text)], extra=["magic"]).module.total
    assert {"a", "pkg", "b", "Optional", "C", "magic"} <= reads
    assert "read" not in reads


def test_false_branches_and_optional_imports():
    text = (
        "if 0:\n    pass\nwhile x and None:\n    pass\nif x or False:\n    pass\n"
        "try:\n    import a\nexcept ImportError:\n    import b\nimport c\n"
    )
    found = scan([ast.parse(text)])
    assert [node.lineno for _, node in found.false_branches] == [1, 3]
    assert sorted((i.stmt.names[0].name, i.optional) for i in found.imports) == [
        ("a", True),
        ("b", True),
        ("c", False),
    ]
