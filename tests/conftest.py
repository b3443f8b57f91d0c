"""Shared fixtures: throwaway git repositories with an author of their own."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Callable, Iterator

import pytest

GIT_ENV = {
    "GIT_AUTHOR_NAME": "mlhooks tests",
    "GIT_AUTHOR_EMAIL": "tests@mlhooks.invalid",
    "GIT_COMMITTER_NAME": "mlhooks tests",
    "GIT_COMMITTER_EMAIL": "tests@mlhooks.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(
        ("git", *args), cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages in English whatever the machine's locale; Japanese is asked for,
    and a test that asked leaves English behind for the next one."""
    from mlhooks._i18n import set_language

    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    set_language("en")


@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty git repository as the current folder."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    monkeypatch.chdir(repo)
    return repo


@pytest.fixture
def make_files(git_repo: Path) -> Callable[..., Path]:
    """Write ``{path: text}`` into the repository and ``git add`` them."""

    def make(files: dict[str, str | bytes], track: bool = True) -> Path:
        for name, content in files.items():
            path = git_repo / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        if track and files:
            git(git_repo, "add", "--", *files)
        return git_repo

    return make
