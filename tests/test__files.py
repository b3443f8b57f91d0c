from __future__ import annotations

import os
import stat

import pytest

from mlhooks._files import (
    FileProblem,
    Repo,
    decode,
    glob_match,
    read_text,
    write_atomic,
)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"x = 1\n", "x = 1\n"),
        (b"\xef\xbb\xbfx = 1\n", "x = 1\n"),
        ("# 前処理\r\n".encode(), "# 前処理\r\n"),
        (b"", ""),
    ],
)
def test_decode(data, text):
    assert decode(data, "a.py") == text


def test_non_utf8_names_the_byte_and_line():
    with pytest.raises(FileProblem) as info:
        decode(b"ok\n# caf\xe9\n", "a.py")
    assert info.value.diagnostic.as_text() == (
        "a.py:2:1: MLH001 not valid UTF-8 (byte 0xe9 at offset 8); re-save the file"
        " as UTF-8"
    )


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_is_named(bom):
    with pytest.raises(FileProblem) as info:
        decode(bom + "# 目的\n".encode("utf-16-le"), "README.md")
    assert info.value.diagnostic.as_text() == (
        "README.md: MLH001 UTF-16 text; re-save the file as UTF-8"
    )


def test_binary_is_reported_once():
    with pytest.raises(FileProblem) as info:
        decode(b"\x89PNG\r\n\x1a\n\0\0", "logo.md")
    assert info.value.diagnostic.as_text() == (
        "logo.md: MLH002 binary file (contains NUL bytes); skipped"
    )


def test_huge_file(tmp_path):
    (tmp_path / "big.py").write_bytes(b"x" * (3 << 20))
    with pytest.raises(FileProblem) as info:
        read_text(tmp_path, "big.py", max_bytes=1 << 20)
    assert info.value.diagnostic.as_text() == (
        "big.py: MLH004 file is 3.0 MiB, over the 1 MiB limit; skipped"
    )


def test_write_atomic_keeps_mode_and_skips_unchanged(tmp_path):
    target = tmp_path / "run.sh"
    target.write_bytes(b"old\n")
    target.chmod(0o751)
    assert write_atomic(target, b"new\r\n") is True
    assert target.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o751
    before = target.stat().st_mtime_ns, target.stat().st_ino
    assert write_atomic(target, b"new\r\n") is False
    assert (target.stat().st_mtime_ns, target.stat().st_ino) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.sh"]


def test_write_atomic_creates_parents_and_follows_links(tmp_path):
    assert write_atomic(tmp_path / "a" / "b" / ".gitkeep", b"") is True
    assert (tmp_path / "a" / "b" / ".gitkeep").read_bytes() == b""
    real = tmp_path / "real.txt"
    real.write_bytes(b"1")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, b"2")
    assert link.is_symlink() and real.read_bytes() == b"2"


def test_new_file_gets_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_repo_in_git(make_files):
    root = make_files({"a.py": "", "pkg/sub/b.py": "", "data/x.csv": "1\n"})
    (root / "untracked.py").write_text("")
    (root / ".gitignore").write_text("/data/\n*.log\n")
    repo = Repo(root)
    assert repo.in_git
    assert repo.tracked == ["a.py", "data/x.csv", "pkg/sub/b.py"]
    assert repo.tracked_dirs == {"data", "pkg", "pkg/sub"}
    assert "a.py" in repo.tracked_set
    assert repo.ignored(["data/", "data/raw/", "run.log", "a.py", "models/"]) == {
        "data/",
        "data/raw/",
        "run.log",
    }


def test_repo_subfolder_lists_relative_paths(make_files):
    root = make_files({"examples/demo/a.py": "", "top.py": ""})
    assert Repo(root / "examples" / "demo").tracked == ["a.py"]


def test_repo_outside_git_walks_the_tree(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "x.py").write_text("")
    repo = Repo(tmp_path)
    assert not repo.in_git
    assert repo.tracked == ["pkg/a.py"]
    assert repo.ignored(["pkg/"]) == set()


@pytest.mark.parametrize(
    ("path", "glob", "expected"),
    [
        ("notebooks/a.ipynb", "*.ipynb", True),
        ("a.py", "*.ipynb", False),
        ("examples/demo/a.py", "examples/", True),
        ("examples/demo/a.py", "examples", True),
        ("examples/demo/a.py", "demo", True),
        ("src/examples.py", "examples/", False),
        ("tests/test_x.py", "tests/*.py", True),
        ("tests/deep/test_x.py", "tests/*.py", True),
        ("pkg/tests/x.py", "tests/*.py", False),
        ("data/raw/x.csv", "data/raw", True),
    ],
)
def test_glob_match(path, glob, expected):
    assert glob_match(path, glob) is expected


@pytest.mark.parametrize("name", ["trailing ", "ends\nwith newline", "日本語 フォルダ"])
def test_git_root_keeps_odd_folder_names(tmp_path, name):
    from conftest import git

    from mlhooks._files import git_root

    folder = tmp_path / name
    folder.mkdir()
    git(folder, "init", "-q")
    assert git_root(folder) == folder


def test_a_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pyproject.toml")
    with pytest.raises(FileProblem) as info:
        read_text(tmp_path, "pyproject.toml")
    assert info.value.diagnostic.as_text() == (
        "pyproject.toml: MLH002 not a regular file; skipped"
    )
