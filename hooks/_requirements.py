"""Dependency declarations, read statically: the distributions one environment file
names, from its text or its parsed data.

pip requirements lines (``-r`` includes returned for the caller to follow; a line pip
would reject is an MLH005 finding with its line), conda and pip entries of
``environment.yml`` and MLflow's ``python_env.yaml``, ``pyproject.toml`` ([project]
dependencies and optional-dependencies, [dependency-groups], Poetry, uv, PDM, pixi,
setuptools' dynamic ``file =``), ``setup.cfg`` (install_requires, extras_require),
``Pipfile``, ``pixi.toml``, the quoted strings of ``setup.py`` that read as
requirements, and a Dockerfile's base image and ``RUN ... install`` words. Names are
normalized as PEP 503 compares them. Nothing is run.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from mlhooks._configfiles import subtable
from mlhooks._diagnostics import Diagnostic
from mlhooks._i18n import tr

NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
SPEC = r"(?:===|==|!=|<=|>=|~=|<|>)\s*[A-Za-z0-9_.*+!-]+"
REQUIREMENT = re.compile(
    rf"({NAME})\s*(?:\[[^\]]*\])?\s*(?:\(?\s*{SPEC}(?:\s*,\s*{SPEC})*\s*\)?)?"
    r"\s*(?:[;@].*)?"
)
LEADING_NAME = re.compile(rf"\s*(?:\S+::)?({NAME})")
INCLUDE = re.compile(r"(?:-r|--requirement)(?:\s*=\s*|\s*)(\S+)")
EGG = re.compile(r"#egg=([\w.-]+)")
LOCATION = re.compile(r"^(?:[./~]|file:|[a-z]+\+|\$\{)|://|\.(?:whl|zip|tar\.gz)$")
COMMENT = re.compile(r"(?:^|\s)#.*")
QUOTED = re.compile(r"([\"'])([^\"'\n]+)\1")

Found = tuple[set[str], list[str]]  # names, files to include


def normalize(name: str) -> str:
    """A distribution name as PEP 503 compares it: ``MLflow_Skinny`` is
    ``mlflow-skinny``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, str)]


def _leading(specs: Iterable[str]) -> set[str]:
    """Names at the start of requirement or conda specs (``conda-forge::x=1``)."""
    found = (LEADING_NAME.match(spec) for spec in specs if not spec.startswith("-"))
    return {normalize(match.group(1)) for match in found if match}


def _keys(*tables: dict[str, Any] | None) -> set[str]:
    return {normalize(key) for table in tables for key in table or {}}


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines with ``\\`` continuations joined and comments dropped, numbered."""
    start, pending = 0, ""
    for number, raw in enumerate(text.split("\n"), 1):
        start, raw = start or number, raw.rstrip("\r")
        if raw.endswith("\\"):
            pending += raw[:-1]
            continue
        line = COMMENT.sub("", pending + raw).strip()
        if line:
            yield start, line
        start, pending = 0, ""


def _requirement(path: str, number: int, line: str) -> str | Diagnostic:
    """The name one requirements line declares ('' for options and locations)."""
    line = re.split(r"\s+--?[a-z]", line, maxsplit=1)[0].strip()
    match = REQUIREMENT.fullmatch(line)
    if match:
        return normalize(match.group(1))
    egg = EGG.search(line)
    if line.startswith("-") or LOCATION.search(line):
        return normalize(egg.group(1)) if egg else ""
    message = tr(
        "does not parse as a pip requirements file: {line!r} is neither a"
        " requirement nor a pip option",
        line=line,
    )
    return Diagnostic(path, number, 1, "MLH005", message)


def requirements_file(
    path: str, text: str
) -> tuple[set[str], list[str], list[Diagnostic]]:
    """Names, ``-r`` includes and unparsable lines of a pip requirements file."""
    names, includes, problems = set(), [], []
    for number, line in logical_lines(text):
        include = INCLUDE.match(line)
        if include:
            includes.append(include.group(1))
            continue
        found = _requirement(path, number, line)
        if isinstance(found, Diagnostic):
            problems.append(found)
        elif found:
            names.add(found)
    return names, includes, problems


def setup_py(text: str) -> set[str]:
    """Quoted strings of ``setup.py`` that read as requirements."""
    strings = (match.group(2).strip() for match in QUOTED.finditer(text))
    return {normalize(s.split("[")[0]) for s in strings if REQUIREMENT.fullmatch(s)}


def dockerfile(text: str) -> set[str]:
    """A Dockerfile's base images (last path part) and ``RUN ... install`` words."""
    names = set()
    for _, line in logical_lines(text):
        words = re.split(r"[\s\"',]+", line)
        if words[0].upper() == "FROM" and len(words) > 1:
            names.add(normalize(words[1].split(":")[0].rpartition("/")[2]))
        elif words[0].upper() == "RUN" and "install" in words:
            names |= _leading(words[words.index("install") + 1 :])
    return names


def conda(data: Any) -> Found:
    """conda and pip entries of environment.yml, or python_env.yaml's lists."""
    data = data if isinstance(data, dict) else {}
    entries = _strings(data.get("dependencies"))
    entries += _strings(data.get("build_dependencies"))
    for item in data.get("dependencies") or []:
        entries += _strings(item.get("pip")) if isinstance(item, dict) else []
    includes = [match.group(1) for match in map(INCLUDE.match, entries) if match]
    return _leading(entries), includes


def pixi(table: Any) -> Found:
    """``[dependencies]`` and ``[pypi-dependencies]``, also of each feature."""
    tables = [table] + list((subtable(table, "feature") or {}).values())
    kinds = ("dependencies", "pypi-dependencies")
    return _keys(*(subtable(t, kind) for t in tables for kind in kinds)), []


def _dynamic_files(data: Any) -> list[str]:
    dynamic = subtable(data, "tool", "setuptools", "dynamic") or {}
    entries = [dynamic.get("dependencies")]
    entries += (subtable(dynamic, "optional-dependencies") or {}).values()
    files = [entry.get("file") for entry in entries if isinstance(entry, dict)]
    return [
        name for f in files for name in ([f] if isinstance(f, str) else _strings(f))
    ]


def pyproject(data: Any) -> Found:
    """Every dependency list and table a build or workflow tool reads."""
    project = subtable(data, "project") or {}
    groups = [project.get("dependencies")]
    groups += (subtable(project, "optional-dependencies") or {}).values()
    groups += (subtable(data, "dependency-groups") or {}).values()
    groups += (subtable(data, "tool", "pdm", "dev-dependencies") or {}).values()
    groups.append((subtable(data, "tool", "uv") or {}).get("dev-dependencies"))
    poetry = subtable(data, "tool", "poetry") or {}
    tables = [subtable(poetry, "dependencies"), subtable(poetry, "dev-dependencies")]
    tables += [
        subtable(g, "dependencies") for g in (subtable(poetry, "group") or {}).values()
    ]
    names = _leading(spec for group in groups for spec in _strings(group))
    names |= _keys(*tables) | pixi(subtable(data, "tool", "pixi") or {})[0]
    return names, _dynamic_files(data)


def setup_cfg(data: Any) -> Found:
    """``install_requires`` and ``extras_require`` of ``[options]``."""
    options = subtable(data, "options") or {}
    values = [str(options.get("install_requires", ""))]
    values += map(str, (subtable(data, "options.extras_require") or {}).values())
    specs = [line.strip() for value in values for line in value.split("\n")]
    files = [spec[5:] for spec in specs if spec.startswith("file:")]
    includes = [name for item in files for name in re.split(r"[\s,]+", item) if name]
    return _leading(s for s in specs if s and not s.startswith("file:")), includes


def pipfile(data: Any) -> Found:
    """Keys of ``[packages]`` and ``[dev-packages]``."""
    return _keys(subtable(data, "packages"), subtable(data, "dev-packages")), []
