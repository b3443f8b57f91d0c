"""Fingerprints of findings: the same whatever the language of the messages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from mlhooks._baseline import keys, values
from mlhooks._files import Repo
from mlhooks._i18n import set_language
from mlhooks.cli import check_project, load_hooks

TOP = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "message, expected",
    [
        ("missing folder models (trained models): ...", ""),
        ("フォルダ data/external (外部データ) がありません", "data/external"),
        ("file is 12.5 MiB, over the 10 MiB limit", ""),
        ("'churn_rate' is imported but never used", "churn_rate"),
        ("'churn_rate' は import されていますが使われていません", "churn_rate"),
    ],
)
def test_values_are_the_words_a_translation_keeps(message, expected):
    assert values(message) == expected


def findings_in(root: Path, lang: str) -> Counter[tuple[str, str, str]]:
    set_language(lang)
    try:
        results = check_project(Repo(root), {"lang": lang}, load_hooks())
    finally:
        set_language("en")
    found = [d for diags in results.values() for d in diags]
    assert found
    return Counter(keys(found, root))


def test_the_demo_project_has_the_same_fingerprints_in_both_languages():
    root = TOP / "examples" / "churn-demo"
    assert findings_in(root, "ja") == findings_in(root, "en")


def test_whole_repository_findings_have_the_same_fingerprints(make_files):
    repo = make_files(
        {
            "train.py": "import mlflow\nimport numpy as np\n\nnp.random.rand(3)\n",
            "data/raw/big.csv": "a,b\n1,2\n",
            "models/m.pkl": "x",
            "nb.ipynb": "{",
            "README.md": "# x\n\nSome text.\n",
        }
    )
    english = findings_in(repo, "en")
    assert findings_in(repo, "ja") == english
    assert sum(english.values()) > 20


def test_a_baseline_made_in_english_holds_in_japanese(make_files, capsys):
    from mlhooks import check_required_files
    from mlhooks.cli import main

    repo = make_files({"README.md": "# x\n", "data/raw/a.csv": "a\n1\n"})
    assert (
        main(["baseline", "--hooks", "check-required-files,check-project-layout"]) == 0
    )
    recorded = (repo / ".mlhooks-baseline.json").read_bytes()
    assert check_required_files.main(["--lang", "ja"]) == 0
    assert main(["check", "--lang", "ja", "--hooks", "check-project-layout"]) == 0
    assert main(["baseline", "--lang", "ja", "--prune"]) == 0
    assert (repo / ".mlhooks-baseline.json").read_bytes() == recorded


def test_prune_says_what_still_fails_and_unchanged_asks_for_no_commit(
    make_files, capsys
):
    from mlhooks.cli import main

    repo = make_files({"a.py": "import os\n"})
    main(["baseline", "--hooks", "check-dead-code"])
    (repo / "a.py").write_text("import os\nimport sys\n")
    capsys.readouterr()
    assert main(["baseline", "--prune", "--hooks", "check-dead-code"]) == 0
    assert capsys.readouterr().out == (
        ".mlhooks-baseline.json: 1 finding(s) recorded (0 added, 0 dropped as no"
        " longer found); unchanged\n"
        "  MLH201 1\n"
        "1 finding(s) not in the baseline still fail (--prune records nothing new):"
        " fix them, or run `mlhooks baseline` to record them\n"
    )


def test_the_report_counts_what_the_baseline_hides(make_files, capsys):
    from mlhooks.cli import main

    repo = make_files({"a.py": "import os\n"})
    main(["baseline", "--hooks", "check-dead-code"])
    assert main(["check", "--hooks", "check-dead-code", "--report", "r.md"]) == 0
    report = (repo / "r.md").read_text(encoding="utf-8")
    assert (
        "1 more finding is recorded in the baseline .mlhooks-baseline.json and not"
        " shown." in report
    )


def test_prune_without_a_baseline_writes_nothing(make_files, capsys):
    from mlhooks.cli import main

    repo = make_files({"a.py": "import os\n"})
    assert main(["baseline", "--prune"]) == 2
    assert capsys.readouterr().err == (
        "mlhooks baseline: error: .mlhooks-baseline.json: no baseline to prune; run"
        " `mlhooks baseline` first\n"
    )
    assert not (repo / ".mlhooks-baseline.json").exists()
