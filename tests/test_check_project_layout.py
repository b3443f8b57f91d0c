from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import git

import mlhooks.check_project_layout as layout
from mlhooks.check_project_layout import main

FOLDERS = [
    "data/external",
    "data/interim",
    "data/processed",
    "data/raw",
    "models",
    "notebooks",
    "references",
    "reports/figures",
]
PURPOSE = {
    "data/external": "data from third-party sources",
    "data/interim": "intermediate data that has been transformed",
    "data/processed": "the final, canonical data sets for modeling",
    "data/raw": "the original, immutable data dump",
    "models": "trained and serialized models, model predictions or model summaries",
    "notebooks": "Jupyter notebooks, named like 1.0-jqp-initial-data-exploration",
    "references": "data dictionaries, manuals and other explanatory material",
    "reports/figures": "generated graphics and figures used in reports",
}
WHY = (
    "a shared layout lets anyone find data, models, notebooks and reports in every"
    " repository"
)
PACKAGE = {"churn/__init__.py": "", "churn/dataset.py": "import pandas\n"}
KEEPS = {f"{folder}/.gitkeep": "" for folder in FOLDERS}
PACKAGE_WHY = (
    "the layout keeps reusable code in one importable package (e.g."
    " <name>/__init__.py with dataset.py, features.py, modeling/train.py) so notebooks"
    " and scripts import it instead of copying code"
)
NO_PACKAGE = (
    ".: MLH422 no source package (no folder with a tracked __init__.py, top-level or"
    f" under src/): {PACKAGE_WHY}; create <name>/__init__.py"
)


def missing(folder: str, purpose: str = "", fixed: bool = False) -> str:
    """The MLH421 line for ``folder`` with the mkdir advice."""
    what = purpose or PURPOSE.get(folder, "required by the layout")
    return (
        f"{folder}: MLH421 missing folder {folder} ({what}): {WHY}; run: mkdir -p"
        f" {folder} && touch {folder}/.gitkeep, or run the hook with --fix"
        + (" [fixed]" if fixed else "")
    )


def untracked(folder: str, fixed: bool = False) -> str:
    """The MLH421 line for a folder that exists but holds nothing tracked."""
    return (
        f"{folder}: MLH421 {folder} exists here but git tracks nothing in it, so a"
        f" fresh clone lacks it; add {folder}/.gitkeep (git add it), or run the hook"
        " with --fix" + (" [fixed]" if fixed else "")
    )


def renamed(folder: str, command: str) -> str:
    return (
        f"{folder}: MLH421 missing folder {folder} ({PURPOSE[folder]}): {WHY};"
        f" {command}"
    )


def tree(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if ".git" not in p.relative_to(root).parts
    )


def git_add_all() -> None:
    git(Path.cwd(), "add", "-A")


def test_literal_message(make_files, capsys):
    make_files({**PACKAGE, **{k: v for k, v in KEEPS.items() if "interim" not in k}})
    assert main([]) == 1
    assert capsys.readouterr().out == (
        "data/interim: MLH421 missing folder data/interim (intermediate data that has"
        " been transformed): a shared layout lets anyone find data, models, notebooks"
        " and reports in every repository; run: mkdir -p data/interim && touch"
        " data/interim/.gitkeep, or run the hook with --fix\n"
    )


def test_complete_tracked_tree_passes(make_files, capsys):
    make_files({**PACKAGE, **KEEPS, "docs/index.md": "# docs\n"})
    assert main([]) == 0
    assert capsys.readouterr().out == ""


def test_folders_only_on_disk_are_missing_in_a_clone(make_files, capsys):
    root = make_files(PACKAGE)
    for folder in FOLDERS:
        (root / folder).mkdir(parents=True)
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == [untracked(f) for f in FOLDERS]
    assert main(["--fix"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        untracked(f, fixed=True) for f in FOLDERS
    ]
    assert tree(root) == sorted(
        ["churn", *PACKAGE, "data", "reports"] + FOLDERS + list(KEEPS)
    )
    assert main(["--fix"]) == 1  # created but not yet added: nothing more to do
    assert capsys.readouterr().out.splitlines() == [untracked(f) for f in FOLDERS]
    git_add_all()
    assert main([]) == 0


@pytest.mark.parametrize(
    ("files", "tracked"),
    [
        ({"models/model.pkl": b"\x00"}, {".gitignore": "*.pkl\n"}),
        ({"models/.cache/x": ""}, {".gitignore": ".cache/\r\n"}),
        ({"models/ノート.md": "# 未追跡\n"}, {}),
    ],
)
def test_folder_holding_only_untracked_files_is_missing(
    make_files, capsys, files, tracked
):
    keeps = {k: v for k, v in KEEPS.items() if not k.startswith("models/")}
    root = make_files({**PACKAGE, **keeps, **tracked})
    make_files(files, track=False)
    before = tree(root)
    assert main([]) == 1
    assert capsys.readouterr().out == untracked("models") + "\n"
    assert main(["--fix"]) == 1
    assert capsys.readouterr().out == untracked("models", fixed=True) + "\n"
    assert tree(root) == sorted(before + ["models/.gitkeep"])
    assert (root / "models" / ".gitkeep").read_bytes() == b""


def test_ignored_files_in_a_folder_that_is_not_ignored(make_files, capsys):
    keeps = {k: v for k, v in KEEPS.items() if k != "data/raw/.gitkeep"}
    make_files({**PACKAGE, **keeps, ".gitignore": "/data/raw/*.csv\n"})
    make_files({"data/raw/churn.csv": "id,label\n"}, track=False)
    assert main([]) == 1
    assert capsys.readouterr().out == (
        "data/raw: MLH421 data/raw exists here but git tracks nothing in it, so a"
        " fresh clone lacks it; add data/raw/.gitkeep (git add it), or run the hook"
        " with --fix\n"
    )


def test_empty_repository_reports_every_folder_sorted(git_repo, capsys):
    assert main([]) == 1
    expected = [NO_PACKAGE] + [missing(folder) for folder in FOLDERS]
    assert capsys.readouterr().out.splitlines() == expected


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_missing_folder_is_reported_alone(make_files, capsys, folder):
    make_files(
        {**PACKAGE, **{k: v for k, v in KEEPS.items() if k != folder + "/.gitkeep"}}
    )
    assert main([]) == 1
    assert capsys.readouterr().out == missing(folder) + "\n"


def test_tracked_file_counts_even_when_deleted_from_disk(make_files, capsys):
    make_files({**PACKAGE, **KEEPS, "models/model.pkl.dvc": "outs: []\n"})
    (Path.cwd() / "models" / ".gitkeep").unlink()
    (Path.cwd() / "models" / "model.pkl.dvc").unlink()
    (Path.cwd() / "models").rmdir()
    assert main([]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("files", "still_missing"),
    [
        ({".gitignore": "/data/\n"}, []),
        ({".gitignore": "/data/\r\n"}, []),
        ({".gitignore": "data\n"}, []),
        ({".gitignore": "/data/*.csv\n"}, FOLDERS[:4]),
        ({"data/.gitignore": "/raw\n/interim\n"}, ["data/external", "data/processed"]),
        ({"data/.gitignore": "*\n!.gitignore\n"}, []),
    ],
)
def test_git_ignored_folders_count(make_files, capsys, files, still_missing):
    keeps = {k: v for k, v in KEEPS.items() if not k.startswith("data/")}
    make_files({**PACKAGE, **keeps, **files})
    assert main([]) == (1 if still_missing else 0)
    assert capsys.readouterr().out == "".join(missing(f) + "\n" for f in still_missing)


@pytest.mark.parametrize(
    ("existing", "folder", "command"),
    [
        ("nb/eda.py", "notebooks", "rename nb to notebooks: git mv nb notebooks"),
        (
            "notebook/a.py",
            "notebooks",
            "rename notebook to notebooks: git mv notebook notebooks",
        ),
        (
            "Notebooks/a.py",
            "notebooks",
            "rename Notebooks to notebooks: git mv Notebooks notebooks",
        ),
        ("model/m.pkl.dvc", "models", "rename model to models: git mv model models"),
        (
            "refs/paper.pdf",
            "references",
            "rename refs to references: git mv refs references",
        ),
        (
            "reference/a.md",
            "references",
            "rename reference to references: git mv reference references",
        ),
        (
            "figures/roc.png",
            "reports/figures",
            "rename figures to reports/figures: mkdir -p reports && git mv figures"
            " reports/figures",
        ),
        (
            "reports/figs/roc.png",
            "reports/figures",
            "rename reports/figs to reports/figures: git mv reports/figs"
            " reports/figures",
        ),
        (
            "data/raw_data/.gitkeep",
            "data/raw",
            "rename data/raw_data to data/raw: git mv data/raw_data data/raw",
        ),
    ],
)
def test_near_miss_folder_is_to_be_renamed(
    make_files, capsys, existing, folder, command
):
    keeps = {k: v for k, v in KEEPS.items() if not k.startswith(folder + "/")}
    make_files({**PACKAGE, **keeps, existing: ""})
    assert main([]) == 1
    assert capsys.readouterr().out == renamed(folder, command) + "\n"


def test_untracked_near_miss_is_renamed_with_mv(make_files, capsys):
    keeps = {k: v for k, v in KEEPS.items() if not k.startswith("notebooks/")}
    make_files({**PACKAGE, **keeps})
    make_files({"nb/eda.ipynb": "{}"}, track=False)
    assert main(["--fix"]) == 1
    assert capsys.readouterr().out == (
        renamed("notebooks", "rename nb to notebooks: mv nb notebooks") + "\n"
    )
    assert not (Path.cwd() / "notebooks").exists()


def test_package_named_like_a_folder_is_not_a_near_miss(make_files, capsys):
    keeps = {k: v for k, v in KEEPS.items() if not k.startswith("models/")}
    make_files({**keeps, "model/__init__.py": "", "model/train.py": ""})
    assert main([]) == 1
    assert capsys.readouterr().out == missing("models") + "\n"


def test_fix_creates_gitkeep_files_and_second_run_is_clean(make_files, capsys):
    root = make_files({**PACKAGE, "README.md": "# 解約予測\n"})
    assert main(["--fix"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [missing(folder, fixed=True) for folder in FOLDERS]
    assert tree(root) == sorted(
        ["README.md", "churn", *PACKAGE, "data", "reports"] + FOLDERS + list(KEEPS)
    )
    assert all((root / keep).read_bytes() == b"" for keep in KEEPS)
    assert (root / "README.md").read_text(encoding="utf-8") == "# 解約予測\n"
    assert main(["--fix"]) == 1  # until they are added, a clone would lack them
    assert capsys.readouterr().out.splitlines() == [untracked(f) for f in FOLDERS]
    git_add_all()
    assert main(["--fix"]) == 0
    assert capsys.readouterr().out == ""
    assert main([]) == 0


def test_fix_leaves_near_miss_and_source_package_unfixed(git_repo, capsys):
    (git_repo / "nb").mkdir()
    assert main(["--fix"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == NO_PACKAGE
    assert renamed("notebooks", "rename nb to notebooks: mv nb notebooks") in lines
    assert len([line for line in lines if line.endswith(" [fixed]")]) == 7
    assert "notebooks" not in tree(git_repo)
    git_add_all()
    assert main(["--fix"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        NO_PACKAGE,
        renamed("notebooks", "rename nb to notebooks: mv nb notebooks"),
    ]


@pytest.mark.parametrize(
    ("folder", "files", "name"),
    [
        ("models", {"models": "not a folder\n"}, "models"),
        ("models", {"models": "", "model/m.pkl.dvc": ""}, "models"),
        ("data/raw", {"data": "not a folder\n"}, "data"),
        ("reports/figures", {"reports/figures": b"\x89PNG"}, "reports/figures"),
    ],
)
def test_name_taken_by_a_file(make_files, capsys, folder, files, name):
    top = folder.split("/")[0]
    keeps = {k: v for k, v in KEEPS.items() if not k.startswith(top + "/")}
    root = make_files({**PACKAGE, **keeps, **files})
    before = {path: (root / path).read_bytes() for path in files}
    lines = [
        f"{f}: MLH421 missing folder {f} ({PURPOSE[f]}): {WHY}; the name {name} is"
        " taken by a file: move that file away, then run the hook with --fix"
        for f in FOLDERS
        if f == folder or (top == "data" and f.startswith("data/"))
    ]
    assert main(["--fix"]) == 1
    assert capsys.readouterr().out.splitlines() == lines
    assert before == {path: (root / path).read_bytes() for path in files}


def test_failed_fix_says_why_in_one_line(make_files, capsys, monkeypatch):
    def refuse(path: Path, data: bytes) -> bool:
        raise PermissionError(13, "Permission denied", str(path))

    keeps = {k: v for k, v in KEEPS.items() if not k.startswith("models/")}
    root = make_files({**PACKAGE, **keeps})
    before = tree(root)
    monkeypatch.setattr(layout, "write_atomic", refuse)
    assert main(["--fix"]) == 1
    assert capsys.readouterr().out == (
        missing("models")
        + "; --fix could not create models/.gitkeep: Permission denied\n"
    )
    assert tree(root) == before


@pytest.mark.parametrize("target", ["mount", "mount/raw", None])
@pytest.mark.parametrize("in_git", [True, False])
def test_fix_never_writes_through_a_symlink_leading_outside(
    tmp_path, monkeypatch, capsys, target, in_git
):
    root, outside = tmp_path / "repo", tmp_path / "outside"
    root.mkdir()
    if in_git:
        git(root, "init", "-q")
    if target:
        (outside / target).mkdir(parents=True)
    (root / "data").symlink_to(outside / "mount", target_is_directory=True)
    monkeypatch.chdir(root)
    before = tree(tmp_path)
    args = ["--fix", "--no-require-source-package", "--required", "data/raw"]
    expected = (
        f"data/raw: MLH421 missing folder data/raw ({PURPOSE['data/raw']}): {WHY}; a"
        " symlink leads outside the repository (data), so data/raw cannot be created"
        " in it: make data a folder, or add /data to .gitignore if the data lives"
        " elsewhere\n"
    )
    if in_git or target != "mount/raw":  # outside git, a folder on disk counts
        assert main(args) == 1
        assert capsys.readouterr().out == expected
    else:
        assert main(args) == 0
    assert tree(tmp_path) == before
    assert not os.path.lexists(outside / "mount" / "raw" / ".gitkeep")


@pytest.mark.parametrize(
    ("link", "out"),
    [
        ("storage", ""),
        ("../outside", ""),
        (
            "../absent",
            "data/raw: MLH421 missing folder data/raw (the original, immutable data"
            f" dump): {WHY}; a symlink leads outside the repository (data), so"
            " data/raw cannot be created in it: make data a folder, or add /data to"
            " .gitignore if the data lives elsewhere\n",
        ),
    ],
)
def test_tracked_symlink_to_a_folder_counts(make_files, capsys, tmp_path, link, out):
    root = make_files({"storage/raw/.gitkeep": ""})
    (tmp_path / "outside" / "raw").mkdir(parents=True)
    (root / "data").symlink_to(link, target_is_directory=True)
    git(root, "add", "data")
    args = ["--fix", "--no-require-source-package", "--required", "data/raw"]
    assert main(args) == (1 if out else 0)
    assert capsys.readouterr().out == out
    assert tree(tmp_path) == sorted(
        ["outside", "outside/raw", "repo", "repo/data", "repo/storage"]
        + ["repo/storage/raw", "repo/storage/raw/.gitkeep"]
    )


def test_folder_inside_a_submodule_counts(make_files, capsys):
    root = make_files(PACKAGE)
    (root / "data" / "raw").mkdir(parents=True)
    git(root, "update-index", "--add", "--cacheinfo", f"160000,{'1' * 40},data")
    assert main(["--required", "data/raw,data/interim"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("files", "link", "out"),
    [
        ({".gitignore": "/data\n"}, "../outside", ""),
        ({"storage/raw/.gitkeep": ""}, "storage", ""),
        ({"storage/.gitignore": "/raw/\n"}, "storage", ""),
        (
            {".gitignore": "/data/\n"},  # a symlink is not a folder to git
            "../outside",
            "data/raw: MLH421 missing folder data/raw (the original, immutable data"
            f" dump): {WHY}; a symlink leads outside the repository (data), so"
            " data/raw cannot be created in it: make data a folder, or add /data to"
            " .gitignore if the data lives elsewhere\n",
        ),
    ],
)
def test_symlinked_data_folder(make_files, capsys, tmp_path, files, link, out):
    root = make_files(files)
    (tmp_path / "outside" / "raw").mkdir(parents=True)
    (root / "storage").mkdir(exist_ok=True)
    (root / "data").symlink_to(link, target_is_directory=True)
    assert main(["--no-require-source-package", "--required", "data/raw"]) == (
        1 if out else 0
    )
    assert capsys.readouterr().out == out


@pytest.mark.parametrize(
    ("required", "line"),
    [
        (
            "my data",
            "my data: MLH421 missing folder my data (required by the layout): {WHY};"
            " run: mkdir -p 'my data' && touch 'my data/.gitkeep', or run the hook with"
            " --fix",
        ),
        (
            "a&b;$(rm)",
            "a&b;$(rm): MLH421 missing folder a&b;$(rm) (required by the layout):"
            " {WHY}; run: mkdir -p 'a&b;$(rm)' && touch 'a&b;$(rm)/.gitkeep', or run"
            " the hook with --fix",
        ),
        (
            "it's/notebooks",
            "it's/notebooks: MLH421 missing folder it's/notebooks (required by the"
            " layout): {WHY}; rename it's/nb to it's/notebooks: git mv 'it'\"'\"'s/nb'"
            " 'it'\"'\"'s/notebooks'",
        ),
    ],
)
def test_commands_quote_paths(make_files, capsys, required, line):
    make_files({**PACKAGE, "it's/nb/eda.py": ""})
    assert main(["--required", required]) == 1
    assert capsys.readouterr().out == line.format(WHY=WHY) + "\n"


def test_fix_json_marks_fixed(make_files, capsys):
    keeps = {k: v for k, v in KEEPS.items() if not k.startswith("references/")}
    make_files({**PACKAGE, **keeps})
    assert main(["--fix", "--format", "json"]) == 1
    [record] = json.loads(capsys.readouterr().out)
    assert record["path"] == "references"
    assert record["code"] == "MLH421"
    assert record["fixed"] is True


@pytest.mark.parametrize(
    "files",
    [
        {"churn/__init__.py": ""},
        {"src/churn/__init__.py": "", "src/churn/features.py": ""},
        {"src/__init__.py": "", "src/data/make_dataset.py": ""},
        {"tests/__init__.py": "", "解約/__init__.py": ""},
    ],
)
def test_source_package_found(make_files, capsys, files):
    make_files({**KEEPS, **files})
    assert main([]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    ("files", "hint"),
    [
        ({"README.md": "# x\n"}, ""),
        ({"__init__.py": ""}, ""),
        ({"lib/churn/__init__.py": "", "lib/churn/train.py": ""}, ""),
        ({"src/tests/test_a.py": "", ".github/__init__.py": ""}, ""),
        (
            {
                "tests/__init__.py": "",
                "docs/__init__.py": "",
                "scripts/__init__.py": "",
            },
            "docs/ or scripts/ or tests/",
        ),
        (
            {"notebooks/__init__.py": "", "examples/__init__.py": ""},
            "examples/ or notebooks/",
        ),
        ({"benchmarks/__init__.py": "", ".github/__init__.py": ""}, "benchmarks/"),
        ({"src/tests/__init__.py": "", "src/.cache/__init__.py": ""}, "tests/"),
    ],
)
def test_no_source_package(make_files, capsys, files, hint):
    make_files({**KEEPS, **files})
    assert main([]) == 1
    hint = f", or set source-package if {hint} is the package" if hint else ""
    assert capsys.readouterr().out == NO_PACKAGE + hint + "\n"


@pytest.mark.parametrize(
    ("files", "folder"),
    [
        ({"src/train.py": "", "src/features.py": ""}, "src"),
        ({"src/data/make_dataset.py": "", "src/predict.py": ""}, "src"),
        ({"src/churn/train.py": "", "lib/churn/__init__.py": ""}, "src/churn"),
        ({"src/解約/モデル.py": "", "src/tests/test_a.py": ""}, "src/解約"),
    ],
)
def test_src_folder_of_modules_is_not_a_package(make_files, capsys, files, folder):
    make_files({**KEEPS, **files})
    assert main([]) == 1
    assert capsys.readouterr().out == (
        f".: MLH422 {folder}/ holds Python modules but is not a package: add"
        f" {folder}/__init__.py; {PACKAGE_WHY}\n"
    )


def test_untracked_package_does_not_count_in_git(make_files, capsys):
    make_files(KEEPS)
    make_files(PACKAGE, track=False)
    assert main([]) == 1
    assert capsys.readouterr().out == NO_PACKAGE + "\n"


@pytest.mark.parametrize(
    ("files", "option", "out"),
    [
        ({"src/churn/__init__.py": ""}, "churn", ""),
        ({"churn/__init__.py": ""}, "churn/", ""),
        (
            {"other/__init__.py": ""},
            "churn",
            ".: MLH422 source package churn not found (no tracked churn/__init__.py or"
            " src/churn/__init__.py): the layout keeps reusable code in one importable"
            " package (e.g. <name>/__init__.py with dataset.py, features.py,"
            " modeling/train.py) so notebooks and scripts import it instead of copying"
            " code; create churn/__init__.py\n",
        ),
    ],
)
def test_source_package_option(make_files, capsys, files, option, out):
    make_files({**KEEPS, **files})
    assert main(["--source-package", option]) == (1 if out else 0)
    assert capsys.readouterr().out == out


def test_source_package_can_be_turned_off(make_files, capsys):
    make_files(
        {
            **KEEPS,
            "pyproject.toml": "[tool.mlhooks.check-project-layout]\n"
            "require-source-package = false\n",
        }
    )
    assert main([]) == 0
    assert capsys.readouterr().out == ""
    assert main(["--require-source-package"]) == 1
    assert capsys.readouterr().out == NO_PACKAGE + "\n"


def test_required_override_from_config(make_files, capsys):
    pyproject = (
        "[tool.mlhooks.check-project-layout]\n"
        "required = ['data', './configs/', '資料', 'notebooks']\n"
    )
    make_files({**PACKAGE, "pyproject.toml": pyproject, "資料/説明.md": "# 説明\n"})
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == [
        missing("configs"),
        missing("data", "required by the layout"),
        missing("notebooks"),
    ]
    assert main(["--required", "models"]) == 1
    assert capsys.readouterr().out == missing("models") + "\n"
    assert main(["--required", ""]) == 0


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (
            ["--required", "data,../shared/data"],
            "'required': '../shared/data' leaves the project (..)",
        ),
        (["--required", "/srv/data"], "'required': '/srv/data' is an absolute path"),
        (["--required", "C:/data"], "'required': 'C:/data' is an absolute path"),
        (["--required", "./"], "'required': './' is empty"),
        (
            ["--source-package", "../pkg"],
            "'source-package': '../pkg' leaves the project (..)",
        ),
        (["--source-package", "."], "'source-package': '.' is empty"),
    ],
)
def test_bad_paths_are_config_errors(git_repo, capsys, args, problem):
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"check-project-layout: error: command line: {problem}; give a folder path"
        " relative to the project root\n"
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("required = ['../x']", "'required': '../x' leaves the project (..)"),
        ("required = ['ok', '']", "'required': '' is empty"),
        (
            "source-package = 'D:\\pkg'",
            "'source-package': 'D:\\\\pkg' is an absolute path",
        ),
    ],
)
def test_bad_path_in_pyproject(make_files, capsys, line, problem):
    make_files({"pyproject.toml": f"[tool.mlhooks.check-project-layout]\n{line}\n"})
    assert main([]) == 2
    assert capsys.readouterr().err == (
        "check-project-layout: error: pyproject.toml"
        f" [tool.mlhooks.check-project-layout]: {problem}; give a folder path relative"
        " to the project root\n"
    )


def test_empty_source_package_means_any(make_files, capsys):
    pyproject = "[tool.mlhooks.check-project-layout]\nsource-package = ''\n"
    make_files({**KEEPS, **PACKAGE, "pyproject.toml": pyproject})
    assert main([]) == 0
    assert capsys.readouterr().out == ""


def test_unknown_key_is_a_config_error(make_files, capsys):
    make_files(
        {"pyproject.toml": "[tool.mlhooks.check-project-layout]\nrequire = []\n"}
    )
    assert main([]) == 2
    assert capsys.readouterr().err == (
        "check-project-layout: error: pyproject.toml"
        " [tool.mlhooks.check-project-layout]: unknown key 'require' (did you mean"
        " 'required'? valid keys: require-source-package, required, source-package)\n"
    )


def test_outside_git_only_the_working_tree_counts(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".gitignore").write_text("/data/\n")
    (tmp_path / "churn").mkdir()
    (tmp_path / "churn" / "__init__.py").write_text("")
    for folder in FOLDERS[4:]:
        (tmp_path / folder).mkdir(parents=True)
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == [missing(f) for f in FOLDERS[:4]]
    assert main(["--fix"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        missing(f, fixed=True) for f in FOLDERS[:4]
    ]
    assert main([]) == 0


def test_outside_git_package_message(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["--required", ""]) == 1
    assert capsys.readouterr().out == NO_PACKAGE.replace("a tracked ", "an ") + "\n"


def test_noqa_select(make_files, capsys):
    make_files(KEEPS)
    assert main(["--select", "MLH421"]) == 0
    assert capsys.readouterr().out == ""


def test_runs_from_a_subfolder(make_files, monkeypatch, capsys):
    root = make_files({**PACKAGE, **{k: v for k, v in KEEPS.items() if "raw" not in k}})
    monkeypatch.chdir(root / "models")
    assert main([]) == 1
    assert capsys.readouterr().out == missing("data/raw") + "\n"


JA_WHY = "共通のレイアウトなら、どのリポジトリでも誰もがデータ、モデル、ノートブック、レポートを見つけられます"
JA_PACKAGE_WHY = (
    "このレイアウトでは再利用するコードを import できる 1 つのパッケージ (例: dataset.py、"
    "features.py、modeling/train.py を持つ <name>/__init__.py) にまとめ、ノートブックや"
    "スクリプトはコードをコピーせずにそれを import します"
)
JA_MISSING_MODELS = (
    "models: MLH421 フォルダ models (学習済みでシリアライズしたモデル、モデルの予測や"
    f"サマリー) がありません: {JA_WHY}。mkdir -p models && touch models/.gitkeep を"
    "実行するか、フックを --fix 付きで実行してください"
)
JA_CASES = {
    "missing folder": (
        {**PACKAGE, **{k: v for k, v in KEEPS.items() if "models" not in k}},
        {},
        [],
        [JA_MISSING_MODELS],
    ),
    "near miss": (
        {**PACKAGE, **{k: v for k, v in KEEPS.items() if "notebooks" not in k}},
        {"nb/eda.ipynb": "{}"},
        [],
        [
            "notebooks: MLH421 フォルダ notebooks (1.0-jqp-initial-data-exploration"
            f" のような名前の Jupyter ノートブック) がありません: {JA_WHY}。nb の名前を"
            " notebooks に変更してください (mv nb notebooks)"
        ],
    ),
    "untracked folder and taken name": (
        {**PACKAGE, **{k: v for k, v in KEEPS.items() if "/raw/" not in k}},
        {"data/raw/customers.csv": "id\n", "other": "x\n"},
        ["--required", "data/raw,other/x"],
        [
            "data/raw: MLH421 data/raw は手元にはありますが、git が中身を何も追跡して"
            "いないため、新しく clone すると存在しません: data/raw/.gitkeep を追加して"
            " git add するか、フックを --fix 付きで実行してください",
            "other/x: MLH421 フォルダ other/x (レイアウトで必須) がありません:"
            f" {JA_WHY}。other という名前はファイルが使っています: そのファイルを移動"
            "してから、フックを --fix 付きで実行してください",
        ],
    ),
    "no source package": (
        {**KEEPS, "tests/__init__.py": "", "scripts/__init__.py": ""},
        {},
        [],
        [
            ".: MLH422 ソースパッケージがありません (追跡されている __init__.py を持つ"
            "フォルダが、トップレベルにも src/ の下にもありません):"
            f" {JA_PACKAGE_WHY}。<name>/__init__.py を作成してください。scripts/ または"
            " tests/ がソースパッケージなら source-package を設定してください"
        ],
    ),
    "named source package": (
        {**KEEPS, "other/__init__.py": ""},
        {},
        ["--source-package", "churn"],
        [
            ".: MLH422 ソースパッケージ churn が見つかりません (追跡されている"
            " churn/__init__.py も src/churn/__init__.py もありません):"
            f" {JA_PACKAGE_WHY}。churn/__init__.py を作成してください"
        ],
    ),
    "modules without a package": (
        {**KEEPS, "src/train.py": ""},
        {},
        [],
        [
            ".: MLH422 src/ には Python モジュールがありますが、パッケージになって"
            "いません: src/__init__.py を追加してください。" + JA_PACKAGE_WHY
        ],
    ),
}


@pytest.mark.parametrize(
    ("tracked", "loose", "argv", "expected"), JA_CASES.values(), ids=list(JA_CASES)
)
def test_japanese_messages(make_files, capsys, tracked, loose, argv, expected):
    make_files(tracked)
    make_files(loose, track=False)
    assert main([*argv, "--lang", "ja"]) == 1
    assert capsys.readouterr().out.splitlines() == expected


def test_japanese_failed_fix(make_files, capsys, monkeypatch):
    def refuse(path: Path, data: bytes) -> bool:
        raise PermissionError(13, "Permission denied", str(path))

    make_files({**PACKAGE, **{k: v for k, v in KEEPS.items() if "models" not in k}})
    monkeypatch.setattr(layout, "write_atomic", refuse)
    assert main(["--fix", "--lang", "ja"]) == 1
    assert capsys.readouterr().out == (
        JA_MISSING_MODELS
        + "; --fix で models/.gitkeep を作成できませんでした: Permission denied\n"
    )


def test_lang_in_pyproject_gives_japanese(make_files, capsys):
    keeps = {k: v for k, v in KEEPS.items() if "models" not in k}
    make_files({**PACKAGE, **keeps, "pyproject.toml": '[tool.mlhooks]\nlang = "ja"\n'})
    assert main([]) == 1
    assert capsys.readouterr().out == JA_MISSING_MODELS + "\n"


def test_japanese_locale_gives_japanese(make_files, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    make_files({**PACKAGE, **{k: v for k, v in KEEPS.items() if "models" not in k}})
    assert main([]) == 1
    assert capsys.readouterr().out == JA_MISSING_MODELS + "\n"
