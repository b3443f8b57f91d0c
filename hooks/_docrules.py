"""The rules of check-docstring-args: a docstring (for ``__init__`` also its class's)
against the function's signature (MLH301-MLH304) and body (MLH305-MLH308). Each
finding names the function (``Class.method()``), the argument or section, the fix.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from mlhooks._diagnostics import Diagnostic
from mlhooks._docstrings import Docstring, Item, Section
from mlhooks._doctypes import contradicts, show
from mlhooks._i18n import N_, tr
from mlhooks._pyfunctions import (
    PROPERTY,
    Body,
    Param,
    Scope,
    body_facts,
    decorators,
    may_raise,
)
from mlhooks._python import Source

WHY = N_("(comments must agree with the code)")
ORDER = N_(
    "{name} documents its arguments in another order ({written}) than its signature"
    " ({expected}): reorder the {title} section{place}"
)
EXTRA = N_(
    "{name} documents '{arg}', which is not in its signature: renamed or removed?"
    " update the docstring {why}"
)
ARG_TYPE = N_(
    "{name} documents '{arg}' as {type}, but it is annotated {annotation}: fix the"
    " docstring or the annotation {why}"
)
MISSING = N_(
    "{name} does not document '{arg}' in its {title} section{place}: add it {why}"
)
NO_SECTION = N_(
    "{name} has no arguments section to document '{arg}'"
    " (allow-no-args-section = false): add one"
)
NOT_YIELDS = N_(
    "{name} is a generator but documents {title} instead of Yields: rename the"
    " section to Yields {why}"
)
NO_RETURN = N_(
    "{name} has a {title} section but returns nothing: remove the section, or"
    " return the value {why}"
)
RETURN_TYPE = N_(
    "{name} documents its return value as {type}, but it is annotated {annotation}:"
    " fix the docstring or the annotation {why}"
)
NO_YIELD = N_(
    "{name} has a {title} section but never yields: document a Returns section"
    " instead, or remove it {why}"
)
NOT_RAISED = N_(
    "{name} documents raising '{arg}', which its body never raises: remove the"
    " entry, or raise it {why}"
)
UNDOCUMENTED_RETURN = N_(
    "{name} returns a value but its docstring has no Returns section: document what"
    " it returns (require-returns)"
)
ITERATOR = re.compile(r"iterator|generator|iterable|イテレータ|ジェネレータ", re.I)


@dataclass(frozen=True)
class Rules:
    style: str
    names: Mapping[str, str]
    allow_no_args_section: bool
    min_args: int
    check_private: bool
    check_types: bool
    require_returns: bool
    check_raises: bool


@dataclass
class Unit:
    """A function (or class) and a docstring: where findings go, what they say."""

    source: Source
    scope: Scope
    doc: Docstring
    node: ast.Constant | None  # the docstring's node
    place: str = ""  # the template " (class docstring)" when it documents __init__

    @property
    def name(self) -> str:
        node = self.scope.node
        return self.scope.qualname + ("" if isinstance(node, ast.ClassDef) else "()")

    @property
    def text(self) -> str:
        return str(self.node.value) if self.node else ""

    def at(self, line: int, code: str, template: str, **values: str) -> Diagnostic:
        """A finding at docstring line ``line`` (-1: the definition itself): the
        ``template`` in the current language, filled with ``values`` and the unit's
        ``name``, ``place`` and ``why``."""
        place = tr(self.place) if self.place else ""
        text = tr(template, name=self.name, place=place, why=tr(WHY), **values)
        node = self.node
        if line < 0 or node is None:
            where = self.scope.node
            return self.source.at(where.lineno, where.col_offset + 1, code, text)
        raw = self.text.split("\n")[line]
        col = len(raw) - len(raw.lstrip()) + 1 if line else node.col_offset + 1
        return self.source.at(node.lineno + line, col, code, text)


def _order(sections: list[tuple[Section, Unit]], params: list[Param]) -> Iterator:
    signature = [p.name for p in params]
    for section, unit in sections:
        written = [i.name for i in section.items if i.name in signature]
        written = list(dict.fromkeys(written))
        expected = [name for name in signature if name in written]
        if written != expected and not section.doubtful:
            joined = {"written": ", ".join(written), "expected": ", ".join(expected)}
            yield unit.at(section.line, "MLH303", ORDER, title=section.title, **joined)
            return


def _entry(unit: Unit, item: Item, param: Param | None, rules: Rules) -> Iterator:
    """MLH301 for a documented name the signature lacks, MLH304 for its type."""
    if param is None:
        if item.name not in ("self", "cls"):
            yield unit.at(item.line, "MLH301", EXTRA, arg=item.name)
    elif param.annotation and rules.check_types:
        if contradicts(item.type, param.annotation):
            shown = {"type": item.type, "annotation": show(param.annotation)}
            yield unit.at(item.line, "MLH304", ARG_TYPE, arg=item.name, **shown)


def _check_args(
    sections: list[tuple[Section, Unit]], params: list[Param], rules: Rules
) -> Iterator[Diagnostic]:
    by_name = {p.name: p for p in params}
    kwargs = any(p.star == "**" for p in params)  # names may be keys of **kwargs
    documented = set()
    for section, unit in sections:
        for item in section.items:
            documented.add(item.name)
            if item.name in by_name or not kwargs:
                yield from _entry(unit, item, by_name.get(item.name), rules)
    first, unit = sections[0]
    if not any(section.doubtful for section, _ in sections):
        for param in params:
            if param.name not in documented:
                arg = param.star + param.name
                yield unit.at(first.line, "MLH302", MISSING, arg=arg, title=first.title)
    yield from _order(sections, params)


def arguments(units: list[Unit], params: list[Param], rules: Rules) -> Iterator:
    """The arguments sections of ``units`` against the signature's ``params``."""
    sections = [(s, unit) for unit in units for s in unit.doc.of("args")]
    if sections:
        yield from _check_args(sections, params, rules)
        return
    unit = units[0]
    if rules.allow_no_args_section or len(params) < rules.min_args or not unit.node:
        return
    for param in params:
        yield unit.at(0, "MLH302", NO_SECTION, arg=param.star + param.name)


def _iterator(annotation: ast.expr | None) -> bool:
    return bool(annotation and ITERATOR.search(show(annotation)))


def _returns(unit: Unit, body: Body, rules: Rules, annotation: Any) -> Iterator:
    """MLH307 (a generator documenting Returns), MLH305, MLH304 (return type)."""
    section = unit.doc.of("returns")[0]
    said = section.text + " " + section.type_text
    if body.yields:
        if not unit.doc.of("yields") and not _iterator(annotation):
            if ITERATOR.search(said):
                return
            yield unit.at(section.line, "MLH307", NOT_YIELDS, title=section.title)
    elif not body.returns_value and not section.says_none:
        yield unit.at(section.line, "MLH305", NO_RETURN, title=section.title)
    elif rules.check_types and contradicts(section.type_text, annotation):
        shown = {"type": section.type_text, "annotation": show(annotation)}
        yield unit.at(section.items[0].line, "MLH304", RETURN_TYPE, **shown)


def _yields(unit: Unit, body: Body, annotation: Any) -> Iterator[Diagnostic]:
    """MLH307: a Yields section on a function that yields nothing."""
    section = unit.doc.of("yields")[0]
    typed = annotation is not None and not _iterator(annotation)
    if not body.yields and (not body.returns_value or typed):
        yield unit.at(section.line, "MLH307", NO_YIELD, title=section.title)


def _summary_says_return(unit: Unit) -> bool:
    """Google style lets "Returns the row..." stand for a Returns section."""
    first = unit.text.strip().split("\n")[0]
    return first.startswith(("Return", "Yield")) or "返" in first


def _raises(unit: Unit, body: Body, classes: dict[str, list[str]]) -> Iterator:
    for item in [i for section in unit.doc.of("raises") for i in section.items]:
        if not may_raise(item.name, body, classes):
            yield unit.at(item.line, "MLH308", NOT_RAISED, arg=item.name)


def body_checks(
    unit: Unit, rules: Rules, classes: dict[str, list[str]]
) -> Iterator[Diagnostic]:
    """The Returns, Yields and Raises sections against the function's body."""
    node = unit.scope.node
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    doc = unit.doc
    raises = rules.check_raises and doc.of("raises")
    if not (doc.of("returns") or doc.of("yields") or raises or rules.require_returns):
        return
    body = body_facts(node)
    if body.stub or "abstractmethod" in decorators(node):
        return  # pass, ..., raise NotImplementedError: the contract, documented
    if doc.of("returns"):
        yield from _returns(unit, body, rules, node.returns)
    if doc.of("yields"):
        yield from _yields(unit, body, node.returns)
    if raises:
        yield from _raises(unit, body, classes)
    value = body.returns_value and not body.yields and not doc.of("returns")
    if rules.require_returns and value and not decorators(node) & PROPERTY:
        if not _summary_says_return(unit):
            yield unit.at(-1, "MLH306", UNDOCUMENTED_RETURN)
