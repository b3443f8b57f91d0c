"""Documented types against annotations: a contradiction only when it is certain.

A type is read from an annotation (an ``ast`` node, or a string annotation) or from a
docstring (``Optional[int]``, ``int | None``, ``int or None``, ``list of str``,
``int, optional``, ``int, default 0``) into a set of members, so unions compare in any
order and ``typing`` aliases equal the builtins (``List[int]`` == ``list[int]``).
``None`` is ignored on both sides (a docstring need not say "or None"); the numeric
tower (bool < int < float < complex) is one type; a bare generic matches any of its
parametrisations. Two types contradict only when no documented member can be any of
the annotated ones, all of them well-known concrete types (``int``, ``str``, ``list``,
``Path``, ``ndarray``...): "str or Path" for ``str`` is no contradiction. Prose
("array-like", "callable", "str {'a', 'b'}"), unknown classes, ``Any`` and type
variables never contradict anything.
"""

from __future__ import annotations

import ast
import re
from typing import Optional

Member = tuple[str, Optional[tuple[frozenset, ...]]]  # (name, arguments or None)
Type = Optional[frozenset]  # a union of members; None: unknown

ALIASES = {"text": "str", "string": "str", "integer": "int", "boolean": "bool"}
ALIASES |= {"nonetype": "none", "dictionary": "dict"}
ANY = {"any", "object"}
NUMERIC = {"bool", "int", "float", "complex"}
BYTES = {"bytes", "bytearray"}
KNOWN = NUMERIC | BYTES | {"str", "list", "dict", "tuple", "set", "frozenset"}
KNOWN |= {"none", "path", "ndarray", "dataframe", "series", "tensor"}
SUFFIX = re.compile(r"(?:,?\s*(?:optional|default\b.*|\(default\b.*\)))+$", re.I)
ROLE = re.compile(r":\w+:`~?([^`]*)`")
OF = re.compile(r"(\w+) of (\w+)")
GROUPING = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


def _name(node: ast.expr) -> str:
    """The last part of a dotted name, lower-cased and de-aliased; '' otherwise."""
    if isinstance(node, ast.Attribute):
        name = node.attr
    elif isinstance(node, ast.Name):
        name = node.id
    else:
        return ""
    return ALIASES.get(name.lower(), name.lower())


def _union(parts: list[Type]) -> Type:
    if any(part is None for part in parts):
        return None
    return frozenset().union(*[part for part in parts if part is not None])


def from_node(node: ast.expr | None) -> Type:
    """The type an annotation (or a part of one) stands for; None when unknown."""
    if node is None:
        return None
    if isinstance(node, ast.Constant):
        if node.value is None:
            return frozenset({("none", None)})
        return from_text(node.value) if isinstance(node.value, str) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union([from_node(node.left), from_node(node.right)])
    if isinstance(node, ast.Subscript):
        return _subscript(node)
    name = _name(node)
    return frozenset({(name, None)}) if name else None


def _subscript(node: ast.Subscript) -> Type:
    name = _name(node.value)
    elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if name == "optional":
        return _union([from_node(node.slice), frozenset({("none", None)})])
    if name == "union":
        return _union([from_node(element) for element in elements])
    if name == "annotated":
        return from_node(elements[0])
    if not name or name == "literal":
        return None
    args = [from_node(element) for element in elements]
    if any(arg is None for arg in args):
        return frozenset({(name, None)})
    return frozenset({(name, tuple(a for a in args if a is not None))})


def _split(text: str) -> list[str]:
    """``text`` cut at top-level ``|`` and `` or ``."""
    parts, depth, start = [], 0, 0
    marked = text.replace(" or ", " | ")
    for at, char in enumerate(marked):
        depth += GROUPING.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(marked[start:at])
            start = at + 1
    return parts + [marked[start:]]


def from_text(text: str) -> Type:
    """The type a docstring (or a string annotation) writes; None when unsure."""
    text = ROLE.sub(r"\1", text).replace("`", "").replace("~", "").strip()
    text = SUFFIX.sub("", text).strip().strip("'\"")
    parts = []
    for part in _split(text):
        part = OF.sub(r"\1[\2]", part.strip())
        try:
            node = ast.parse(part, mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            return None
        parts.append(from_node(node))
    return _union(parts) if text else None


def _members_agree(doc: Member, ann: Member) -> bool | None:
    """True: compatible; False: certainly different; None: cannot tell."""
    (name, args), (other, other_args) = doc, ann
    if name == other:
        if args is None or other_args is None or len(args) != len(other_args):
            return True
        return all(agree(a, b) is not False for a, b in zip(args, other_args))
    if name in ANY or other in ANY:
        return True
    if {name, other} <= NUMERIC or {name, other} <= BYTES:
        return True
    return False if name in KNOWN and other in KNOWN else None


def agree(doc: Type, ann: Type) -> bool | None:
    """Whether a documented type and an annotation agree (None: cannot tell)."""
    if doc is None or ann is None:
        return None
    doc_set = {m for m in doc if m[0] != "none"}
    ann_set = {m for m in ann if m[0] != "none"}
    if not doc_set or not ann_set:
        return None
    pairs = [_members_agree(d, a) for d in doc_set for a in ann_set]
    return False if all(pair is False for pair in pairs) else True


def contradicts(documented: str, annotation: ast.expr | None) -> bool:
    """True only when the documented type certainly contradicts the annotation."""
    if not documented or annotation is None:
        return False
    return agree(from_text(documented), from_node(annotation)) is False


def show(node: ast.expr) -> str:
    """An annotation as written (for messages)."""
    return ast.unparse(node)
