"""Shared fixtures: throwaway git repositories with an author of their own, and for
the end-to-end tests a snapshot of this checkout that the real pre-commit installs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
TOP = Path(__file__).resolve().parent.parent


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


@pytest.fixture(scope="session")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A clean git copy of this checkout, and its commit."""
    snapshot = tmp_path_factory.mktemp("mlhooks-snapshot")
    listed = git(TOP, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = TOP / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git(snapshot, "init", "-q", "-b", "main")
    git(snapshot, "add", "-A")
    git(snapshot, "commit", "-q", "-m", "snapshot")
    return str(snapshot), git(snapshot, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a real pre-commit run: a private PRE_COMMIT_HOME, shared by
    the session so that each hook environment is installed once, and a git author."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}


def pre_commit(cwd: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    """Run the real pre-commit; its exit status and its output."""
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    return done.returncode, done.stdout + done.stderr
