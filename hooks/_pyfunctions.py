"""Python functions as a docstring checker needs them: where they are, what they take,
what their bodies return, yield and raise.

Definitions are found by walking statement bodies only (never expressions, so lambdas
are not functions here), which costs a fraction of ``ast.walk``. A body is read only
down to, not into, nested functions, classes and lambdas: what they return or raise
is theirs. Nothing is imported or run.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field
from typing import Iterator, Union

FunctionNode = Union[ast.FunctionDef, ast.AsyncFunctionDef]
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
BODIES = ("body", "orelse", "finalbody", "handlers", "cases")
COMPOUND = {ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.With, ast.AsyncWith}
COMPOUND |= {
    ast.Match,
    ast.match_case,
    ast.ExceptHandler,
    getattr(ast, "TryStar", ast.Try),
}
DEFINITIONS = {ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef}
PROPERTY = {"property", "cached_property", "setter", "getter", "deleter"}
PROPERTY.add("abstractproperty")
DATACLASS = {"dataclass", "define", "frozen", "mutable", "s", "attrs", "dataclass_json"}
RECORD_BASES = {"BaseModel", "BaseSettings", "NamedTuple", "TypedDict", "Struct"}


@dataclass(frozen=True)
class Param:
    name: str
    annotation: ast.expr | None
    star: str = ""  # "*" for *args, "**" for **kwargs


@dataclass(frozen=True)
class Scope:
    """A function or a class, its dotted name, and the class it is defined in."""

    node: FunctionNode | ast.ClassDef
    qualname: str
    owner: ast.ClassDef | None = None


@dataclass
class Body:
    """What a function's own body does (nested scopes left out)."""

    returns_value: bool = False
    yields: bool = False
    stub: bool = False  # pass, ..., raise NotImplementedError: a contract only
    raised: set[str] = field(default_factory=set)  # every part of raised names
    opaque: bool = False  # raises something that cannot be named (a variable...)


def scopes(tree: ast.Module) -> Iterator[Scope]:
    """Every function and class, outermost first, with qualified names."""
    stack: list[tuple[ast.AST, str, ast.ClassDef | None]] = [(tree, "", None)]
    while stack:
        node, prefix, owner = stack.pop()
        for name in BODIES:
            for child in getattr(node, name, ()):
                kind = type(child)
                if kind in COMPOUND:
                    stack.append((child, prefix, owner))
                elif kind in DEFINITIONS:
                    yield Scope(child, prefix + child.name, owner)
                    inner = child if kind is ast.ClassDef else None
                    stack.append((child, f"{prefix}{child.name}.", inner))


def docstring(node: FunctionNode | ast.ClassDef) -> ast.Constant | None:
    first = node.body[0] if node.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        return first.value if isinstance(first.value.value, str) else None
    return None


def dotted(node: ast.expr) -> list[str]:
    """The parts of a dotted name (``a.b.C`` -> a, b, C); [] for anything else."""
    if isinstance(node, ast.Call):
        return dotted(node.func)
    if isinstance(node, ast.Attribute):
        parts = dotted(node.value)
        return parts + [node.attr] if parts else []
    return [node.id] if isinstance(node, ast.Name) else []


def decorators(node: FunctionNode | ast.ClassDef) -> set[str]:
    """The last part of each decorator's name: property, setter, overload, wraps..."""
    return {parts[-1] for parts in map(dotted, node.decorator_list) if parts}


def is_record(node: ast.ClassDef) -> bool:
    """A dataclass-like class: its docstring's Args may list fields, not __init__."""
    bases = {parts[-1] for parts in map(dotted, node.bases) if parts}
    return bool(decorators(node) & DATACLASS or bases & RECORD_BASES)


def parameters(scope: Scope) -> list[Param]:
    """The arguments a docstring documents: ``self``/``cls`` of a method left out."""
    node = scope.node
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    args = node.args
    positional = args.posonlyargs + args.args
    if scope.owner is not None and "staticmethod" not in decorators(node):
        positional = positional[1:]
    params = [Param(a.arg, a.annotation) for a in positional]
    if args.vararg:
        params.append(Param(args.vararg.arg, args.vararg.annotation, "*"))
    params += [Param(a.arg, a.annotation) for a in args.kwonlyargs]
    if args.kwarg:
        params.append(Param(args.kwarg.arg, args.kwarg.annotation, "**"))
    return params


def _is_stub(statements: list[ast.stmt]) -> bool:
    for stmt in statements:
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # the docstring, or ...
        if isinstance(stmt, ast.Raise) and stmt.exc is not None:
            if dotted(stmt.exc)[-1:] == ["NotImplementedError"]:
                continue
        return False
    return True


def body_facts(node: FunctionNode) -> Body:
    """Returns, yields and raises of the function's own body."""
    body = Body(stub=_is_stub(node.body))
    stack: list[tuple[ast.AST, list[str]]] = [(s, []) for s in node.body]
    while stack:
        item, handled = stack.pop()
        if isinstance(item, SCOPES):
            continue
        if isinstance(item, ast.Return):
            value = item.value
            body.returns_value |= not (value is None or _is_none(value))
        elif isinstance(item, (ast.Yield, ast.YieldFrom)):
            body.yields = True
        elif isinstance(item, ast.Raise):
            _raised(body, item.exc, handled)
        elif isinstance(item, ast.Assert):
            body.raised.add("AssertionError")
        if isinstance(item, ast.ExceptHandler):
            caught = item.type
            names = [p for e in _elements(caught) for p in dotted(e)] if caught else []
            handled = names if caught and names else ["*"]
        stack.extend((child, handled) for child in ast.iter_child_nodes(item))
    return body


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _elements(node: ast.expr) -> list[ast.expr]:
    return list(node.elts) if isinstance(node, ast.Tuple) else [node]


def _raised(body: Body, exc: ast.expr | None, handled: list[str]) -> None:
    """Record what a ``raise`` raises; a bare one re-raises what was caught."""
    parts = dotted(exc) if exc is not None else handled
    if not parts or "*" in parts or not any(p[:1].isupper() for p in parts):
        body.opaque = True
    body.raised.update(parts)


def class_bases(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level classes and the last part of each base's name."""
    return {
        node.name: [(dotted(b) or ["?"])[-1] for b in node.bases]
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def may_raise(documented: str, body: Body, classes: dict[str, list[str]]) -> bool:
    """Whether the body may raise ``documented`` (or a subclass of it)."""
    name = documented.rsplit(".", 1)[-1]
    if body.opaque or name in body.raised:
        return True
    return any(
        _subclass(raised, name, classes, 0)
        for raised in body.raised
        if raised[:1].isupper()
    )


def _subclass(name: str, base: str, classes: dict[str, list[str]], depth: int) -> bool:
    """Whether class ``name`` may derive from ``base`` (True when unsure)."""
    known = getattr(builtins, name, None)
    if isinstance(known, type) and issubclass(known, BaseException):
        other = getattr(builtins, base, None)
        return isinstance(other, type) and issubclass(known, other)
    if name not in classes or depth > 20:
        return True  # imported, or defined elsewhere: it might
    return any(
        b == base or _subclass(b, base, classes, depth + 1) for b in classes[name]
    )
