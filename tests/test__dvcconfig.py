from __future__ import annotations

from pathlib import Path

import pytest

from mlhooks._dvcconfig import remote_problem

RESOURCES = Path(__file__).parent / "resources" / "check-dvc"


@pytest.mark.parametrize("version", ["dvc2", "dvc3"])
def test_the_remote_dvc_writes_is_shared(version):
    assert remote_problem(RESOURCES / version, "") is None


@pytest.mark.parametrize(
    "config",
    [
        "[core]\nremote = s3\n['remote \"s3\"']\nurl = s3://bucket/x\n",
        '[core]\n    remote = "s3"\n[remote "s3"]\n    url = s3://b\n',
        "[ core ]\n  remote = s3\n  autostage = true\n[ 'remote \"s3\"' ]\n  url = x\n",
    ],
)
def test_spellings_of_a_shared_default_remote(tmp_path, config):
    (tmp_path / "sub" / ".dvc").mkdir(parents=True)
    (tmp_path / "sub" / ".dvc" / "config").write_text(config)
    assert remote_problem(tmp_path, "sub/") is None


def test_a_project_in_a_subfolder_names_its_own_files(tmp_path):
    (tmp_path / "sub" / ".dvc").mkdir(parents=True)
    (tmp_path / "sub" / ".dvc" / "config").write_text("[core]\n    autostage = true\n")
    problem = remote_problem(tmp_path, "sub/")
    assert problem is not None and problem.path == "sub/.dvc/config"
    assert problem.message.startswith("no default remote in sub/.dvc/config:")
