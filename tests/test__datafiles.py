from __future__ import annotations

import os
from pathlib import Path

import pytest

from mlhooks._datafiles import (
    DataRules,
    concrete_folders,
    data_reason,
    extension,
    files_below,
    folder_of,
    within,
)

RULES = DataRules()
KIB = 2**10


@pytest.mark.parametrize(
    ("path", "size", "reason"),
    [
        ("data/raw/x.csv", 10, "data file (.csv)"),
        ("data/raw/X.CSV.GZ", 10, "data file (.csv.gz)"),
        ("a/model.safetensors", 10, "model file (.safetensors)"),
        ("data/raw/archive.tar.gz", 10, "file in the data folder data/"),
        ("models/bert/vocab.txt", 10, "file in the model folder models/"),
        ("data/schema.yaml", 200 * KIB, "file in the data folder data/"),
        ("tests/fixtures/big.parquet", 200 * KIB, "data file (.parquet)"),
        ("big.bin", 11 * 2**20, "file of 11.0 MiB (over max-size, 10240 KiB)"),
        ("nb/out.csv", None, "data file (.csv)"),  # size unknown: taken as small
        ("data/schema.yaml", 10, None),
        ("data/README.md", 10**8, None),
        ("data/raw/.gitkeep", 0, None),
        ("data/raw/x.csv.dvc", 10, None),
        ("data/dvc.yaml", 10, None),
        ("data/make_dataset.py", 10**8, None),  # code is never data
        ("src/data/x.txt", 10, None),  # data/ is the top-level folder only
        ("tests/fixtures/small.csv", 10, None),
        ("docs/example.h5", 100 * KIB, None),
        ("docs/paper.pdf", 11 * 2**20, None),
        ("reports/figures/roc.png", 10, None),
        ("data.csv.bak", 10, None),
        ("mlruns/0/abc/artifacts/model.pkl", 10, None),  # check-mlflow reports it
        ("mlflow.db", 10, None),
        (".dvc/cache/files/md5/8f/0123", 11 * 2**20, None),
    ],
)
def test_data_reason(path, size, reason):
    assert data_reason(path, lambda: size, RULES) == reason


def test_settings_change_what_is_data():
    rules = DataRules(("datasets/*",), (), frozenset({"weights"}), 0, 0, ())
    assert data_reason("datasets/a/x.txt", lambda: 1, rules) == (
        "file in the data folder datasets/a/"
    )
    assert data_reason("x.weights", lambda: 1, rules) == "data file (.weights)"
    assert data_reason("x.csv", lambda: 10**9, rules) is None  # no size limit


@pytest.mark.parametrize(
    ("path", "ext"),
    [("a/b.CSV", "csv"), ("b.csv.gz", "csv"), ("b.gz", "gz"), ("README", ""), ("", "")],
)
def test_extension(path, ext):
    assert extension(path) == ext


def test_folder_of_matches_from_the_root():
    assert folder_of("data/raw/x", ["data"]) == "data"
    assert folder_of("data", ["data"]) == ""  # the folder itself is not below it
    assert folder_of("p/q/data/x", ["*/*/data", "p"]) == "p/q/data"
    assert folder_of("src/data/x", ["data/"]) == ""


def test_within():
    assert within("a/b/c", {"a/b"}) and within("a/b", {"a/b"})
    assert not within("a/bc", {"a/b"})


def test_files_below_in_name_order_within_a_budget(tmp_path: Path):
    for name in ["d/b.csv", "d/a/z.csv", "d/.hidden/x", "d/.DS_Store", "d/skip/y"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("1")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    found = files_below(tmp_path, ["d"], lambda p: p == "d/skip", 100)
    assert found == ["d/b.csv", "d/a/z.csv"]
    assert files_below(tmp_path, ["d"], lambda p: False, 4) == ["d/b.csv"]
    assert files_below(tmp_path, ["missing"], lambda p: False, 100) == []


def test_concrete_folders(tmp_path: Path):
    for name in ["data", "p/a/data", "p/b/data"]:
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / "p" / "c").mkdir()
    (tmp_path / "p" / "c" / "data").write_text("a file")
    assert concrete_folders(tmp_path, ["data", "p/*/data", "models"]) == [
        "data",
        "p/a/data",
        "p/b/data",
    ]
