"""Names bound and never read: unused imports (MLH201) and unused locals (MLH202).

Judged from one scan of the module (``_scan``), generously, because a false positive
costs more than a miss: a name counts as read when it is read anywhere in its scope,
nested functions, annotations and name-like strings included (``__all__``, string
annotations, ``getattr(obj, "name")``). Never reported: ``__future__`` imports, star
imports, explicit re-exports (``import x as x``, ``from m import x as x``), imports in
a ``try`` that catches ``ImportError`` (availability probes and their fallbacks), and
any name of a module, or local of a function, that reaches its namespace dynamically
(``globals()``, ``locals()``, ``vars()``, ``eval``, ``exec``, ``sys._getframe``,
``sys.modules``). Locals: only plain ``name = value`` assignments; names unpacked
from a tuple (``a, b = f()`` documents the shape), loop and ``with`` targets, ``except
... as e``, walrus targets, ``_``-prefixed names, ``global``/``nonlocal`` names and
augmented assignments (``x += 1`` reads ``x``) are never reported.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from mlhooks._flow import Finding
from mlhooks._i18n import tr

if TYPE_CHECKING:
    from mlhooks._scan import Scan

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(eq=False)
class Scope:
    """The module (``node`` None), a function or a lambda. After the walk, ``total``
    holds what it and its nested scopes read, and ``dynamic`` covers them too."""

    node: ast.AST | None
    parent: Scope | None
    reads: set[str] = field(default_factory=set)
    assigned: dict[str, ast.Name] = field(default_factory=dict)
    declared: set[str] = field(default_factory=set)
    dynamic: bool = False
    total: set[str] = field(default_factory=set)
    source: int = 0


@dataclass(frozen=True, eq=False)
class Import:
    """An import statement, the scope it binds in, and how it is placed."""

    source: int
    stmt: ast.Import | ast.ImportFrom
    scope: Scope
    optional: bool  # in a try that catches ImportError: an availability probe
    in_class: bool

    @cached_property
    def names(self) -> list[Binding]:
        return bindings(self.stmt)


class Binding(NamedTuple):
    """One name an import binds: as bound, as written, and what it stands for."""

    name: str
    shown: str
    target: str
    alias: ast.alias


def bindings(stmt: ast.Import | ast.ImportFrom) -> list[Binding]:
    """The names ``stmt`` binds (star imports and ``x as x`` re-exports left out)."""
    found = []
    module = (stmt.module or "") if isinstance(stmt, ast.ImportFrom) else ""
    prefix = "." * getattr(stmt, "level", 0) + module
    for alias in stmt.names:
        if alias.name == "*" or alias.asname == alias.name:
            continue
        if isinstance(stmt, ast.Import):
            name = alias.asname or alias.name.split(".")[0]
            target = alias.name if alias.asname else name
            shown = alias.name
        else:
            name = alias.asname or alias.name
            target = shown = prefix + ("" if prefix.endswith(".") else ".") + alias.name
        shown += f" as {alias.asname}" if alias.asname else ""
        found.append(Binding(name, shown, target, alias))
    return found


def aliases(scan: Scan) -> dict[str, str]:
    """Bound name -> the dotted name it was imported as, over every scope."""
    return {b.name: b.target for i in scan.imports for b in i.names}


def _module_level(imported: Import) -> bool:
    scope = imported.scope
    return scope.parent is None or any(b.name in scope.declared for b in imported.names)


def unused_imports(scan: Scan) -> list[tuple[Finding, Import, Binding]]:
    """MLH201: every import binding that nothing in its scope reads."""
    module, found = scan.module, []
    for imported in scan.imports:
        if imported.optional:
            continue
        at_top = _module_level(imported)
        scope: Scope = module if at_top else imported.scope
        if scope.dynamic:
            continue
        for binding in imported.names:
            name = binding.name
            if name in scope.total or name in scan.extra:
                continue
            if imported.in_class and name in scan.attrs:
                continue
            message = tr(
                "'{shown}' is imported but never used: the guideline deletes code the"
                " processing does not need; remove the import, or add"
                " '# noqa: MLH201' if it is imported for its side effects",
                shown=binding.shown,
            )
            alias = binding.alias
            at = (alias.lineno, alias.col_offset + 1)
            finding = Finding(imported.source, *at, "MLH201", message, name)
            found.append((finding, imported, binding))
    return found


def unused_locals(scan: Scan) -> list[Finding]:
    """MLH202: one finding per local name a function assigns and never reads."""
    found = []
    for scope in scan.scopes:
        function = scope.node
        if not isinstance(function, FUNCTIONS) or scope.dynamic:
            continue
        for name, target in scope.assigned.items():
            if name in scope.total or name in scan.extra:
                continue
            message = tr(
                "local variable '{name}' in {function}() is assigned but never read:"
                " the guideline deletes code the processing does not need; remove the"
                " assignment (keep the call if it does work), or rename it '_{name}'",
                name=name,
                function=function.name,
            )
            at = (target.lineno, target.col_offset + 1)
            found.append(Finding(scope.source, *at, "MLH202", message, name))
    return found


def module_uses(scan: Scan) -> set[str]:
    """Every name the module reads or uses as an attribute (for MLH206)."""
    return scan.module.total | scan.attrs
