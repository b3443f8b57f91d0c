from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from mlhooks._cache import Mentions, Store, blob_id, content_ids
from mlhooks._files import Repo


def words(path: str, data: bytes) -> set[str]:
    return set(data.decode().split())


def read_from(root: Path):
    def read(path: str) -> bytes | None:
        try:
            return (root / path).read_bytes()
        except OSError:
            return None

    return read


def test_blob_id_is_gits(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"x = 1\n")
    done = subprocess.run(
        ["git", "hash-object", "a.txt"], cwd=tmp_path, capture_output=True, text=True
    )
    assert blob_id(b"x = 1\n") == done.stdout.strip()


def test_content_ids_come_from_git_for_unchanged_files(make_files):
    root = make_files({"a.py": "a\n", "b.py": "b\n", "sub/c.py": "c\n"})
    (root / "b.py").write_text("changed\n")
    (root / "untracked.py").write_text("u\n")
    (root / "sub/c.py").unlink()
    assert content_ids(Repo(root)) == {
        "a.py": blob_id(b"a\n"),
        "b.py": None,
        "sub/c.py": None,
    }


def test_content_ids_outside_git_are_all_hashed(tmp_path):
    (tmp_path / "a.py").write_text("a\n")
    assert content_ids(Repo(tmp_path, in_git=False)) == {"a.py": None}


def test_store_round_trip_and_gitignore(tmp_path):
    store = Store(tmp_path, "hook", "v1")
    store.put("mab12", "x\ny")
    store.put("acd34", {"k": [1]})
    store.save({"files": {}}, live={"mab12", "acd34"})
    again = Store(tmp_path, "hook", "v1")
    assert again.get("mab12") == "x\ny" and again.get("acd34") == {"k": [1]}
    assert again.index() == {"files": {}}
    assert (tmp_path / ".mlhooks_cache" / ".gitignore").read_text() == "*\n"
    assert Store(tmp_path, "hook", "v2").get("mab12") is None  # another version


def test_store_drops_dead_keys_and_keeps_what_others_wrote(tmp_path):
    first, second = Store(tmp_path, "h", "v"), Store(tmp_path, "h", "v")
    first.put("mab1", "old")
    first.put("mab2", "other")
    first.save(None, live={"mab1", "mab2", "mab3"})
    second.put("mab3", "new")  # a concurrent run that never saw mab1
    second.save(None, live={"mab2", "mab3"})
    third = Store(tmp_path, "h", "v")
    assert (third.get("mab1"), third.get("mab2"), third.get("mab3")) == (
        None,
        "other",
        "new",
    )


@pytest.mark.parametrize("content", [b"{", b"[1, 2]", b"\xff\xfe", b""])
def test_unreadable_cache_files_are_ignored(tmp_path, content):
    folder = tmp_path / ".mlhooks_cache" / "h" / "v"
    folder.mkdir(parents=True)
    (folder / "ab.json").write_bytes(content)
    (folder / "index.json").write_bytes(content)
    store = Store(tmp_path, "h", "v")
    assert store.get("mab1") is None and store.index() == {}


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path):
    (tmp_path / ".mlhooks_cache").write_text("a file, not a folder")
    store = Store(tmp_path, "h", "v")
    store.put("mab1", "x")
    store.save({"files": {}}, live={"mab1"})  # no exception
    assert (tmp_path / ".mlhooks_cache").read_text() == "a file, not a folder"


def mentions(root: Path, store: Store) -> Mentions:
    files = {p.name: None for p in root.iterdir() if p.suffix == ".txt"}
    return Mentions(store, files, read_from(root), words)


def test_counts_are_updated_by_difference(tmp_path):
    (tmp_path / "a.txt").write_text("x y")
    (tmp_path / "b.txt").write_text("y z")
    cold = mentions(tmp_path, Store(tmp_path, "h", "v"))
    assert cold.counts == {"x": 1, "y": 2, "z": 1}
    cold.store.save(cold.index(), {f"m{key}" for key in cold.keys.values()})
    (tmp_path / "b.txt").write_text("z w")
    (tmp_path / "c.txt").write_text("x")
    warm = mentions(tmp_path, Store(tmp_path, "h", "v"))
    assert +warm.counts == {"x": 2, "y": 1, "z": 1, "w": 1}
    assert warm.words("a.txt") == ["x", "y"] and warm.words("missing.txt") == []
    assert warm.changed


def test_an_unchanged_repository_reads_no_file(tmp_path):
    (tmp_path / "a.txt").write_text("x y")
    first = mentions(tmp_path, Store(tmp_path, "h", "v"))
    first.store.save(first.index(), {f"m{key}" for key in first.keys.values()})
    files = {"a.txt": blob_id(b"x y")}  # as git would give it: nothing to hash

    def no_read(path: str) -> bytes | None:
        raise AssertionError(path)

    again = Mentions(Store(tmp_path, "h", "v"), files, no_read, words)
    assert again.counts == {"x": 1, "y": 1} and again.index() is None


def test_a_missing_entry_means_a_full_recount(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    first = mentions(tmp_path, Store(tmp_path, "h", "v"))
    first.store.save(first.index(), live=set())  # entries lost, index kept
    (tmp_path / "a.txt").write_text("y")
    again = mentions(tmp_path, Store(tmp_path, "h", "v"))
    assert +again.counts == {"y": 1}


def test_a_corrupt_index_means_a_full_recount(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    folder = tmp_path / ".mlhooks_cache" / "h" / "v"
    folder.mkdir(parents=True)
    index = {"files": {"a.txt": "k"}, "words": "x\ny", "counts": [1]}
    (folder / "index.json").write_text(json.dumps(index))
    assert mentions(tmp_path, Store(tmp_path, "h", "v")).counts == {"x": 1}


def test_concurrent_runs_leave_a_usable_cache(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    runs = [mentions(tmp_path, Store(tmp_path, "h", "v")) for _ in range(2)]
    for run in runs:
        run.store.save(run.index(), {f"m{key}" for key in run.keys.values()})
    assert mentions(tmp_path, Store(tmp_path, "h", "v")).counts == {"x": 1}
    assert not [p for p in (tmp_path / ".mlhooks_cache").rglob("*.tmp")]
    assert os.listdir(tmp_path / ".mlhooks_cache" / "h" / "v")
