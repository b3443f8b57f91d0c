"""The hooks a repository's ``.pre-commit-config.yaml`` runs: ids, args, revisions.

Hooks that judge a repository's tooling ask here whether pre-commit runs black, isort,
flake8 or any other hook, with which ``args`` and at which ``rev``. The file is read
(never run, nothing installed) through ``ConfigFiles``, so a broken one is reported
there once (MLH005, MLH001, ...); a file without a ``repos`` list is MLH005 too.
A *name* is a hook id, or one of the tools in ``TOOL_HOOKS``, which stands for every
hook that runs that tool (``black`` also means ``black-jupyter``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from mlhooks._configfiles import ConfigFiles
from mlhooks._diagnostics import file_diagnostic
from mlhooks._i18n import tr

PRE_COMMIT = ".pre-commit-config.yaml"
TOOL_HOOKS = {
    "black": frozenset({"black", "black-jupyter"}),
    "isort": frozenset({"isort"}),
    "flake8": frozenset({"flake8", "pflake8", "pyproject-flake8"}),
}
# ruff's hooks, which stand in for a tool where a project allows it.
RUFF_HOOKS = {
    "black": frozenset({"ruff-format"}),
    "isort": frozenset({"ruff", "ruff-check"}),
    "flake8": frozenset({"ruff", "ruff-check"}),
}
# Where each tool's hook lives, and the release a new configuration pins.
TOOL_REPOS = {
    "black": ("https://github.com/psf/black-pre-commit-mirror", "26.10.1"),
    "isort": ("https://github.com/pycqa/isort", "9.0.2"),
    "flake8": ("https://github.com/pycqa/flake8", "7.5.0"),
}
VERSION = re.compile(r"v?(\d+(?:\.\d+)+)")


def hook_ids(name: str, allow_ruff: bool = False) -> frozenset[str]:
    """The hook ids that run ``name`` (a tool of TOOL_HOOKS, or a hook id)."""
    ruff = RUFF_HOOKS.get(name, frozenset()) if allow_ruff else frozenset()
    return TOOL_HOOKS.get(name, frozenset({name})) | ruff


def parse_version(rev: str) -> tuple[int, ...] | None:
    """``v23.1.0`` -> (23, 1, 0), ``20.8b1`` -> (20, 8); None for a branch or commit."""
    match = VERSION.match(rev.strip())
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


@dataclass(frozen=True)
class PreCommit:
    """The hooks ``.pre-commit-config.yaml`` runs, in its order, as plain mappings.

    Each hook is its mapping from the file plus its repository's ``repo`` and ``rev``
    (strings, '' when absent). ``parsed`` is False when the file is absent or broken.
    """

    parsed: bool = False
    hooks: tuple[dict[str, Any], ...] = ()

    @classmethod
    def read(cls, files: ConfigFiles) -> PreCommit:
        """The configuration in ``files.root``; problems go to ``files.problems``."""
        file = files.yaml(PRE_COMMIT)
        data = file.data if file else None
        repos = data.get("repos") if isinstance(data, dict) else data
        if data is not None and not isinstance(repos, list):
            message = tr("is not a pre-commit configuration: it has no 'repos' list")
            files.problems.append(file_diagnostic(PRE_COMMIT, "MLH005", message))
            return cls()
        hooks = [
            {**hook, "repo": str(repo.get("repo", "")), "rev": str(repo.get("rev", ""))}
            for repo in repos or []
            if isinstance(repo, dict) and isinstance(repo.get("hooks"), list)
            for hook in repo["hooks"]
            if isinstance(hook, dict) and isinstance(hook.get("id"), str)
        ]
        return cls(file is not None, tuple(hooks))

    def hook(self, name: str, allow_ruff: bool = False) -> dict[str, Any]:
        """The first hook that runs ``name``; an empty mapping when none does."""
        ids = hook_ids(name, allow_ruff)
        return next((hook for hook in self.hooks if hook["id"] in ids), {})

    def runs(self, name: str, allow_ruff: bool = False) -> bool:
        return bool(self.hook(name, allow_ruff))

    def args(self, name: str) -> list[str]:
        """The ``args`` of the first hook that runs ``name``, as strings."""
        args = self.hook(name).get("args")
        return [str(arg) for arg in args] if isinstance(args, list) else []

    def flags(self, name: str, flags: Mapping[str, str]) -> dict[str, str]:
        """Values the hook's args give ``flags`` (flag -> setting name), read as
        argparse does: ``--flag=value`` or ``--flag value``, the last one winning."""
        args, found = self.args(name), {}
        for index, arg in enumerate(args):
            flag, equals, value = arg.partition("=")
            if flag in flags:
                following = args[index + 1] if index + 1 < len(args) else ""
                found[flags[flag]] = value if equals else following
        return found

    def version(self, name: str) -> tuple[int, ...] | None:
        """The ``rev`` of the first hook that runs ``name`` as numbers; None when it
        is not a version (a branch, a commit, a local hook) or nothing runs ``name``."""
        return parse_version(str(self.hook(name).get("rev", "")))

    def flake8_reads_pyproject(self) -> str:
        """'first' with the Flake8-pyproject plugin, 'last' with pyproject-flake8
        (which reads pyproject.toml after flake8's own files), else ''."""
        for hook in self.hooks:
            entry = str(hook.get("entry", "")).split()[:1]
            if hook["id"] in TOOL_HOOKS["flake8"] - {"flake8"} or entry == ["pflake8"]:
                return "last"
            deps = hook.get("additional_dependencies")
            for dep in deps if isinstance(deps, list) else []:
                name = re.split(r"[<>=!~\[;@\s]", str(dep).strip(), maxsplit=1)[0]
                if name.lower().replace("_", "-") == "flake8-pyproject":
                    return "first"
        return ""
