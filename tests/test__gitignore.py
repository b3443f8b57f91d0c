from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import git

from mlhooks._gitignore import Rule, dvc_friendly_edit, ignore_rules


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# What git says, case by case: the rule (source, line, pattern), or None.
TRICKY = [
    ({".gitignore": "/data/\n"}, ["data/raw"], "data/raw/x.csv.dvc", (1, "/data/")),
    (
        {".gitignore": "/data/\n!/data/**/*.dvc\n"},
        ["data/raw"],
        "data/raw/x.csv.dvc",
        (1, "/data/"),  # nothing inside an ignored folder comes back
    ),
    ({".gitignore": "/data/*\n!/data/*.dvc\n"}, ["data"], "data/x.dvc", None),
    (
        {".gitignore": "/data/*\n!/data/*.dvc\n"},
        ["data/raw"],
        "data/raw/x.csv.dvc",
        (1, "/data/*"),
    ),
    ({".gitignore": "data/*\n"}, ["sub/data"], "sub/data/x.csv", None),  # anchored
    ({".gitignore": "data/\n"}, ["sub/data"], "sub/data/x.csv", (1, "data/")),
    ({".gitignore": "**/raw/\n"}, ["a/b/raw"], "a/b/raw/x.csv", (1, "**/raw/")),
    ({".gitignore": "/data/**\n!/data/**/\n"}, ["data/raw"], "data/raw", None),
    ({".gitignore": "/images/\n"}, ["images"], "images", (1, "/images/")),
    ({".gitignore": "/images/\n"}, [], "images", None),  # absent: taken as a file
    ({".gitignore": "z   \n"}, [], "z", (1, "z")),  # trailing spaces dropped
    ({".gitignore": "w\\ \n"}, [], "w ", (1, "w\\ ")),  # unless escaped
    ({".gitignore": "\\#x\n#y\n"}, [], "#x", (1, "\\#x")),
    ({".gitignore": "\\#x\n#y\n"}, [], "#y", None),  # a comment
]


@pytest.mark.parametrize(("files", "folders", "path", "rule"), TRICKY)
def test_git_answers_which_rule_ignores_a_path(git_repo, files, folders, path, rule):
    write(git_repo, files)
    for folder in folders:
        (git_repo / folder).mkdir(parents=True, exist_ok=True)
    expected = {path: Rule(".gitignore", *rule)} if rule else {}
    assert ignore_rules(git_repo, [path]) == expected


def test_nested_gitignore_files_take_precedence(git_repo):
    write(git_repo, {".gitignore": "*.csv\n", "data/.gitignore": "!keep.csv\n"})
    found = ignore_rules(git_repo, ["data/keep.csv", "data/x.csv", "データ/顧客.csv"])
    assert found == {
        "data/x.csv": Rule(".gitignore", 1, "*.csv"),
        "データ/顧客.csv": Rule(".gitignore", 1, "*.csv"),
    }


def test_personal_exclude_files_do_not_count(git_repo):
    (git_repo / ".git" / "info" / "exclude").write_text("*.csv\n")
    assert ignore_rules(git_repo, ["x.csv"]) == {}


def test_sources_are_relative_to_a_project_below_the_top(git_repo):
    write(git_repo, {".gitignore": "*.csv\n", "proj/.gitignore": "/data/\n"})
    (git_repo / "proj" / "data").mkdir()
    found = ignore_rules(git_repo / "proj", ["a.csv", "data/x.dvc", "ok.txt"])
    assert found == {
        "a.csv": Rule("../.gitignore", 1, "*.csv"),
        "data/x.dvc": Rule(".gitignore", 1, "/data/"),
    }


def test_paths_beyond_a_symlink_are_left_out(git_repo, tmp_path):
    (tmp_path / "nas").mkdir()
    (git_repo / "data").symlink_to(tmp_path / "nas")
    write(git_repo, {".gitignore": "*.csv\n"})
    assert ignore_rules(git_repo, ["data/x.csv", "data", "y.csv"]) == {
        "y.csv": Rule(".gitignore", 1, "*.csv")
    }


def test_no_paths_no_question():
    assert ignore_rules(Path("/nonexistent"), []) == {}


# The suggested edits, applied and checked by git itself.
EDITS = [
    ({".gitignore": "/data/\n"}, "data/raw/x.csv"),
    ({".gitignore": "# data\ndata/\n"}, "data/raw/x.csv"),
    ({".gitignore": "/data/*\n!/data/.gitkeep\n"}, "data/raw/x.csv"),
    ({".gitignore": "/data/raw/\n"}, "data/raw/x.csv"),
    ({".gitignore": "/models\n"}, "models/model.pkl"),
    ({".gitignore": "data/raw/*\n!data/raw/.gitkeep\n"}, "data/raw/x.csv"),
    ({".gitignore": "*.csv*\n"}, "data/raw/x.csv"),
    ({"data/.gitignore": "*\n!.gitignore\n"}, "data/raw/x.csv"),
    ({".gitignore": "*.dvc\n"}, "data/x.csv"),
]


def apply(root: Path, rule: Rule, action: str, lines: list[str]) -> None:
    path = root / rule.source
    text = path.read_text().split("\n")
    at = rule.line - 1
    text[at : at + 1] = {
        "delete": [],
        "add": [text[at], *lines],
        "replace": lines,
    }[action]
    path.write_text("\n".join(text))


def ignored(root: Path, path: str) -> bool:
    args = ("git", "check-ignore", "--no-index", "-q", path)
    return subprocess.run(args, cwd=root).returncode == 0


@pytest.mark.parametrize(("files", "data"), EDITS)
def test_suggested_edits_let_dvc_files_in_and_keep_data_out(git_repo, files, data):
    write(git_repo, {**files, data: "1\n"})
    probe = f"{data}.dvc"
    parts = probe.split("/")
    ancestors = ["/".join(parts[:i]) for i in range(1, len(parts))]
    rules = ignore_rules(git_repo, [probe, *ancestors])
    folder = next((a for a in ancestors if a in rules), "")
    rule = rules[folder or probe]
    action, lines = dvc_friendly_edit(rule, bool(folder))
    apply(git_repo, rule, action, lines)
    (git_repo / probe).write_text("outs: []\n")
    assert not ignored(git_repo, probe)
    git(git_repo, "add", probe)  # git itself agrees
    assert ignored(git_repo, data) == (action != "delete")


def test_no_exact_edit_for_a_wildcard_folder_rule():
    assert dvc_friendly_edit(Rule(".gitignore", 1, "/dat*/"), True) == ("", [])
