"""Imports of Python sources, read statically: what a name stands for, which files of
the repository a source imports.

``import_aliases`` maps every name an import binds to the dotted name it stands for
(``import numpy as np`` gives ``np: numpy``; ``from mlflow import log_metric as lm``
gives ``lm: mlflow.log_metric``), so ``qualified_name`` reads ``np.mean`` as
``numpy.mean``. ``local_modules`` finds the tracked files a source's imports name:
absolute imports from the repository root, ``src/`` or the script's own folder (where
Python looks when the script runs), relative imports from the script's package.
Nothing is imported.
"""

from __future__ import annotations

import ast
from typing import Collection, Iterable, Iterator


def import_aliases(trees: Iterable[ast.AST]) -> dict[str, str]:
    """Each name bound by an import (anywhere in ``trees``) -> the dotted name."""
    aliases: dict[str, str] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    top = alias.name.split(".")[0]
                    aliases[alias.asname or top] = alias.name if alias.asname else top
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    if alias.name != "*":
                        name = f"{node.module}.{alias.name}"
                        aliases[alias.asname or alias.name] = name
    return aliases


def dotted(node: ast.AST) -> list[str]:
    """``a.b.c`` as ``["a", "b", "c"]`` (calls on the way pass: ``f().x`` is
    ``["f", "x"]``); ``[]`` for anything else."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Attribute):
        head = dotted(node.value)
        return head + [node.attr] if head else []
    if isinstance(node, ast.Call):
        return dotted(node.func)
    return []


def qualified_name(node: ast.AST, aliases: dict[str, str]) -> str:
    """The dotted name of ``node``, its longest aliased head replaced; '' if none."""
    parts = dotted(node)
    for cut in range(len(parts), 0, -1):
        head = ".".join(parts[:cut])
        if head in aliases:
            return ".".join([aliases[head], *parts[cut:]])
    return ".".join(parts)


def _module_files(module: str) -> list[str]:
    base = module.replace(".", "/")
    return [f"{base}.py", f"{base}/__init__.py"]


def _imported(path: str, node: ast.AST) -> Iterator[tuple[str, list[str]]]:
    """(folder prefix, dotted module names) pairs one import statement may name."""
    folder = path.rpartition("/")[0]
    roots = dict.fromkeys(["", "src/", f"{folder}/" if folder else ""])
    if isinstance(node, ast.Import):
        for prefix in roots:
            yield prefix, [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        module = node.module or ""
        names = [f"{module}.{a.name}".lstrip(".") for a in node.names if a.name != "*"]
        names += [module] if module else []
        if not node.level:
            for prefix in roots:
                yield prefix, names
            return
        parts = folder.split("/") if folder else []
        up = node.level - 1
        if up <= len(parts):
            package = "/".join(parts[: len(parts) - up])
            yield (f"{package}/" if package else ""), names


def local_modules(
    path: str, trees: Iterable[ast.AST], tracked: Collection[str]
) -> list[str]:
    """The tracked ``.py`` files that the imports in ``trees`` (of ``path``) name."""
    found: dict[str, None] = {}
    for tree in trees:
        for node in ast.walk(tree):
            for prefix, modules in _imported(path, node):
                for module in modules:
                    for name in _module_files(module):
                        candidate = prefix + name
                        if candidate in tracked and candidate != path:
                            found[candidate] = None
    return list(found)
