"""The verdict on one parsed statement of a comment: code, weak or prose, and what it
is ("a call to model.fit()") for the message.
"""

from __future__ import annotations

import ast

from mlhooks._i18n import tr
from mlhooks._noteshapes import (
    CALLS,
    CJK,
    CODE,
    COMPREHENSIONS,
    ENTRIES,
    MATH_FUNCTIONS,
    MATH_NAME,
    PROSE,
    PROSE_IMPORTS,
    STRINGS,
    TYPES,
    WEAK,
    Verdict,
    dotted,
    has,
    is_formula,
    is_literal,
    is_note,
    is_type,
    neutral,
)


class Judge:
    """Judges the statements of one parsed run (its text, for spacing and CJK)."""

    def __init__(self, text: str, wrapped: bool, neighbors: frozenset[str]) -> None:
        self.lines = [line.encode("utf-8") for line in text.split("\n")]
        self.wrapped = wrapped
        self.neighbors = neighbors

    def _spaced(self, node: ast.AST) -> bool:
        """``see (above)``, ``ref [1]``: a space between a name and its bracket."""
        for child in ast.walk(node):
            if isinstance(child, ast.Attribute) and child.lineno == child.end_lineno:
                line = self.lines[child.lineno - 1]
                if b" " in line[child.value.end_col_offset : child.end_col_offset]:
                    return True  # ``e.g. foo``
            if isinstance(child, (ast.Call, ast.Subscript)):
                head = child.func if isinstance(child, ast.Call) else child.value
                line = self.lines[(head.end_lineno or 1) - 1]
                at = head.end_col_offset or 0
                if line[at : at + 1] in (b" ", b"\t"):
                    return True
        return False

    def _cjk(self, stmt: ast.stmt, first: int, last: int) -> bool:
        begin, end = max(stmt.lineno, first), min(stmt.end_lineno or last, last)
        text = b"\n".join(self.lines[begin - 1 : end]).decode("utf-8", "replace")
        if not CJK.search(STRINGS.sub("", text)):
            return False
        return not any(  # 結果 = model.predict(X) is code all the same
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and dotted(n.func).isascii()
            for n in ast.walk(stmt)
        )

    def statement(self, stmt: ast.stmt, first: int, last: int) -> Verdict:
        """The verdict on a top-level statement of lines ``first``..``last``."""
        if self._cjk(stmt, first, last) or self._spaced(stmt):
            return Verdict(PROSE)
        if self.wrapped and isinstance(stmt, ast.Expr):
            return self.entries(stmt.value)
        return self.judge(stmt, first, last)

    def entries(self, node: ast.expr) -> Verdict:
        """Commented-out arguments, elements or dict entries inside brackets."""
        if isinstance(node, ast.Dict):
            key = next((k for k in node.keys if isinstance(k, ast.Constant)), None)
            if key is None:
                return Verdict(PROSE)
            return Verdict(CODE, tr("a dict entry ({key})", key=ast.unparse(key)[:40]))
        assert isinstance(node, ast.Call)
        if node.keywords and node.keywords[0].arg:
            name = node.keywords[0].arg
            return Verdict(CODE, tr("an argument ({name}=...)", name=name))
        kinds: tuple[type, ...] = ENTRIES
        if not self.lines[-2].rstrip().endswith(b","):  # ``# 224``: a note, maybe
            kinds = tuple(kind for kind in kinds if kind is not ast.Constant)
        strong = [arg for arg in node.args if isinstance(arg, kinds)]
        if strong:
            element = ast.unparse(strong[0])[:40]
            return Verdict(CODE, tr("an element ({value})", value=element))
        return Verdict(WEAK, tr("an element"))

    def judge(self, stmt: ast.stmt, first: int, last: int) -> Verdict:
        method = getattr(self, f"judge_{type(stmt).__name__}", None)
        return method(stmt, first, last) if method else Verdict(WEAK, tr("a statement"))

    def judge_Expr(self, stmt: ast.Expr, first: int, last: int) -> Verdict:
        value = stmt.value
        if isinstance(value, ast.Call):
            types = [isinstance(a, ast.Name) and a.id in TYPES for a in value.args]
            name = dotted(value.func)
            maths = name in MATH_FUNCTIONS or bool(MATH_NAME.fullmatch(name))
            formula = value.args and maths and is_formula(value)
            if formula or (types and all(types)):  # sqrt(pi), abs(float)
                return Verdict(PROSE)
            return Verdict(CODE, tr("a call to {name}()", name=name))
        expression = tr("an expression")
        if isinstance(value, CALLS + COMPREHENSIONS):
            return Verdict(CODE, expression)
        if isinstance(value, (ast.Subscript, ast.Starred)):
            return Verdict(WEAK, expression)
        return Verdict(WEAK if has(value, ast.Call) else PROSE, expression)

    def judge_Assign(self, stmt: ast.Assign, first: int, last: int) -> Verdict:
        if is_note(stmt):  # X.shape = (n, d), Xc = U * S * V.T
            return Verdict(PROSE)
        target = stmt.targets[0]
        name = dotted(target) if len(stmt.targets) == 1 else "..."
        why = tr("an assignment to {target}", target=name)
        if isinstance(target, ast.Name) and target.id in self.neighbors:
            return Verdict(CODE, tr("an alternative value for {name}", name=target.id))
        if any(isinstance(t, (ast.Attribute, ast.Subscript)) for t in stmt.targets):
            return Verdict(CODE, why)
        if is_literal(stmt.value):
            return Verdict(WEAK, why)
        math = isinstance(stmt.value, (ast.BinOp, ast.UnaryOp)) or all(
            isinstance(t, ast.Name) and MATH_NAME.fullmatch(t.id) for t in stmt.targets
        )
        if math and is_formula(stmt.value):
            return Verdict(PROSE)
        code = (ast.Call, ast.Attribute, ast.Subscript, ast.JoinedStr, ast.Dict)
        strong = has(stmt.value, code + COMPREHENSIONS + (ast.Lambda, ast.List))
        return Verdict(CODE if strong else WEAK, why)

    def judge_AnnAssign(self, stmt: ast.AnnAssign, first: int, last: int) -> Verdict:
        if stmt.value is not None and is_type(stmt.annotation):
            why = tr("an assignment to {target}", target=dotted(stmt.target))
            return Verdict(CODE, why)
        return Verdict(PROSE)

    def judge_AugAssign(self, stmt: ast.AugAssign, first: int, last: int) -> Verdict:
        return Verdict(CODE, tr("an update of {target}", target=dotted(stmt.target)))

    def judge_Import(self, stmt: ast.Import, first: int, last: int) -> Verdict:
        names = [alias.name for alias in stmt.names]
        placeholders = all(len(name) == 1 and name.isupper() for name in names)
        if placeholders or (len(names) == 1 and names[0].lower() in PROSE_IMPORTS):
            return Verdict(PROSE)
        return Verdict(CODE, tr("an import of {names}", names=", ".join(names)[:40]))

    def judge_ImportFrom(self, stmt: ast.ImportFrom, first: int, last: int) -> Verdict:
        module = "." * stmt.level + (stmt.module or "")
        return Verdict(CODE, tr("an import from {module}", module=module))

    def judge_Return(self, stmt: ast.Return, first: int, last: int) -> Verdict:
        if stmt.value is None:
            return Verdict(PROSE)
        strong = not isinstance(stmt.value, (ast.Name, ast.Constant))
        return Verdict(CODE if strong else WEAK, tr("a return statement"))

    def judge_Raise(self, stmt: ast.Raise, first: int, last: int) -> Verdict:
        strong = stmt.exc is not None and has(stmt.exc, ast.Call)
        return Verdict(CODE if strong else WEAK, tr("a raise statement"))

    def judge_Delete(self, stmt: ast.Delete, first: int, last: int) -> Verdict:
        return Verdict(CODE, tr("a del statement"))

    def judge_Assert(self, stmt: ast.Assert, first: int, last: int) -> Verdict:
        strong = isinstance(stmt.test, (ast.Compare, ast.Call))
        return Verdict(CODE if strong else WEAK, tr("an assert statement"))

    def judge_Pass(self, stmt: ast.stmt, first: int, last: int) -> Verdict:
        return Verdict(PROSE)

    judge_Break = judge_Continue = judge_Pass

    def body(self, stmts: list[ast.stmt], first: int, last: int) -> Verdict | None:
        """The strongest verdict of a body; None when it is only the added ``pass``."""
        real = [s for s in stmts if s.lineno <= last]
        if not real:
            return None
        kinds = [self.judge(s, first, last).kind for s in real]
        kinds = [WEAK if neutral(s) and k == PROSE else k for s, k in zip(real, kinds)]
        if PROSE in kinds:
            return Verdict(PROSE)
        return Verdict(CODE if CODE in kinds else WEAK)

    def compound(self, header: Verdict, bodies: list[Verdict | None]) -> Verdict:
        """A header with its bodies: prose in a body makes it prose."""
        if any(b is not None and b.kind == PROSE for b in bodies):
            return Verdict(PROSE)
        if any(b is not None and b.kind == CODE for b in bodies):
            return Verdict(CODE, header.why)
        return header

    def judge_FunctionDef(
        self, stmt: ast.FunctionDef, first: int, last: int
    ) -> Verdict:
        if stmt.lineno > last:  # decorators completed with ``def _(): pass``
            strong = [d for d in stmt.decorator_list if not isinstance(d, ast.Name)]
            head = strong[0] if strong else stmt.decorator_list[0]
            why = tr("a decorator (@{name})", name=dotted(head))
            return Verdict(CODE if strong else WEAK, why)
        why = tr("a definition of {name}", name=stmt.name)
        return self.compound(Verdict(CODE, why), [self.body(stmt.body, first, last)])

    judge_AsyncFunctionDef = judge_ClassDef = judge_FunctionDef

    def judge_For(self, stmt: ast.For, first: int, last: int) -> Verdict:
        bodies = [self.body(part, first, last) for part in (stmt.body, stmt.orelse)]
        return self.compound(Verdict(CODE, tr("a for loop")), bodies)

    judge_AsyncFor = judge_For

    def judge_While(self, stmt: ast.While, first: int, last: int) -> Verdict:
        strong = not isinstance(stmt.test, ast.Name)
        header = Verdict(CODE if strong else WEAK, tr("a while loop"))
        bodies = [self.body(part, first, last) for part in (stmt.body, stmt.orelse)]
        return self.compound(header, bodies)

    def judge_If(self, stmt: ast.If, first: int, last: int) -> Verdict:
        orelse = self.body(stmt.orelse, first, last)
        if stmt.lineno < first:  # the ``if`` added in front of an ``else:``
            return self.compound(Verdict(CODE, tr("an else branch")), [orelse])
        strong = not isinstance(stmt.test, (ast.Name, ast.Constant))
        header = Verdict(CODE if strong else WEAK, tr("an if statement"))
        return self.compound(header, [self.body(stmt.body, first, last), orelse])

    def judge_With(self, stmt: ast.With, first: int, last: int) -> Verdict:
        kinds = (ast.Call, ast.Attribute)
        if not any(isinstance(item.context_expr, kinds) for item in stmt.items):
            return Verdict(PROSE)
        name = dotted(stmt.items[0].context_expr)
        header = Verdict(CODE, tr("a with statement ({name})", name=name))
        return self.compound(header, [self.body(stmt.body, first, last)])

    judge_AsyncWith = judge_With

    def judge_Try(self, stmt: ast.Try, first: int, last: int) -> Verdict:
        parts = [stmt.orelse, stmt.finalbody] + [h.body for h in stmt.handlers]
        if stmt.lineno >= first:
            parts.append(stmt.body)
        bodies = [self.body(part, first, last) for part in parts]
        why = tr("a try statement") if stmt.lineno >= first else tr("an except clause")
        return self.compound(Verdict(CODE, why), bodies)
