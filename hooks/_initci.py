"""mlhooks init: a CI job that runs every hook on every change.

The guideline's teams review in GitLab or GitHub; a CI job runs the same pre-commit
hooks as the commits, so a change that skipped them locally is still checked. GitHub
Actions gets its own workflow file; GitLab CI gets a job appended to
``.gitlab-ci.yml`` (as text, the file kept as it is) that also publishes mlhooks'
findings as a Code Quality report, which merge requests show. Their comments are in
the output language; a workflow init wrote in either language counts as its own.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any, Callable

from mlhooks._config import ConfigError
from mlhooks._i18n import LANGUAGES, N_, language, set_language, tr
from mlhooks._initfiles import Change, Text, render
from mlhooks._initsource import is_local, pip_url
from mlhooks._inityaml import scalar

GITHUB = ".github/workflows/mlhooks.yml"
GITLAB = ".gitlab-ci.yml"
JOB = "mlhooks"
COMMENTS = {
    "about-github": N_(
        "Runs every pre-commit hook (the linters and the mlhooks checks of the ML\n"
        "model-development guideline) on every push to main or master and every pull"
        " request."
    ),
    "about-gitlab": N_(
        "Runs every pre-commit hook (the linters and the mlhooks checks of the ML\n"
        "model-development guideline); merge requests show mlhooks' findings as Code"
        " Quality."
    ),
    "own-before-script": N_("not the pipeline's default before_script"),
}


def pip_install(url: str, rev: str) -> str:
    """The command that installs pre-commit and mlhooks from ``url`` at ``rev``."""
    target = url if is_local(url) else f"mlhooks @ git+{pip_url(url)}@{rev}"
    return f"pip install pre-commit {shlex.quote(target)}"


def workflows() -> list[str]:
    """The workflow init writes: in the output language first, then in the others."""
    current, found = language(), []
    try:
        for lang in (current, *LANGUAGES):
            set_language(lang)
            found.append(render("github-workflow.yml", COMMENTS))
    finally:
        set_language(current)
    return found


def github_workflow(root: Path) -> Change:
    """The workflow, or the existing one kept (with a note when it differs from
    the one init writes, in any language)."""
    text, written = Text.read(root, GITHUB), workflows()
    if text is None:
        return Change(GITHUB, None, written[0].encode("utf-8"))
    change = Change(GITHUB, text.raw, text.raw)
    if text.body not in written:
        change.notes.append(
            tr("differs from the workflow mlhooks init writes; left as it is")
        )
    return change


def gitlab_job(stages: Any, install: str) -> str:
    """The job's text; in the ``.pre`` stage when the pipeline has no ``test``."""
    job = render("gitlab-ci.yml", COMMENTS).replace("<install>", scalar(install))
    if isinstance(stages, list) and "test" not in stages:
        job = job.replace(f"\n{JOB}:\n", f"\n{JOB}:\n  stage: .pre\n", 1)
    return job


def gitlab_ci(root: Path, data: Any, source: Callable[[], tuple[str, str]]) -> Change:
    """``.gitlab-ci.yml`` with the job appended, unless a job of its name exists."""
    text = Text.read(root, GITLAB)
    if data is not None and not isinstance(data, dict):
        message = N_("{path}: not a GitLab CI configuration (no mapping of jobs)")
        raise ConfigError(tr(message, path=GITLAB))
    if text is not None and isinstance(data, dict) and JOB in data:
        return Change(GITLAB, text.raw, text.raw)
    stages = data.get("stages") if isinstance(data, dict) else None
    job = gitlab_job(stages, pip_install(*source()))
    if text is None:
        return Change(GITLAB, None, job.encode("utf-8"), [JOB])
    body = text.body
    gap = "" if not body.strip() else "\n" if body.endswith("\n") else "\n\n"
    return Change(GITLAB, text.raw, text.encode(f"{body}{gap}{job}"), [JOB])
