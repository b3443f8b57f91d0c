"""Data and model files: which files belong in DVC rather than git, and which files lie
in the data and model folders on disk.

A file is data (or a model) by its extension (``.csv``, ``.parquet``, ``.pkl``,
``.onnx``, ... also compressed: ``.csv.gz``), by its place (below a data or model
folder, where everything is data but placeholders, code and small configuration or
documentation files), or by its size (over a limit, unless it is code or a document).
Small files in test, example and documentation folders are samples, not data; DVC's
own folder is no data, and MLflow's local run store is check-mlflow's (MLH512).
Folders are paths from the project root, so ``data`` is the top-level ``data/`` and
never the source package ``src/data/`` of the Cookiecutter Data Science v1 layout.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Callable, Iterable

from mlhooks._files import glob_regex
from mlhooks._i18n import tr

MODEL_EXTENSIONS = (
    "pkl pickle joblib pt pth ckpt onnx safetensors tflite pb keras gguf mlmodel"
    " caffemodel"
).split()
TABLE_EXTENSIONS = "csv tsv parquet feather arrow orc avro jsonl ndjson".split()
ARRAY_EXTENSIONS = "h5 hdf5 hdf nc npy npz mat tfrecord tfrecords lmdb".split()
STATS_EXTENSIONS = "sav dta sas7bdat rds rdata rda sqlite sqlite3 db duckdb".split()
DATA_EXTENSIONS = TABLE_EXTENSIONS + ARRAY_EXTENSIONS + STATS_EXTENSIONS
EXTENSIONS = DATA_EXTENSIONS + MODEL_EXTENSIONS
COMPRESSED = {"gz", "bz2", "xz", "zst", "zip", "7z"}
CODE = {"py", "pyi", "ipynb", "r", "jl", "sql", "sh", "js", "ts", "scala", "java"}
CODE |= {"c", "h", "cpp", "go", "rs"}
SMALL_CONFIG = {"yaml", "yml", "json", "toml", "md", "rst", "cfg", "ini"}
DOCUMENTS = {"md", "rst", "tex", "html", "svg", "pdf", "docx", "pptx", "odt", "odp"}
PLACEHOLDERS = {".gitkeep", ".keep", ".gitignore", ".gitattributes", ".dvcignore"}
PLACEHOLDERS |= {"dvc.yaml", "dvc.lock"}
GLOB = re.compile(r"[*?\[]")
# DVC's own folder (config, cache), and MLflow's run store, which check-mlflow reports
NOT_DATA = (".dvc", "mlruns", "mlartifacts", "mlflow.db", "mlruns.db")
SAMPLE_DIRS = ["tests", "test", "testing", "fixtures", "examples", "example"]
SAMPLE_DIRS += ["samples", "sample", "docs", "doc"]


@dataclass(frozen=True)
class DataRules:
    """What counts as data: the settings of check-dvc, sizes in bytes (0: no limit)."""

    data_dirs: tuple[str, ...] = ("data",)
    model_dirs: tuple[str, ...] = ("models",)
    extensions: frozenset[str] = frozenset(EXTENSIONS)
    max_size: int = 10 * 2**20
    max_sample_size: int = 100 * 2**10
    sample_dirs: tuple[str, ...] = tuple(SAMPLE_DIRS)


def extension(path: str) -> str:
    """The lower-case extension, looking through compression: ``x.csv.gz`` is csv."""
    parts = posixpath.basename(path).lower().split(".")[1:]
    if len(parts) > 1 and parts[-1] in COMPRESSED:
        parts.pop()
    return parts[-1] if parts else ""


def _kind(path: str) -> str:
    """``data file (.csv)``, ``model file (.pkl)``, ``data file (.csv.gz)``."""
    ext = extension(path)
    tail = posixpath.basename(path).lower().rsplit(f".{ext}", 1)[-1]
    if ext in MODEL_EXTENSIONS:
        return tr("model file (.{ext})", ext=ext + tail)
    return tr("data file (.{ext})", ext=ext + tail)


def folder_of(path: str, patterns: Iterable[str]) -> str:
    """The folder (a path from the root; ``*`` allowed per component) that ``path`` lies
    below, as spelled in ``path``; '' when none."""
    for pattern in patterns:
        clean = pattern.strip("/")
        if not GLOB.search(clean):
            if clean and path.startswith(f"{clean}/"):
                return clean
            continue
        parts, wanted = path.split("/"), clean.split("/")
        if len(parts) > len(wanted) and all(map(fnmatchcase, parts, wanted)):
            return "/".join(parts[: len(wanted)])
    return ""


def within(path: str, folders: set[str] | frozenset[str]) -> bool:
    """``path`` is one of ``folders`` or lies below one."""
    parts = path.split("/")
    return any("/".join(parts[:i]) in folders for i in range(1, len(parts) + 1))


def placeholder(path: str) -> bool:
    """Files that keep a data folder in git without being data."""
    name = posixpath.basename(path)
    return (
        name in PLACEHOLDERS
        or name.lower().startswith("readme")
        or name.endswith(".dvc")
    )


def _size_text(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size / 2**10:.0f} KiB"


def data_reason(
    path: str, size: Callable[[], int | None], rules: DataRules
) -> str | None:
    """Why the tracked file ``path`` is data or a model (None when it is not): the
    words that name it in a message. ``size`` gives its size in bytes (None: unknown,
    taken as small)."""
    ext = extension(path)
    if glob_regex(NOT_DATA).search(path):
        return None
    model = folder_of(path, rules.model_dirs)
    data = folder_of(path, rules.data_dirs)
    sample = glob_regex(rules.sample_dirs).search(posixpath.dirname(path))

    def small() -> bool:
        found = size()
        return found is None or found <= rules.max_sample_size

    if (data or model) and not placeholder(path) and ext not in CODE:
        if ext in SMALL_CONFIG and small():
            return None
        if ext in rules.extensions:
            return _kind(path)
        if model:
            return tr("file in the model folder {folder}/", folder=model)
        return tr("file in the data folder {folder}/", folder=data)
    if ext in rules.extensions and not (sample and small()):
        return _kind(path)
    if rules.max_size and ext not in CODE | DOCUMENTS:
        found = size()
        if found is not None and found > rules.max_size:
            limit, shown = rules.max_size // 2**10, _size_text(found)
            return tr(
                "file of {size} (over max-size, {limit} KiB)", size=shown, limit=limit
            )
    return None


def concrete_folders(root: Path, patterns: Iterable[str]) -> list[str]:
    """The folders on disk that ``patterns`` name, sorted."""
    found: set[str] = set()
    for pattern in patterns:
        clean = pattern.strip("/")
        if GLOB.search(clean):
            found.update(p.relative_to(root).as_posix() for p in root.glob(clean))
        else:
            found.add(clean)
    return sorted(f for f in found if f and (root / f).is_dir())


def files_below(
    root: Path, folders: Iterable[str], skip: Callable[[str], bool], limit: int
) -> list[str]:
    """Files on disk below ``folders``, depth-first in name order, passing over
    hidden names, symlinked folders and paths for which ``skip`` is true; at most
    ``limit`` folder entries are looked at, so a huge data folder costs little."""
    found: list[str] = []
    stack = sorted(folders, reverse=True)
    while stack and limit > 0:
        folder = stack.pop()
        try:
            with os.scandir(root / folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries[:limit]:
            child = f"{folder}/{entry.name}"
            if entry.name.startswith(".") or skip(child):
                continue
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(child)
            elif entry.is_file(follow_symlinks=False):
                found.append(child)
        limit -= len(entries)
        stack.extend(reversed(subfolders))
    return found
