"""check-lint-config: black, isort and flake8 are configured to agree with each other.

The guideline (成果物と品質, recommended tools) asks for code formatted by black and isort
and kept to PEP 8 by flake8. The three only save work when they agree: with a flake8 or
isort width shorter than black's, isort wrapping imports its own way, or flake8 flagging
what black writes (E203, W503, and from black 24 on E701, E704), every commit fails or
churns. Settings are read (never run) where each tool itself reads them, pre-commit
``args`` winning; only tools in use (configured, or run by pre-commit) are compared.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option
from mlhooks._configfiles import ConfigFiles, key_line
from mlhooks._diagnostics import Diagnostic, file_diagnostic, line_diagnostic
from mlhooks._i18n import N_, listing, tr
from mlhooks._linters import (
    CODE,
    DEFAULT,
    DEFAULT_IGNORE,
    PYPROJECT,
    TOOLS,
    Flake8Rules,
    ToolConfig,
    isort_value,
    read_tools,
)
from mlhooks._precommit import PRE_COMMIT, TOOL_REPOS, PreCommit

HOOK_ID = "check-lint-config"
CODES = {
    "MLH601": "flake8's max-line-length or isort's line length is shorter than black's",
    "MLH602": "isort does not use the black profile (or equivalent settings)",
    "MLH603": "flake8 `ignore =` replaces flake8's default ignore list",
    "MLH604": "flake8 reports what black writes (E203, E701, E704, W503)",
    "MLH605": "flake8 settings in pyproject.toml, which flake8 does not read",
    "MLH606": ".pre-commit-config.yaml does not run black, isort or flake8",
}
OPTIONS = (
    Option(
        "tools",
        "list",
        list(TOOLS),
        "tools that must run in pre-commit and agree",
        choices=TOOLS,
    ),
    Option(
        "allow-ruff",
        "bool",
        True,
        "count ruff's hooks as black (ruff-format) and as isort and flake8 (ruff)",
    ),
)
BLACK_WRITES = {
    "E203": N_("whitespace before ':' in slices"),
    "E701": N_("'class A: ...' on one line"),
    "E704": N_("'def f(): ...' on one line"),
    "W503": N_("line breaks before binary operators"),
}
ONE_LINERS = ("E701", "E704")  # black writes them from 24.1.0 on
ISORT_BLACK = {
    "multi_line_output": 3,
    "include_trailing_comma": True,
    "force_grid_wrap": 0,
    "use_parentheses": True,
    "ensure_newline_before_comments": True,
}
ISORT_DEFAULTS = dict.fromkeys(ISORT_BLACK, 0)  # GRID wrapping, the rest off
HOME = {
    "isort": N_("set {name} = {value} in [tool.isort] of pyproject.toml"),
    "flake8": N_("set {name} = {value} in a [flake8] section of .flake8"),
}
WHY_ISORT = N_(
    "isort then wraps imports its own way and black rewrites them, so the two"
    " rewrite each other's import blocks"
)
PROFILE_BLACK = N_("profile black")  # where isort's width comes from
OVERRIDES = (  # one setting, several
    N_("isort {got} ({where}) overrides the black profile's {want}: {why}; remove it"),
    N_(
        "isort {got} ({where}) overrides the black profile's {want}: {why};"
        " remove them"
    ),
)


def _show(value: Any) -> str:
    """A setting's value on one line, booleans spelled as in TOML."""
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return " ".join(text.split())


def _finding(
    config: ToolConfig, keys: Sequence[str], code: str, message: str
) -> Diagnostic:
    """A finding about the first of ``keys`` that is set, at its line."""
    for key in keys:
        if key in config.args:
            return file_diagnostic(PRE_COMMIT, code, message)
        if key in config.values and config.file is not None:
            line = key_line(config.file.text, config.sections, key)
            if line:
                return line_diagnostic(config.path, line, code, message)
            break
    return file_diagnostic(config.path or ".", code, message)


def _fix(config: ToolConfig, key: str, value: Any) -> str:
    """How to give ``key`` the ``value``: where it is set now, else in its home."""
    if key in config.args:
        flag = key.replace("_", "-")
        return tr(
            "pass --{flag}={value} in the {tool} hook's args",
            flag=flag,
            value=value,
            tool=config.name,
        )
    name = key if config.name == "isort" else key.replace("_", "-")
    template = N_("set {name} = {value}") if config.path else HOME[config.name]
    return tr(template, name=name, value=value)


def _missing_hooks(pre: PreCommit, tools: list[str], ruff: bool) -> list[Diagnostic]:
    """MLH606 for each of ``tools`` that the pre-commit configuration does not run."""
    found = []
    for tool in tools if pre.parsed else ():
        if pre.runs(tool, ruff):
            continue
        url, rev = TOOL_REPOS[tool]
        also = "ruff-format" if tool == "black" else "ruff"
        also = tr(" (ruff's {hook} hook also counts)", hook=also) if ruff else ""
        message = tr(
            "{tool} does not run in {file}: the guideline asks for black, isort and"
            " flake8 on every change, and pre-commit is what runs them; add to repos:"
            " - {{repo: {url}, rev: {rev}, hooks: [{{id: {tool}}}]}}{also}",
            tool=tool,
            file=PRE_COMMIT,
            url=url,
            rev=rev,
            also=also,
        )
        found.append(file_diagnostic(PRE_COMMIT, "MLH606", message))
    return found


def _unread_pyproject(files: ConfigFiles, pre: PreCommit) -> list[Diagnostic]:
    """MLH605 for a [tool.flake8] table that nothing makes flake8 read."""
    pyproject, found = files.sections(PYPROJECT, ("tool.flake8",))
    if pyproject is None or not found or pre.flake8_reads_pyproject():
        return []
    message = tr(
        "flake8 settings in pyproject.toml [tool.flake8] are never read: flake8 reads"
        " only setup.cfg, tox.ini and .flake8, so it checks with other settings than"
        " these; move them to a [flake8] section of .flake8, or add Flake8-pyproject"
        " to the flake8 hook's additional_dependencies"
    )
    line = key_line(pyproject.text, "tool.flake8")
    if line:
        return [line_diagnostic(PYPROJECT, line, "MLH605", message)]
    return [file_diagnostic(PYPROJECT, "MLH605", message)]


def _refused_codes(flake8: ToolConfig, version: tuple[int, ...]) -> list[Diagnostic]:
    """MLH005 for a token of ``ignore``/``extend-ignore`` that flake8 6+ refuses."""
    file = flake8.file
    if file is None or file.path == PYPROJECT or version < (6,):
        return []
    found = []
    for key, value in file.data.get("flake8", {}).items():
        checked = key in ("ignore", "extend-ignore")  # flake8 skips extend_ignore
        tokens = re.split(r"[,\s]+", value) if checked else []
        bad = next((token for token in tokens if token and not CODE.match(token)), "")
        if not bad:
            continue
        fix = N_("list only error codes there, such as E203")
        fix = N_("move comments to their own lines") if bad[0] in "#;" else fix
        message = tr(
            "flake8 {key} holds {bad!r}, which is not an error code: flake8 6 and"
            " later stop on it (ValueError: Error code {bad!r} supplied to {key!r}"
            " option does not match {pattern!r}) and check nothing; {fix}",
            key=key,
            bad=bad,
            pattern=CODE.pattern,
            fix=tr(fix),
        )
        line = key_line(file.text, "flake8", key)
        found.append(line_diagnostic(file.path, line, "MLH005", message))
    return found


def _isort_length(
    isort: ToolConfig, black: ToolConfig, profile: bool, length: int | None
) -> list[Diagnostic]:
    """MLH601 when isort wraps at a shorter width than black (longer converges)."""
    width = isort.number("line_length", 88 if profile else 79)
    if isort.length_unknown or width is None or length is None or width >= length:
        return []
    note = PROFILE_BLACK if profile else DEFAULT
    message = tr(
        "isort line_length = {width} ({where}) is shorter than black line-length ="
        " {length} ({black_where}): isort re-wraps imports that black leaves on one"
        " line, so `isort --check` fails on black's output; {fix}",
        width=width,
        where=isort.where("line_length", note),
        length=length,
        black_where=black.where("line_length"),
        fix=_fix(isort, "line_length", length),
    )
    return [_finding(isort, ["line_length", "profile"], "MLH601", message)]


def _isort_vs_black(isort: ToolConfig, black: ToolConfig) -> list[Diagnostic]:
    """MLH602 when isort's black-relevant settings differ; MLH601 for its width."""
    length = black.number("line_length", 88)
    profile = str(isort.get("profile", "")).strip().strip("\"'")
    base = ISORT_BLACK if profile == "black" else ISORT_DEFAULTS
    used = {k: isort_value(k, isort.get(k)) if isort.has(k) else base[k] for k in base}
    wrong = [k for k, value in used.items() if value not in (None, ISORT_BLACK[k])]
    why = tr(WHY_ISORT)
    found = []
    if wrong and profile == "black":
        got = ", ".join(f"{k} = {_show(isort.get(k))}" for k in wrong)
        want = ", ".join(f"{k} = {_show(ISORT_BLACK[k])}" for k in wrong)
        template = OVERRIDES[len(wrong) > 1]
        message = tr(template, got=got, where=isort.where(wrong[0]), want=want, why=why)
        found.append(_finding(isort, wrong, "MLH602", message))
    elif wrong:
        state, origin = tr("no profile"), isort.where("profile", "")
        state = f"profile = {_show(profile)}" if profile else state
        state = f"{origin}: {state}" if isort.path or profile else origin
        toml = isort.path in ("", PYPROJECT) and "profile" not in isort.args
        fix = _fix(isort, "profile", '"black"' if toml else "black")
        if not isort.has("line_length") and (length or 0) > 88:
            fix += tr(" and line_length = {length}", length=length)
        if not isort.has("line_length"):  # the black profile brings width 88
            length = None
        message = tr(
            "isort does not use the black profile ({state}): {why}; {fix}",
            state=state,
            why=why,
            fix=fix,
        )
        found.append(_finding(isort, ["profile"], "MLH602", message))
    return found + _isort_length(isort, black, profile == "black", length)


def _flake8_length(
    flake8: ToolConfig, black: ToolConfig, rules: Flake8Rules
) -> list[Diagnostic]:
    """MLH601 when flake8 rejects lines black writes (a longer limit is harmless)."""
    limit = flake8.number("max_line_length", 79)
    length = black.number("line_length", 88)
    if limit is None or length is None or limit >= length:
        return []
    if rules.reports("E501"):
        why, target = tr("black writes lines flake8 then rejects as E501"), length
    elif rules.reports_b950() and length * 10 > limit * 11:
        why = tr(
            "B950 allows {allowed} characters, so black writes lines flake8-bugbear"
            " then rejects",
            allowed=limit * 11 // 10,
        )
        target = (length * 10 + 10) // 11
    else:
        return []
    message = tr(
        "flake8 max-line-length = {limit} ({where}) is shorter than black line-length"
        " = {length} ({black_where}): {why}; {fix}",
        limit=limit,
        where=flake8.where("max_line_length"),
        length=length,
        black_where=black.where("line_length"),
        why=why,
        fix=_fix(flake8, "max_line_length", target),
    )
    return [_finding(flake8, ["max_line_length"], "MLH601", message)]


def _extend_ignore(
    flake8: ToolConfig, rules: Flake8Rules, writes: Sequence[str], renaming: bool
) -> str:
    """The one edit that stops flake8 reporting ``writes`` (and keeps its defaults)."""
    after = rules.renamed() if renaming else rules
    missing = [code for code in writes if after.reports(code)]
    wanted = ",".join(dict.fromkeys([*after.extend_ignore, *missing]))
    if not renaming:
        return _fix(flake8, "extend_ignore", wanted)
    old = ",".join(rules.ignore or ())
    if "ignore" in flake8.args:
        return tr(
            "pass --extend-ignore={wanted} instead of --ignore={old}",
            wanted=wanted,
            old=old,
        )
    if rules.extend_ignore:
        return tr(
            "replace ignore = {old} and extend-ignore = {extra} with"
            " extend-ignore = {wanted}",
            old=old,
            extra=",".join(rules.extend_ignore),
            wanted=wanted,
        )
    return tr(
        "replace ignore = {old} with extend-ignore = {wanted}", old=old, wanted=wanted
    )


def _flake8_ignores(
    flake8: ToolConfig, rules: Flake8Rules, writes: Sequence[str]
) -> list[Diagnostic]:
    """MLH603 for ``ignore =``; MLH604 for the codes of ``writes`` flake8 reports."""
    found = []
    back = [code for code in DEFAULT_IGNORE if rules.reports(code)]
    renaming = rules.ignore is not None and bool(back)
    if renaming:
        fix = tr("rename ignore to extend-ignore so the defaults stay")
        if "ignore" in flake8.args:
            fix = tr("pass --extend-ignore instead of --ignore")
        elif rules.extend_ignore:  # a second extend-ignore key breaks flake8
            fix = _extend_ignore(flake8, rules, writes, True)  # MLH604's line too
        message = tr(
            "flake8 ignore = {ignore} ({where}) replaces flake8's default ignore list,"
            " re-enabling {codes}, which PEP 8 leaves optional and black's style"
            " partly contradicts; {fix}",
            ignore=",".join(rules.ignore or ()),
            where=flake8.where("ignore"),
            codes=listing(back),
            fix=fix,
        )
        found.append(_finding(flake8, ["ignore"], "MLH603", message))
    missing = [code for code in writes if rules.reports(code)]
    if missing:
        what = "; ".join(f"{code} {tr(BLACK_WRITES[code])}" for code in missing)
        key = "extend_ignore" if flake8.has("extend_ignore") else "ignore"
        message = tr(
            "flake8 reports {codes} ({where}), which black's own output triggers"
            " ({what}), so flake8 rejects freshly formatted code; {fix}",
            codes=",".join(missing),
            where=flake8.where(key, ""),
            what=what,
            fix=_extend_ignore(flake8, rules, writes, renaming),
        )
        found.append(_finding(flake8, ["extend_ignore", "ignore"], "MLH604", message))
    return found


def check_lint_config(ctx: Context) -> list[Diagnostic]:
    """Findings where black, isort and flake8 (those in use) disagree."""
    tools = [tool for tool in TOOLS if tool in ctx.settings["tools"]]
    files = ConfigFiles(ctx.root)
    pre = PreCommit.read(files)
    found = _missing_hooks(pre, tools, ctx.settings["allow-ruff"])
    if "flake8" in tools:
        found += _unread_pyproject(files, pre)
    configs = read_tools(files, pre, tools)
    black, isort, flake8 = (configs.get(tool) for tool in TOOLS)
    if flake8 is not None:
        found += _refused_codes(flake8, pre.version("flake8") or (6,))
    if black is not None and isort is not None:
        found += _isort_vs_black(isort, black)
    if black is not None and flake8 is not None:
        rules = Flake8Rules.of(flake8)
        found += _flake8_length(flake8, black, rules)
        old = (pre.version("black") or (24,)) < (24,)  # no one-liners before 24
        writes = [c for c in BLACK_WRITES if not (old and c in ONE_LINERS)]
        found += _flake8_ignores(flake8, rules, writes)
    return files.problems + found


HOOK = Hook(
    id=HOOK_ID,
    summary="black, isort and flake8 are configured to agree and run in pre-commit.",
    section="tooling",
    codes=CODES,
    check=check_lint_config,
    options=OPTIONS,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
