from __future__ import annotations

import ast
import json

import pytest

from mlhooks._defs import definitions as _definitions
from mlhooks._defs import (
    entry_file,
    framework_decorator,
    matches_any,
    mentions,
    methods,
    notebook_code,
)
from mlhooks._scan import scan
from mlhooks._usage import aliases


def definitions(text: str, path: str = "a.py") -> list[str]:
    found = scan([ast.parse(text)])
    return [d.name for d in _definitions(found, path, aliases(found))]


@pytest.mark.parametrize(
    ("decorator", "imports", "framework"),
    [
        ("app.command()", "", True),
        ("router.post('/x')", "", True),
        ("pytest.fixture", "import pytest", True),
        ("fixture", "from pytest import fixture", True),
        ("flow", "from prefect import flow", True),
        ("register('x')", "", True),
        ("task", "", True),
        (
            "tf.keras.utils.register_keras_serializable()",
            "import tensorflow as tf",
            True,
        ),
        ("property", "", True),
        ("overload", "from typing import overload", True),
        ("functools.lru_cache", "import functools", False),
        ("lru_cache()", "from functools import lru_cache", False),
        ("torch.no_grad()", "import torch", False),
        ("jit", "from numba import jit", False),
        ("dataclass", "from dataclasses import dataclass", False),
        ("timer", "", False),
        ("x[0]", "", True),
    ],
)
def test_framework_decorator(decorator, imports, framework):
    found = scan([ast.parse(f"{imports}\n@{decorator}\ndef f():\n    pass\n")])
    node = found.defs[0][1]
    assert framework_decorator(node.decorator_list[0], aliases(found)) is framework


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("def f(): pass\nclass C: pass\n", ["f", "C"]),
        ("def main(): pass\ndef test_x(): pass\nclass TestX: pass\n", []),
        ("def model_fn(d): pass\ndef __getattr__(n): pass\n", []),
        ("class T(unittest.TestCase): pass\nclass M(models.Model): pass\n", []),
        ("class P(metaclass=Meta): pass\nclass Q(Base): pass\n", []),
        ("import torch\nclass N(torch.nn.Module): pass\n", ["N"]),
        ("if x:\n    def f(): pass\nelse:\n    def f(): pass\n", ["f", "f"]),
    ],
)
def test_definitions(text, names):
    assert definitions(text) == names


@pytest.mark.parametrize(
    "path", ["conftest.py", "a/hubconf.py", "docs/conf.py", "app/migrations/0001.py"]
)
def test_entry_files(path):
    assert entry_file(path) and definitions("def f(): pass\n", path) == []


def test_definitions_keep_decorators_and_bases_for_options():
    found = scan([ast.parse("@timer\ndef f(): pass\nclass C(a.B, D): pass\n")])
    [f, c] = _definitions(found, "a.py", {})
    assert (f.decorators, c.bases, c.kind, f.kind) == (
        ("timer",),
        ("a.B", "D"),
        "class",
        "function",
    )


def test_methods_only_of_classes_without_a_base():
    text = (
        "class A:\n    def unused(self): pass\n    def fit(self): pass\n"
        "    @property\n    def p(self): pass\n    @staticmethod\n    def s(): pass\n"
        "class B(Base):\n    def unused(self): pass\n"
    )
    found = scan([ast.parse(text)])
    assert [(m.owner, m.name) for m in methods(found, {})] == [
        ("A", "unused"),
        ("A", "s"),
    ]


def test_mentions():
    text = (
        "from pkg.utils import (load, save as keep)\nfrom . import x\n"
        "class Reg(metaclass=M):\n    pass\nclass Step:\n"
        "    def __init_subclass__(c):\n        pass\ngetattr(models, name)\n"
        "前処理 = 1  # 日本語\n"
    )
    found = mentions(text)
    assert {"utils.load", "utils.save", "^Reg", "^Step", "~models", "前処理"} <= found
    assert "utils.keep" not in found and "1" not in found


def test_notebook_code():
    cells = [{"cell_type": "code", "source": ["a = 1\n", "b"]}, {"source": "c"}]
    assert notebook_code(json.dumps({"cells": cells})) == "a = 1\nb\nc"
    assert notebook_code("not json") == "not json"


def test_matches_any():
    assert matches_any("test_x", ["test_*"]) and not matches_any("xtest_x", ["test_*"])
    assert not matches_any("a", [])


def test_a_decorator_called_with_arguments_registers():
    text = (
        "def action(p):\n    return lambda f: f\n\n\n@action(1)\ndef do_run(): pass\n"
    )
    assert definitions(text) == ["action"]
