"""Baselines: old findings recorded once, only new ones reported after that."""

from __future__ import annotations

import hashlib
import json

import pytest

from mlhooks import check_dead_code, check_notebook_outputs, check_required_files
from mlhooks.cli import main

BASELINE = ".mlhooks-baseline.json"
NOTE = (
    "{n} finding(s) recorded in the baseline .mlhooks-baseline.json not shown (fixed"
    " ones drop out of it with `mlhooks baseline --prune`)"
)


def hashed(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def recorded(repo) -> list[dict[str, object]]:
    data = json.loads((repo / BASELINE).read_text(encoding="utf-8"))
    assert data["version"] == 1
    return data["findings"]


def notebook(*cells: tuple[str, bool]) -> str:
    """A notebook of code cells; each (source, has_output)."""
    raw = [
        {
            "cell_type": "code",
            "execution_count": 1 if out else None,
            "id": f"c{n}",
            "metadata": {},
            "outputs": (
                [{"name": "stdout", "output_type": "stream", "text": ["1\n"]}]
                if out
                else []
            ),
            "source": [source],
        }
        for n, (source, out) in enumerate(cells)
    ]
    data = {"cells": raw, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(data, indent=1) + "\n"


def test_baseline_records_fingerprints_not_line_numbers(make_files, capsys):
    repo = make_files({"a.py": "import os\nimport os.path\n\n\nx = 1\n"})
    assert main(["baseline", "--hooks", "check-dead-code"]) == 0
    out = capsys.readouterr().out
    assert out == (
        ".mlhooks-baseline.json: 2 finding(s) recorded (2 added, 0 dropped as no"
        " longer found)\n"
        "  MLH201 2\n"
        "Hooks now report only findings not in .mlhooks-baseline.json; commit it:"
        " git add .mlhooks-baseline.json\n"
    )
    assert recorded(repo) == [
        {
            "path": "a.py",
            "code": "MLH201",
            "fingerprint": hashed(f"line:{t}"),
            "count": 1,
        }
        for t in sorted(
            ["import os", "import os.path"], key=lambda t: hashed(f"line:{t}")
        )
    ]


def test_a_hook_reports_only_new_findings_and_says_how_many_it_hid(make_files, capsys):
    repo = make_files({"a.py": "import os\n\n\nx = 1\n"})
    assert main(["baseline"]) == 0
    (repo / "a.py").write_text(
        "'''Moved down.'''\n\nimport sys\nimport os\n\n\nx = 1\n"
    )
    capsys.readouterr()
    assert check_dead_code.main(["a.py"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line[:40] for line in lines[:-1]] == [
        "a.py:3:8: MLH201 'sys' is imported but n"
    ]
    assert lines[-1] == NOTE.format(n=1)


def test_everything_baselined_passes_and_still_says_so(make_files, capsys):
    make_files({"a.py": "import os\n"})
    main(["baseline"])
    capsys.readouterr()
    assert check_dead_code.main(["a.py"]) == 0
    assert capsys.readouterr().out == NOTE.format(n=1) + "\n"


def test_identical_findings_are_counted(make_files, capsys):
    repo = make_files(
        {"a.py": "def f():\n    import os\n\n\ndef g():\n    import os\n"}
    )
    main(["baseline", "--hooks", "check-dead-code"])
    assert [e["count"] for e in recorded(repo) if e["code"] == "MLH201"] == [2]
    (repo / "a.py").write_text(
        "def f():\n    import os\n\n\ndef g():\n    import os\n\n\n"
        "def h():\n    import os\n"
    )
    capsys.readouterr()
    assert check_dead_code.main(["--select", "MLH201", "a.py"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("a.py:10:12: MLH201 'os'")
    assert out[1] == NOTE.format(n=2)


def test_updating_drops_what_no_longer_occurs(make_files, capsys):
    repo = make_files({"a.py": "import os\nimport sys\n"})
    main(["baseline", "--hooks", "check-dead-code"])
    (repo / "a.py").write_text("import os\nimport json\n")
    capsys.readouterr()
    assert main(["baseline", "--hooks", "check-dead-code"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (
        ".mlhooks-baseline.json: 2 finding(s) recorded (1 added, 1 dropped as no"
        " longer found)"
    )
    assert main(["baseline", "--hooks", "check-dead-code"]) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[0]
        .endswith("(0 added, 0 dropped as no longer found); unchanged")
    )


def test_prune_drops_but_never_adds(make_files, capsys):
    repo = make_files({"a.py": "import os\nimport sys\n"})
    main(["baseline", "--hooks", "check-dead-code"])
    (repo / "a.py").write_text("import os\nimport json\n")
    capsys.readouterr()
    assert main(["baseline", "--prune", "--hooks", "check-dead-code"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        ".mlhooks-baseline.json: 1 finding(s) recorded (0 added, 1 dropped as no"
        " longer found)"
    )
    assert [e["fingerprint"] for e in recorded(repo)] == [hashed("line:import os")]


def test_whole_file_findings_are_remembered_by_message(make_files, capsys):
    repo = make_files({"README.md": "# x\n"})
    main(["baseline", "--hooks", "check-required-files"])
    codes = [e["code"] for e in recorded(repo)]
    assert "MLH404" in codes
    capsys.readouterr()
    assert check_required_files.main([]) == 0
    assert capsys.readouterr().out.startswith(NOTE.format(n=len(codes))[:2])


def test_notebook_cells_are_remembered_by_their_source(make_files, capsys):
    repo = make_files({"nb.ipynb": notebook(("print(1)", True))})
    main(["baseline", "--hooks", "check-notebook-outputs"])
    assert recorded(repo)[0]["fingerprint"] == hashed("cell:print(1)")
    (repo / "nb.ipynb").write_text(
        notebook(("x = 2", False), ("print(1)", True), ("print(3)", True))
    )
    capsys.readouterr()
    assert check_notebook_outputs.main(["nb.ipynb"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" MLH111")[0] for line in lines[:-1]] == ["nb.ipynb:cell_3:"]
    assert lines[-1] == NOTE.format(n=1)


def test_fixed_findings_are_never_hidden(make_files, capsys):
    repo = make_files({"a.py": "import os\n\n\nx = 1\n"})
    main(["baseline", "--hooks", "check-dead-code"])
    capsys.readouterr()
    assert check_dead_code.main(["--fix", "a.py"]) == 1
    assert capsys.readouterr().out.startswith("a.py:1:8: MLH201 ")
    assert (repo / "a.py").read_text() == "\n\nx = 1\n"


def test_mlhooks_check_summarises_only_new_findings(make_files, capsys):
    make_files({"a.py": "import os\n"})
    main(["baseline", "--hooks", "check-dead-code"])
    make_files({"b.py": "import sys\n"})
    capsys.readouterr()
    assert main(["check", "--hooks", "check-dead-code"]) == 1
    out = capsys.readouterr().out
    assert "a.py:1:8" not in out and "b.py:1:8: MLH201" in out
    assert NOTE.format(n=1) in out
    assert "  code                   1 finding    check-dead-code 1\n" in out


@pytest.mark.parametrize(
    "content, error",
    [
        ("{", "not a readable baseline (Expecting property name enclosed in double"),
        ('{"version": 9, "findings": []}', "(unknown version 9)"),
        ('{"version": 1, "findings": [{"path": 1}]}', "(KeyError: 'code')"),
        ('{"version": 1, "findings": [{}]}', "(KeyError: 'path')"),
        ("[]", "('list' object has no attribute 'get')"),
    ],
)
def test_a_broken_baseline_is_one_line_exit_2(make_files, capsys, content, error):
    make_files({"a.py": "import os\n", BASELINE: content})
    assert check_dead_code.main(["a.py"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("check-dead-code: error: .mlhooks-baseline.json: ")
    assert err.count("\n") == 1


def test_an_empty_setting_turns_the_baseline_off(make_files, capsys):
    make_files({"a.py": "import os\n"})
    main(["baseline"])
    make_files({"pyproject.toml": '[tool.mlhooks]\nbaseline = ""\n'})
    capsys.readouterr()
    assert check_dead_code.main(["a.py"]) == 1
    assert "recorded in the baseline" not in capsys.readouterr().out


def test_baseline_note_in_japanese(make_files, capsys):
    make_files({"a.py": "import os\n"})
    main(["baseline"])
    capsys.readouterr()
    assert check_dead_code.main(["--lang", "ja", "a.py"]) == 0
    assert capsys.readouterr().out == (
        "ベースライン .mlhooks-baseline.json に記録済みの指摘 1 件は表示していません"
        " (直したものは `mlhooks baseline --prune` でベースラインから消えます)\n"
    )
