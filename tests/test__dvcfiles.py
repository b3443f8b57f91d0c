from __future__ import annotations

from pathlib import Path

import pytest

from mlhooks._dvcfiles import (
    DvcProject,
    Out,
    key_lines,
    read_dvc_file,
    read_lock,
    resolve,
)

RESOURCES = Path(__file__).parent / "resources" / "check-dvc"


def test_key_lines_of_mappings_and_lists():
    text = "outs:\n- md5: a\n  path: x\n- path: y\nstages: {a: 1}\n"
    assert key_lines(text) == {
        ("outs",): 1,
        ("outs", 0): 2,
        ("outs", 0, "md5"): 2,
        ("outs", 0, "path"): 3,
        ("outs", 1): 4,
        ("outs", 1, "path"): 4,
        ("stages",): 5,
        ("stages", "a"): 5,
    }


@pytest.mark.parametrize("text", ["a: [\n", "a: &x [*x]\n", ""])
def test_key_lines_never_fail(text):
    assert isinstance(key_lines(text), dict)


@pytest.mark.parametrize(
    ("folder", "wdir", "path", "resolved"),
    [
        ("data/raw", None, "x.csv", "data/raw/x.csv"),
        ("", "..", "x.csv", None),  # outside the project
        ("sub", "..", "data/x.csv", "data/x.csv"),
        ("", None, "./data//x/", "data/x"),
        ("", None, "data\\x.csv", "data/x.csv"),
        ("", None, "s3://bucket/x.csv", None),
        ("", None, "/abs/x.csv", None),
        ("", None, "data/${item}.csv", None),
        ("", None, 3, None),
        ("", ".", ".", "."),
    ],
)
def test_resolve(folder, wdir, path, resolved):
    assert resolve(folder, wdir, path) == resolved


@pytest.mark.parametrize("version", ["dvc2", "dvc3"])
def test_dvc_files_made_by_dvc(version):
    root, project = RESOURCES / version, DvcProject()
    read_dvc_file(root, "data/raw/customers.csv.dvc", project)
    read_dvc_file(root, "data/raw/images.dvc", project)
    read_lock(root, "dvc.lock", project)
    assert project.outs == [
        Out("data/raw/customers.csv", "data/raw/customers.csv.dvc", 2),
        Out("data/raw/images", "data/raw/images.dvc", 2, is_dir=True),
    ]
    train = 19 if version == "dvc3" else 16  # DVC 3 adds "hash: md5" lines
    assert project.locks == {"dvc.lock": {"prepare": 3, "train": train}}
    assert project.problems == project.unreadable == []


def test_imports_wdir_and_uncached_outputs(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "imp.dvc").write_text(
        "wdir: ..\ndeps:\n- path: x\n  repo: {url: 'https://example.org/r.git'}\n"
        "outs:\n- path: data/x.csv\n  cache: false\n"
    )
    project = DvcProject()
    read_dvc_file(tmp_path, "sub/imp.dvc", project)
    assert project.outs == [Out("data/x.csv", "sub/imp.dvc", 6, cache=False)]
    assert project.problems == []  # an import without a hash yet is fine


def test_unreadable_files_are_core_findings(tmp_path):
    (tmp_path / "x.dvc").write_bytes(b"outs: \xff\n")
    project = DvcProject()
    read_dvc_file(tmp_path, "x.dvc", project)
    read_lock(tmp_path, "missing/dvc.lock", project)
    assert [d.code for d in project.unreadable] == ["MLH001"]


def test_declares_outputs_listed_files_and_names_in_refused_files():
    project = DvcProject(outs=[Out("data/images", "images.dvc", 2)])
    project.listed.add("metrics.json")
    project.unread.append(("sub", "stages: [\n  plots:\n  - reports/roc.csv\n"))
    assert project.declares("data/images/a.png")
    assert project.declares("metrics.json")
    assert project.declares("sub/reports/roc.csv")
    assert not project.declares("reports/roc.csv")
