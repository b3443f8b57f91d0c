"""A summary cache for repository-wide checks, keyed by file content.

A hook that judges one file against the whole repository (is this function used
anywhere?) needs something from every tracked file on every commit. Reading and
summarising them all each time is what makes such tools slow, so summaries are kept
in ``.mlhooks_cache/<hook-id>/<version>/`` at the project root (the folder holds a
``.gitignore`` of ``*``, so git never sees it), keyed by content: git's blob id, which
``git ls-files -s`` gives for free for every tracked file whose working copy matches
the index; other files are hashed as git hashes them. The index of the last run holds
each file's key and, per word, how many files mention it, so a run re-reads only the
files that changed since and updates the counts by their difference.

Entries live in 256 shards by key prefix (a commit touches a few shards; a cold run
writes 256 files, not one per source file), each replaced atomically. Anything
unreadable, of the wrong shape, or from another version is ignored and rebuilt; a lost
update from a concurrent run only costs a later recomputation. A folder that cannot be
written leaves the hook working, uncached.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Collection, Iterable

from mlhooks._files import Repo, git, write_atomic

CACHE_DIR = ".mlhooks_cache"
REGULAR = (b"100644", b"100755")


def blob_id(data: bytes) -> str:
    """The id git gives ``data`` as a blob."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def content_ids(repo: Repo) -> dict[str, str | None]:
    """Tracked files -> git's blob id of their content, or None where the working
    copy may differ from the index (or outside git) and must be hashed."""
    if not repo.in_git:
        return {path: None for path in repo.tracked}
    out = git(repo.root, "ls-files", "-s", "-z", "--", ".") or b""
    ids: dict[str, str | None] = {}
    for record in out.split(b"\0"):
        head, _, name = record.partition(b"\t")
        fields = head.split(b" ")
        if len(fields) == 3 and fields[0] in REGULAR:
            path = os.fsdecode(name)
            ids[path] = fields[1].decode() if fields[2] == b"0" else None
    modified = git(repo.root, "ls-files", "-m", "-z", "--", ".") or b""
    for name in modified.split(b"\0"):
        path = os.fsdecode(name)
        if path in ids:
            ids[path] = None
    return ids


class Store:
    """Entries by key (a letter, then a content id), in shards; one index."""

    def __init__(self, root: Path, name: str, version: str) -> None:
        self.top = root / CACHE_DIR
        self.folder = self.top / name / version
        self.shards: dict[str, dict[str, Any]] = {}
        self.added: dict[str, dict[str, Any]] = {}

    @staticmethod
    def _load(path: Path) -> dict[str, Any]:
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}

    def index(self) -> dict[str, Any]:
        return self._load(self.folder / "index.json")

    def get(self, key: str) -> Any:
        shard = key[1:3]
        if shard not in self.shards:
            self.shards[shard] = self._load(self.folder / f"{shard}.json")
        return self.shards[shard].get(key)

    def put(self, key: str, value: Any) -> None:
        self.get(key)
        self.shards[key[1:3]][key] = value
        self.added.setdefault(key[1:3], {})[key] = value

    def save(self, index: dict[str, Any] | None, live: Collection[str]) -> None:
        """Write new entries (merged with what is on disk, keys not in ``live``
        dropped) and ``index`` (unless None); failures are ignored."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not (self.top / ".gitignore").exists():
                write_atomic(self.top / ".gitignore", b"*\n")
            for shard, added in self.added.items():
                path = self.folder / f"{shard}.json"
                entries = {**self._load(path), **added}
                kept = {key: value for key, value in entries.items() if key in live}
                write_atomic(path, _dumps(kept))
            if index is not None:
                write_atomic(self.folder / "index.json", _dumps(index))
        except OSError:
            pass


def _dumps(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


class Mentions:
    """How many tracked files mention each word, kept up to date through a Store.

    ``files`` maps paths to content ids (None: hash the file); ``read`` gives a file's
    bytes (None when unreadable); ``extract`` gives the words of a file's bytes.
    """

    def __init__(
        self,
        store: Store,
        files: dict[str, str | None],
        read: Callable[[str], bytes | None],
        extract: Callable[[str, bytes], Iterable[str]],
    ) -> None:
        self.store, self.read, self.extract = store, read, extract
        self.pending: dict[str, bytes] = {}
        self.keys: dict[str, str] = {}
        for path, blob in files.items():
            if blob is None:
                data = read(path)
                if data is None:
                    continue
                blob, self.pending[path] = blob_id(data), data
            name = path.rpartition("/")[2]
            self.keys[path] = f"{blob}.{name.rpartition('.')[2] or name}"
        self.changed = False
        self.counts = self._update(store.index())
        self.pending.clear()  # what is still needed is read again

    def words(self, path: str) -> list[str]:
        """The words ``path`` mentions ([] when it is not a tracked file)."""
        key = self.keys.get(path)
        if key is None:
            return []
        got = self.store.get("m" + key)
        if isinstance(got, str):
            return got.split("\n") if got else []
        data = self.pending.pop(path, None) or self.read(path) or b""
        found = sorted(set(self.extract(path, data)))
        self.store.put("m" + key, "\n".join(found))
        return found

    def _update(self, index: dict[str, Any]) -> Counter[str]:
        old = index.get("files")
        try:
            words, numbers = index["words"].split("\n"), index["counts"]
            counts = Counter(dict(zip(words, numbers)))
        except (KeyError, AttributeError, TypeError):
            old = None
        if not isinstance(old, dict) or len(counts) != len(numbers):
            return self._recount()
        for path in old.keys() | self.keys.keys():
            before, now = old.get(path), self.keys.get(path)
            if before == now:
                continue
            self.changed = True
            if before is not None:
                gone = self.store.get(f"m{before}")
                if not isinstance(gone, str):
                    return self._recount()
                counts.subtract(gone.split("\n") if gone else [])
            counts.update(self.words(path))
        return counts

    def _recount(self) -> Counter[str]:
        self.changed = True
        counts: Counter[str] = Counter()
        for path in self.keys:
            counts.update(self.words(path))
        return counts

    def index(self) -> dict[str, Any] | None:
        """The index to save (None when nothing changed)."""
        if not self.changed:
            return None
        kept = {word: n for word, n in self.counts.items() if n > 0}
        words = "\n".join(kept)
        return {"files": self.keys, "words": words, "counts": list(kept.values())}
