"""Where black, isort and flake8 read their settings, and how flake8 decides which
codes it reports.

Settings are read, never run: from the files and sections each tool itself looks at,
in its order (``SECTIONS``), and from the flags of its hook's ``args`` in
``.pre-commit-config.yaml``, which win over any file (``FLAGS``). ``read_tools`` gives
each tool in use its ``ToolConfig``: the one file it reads, the sections there, their
values with keys spelled ``like_this``, and its args. ``Flake8Rules`` is flake8's
select/ignore decision on error codes, its default ignore list included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Sequence

from mlhooks._configfiles import ConfigFile, ConfigFiles
from mlhooks._files import FileProblem, read_text
from mlhooks._i18n import N_, tr
from mlhooks._precommit import PRE_COMMIT, PreCommit

TOOLS = ("black", "isort", "flake8")
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
FLAKE8_FLAGS = ("max-line-length", "select", "extend-select", "ignore", "extend-ignore")
# Command-line flags that carry a setting in a hook's args: flag -> setting.
FLAGS = {
    "black": dict.fromkeys(("--line-length", "-l"), "line_length"),
    "isort": {
        **dict.fromkeys(("--line-length", "-l", "-w"), "line_length"),
        "--profile": "profile",
    },
    "flake8": {f"--{flag}": flag.replace("-", "_") for flag in FLAKE8_FLAGS},
}
DEFAULT_IGNORE = ("E121", "E123", "E126", "E226", "E24", "E704", "W503", "W504")
CODE = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")  # what flake8 6+ accepts as a code
BOOLS = dict.fromkeys(("1", "yes", "y", "true", "t", "on"), True)
BOOLS |= dict.fromkeys(("0", "no", "n", "false", "f", "off"), False)
DEFAULT = N_("default")  # where a setting comes from when nothing sets it


def as_int(value: Any) -> int | None:
    """``value`` as a whole number (``88`` or ``" 88"``); None when it is not one."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def isort_value(key: str, value: Any) -> Any:
    """How isort reads a setting of its black profile; None when it cannot be read."""
    text = str(value).strip()
    if key == "multi_line_output":
        number = as_int(value)
        return 3 if text.upper() == "VERTICAL_HANGING_INDENT" else number or text
    if key == "force_grid_wrap":
        return 0 if text.lower() == "false" else as_int(value)
    return value if isinstance(value, bool) else BOOLS.get(text.lower())


def _codes(value: Any) -> tuple[str, ...]:
    """The codes of a list setting; words of a ``#`` comment are not codes (flake8
    refuses the comment itself: MLH005 says so)."""
    text = re.sub(r"#[^\n]*", "", str(value))
    items = value if isinstance(value, list) else re.split(r"[,\s]+", text)
    return tuple(code for code in (str(i).strip() for i in items) if CODE.match(code))


@dataclass(frozen=True)
class ToolConfig:
    """One tool's settings: the file and sections it reads (if any), its hook's args.

    ``values`` and ``args`` have their keys spelled ``like_this``; an arg wins.
    """

    name: str
    file: ConfigFile | None = None
    sections: tuple[str, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)
    args: dict[str, str] = field(default_factory=dict)
    length_unknown: bool = False  # isort may take its width from .editorconfig

    @classmethod
    def of(
        cls, name: str, file: ConfigFile | None, sections: dict[str, dict[str, Any]]
    ) -> ToolConfig:
        """The settings in ``sections`` of ``file``, later sections winning."""
        values = {k: v for section in sections.values() for k, v in section.items()}
        keys = {str(k).lower().replace("-", "_"): v for k, v in values.items()}
        return cls(name, file if sections else None, tuple(sections), keys)

    @property
    def path(self) -> str:
        return self.file.path if self.file else ""

    def has(self, key: str) -> bool:
        return key in self.args or key in self.values

    def get(self, key: str, default: Any = None) -> Any:
        return self.args.get(key, self.values.get(key, default))

    def number(self, key: str, default: int) -> int | None:
        """The setting as a whole number, ``default`` when unset, None if unreadable."""
        return as_int(self.get(key, default))

    def where(self, key: str, note: str = DEFAULT) -> str:
        """Where the value of ``key`` comes from, with ``note`` (a template) when it
        is not set."""
        if key in self.args:
            return tr("{file} {tool} args", file=PRE_COMMIT, tool=self.name)
        place = f"{self.path} [{self.sections[0]}]" if self.path else ""
        if key in self.values or not note:
            return place or tr("no {tool} configuration", tool=self.name)
        return f"{place}, {tr(note)}" if place else tr(note)


def _editorconfig_width(files: ConfigFiles) -> bool:
    """True when .editorconfig may set max_line_length, which isort then reads."""
    if not (files.root / ".editorconfig").is_file():
        return False
    try:
        text = read_text(files.root, ".editorconfig")
    except FileProblem:  # isort's width is unknown then
        return True
    return bool(re.search(r"(?m)^\s*max_line_length\s*=", text))


def _black(files: ConfigFiles, pre: PreCommit) -> ToolConfig | None:
    file, sections = files.sections(PYPROJECT, SECTIONS["black"][PYPROJECT])
    if not sections and not pre.runs("black"):
        return None
    return ToolConfig.of("black", file, sections)


def _isort(files: ConfigFiles, pre: PreCommit) -> ToolConfig | None:
    """isort's first configuration file that holds settings, as isort picks it."""
    in_use = pre.runs("isort")
    for path, names in SECTIONS["isort"].items():
        file, sections = files.sections(path, names)
        config = ToolConfig.of("isort", file, sections)
        if config.values:
            return config
        in_use = in_use or bool(sections)
    unknown = _editorconfig_width(files)
    return ToolConfig("isort", length_unknown=unknown) if in_use else None


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
    return found[0] if found else ToolConfig("flake8")


Reader = Callable[[ConfigFiles, PreCommit], "ToolConfig | None"]
READERS: dict[str, Reader] = {"black": _black, "isort": _isort, "flake8": _flake8}


def read_tools(
    files: ConfigFiles, pre: PreCommit, tools: Sequence[str] = TOOLS
) -> dict[str, ToolConfig]:
    """The settings of each of ``tools`` in use (configured, or run by pre-commit),
    its hook's args included. Left out: a tool not in use, and one for which a file
    it may look at (``SECTIONS``, or pyproject.toml) does not parse, which is then in
    ``files.problems``."""
    read = {tool: READERS[tool](files, pre) for tool in tools}
    return {
        tool: replace(config, args=pre.flags(tool, FLAGS[tool]))
        for tool, config in read.items()
        if config is not None and not files.broken(PYPROJECT, *SECTIONS[tool])
    }


@dataclass(frozen=True)
class Flake8Rules:
    """flake8's select/ignore decision (its ``DecisionEngine``), on error codes.

    ``None`` is an option not given: ``select`` then counts as E and W (pycodestyle's
    codes, the ones asked about here), ``ignore`` as ``DEFAULT_IGNORE``.
    """

    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()

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
