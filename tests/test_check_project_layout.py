from __future__ import annotations

import json
from pathlib import Path

import pytest
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
NO_PACKAGE = (
    ".: MLH422 no source package (no folder with a tracked __init__.py, top-level or"
    " under src/): the layout keeps reusable code in one importable package (e.g."
    " <name>/__init__.py with dataset.py, features.py, modeling/train.py) so notebooks"
    " and scripts import it instead of copying code; create <name>/__init__.py, or set"
    " source-package"
)


def missing(folder: str, purpose: str = "", fixed: bool = False) -> str:
    """The MLH421 line for ``folder`` with the mkdir advice."""
    what = purpose or PURPOSE.get(folder, "required by the layout")
    return (
        f"{folder}: MLH421 missing folder {folder} ({what}): {WHY}; run: mkdir -p"
        f" {folder} && touch {folder}/.gitkeep, or run the hook with --fix"
        + (" [fixed]" if fixed else "")
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
        if ".git" not in p.relative_to(root).parts[:1]
    )


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


def test_folders_on_disk_count_without_tracked_files(make_files, capsys):
    make_files(PACKAGE)
    for folder in FOLDERS:
        (Path.cwd() / folder).mkdir(parents=True)
    assert main([]) == 0
    assert capsys.readouterr().out == ""


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
    assert main(["--fix"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        NO_PACKAGE,
        renamed("notebooks", "rename nb to notebooks: mv nb notebooks"),
    ]


def test_fix_never_touches_an_existing_file(make_files, capsys):
    keeps = {k: v for k, v in KEEPS.items() if not k.startswith("models/")}
    root = make_files({**PACKAGE, **keeps, "models": "not a folder\n"})
    assert main(["--fix"]) == 1
    assert capsys.readouterr().out == missing("models") + "\n"
    assert (root / "models").read_text() == "not a folder\n"


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
    "files",
    [
        {"README.md": "# x\n"},
        {"__init__.py": ""},
        {"tests/__init__.py": "", "docs/__init__.py": "", "scripts/__init__.py": ""},
        {"notebooks/__init__.py": "", "examples/__init__.py": ""},
        {"benchmarks/__init__.py": "", ".github/__init__.py": ""},
        {"src/tests/__init__.py": "", "src/.cache/__init__.py": ""},
        {"lib/churn/__init__.py": "", "src/churn/train.py": ""},
    ],
)
def test_no_source_package(make_files, capsys, files):
    make_files({**KEEPS, **files})
    assert main([]) == 1
    assert capsys.readouterr().out == NO_PACKAGE + "\n"


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
            "'required' value '../shared/data' leaves the project ('..')",
        ),
        (
            ["--required", "/srv/data"],
            "'required' value '/srv/data' is an absolute path",
        ),
        (["--required", "C:/data"], "'required' value 'C:/data' is an absolute path"),
        (["--required", "./"], "'required' value './' is empty"),
        (
            ["--source-package", "../pkg"],
            "'source-package' value '../pkg' leaves the project ('..')",
        ),
    ],
)
def test_bad_paths_are_config_errors(git_repo, capsys, args, problem):
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"check-project-layout: error: {problem}; give a folder path relative to the"
        " project root\n"
    )


def test_bad_path_in_pyproject(make_files, capsys):
    make_files(
        {"pyproject.toml": "[tool.mlhooks.check-project-layout]\nrequired = ['../x']\n"}
    )
    assert main([]) == 2
    assert capsys.readouterr().err == (
        "check-project-layout: error: 'required' value '../x' leaves the project"
        " ('..'); give a folder path relative to the project root\n"
    )


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
