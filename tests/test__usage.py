from __future__ import annotations

import ast

import pytest

from mlhooks._scan import scan
from mlhooks._usage import aliases, bindings, module_uses, unused_imports, unused_locals


def unused(text: str, extra: tuple[str, ...] = ()) -> list[str]:
    found = unused_imports(scan([ast.parse(text)], extra))
    return [finding.name for finding, _, _ in found]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("import os\n", ["os"]),
        ("import os.path\n", ["os"]),
        ("import os.path as p\n", ["p"]),
        ("import os\nimport os.path\nos.sep\n", []),
        ("from a import b as c, d\nd\n", ["c"]),
        ("from . import x\n", ["x"]),
        ("import x as x\nfrom m import y as y\n", []),
        ("from __future__ import annotations\n", []),
        ("from m import *\n", []),
        ("import os\ndef f():\n    return os\n", []),
        ("def f():\n    import os\ndef g():\n    return os\n", ["os"]),
        ("def f():\n    global os\n    import os\nos.sep\n", []),
        ("import typing\nx: 'typing.List[int]'\n", []),
        ("from m import Foo\n__all__ = ['Foo']\n", []),
        ("import np\ndef f(x: 'Optional[np.ndarray] | None'): pass\n", []),
        ("import np\nprint('np is fast')\n", ["np"]),
        ("try:\n    import apex\nexcept ImportError:\n    apex = None\n", []),
        ("try:\n    import a\nexcept (OSError, ModuleNotFoundError):\n    pass\n", []),
        ("try:\n    import a\nexcept OSError:\n    pass\n", ["a"]),
        ("import os\nglobals()\n", []),
        ("import os\ndef f():\n    eval('os')\n", []),
        ("import os\nimport sys\nsys.modules[__name__]\n", []),
        ("class A:\n    import json\n    def f(self):\n        self.json\n", []),
        ("import os\ndef f():\n    return 1\n    os.sep\n", ["os"]),
        ("import os\nif False:\n    os.sep\n", []),
        ("import os\ndel os\n", []),
    ],
)
def test_unused_imports(text, names):
    assert unused(text) == names


def test_words_outside_python_count_as_reads():
    assert unused("import numpy as np\n", extra=("np",)) == []


def test_unused_import_findings_point_at_the_name():
    [(finding, imported, binding)] = unused_imports(
        scan([ast.parse("from m import (\n    a,\n    b,\n)\na\n")])
    )
    assert (finding.line, finding.col, finding.code) == (3, 5, "MLH201")
    assert binding.shown == "m.b" and imported.stmt.lineno == 1


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("def f():\n    x = 1\n", ["x"]),
        ("def f():\n    x = y = 1\n    return y\n", ["x"]),
        ("def f():\n    x: int = 1\n", ["x"]),
        ("def f():\n    x: int\n", []),
        ("def f():\n    a, b = 1, 2\n", []),
        ("def f():\n    for i in range(3):\n        pass\n", []),
        ("def f():\n    with g() as h:\n        pass\n", []),
        ("def f():\n    try:\n        pass\n    except E as e:\n        pass\n", []),
        ("def f():\n    _x = 1\n", []),
        ("def f():\n    x = 0\n    x += 1\n", []),
        ("def f():\n    global x\n    x = 1\n", []),
        ("def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n", []),
        ("def f():\n    x = 1\n    return lambda: x\n", []),
        ("def f():\n    x = 1\n    return locals()\n", []),
        ("def f():\n    x = 1\n    return f'{x}'\n", []),
        ("def f(df):\n    t = 1\n    return df.query('a > @t')\n", []),
        ("def f():\n    x = 1\n    del x\n", []),
        ("def f():\n    class C:\n        a = 1\n    return C\n", []),
        ("def f():\n    (y := 1)\n", []),
        ("x = 1\nclass C:\n    y = 2\n", []),
        ("f = lambda: [y for y in z]\n", []),
    ],
)
def test_unused_locals(text, names):
    assert [f.name for f in unused_locals(scan([ast.parse(text)]))] == names


def test_bindings_and_aliases():
    tree = ast.parse("import a.b as c, d.e\nfrom ..m import x as y\n")
    found = [(b.name, b.shown, b.target) for s in tree.body for b in bindings(s)]
    assert found == [
        ("c", "a.b as c", "a.b"),
        ("d", "d.e", "d"),
        ("y", "..m.x as y", "..m.x"),
    ]
    assert aliases(scan([tree])) == {"c": "a.b", "d": "d", "y": "..m.x"}


def test_module_uses_include_attributes_and_nested_reads():
    text = "def f():\n    return g(x.attr)\n"
    assert module_uses(scan([ast.parse(text)])) == {"g", "x", "attr"}
