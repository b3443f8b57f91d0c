from __future__ import annotations

from pathlib import Path

from conftest import git

from mlhooks._dvcfiles import DvcProject, Out
from mlhooks._dvcignore import ignore_problems
from mlhooks._files import Repo


def repo_with(root: Path, files: dict[str, str]) -> Repo:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    git(root, "add", "-A")
    return Repo(root, in_git=True)


def test_a_folder_only_rule_ignores_a_folder_output_not_pulled_yet(git_repo):
    repo = repo_with(git_repo, {"data/.gitignore": "/images/\n"})
    project = DvcProject(outs=[Out("data/images", "data/images.dvc", 2, is_dir=True)])
    assert ignore_problems(repo, project, [], [], 10) == ([], [])


def test_uncached_outputs_belong_in_git(git_repo):
    repo = repo_with(git_repo, {"metrics.json": "{}\n"})
    project = DvcProject(outs=[Out("metrics.json", "dvc.yaml", 9, cache=False)])
    assert ignore_problems(repo, project, ["metrics.json"], [], 10) == ([], [])


def test_many_data_files_in_a_folder_are_probed_as_the_folder(git_repo):
    repo = repo_with(git_repo, {".gitignore": "/data/\n"})
    data = [f"data/images/{i}.png" for i in range(3)]
    for path in data:
        (git_repo / path).parent.mkdir(parents=True, exist_ok=True)
        (git_repo / path).write_bytes(b"\x89PNG")
    _, hidden = ignore_problems(repo, DvcProject(), data, data, 2)
    assert len(hidden) == 1 and "(data/images.dvc)" in hidden[0].message
    _, hidden = ignore_problems(repo, DvcProject(), data, data, 3)
    assert "(data/images/0.png.dvc)" in hidden[0].message
