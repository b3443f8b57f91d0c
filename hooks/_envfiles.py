"""Environment files of a repository: which they are, and what they declare together.

An environment file is found by its name at any depth: pip requirements
(``requirements*.txt``/``.in``, any ``.txt``/``.in`` in a ``requirements/`` folder),
``environment*.yml``, ``conda*.yaml``, MLflow's ``python_env.yaml``, ``pyproject.toml``,
``setup.cfg``, ``setup.py``, ``Pipfile``, ``pixi.toml`` and Dockerfiles. Each is read
once, with the files it includes (``-r``, setuptools' ``file =``) as long as they lie
inside the repository. ``pyproject.toml``, ``setup.cfg``, ``Pipfile`` and ``pixi.toml``
count only when they declare something. Unreadable files are their MLH00x findings.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Collection

from mlhooks import _requirements as parse
from mlhooks._configfiles import ConfigFile, ConfigFiles
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import FileProblem, read_text
from mlhooks._i18n import N_, tr

REQUIREMENTS = ("requirements*.txt", "requirements*.in")
CONDA = (
    *("environment*.yml", "environment*.yaml", "conda*.yml", "conda*.yaml"),
    *("python_env.yaml", "python_env.yml"),
)
DOCKER = ("dockerfile", "dockerfile.*", "*.dockerfile")
PREFERRED = (
    *("requirements.txt", "pyproject.toml", "environment.yml", "environment.yaml"),
    *("conda.yaml", "python_env.yaml", "setup.cfg"),
)
HOW = {
    "pyproject.toml": N_('add "{name}" to the dependencies in {path}'),
    "setup.cfg": N_("add {name} under install_requires in {path}"),
    "setup.py": N_('add "{name}" to install_requires in {path}'),
    "Pipfile": N_('add {name} = "*" under [packages] in {path}'),
    "pixi.toml": N_('add {name} = "*" under [dependencies] in {path}'),
}
HOW_REQUIREMENTS = N_("add a line `{name}` to {path}")
HOW_CONDA = N_("add `- {name}` under dependencies: in {path}")
TABLES: dict[str, Callable[[Any], parse.Found]] = {
    "pyproject.toml": parse.pyproject,
    "setup.cfg": parse.setup_cfg,
    "pipfile": parse.pipfile,
    "pixi.toml": parse.pixi,
}


@lru_cache(maxsize=None)
def name_pattern(globs: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive regex for file-name globs (``*`` stays in the name)."""
    return re.compile("|".join(map(fnmatch.translate, globs)) or "(?!)", re.I)


KINDS = CONDA + DOCKER + tuple(TABLES) + ("setup.py",)


def _name_matches(path: str, globs: tuple[str, ...]) -> bool:
    return name_pattern(globs).match(path.rpartition("/")[2]) is not None


def is_requirements(path: str) -> bool:
    folder = path.rpartition("/")[0].rpartition("/")[2]
    in_folder = folder == "requirements" and path.endswith((".txt", ".in"))
    return in_folder or _name_matches(path, REQUIREMENTS)


def is_dockerfile(path: str) -> bool:
    return _name_matches(path, DOCKER)


def is_environment_file(path: str) -> bool:
    return is_requirements(path) or _name_matches(path, KINDS)


@dataclass
class Declared:
    """What the environment files declare: normalized names, the files that declare
    anything (in reading order) and the findings of those that could not be read."""

    names: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


class _Reader:
    """Reads each environment file once, following includes inside the root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.configs = ConfigFiles(root)
        self.declared = Declared()
        self.seen: set[str] = set()

    def read(self, path: str) -> None:
        if path in self.seen or not (self.root / path).is_file():
            return
        self.seen.add(path)
        names = self._names(path)
        if names is not None:
            self.declared.names |= names
            self.declared.files.append(path)

    def _include(self, base: str, targets: list[str]) -> None:
        for target in targets:
            joined = posixpath.join(posixpath.dirname(base), target)
            joined = posixpath.normpath(joined)
            if joined != ".." and not joined.startswith(("../", "/")):
                self.read(joined)

    def _names(self, path: str) -> set[str] | None:
        name = path.rpartition("/")[2].lower()
        if name in TABLES:
            reader = self.configs.ini if name == "setup.cfg" else self.configs.toml
            return self._parsed(reader(path), TABLES[name]) or None
        if _name_matches(path, CONDA):
            return self._parsed(self.configs.yaml(path), parse.conda)
        text = self._text(path)
        if text is None:
            return None
        if name == "setup.py":
            return parse.setup_py(text)
        if is_dockerfile(path):
            return parse.dockerfile(text)
        names, includes, problems = parse.requirements_file(path, text)
        self.declared.problems += problems
        self._include(path, includes)
        return names

    def _text(self, path: str) -> str | None:
        try:
            return read_text(self.root, path)
        except FileProblem as exc:
            self.declared.problems.append(exc.diagnostic)
            return None

    def _parsed(
        self, file: ConfigFile | None, names: Callable[[Any], parse.Found]
    ) -> set[str] | None:
        if file is None:
            self.declared.problems += self.configs.problems
            self.configs.problems.clear()
            return None
        found, includes = names(file.data)
        self._include(file.path, includes)
        return found


def main_file(files: Collection[str]) -> str:
    """The environment file to edit: the shallowest, a usual one first."""
    rank = {name: number for number, name in enumerate(PREFERRED)}
    return min(
        files, key=lambda p: (p.count("/"), rank.get(p.rpartition("/")[2], 99), p)
    )


def how_to_add(path: str, distribution: str) -> str:
    """How to declare ``distribution`` in the environment file ``path``."""
    how = HOW.get(path.rpartition("/")[2], "")
    if not how:
        how = HOW_REQUIREMENTS if is_requirements(path) else HOW_CONDA
    return tr(how, name=distribution, path=path)


def read_declared(root: Path, paths: Collection[str]) -> Declared:
    """What the environment files among ``paths`` (repo-relative) declare."""
    reader = _Reader(root)
    for path in sorted(paths, key=lambda p: (p.count("/"), p)):
        if is_environment_file(path):
            reader.read(path)
    return reader.declared
