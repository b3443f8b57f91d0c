from __future__ import annotations

import json

import pytest

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option
from mlhooks._diagnostics import Diagnostic, line_diagnostic


def finds(ctx: Context) -> list[Diagnostic]:
    return [
        line_diagnostic("a.py", 1, "MLH201", "first"),
        line_diagnostic("a.py", 2, "MLH202", "second"),
        line_diagnostic("b/c.py", 1, "MLH211", "third"),
        Diagnostic(".", 0, 0, "MLH401", "repo"),
    ]


FAKE = Hook(
    id="check-fake",
    summary="fake",
    section="code",
    codes={"MLH201": "", "MLH202": "", "MLH211": "", "MLH401": ""},
    check=finds,
    options=(Option("level", "int", 1, "a level"),),
)


@pytest.fixture
def project(make_files):
    return make_files({"a.py": "import os\nimport sys  # noqa: MLH202\n", "b/c.py": ""})


def test_run_prints_sorted_findings(project, capsys):
    assert run(FAKE, []) == 1
    assert capsys.readouterr().out == (
        ".: MLH401 repo\na.py:1:1: MLH201 first\nb/c.py:1:1: MLH211 third\n"
    )


@pytest.mark.parametrize(
    ("argv", "pyproject", "codes"),
    [
        (["--select", "MLH2"], "", ["MLH201", "MLH211"]),
        (["--ignore", "MLH20,MLH4"], "", ["MLH211"]),
        ([], "[tool.mlhooks]\nignore = ['MLH201']\n", ["MLH401", "MLH211"]),
        (
            ["--ignore", "MLH211"],
            "[tool.mlhooks]\nignore = ['MLH201']\n",
            ["MLH401", "MLH201"],
        ),
        ([], "[tool.mlhooks]\nselect = ['MLH4']\n", ["MLH401"]),
        (
            [],
            "[tool.mlhooks.per-file-ignores]\n'b/*' = ['MLH2']\n",
            ["MLH401", "MLH201"],
        ),
        (
            [],
            "[tool.mlhooks.per-file-ignores]\n'a.py' = ['MLH201']\n",
            ["MLH401", "MLH211"],
        ),
    ],
)
def test_select_ignore_and_per_file_ignores(project, capsys, argv, pyproject, codes):
    (project / "pyproject.toml").write_text(pyproject)
    run(FAKE, argv)
    out = capsys.readouterr().out
    assert sorted(line.split(" ")[1] for line in out.splitlines()) == sorted(codes)


def test_file_level_noqa(project, capsys):
    (project / "a.py").write_text("# mlhooks: noqa: MLH201\n")
    run(FAKE, [])
    assert "MLH201" not in capsys.readouterr().out


def test_json_format(project, capsys):
    run(FAKE, ["--format", "json", "--select", "MLH401"])
    assert json.loads(capsys.readouterr().out)[0]["code"] == "MLH401"


def test_hook_option_from_file_and_cli(project, capsys):
    seen = []

    def spy(ctx: Context) -> list[Diagnostic]:
        seen.append(ctx.settings.level)
        return []

    hook = Hook(
        id="check-fake",
        summary="",
        section="code",
        codes={},
        check=spy,
        options=FAKE.options,
    )
    assert run(hook, []) == 0
    (project / "pyproject.toml").write_text("[tool.mlhooks.check-fake]\nlevel = 2\n")
    run(hook, [])
    run(hook, ["--level", "3"])
    assert seen == [1, 2, 3]


@pytest.mark.parametrize(
    ("pyproject", "message"),
    [
        ("[tool.mlhooks\n", "check-fake: error: pyproject.toml: invalid TOML: "),
        (
            "[tool.mlhooks]\nselcet = []\n",
            "check-fake: error: pyproject.toml: unknown key 'selcet' (did you mean"
            " 'select'?",
        ),
        (
            "[tool.mlhooks]\nexclude = 'x'\n",
            "check-fake: error: pyproject.toml: 'exclude' must be a list of strings,"
            " not str 'x'\n",
        ),
        (
            "[tool.mlhooks.per-file-ignores]\n'a.py' = 'MLH2'\n",
            "check-fake: error: pyproject.toml: per-file-ignores: 'a.py' must be a"
            " list",
        ),
        (
            "[tool.mlhooks.check-fake]\nlevle = 1\n",
            "check-fake: error: pyproject.toml [tool.mlhooks.check-fake]: unknown key"
            " 'levle' (did you mean 'level'? valid keys: level)\n",
        ),
    ],
)
def test_configuration_errors_exit_2_with_one_line(project, capsys, pyproject, message):
    (project / "pyproject.toml").write_text(pyproject)
    assert run(FAKE, []) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_unknown_hook_subtable_is_an_error(project, capsys):
    (project / "pyproject.toml").write_text("[tool.mlhooks.check-requierd-files]\n")
    assert run(FAKE, []) == 2
    assert "did you mean 'check-required-files'?" in capsys.readouterr().err


def test_usage_error_exits_2_with_one_line(project, capsys):
    with pytest.raises(SystemExit) as info:
        run(FAKE, ["--level", "high"])
    assert info.value.code == 2
    assert capsys.readouterr().err == (
        "check-fake: error: argument --level: invalid int value: 'high' (see --help)\n"
    )


def test_git_failure_is_one_line_exit_2(project, capsys, monkeypatch):
    monkeypatch.setenv("GIT_INDEX_FILE", str(project / "a.py"))  # not an index

    def lists(ctx: Context) -> list[Diagnostic]:
        return [line_diagnostic(p, 1, "MLH201", "x") for p in ctx.repo.tracked]

    hook = Hook(id="check-fake", summary="", section="code", codes={}, check=lists)
    assert run(hook, []) == 2
    err = capsys.readouterr().err
    assert err.startswith("check-fake: error: git ls-files failed in ")
    assert err.count("\n") == 1


def test_internal_error_is_one_line(project, capsys, monkeypatch):
    monkeypatch.delenv("MLHOOKS_DEBUG", raising=False)

    def broken(ctx: Context) -> list[Diagnostic]:
        raise RuntimeError("boom")

    hook = Hook(id="check-fake", summary="", section="code", codes={}, check=broken)
    assert run(hook, []) == 2
    assert capsys.readouterr().err == (
        "check-fake: error: internal error: RuntimeError: boom"
        " (MLHOOKS_DEBUG=1 shows more)\n"
    )


def test_filenames_are_made_relative_and_filtered(project, capsys, monkeypatch):
    seen = []

    def spy(ctx: Context) -> list[Diagnostic]:
        seen.extend(ctx.filenames)
        return []

    hook = Hook(
        id="check-fake", summary="", section="code", codes={}, check=spy, files=r"\.py$"
    )
    (project / "pyproject.toml").write_text("[tool.mlhooks]\nexclude = ['b/']\n")
    run(hook, ["a.py", "b/c.py", "README.md", str(project / "a.py")])
    assert seen == ["a.py", "a.py"]
