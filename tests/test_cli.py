from __future__ import annotations

import json

import pytest

from mlhooks.cli import load_hooks, main

COMPLETE = {
    "requirements.txt": "numpy\n",
    "README.md": "# churn\n",
    "params.yaml": "seed: 1\n",
    ".gitignore": "data/\n",
    ".pre-commit-config.yaml": "repos: []\n",
}


def test_every_hook_module_is_loaded():
    ids = [hook.id for hook in load_hooks()]
    assert "check-required-files" in ids
    assert ids == sorted(ids)


def test_check_prints_findings_then_a_summary(make_files, capsys):
    make_files({k: v for k, v in COMPLETE.items() if k != ".gitignore"})
    assert main(["check", "--hooks", "check-required-files"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(".: MLH404 no .gitignore: ")
    assert out.endswith(
        "\nSummary by guideline section:\n"
        "  code                   not checked\n"
        "  notebooks              not checked\n"
        "  documents              1 finding    check-required-files 1\n"
        "  data and experiments   not checked\n"
        "  tooling                not checked\n"
        "1 finding (0 fixed) from 1 hook.\n"
    )


def test_check_clean_project_exits_0(make_files, capsys):
    make_files(COMPLETE)
    assert main(["check", "--hooks", "check-required-files"]) == 0
    assert "  documents              ok\n" in capsys.readouterr().out


def test_check_a_subfolder_shows_paths_from_here(make_files, capsys):
    make_files({"examples/demo/README.md": "# x\n"})
    assert main(["check", "examples/demo", "--select", "MLH402,MLH404"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("examples/demo: MLH404 no .gitignore")
    assert not any("MLH402" in line for line in lines)


def test_check_json_has_no_summary(make_files, capsys):
    make_files(COMPLETE)
    assert main(["check", "--format", "json", "--hooks", "check-required-files"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_select_skips_hooks_without_selected_codes(make_files, capsys):
    make_files(COMPLETE)
    main(["check", "--select", "MLH40"])
    out = capsys.readouterr().out
    assert "from 1 hook." in out


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (
            ["check", "missing-folder"],
            "mlhooks check: error: missing-folder: not a folder\n",
        ),
        (
            ["check", "--hooks", "check-nothing"],
            "mlhooks check: error: unknown hook id check-nothing (valid: ",
        ),
    ],
)
def test_check_usage_errors(git_repo, capsys, argv, error):
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith(error)


def test_check_broken_config(make_files, capsys):
    make_files({"pyproject.toml": "[tool.mlhooks]\nselect = 'MLH'\n"})
    assert main(["check"]) == 2
    assert capsys.readouterr().err == (
        "mlhooks check: error: pyproject.toml: 'select' must be a list of strings,"
        " not str 'MLH'\n"
    )


def test_rules_lists_every_code(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "MLH001  file is not valid UTF-8\n" in out
    for hook in load_hooks():
        for code in hook.codes:
            assert f"\n{code}  " in out


def test_core_codes_select_every_hook(make_files, capsys):
    make_files({"README.md": b"# x\n\xff\n"})
    assert main(["check", "--select", "MLH0"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "README.md:2:1: MLH001 not valid UTF-8 (byte 0xff at offset 4)"
    )


def test_check_gitlab_report_has_no_summary(make_files, capsys):
    make_files({k: v for k, v in COMPLETE.items() if k != ".gitignore"})
    argv = ["check", "--format", "gitlab", "--hooks", "check-required-files"]
    assert main(argv) == 1
    [issue] = json.loads(capsys.readouterr().out)
    assert issue["check_name"] == "MLH404"
    assert issue["location"] == {"path": ".", "lines": {"begin": 1}}
