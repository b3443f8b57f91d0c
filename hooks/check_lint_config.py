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
from dataclasses import dataclass, field, replace
from typing import Any, Mapping, Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option
from mlhooks._configfiles import ConfigFile, ConfigFiles, key_line
from mlhooks._diagnostics import Diagnostic, file_diagnostic, line_diagnostic
from mlhooks._files import FileProblem, read_text
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
TOOLS = ("black", "isort", "flake8")
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
PYPROJECT = "pyproject.toml"
# Where each tool reads its settings, in the order it looks: file -> sections.
# flake8 also reads [tool.flake8] of pyproject.toml when a plugin teaches it to.
SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "black": {PYPROJECT: ("tool.black",)},
    "isort": {
        ".isort.cfg": ("settings", "isort"),
        PYPROJECT: ("tool.isort",),
        "setup.cfg": ("isort", "tool:isort"),
        "tox.ini": ("isort", "tool:isort"),
    },
    "flake8": dict.fromkeys(
        ("setup.cfg", "tox.ini", ".flake8"), ("flake8", "flake8:local-plugins")
    ),
}
DEFAULT_IGNORE = ("E121", "E123", "E126", "E226", "E24", "E704", "W503", "W504")
BLACK_WRITES = {
    "E203": "whitespace before ':' in slices",
    "E701": "'class A: ...' on one line",
    "E704": "'def f(): ...' on one line",
    "W503": "line breaks before binary operators",
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
FLAKE8_FLAGS = ("max-line-length", "select", "extend-select", "ignore", "extend-ignore")
# Command-line flags that carry a setting in a hook's args: flag -> setting.
FLAGS = {
    "black": dict.fromkeys(("--line-length", "-l"), "line_length"),
    "isort": dict.fromkeys(("--line-length", "-l", "-w"), "line_length"),
    "flake8": {f"--{flag}": flag.replace("-", "_") for flag in FLAKE8_FLAGS},
}
FLAGS["isort"]["--profile"] = "profile"
HOME = {
    "isort": "[tool.isort] of pyproject.toml",
    "flake8": "a [flake8] section of .flake8",
}
BOOLS = dict.fromkeys(("1", "yes", "y", "true", "t", "on"), True)
BOOLS |= dict.fromkeys(("0", "no", "n", "false", "f", "off"), False)
CODE = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")


def _keys(values: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k).lower().replace("-", "_"): v for k, v in values.items()}


def _as_int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def _isort_value(key: str, value: Any) -> Any:
    """How isort reads a black-profile setting; None when it cannot be read."""
    text = str(value).strip()
    if key == "multi_line_output":
        number = _as_int(value)
        return 3 if text.upper() == "VERTICAL_HANGING_INDENT" else number or text
    if key == "force_grid_wrap":
        return 0 if text.lower() == "false" else _as_int(value)
    return value if isinstance(value, bool) else BOOLS.get(text.lower())


def _show(value: Any) -> str:
    """A setting's value on one line, booleans spelled as in TOML."""
    return (
        str(value).lower() if isinstance(value, bool) else " ".join(str(value).split())
    )


def _codes(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else re.split(r"[,\s]+", str(value))
    return tuple(code for code in (str(i).strip() for i in items) if CODE.match(code))


def _editorconfig_width(files: ConfigFiles) -> bool:
    """True when .editorconfig may set max_line_length, which isort then reads."""
    if not (files.root / ".editorconfig").is_file():
        return False
    try:
        text = read_text(files.root, ".editorconfig")
    except FileProblem:  # isort's width is unknown then
        return True
    return bool(re.search(r"(?m)^\s*max_line_length\s*=", text))


@dataclass(frozen=True)
class ToolConfig:
    """One tool's settings: the file and sections it reads (if any), its hook's args."""

    name: str
    file: ConfigFile | None = None
    sections: tuple[str, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)
    args: dict[str, str] = field(default_factory=dict)
    length_unknown: bool = False

    @classmethod
    def of(
        cls, name: str, file: ConfigFile | None, sections: dict[str, dict[str, Any]]
    ) -> ToolConfig:
        """The settings in ``sections`` of ``file``, later sections winning."""
        values = {k: v for section in sections.values() for k, v in section.items()}
        return cls(name, file if sections else None, tuple(sections), _keys(values))

    @property
    def path(self) -> str:
        return self.file.path if self.file else ""

    def has(self, key: str) -> bool:
        return key in self.args or key in self.values

    def get(self, key: str, default: Any = None) -> Any:
        return self.args.get(key, self.values.get(key, default))

    def where(self, key: str, note: str = "default") -> str:
        """Where the value of ``key`` comes from, with ``note`` when it is not set."""
        if key in self.args:
            return f"{PRE_COMMIT} {self.name} args"
        place = f"{self.path} [{self.sections[0]}]" if self.path else ""
        if key in self.values or not note:
            return place or f"no {self.name} configuration"
        return f"{place}, {note}" if place else note

    def finding(self, keys: Sequence[str], code: str, message: str) -> Diagnostic:
        """A finding about the first of ``keys`` that is set, at its line."""
        for key in keys:
            if key in self.args:
                return file_diagnostic(PRE_COMMIT, code, message)
            if key in self.values and self.file is not None:
                line = key_line(self.file.text, self.sections, key)
                if line:
                    return line_diagnostic(self.path, line, code, message)
                break
        return file_diagnostic(self.path or ".", code, message)

    def fix(self, key: str, value: Any) -> str:
        if key in self.args:
            flag = key.replace("_", "-")
            return f"pass --{flag}={value} in the {self.name} hook's args"
        name = key if self.name == "isort" else key.replace("_", "-")
        return f"set {name} = {value}" + ("" if self.path else f" in {HOME[self.name]}")


def _black(files: ConfigFiles, pre: PreCommit) -> ToolConfig | None:
    file, sections = files.sections(PYPROJECT, ("tool.black",))
    if not sections and not pre.runs("black"):
        return None
    args = pre.flags("black", FLAGS["black"])
    return replace(ToolConfig.of("black", file, sections), args=args)


def _isort(files: ConfigFiles, pre: PreCommit) -> ToolConfig | None:
    """isort's first configuration file that holds settings, as isort picks it."""
    in_use, args = pre.runs("isort"), pre.flags("isort", FLAGS["isort"])
    for path, names in SECTIONS["isort"].items():
        file, sections = files.sections(path, names)
        config = ToolConfig.of("isort", file, sections)
        if config.values:
            return replace(config, args=args)
        in_use = in_use or bool(sections)
    unknown = _editorconfig_width(files)
    return ToolConfig("isort", args=args, length_unknown=unknown) if in_use else None


def _flake8(files: ConfigFiles, pre: PreCommit) -> ToolConfig | None:
    """flake8's settings: from the first of its files with a [flake8] section."""
    found = []
    for path, names in SECTIONS["flake8"].items():
        file, sections = files.sections(path, names)
        if sections:  # [flake8:local-plugins] alone also makes flake8 stop here
            flake8 = {"flake8": sections.get("flake8", {})}
            found.append(ToolConfig.of("flake8", file, flake8))
    file, sections = files.sections(PYPROJECT, ("tool.flake8",))
    mode = pre.flake8_reads_pyproject()
    if sections and mode:
        toml = ToolConfig.of("flake8", file, sections)
        found.insert(0 if mode == "first" else len(found), toml)
    if not found and not pre.runs("flake8"):
        return None
    args = pre.flags("flake8", FLAGS["flake8"])
    return replace(found[0] if found else ToolConfig("flake8"), args=args)


@dataclass(frozen=True)
class Flake8Rules:
    """flake8's select/ignore decision (its ``DecisionEngine``), on error codes."""

    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    extend_ignore: tuple[str, ...]

    @classmethod
    def of(cls, flake8: ToolConfig) -> Flake8Rules:
        def codes(key: str) -> tuple[str, ...] | None:
            return _codes(flake8.get(key)) if flake8.has(key) else None

        more = (codes("extend_select") or (), codes("extend_ignore") or ())
        return cls(codes("select"), codes("ignore"), *more)

    def renamed(self) -> Flake8Rules:
        """The rules once ``ignore`` is renamed ``extend-ignore``."""
        both = (*(self.ignore or ()), *self.extend_ignore)
        return replace(self, ignore=None, extend_ignore=tuple(dict.fromkeys(both)))

    def reports(self, code: str) -> bool:
        def longest(prefixes: Sequence[str]) -> int:
            return max((len(p) for p in prefixes if code.startswith(p)), default=-1)

        chose_select = longest([*(self.select or ()), *self.extend_select]) >= 0
        chose_ignore = longest([*(self.ignore or ()), *self.extend_ignore]) >= 0
        selected = longest([*(self.select or ("E", "W")), *self.extend_select])
        ignore = DEFAULT_IGNORE if self.ignore is None else self.ignore
        ignored = longest([*ignore, *self.extend_ignore])
        if selected < 0 or ignored < 0:
            return selected >= 0
        if chose_select != chose_ignore:
            return chose_select
        return selected > ignored

    def reports_b950(self) -> bool:
        """flake8-bugbear reports B950 only when B9, B95 or B950 is selected by name."""
        chosen = {*(self.select or ()), *self.extend_select}
        return bool(chosen & {"B9", "B95", "B950"}) and self.reports("B950")


def _flake8_length(
    flake8: ToolConfig, black: ToolConfig, rules: Flake8Rules
) -> list[Diagnostic]:
    """MLH601 when flake8 rejects lines black writes (a longer limit is harmless)."""
    limit = _as_int(flake8.get("max_line_length", 79))
    length = _as_int(black.get("line_length", 88))
    if limit is None or length is None or limit >= length:
        return []
    if rules.reports("E501"):
        why, target = "black writes lines flake8 then rejects as E501", length
    elif rules.reports_b950() and length * 10 > limit * 11:
        why = f"B950 allows {limit * 11 // 10} characters, so black writes lines"
        why, target = why + " flake8-bugbear then rejects", (length * 10 + 10) // 11
    else:
        return []
    message = (
        f"flake8 max-line-length = {limit} ({flake8.where('max_line_length')}) is"
        f" shorter than black line-length = {length} ({black.where('line_length')}):"
        f" {why}; {flake8.fix('max_line_length', target)}"
    )
    return [flake8.finding(["max_line_length"], "MLH601", message)]


def _flake8_ignores(
    flake8: ToolConfig, rules: Flake8Rules, writes: Sequence[str]
) -> list[Diagnostic]:
    """MLH603 for ``ignore =``; MLH604 for the codes of ``writes`` flake8 reports."""
    found = []
    back = [code for code in DEFAULT_IGNORE if rules.reports(code)]
    renaming = rules.ignore is not None and bool(back)
    if renaming:
        fix = "rename ignore to extend-ignore so the defaults stay"
        if "ignore" in flake8.args:
            fix = "pass --extend-ignore instead of --ignore"
        message = (
            f"flake8 ignore = {','.join(rules.ignore or ())} ({flake8.where('ignore')})"
            f" replaces flake8's default ignore list, re-enabling {', '.join(back)},"
            f" which PEP 8 leaves optional and black's style partly contradicts; {fix}"
        )
        found.append(flake8.finding(["ignore"], "MLH603", message))
    missing = [code for code in writes if rules.reports(code)]
    if missing:
        what = "; ".join(f"{code} {BLACK_WRITES[code]}" for code in missing)
        key = "extend_ignore" if flake8.has("extend_ignore") else "ignore"
        message = (
            f"flake8 reports {','.join(missing)} ({flake8.where(key, '')}),"
            f" which black's own output triggers ({what}), so flake8 rejects freshly"
            f" formatted code; {_extend_ignore(flake8, rules, writes, renaming)}"
        )
        found.append(flake8.finding(["extend_ignore", "ignore"], "MLH604", message))
    return found


def _extend_ignore(
    flake8: ToolConfig, rules: Flake8Rules, writes: Sequence[str], renaming: bool
) -> str:
    """The one edit that stops flake8 reporting ``writes`` (and keeps its defaults)."""
    after = rules.renamed() if renaming else rules
    missing = [code for code in writes if after.reports(code)]
    wanted = ",".join(dict.fromkeys([*after.extend_ignore, *missing]))
    if not renaming:
        return flake8.fix("extend_ignore", wanted)
    old = ",".join(rules.ignore or ())
    if "ignore" in flake8.args:
        return f"pass --extend-ignore={wanted} instead of --ignore={old}"
    if rules.extend_ignore:
        old += f" and extend-ignore = {','.join(rules.extend_ignore)}"
    return f"replace ignore = {old} with extend-ignore = {wanted}"


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
        fix = "list only error codes there, such as E203"
        fix = "move comments to their own lines" if bad[0] in "#;" else fix
        message = (
            f"flake8 {key} holds {bad!r}, which is not an error code: flake8 6 and"
            f" later stop on it (ValueError: Error code {bad!r} supplied to {key!r}"
            f" option does not match {CODE.pattern!r}) and check nothing; {fix}"
        )
        line = key_line(file.text, "flake8", key)
        found.append(line_diagnostic(file.path, line, "MLH005", message))
    return found


def _isort_vs_black(isort: ToolConfig, black: ToolConfig) -> list[Diagnostic]:
    """MLH602 when isort's black-relevant settings differ; MLH601 for its width."""
    length = _as_int(black.get("line_length", 88))
    profile = str(isort.get("profile", "")).strip().strip("\"'")
    base = ISORT_BLACK if profile == "black" else ISORT_DEFAULTS
    read = {k: _isort_value(k, isort.get(k)) for k in ISORT_BLACK if isort.has(k)}
    wrong = [
        k for k in ISORT_BLACK if {**base, **read}[k] not in (None, ISORT_BLACK[k])
    ]
    why = "isort then wraps imports its own way and black rewrites them, so the two"
    why += " rewrite each other's import blocks"
    found = []
    if wrong and profile == "black":
        got = ", ".join(f"{k} = {_show(isort.get(k))}" for k in wrong)
        want = ", ".join(f"{k} = {_show(ISORT_BLACK[k])}" for k in wrong)
        message = f"isort {got} ({isort.where(wrong[0])}) overrides the black profile's"
        message += f" {want}: {why}; remove {'it' if len(wrong) == 1 else 'them'}"
        found.append(isort.finding(wrong, "MLH602", message))
    elif wrong:
        state, origin = "no profile", isort.where("profile", "")
        state = f"profile = {_show(profile)}" if profile else state
        state = f"{origin}: {state}" if isort.path or profile else origin
        toml = isort.path in ("", PYPROJECT) and "profile" not in isort.args
        fix = isort.fix("profile", '"black"' if toml else "black")
        if not isort.has("line_length"):  # the black profile brings width 88
            fix += f" and line_length = {length}" if (length or 0) > 88 else ""
            length = None
        message = f"isort does not use the black profile ({state}): {why}; {fix}"
        found.append(isort.finding(["profile"], "MLH602", message))
    return found + _isort_length(isort, black, profile == "black", length)


def _isort_length(
    isort: ToolConfig, black: ToolConfig, profile: bool, length: int | None
) -> list[Diagnostic]:
    """MLH601 when isort wraps at a shorter width than black (longer converges)."""
    width = _as_int(isort.get("line_length", 88 if profile else 79))
    if isort.length_unknown or width is None or length is None or width >= length:
        return []
    note = "profile black" if profile else "default"
    message = (
        f"isort line_length = {width} ({isort.where('line_length', note)}) is shorter"
        f" than black line-length = {length} ({black.where('line_length')}): isort"
        " re-wraps imports that black leaves on one line, so `isort --check` fails on"
        f" black's output; {isort.fix('line_length', length)}"
    )
    return [isort.finding(["line_length", "profile"], "MLH601", message)]


def _unread_pyproject(files: ConfigFiles, pre: PreCommit) -> list[Diagnostic]:
    pyproject, found = files.sections(PYPROJECT, ("tool.flake8",))
    if pyproject is None or not found or pre.flake8_reads_pyproject():
        return []
    message = (
        "flake8 settings in pyproject.toml [tool.flake8] are never read: flake8 reads"
        " only setup.cfg, tox.ini and .flake8, so it checks with other settings than"
        " these; move them to a [flake8] section of .flake8, or add Flake8-pyproject"
        " to the flake8 hook's additional_dependencies"
    )
    line = key_line(pyproject.text, "tool.flake8")
    if line:
        return [line_diagnostic(PYPROJECT, line, "MLH605", message)]
    return [file_diagnostic(PYPROJECT, "MLH605", message)]


def _missing_hooks(
    pre: PreCommit, tools: Sequence[str], ruff: bool
) -> list[Diagnostic]:
    found = []
    for tool in tools if pre.parsed else ():
        if pre.runs(tool, ruff):
            continue
        url, rev = TOOL_REPOS[tool]
        also = "ruff-format" if tool == "black" else "ruff"
        also = f" (ruff's {also} hook also counts)" if ruff else ""
        message = (
            f"{tool} does not run in {PRE_COMMIT}: the guideline asks for black, isort"
            " and flake8 on every change, and pre-commit is what runs them; add to"
            f" repos: - {{repo: {url}, rev: {rev}, hooks: [{{id: {tool}}}]}}{also}"
        )
        found.append(file_diagnostic(PRE_COMMIT, "MLH606", message))
    return found


def check_lint_config(ctx: Context) -> list[Diagnostic]:
    """Findings where black, isort and flake8 (those in use) disagree."""
    tools = [tool for tool in TOOLS if tool in ctx.settings["tools"]]
    files = ConfigFiles(ctx.root)
    pre = PreCommit.read(files)
    found = _missing_hooks(pre, tools, ctx.settings["allow-ruff"])
    if "flake8" in tools:
        found += _unread_pyproject(files, pre)
    readers = {"black": _black, "isort": _isort, "flake8": _flake8}
    configs = {tool: readers[tool](files, pre) for tool in tools}
    black, isort, flake8 = (
        None if files.broken(PYPROJECT, *SECTIONS[tool]) else configs.get(tool)
        for tool in TOOLS
    )
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
