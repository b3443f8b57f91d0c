"""Configuration: ``[tool.mlhooks]`` in the project's ``pyproject.toml``, validated.

Shared keys live in ``[tool.mlhooks]``; each hook's own options in
``[tool.mlhooks.<hook-id>]``. Keys are kebab-case and identical to the command-line
flags. Precedence: defaults < file < command line. Broken TOML, an unknown key or a
wrong type is a ``ConfigError``: one line naming the file and the key (with the closest
valid key), exit 2.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

TYPES = {"bool": bool, "int": int, "str": str, "list": list, "table": dict}
KIND_NAMES = {
    "bool": "a boolean",
    "int": "an integer",
    "str": "a string",
    "list": "a list of strings",
    "table": "a table",
}


class ConfigError(Exception):
    """A configuration or usage error: one line, exit status 2."""


@dataclass(frozen=True)
class Option:
    """One setting of a hook: TOML key == long flag, its type, default and help text.

    ``kind`` is bool, int, str, list (of strings; comma-separated on the command
    line) or table (TOML only). ``choices`` restricts a str option or the items of a
    list option; ``check`` returns what is wrong with a value ('' when it is fine).
    """

    name: str
    kind: str
    default: Any
    help: str
    choices: tuple[str, ...] = ()
    check: Callable[[Any], str] | None = None


SHARED_OPTIONS = (
    Option("select", "list", ["MLH"], "codes or prefixes to report (default: all)"),
    Option("ignore", "list", [], "codes or prefixes never to report"),
    Option(
        "per-file-ignores",
        "table",
        {},
        "glob -> codes ignored in matching files (TOML only)",
    ),
    Option("exclude", "list", [], "globs of files never checked"),
    Option(
        "lang",
        "str",
        "",
        "language of the messages, en or ja (default: the locale)",
        choices=("en", "ja"),
    ),
    Option(
        "baseline",
        "str",
        ".mlhooks-baseline.json",
        "findings recorded by `mlhooks baseline`, not reported ('' for none)",
    ),
)


class Settings(Mapping[str, Any]):
    """Resolved options, read-only; ``settings.min_size`` reads ``min-size``."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name.replace("_", "-")]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"Settings({self._values!r})"


def _did_you_mean(key: str, valid: list[str], what: str = "valid keys") -> str:
    import difflib

    close = difflib.get_close_matches(key, valid, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{hint}{what}: {', '.join(sorted(set(valid))) or '(none)'}"


def parse_toml(text: str) -> dict[str, Any]:
    """``text`` as TOML; ValueError (tomllib's TOMLDecodeError) when it is not."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib.loads(text)


def load_toml(path: Path) -> dict[str, Any]:
    """The TOML file ``path`` (a UTF-8 BOM tolerated); ConfigError naming it."""
    try:
        data = path.read_bytes()
        return parse_toml(data.decode("utf-8").removeprefix("\ufeff"))
    except UnicodeDecodeError:
        raise ConfigError(f"{display_path(path)}: not valid UTF-8") from None
    except ValueError as exc:
        raise ConfigError(f"{display_path(path)}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{display_path(path)}: TOML nested too deeply") from None
    except OSError as exc:
        raise ConfigError(
            f"{display_path(path)}: cannot read: {exc.strerror}"
        ) from None


def load_table(root: Path, config: Path | None = None) -> tuple[dict[str, Any], str]:
    """The ``[tool.mlhooks]`` table and its file ('' when there is none)."""
    path = config if config is not None else root / "pyproject.toml"
    if config is None and not path.is_file():
        return {}, ""
    data = load_toml(path)
    tool = data.get("tool", {})
    table = tool.get("mlhooks", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.mlhooks] must be a table")
    return table, display_path(path)


def display_path(path: Path) -> str:
    """``path`` relative to the current folder when it lies below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def check_value(option: Option, value: Any, where: str) -> Any:
    """``value`` if it fits ``option``; ConfigError naming ``where`` otherwise."""
    want = TYPES[option.kind]
    ok = isinstance(value, want) and not (want is int and isinstance(value, bool))
    if ok and option.kind == "list":
        ok = all(isinstance(item, str) for item in value)
    if option.name == "ignore" and isinstance(value, dict):
        ok = all(isinstance(reason, str) for reason in value.values())
        value = list(value)
    if not ok:
        raise ConfigError(
            f"{where}: '{option.name}' must be {KIND_NAMES[option.kind]},"
            f" not {type(value).__name__} {value!r}"
        )
    items = value if option.kind == "list" else [value]
    for item in items if option.choices else ():
        if item not in option.choices:
            hint = _did_you_mean(str(item), list(option.choices), "valid values")
            raise ConfigError(
                f"{where}: '{option.name}': unknown value {item!r} ({hint})"
            )
    problem = option.check(value) if option.check else ""
    if problem:
        raise ConfigError(f"{where}: '{option.name}': {problem}")
    return value


def validate_table(
    table: Mapping[str, Any],
    options: tuple[Option, ...],
    where: str,
    subtables: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Check every key of ``table`` against ``options``; ``subtables`` pass."""
    by_name = {option.name: option for option in options}
    result: dict[str, Any] = {}
    for key, value in table.items():
        if key in subtables:
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '{key}' must be a table")
            continue
        if key not in by_name:
            valid = list(by_name) + list(subtables)
            raise ConfigError(
                f"{where}: unknown key '{key}' ({_did_you_mean(key, valid)})"
            )
        result[key] = check_value(by_name[key], value, where)
    return result


def resolve(
    options: tuple[Option, ...],
    file_values: Mapping[str, Any],
    cli_values: Mapping[str, Any],
) -> Settings:
    """Defaults < file < command line."""
    values = {option.name: option.default for option in options}
    values.update(file_values)
    values.update(cli_values)
    return Settings(values)


NOT_HOOKS = {"cli", "__init__", "__main__"}


def known_hook_ids() -> list[str]:
    """Hook ids derived from the package's module names (no import needed)."""
    here = Path(__file__).parent
    names = (p.stem for p in here.glob("*.py"))
    return sorted(
        n.replace("_", "-")
        for n in names
        if not n.startswith("_") and n not in NOT_HOOKS
    )


def read_config(
    root: Path, config: str | None, hook_ids: Sequence[str] = ()
) -> tuple[dict[str, Any], str]:
    """The validated ``[tool.mlhooks]`` table (sub-tables unchecked), its file."""
    table, where = load_table(root, Path(config) if config else None)
    ids = tuple(known_hook_ids()) + tuple(hook_ids)
    shared = validate_table(table, SHARED_OPTIONS, where or "pyproject.toml", ids)
    for glob, codes in table.get("per-file-ignores", {}).items():
        check_value(Option(glob, "list", [], ""), codes, f"{where}: per-file-ignores")
    return {**table, **shared}, where
