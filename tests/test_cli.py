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
        "  data                   not checked\n"
        "  experiments            not checked\n"
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


def test_summary_in_japanese(make_files, capsys):
    make_files({k: v for k, v in COMPLETE.items() if k != ".gitignore"})
    assert main(["check", "--hooks", "check-required-files", "--lang", "ja"]) == 1
    assert capsys.readouterr().out.endswith(
        "\nガイドラインの項目ごとの集計:\n"
        "  コード                 未検査\n"
        "  ノートブック           未検査\n"
        "  ドキュメント           指摘 1 件    check-required-files 1\n"
        "  データ                 未検査\n"
        "  実験管理               未検査\n"
        "  ツール設定             未検査\n"
        "フック 1 個で指摘 1 件 (うち修正済み 0 件)。\n"
    )


def test_rules_in_japanese_keep_codes_and_hook_ids(git_repo, capsys):
    assert main(["rules", "--lang", "ja"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        "MLH003  Python のソース (ファイルまたはノートブックのセル) が構文解析できない"
        in lines
    )
    assert all(line.startswith("MLH") for line in lines)


def test_explain_prints_rule_why_fix_and_examples(git_repo, capsys):
    assert main(["explain", "mlh003"]) == 0
    assert capsys.readouterr().out == (
        "MLH003  Python source (a file or a notebook cell) does not parse"
        "  [every hook]\n"
        "\n"
        "Why:\n"
        "    Code that does not parse cannot run, and none of the code checks can look"
        " at it; a syntax error committed is a broken pipeline for everyone who"
        " pulls.\n"
        "\n"
        "Fix or suppress:\n"
        "    Correct the syntax at the reported line (run `python -m py_compile FILE`)."
        " A notebook cell of another language should use a cell magic such as"
        " `%%bash`. To skip a file, add it to `exclude` in `[tool.mlhooks]`.\n"
        "\n"
        "Bad:\n"
        "    def train(cfg)\n"
        "        model.fit(X, y)\n"
        "\n"
        "Good:\n"
        "    def train(cfg):\n"
        "        model.fit(X, y)\n"
    )


def test_explain_follows_the_project_language(make_files, capsys):
    make_files({"pyproject.toml": '[tool.mlhooks]\nlang = "ja"\n'})
    assert main(["explain", "MLH001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "MLH001  ファイルが UTF-8 として正しくない  [全フック共通]\n\n理由:\n"
    )
    assert "\n悪い例:\n" in out and "\n直し方・抑制の仕方:\n" in out


@pytest.mark.parametrize(
    "code, error",
    [
        ("MLH999", "unknown code MLH999 (did you mean MLH"),
        ("F401", "unknown code F401"),
    ],
)
def test_explain_unknown_code_is_exit_2(git_repo, capsys, code, error):
    assert main(["explain", code]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"mlhooks explain: error: {error}")
    assert err.endswith("; `mlhooks rules` lists them\n")


def test_every_code_can_be_explained(git_repo, capsys):
    codes = [line.split()[0] for line in _rules(capsys)]
    for code in codes:
        assert main(["explain", code]) == 0
        out = capsys.readouterr().out
        assert out.startswith(code) and "\nWhy:\n    " in out and "\nGood:\n    " in out


def _rules(capsys) -> list[str]:
    main(["rules"])
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("argv", [["check", "."], ["check", "sub"]])
def test_a_path_is_the_project_as_it_is(make_files, capsys, monkeypatch, argv):
    repo = make_files({"sub/README.md": "# x\n"})
    if argv[1] == ".":
        monkeypatch.chdir(repo / "sub")
    assert main([*argv, "--hooks", "check-required-files"]) == 1
    out = capsys.readouterr().out
    assert "MLH402" not in out  # the README of sub/ counts: sub/ is the project
