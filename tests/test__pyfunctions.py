from __future__ import annotations

import ast

import pytest

from mlhooks._pyfunctions import (
    body_facts,
    class_bases,
    decorators,
    is_record,
    may_raise,
    parameters,
    scopes,
)

MODULE = """
import dataclasses
class A:
    def m(self, a, /, b, *args, c, **kwargs): ...
    @staticmethod
    def s(x): ...
    @property
    def p(self): ...
    if True:
        def guarded(self): ...
    class Inner:
        def n(self): ...
def f():
    def g(y): ...
    try:
        def h(): ...
    except ValueError:
        pass
    h2 = lambda: 0
@dataclasses.dataclass
class D:
    x: int
class Error(ValueError):
    pass
class Sub(Error):
    pass
"""
TREE = ast.parse(MODULE)
SCOPES = {scope.qualname: scope for scope in scopes(TREE)}


def test_scopes_have_qualified_names():
    assert sorted(SCOPES) == [
        "A",
        "A.Inner",
        "A.Inner.n",
        "A.guarded",
        "A.m",
        "A.p",
        "A.s",
        "D",
        "Error",
        "Sub",
        "f",
        "f.g",
        "f.h",
    ]


@pytest.mark.parametrize(
    "name, params",
    [
        ("A.m", ["a", "b", "*args", "c", "**kwargs"]),
        ("A.s", ["x"]),
        ("A.p", []),
        ("A.guarded", []),
        ("A.Inner.n", []),
        ("f.g", ["y"]),
    ],
)
def test_parameters_leave_self_out(name, params):
    assert [p.star + p.name for p in parameters(SCOPES[name])] == params


def test_decorators_and_records():
    assert decorators(SCOPES["A.p"].node) == {"property"}
    assert is_record(SCOPES["D"].node) and not is_record(SCOPES["A"].node)


def facts(body: str):
    return body_facts(ast.parse(f"def f(x):\n{body}").body[0])


@pytest.mark.parametrize(
    "body, returns_value, yields, stub",
    [
        ("    return x\n", True, False, False),
        ("    return None\n", False, False, False),
        ("    return\n", False, False, False),
        ("    print(x)\n", False, False, False),
        ("    y = [(yield v) for v in x]\n", False, True, False),
        ("    yield from x\n", False, True, False),
        ("    def g():\n        return 1\n    g()\n", False, False, False),
        ("    return lambda: (yield)\n", True, False, False),
        ('    """Doc."""\n', False, False, True),
        ("    ...\n", False, False, True),
        ("    raise NotImplementedError('x')\n", False, False, True),
    ],
)
def test_body_facts(body, returns_value, yields, stub):
    found = facts(body)
    assert (found.returns_value, found.yields, found.stub) == (
        returns_value,
        yields,
        stub,
    )


CLASSES = class_bases(TREE)


@pytest.mark.parametrize(
    "body, documented, possible",
    [
        ("    raise ValueError(x)\n", "ValueError", True),
        ("    raise ValueError(x)\n", "KeyError", False),
        ("    raise KeyError(x)\n", "LookupError", True),
        ("    raise Sub()\n", "ValueError", True),
        ("    raise Sub()\n", "KeyError", False),
        ("    raise Sub()\n", "Error", True),
        ("    raise Imported()\n", "KeyError", True),
        ("    raise error\n", "KeyError", True),
        (
            "    try:\n        x()\n    except OSError:\n        raise\n",
            "OSError",
            True,
        ),
        ("    try:\n        x()\n    except:\n        raise\n", "KeyError", True),
        ("    assert x\n", "AssertionError", True),
        ("    raise a.b.TheirError.make(1)\n", "a.b.TheirError", True),
        ("    def g():\n        raise KeyError\n", "KeyError", False),
        ("    return 1\n", "CustomError", False),
    ],
)
def test_may_raise(body, documented, possible):
    assert may_raise(documented, facts(body), CLASSES) is possible
