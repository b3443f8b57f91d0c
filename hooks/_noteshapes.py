"""Shapes of Python that read as notes rather than code: literals (``lr = 0.001``),
formulas of one-letter names (``N = H * W``, ``p = softmax(z)``), type names
(``abs(float)``), CJK text, assignments that state what something holds or an
equation (``X.shape = (n, d)``, ``Xc = U * S * V.T``: ``is_note``); and the verdict
record the judge gives a statement.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

CODE, WEAK, PROSE = "code", "weak", "prose"
CJK = re.compile(
    "[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff00-\uffef\uac00-\ud7af]"
)
STRINGS = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:\\.|[^'\\\n])*'|\"(?:\\.|[^\"\\\n])*\"", re.S
)
MATH_NAME = re.compile(
    r"[^\W\d_](?:\d+|_[^\W_])?|pi|inf|eps|alpha|beta|gamma|delta|sigma|mu|theta"
    r"|tau|phi|omega|rho|nu|kappa|epsilon"
)
MATH_FUNCTIONS = frozenset(
    "sqrt log exp sin cos tan tanh sigmoid softmax relu abs max min sum mean var std"
    " argmax argmin norm det E P Var Cov KL".split()
)
PROSE_IMPORTS = frozenset(
    "data dependencies everything libraries library modules module packages package"
    " stuff things this".split()
)
TYPES = frozenset(
    "int float str bool bytes list dict tuple set frozenset complex object type Any"
    " Optional Union Callable Sequence Iterable Iterator Mapping None".split()
)
LITERALS = (ast.Constant, ast.UnaryOp, ast.Tuple, ast.List, ast.Name)
CALLS = (ast.Call, ast.Await, ast.Yield, ast.YieldFrom, ast.Lambda)
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
KEYWORDS = (ast.Pass, ast.Break, ast.Continue, ast.Return)
ENTRIES: tuple[type, ...] = (ast.Call, ast.Constant, ast.Lambda, ast.Starred, ast.Dict)
ENTRIES += (ast.List, ast.Set, ast.JoinedStr, ast.Await) + COMPREHENSIONS

_KEYWORDS = (
    "False|None|True|and|as|assert|async|await|break|case|class|continue|def|del"
    "|elif|else|except|exec|finally|for|from|global|if|import|in|is|lambda|match"
    "|nonlocal|not|or|pass|print|raise|return|try|type|while|with|yield"
)
TWO_WORDS = re.compile(
    rf"(?<!\w)(?!(?:{_KEYWORDS})\b)[^\W\d]\w*[ \t]+(?!(?:{_KEYWORDS})\b)[^\W\d]"
)


@dataclass(frozen=True)
class Verdict:
    """A statement is code, weak (a note as often as code) or prose; ``why`` says
    what it is: ``a call to model.fit()``."""

    kind: str
    why: str = ""


def dotted(node: ast.AST) -> str:
    """``model.fit`` for a name or attribute chain; the (shortened) code otherwise."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"[-40:]
    if isinstance(node, (ast.Call, ast.Subscript)):
        inner = node.func if isinstance(node, ast.Call) else node.value
        return dotted(inner) + ("()" if isinstance(node, ast.Call) else "[]")
    text = ast.unparse(node)
    return text if len(text) <= 40 else text[:37] + "..."


def has(node: ast.AST, kinds: type | tuple[type, ...]) -> bool:
    return any(isinstance(child, kinds) for child in ast.walk(node))


def is_literal(node: ast.AST) -> bool:
    """A number, string, constant name, or a tuple/list of them: ``(224, 224)``."""
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(is_literal(item) for item in node.elts)
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.operand, ast.Constant)
    return isinstance(node, (ast.Constant, ast.Name))


def is_formula(node: ast.AST) -> bool:
    """``N = H * W``, ``y = f(x)``: one-letter names, numbers, operators, calls."""
    if node.lineno != node.end_lineno:  # type: ignore[attr-defined]
        return False  # laid out over lines like code
    nodes = list(ast.walk(node))
    called = {id(n.func) for n in nodes if isinstance(n, ast.Call)}
    if not any(isinstance(n, ast.Name) and id(n) not in called for n in nodes):
        return False  # foo(), foo(1, 2): no variable to be maths about
    for child in nodes:
        if isinstance(child, ast.Name) and id(child) not in called:
            if not MATH_NAME.fullmatch(child.id):
                return False
        if isinstance(child, ast.Call) and not isinstance(child.func, ast.Name):
            return False
        if isinstance(child, (ast.Attribute, ast.JoinedStr)) or (
            isinstance(child, ast.Constant) and isinstance(child.value, str)
        ):
            return False
    return True


def neutral(stmt: ast.stmt) -> bool:
    """Prose alone, but code in a body: ``pass``, ``return``, ``...``, a docstring."""
    constant = isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
    return constant or isinstance(stmt, KEYWORDS)


def is_type(node: ast.AST) -> bool:
    """An annotation a programmer writes: ``int``, ``np.ndarray``, ``list[str]``."""
    if isinstance(node, ast.Subscript):
        return is_type(node.value)
    if isinstance(node, ast.Attribute):
        return True
    if isinstance(node, ast.BinOp):  # int | None
        return is_type(node.left) and is_type(node.right)
    return isinstance(node, ast.Name) and (node.id in TYPES or node.id[:1].isupper())


def maybe_code(body: str) -> bool:
    """False for a line with two words side by side (strings and comments aside):
    ``the model is``. Python puts an operator or a keyword between two names."""
    text = STRINGS.sub('""', body).split("#", 1)[0]
    return bool(text.strip()) and not TWO_WORDS.search(text)


ACRONYM = re.compile(r"[A-Z]{2,4}\d*")  # TP, FMI: the symbols of a formula
HELD = frozenset("shape dtype ndim size nbytes itemsize max min eps tiny".split())


def symbols(value: ast.expr) -> set[str] | None:
    """The variables of maths as a paper writes it (numbers, operators, maths
    functions, transposes: ``U * S * V.T``); None for anything else."""
    nodes = list(ast.walk(value))
    for node in nodes:
        if isinstance(node, ast.Call):
            name = dotted(node.func)
            maths = name in MATH_FUNCTIONS or MATH_NAME.fullmatch(name)
            wrong = bool(node.keywords) or not maths
        elif isinstance(node, ast.Attribute):
            wrong = node.attr != "T"  # V.T
        elif isinstance(node, ast.Constant):
            wrong = not isinstance(node.value, (int, float, complex))
        else:
            kinds = (ast.BinOp, ast.UnaryOp, ast.Name)
            wrong = isinstance(node, ast.expr) and not isinstance(node, kinds)
        if wrong:
            return None
    called = {id(n.func) for n in nodes if isinstance(n, ast.Call)}
    return {n.id for n in nodes if isinstance(n, ast.Name) and id(n) not in called}


def is_note(stmt: ast.Assign) -> bool:
    """What something holds (``X.shape = (n, d)``, ``np.finfo(float).max = 1.8e308``,
    ``out = (B, C)``) or an equation (``FMI = TP / sqrt(TP + FP)``, or a chain that
    reads "is": ``d = h = p * (1 - p)``), written as an assignment."""
    target, value = stmt.targets[0], stmt.value
    one = len(stmt.targets) == 1 and isinstance(target, (ast.Name, ast.Attribute))
    items = value.elts if isinstance(value, ast.Tuple) else []
    if one and len(items) > 1 and all(isinstance(item, ast.Name) for item in items):
        return True  # a shape
    if one and isinstance(target, ast.Attribute) and is_literal(value):
        return target.attr in HELD or has(target.value, ast.Call)
    variables = symbols(value) if has(value, ast.BinOp) else None
    named = all(isinstance(t, ast.Name) for t in stmt.targets)
    if variables is None or not named or value.lineno != value.end_lineno:
        return False
    if len(stmt.targets) > 1:
        return True
    maths = all(MATH_NAME.fullmatch(v) or ACRONYM.fullmatch(v) for v in variables)
    return maths and len(variables) > 1 and dotted(target) not in variables
