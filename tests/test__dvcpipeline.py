from __future__ import annotations

from pathlib import Path

from mlhooks._dvcfiles import DvcProject, Out, Problem, Stage
from mlhooks._dvcpipeline import lock_problems, missing_dependencies, read_project

RESOURCES = Path(__file__).parent / "resources" / "check-dvc"


def test_a_pipeline_made_by_dvc():
    tracked = ["dvc.yaml", "dvc.lock", "data/raw/images.dvc", ".dvc/config"]
    project = read_project(RESOURCES / "dvc3", tracked)
    assert project.stages == [
        Stage(
            "prepare",
            "dvc.yaml",
            2,
            (("data/raw/customers.csv", 5), ("src/prepare.py", 6)),
        ),
        Stage(
            "train",
            "dvc.yaml",
            9,
            (("data/processed/clean.csv", 12), ("src/train.py", 13)),
        ),
    ]
    assert project.outs == [
        Out("data/processed/clean.csv", "dvc.yaml", 8),
        Out("models/model.pkl", "dvc.yaml", 17),
        Out("metrics.json", "dvc.yaml", 19, cache=False),
        Out("reports/roc.csv", "dvc.yaml", 22, cache=False),
        Out("data/raw/images", "data/raw/images.dvc", 2, is_dir=True),
    ]
    assert project.pipelines == ["dvc.yaml"]
    assert project.problems == []


PIPELINE = """\
stages:
  loop:
    foreach: [a, b]
    do:
      cmd: echo ${item}
      wdir: ..
      deps: [src/x.py]
      outs:
      - out/${item}.csv
  grid:
    matrix: {x: [1]}
    cmd: echo
  old:
    cmd: echo
    frozen: true
    plots:
    - roc.csv: [{x: fpr, cache: false}]
metrics: [m.json]
plots: [{roc: {y: {p.csv: tpr}}}, plots/a.csv]
"""
LOCK = """\
schema: '2.0'
stages:
  loop@a:
    cmd: echo a
    outs:
    - path: ../images
      md5: d41d8cd98f00b204e9800998ecf8427e.dir
      nfiles: 0
"""


def test_templates_and_listed_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "dvc.yaml").write_text(PIPELINE)
    (tmp_path / "sub" / "dvc.lock").write_text(LOCK)
    project = read_project(tmp_path, ["sub/dvc.yaml", "sub/dvc.lock"])
    assert project.stages == [
        Stage("loop", "sub/dvc.yaml", 2, (("src/x.py", 7),), templated=True),
        Stage("grid", "sub/dvc.yaml", 10, templated=True),
        Stage("old", "sub/dvc.yaml", 13, frozen=True),
    ]
    assert project.outs == [Out("sub/roc.csv", "sub/dvc.yaml", 17, cache=False)]
    assert project.listed == {"sub/m.json", "sub/roc", "sub/plots/a.csv"}
    assert project.folders == {"images"}
    assert project.locks == {"sub/dvc.lock": {"loop@a": 3}}
    assert lock_problems(project, frozenset(["sub/dvc.lock"]), bool) == [
        Problem(
            "sub/dvc.yaml",
            10,
            "stage 'grid' has no entry in sub/dvc.lock: it has not run since it was"
            " added, so nothing records which data it used; run: dvc repro grid && git"
            " add sub/dvc.lock",
        )
    ]


def test_dependencies_that_exist_or_come_from_outputs():
    stage = Stage("s", "dvc.yaml", 2, (("a", 3), ("out/x", 4), ("b", 5), ("c", 6)))
    project = DvcProject(
        stages=[stage], outs=[Out("out", "o.dvc", 1), Out("b/y", "", 1)]
    )
    problems = missing_dependencies(project, lambda path: path == "a")
    assert [(p.path, p.line) for p in problems] == [("dvc.yaml", 6)]


def test_a_lock_without_its_pipeline_names_only_stale_stages():
    project = DvcProject(locks={"dvc.lock": {"gone": 3}})
    assert [p.line for p in lock_problems(project, frozenset(), bool)] == [3]
    tracked = frozenset(["dvc.yaml"])  # present but unreadable: reported elsewhere
    assert lock_problems(project, tracked, bool) == []
