"""The plan of ``mlhooks init``: what each file gets, then the diff or the writes.

``_init`` holds the command's flags and entry point; this module is imported only when
init runs, so the other commands do not pay for its imports.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Callable

from mlhooks._cli import project_root
from mlhooks._config import ConfigError, read_config
from mlhooks._configfiles import ConfigFiles
from mlhooks._files import Repo, write_atomic
from mlhooks._i18n import N_, set_language, tr
from mlhooks._initci import GITLAB, github_workflow, gitlab_ci
from mlhooks._initfiles import (
    Change,
    Text,
    plan_gitignore,
    plan_layout,
    plan_readme,
    project_settings,
)
from mlhooks._initlint import (
    INI_FILES,
    lint_findings,
    plan_flake8,
    plan_pyproject,
    uses_ruff,
)
from mlhooks._initprecommit import plan_precommit
from mlhooks._initreport import (
    Findings,
    diff,
    existing_findings,
    install,
    next_steps,
    status,
)
from mlhooks._initsource import Source
from mlhooks._linters import PYPROJECT, TOOLS, read_tools
from mlhooks._precommit import PRE_COMMIT, PreCommit


def _read_configs(root: Path, ci: str | None) -> tuple[ConfigFiles, PreCommit]:
    """Every configuration file init reads; ConfigError naming a broken one."""
    files = ConfigFiles(root)
    pre = PreCommit.read(files)
    files.toml(PYPROJECT)
    for name in INI_FILES:
        files.ini(name)
    if ci == "gitlab":
        files.yaml(GITLAB)
    for problem in files.problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        message = N_("{where}: {problem}; nothing was written")
        raise ConfigError(tr(message, where=where, problem=problem.message))
    return files, pre


def _tooling(
    files: ConfigFiles, pre: PreCommit, table: dict[str, Any], args: dict[str, Any]
) -> tuple[list[Change], Callable[[], tuple[str, str]]]:
    """pre-commit, pyproject.toml and flake8, and where the mlhooks hooks come from.
    With ruff (where allowed), only the linters in use get settings."""
    root = files.root
    tools = read_tools(files, pre)
    allow_ruff = project_settings("check-lint-config", table, PYPROJECT)["allow-ruff"]
    use_ruff = allow_ruff and uses_ruff(files, pre)
    linters = tuple(tools) if use_ruff else TOOLS
    pyproject, length = plan_pyproject(root, tools, args.get("lang"), linters)
    config = files.yaml(PRE_COMMIT)
    text, data = Text.read(root, PRE_COMMIT), config.data if config else None
    source = Source(args.get("repo"), args.get("rev"))
    precommit, ours = plan_precommit(text, data, allow_ruff, use_ruff, source)
    flake8 = plan_flake8(files, tools, length) if "flake8" in linters else None
    mlhooks_source = (lambda: ours) if ours else source
    return [precommit, pyproject, *([flake8] if flake8 else [])], mlhooks_source


def plan(repo: Repo, args: dict[str, Any]) -> list[Change]:
    """Every file init writes or keeps, in the order they are reported."""
    root, ci = repo.root, args.get("ci")
    files, pre = _read_configs(root, ci)
    table, where = read_config(root, None)
    set_language(args.get("lang") or table.get("lang"))
    changes, mlhooks_source = _tooling(files, pre, table, args)
    if ci == "github":
        changes.append(github_workflow(root))
    elif ci == "gitlab":
        gitlab = files.yaml(GITLAB)
        data = gitlab.data if gitlab else None
        changes.append(gitlab_ci(root, data, mlhooks_source))
    changes += [plan_readme(repo, table, where), plan_gitignore(root)]
    if args.get("layout"):
        changes += plan_layout(repo, table, where)
    _lint_notes(root, changes, table)
    return changes


def _lint_notes(root: Path, changes: list[Change], table: dict[str, Any]) -> None:
    """Note under each file what check-lint-config will still report there."""
    by_path = {change.path: change for change in changes}
    for diag in lint_findings(root, changes, table):
        if diag.path not in by_path and (root / diag.path).is_file():
            by_path[diag.path] = Change.kept(root, diag.path)
            changes.append(by_path[diag.path])
        note = N_("left as it is; check-lint-config will report it: {finding}")
        target = by_path.get(diag.path, changes[0])
        target.notes.append(tr(note, finding=f"{diag.code} {diag.message}"))


def shown_as(root: Path) -> Callable[[str], str]:
    """How a root-relative path is shown: from the current folder."""
    if root.resolve() == Path.cwd().resolve():
        return str
    return lambda path: os.path.relpath(root / path).replace(os.sep, "/")


def write(
    repo: Repo, changes: list[Change], args: dict[str, Any], findings: Findings
) -> list[str]:
    """Write the changed files, install the git hook; the lines that follow."""
    had_files = repo.in_git and bool(repo.tracked)
    for change in changes:
        if change.changed:
            write_atomic(repo.root / change.path, change.new)
    lines, installed = [], False
    if repo.in_git and not args.get("no_install") and shutil.which("pre-commit"):
        installed, line = install(repo.root)
        lines.append(line)
    if not any(change.changed for change in changes):
        lines.append(tr("Nothing to change."))
    skip = {change.path for change in changes}
    found = existing_findings(Repo(repo.root), skip, findings) if had_files else 0
    folders = 0
    if not args.get("layout"):  # say what --layout would add
        table, where = read_config(repo.root, None)
        folders = sum(c.changed for c in plan_layout(repo, table, where))
    return lines + next_steps(repo, changes, installed, found, folders)


def run_init(path: Path, args: dict[str, Any], findings: Findings) -> int:
    """Plan, then print the diff (``--dry-run``) or write and say what next;
    ``findings`` gives the project's findings (for the ``mlhooks baseline`` hint)."""
    repo = project_root(path)
    dry_run, shown = bool(args.get("dry_run")), shown_as(repo.root)
    changes = plan(repo, args)
    for change in changes if dry_run else []:
        print(diff(change), end="") if change.changed else None
    lines = [line for c in changes for line in status(c, shown(c.path), dry_run)]
    if dry_run:
        lines.append(tr("Dry run: nothing was written."))
    else:
        lines += write(repo, changes, args, findings)
    print("\n".join(lines))
    return 0
