"""Configuration files of the checked repository: INI, TOML and YAML as plain data.

Hooks that judge a repository's own settings (``setup.cfg``, ``pyproject.toml``,
``.pre-commit-config.yaml``, ``dvc.yaml``, ...) read them here. A reader returns a
``ConfigFile`` (path, text, data), ``None`` when the file does not exist, or the
``Diagnostic`` saying why it cannot be read: MLH001, MLH002 or MLH004 from
``read_text``, MLH005 with the line and the parser's reason when it does not parse.
Bad input never raises, and nothing in it runs: YAML is loaded with ``safe_load`` only.
The parsers give no line numbers for keys; ``key_line`` finds them in the text.
"""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from mlhooks._config import parse_toml
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import FileProblem, read_text
from mlhooks._i18n import N_, tr

HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
TOO_DEEP = {
    "TOML": N_("arrays or tables nested too deeply"),
    "YAML": N_("lists or mappings nested too deeply"),
}


@dataclass(frozen=True)
class ConfigFile:
    """A configuration file that parsed: its path, its text and its data.

    ``data`` is, for INI, ``{section: {key: value}}`` as configparser reads it (keys
    lower-cased, values raw strings, ``[DEFAULT]`` merged into every section); for
    TOML, the document's table; for YAML, whatever the file holds (``None`` if empty).
    """

    path: str
    text: str
    data: Any


def key_line(text: str, section: str | Sequence[str], key: str | None = None) -> int:
    """Line of ``key`` in the INI section or TOML table ``section`` (or in any of
    several names); of the section's header when ``key`` is None; 0 when absent.

    Headers compare without spaces and quotes (``[tool."isort"]`` is ``tool.isort``).
    Keys compare in any case and with ``-`` and ``_`` alike, as the linters read them.
    Lines count at ``\\n`` only, as the parsers count them.
    """
    names = {section} if isinstance(section, str) else set(section)
    spelled = "[-_]".join(re.escape(part) for part in re.split("[-_]", key or ""))
    pattern = re.compile(rf"\s*[\"']?{spelled}[\"']?\s*[=:]", re.IGNORECASE)
    inside = False
    for number, line in enumerate(text.split("\n"), 1):
        header = HEADER.match(line)
        if header:
            inside = re.sub(r"[\s\"']", "", header.group(1)) in names
            if inside and key is None:
                return number
        elif inside and key is not None and pattern.match(line):
            return number
    return 0


def subtable(data: Any, *keys: str) -> dict[str, Any] | None:
    """``data[keys[0]][keys[1]]...`` when every step is a table (dict), else None."""
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else None


def _mlh005(path: str, line: int, kind: str, reason: str) -> Diagnostic:
    message = tr("does not parse as {kind}: {reason}", kind=kind, reason=reason)
    return Diagnostic(path, line, 1 if line else 0, "MLH005", message)


def _ini_problem(path: str, text: str, exc: configparser.Error) -> Diagnostic:
    errors = getattr(exc, "errors", None) or [(0, "")]
    line = getattr(exc, "lineno", None) or errors[0][0]
    lines = text.split("\n")
    shown = repr(lines[line - 1].strip()) if 0 < line <= len(lines) else ""
    if isinstance(exc, configparser.DuplicateSectionError):
        reason = tr("section [{section}] appears twice", section=exc.section)
    elif isinstance(exc, configparser.DuplicateOptionError):
        reason = tr(
            "key '{key}' appears twice in [{section}]",
            key=exc.option,
            section=exc.section,
        )
    elif isinstance(exc, configparser.MissingSectionHeaderError):
        reason = tr("{line} comes before any [section] header", line=shown)
    elif isinstance(exc, configparser.ParsingError):
        reason = tr(
            "{line} is neither a [section] header nor a key = value line", line=shown
        )
    else:
        reason = str(exc).splitlines()[0]
    return _mlh005(path, line, "INI", reason)


def _parse_ini(path: str, text: str) -> ConfigFile | Diagnostic:
    parser = configparser.RawConfigParser()
    try:
        parser.read_string(text, source=path)
    except configparser.Error as exc:
        return _ini_problem(path, text, exc)
    data = {name: dict(parser.items(name)) for name in parser.sections()}
    return ConfigFile(path, text, data)


def _parse_toml(path: str, text: str) -> ConfigFile | Diagnostic:
    try:
        return ConfigFile(path, text, parse_toml(text))
    except ValueError as exc:
        line = re.search(r"at line (\d+)", str(exc))
        return _mlh005(path, int(line.group(1)) if line else 0, "TOML", str(exc))
    except RecursionError:
        return _mlh005(path, 0, "TOML", tr(TOO_DEEP["TOML"]))


def _too_deep(data: Any, limit: int = 200) -> bool:
    """Whether lists and mappings nest deeper than ``limit`` (walked iteratively)."""
    stack = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        if isinstance(node, (dict, list)):
            stack.extend((child, depth + 1) for child in children)
    return False


def _parse_yaml(path: str, text: str) -> ConfigFile | Diagnostic:
    import yaml

    try:
        fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster
        data = yaml.load(text, Loader=fast)
        if _too_deep(data):  # libyaml nests without limit; Python code does not
            return _mlh005(path, 0, "YAML", tr(TOO_DEEP["YAML"]))
        return ConfigFile(path, text, data)
    except yaml.YAMLError:
        pass  # parsed again below, for the pure loader's clearer message
    except ValueError as exc:  # a value of the wrong form for its tag: 2024-13-01
        return _mlh005(path, 0, "YAML", str(exc))
    try:
        return ConfigFile(path, text, yaml.safe_load(text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        parts = (getattr(exc, "context", None), getattr(exc, "problem", None))
        reason = ", ".join(p for p in parts if p) or str(exc).splitlines()[0]
        return _mlh005(path, mark.line + 1 if mark is not None else 0, "YAML", reason)
    except ValueError as exc:  # a value of the wrong form for its tag: 2024-13-01
        return _mlh005(path, 0, "YAML", str(exc))
    except RecursionError:
        return _mlh005(path, 0, "YAML", tr(TOO_DEEP["YAML"]))


Parse = Callable[[str, str], "ConfigFile | Diagnostic"]


def _read(root: Path, path: str, parse: Parse) -> ConfigFile | Diagnostic | None:
    if not (root / path).is_file():
        return None
    try:
        text = read_text(root, path)
    except FileProblem as exc:
        return exc.diagnostic
    return parse(path, text)


def read_ini(root: Path, path: str) -> ConfigFile | Diagnostic | None:
    """``root/path`` as configparser reads INI: no interpolation, and a section or a
    key (in any case) given twice does not parse."""
    return _read(root, path, _parse_ini)


def read_toml(root: Path, path: str) -> ConfigFile | Diagnostic | None:
    """``root/path`` as TOML (a UTF-8 byte order mark is tolerated)."""
    return _read(root, path, _parse_toml)


def read_yaml(root: Path, path: str) -> ConfigFile | Diagnostic | None:
    """``root/path`` as safe YAML: plain data only, no tags that build objects."""
    return _read(root, path, _parse_yaml)


class ConfigFiles:
    """A repository's configuration files, each read once, when first asked for.

    ``ini``, ``toml`` and ``yaml`` give the ConfigFile, or None when the file is
    missing or cannot be read; the diagnostics of the unreadable ones gather in
    ``problems``, where a hook may add its own about these files (a file of the wrong
    shape). A path is read as one kind only: the first asked for.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Diagnostic] = []
        self._files: dict[str, ConfigFile | None] = {}

    def ini(self, path: str) -> ConfigFile | None:
        return self._get(path, _parse_ini)

    def toml(self, path: str) -> ConfigFile | None:
        return self._get(path, _parse_toml)

    def yaml(self, path: str) -> ConfigFile | None:
        return self._get(path, _parse_yaml)

    def sections(
        self, path: str, names: Sequence[str]
    ) -> tuple[ConfigFile | None, dict[str, dict[str, Any]]]:
        """``path`` (TOML if it ends in ``.toml``, else INI) and those of the sections
        ``names`` it has, in that order; a TOML name is dotted (``tool.black``)."""
        toml = path.endswith(".toml")
        file = self.toml(path) if toml else self.ini(path)
        found = {}
        for name in names:
            keys = name.split(".") if toml else [name]
            table = subtable(file.data if file else None, *keys)
            if table is not None:
                found[name] = table
        return file, found

    def broken(self, *paths: str) -> bool:
        """True when one of ``paths`` has a problem."""
        return any(problem.path in paths for problem in self.problems)

    def _get(self, path: str, parse: Parse) -> ConfigFile | None:
        if path not in self._files:
            got = _read(self.root, path, parse)
            if isinstance(got, Diagnostic):
                self.problems.append(got)
            self._files[path] = got if isinstance(got, ConfigFile) else None
        return self._files[path]
