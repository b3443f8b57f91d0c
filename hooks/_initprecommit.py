"""mlhooks init: ``.pre-commit-config.yaml``, created, or merged into as text.

The guideline asks for black, isort and flake8 on every change, and mlhooks' own hooks
keep the rest of it; pre-commit runs them all. An existing configuration keeps every
byte (comments, order, quoting): PyYAML only tells what is there and where (its node
marks), and what is missing is inserted as text with the file's own indentation. A
hook counts as present when any repository runs it (a local hook, ruff for a linter
where check-lint-config allows it, a notebook hook's twin); a repository already
listed gets its missing hooks in its own ``hooks:`` list, never a second entry.
"""

from __future__ import annotations

from typing import Any, Callable

import yaml

from mlhooks._config import ConfigError, known_hook_ids
from mlhooks._i18n import N_, tr
from mlhooks._initfiles import Change, Text, load_hook
from mlhooks._initsource import is_local
from mlhooks._inityaml import ConfigText, Entry
from mlhooks._linters import TOOLS
from mlhooks._precommit import PRE_COMMIT, TOOL_REPOS, PreCommit

HEADER = (
    "# pre-commit runs these hooks on every commit: black, isort and flake8, and the\n"
    "# mlhooks checks of the ML model-development guideline.\n"
    "# Run them all with: pre-commit run --all-files\n"
)
NOT_REMOTE = ("local", "meta")
NOT_CONFIG = N_("{path}: not a pre-commit configuration (not a mapping with repos)")
LOCAL = N_(
    "the mlhooks hooks come from the folder {folder}, which other clones and CI"
    " cannot reach; to share them, pass --repo with a URL they can reach"
)


def mlhooks_ids() -> list[str]:
    """Every mlhooks hook id, a checking twin left out where its fixer runs too."""
    hooks = [load_hook(hook_id) for hook_id in known_hook_ids()]
    fixers = {hook.id for hook in hooks if hook.fixable}
    return [hook.id for hook in hooks if hook.twin not in fixers or hook.fixable]


def missing_mlhooks(pre: PreCommit) -> list[str]:
    """The mlhooks hooks no repository runs (a twin that runs counts)."""
    twins = {hook_id: load_hook(hook_id).twin for hook_id in known_hook_ids()}
    present = {h for h in twins if pre.runs(h)}
    present |= {twins[h] for h in present if twins[h]}
    present |= {h for h, twin in twins.items() if twin in present}
    return [hook_id for hook_id in mlhooks_ids() if hook_id not in present]


def mlhooks_repo(data: Any) -> tuple[str, str] | None:
    """``repo`` and ``rev`` of the configured repository that runs mlhooks hooks."""
    ours = set(known_hook_ids())
    for repo in _repo_list(data):
        url = str(repo.get("repo", ""))
        hooks = repo.get("hooks")
        ids = {h.get("id") for h in hooks if isinstance(h, dict)} if hooks else set()
        if url not in NOT_REMOTE and isinstance(hooks, list) and ids & ours:
            return url, str(repo.get("rev", ""))
    return None


def _repo_list(data: Any) -> list[dict[str, Any]]:
    repos = data.get("repos") if isinstance(data, dict) else None
    return [r for r in repos if isinstance(r, dict)] if isinstance(repos, list) else []


def _wanted(pre: PreCommit, allow_ruff: bool) -> list[Entry]:
    """The linters' repositories for the linters nothing runs yet."""
    tools = [tool for tool in TOOLS if not pre.runs(tool, allow_ruff)]
    return [Entry(*TOOL_REPOS[tool], (tool,)) for tool in tools]


def _start(text: Text | None, data: Any) -> str:
    """The text to insert into: the file's, with a ``repos:`` key when it is empty."""
    if text is None:
        return HEADER + "repos:\n"
    if data is not None and not isinstance(data, dict):
        raise ConfigError(tr(NOT_CONFIG, path=PRE_COMMIT))
    if data is not None:
        return text.body
    newline = "\n" if text.body and not text.body.endswith("\n") else ""
    return f"{text.body}{newline}repos:\n"


def plan_precommit(
    text: Text | None,
    data: Any,
    allow_ruff: bool,
    source: Callable[[], tuple[str, str]],
) -> tuple[Change, tuple[str, str] | None]:
    """The configuration with what is missing added, and where mlhooks comes from
    (None when no repository of it is configured or added)."""
    pre = PreCommit(True, tuple(_hooks(data)))
    entries = _wanted(pre, allow_ruff)
    ours, missing = mlhooks_repo(data), tuple(missing_mlhooks(pre))
    notes = []
    if missing:
        if ours is None:
            ours = source()
            notes += [tr(LOCAL, folder=ours[0])] if is_local(ours[0]) else []
        entries.append(Entry(ours[0], ours[1], missing))
    config = ConfigText(_start(text, data), PRE_COMMIT)
    new = []
    for entry in entries:
        node = config.repo_node(entry.url)
        if node is None:
            new.append(entry)
        else:
            config.add_hooks(node, entry.ids)
    if new:
        config.add_repos(new)
    body = config.result()
    added = [hook_id for entry in entries for hook_id in entry.ids]
    _verify(body, added)
    if text is None:
        return Change(PRE_COMMIT, None, body.encode("utf-8"), added, notes), ours
    return Change(PRE_COMMIT, text.raw, text.encode(body), added, notes), ours


def _hooks(data: Any) -> list[dict[str, Any]]:
    return [
        {**hook, "repo": str(repo.get("repo", "")), "rev": str(repo.get("rev", ""))}
        for repo in _repo_list(data)
        if isinstance(repo.get("hooks"), list)
        for hook in repo["hooks"]
        if isinstance(hook, dict) and isinstance(hook.get("id"), str)
    ]


def _verify(body: str, ids: list[str]) -> None:
    """ConfigError unless ``body`` parses and runs every hook of ``ids``."""
    try:
        pre = PreCommit(True, tuple(_hooks(yaml.safe_load(body))))
    except yaml.YAMLError:
        pre = PreCommit()
    lost = [hook_id for hook_id in ids if not pre.runs(hook_id)]
    if lost:
        raise ConfigError(
            tr(
                "{path}: its layout defeats adding {ids} as text; add them by hand",
                path=PRE_COMMIT,
                ids=", ".join(lost),
            )
        )
