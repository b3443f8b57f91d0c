"""check-docstring-args: docstrings agree with the signatures and bodies they describe.

The guideline asks for comments that do not contradict the code (コードと矛盾しないコメ
ント). The docstring is where that can be checked: its documented arguments, types,
returns, yields and raises against the signature and the body. Google, NumPy and Sphinx
styles, with Japanese section names (``引数:``, ``戻り値:``, ``例外:``); a docstring
without an arguments section is fine unless configured otherwise, so adoption costs
nothing, and a finding is reported only when the contradiction is certain.
"""

from __future__ import annotations

import ast
import gc
from typing import Any, Iterator, Mapping, Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option, Settings
from mlhooks._diagnostics import Diagnostic
from mlhooks._docrules import Rules, Unit, arguments, body_checks
from mlhooks._docstrings import NAMES, STYLES, parse_docstring, section_names
from mlhooks._i18n import N_
from mlhooks._pyfunctions import (
    PROPERTY,
    Scope,
    class_bases,
    decorators,
    docstring,
    is_record,
    parameters,
    scopes,
)
from mlhooks._python import Source, read_sources

HOOK_ID = "check-docstring-args"
CODES = {
    "MLH301": "the docstring documents an argument that is not in the signature",
    "MLH302": "an argument of the signature is missing from the arguments section",
    "MLH303": "the docstring lists the arguments in another order than the signature",
    "MLH304": "a documented type contradicts the annotation",
    "MLH305": "a Returns section on a function that returns nothing",
    "MLH306": "no Returns section on a function that returns a value (opt-in)",
    "MLH307": "Yields section without yield, or a generator documenting Returns",
    "MLH308": "a Raises entry for an exception the body never raises (opt-in)",
    "MLH309": "a section header that looks like a misspelt known one",
}
MISSPELT = N_(
    "{name}: section header '{header}' looks like a misspelt '{known}:', which no tool"
    " reads as a section: fix the spelling"
)


def _aliases_problem(value: Mapping[str, Any]) -> str:
    for key, names in value.items():
        if key not in NAMES:
            return f"unknown section {key!r} (valid: {', '.join(sorted(NAMES))})"
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            return f"{key!r} must be a list of section names"
    return ""


OPTIONS = (
    Option("style", "str", "auto", "docstring style", choices=STYLES),
    Option(
        "allow-no-args-section",
        "bool",
        True,
        "a docstring without an arguments section is fine",
    ),
    Option(
        "min-args",
        "int",
        1,
        "with --no-allow-no-args-section: arguments from which a section is needed",
        check=lambda v: "must be 0 or more" if v < 0 else "",
    ),
    Option("check-private", "bool", False, "check _private functions too"),
    Option("check-types", "bool", True, "compare documented types with annotations"),
    Option("require-returns", "bool", False, "report missing Returns (MLH306)"),
    Option("check-raises", "bool", False, "report Raises never raised (MLH308)"),
    Option(
        "section-aliases",
        "table",
        {},
        "section -> extra names (TOML only)",
        check=_aliases_problem,
    ),
)


def make_rules(settings: Settings) -> Rules:
    names = section_names(settings.section_aliases)
    keys = "allow-no-args-section min-args check-private check-types"
    keys += " require-returns check-raises"
    return Rules(settings.style, names, *(settings[key] for key in keys.split()))


def misspelt(unit: Unit) -> Iterator[Diagnostic]:
    """MLH309: section headers that look like misspelt known ones."""
    for item in unit.doc.misspelt:
        known = item.type.title()
        yield unit.at(item.line, "MLH309", MISSPELT, header=item.name, known=known)


def _private(qualname: str) -> bool:
    parts = qualname.split(".") if "_" in qualname else ()
    return any(p.startswith("_") and not p.endswith("__") for p in parts)


class Checker:
    """Every function and class of one source, checked against ``rules``."""

    def __init__(self, source: Source, rules: Rules) -> None:
        self.source, self.rules = source, rules
        self.classes: dict[str, list[str]] | None = None

    def unit(self, scope: Scope, node: ast.ClassDef | None = None) -> Unit:
        """``scope``'s docstring (or, with ``node``, that class's) read as data."""
        string = docstring(node or scope.node)
        text = str(string.value) if string else ""
        doc = parse_docstring(text, self.rules.style, self.rules.names)
        place = N_(" (class docstring)") if node else ""
        return Unit(self.source, scope, doc, string, place)

    def check(self, scope: Scope) -> Iterator[Diagnostic]:
        if _private(scope.qualname) and not self.rules.check_private:
            return
        unit = self.unit(scope)
        if isinstance(scope.node, ast.ClassDef):
            yield from misspelt(unit)
            return
        names = decorators(scope.node)
        if names & {"overload", "wraps"}:
            return
        units = [unit] if unit.node else []
        owner = scope.owner
        if scope.node.name == "__init__" and owner and not is_record(owner):
            outer = self.unit(scope, owner)  # the class docstring may document it
            units += [outer] if outer.node and outer.doc.of("args") else []
        if not units:
            return
        yield from misspelt(unit)
        if not names & PROPERTY:
            yield from arguments(units, parameters(scope), self.rules)
        if unit.node:
            if self.classes is None:
                self.classes = class_bases(self.source.tree)
            yield from body_checks(unit, self.rules, self.classes)


def check_source(source: Source, rules: Rules) -> list[Diagnostic]:
    checker = Checker(source, rules)
    return [d for scope in scopes(source.tree) for d in checker.check(scope)]


def check_docstring_args(ctx: Context) -> list[Diagnostic]:
    """Findings of every Python file and notebook code cell in ``ctx.filenames``."""
    rules = make_rules(ctx.settings)
    found: list[Diagnostic] = []
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)  # as mypy does: syntax trees hold no cycles
    try:
        for path in ctx.filenames:
            if (ctx.root / path).is_file():
                for source in read_sources(ctx.root, path):
                    if isinstance(source, Diagnostic):
                        found.append(source)
                    else:
                        found.extend(check_source(source, rules))
    finally:
        gc.set_threshold(*thresholds)
    return found


HOOK = Hook(
    id=HOOK_ID,
    summary="Docstrings agree with the code: documented arguments, types, returns,"
    " yields and raises match the signature and the body (Google, NumPy, Sphinx;"
    " Japanese section names).",
    section="code",
    codes=CODES,
    check=check_docstring_args,
    options=OPTIONS,
    files=r"\.(py|ipynb)$",
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
