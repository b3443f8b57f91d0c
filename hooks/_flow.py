"""Code the processing never runs or must not run: statements after a ``return``,
``raise``, ``continue``, ``break`` or exit call in the same block (MLH203), branches
under a literal false test (MLH204), and debugger calls left in (MLH205).

Only what is certain counts: a test is false when it is the literal ``False``, ``0``,
``None`` or ``""`` (or an ``and`` holding one), never ``TYPE_CHECKING`` or
``__debug__``; ``return`` followed by ``yield`` (the empty-generator idiom) is kept;
a debugger is a call that resolves, through the module's imports, to one of the known
debugger entry points (``breakpoint()``, ``pdb.set_trace()``, ``IPython.embed()``...),
not a post-mortem hook behind a ``--pdb`` option.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, NamedTuple, Sequence

from mlhooks._i18n import tr

if TYPE_CHECKING:
    from mlhooks._scan import Scan

IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
EXITS = {"exit": "exit()", "quit": "quit()"}
EXIT_ATTRS = {("sys", "exit"): "sys.exit()", ("os", "_exit"): "os._exit()"}
TRACERS = "pdb ipdb pudb pdbpp bpdb wdb rpdb remote_pdb web_pdb madbg pdbr ptpdb"
DEBUGGERS = {f"{name}.set_trace" for name in TRACERS.split()} | {
    "breakpoint",
    "pdb.Pdb.set_trace",
    "IPython.embed",
    "IPython.terminal.embed.embed",
    "IPython.core.debugger.set_trace",
    "IPython.core.debugger.Pdb.set_trace",
    "celery.contrib.rdb.set_trace",
    "debugpy.breakpoint",
    "torch.distributed.breakpoint",
    "pydevd.settrace",
    "pydevd_pycharm.settrace",
}


class Finding(NamedTuple):
    """A finding in source ``source`` of a module (a notebook cell, or the file)."""

    source: int
    line: int
    col: int
    code: str
    message: str
    name: str = ""  # what it is about, when a later step needs it (MLH201)


@dataclass(frozen=True)
class Block:
    """The statements of one block that follow its terminator ``after``."""

    source: int
    stmts: list[ast.stmt]
    after: ast.stmt
    what: str


def terminator(stmt: ast.stmt) -> str:
    """What ends the block at ``stmt`` ('' when nothing does)."""
    if isinstance(stmt, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return type(stmt).__name__.lower()
    call = stmt.value if isinstance(stmt, ast.Expr) else None
    if not isinstance(call, ast.Call):
        return ""
    func = call.func
    if isinstance(func, ast.Name):
        return EXITS.get(func.id, "")
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return EXIT_ATTRS.get((func.value.id, func.attr), "")
    return ""


def catches_import_errors(node: ast.Try) -> bool:
    """Whether a handler of ``node`` catches ImportError (bare, or a base class)."""
    for handler in node.handlers:
        kinds = handler.type
        for kind in kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]:
            name = getattr(kind, "id", getattr(kind, "attr", ""))
            if kind is None or name in IMPORT_ERRORS:
                return True
    return False


def literal_false(test: ast.expr) -> bool:
    """``False``, ``0``, ``None``, ``""``, or an ``and`` with one of them."""
    if isinstance(test, ast.BoolOp) and not isinstance(test.op, ast.And):
        return False
    tests = test.values if isinstance(test, ast.BoolOp) else [test]
    return any(isinstance(t, ast.Constant) and not t.value for t in tests)


def first_line(stmt: ast.stmt) -> int:
    """Where ``stmt`` starts, its decorators included."""
    decorators = getattr(stmt, "decorator_list", [])
    return min([stmt.lineno] + [d.lineno for d in decorators])


def _lines(start: int, end: int) -> str:
    if start == end:
        return tr("line {start}", start=start)
    return tr("lines {start}-{end}", start=start, end=end)


def unreachable(scan: Scan) -> list[Finding]:
    """MLH203: one finding per block of statements after a terminator."""
    found = []
    for block in scan.blocks:
        if block.what.endswith("()") and block.what[:-2] in scan.stored:
            continue  # exit() or quit() redefined: not the builtin
        start = first_line(block.stmts[0])
        where = _lines(start, block.stmts[-1].end_lineno or start)
        message = tr(
            "unreachable code ({where}) after '{what}' on line {after}: the guideline"
            " deletes code the processing does not need; delete it",
            where=where,
            what=block.what,
            after=block.after.lineno,
        )
        col = block.stmts[0].col_offset + 1
        found.append(Finding(block.source, start, col, "MLH203", message))
    return found


def false_branches(scan: Scan, texts: Sequence[str]) -> list[Finding]:
    """MLH204: one finding per ``if``/``elif``/``while`` under a literal false."""
    found = []
    for source, node in scan.false_branches:
        line = texts[source].split("\n")[node.lineno - 1].lstrip()
        keyword = "elif" if line.startswith("elif") else "if"
        keyword = "while" if isinstance(node, ast.While) else keyword
        test = ast.unparse(node.test)
        test = test if len(test) <= 40 else test[:37] + "..."
        body = node.body
        where = _lines(first_line(body[0]), body[-1].end_lineno or node.lineno)
        message = tr(
            "'{keyword} {test}:' never runs its body ({where}): the guideline deletes"
            " code the processing does not need; delete the branch, or switch it with"
            " a configuration option",
            keyword=keyword,
            test=test,
            where=where,
        )
        found.append(
            Finding(source, node.lineno, node.col_offset + 1, "MLH204", message)
        )
    return found


def dotted(node: ast.expr) -> str:
    """``a.b.c`` for a chain of attributes (a call in it is stepped over), else ''."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return dotted(node.func) if isinstance(node, ast.Call) else ""


def debugger_calls(scan: Scan, aliases: Mapping[str, str]) -> list[Finding]:
    """MLH205: calls that resolve, through ``aliases`` (bound name -> imported
    dotted name), to a debugger entry point."""
    found = []
    for source, call in scan.calls:
        name = dotted(call.func)
        root, _, rest = name.partition(".")
        if root in aliases:
            name = aliases[root] + (f".{rest}" if rest else "")
        elif root in scan.stored:
            continue  # a function of the module's own
        if name in DEBUGGERS:
            message = tr(
                "debugger call '{call}()' left in: it stops every run that reaches it"
                " (a training job or CI waits for input); delete it",
                call=ast.unparse(call.func),
            )
            at = (call.lineno, call.col_offset + 1)
            found.append(Finding(source, *at, "MLH205", message))
    return found
