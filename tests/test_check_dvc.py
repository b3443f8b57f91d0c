from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import git

from mlhooks._i18n import set_language
from mlhooks.check_dvc import main

RESOURCES = Path(__file__).parent / "resources" / "check-dvc"
DVC3_YAML = (RESOURCES / "dvc3" / "dvc.yaml").read_text()
DVC3_LOCK = (RESOURCES / "dvc3" / "dvc.lock").read_text()
WHY = (
    "the guideline versions data and models with DVC, so each experiment names the"
    " data it used"
)
KEPT = "which DVC keeps out of git and versions by hash"
REFUSED = (
    "DVC refuses the file, so nothing it records can be pulled or reproduced; take the"
    " last good version from git, or delete it and run dvc repro"
)
DATA_FOLDER = (
    "so git cannot add the .dvc files below it ({probe}) and no '!' rule brings them"
    " back: dvc add refuses to write them, DVC does not see those already there, and"
    " their data goes unversioned"
)
DVC_INIT = {
    ".dvc/config": "",
    ".dvc/.gitignore": "/config.local\n/tmp\n/cache\n",
    ".dvcignore": "",
}


def mlh501(path: str, reason: str, shown: str | None = None) -> str:
    shown = shown or path
    return (
        f"{path}: MLH501 {reason} tracked by git instead of DVC: {WHY} and git does not"
        f" keep every copy forever; run: git rm --cached {shown} && dvc add {shown}"
    )


def copy_project(
    repo: Path, name: str, *remove: str, edits: dict[str, tuple[str, str]] | None = None
) -> Path:
    """The fixture ``name`` as a git repository with everything staged, less
    ``remove``, with ``edits`` (path: (old, new), first occurrence) made."""
    shutil.copytree(RESOURCES / name, repo, dirs_exist_ok=True)
    for path in remove:
        (repo / path).unlink()
    for path, (old, new) in (edits or {}).items():
        text = (repo / path).read_text(encoding="utf-8")
        assert old in text, (path, old)
        (repo / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    git(repo, "add", "-A")
    return repo


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(list(args))
    return code, capsys.readouterr().out.splitlines()


# Repositories that pass ------------------------------------------------------------


@pytest.mark.parametrize("name", ["dvc2", "dvc3"])
def test_repositories_made_by_real_dvc_pass(git_repo, capsys, name):
    copy_project(git_repo, name)
    assert run(capsys) == (0, [])


@pytest.mark.parametrize("name", ["dvc2", "dvc3"])
def test_real_dvc_repositories_pass_with_the_data_pulled(
    git_repo, make_files, capsys, name
):
    copy_project(git_repo, name)
    pulled = {
        "data/raw/customers.csv": "customer_id,tenure,churn\n",
        "data/raw/images/a.pbm": "P1\n1 1\n1\n",
        "data/processed/clean.csv": "customer_id,tenure,churn\n",
        "models/model.pkl": b"\x80\x04K\x01.",
    }
    make_files(pulled, track=False)
    assert run(capsys) == (0, [])


CLEAN = {
    "README.md": "# churn\n",
    "requirements.txt": "pandas\n",
    "params.yaml": "seed: 1\n",
    "config.json": "{}\n",
    "src/churn/__init__.py": "",
    "src/data/make_dataset.py": "print('CCDS v1 keeps code in src/data')\n",
    "models/resnet.py": "LAYERS = 50\n",
    "models/.gitkeep": "",
    "data/raw/.gitkeep": "",
    "data/README.md": "# データの取得\n",
    "data/schema.yaml": "columns: [a, b]\n",
    "tests/fixtures/sample.csv": "a,b\n1,2\n",
    "examples/demo/customers.csv": "a,b\n1,2\n",
    "docs/example.parquet": b"PAR1\0\0PAR1",
    "reports/figures/roc.png": b"\x89PNG\r\n\x1a\n",
    "notebooks/1.0-eda.ipynb": "{}\n",
}


def test_a_repository_without_data_needs_no_dvc(make_files, capsys):
    make_files(CLEAN)
    assert run(capsys) == (0, [])


# MLH501 ---------------------------------------------------------------------------


DATA_IN_GIT = {
    "data/raw/customers.csv": ("a,b\n", "data file (.csv)"),
    "src/churn/model.pkl": (b"\x80\x04", "model file (.pkl)"),
    "notebooks/features.parquet": (b"PAR1", "data file (.parquet)"),
    "data/processed/train.csv.gz": (b"\x1f\x8b", "data file (.csv.gz)"),
    "models/bert/pytorch_model.bin": (b"\0", "file in the model folder models/"),
    "data/raw/labels.txt": ("cat\n", "file in the data folder data/"),
    "eval/qa.jsonl": ("{}\n", "data file (.jsonl)"),
    "data/raw/顧客 一覧.csv": ("id\n", "data file (.csv)"),
}


def test_data_and_models_in_git(make_files, capsys):
    make_files({**CLEAN, **{path: c for path, (c, _) in DATA_IN_GIT.items()}})
    quoted = "'data/raw/顧客 一覧.csv'"
    expected = [
        mlh501(path, reason, quoted if " " in path else None)
        for path, (_, reason) in sorted(DATA_IN_GIT.items())
    ]
    assert run(capsys, "--select", "MLH501") == (1, expected)


def test_large_files_and_large_samples_are_data(make_files, capsys):
    make_files({"assets/blob.bin": b"x" * 3000, "tests/fixtures/big.csv": "a\n" * 1500})
    code, out = run(
        capsys, "--select", "MLH501", "--max-size", "2", "--max-sample-size", "1"
    )
    assert (code, out) == (
        1,
        [
            mlh501("assets/blob.bin", "file of 3 KiB (over max-size, 2 KiB)"),
            mlh501("tests/fixtures/big.csv", "data file (.csv)"),
        ],
    )


def test_code_and_documents_are_never_data_by_size(make_files, capsys):
    make_files({"src/big.py": "x = 1\n" * 600, "docs/paper.pdf": b"%PDF" * 500})
    assert run(capsys, "--max-size", "1") == (0, [])


def test_a_folder_of_data_is_one_finding(make_files, capsys):
    make_files({f"data/raw/images/{i:02}.png": b"\x89PNG" for i in range(12)})
    assert run(capsys, "--select", "MLH501") == (
        1,
        [
            "data/raw/images: MLH501 12 data files in data/raw/images/"
            " (data/raw/images/00.png, ...) tracked by git instead of DVC:"
            f" {WHY} and git does not keep every copy forever; run: git rm -r --cached"
            " data/raw/images && dvc add data/raw/images"
        ],
    )


def test_configured_folders_and_extensions(make_files, capsys):
    make_files({"datasets/a/x.txt": "1\n", "out/y.weights": b"\0", "data/z.txt": "1\n"})
    args = ["--select", "MLH501", "--data-dirs", "datasets/*", "--model-dirs", ""]
    code, out = run(capsys, *args, "--data-extensions", ".weights")
    assert (code, out) == (
        1,
        [
            mlh501("datasets/a/x.txt", "file in the data folder datasets/a/"),
            mlh501("out/y.weights", "data file (.weights)"),
        ],
    )


def test_outside_git_every_file_counts(tmp_path, monkeypatch, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.csv").write_text("a\n")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "--select", "MLH501") == (
        1,
        [
            f"data/x.csv: MLH501 data file (.csv) outside DVC: {WHY} and git does not"
            " keep every copy forever; run: dvc add data/x.csv"
        ],
    )


# MLH502 ---------------------------------------------------------------------------

NOT_INITIALISED = (
    ".: MLH502 DVC is not initialised (no .dvc/config) although the repository holds"
    f" data, models or DVC files ({{path}}): {WHY}; run: dvc init, then dvc add the"
    " data and commit the .dvc files"
)


def test_data_without_dvc(make_files, capsys):
    make_files({"data/raw/customers.csv": "a\n"})
    assert run(capsys, "--select", "MLH502") == (
        1,
        [NOT_INITIALISED.format(path="data/raw/customers.csv")],
    )


def test_ignored_data_on_disk_without_dvc(make_files, capsys):
    make_files({".gitignore": "/data/\n", "README.md": "x\n"})
    make_files({"data/raw/customers.csv": "a\n", "data/raw/.DS_Store": ""}, track=False)
    assert run(capsys, "--select", "MLH502") == (
        1,
        [NOT_INITIALISED.format(path="data/raw/customers.csv")],
    )


def test_dvc_initialised_but_not_committed(make_files, capsys):
    make_files({"data/raw/customers.csv": "a\n"})
    make_files(DVC_INIT, track=False)
    assert run(capsys, "--select", "MLH502") == (
        1,
        [
            ".dvc/config: MLH502 git does not track .dvc/config, so a clone is no DVC"
            f" project and cannot pull the data: {WHY}; run: git add .dvc/config"
            " .dvc/.gitignore .dvcignore"
        ],
    )


def test_dvc_in_a_subfolder_covers_its_data(make_files, capsys):
    files = {f"proj/{k}": v for k, v in DVC_INIT.items()}
    make_files({**files, "proj/data/x.csv.dvc": "outs:\n- md5: abc\n  path: x.csv\n"})
    make_files({"proj/data/.gitignore": "/x.csv\n"})
    assert run(capsys, "--select", "MLH502") == (0, [])


# MLH503 ---------------------------------------------------------------------------

YAML_FIX = "DVC cannot read it; fix the YAML, or take the last good version from git"
NO_CMD = "DVC refuses the whole dvc.yaml, so no stage runs"


@pytest.mark.parametrize(
    ("path", "old", "new", "line"),
    [
        (
            "dvc.lock",
            "stages:\n",
            "stages:\n  - x: [\n",
            "dvc.lock:5:1: MLH503 dvc.lock does not parse as YAML (while parsing a flow"
            " sequence, expected ',' or ']', but got ':'): " + YAML_FIX,
        ),
        (
            "dvc.yaml",
            "  prepare:\n",
            "  prepare\n",
            "dvc.yaml:3:1: MLH503 dvc.yaml does not parse as YAML (mapping values are"
            " not allowed here): " + YAML_FIX,
        ),
        (
            "data/raw/images.dvc",
            "  path: images\n",
            "  path: images\n  bad: : :\n",
            "data/raw/images.dvc:7:1: MLH503 images.dvc does not parse as YAML"
            " (mapping values are not allowed here): " + YAML_FIX,
        ),
        (
            "data/raw/customers.csv.dvc",
            "- md5: 8585b6e15f0bbe9c8dc0ad7fbbcc7aae\n  size",
            "- size",
            "data/raw/customers.csv.dvc:2:1: MLH503 output 'customers.csv' has no hash"
            " (md5): DVC cannot tell which data it tracks; run dvc add"
            " data/raw/customers.csv again",
        ),
        (
            "data/raw/images.dvc",
            "  path: images\n",
            "",
            "data/raw/images.dvc:2:1: MLH503 output 1 has no 'path': DVC cannot tell"
            " which data it tracks; recreate it: dvc add data/raw/images",
        ),
        (
            "data/raw/images.dvc",
            "outs:",
            "outz:",
            "data/raw/images.dvc: MLH503 images.dvc has no 'outs': DVC cannot tell"
            " which data it tracks; recreate it: dvc add data/raw/images",
        ),
        (
            "dvc.yaml",
            "    cmd: python3 src/prepare.py\n",
            "",
            f"dvc.yaml:2:1: MLH503 stage 'prepare' has no 'cmd' (the command that runs"
            f" it): {NO_CMD}; add it",
        ),
        (
            "dvc.yaml",
            "    deps:\n    - data/processed/clean.csv\n",
            "    deps: data/processed/clean.csv\n    other:\n",
            f"dvc.yaml:11:1: MLH503 stage 'train': 'deps' is not a list: {NO_CMD}; make"
            " it a list",
        ),
        (
            "dvc.lock",
            "schema: '2.0'\n",
            "",
            "dvc.lock: MLH503 dvc.lock has no schema: '2.0' (DVC 1's format):"
            f" {REFUSED}",
        ),
        (
            "dvc.lock",
            "schema: '2.0'",
            "schema: 2.0",
            f"dvc.lock:1:1: MLH503 dvc.lock has schema 2.0, not '2.0': {REFUSED}",
        ),
        (
            "dvc.lock",
            "    cmd: python3 src/train.py\n",
            "",
            f"dvc.lock:19:1: MLH503 stage 'train' has no 'cmd': {REFUSED}",
        ),
        (
            "dvc.lock",
            "    - path: src/prepare.py\n",
            "    - pth: src/prepare.py\n",
            "dvc.lock:10:1: MLH503 stage 'prepare' records deps entry 2 without a path:"
            f" {REFUSED}",
        ),
        (
            "dvc.lock",
            "      md5: 8585b6e15f0bbe9c8dc0ad7fbbcc7aae\n",
            "",
            "dvc.lock:6:1: MLH503 stage 'prepare' records 'data/raw/customers.csv'"
            " without a hash: DVC takes it as changed; run: dvc repro prepare",
        ),
    ],
)
def test_dvc_files_dvc_cannot_read(git_repo, capsys, path, old, new, line):
    copy_project(git_repo, "dvc3", edits={path: (old, new)})
    assert run(capsys) == (1, [line])


def test_a_broken_dvc_yaml_still_exempts_the_files_it_names(git_repo, capsys):
    copy_project(git_repo, "dvc3", edits={"dvc.yaml": ("stages:", "stages: [")})
    code, out = run(capsys)
    assert code == 1 and [line.split(" ")[1] for line in out] == ["MLH503"]


# MLH504 ---------------------------------------------------------------------------

NOT_FOUND = (
    "which does not exist: it is not in the working tree, not tracked by git, and no"
    " .dvc file or stage produces it, so dvc repro fails on a fresh clone"
)


def test_a_dependency_that_does_not_exist(git_repo, capsys):
    extra = "    - data/raw/labels.csv\n    - https://example.org/x.csv\n    - ${v.x}\n"
    edit = ("    - src/prepare.py\n", f"    - src/prepare.py\n{extra}")
    copy_project(git_repo, "dvc3", edits={"dvc.yaml": edit})
    assert run(capsys) == (
        1,
        [
            f"dvc.yaml:7:1: MLH504 stage 'prepare' depends on data/raw/labels.csv,"
            f" {NOT_FOUND}; add it (dvc add data/raw/labels.csv) or correct the path"
        ],
    )


def test_a_dependency_whose_dvc_file_is_missing(git_repo, capsys):
    copy_project(git_repo, "dvc3", "data/raw/customers.csv.dvc")
    assert run(capsys) == (
        1,
        [
            f"dvc.yaml:5:1: MLH504 stage 'prepare' depends on data/raw/customers.csv,"
            f" {NOT_FOUND}; add it (dvc add data/raw/customers.csv) or correct the path"
        ],
    )


def test_dependencies_inside_or_around_outputs_exist(git_repo, capsys):
    deps = "    - data/raw/images/a.pbm\n    - data/raw\n    - src\n    - ../up.csv\n"
    edit = ("    - src/prepare.py\n", f"    - src/prepare.py\n{deps}")
    copy_project(git_repo, "dvc3", edits={"dvc.yaml": edit})
    assert run(capsys) == (0, [])


LOCK_WHY = (
    "so nothing records which data and code made the outputs (dvc pull cannot fetch"
    " them, dvc repro reruns every stage)"
)


def test_no_dvc_lock(git_repo, capsys):
    copy_project(git_repo, "dvc3", "dvc.lock")
    assert run(capsys) == (
        1,
        [
            "dvc.yaml: MLH504 dvc.yaml has stages but there is no dvc.lock,"
            f" {LOCK_WHY}; run: dvc repro && git add dvc.lock"
        ],
    )


def test_dvc_lock_not_committed(git_repo, make_files, capsys):
    copy_project(git_repo, "dvc3", "dvc.lock")
    make_files({"dvc.lock": DVC3_LOCK}, track=False)
    assert run(capsys) == (
        1,
        [
            f"dvc.yaml: MLH504 dvc.lock exists but git does not track it, {LOCK_WHY};"
            " run: git add dvc.lock"
        ],
    )


def test_stages_missing_from_or_extra_in_dvc_lock(git_repo, capsys):
    stages = (
        "  evaluate:\n    cmd: python3 src/evaluate.py\n"
        "  frozen:\n    cmd: echo f\n    frozen: true\n"
        "  loop:\n    foreach: [a, b]\n    do:\n      cmd: echo ${item}\n"
        "  grid:\n    matrix:\n      x: [1, 2]\n    cmd: echo ${item.x}\n"
    )
    lock = (
        "  loop@a:\n    cmd: echo a\n  grid@1:\n    cmd: echo 1\n  old:\n    cmd: x\n"
    )
    edits = {
        "dvc.yaml": ("  train:\n", f"{stages}  train:\n"),
        "dvc.lock": ("  train:\n", f"{lock}  train:\n"),
    }
    copy_project(git_repo, "dvc3", edits=edits)
    assert run(capsys) == (
        1,
        [
            "dvc.lock:23:1: MLH504 dvc.lock records stage 'old', which dvc.yaml does"
            " not define (renamed or removed), so it describes a run the pipeline no"
            " longer makes; delete the entry (dvc repro leaves it)",
            "dvc.yaml:9:1: MLH504 stage 'evaluate' has no entry in dvc.lock: it has not"
            " run since it was added, so nothing records which data it used; run: dvc"
            " repro evaluate && git add dvc.lock",
        ],
    )


def test_only_frozen_stages_need_no_lock(make_files, capsys):
    make_files(
        {**DVC_INIT, "dvc.yaml": "stages:\n  s:\n    cmd: x\n    frozen: true\n"}
    )
    assert run(capsys) == (0, [])


# MLH505 ---------------------------------------------------------------------------


def test_outputs_git_does_not_ignore(git_repo, capsys):
    copy_project(git_repo, "dvc3", "data/raw/.gitignore")
    add = "(dvc add and dvc repro write it)"
    assert run(capsys) == (
        1,
        [
            "data/raw/customers.csv.dvc:2:1: MLH505 DVC output data/raw/customers.csv"
            f" is not git-ignored, so git add would commit the data itself, {KEPT}; add"
            f" the line /customers.csv to data/raw/.gitignore {add}",
            "data/raw/images.dvc:2:1: MLH505 DVC output data/raw/images is not"
            f" git-ignored, so git add would commit the data itself, {KEPT}; add the"
            f" line /images to data/raw/.gitignore {add}",
        ],
    )


def test_outputs_ignored_only_by_an_untracked_gitignore(git_repo, make_files, capsys):
    copy_project(git_repo, "dvc3", "models/.gitignore")
    make_files({"models/.gitignore": "/model.pkl\n"}, track=False)
    assert run(capsys) == (
        1,
        [
            "dvc.yaml:17:1: MLH505 DVC output models/model.pkl is ignored only by"
            " models/.gitignore, which git does not track, so in a clone git add would"
            f" commit the data itself, {KEPT}; run: git add models/.gitignore"
        ],
    )


def test_outputs_git_tracks_too(git_repo, capsys):
    copy_project(git_repo, "dvc3")
    (git_repo / "models" / "model.pkl").write_bytes(b"\x80\x04")
    git(git_repo, "add", "-f", "models/model.pkl")
    assert run(capsys) == (
        1,
        [
            "dvc.yaml:17:1: MLH505 DVC output models/model.pkl is tracked by git too,"
            " so git keeps a copy of the data DVC versions and the two drift apart;"
            " run: git rm --cached models/model.pkl"
        ],
    )


def test_outputs_beyond_a_symlinked_folder_are_not_judged(git_repo, tmp_path, capsys):
    copy_project(git_repo, "dvc3", "models/.gitignore")
    (tmp_path / "nas").mkdir()
    (git_repo / "models").rmdir()
    (git_repo / "models").symlink_to(tmp_path / "nas")  # git cannot tell
    assert run(capsys) == (0, [])


def test_outputs_with_japanese_names(make_files, capsys):
    dvc_file = "outs:\n- md5: 0123456789abcdef0123456789abcdef\n  path: 顧客.csv\n"
    make_files({**DVC_INIT, "データ/顧客.csv.dvc": dvc_file})
    make_files(
        {".dvc/config": "[core]\n    remote = s\n['remote \"s\"']\n    url = /s\n"}
    )
    assert run(capsys) == (
        1,
        [
            "データ/顧客.csv.dvc:2:1: MLH505 DVC output データ/顧客.csv is not"
            f" git-ignored, so git add would commit the data itself, {KEPT}; add the"
            " line /顧客.csv to データ/.gitignore (dvc add and dvc repro write it)"
        ],
    )
    make_files({"データ/.gitignore": "/顧客.csv\n"})
    assert run(capsys) == (0, [])


# MLH506 ---------------------------------------------------------------------------

DATA_DIR_FIX = (
    "replace '/data/' with '/data/**', '!/data/**/' and '!/data/**/*.dvc' (the files"
    " stay ignored, the folders and .dvc files not)"
)


def test_cookiecutter_data_science_gitignore_after_dvc_add(
    git_repo, make_files, capsys
):
    """A Cookiecutter Data Science v2 project, ``dvc init``, then ``dvc add
    data/raw/x.csv``, which fails: its .gitignore starts with ``/data/``."""
    copy_project(git_repo, "ccds")
    make_files({**DVC_INIT, "models/.gitkeep": "", "README.md": "# x\n"})
    make_files({"data/raw/x.csv": "a,b\n1,2\n"}, track=False)
    probe = "data/raw/x.csv.dvc"
    assert run(capsys) == (
        1,
        [
            ".gitignore:2:1: MLH506 rule '/data/' ignores the folder data/,"
            f" {DATA_FOLDER.format(probe=probe)}; {DATA_DIR_FIX}"
        ],
    )
    lines = (git_repo / ".gitignore").read_text().split("\n")
    lines[1:2] = ["/data/**", "!/data/**/", "!/data/**/*.dvc"]
    (git_repo / ".gitignore").write_text("\n".join(lines))
    git(git_repo, "add", ".gitignore")
    make_files({probe: "outs:\n- md5: 0123\n  path: x.csv\n"})  # git adds it now
    tracked = git(git_repo, "ls-files").splitlines()
    assert probe in tracked and "data/raw/x.csv" not in tracked
    assert run(capsys, "--ignore", "MLH507") == (0, [])


@pytest.mark.parametrize(
    ("gitignores", "line"),
    [
        (
            {".gitignore": "data/raw/*\n!data/raw/.gitkeep\n"},
            ".gitignore:1:1: MLH506 rule 'data/raw/*' ignores the .dvc file"
            " data/raw/x.csv.dvc, so git cannot add it and dvc add refuses to write it,"
            " leaving its data unversioned; add '!*.dvc' below 'data/raw/*' in"
            " .gitignore",
        ),
        (
            {".gitignore": "*.dvc\n"},
            ".gitignore:1:1: MLH506 rule '*.dvc' ignores the .dvc file"
            " data/raw/x.csv.dvc, so git cannot add it and dvc add refuses to write it,"
            " leaving its data unversioned; delete the line '*.dvc': .dvc files belong"
            " in git",
        ),
        (
            {"data/.gitignore": "*\n!.gitignore\n"},
            "data/.gitignore:1:1: MLH506 rule '*' ignores the folder data/raw/,"
            f" {DATA_FOLDER.format(probe='data/raw/x.csv.dvc')}; add '!*/' and '!*.dvc'"
            " below '*' in data/.gitignore",
        ),
        (
            {".gitignore": "# 生データ\ndata/\n"},
            ".gitignore:2:1: MLH506 rule 'data/' ignores the folder data/,"
            f" {DATA_FOLDER.format(probe='data/raw/x.csv.dvc')}; replace 'data/' with"
            " '**/data/**', '!**/data/**/' and '!**/data/**/*.dvc' (the files stay"
            " ignored, the folders and .dvc files not)",
        ),
        (
            {".gitignore": "/dat*/\n"},
            ".gitignore:1:1: MLH506 rule '/dat*/' ignores the folder data/,"
            f" {DATA_FOLDER.format(probe='data/raw/x.csv.dvc')}; change '/dat*/' to"
            " ignore the files in the folder instead of the folder (git never looks"
            " inside an ignored folder, so no '!' rule can bring a .dvc file back),"
            " then add '!*.dvc'",
        ),
    ],
)
def test_gitignore_rules_that_hide_dvc_files(make_files, capsys, gitignores, line):
    make_files(DVC_INIT)
    make_files(gitignores)
    make_files({"data/raw/x.csv": "a\n"}, track=False)
    assert run(capsys) == (1, [line])


def test_committed_dvc_files_in_an_ignored_folder(git_repo, make_files, capsys):
    copy_project(git_repo, "dvc3")
    make_files({".gitignore": "/data/\n"})
    probe = "data/raw/customers.csv.dvc"
    assert run(capsys) == (
        1,
        [
            ".gitignore:1:1: MLH506 rule '/data/' ignores the folder data/,"
            f" {DATA_FOLDER.format(probe=probe)}; {DATA_DIR_FIX}"
        ],
    )


def test_personal_excludes_and_noqa_do_not_count(git_repo, make_files, capsys):
    make_files(DVC_INIT)
    (git_repo / ".git" / "info" / "exclude").write_text("/data/\n")
    make_files({"data/raw/x.csv": "a\n"}, track=False)
    assert run(capsys) == (0, [])
    make_files({".gitignore": "# mlhooks: noqa: MLH506\n/data/\n"})
    assert run(capsys) == (0, [])


# MLH507 ---------------------------------------------------------------------------

PULL = "so nobody else (CI included) can dvc pull the data"
REMOTE = "[core]\n    remote = {name}\n['remote \"{name}\"']\n    url = /srv/dvc\n"


@pytest.mark.parametrize(
    ("config", "local", "line"),
    [
        (
            "",
            None,
            ".dvc/config: MLH507 no default remote in .dvc/config: dvc push has nowhere"
            f" to send the data, {PULL}; run: dvc remote add -d storage <url> && git"
            " add .dvc/config",
        ),
        (
            "",
            REMOTE.format(name="mine"),
            ".dvc/config: MLH507 the default remote 'mine' is set only in"
            f" .dvc/config.local, which git does not share, {PULL}; run: dvc remote"
            " add mine <url> && dvc remote default mine && git add .dvc/config",
        ),
        (
            "['remote \"shared\"']\n    url = /srv/dvc\n",
            "[core]\n    remote = shared\n",
            ".dvc/config: MLH507 the default remote 'shared' is set only in"
            f" .dvc/config.local, which git does not share, {PULL}; run: dvc remote"
            " default shared && git add .dvc/config",
        ),
        (
            "[core]\n    remote = storage\n",
            "['remote \"storage\"']\n    url = /home/me/dvc\n",
            ".dvc/config:2:1: MLH507 the default remote 'storage' is not defined in"
            " .dvc/config (only in .dvc/config.local, which git does not share),"
            f" {PULL}; run: dvc remote add storage <url> && git add .dvc/config",
        ),
        (
            "[core\n",
            None,
            ".dvc/config:1:1: MLH005 does not parse as INI: '[core' comes before any"
            " [section] header",
        ),
    ],
)
def test_no_shared_default_remote(git_repo, make_files, capsys, config, local, line):
    copy_project(git_repo, "dvc3")
    make_files({".dvc/config": config})
    if local is not None:
        make_files({".dvc/config.local": local}, track=False)
    assert run(capsys) == (1, [line])
    assert run(capsys, "--no-require-remote") == (0, [])


# Configuration and command line -----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["--data-dirs", "../shared"],
            "check-dvc: error: command line: 'data-dirs': '../shared' is not a folder"
            " path inside the project",
        ),
        (
            ["--max-size", "-1"],
            "check-dvc: error: command line: 'max-size': must be 0 or more (KiB)",
        ),
    ],
)
def test_bad_settings_stop_with_status_2(git_repo, capsys, args, error):
    assert main(args) == 2
    assert capsys.readouterr().err == error + "\n"


def test_excluded_paths_are_not_checked(make_files, capsys):
    make_files({"vendor/x.csv": "a\n", "pyproject.toml": ""})
    (Path("pyproject.toml")).write_text('[tool.mlhooks]\nexclude = ["vendor/"]\n')
    assert run(capsys) == (0, [])


def test_submodules_and_symlinks_hold_no_data(git_repo, make_files, capsys):
    (git_repo / "shared").mkdir()
    (git_repo / "data").mkdir()
    (git_repo / "data" / "big.csv").symlink_to("/mnt/storage/big.csv")
    git(git_repo, "add", "data/big.csv")
    sub = git_repo.parent / "sub"
    sub.mkdir()
    git(sub, "init", "-q")
    git(sub, "commit", "-q", "--allow-empty", "-m", "x")
    git(
        git_repo,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        str(sub),
        "data/external",
    )
    assert run(capsys, "--select", "MLH501") == (0, [])


def test_dvc_files_alone_ask_for_dvc_init(make_files, capsys):
    make_files({"dvc.yaml": "stages: {}\n"})
    assert run(capsys) == (1, [NOT_INITIALISED.format(path="dvc.yaml")])


# Japanese -------------------------------------------------------------------------

JA_WHY = (
    "ガイドラインではデータとモデルを DVC でバージョン管理し、各実験がどのデータを"
    "使ったかを明示します"
)
JA_GIT = "DVC なら git がデータの全版を永久に抱え込むこともありません"
JA_FOLDER = (
    "を git に追加できず、'!' ルールでも戻せません: dvc add は書き込みを拒否し、"
    "既存のものも DVC から見えず、データがバージョン管理されません"
)
JA_KEPT = "(DVC はデータを git の外に置き、ハッシュでバージョン管理します)"
JA_REFUSED = (
    "DVC がこのファイルを受け付けないため、記録された内容を pull も再現もできません。"
    "git から最後の正常な版を取り出すか、削除して dvc repro を実行してください"
)
JA_PULL = "ほかの人 (CI を含む) はデータを dvc pull できません"
JA_NOT_INITIALISED = (
    ".: MLH502 リポジトリにデータ・モデル・DVC ファイル (data/raw/customers.csv)"
    " があるのに DVC が初期化されていません (.dvc/config がありません):"
    f" {JA_WHY}。dvc init を実行し、データを dvc add して .dvc ファイルを"
    "コミットしてください"
)


@pytest.fixture
def reset_language():
    """The language a Japanese run chose does not outlive the test."""
    yield
    set_language("en")


@pytest.mark.usefixtures("reset_language")
@pytest.mark.parametrize(
    ("files", "loose", "args", "expected"),
    [
        (
            {"data/raw/customers.csv": "a\n", "data/raw/labels.txt": "cat\n"},
            {},
            ["--select", "MLH501"],
            [
                "data/raw/customers.csv: MLH501 拡張子 .csv のデータファイルが DVC"
                f" ではなく git で管理されています: {JA_WHY}。{JA_GIT}。次を実行して"
                "ください: git rm --cached data/raw/customers.csv && dvc add"
                " data/raw/customers.csv",
                "data/raw/labels.txt: MLH501 データフォルダ data/ 内のファイルが DVC"
                f" ではなく git で管理されています: {JA_WHY}。{JA_GIT}。次を実行して"
                "ください: git rm --cached data/raw/labels.txt && dvc add"
                " data/raw/labels.txt",
            ],
        ),
        (
            {f"data/raw/images/{i:02}.png": b"\x89PNG" for i in range(12)},
            {},
            ["--select", "MLH501"],
            [
                "data/raw/images: MLH501 data/raw/images/00.png など、data/raw/images/"
                " 内の 12 個のデータファイルが DVC ではなく git で管理されています:"
                f" {JA_WHY}。{JA_GIT}。次を実行してください: git rm -r --cached"
                " data/raw/images && dvc add data/raw/images"
            ],
        ),
        (
            {"assets/blob.bin": b"x" * 3000},
            {},
            ["--select", "MLH501", "--max-size", "2"],
            [
                "assets/blob.bin: MLH501 max-size (2 KiB) を超える 3 KiB のファイルが"
                f" DVC ではなく git で管理されています: {JA_WHY}。{JA_GIT}。次を実行"
                "してください: git rm --cached assets/blob.bin && dvc add assets/blob.bin"
            ],
        ),
        (
            {"data/raw/customers.csv": "a\n"},
            {},
            ["--select", "MLH502"],
            [JA_NOT_INITIALISED],
        ),
        (
            {"data/raw/customers.csv": "a\n"},
            DVC_INIT,
            ["--select", "MLH502"],
            [
                ".dvc/config: MLH502 .dvc/config が git で追跡されていないため、clone"
                " したリポジトリは DVC プロジェクトにならず、データを pull できません:"
                f" {JA_WHY}。次を実行してください: git add .dvc/config .dvc/.gitignore"
                " .dvcignore"
            ],
        ),
        (
            {**DVC_INIT, ".gitignore": "# 生データ\n/data/\n"},
            {"data/raw/x.csv": "a\n"},
            [],
            [
                ".gitignore:2:1: MLH506 ルール '/data/' がフォルダ data/ を無視して"
                "いるため、その下の .dvc ファイル (data/raw/x.csv.dvc)"
                f" {JA_FOLDER}。'/data/' を '/data/**', '!/data/**/' と"
                " '!/data/**/*.dvc' に置き換えてください (ファイルは無視されたまま、"
                "フォルダと .dvc ファイルは無視されなくなります)"
            ],
        ),
        (
            {**DVC_INIT, "data/.gitignore": "*\n!.gitignore\n"},
            {"data/raw/x.csv": "a\n"},
            [],
            [
                "data/.gitignore:1:1: MLH506 ルール '*' がフォルダ data/raw/ を無視して"
                "いるため、その下の .dvc ファイル (data/raw/x.csv.dvc)"
                f" {JA_FOLDER}。data/.gitignore の '*' の下に '!*/' と '!*.dvc' を"
                "追加してください"
            ],
        ),
        (
            {**DVC_INIT, ".gitignore": "data/raw/*\n"},
            {"data/raw/x.csv": "a\n"},
            [],
            [
                ".gitignore:1:1: MLH506 ルール 'data/raw/*' が .dvc ファイル"
                " data/raw/x.csv.dvc を無視しているため、git に追加できず dvc add も"
                "書き込みを拒否し、データがバージョン管理されません。.gitignore の"
                " 'data/raw/*' の下に '!*.dvc' を追加してください"
            ],
        ),
        (
            {**DVC_INIT, ".gitignore": "/dat*/\n"},
            {"data/raw/x.csv": "a\n"},
            [],
            [
                ".gitignore:1:1: MLH506 ルール '/dat*/' がフォルダ data/ を無視して"
                "いるため、その下の .dvc ファイル (data/raw/x.csv.dvc)"
                f" {JA_FOLDER}。'/dat*/' をフォルダではなくフォルダ内のファイルを無視"
                "するように変えてから (git は無視されたフォルダの中を見ないため、'!'"
                " ルールでは .dvc ファイルを戻せません)、'!*.dvc' を追加してください"
            ],
        ),
    ],
)
def test_messages_in_japanese(make_files, capsys, files, loose, args, expected):
    make_files(files)
    make_files(loose, track=False)
    assert run(capsys, "--lang", "ja", *args) == (1, expected)


@pytest.mark.usefixtures("reset_language")
@pytest.mark.parametrize(
    ("remove", "edits", "expected"),
    [
        (
            (),
            {"dvc.lock": ("schema: '2.0'", "schema: 2.0")},
            f"dvc.lock:1:1: MLH503 dvc.lock の schema が '2.0' ではなく 2.0 です:"
            f" {JA_REFUSED}",
        ),
        (
            (),
            {"dvc.lock": ("    - path: src/prepare.py\n", "    - pth: src/x.py\n")},
            "dvc.lock:10:1: MLH503 ステージ 'prepare' が記録する deps の 2 番目の"
            f"エントリに path がありません: {JA_REFUSED}",
        ),
        (
            (),
            {"data/raw/images.dvc": ("outs:", "outz:")},
            "data/raw/images.dvc: MLH503 images.dvc に 'outs' がありません: DVC は"
            "どのデータを追跡しているか判断できません。作り直してください: dvc add"
            " data/raw/images",
        ),
        (
            (),
            {"dvc.yaml": ("  prepare:\n", "  prepare\n")},
            "dvc.yaml:3:1: MLH503 dvc.yaml を YAML として解析できません (mapping"
            " values are not allowed here): DVC が読み込めません。YAML を修正するか、"
            "git から最後の正常な版を取り出してください",
        ),
        (
            (),
            {"dvc.yaml": ("    - src/prepare.py\n", "    - data/raw/labels.csv\n")},
            "dvc.yaml:6:1: MLH504 ステージ 'prepare' が依存する data/raw/labels.csv"
            " が存在しません: 作業ツリーになく、git でも追跡されておらず、生成する .dvc"
            " ファイルやステージもないため、新しい clone では dvc repro が失敗します。"
            "追加する (dvc add data/raw/labels.csv) か、パスを修正してください",
        ),
        (
            ("dvc.lock",),
            {},
            "dvc.yaml: MLH504 dvc.yaml にステージがあるのに dvc.lock がないため、出力を"
            "どのデータとコードで作ったかの記録が残りません (dvc pull で取得できず、"
            "dvc repro は全ステージを再実行します)。次を実行してください: dvc repro &&"
            " git add dvc.lock",
        ),
        (
            ("models/.gitignore",),
            {},
            "dvc.yaml:17:1: MLH505 DVC の出力 models/model.pkl が git で無視されて"
            f"いないため、git add でデータそのものがコミットされてしまいます {JA_KEPT}。"
            "models/.gitignore に /model.pkl の行を追加してください (dvc add と dvc"
            " repro が書き込む行です)",
        ),
        (
            (),
            {".dvc/config": ("    remote = storage\n", "")},
            f".dvc/config: MLH507 .dvc/config にデフォルトリモートがありません: dvc"
            f" push の送り先がないため、{JA_PULL}。次を実行してください: dvc remote"
            " add -d storage <url> && git add .dvc/config",
        ),
    ],
)
def test_dvc_file_messages_in_japanese(git_repo, capsys, remove, edits, expected):
    copy_project(git_repo, "dvc3", *remove, edits=edits)
    assert run(capsys, "--lang", "ja") == (1, [expected])


@pytest.mark.usefixtures("reset_language")
@pytest.mark.parametrize(
    ("config", "local", "line"),
    [
        (
            "",
            REMOTE.format(name="mine"),
            ".dvc/config: MLH507 デフォルトリモート 'mine' が git で共有されない"
            f" .dvc/config.local にしか設定されていないため、{JA_PULL}。次を実行して"
            "ください: dvc remote add mine <url> && dvc remote default mine && git add"
            " .dvc/config",
        ),
        (
            "[core]\n    remote = storage\n",
            "['remote \"storage\"']\n    url = /home/me/dvc\n",
            ".dvc/config:2:1: MLH507 デフォルトリモート 'storage' が .dvc/config に"
            "定義されていません (git で共有されない .dvc/config.local にしかありません)。"
            f"そのため{JA_PULL}。次を実行してください: dvc remote add storage <url> &&"
            " git add .dvc/config",
        ),
        (
            "[core]\n    remote = storage\n",
            None,
            ".dvc/config:2:1: MLH507 デフォルトリモート 'storage' が .dvc/config に"
            f"定義されていないため、{JA_PULL}。次を実行してください: dvc remote add"
            " storage <url> && git add .dvc/config",
        ),
    ],
)
def test_remote_messages_in_japanese(git_repo, make_files, capsys, config, local, line):
    copy_project(git_repo, "dvc3")
    make_files({".dvc/config": config})
    if local is not None:
        make_files({".dvc/config.local": local}, track=False)
    assert run(capsys, "--lang", "ja") == (1, [line])


@pytest.mark.usefixtures("reset_language")
def test_lang_in_pyproject_gives_japanese(make_files, capsys):
    make_files({"data/raw/customers.csv": "a\n"})
    make_files({"pyproject.toml": '[tool.mlhooks]\nlang = "ja"\n'})
    assert run(capsys, "--select", "MLH502") == (1, [JA_NOT_INITIALISED])


@pytest.mark.usefixtures("reset_language")
def test_a_japanese_locale_gives_japanese(make_files, capsys, monkeypatch):
    make_files({"data/raw/customers.csv": "a\n"})
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert run(capsys, "--select", "MLH502") == (1, [JA_NOT_INITIALISED])
    assert run(capsys, "--select", "MLH502", "--lang", "en") == (
        1,
        [NOT_INITIALISED.format(path="data/raw/customers.csv")],
    )
