"""mlhooks init: the files it writes whole (README, .gitignore, layout folders), and the
ground the rest of it stands on.

A ``Change`` is one file before and after. ``Text`` keeps what a file is written in
(newlines, byte order mark) so that an edited file differs only where something was
added. A README is written only where none exists; an existing one is asked
check-readme-sections' question (which sections are missing, named by the skeleton's
headings in the output language) and left as it is. The layout folders are the ones
check-project-layout reports missing, each given the ``.gitkeep`` its fix would write.
The comments of the files init writes are in the output language: a template marks
each one ``# <key>``, and the module writing it says what the comment reads.
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Mapping

from mlhooks._cli import Context, Hook, hook_settings, run_check
from mlhooks._config import ConfigError, Settings
from mlhooks._files import Repo
from mlhooks._i18n import N_, language, listing, tr

TEMPLATES = Path(__file__).with_name("templates")
BOM = "\ufeff"
HOOK = "check-readme-sections"
README_NAMES = {"readme", "readme.md", "readme.markdown", "readme.rst", "readme.txt"}
COMMENT = re.compile(r"(?m)^([ \t]*)(.*?# )<([\w-]+)>$")  # a comment to fill in
GITIGNORE = {
    "python": N_("Python"),
    "environments": N_("Virtual environments and secrets"),
    "caches": N_("Tool caches"),
    "experiments": N_("Experiment tracking (MLflow)"),
}


def template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def render(name: str, comments: Mapping[str, str]) -> str:
    """The template ``name`` with each ``# <key>`` comment in the output language;
    a comment of several lines goes on as ``#`` lines at the same indentation."""

    def fill(match: re.Match[str]) -> str:
        indent, lead, key = match.groups()
        return indent + lead + tr(comments[key]).replace("\n", f"\n{indent}# ")

    return COMMENT.sub(fill, template(name))


def commented(text: str) -> str:
    """``text`` (lines apart by ``\\n``) in the output language, as ``#`` lines."""
    return "".join(f"# {line}\n" for line in tr(text).split("\n"))


HOOKS: dict[str, Hook] = {}  # handed down by the umbrella command: see use_hooks


def use_hooks(hooks: Iterable[Hook]) -> None:
    """The hooks init consults. The ``mlhooks`` command passes them down: modules
    with a leading underscore never import a hook."""
    HOOKS.clear()
    HOOKS.update((hook.id, hook) for hook in hooks)


def load_hook(hook_id: str) -> Hook:
    """The ``Hook`` record of ``hook_id``, among those handed down."""
    return HOOKS[hook_id]


def project_settings(hook_id: str, table: dict[str, Any], where: str) -> Settings:
    """The settings the project gives the hook ``hook_id``."""
    return hook_settings(load_hook(hook_id), table, where, {})


@dataclass(frozen=True)
class Text:
    """A file's text with ``\\n`` newlines, and how to write it back the same way."""

    raw: bytes
    body: str
    bom: bool = False
    crlf: bool = False

    @classmethod
    def read(cls, root: Path, path: str) -> Text | None:
        """``root/path`` (None when it is no file); ConfigError unless it is UTF-8."""
        if not (root / path).is_file():
            return None
        raw = (root / path).read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            message = N_("{path}: not valid UTF-8; re-save it as UTF-8")
            raise ConfigError(tr(message, path=path)) from None
        bom = text.startswith(BOM)
        text = text.removeprefix(BOM)
        crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
        return cls(raw, text.replace("\r\n", "\n") if crlf else text, bom, crlf)

    def encode(self, body: str) -> bytes:
        """``body`` (``\\n`` newlines) written as this file is written."""
        body = body.replace("\n", "\r\n") if self.crlf else body
        return ((BOM if self.bom else "") + body).encode("utf-8")


@dataclass
class Change:
    """One file: its bytes before (None: it does not exist) and after."""

    path: str
    old: bytes | None
    new: bytes
    added: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @classmethod
    def kept(cls, root: Path, path: str, note: str = "") -> Change:
        """The existing file ``root/path``, left as it is."""
        raw = (root / path).read_bytes()
        return cls(path, raw, raw, notes=[note] if note else [])

    @property
    def changed(self) -> bool:
        return self.old != self.new


class Listed(Repo):
    """A project whose files are the ones given, tracked by git or not."""

    def __init__(self, root: Path, names: Iterable[str]) -> None:
        super().__init__(root, in_git=False)
        self.names = sorted(set(names))

    @cached_property
    def tracked(self) -> list[str]:
        return self.names


def readme_gaps(repo: Repo, table: dict[str, Any], where: str) -> list[str]:
    """The sections check-readme-sections finds missing from the README."""
    hook = load_hook(HOOK)
    settings = hook_settings(hook, table, where, {})
    top = [entry.name for entry in os.scandir(repo.root) if entry.is_file()]
    listed = Listed(repo.root, [*repo.tracked, *top])
    gaps = []
    for key in settings["sections"]:
        one = Settings({**settings, "sections": [key]})
        if any(d.code == "MLH411" for d in run_check(hook, Context(listed, one))):
            gaps.append(key)
    return gaps


def skeleton() -> str:
    """The README skeleton in the output language (``${project}`` to fill in)."""
    return template(f"README.{language()}.md")


def section_headings(settings: Settings) -> dict[str, str]:
    """Each section key -> the skeleton heading that gives the README that section,
    asked of check-readme-sections itself over a README of that one heading."""
    import tempfile

    hook, found = load_hook(HOOK), {}
    headings = re.findall(r"(?m)^## (.+)$", skeleton())
    with tempfile.TemporaryDirectory() as scratch:
        folders = [Path(scratch, str(n)) for n in range(len(headings))]
        for folder, heading in zip(folders, headings):
            folder.mkdir()
            (folder / "README.md").write_text(f"# README\n\n## {heading}\n", "utf-8")
        for key in settings["sections"]:
            one = Settings({**settings, "sections": [key], "exclude": []})
            for folder, heading in zip(folders, headings):
                problems = hook.check(Context(Repo(folder, in_git=False), one))
                if not any(d.code == "MLH411" for d in problems):
                    found[key] = heading
                    break
    return found


def plan_readme(repo: Repo, table: dict[str, Any], where: str) -> Change:
    """A README skeleton in the output language, or the existing README kept."""
    names = sorted(n for n in os.listdir(repo.root) if n.lower() in README_NAMES)
    existing = [n for n in names if (repo.root / n).is_file()]
    if not existing:
        text = string.Template(skeleton())
        body = text.substitute(project=repo.root.resolve().name)
        return Change("README.md", None, body.encode("utf-8"))
    gaps = readme_gaps(repo, table, where)
    if not gaps:
        return Change.kept(repo.root, existing[0])
    headings = section_headings(hook_settings(load_hook(HOOK), table, where, {}))
    note = tr(
        "lacks the sections {sections}, which the guideline asks for; left as it is"
        " (check-readme-sections will report them)",
        sections=listing(headings.get(key, key) for key in gaps),
    )
    return Change.kept(repo.root, existing[0], note)


def plan_gitignore(root: Path) -> Change:
    """A short ML ``.gitignore`` where there is none; an existing one is kept."""
    if (root / ".gitignore").is_file():
        return Change.kept(root, ".gitignore")
    return Change(".gitignore", None, render("gitignore", GITIGNORE).encode("utf-8"))


def _creatable(root: Path, folder: str) -> bool:
    """Whether ``folder/.gitkeep`` can be written inside the project: nothing but
    folders (no file, no symlink) on the way, and no ``.gitkeep`` there yet."""
    parts = folder.split("/")
    for depth in range(1, len(parts) + 1):
        path = root.joinpath(*parts[:depth])
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            return False
    return not os.path.lexists(root / folder / ".gitkeep")


def plan_layout(repo: Repo, table: dict[str, Any], where: str) -> list[Change]:
    """A ``.gitkeep`` in each folder check-project-layout reports missing."""
    hook = load_hook("check-project-layout")
    settings = hook_settings(hook, table, where, {})
    settings = Settings({**settings, "require-source-package": False})
    changes = []
    for diag in run_check(hook, Context(repo, settings)):
        if diag.code != "MLH421":  # a missing folder
            continue
        keep = f"{diag.path}/.gitkeep"
        if _creatable(repo.root, diag.path):
            changes.append(Change(keep, None, b""))
        elif (repo.root / keep).is_file() and not (repo.root / keep).is_symlink():
            changes.append(Change.kept(repo.root, keep))
    return changes
