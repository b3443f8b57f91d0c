"""A notebook's paired script, found as jupytext finds it, else by name.

A notebook pairs by its ``jupytext.formats`` metadata, else by the closest jupytext
configuration file (jupytext's global configuration aside), else with a ``.py`` of the
same name in a script folder or beside it. Each notebook and configuration is read
once; one that cannot be read or parsed is its diagnostic.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, replace
from typing import Any, Sequence

from mlhooks._configfiles import ConfigFile, read_toml, read_yaml, subtable
from mlhooks._diagnostics import Diagnostic, file_diagnostic
from mlhooks._files import FileProblem, Repo, read_text
from mlhooks._i18n import tr
from mlhooks._jupytext import ALIASES, Format, PairingError, long_forms, paired_paths
from mlhooks._notebooks import Notebook, read_notebook

EXTENSIONS = ("", ".toml", ".yml", ".yaml", ".json")  # jupytext's order of search
CONFIG_FILES = [f"{dot}jupytext{ext}" for dot in ("", ".") for ext in EXTENSIONS]
CONFIG_FILES.append(".jupytext.py")
Config = tuple[str, list[str]]  # a jupytext configuration file and its format groups


@dataclass(frozen=True)
class Pairing:
    """Where a notebook's script is or belongs (``script`` '' when the declared
    formats name none), what declared it (``origin`` '' for a pairing by name), its
    declared format, the ``formats`` a written script's header records, other paths
    the script may have, and why the declared formats do not pair it (``error``)."""

    script: str
    origin: str = ""
    format_name: str = ""
    header: str | None = None
    others: tuple[str, ...] = ()
    error: str = ""


class Project:
    """A project's notebooks and scripts, with their pairs, each notebook read once."""

    def __init__(
        self, repo: Repo, notebook_dirs: Sequence[str], script_dirs: Sequence[str]
    ) -> None:
        self.repo, self.root = repo, repo.root
        self.notebook_dirs, self.script_dirs = notebook_dirs, script_dirs
        self.notebooks: dict[str, Notebook | Diagnostic] = {}
        self.pairings: dict[str, Pairing | Diagnostic] = {}
        self.configs: dict[str, Config | Diagnostic | None] = {}

    def text(self, path: str) -> str | Diagnostic:
        try:
            return read_text(self.root, path)
        except FileProblem as exc:
            return exc.diagnostic

    def notebook(self, path: str) -> Notebook | Diagnostic:
        if path not in self.notebooks:
            try:
                self.notebooks[path] = read_notebook(self.root, path)
            except FileProblem as exc:
                self.notebooks[path] = exc.diagnostic
        return self.notebooks[path]

    def pairing(self, path: str) -> Pairing | Diagnostic:
        if path not in self.pairings:
            notebook = self.notebook(path)
            self.pairings[path] = (
                _pairing(self, notebook) if isinstance(notebook, Notebook) else notebook
            )
        return self.pairings[path]

    def config(self, folder: str) -> Config | Diagnostic | None:
        """The closest jupytext configuration at or above ``folder``."""
        if folder not in self.configs:
            found = _config_in(self, folder)
            if found is None and folder:
                found = self.config(posixpath.dirname(folder))
            self.configs[folder] = found
        return self.configs[folder]


def short_form(fmt: Format) -> str:
    """A format as jupytext writes it in ``formats`` (``scripts//py:percent``)."""
    text = fmt.get("suffix", "") + fmt["extension"]
    text = text if "suffix" in fmt else text[1:]
    text = fmt["prefix"] + "/" + text if "prefix" in fmt else text
    name = fmt.get("format_name")
    if name and (fmt["extension"] not in (".md", ".Rmd") or name in ALIASES):
        text += ":" + name
    return text


def format_groups(value: Any) -> list[str]:
    """A configuration's ``formats`` (string, table or list) as groups of formats."""
    groups = value.split(";") if isinstance(value, str) else value
    groups = [groups] if isinstance(groups, dict) else groups
    if not isinstance(groups, list):
        raise PairingError(
            tr("{value!r} is not a string, a table or a list", value=value)
        )
    result = []
    for group in groups:
        if isinstance(group, dict):
            group = ",".join(
                f"{str(prefix).rstrip('/')}///{fmt}" if prefix else str(fmt)
                for prefix, fmt in group.items()
            )
        if not isinstance(group, str):
            raise PairingError(
                tr("{group!r} is not a group of paired formats", group=group)
            )
        result.append(group)
    return result


def _groups(path: str, table: Any) -> Config | Diagnostic:
    """The format groups of the configuration ``path`` holding ``table``."""
    if table is not None and not isinstance(table, dict):
        what = tr("is not a table of jupytext settings")
        return file_diagnostic(path, "MLH005", what)
    table = table or {}
    value = table.get("formats", table.get("default_jupytext_formats"))
    try:
        groups = [] if value is None else format_groups(value)
        return path, [group for group in groups if long_forms(group)]
    except PairingError as exc:
        what = tr("jupytext formats do not parse: {error}", error=exc)
        return file_diagnostic(path, "MLH005", what)


def _config_file(project: Project, path: str) -> Config | Diagnostic:
    """The configuration file ``path``, read as its name says."""
    if path.endswith(".py"):
        return path, []  # not run: its notebooks pair by name
    if path.endswith(".json"):
        text = project.text(path)
        if isinstance(text, Diagnostic):
            return text
        try:
            return _groups(path, json.loads(text))
        except ValueError as exc:
            what = tr("does not parse as JSON: {error}", error=exc)
            return file_diagnostic(path, "MLH005", what)
    read = read_yaml if path.endswith((".yml", ".yaml")) else read_toml
    found = read(project.root, path)
    if isinstance(found, Diagnostic):
        return found
    return _groups(path, found.data if found else None)


def _config_in(project: Project, folder: str) -> Config | Diagnostic | None:
    """jupytext's configuration files in ``folder``, first found first."""
    for path in (posixpath.join(folder, name) for name in CONFIG_FILES):
        if (project.root / path).is_file():
            return _config_file(project, path)
    path = posixpath.join(folder, "pyproject.toml")
    found = read_toml(project.root, path)
    if not isinstance(found, ConfigFile):
        return found
    table = subtable(found.data, "tool", "jupytext")
    return _groups(path, table) if table else None


def _auto(metadata: dict[str, Any]) -> str | None:
    extension = (subtable(metadata, "language_info") or {}).get("file_extension")
    language = (subtable(metadata, "kernelspec") or {}).get("language")
    if isinstance(extension, str):
        return extension
    return ".py" if language in (None, "python") else None


def _declared(path: str, formats: Any, auto: str | None, origin: str) -> Pairing:
    """The pairing that ``formats`` declare for the notebook ``path``."""
    fmts = long_forms(formats, auto)
    pairs = [(p, f) for p, f in paired_paths(path, fmts) if p.endswith(".py")]
    if not pairs:
        return Pairing("", origin)
    plain = {"extension": ".py"}
    written = [{**f, "format_name": "percent"} if f == plain else f for f in fmts]
    header = ",".join(short_form(fmt) for fmt in written)
    return Pairing(pairs[0][0], origin, pairs[0][1].get("format_name", ""), header)


def _pairing(project: Project, notebook: Notebook) -> Pairing | Diagnostic:
    """By the notebook's formats, else the closest configuration, else by name."""
    path, metadata = notebook.path, subtable(notebook.data, "metadata") or {}
    formats = (subtable(metadata, "jupytext") or {}).get("formats")
    formats, auto = formats or metadata.get("jupytext_formats"), _auto(metadata)
    if formats:
        shown = formats if isinstance(formats, str) else ",".join(map(str, formats))
        origin = tr("its jupytext formats '{formats}'", formats=shown)
        try:
            return _declared(path, formats, auto, origin)
        except PairingError as exc:
            return Pairing("", origin, error=str(exc))
    config = project.config(posixpath.dirname(path))
    if isinstance(config, Diagnostic):
        return config
    origin, groups = config or ("", [])
    for group in groups:
        try:
            return replace(_declared(path, group, auto, origin), header=None)
        except PairingError:
            continue
    return _by_name(project, path)


def paired_with(path: str, formats: str) -> list[str]:
    """The paths ``formats`` pair with ``path`` (none when they do not fit it)."""
    try:
        return [paired for paired, _ in paired_paths(path, long_forms(formats))]
    except PairingError:
        return []


def below(path: str, folders: Sequence[str]) -> str | None:
    """``path`` below the first of ``folders`` holding it (a name without ``/``
    matches at any depth), else None."""
    for folder in (f.strip("/") for f in folders if f.strip("/")):
        anywhere = "" if "/" in folder else "(?:.*/)?"
        match = re.match(f"{anywhere}{re.escape(folder)}/", path)
        if match:
            return path[match.end() :]
    return None


def _by_name(project: Project, path: str) -> Pairing:
    """The same-stem script in a script folder (the notebook's folders below its
    notebook folder kept, or not), else beside the notebook."""
    stem, rel = path[: -len(".ipynb")], below(path, project.notebook_dirs)
    tails = dict.fromkeys([(rel or path)[: -len(".ipynb")], posixpath.basename(stem)])
    dirs = [d.strip("/") for d in project.script_dirs if d.strip("/")]
    paths = list(dict.fromkeys([f"{d}/{t}.py" for d in dirs for t in tails]))
    paths.append(stem + ".py")
    script = next((p for p in paths if (project.root / p).is_file()), paths[0])
    top = path[: len(path) - len(rel)].rstrip("/") if rel else ""
    header = f"{top}///ipynb,{dirs[0]}///py:percent" if dirs and top else ""
    header = header if script != stem + ".py" else "ipynb,py:percent"
    fits = script in paired_with(path, header)
    others = tuple(p for p in paths if p != script)
    return Pairing(script, header=header if fits else None, others=others)
