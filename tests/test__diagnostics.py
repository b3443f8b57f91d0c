from __future__ import annotations

import json

import pytest

from mlhooks._diagnostics import (
    Diagnostic,
    file_diagnostic,
    format_diagnostics,
    line_diagnostic,
)


@pytest.mark.parametrize(
    ("diagnostic", "text"),
    [
        (file_diagnostic(".", "MLH401", "no env"), ".: MLH401 no env"),
        (file_diagnostic("a.py", "MLH001", "bad"), "a.py: MLH001 bad"),
        (line_diagnostic("a.py", 3, "MLH211", "code"), "a.py:3:1: MLH211 code"),
        (Diagnostic("a.py", 3, 7, "MLH201", "x"), "a.py:3:7: MLH201 x"),
        (Diagnostic("d", 0, 0, "MLH421", "m", fixed=True), "d: MLH421 m [fixed]"),
        (
            Diagnostic("ノート.py", 1, 1, "MLH211", "日本語"),
            "ノート.py:1:1: MLH211 日本語",
        ),
    ],
)
def test_text_shape(diagnostic, text):
    assert format_diagnostics([diagnostic]) == text + "\n"


def test_sorted_by_path_line_col_code_and_deduplicated():
    found = [
        Diagnostic("b.py", 1, 1, "MLH201", "x"),
        Diagnostic("a.py", 10, 1, "MLH201", "x"),
        Diagnostic("a.py", 2, 5, "MLH202", "x"),
        Diagnostic("a.py", 2, 5, "MLH201", "x"),
        Diagnostic("a.py", 2, 5, "MLH201", "x"),
    ]
    assert format_diagnostics(found).splitlines() == [
        "a.py:2:5: MLH201 x",
        "a.py:2:5: MLH202 x",
        "a.py:10:1: MLH201 x",
        "b.py:1:1: MLH201 x",
    ]


def test_empty_output():
    assert format_diagnostics([]) == ""
    assert json.loads(format_diagnostics([], "json")) == []


def test_json_keeps_unicode_and_every_field():
    out = format_diagnostics([Diagnostic("a.py", 1, 2, "MLH211", "日本語")], "json")
    assert "日本語" in out
    assert json.loads(out) == [
        {
            "path": "a.py",
            "line": 1,
            "col": 2,
            "code": "MLH211",
            "message": "日本語",
            "fixed": False,
            "cell": None,
        }
    ]


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("requirements\udcff.txt", "requirements\\xff.txt"),
        ("a\nb.py", "a\\nb.py"),
        ("tab\there", "tab\\there"),
        ("日本語.md", "日本語.md"),
    ],
)
def test_odd_file_names_stay_on_one_printable_line(path, shown):
    diagnostic = file_diagnostic(path, "MLH406", f"run: git add {path}")
    assert format_diagnostics([diagnostic]) == f"{shown}: MLH406 run: git add {shown}\n"
    out = format_diagnostics([diagnostic], "json")
    assert out.encode("utf-8") and json.loads(out)[0]["path"] == shown


FINDINGS = [
    Diagnostic("a,b.py", 3, 5, "MLH201", "x: 100% done,\nok"),
    file_diagnostic(".", "MLH401", "no env"),
    Diagnostic("nb.ipynb", 2, 1, "MLH211", "code", cell=4),
]


def test_github_workflow_annotations_escape_their_values():
    assert format_diagnostics(FINDINGS, "github").splitlines() == [
        "::error title=MLH401::no env",
        "::error file=a%2Cb.py,line=3,col=5,title=MLH201::x: 100%25 done,\\nok",
        "::error file=nb.ipynb,title=MLH211 (cell 4%2C line 2)::code",
    ]
    assert format_diagnostics([], "github") == ""


def test_gitlab_code_quality_report():
    report = json.loads(format_diagnostics(FINDINGS, "gitlab"))
    assert [(r["check_name"], r["location"], r["severity"]) for r in report] == [
        ("MLH401", {"path": ".", "lines": {"begin": 1}}, "major"),
        ("MLH201", {"path": "a,b.py", "lines": {"begin": 3}}, "major"),
        ("MLH211", {"path": "nb.ipynb", "lines": {"begin": 1}}, "major"),
    ]
    assert report[2]["description"] == "MLH211 code (cell 4)"
    fingerprints = {r["fingerprint"] for r in report}
    assert len(fingerprints) == 3 and all(len(f) == 32 for f in fingerprints)
    moved = [Diagnostic("a,b.py", 9, 1, "MLH201", "x: 100% done,\nok")]
    assert json.loads(format_diagnostics(moved, "gitlab"))[0]["fingerprint"] in (
        fingerprints
    )
    assert format_diagnostics([], "gitlab") == "[]"


def test_sarif_log_has_the_documented_fields():
    log = json.loads(format_diagnostics(FINDINGS, "sarif"))
    assert (log["version"], log["$schema"]) == (
        "2.1.0",
        "https://json.schemastore.org/sarif-2.1.0.json",
    )
    [run] = log["runs"]
    assert run["tool"]["driver"]["name"] == "mlhooks"
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == [
        "MLH201",
        "MLH211",
        "MLH401",
    ]
    locations = [r["locations"][0]["physicalLocation"] for r in run["results"]]
    assert locations == [
        {"artifactLocation": {"uri": "."}},
        {
            "artifactLocation": {"uri": "a,b.py"},
            "region": {"startLine": 3, "startColumn": 5},
        },
        {"artifactLocation": {"uri": "nb.ipynb"}},
    ]
    assert run["results"][2]["message"] == {"text": "code (cell 4, line 2)"}
    assert {r["level"] for r in run["results"]} == {"error"}
