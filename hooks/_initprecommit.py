"""mlhooks init: ``.pre-commit-config.yaml``, created, or merged into as text.

The guideline asks for black, isort and flake8 on every change, and mlhooks' own hooks
keep the rest of it; pre-commit runs them all. An existing configuration keeps every
byte (comments, order, quoting): PyYAML only tells what is there and where (its node
marks), and what is missing is inserted as text with the file's own indentation. A
hook counts as present when any repository runs it (a local hook, ruff for a linter
where check-lint-config allows it, a notebook hook's twin); a repository already
listed gets its missing hooks in its own ``hooks:`` list, never a second entry. A
project that uses ruff gets ruff's hooks for the linters nothing runs yet. The
mlhooks repository listed at another revision than init would pin gets nothing: that
revision may lack the hooks, so a note says how to update it first. A new
configuration opens with a comment in the output language.
"""

from __future__ import annotations

from typing import Any

import yaml

from mlhooks._config import ConfigError, known_hook_ids
from mlhooks._i18n import N_, listing, tr
from mlhooks._initfiles import Change, Text, commented, load_hook
from mlhooks._initsource import Source
from mlhooks._inityaml import ConfigText, Entry, same_url
from mlhooks._linters import TOOLS
from mlhooks._precommit import PRE_COMMIT, TOOL_REPOS, PreCommit, parse_version

HEADER = {  # by whether ruff stands in for the linters
    False: N_(
        "pre-commit runs these hooks on every commit: black, isort and flake8, and"
        " the\nmlhooks checks of the ML model-development guideline.\n"
        "Run them all with: pre-commit run --all-files"
    ),
    True: N_(
        "pre-commit runs these hooks on every commit: ruff (lint and format), and"
        " the\nmlhooks checks of the ML model-development guideline.\n"
        "Run them all with: pre-commit run --all-files"
    ),
}
# ruff's hooks and the release a new configuration pins; "ruff-check" is the linter's
# id from v0.11.9 on ("ruff" before, still an alias).
RUFF_REPO = ("https://github.com/astral-sh/ruff-pre-commit", "v0.14.0")
RUFF_FOR = {"black": "ruff-format", "isort": "ruff-check", "flake8": "ruff-check"}
RUFF_CHECK_SINCE = (0, 11, 9)
# The order of the README's quick start: the repository first, then code, notebooks,
# data and experiments.
ORDER = (
    "check-required-files",
    "check-readme-sections",
    "check-project-layout",
    "check-lint-config",
    "check-dead-code",
    "check-commented-code",
    "check-docstring-args",
    "check-notebook-pairing",
    "strip-notebook-outputs",
    "check-notebook-outputs",
    "check-dvc",
    "check-mlflow",
    "check-reproducibility",
)
NOT_REMOTE = ("local", "meta")
NOT_CONFIG = N_("{path}: not a pre-commit configuration (not a mapping with repos)")
OLD_REV = N_(
    "lacks the mlhooks hooks {ids}, which {url} at {rev} may not have (mlhooks init"
    " would pin {pinned}); run `pre-commit autoupdate --repo {url}`, then"
    " `mlhooks init` again"
)


def mlhooks_ids() -> list[str]:
    """Every mlhooks hook id in the quick start's order, a checking twin left out
    where its fixer runs too."""
    hooks = [load_hook(hook_id) for hook_id in known_hook_ids()]
    fixers = {hook.id for hook in hooks if hook.fixable}
    ids = [hook.id for hook in hooks if hook.twin not in fixers or hook.fixable]
    return sorted(ids, key=lambda i: (ORDER.index(i) if i in ORDER else len(ORDER), i))


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


def _listed_rev(data: Any, url: str) -> str | None:
    """The ``rev`` of the repository ``url`` when the configuration lists it."""
    repos = _repo_list(data)
    revs = [str(r.get("rev", "")) for r in repos if same_url(str(r.get("repo")), url)]
    return revs[0] if revs else None


def _wanted(pre: PreCommit, allow_ruff: bool, use_ruff: bool, data: Any) -> list[Entry]:
    """The linters' repositories for the linters nothing runs yet; with ``use_ruff``,
    ruff's hooks, by the ids the listed ruff repository's revision knows."""
    tools = [tool for tool in TOOLS if not pre.runs(tool, allow_ruff)]
    if not use_ruff:
        return [Entry(*TOOL_REPOS[tool], (tool,)) for tool in tools]
    url, rev = RUFF_REPO
    version = parse_version(_listed_rev(data, url) or rev) or (0,)
    alias = {"ruff-check": "ruff"} if version < RUFF_CHECK_SINCE else {}
    wanted = {RUFF_FOR[tool] for tool in tools}
    ids = [alias.get(i, i) for i in ("ruff-check", "ruff-format") if i in wanted]
    return [Entry(url, rev, tuple(ids))] if ids else []


def _start(text: Text | None, data: Any, ruff: bool) -> str:
    """The text to insert into: the file's, with a ``repos:`` key when it is empty."""
    if text is None:
        return commented(HEADER[ruff]) + "repos:\n"
    if data is not None and not isinstance(data, dict):
        raise ConfigError(tr(NOT_CONFIG, path=PRE_COMMIT))
    if data is not None:
        return text.body
    newline = "\n" if text.body and not text.body.endswith("\n") else ""
    return f"{text.body}{newline}repos:\n"


def _mlhooks_entry(
    listed: tuple[str, str] | None, missing: tuple[str, ...], source: Source
) -> tuple[Entry | None, list[str]]:
    """Where the ``missing`` mlhooks hooks go, and the notes; None (and a note) when
    the listed repository is pinned at another revision than init would pin."""
    if listed is None:
        url, rev = source()
        return Entry(url, rev, missing), source.notes(url)
    url, rev = listed
    pinned = source.pinned()
    if pinned is not None and pinned[1] != rev:
        ids = listing(missing)
        return None, [tr(OLD_REV, ids=ids, url=url, rev=rev, pinned=pinned[1])]
    return Entry(url, rev, missing), source.notes(url)


def plan_precommit(
    text: Text | None, data: Any, allow_ruff: bool, use_ruff: bool, source: Source
) -> tuple[Change, tuple[str, str] | None]:
    """The configuration with what is missing added, and where mlhooks comes from
    (None when no repository of it is configured or added). ruff counts as the
    linters with ``allow_ruff``; ``use_ruff`` adds its hooks for those missing."""
    pre = PreCommit(True, tuple(_hooks(data)))
    entries = _wanted(pre, allow_ruff, use_ruff, data)
    ours, missing = mlhooks_repo(data), tuple(missing_mlhooks(pre))
    notes: list[str] = []
    if missing:
        entry, notes = _mlhooks_entry(ours, missing, source)
        entries += [entry] if entry else []
        ours = (entry.url, entry.rev) if entry else ours
    config = ConfigText(_start(text, data, use_ruff), PRE_COMMIT)
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
                ids=listing(lost),
            )
        )
