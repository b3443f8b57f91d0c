"""mlhooks init: where the mlhooks hooks come from, for ``.pre-commit-config.yaml``.

``--repo`` and ``--rev`` say it; else the way mlhooks was installed does
(``direct_url.json``, PEP 610): a git install names the repository and the revision
asked for, an install from a folder names the folder, which pre-commit accepts as a
repository, at its tag or else its commit. A folder is no repository other clones or
CI can reach, and pre-commit runs its hooks as committed, so init warns about both.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from mlhooks._config import ConfigError
from mlhooks._files import GitError, git
from mlhooks._i18n import N_, tr

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SCP = re.compile(r"^([\w.-]+@[\w.-]+):(?!//)(.+)$")  # git@github.com:team/repo.git
LOCAL = N_(
    "the mlhooks hooks come from the folder {folder}, which other clones and CI"
    " cannot reach; to share them, pass --repo with a URL they can reach"
)
DIRTY = N_(
    "the folder {folder} has uncommitted changes: pre-commit will run the hooks as"
    " of commit {rev}, not the ones installed; commit them, or pass --repo and --rev"
)


def folder_rev(folder: Path) -> str:
    """The tag at the folder's checked-out commit, else the commit ('' if none)."""
    for args in (("describe", "--tags", "--exact-match"), ("rev-parse", "HEAD")):
        try:
            out = git(folder, *args, ok=(0, 128))
        except GitError:
            return ""
        if out and out.strip():
            return out.decode("utf-8", "replace").strip()
    return ""


def folder_dirty(folder: Path) -> bool:
    """Whether files git tracks in ``folder`` have changes not yet committed."""
    try:
        out = git(folder, "status", "--porcelain", "--untracked-files=no")
    except GitError:
        return False
    return bool(out and out.strip())


def installed_source() -> tuple[str, str]:
    """Repository and revision of this mlhooks' install ('' for what is unknown)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        text = distribution("mlhooks").read_text("direct_url.json")
        info = json.loads(text) if text else {}
    except (PackageNotFoundError, ValueError):
        return "", ""
    url = str(info.get("url", "")) if isinstance(info, dict) else ""
    vcs = info.get("vcs_info") if isinstance(info, dict) else None
    if isinstance(vcs, dict):
        return url, str(vcs.get("requested_revision") or vcs.get("commit_id") or "")
    if isinstance(info, dict) and "dir_info" in info and url.startswith("file:"):
        folder = Path(url2pathname(unquote(urlparse(url).path)))
        return str(folder), folder_rev(folder)
    return "", ""


class Source:
    """The mlhooks repository and revision, worked out when first needed."""

    def __init__(self, repo: str | None, rev: str | None) -> None:
        self.repo, self.rev = repo or "", rev or ""
        self.dirty = False  # the revision is a folder's commit, the folder changed

    @cached_property
    def found(self) -> tuple[str, str]:
        url, rev = self.repo, self.rev
        if url and Path(url).expanduser().is_dir():  # a clone on this machine
            folder = Path(url).expanduser().resolve()
            url, rev = str(folder), rev or folder_rev(folder)
        elif not url:
            url, installed = installed_source()
            rev = rev or installed
        if not url:
            message = N_(
                "cannot tell where the mlhooks hooks come from (mlhooks was not"
                " installed from a git repository or a folder); pass --repo URL and"
                " --rev REV"
            )
            raise ConfigError(tr(message))
        if not rev:
            message = N_("no revision of {url} to pin; pass --rev with a tag or commit")
            raise ConfigError(tr(message, url=url))
        self.dirty = not self.rev and is_local(url) and folder_dirty(Path(url))
        return url, rev

    def __call__(self) -> tuple[str, str]:
        return self.found

    def pinned(self) -> tuple[str, str] | None:
        """Repository and revision, None when they cannot be told."""
        try:
            return self.found
        except ConfigError:
            return None

    def notes(self, url: str) -> list[str]:
        """The warnings about hooks pinned from ``url`` (at this source's revision)."""
        notes = [tr(LOCAL, folder=url)] if is_local(url) else []
        if self.pinned() and self.dirty:
            notes.append(tr(DIRTY, folder=self.found[0], rev=self.found[1]))
        return notes


def is_local(url: str) -> bool:
    """Whether the repository ``url`` is a folder on this machine."""
    return not URL.match(url) and not SCP.match(url)


def pip_url(url: str) -> str:
    """``url`` as pip spells a git repository (``user@host:path`` as ssh)."""
    scp = SCP.match(url)
    return f"ssh://{scp.group(1)}/{scp.group(2)}" if scp else url
