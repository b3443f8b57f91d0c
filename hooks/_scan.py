"""One walk over a Python module: the facts the dead-code rules are judged from.

A module is a file, or every code cell of a notebook as one namespace. One walk finds
each function scope's reads and local assignments; imports; module-level definitions
and their methods; attribute names; possible debugger calls; branches under a literal
false; and blocks after a ``return``, ``raise``, ``continue``, ``break`` or exit call,
which it does not enter (deleting them leaves no new unused name). Name-like strings,
pandas ``query`` strings and ``extra`` words (notebook magics) count as reads.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence, Tuple, Union

from mlhooks._flow import Block, catches_import_errors, literal_false, terminator
from mlhooks._usage import Import, Scope

_BRACKETS = r"(?:\[[\w.\[\], |\"'()]*\])?"
TYPE_STRING = re.compile(rf"\s*[\w.]+{_BRACKETS}(?:\s*\|\s*[\w.]+{_BRACKETS})*\s*")
WORD = re.compile(r"[^\W\d]\w*")
DYNAMIC = {"globals", "locals", "vars", "eval", "exec"}
FRAME_ATTRS = {("sys", "_getframe"), ("inspect", "currentframe"), ("sys", "modules")}
QUERY_CALLS = {"query", "eval", "evaluate"}
DEBUG_NAMES = {"breakpoint", "set_trace", "settrace", "embed"}
KEEPS_BLOCK = (ast.Yield, ast.YieldFrom, ast.Global, ast.Nonlocal)
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
NOT_CHILDREN = set("ctx op ops names type_comment kind conversion id attr".split())
NOT_CHILDREN |= set("arg asname module level is_async name type_ignores".split())
Owner = Optional[ast.ClassDef]
Step = Tuple[Scope, Owner]
AnyImport = Union[ast.Import, ast.ImportFrom]
AnyAssign = Union[ast.Assign, ast.AnnAssign]
Definition = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef]


@dataclass(eq=False)
class Scan:
    """Everything one walk over the module's trees found."""

    module: Scope
    scopes: list[Scope] = field(default_factory=list)
    imports: list[Import] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    false_branches: list[tuple[int, ast.If | ast.While]] = field(default_factory=list)
    calls: list[tuple[int, ast.Call]] = field(default_factory=list)
    attrs: set[str] = field(default_factory=set)
    defs: list[tuple[int, ast.stmt]] = field(default_factory=list)
    methods: list[tuple[int, ast.ClassDef, ast.stmt]] = field(default_factory=list)
    stored: set[str] = field(default_factory=set)
    extra: set[str] = field(default_factory=set)


class Restore(tuple):
    """On the walk's stack: the scope and class to return to after a scope's body."""


class Fields(dict[type, tuple[str, ...]]):
    """Node type -> the names of its fields that may hold nodes worth walking."""

    def __missing__(self, kind: type) -> tuple[str, ...]:
        names = getattr(kind, "_fields", ())
        self[kind] = tuple(name for name in names if name not in NOT_CHILDREN)
        return self[kind]


FIELDS = Fields({ast.Constant: ()})


class Walker:
    """The walk: a stack of nodes; a Restore on it ends a scope's or class's body."""

    def __init__(self, extra: set[str]) -> None:
        self.scan = Scan(Scope(None, None, reads=set(extra)), extra=set(extra))
        self.scan.scopes.append(self.scan.module)
        self.source = 0
        self.top_classes: set[int] = set()
        self.optional: set[int] = set()

    def run(self, tree: ast.AST) -> None:
        stack: list[Any] = [tree]
        pop, push, extend = stack.pop, stack.append, stack.extend
        scope, owner = self.scan.module, None
        while stack:
            node = pop()
            kind = type(node)
            if kind is Restore:
                scope, owner = node
                continue
            handler = HANDLERS.get(kind)
            if handler is not None:
                handler(self, node, scope, owner)
            elif kind in SCOPES:
                push(Restore((scope, owner)))
                scope, owner = SCOPES[kind](self, node, scope, owner)
            for name in FIELDS[kind]:
                value = getattr(node, name, None)
                if value.__class__ is list:
                    if value and isinstance(value[0], ast.stmt):
                        value = self.reachable(value)
                    extend(value)
                elif isinstance(value, ast.AST):
                    push(value)

    def reachable(self, stmts: list[ast.stmt]) -> list[ast.stmt]:
        """``stmts`` up to the first terminator; the rest is recorded as a block."""
        for index, stmt in enumerate(stmts[:-1]):
            what = terminator(stmt)
            if what:
                rest = stmts[index + 1 :]
                nodes = (n for s in rest for n in ast.walk(s))
                if any(isinstance(n, KEEPS_BLOCK) for n in nodes):
                    return stmts  # `return; yield` makes a generator: keep it
                self.scan.blocks.append(Block(self.source, rest, stmt, what))
                return stmts[: index + 1]
        return stmts

    def name(self, node: ast.Name, scope: Scope, owner: Owner) -> None:
        if isinstance(node.ctx, ast.Store):
            self.scan.stored.add(node.id)
        else:
            scope.reads.add(node.id)

    def attribute(self, node: ast.Attribute, scope: Scope, owner: Owner) -> None:
        self.scan.attrs.add(node.attr)
        if isinstance(node.value, ast.Name):
            scope.dynamic |= (node.value.id, node.attr) in FRAME_ATTRS

    def constant(self, node: ast.Constant, scope: Scope, owner: Owner) -> None:
        value = node.value
        if isinstance(value, str) and len(value) < 300 and TYPE_STRING.fullmatch(value):
            scope.reads.update(WORD.findall(value))

    def call(self, node: ast.Call, scope: Scope, owner: Owner) -> None:
        func = node.func
        called = getattr(func, "id", None) or getattr(func, "attr", "")
        if isinstance(func, ast.Name) and called in DYNAMIC:
            scope.dynamic = True
        if called in DEBUG_NAMES:
            self.scan.calls.append((self.source, node))
        if called in QUERY_CALLS:
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    scope.reads.update(WORD.findall(arg.value))

    def function(self, node: ast.AST, scope: Scope, owner: Owner) -> Step:
        if isinstance(node, FUNCTIONS):
            self.definition(node, scope, owner)
        inner = Scope(node, scope, source=self.source)
        self.scan.scopes.append(inner)
        return inner, None

    def klass(self, node: ast.ClassDef, scope: Scope, owner: Owner) -> Step:
        self.definition(node, scope, owner)
        return scope, node

    def definition(self, node: Definition, scope: Scope, owner: Owner) -> None:
        self.scan.stored.add(node.name)
        if scope is not self.scan.module:
            return
        if owner is None:
            self.scan.defs.append((self.source, node))
            self.top_classes.add(id(node))
        elif id(owner) in self.top_classes:
            self.scan.methods.append((self.source, owner, node))

    def imports(self, node: AnyImport, scope: Scope, owner: Owner) -> None:
        if getattr(node, "module", None) != "__future__":
            optional = id(node) in self.optional
            found = Import(self.source, node, scope, optional, owner is not None)
            self.scan.imports.append(found)

    def declare(self, node: ast.Global | ast.Nonlocal, scope: Scope, _: Owner) -> None:
        scope.declared.update(node.names)

    def assign(self, node: AnyAssign, scope: Scope, owner: Owner) -> None:
        if not isinstance(scope.node, FUNCTIONS) or owner is not None:
            return
        if isinstance(node, ast.AnnAssign) and node.value is None:
            return
        for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
            if isinstance(target, ast.Name) and not target.id.startswith("_"):
                scope.assigned.setdefault(target.id, target)

    def augmented(self, node: ast.AugAssign, scope: Scope, owner: Owner) -> None:
        if isinstance(node.target, ast.Name):
            scope.reads.add(node.target.id)

    def attempt(self, node: ast.Try, scope: Scope, owner: Owner) -> None:
        if catches_import_errors(node):
            inside = node.body + [s for h in node.handlers for s in h.body]
            for sub in (n for stmt in inside for n in ast.walk(stmt)):
                if isinstance(sub, (ast.Import, ast.ImportFrom)):
                    self.optional.add(id(sub))

    def branch(self, node: ast.If | ast.While, scope: Scope, owner: Owner) -> None:
        if literal_false(node.test):
            self.scan.false_branches.append((self.source, node))

    def finish(self) -> Scan:
        """Fold every scope's reads and dynamic use into its enclosing scopes; put
        what was found in source order (the walk visits it backwards)."""
        found = self.scan
        for scope in reversed(found.scopes):
            scope.total |= scope.reads | scope.declared
            if scope.parent is not None:
                scope.parent.total |= scope.total
                scope.parent.dynamic |= scope.dynamic
        for items in (found.defs, found.methods, found.calls, found.false_branches):
            items.sort(key=lambda item: (item[0], item[-1].lineno, item[-1].col_offset))
        found.imports.sort(key=lambda i: (i.source, i.stmt.lineno, i.stmt.col_offset))
        found.blocks.sort(key=lambda block: (block.source, block.after.lineno))
        return found


HANDLERS: dict[type, Callable[..., None]] = {
    ast.Name: Walker.name,
    ast.Attribute: Walker.attribute,
    ast.Constant: Walker.constant,
    ast.Call: Walker.call,
    ast.Import: Walker.imports,
    ast.ImportFrom: Walker.imports,
    ast.Global: Walker.declare,
    ast.Nonlocal: Walker.declare,
    ast.Assign: Walker.assign,
    ast.AnnAssign: Walker.assign,
    ast.AugAssign: Walker.augmented,
    ast.Try: Walker.attempt,
    ast.If: Walker.branch,
    ast.While: Walker.branch,
}
HANDLERS.update({ast.TryStar: Walker.attempt} if hasattr(ast, "TryStar") else {})
SCOPES: dict[type, Callable[..., Step]] = {
    ast.FunctionDef: Walker.function,
    ast.AsyncFunctionDef: Walker.function,
    ast.Lambda: Walker.function,
    ast.ClassDef: Walker.klass,
}


def scan(trees: Sequence[ast.AST], extra: Sequence[str] = ()) -> Scan:
    """The facts of a module made of ``trees`` (one per notebook cell, in order, as
    one namespace); ``extra`` words count as read everywhere."""
    walker = Walker(set(extra))
    for index, tree in enumerate(trees):
        walker.source = index
        walker.run(tree)
    return walker.finish()
