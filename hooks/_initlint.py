"""mlhooks init: black, isort, flake8 and mlhooks settings that agree from the start.

``pyproject.toml`` is edited with tomlkit (comments and layout kept): ``[tool.black]``
unless black is configured, ``[tool.isort]`` with the black profile where isort reads
pyproject.toml, and ``[tool.mlhooks]``. flake8 gets black's documented settings in the
file where it already reads them (``.flake8``, ``setup.cfg``, ``tox.ini``), else in
``setup.cfg``, as text. Only missing keys are added; a value already set stays, and
check-lint-config, run on the result, says where it still disagrees. A project that
configures or runs ruff (where check-lint-config allows it) gets ruff's hooks instead,
and settings only for the linters it runs anyway.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any, Sequence

import tomlkit
from tomlkit.items import Table

from mlhooks._cli import Context, run_check
from mlhooks._config import ConfigError
from mlhooks._configfiles import HEADER, ConfigFiles, subtable
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import Repo
from mlhooks._i18n import N_, tr
from mlhooks._initfiles import Change, Text, load_hook, project_settings
from mlhooks._linters import PYPROJECT, SECTIONS, ToolConfig
from mlhooks._precommit import PRE_COMMIT, PreCommit

BLACK_LENGTH = 88  # black's default, and the width of isort's black profile
EXTEND_IGNORE = "E203,E701,E704"  # what black writes and flake8 would report
KEY = re.compile(r"^([\w.-]+)(\s*)([=:])(\s*)")
INI_FILES = (".isort.cfg", *SECTIONS["flake8"])
RUFF_FILES = ("ruff.toml", ".ruff.toml")
RUFF_HOOKS = ("ruff", "ruff-check", "ruff-format")
LINT_FILES = (PRE_COMMIT, PYPROJECT, ".editorconfig", *INI_FILES)


def _table(parent: Any, name: str) -> Table:
    """The table ``name`` of ``parent``, added (empty) when it is missing."""
    if name not in parent:
        parent.add(name, tomlkit.table(is_super_table=name == "tool"))
    table = parent[name]
    if not isinstance(table, Table):
        message = N_("{path}: {name} is not a table, so nothing can be added to it")
        raise ConfigError(tr(message, path=PYPROJECT, name=name))
    return table


class Tables:
    """The ``[tool]`` table of pyproject.toml, and what is added to it."""

    def __init__(self, tool: Table) -> None:
        self.tool = tool
        self.added: list[str] = []
        self.notes: list[str] = []

    def add(self, name: str, key: str, value: object) -> None:
        """``tool.name.key = value``, unless the key is there."""
        table = _table(self.tool, name)
        if key not in table:
            table.add(key, value)
            self.added.append(f"[tool.{name}] {key}")

    def black(self, length: int | None) -> None:
        if "black" not in self.tool:  # black is configured when its table exists
            self.add("black", "line-length", length or BLACK_LENGTH)

    def isort(self, isort: ToolConfig, length: int | None) -> None:
        if isort.path not in ("", PYPROJECT):  # isort reads another file first
            return
        if not isort.has("profile"):
            self.add("isort", "profile", "black")
        if length and length != BLACK_LENGTH and not isort.has("line_length"):
            self.add("isort", "line_length", length)

    def mlhooks(self, lang: str | None) -> None:
        new = "mlhooks" not in self.tool
        table = _table(self.tool, "mlhooks")
        if lang == "ja":
            self.add("mlhooks", "lang", lang)
            if table["lang"] != lang:
                note = N_("[tool.mlhooks] lang = {value} left as it is (--lang {lang})")
                self.notes.append(tr(note, value=str(table["lang"]), lang=lang))
        if new and not table:
            self.added.append("[tool.mlhooks]")


def uses_ruff(files: ConfigFiles, pre: PreCommit) -> bool:
    """Whether the project configures ruff (``[tool.ruff]``, ``ruff.toml``) or
    pre-commit runs it."""
    if any(pre.runs(hook_id) for hook_id in RUFF_HOOKS):
        return True
    if any((files.root / name).is_file() for name in RUFF_FILES):
        return True
    pyproject = files.toml(PYPROJECT)
    return subtable(pyproject.data if pyproject else None, "tool", "ruff") is not None


def plan_pyproject(
    root: Path, tools: dict[str, ToolConfig], lang: str | None, linters: Sequence[str]
) -> tuple[Change, int | None]:
    """``pyproject.toml`` with the missing tables and keys for ``linters`` and
    mlhooks, and black's line length (None when it is no number)."""
    text = Text.read(root, PYPROJECT)
    doc = tomlkit.parse(text.body if text else "")
    black = tools.get("black")
    length = black.number("line_length", BLACK_LENGTH) if black else BLACK_LENGTH
    tables = Tables(_table(doc, "tool"))
    if "black" in linters:
        tables.black(length)
    if "isort" in linters:
        tables.isort(tools.get("isort") or ToolConfig("isort"), length)
    tables.mlhooks(lang)
    added, notes, body = tables.added, tables.notes, tomlkit.dumps(doc)
    if text is None:
        return Change(PYPROJECT, None, body.lstrip("\n").encode(), added), length
    new = text.encode(body) if added else text.raw
    return Change(PYPROJECT, text.raw, new, added, notes), length


def _with_keys(body: str, keys: dict[str, str]) -> str:
    """``body`` with ``keys`` at the end of its ``[flake8]`` section, spelled like
    the section's first key (a new section at the end when there is none)."""
    lines = body.split("\n")
    headers = {
        i: m.group(1) for i, line in enumerate(lines) if (m := HEADER.match(line))
    }
    start = next((i for i, name in headers.items() if name == "flake8"), None)
    if start is None:
        gap = "" if not body.strip() else "\n" if body.endswith("\n") else "\n\n"
        text = "".join(f"{key} = {value}\n" for key, value in keys.items())
        return f"{body}{gap}[flake8]\n{text}"
    end = next((i for i in headers if i > start), len(lines))
    content = [i for i in range(start + 1, end) if lines[i].strip()[:1] not in "#;"]
    first = next((m for i in content if (m := KEY.match(lines[i]))), None)
    equals = "".join(first.group(2, 3, 4)) if first else " = "
    at = (content[-1] if content else start) + 1
    lines[at:at] = [f"{key}{equals}{value}" for key, value in keys.items()]
    return "\n".join(lines)


def plan_flake8(
    files: ConfigFiles, tools: dict[str, ToolConfig], length: int | None
) -> Change | None:
    """black's flake8 settings where flake8 reads its own, else in setup.cfg (None
    when that is pyproject.toml, through a plugin: left to check-lint-config)."""
    flake8 = tools.get("flake8")
    path = flake8.path if flake8 is not None and flake8.path else "setup.cfg"
    if path == PYPROJECT:
        return None
    text = Text.read(files.root, path)
    ini = files.ini(path)
    section = ini.data.get("flake8", {}) if ini else {}
    have = {key.replace("_", "-") for key in section}
    wanted = {"max-line-length": str(length)} if length else {}
    wanted["extend-ignore"] = EXTEND_IGNORE
    keys = {key: value for key, value in wanted.items() if key not in have}
    added = [f"[flake8] {key}" for key in keys]
    if text is None:
        return Change(path, None, _with_keys("", keys).encode(), added)
    new = text.encode(_with_keys(text.body, keys)) if keys else text.raw
    return Change(path, text.raw, new, added)


def lint_findings(
    root: Path, changes: list[Change], table: dict[str, Any]
) -> list[Diagnostic]:
    """What check-lint-config reports once ``changes`` are made (it reads only the
    configuration files, so it runs on copies of them)."""
    planned = {change.path: change.new for change in changes}
    hook = load_hook("check-lint-config")
    settings = project_settings(hook.id, table, PYPROJECT)
    with tempfile.TemporaryDirectory() as tmp:
        for name in LINT_FILES:
            data = planned.get(name)
            if data is None and (root / name).is_file():
                data = (root / name).read_bytes()
            if data is not None:
                (Path(tmp) / name).write_bytes(data)
        return run_check(hook, Context(Repo(Path(tmp), in_git=False), settings))
