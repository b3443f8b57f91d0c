from __future__ import annotations

import json

import pytest

from mlhooks._diagnostics import Diagnostic
from mlhooks._files import Repo
from mlhooks._jupytext import PairingError, long_form
from mlhooks._pairing import (
    Pairing,
    Project,
    below,
    format_groups,
    paired_with,
    short_form,
)

SHORT_FORMS = [
    "ipynb",
    "py:percent",
    "notebooks//ipynb",
    "scripts///py:percent",
    "_/py",
    "_nb.py:light",
    ".nb.py",
    "md",
    "md:myst",
    "Rmd",
]


@pytest.mark.parametrize("text", SHORT_FORMS)
def test_short_form_is_jupytexts(text):
    assert short_form(long_form(text)) == text
    jupytext_formats = pytest.importorskip("jupytext.formats")
    assert short_form(long_form(text)) == jupytext_formats.short_form_one_format(
        jupytext_formats.long_form_one_format(text)
    )


@pytest.mark.parametrize(
    ("value", "groups"),
    [
        ("ipynb,py:percent", ["ipynb,py:percent"]),
        ("ipynb,py;ipynb,md", ["ipynb,py", "ipynb,md"]),
        ({"notebooks/": "ipynb", "scripts": "py:percent"},
         ["notebooks///ipynb,scripts///py:percent"]),
        (["ipynb,py", {"": "ipynb", "src/": "py"}], ["ipynb,py", "ipynb,src///py"]),
        ([], []),
    ],
)  # fmt: skip
def test_format_groups(value, groups):
    assert format_groups(value) == groups


@pytest.mark.parametrize("value", [3, None, [3], [["ipynb"]]])
def test_format_groups_reject_other_values(value):
    with pytest.raises(PairingError):
        format_groups(value)


@pytest.mark.parametrize(
    ("path", "formats", "paths"),
    [
        ("notebooks/eda.ipynb", "ipynb,py:percent",
         ["notebooks/eda.ipynb", "notebooks/eda.py"]),
        ("scripts/sub/eda.py", "notebooks///ipynb,scripts///py",
         ["notebooks/sub/eda.ipynb", "scripts/sub/eda.py"]),
        ("other/eda.ipynb", "notebooks//ipynb,scripts//py", []),  # does not fit
        ("eda.ipynb", "ipynb,py:nope", []),
    ],
)  # fmt: skip
def test_paired_with(path, formats, paths):
    assert paired_with(path, formats) == paths


@pytest.mark.parametrize(
    ("path", "folders", "rest"),
    [
        ("notebooks/sub/eda.ipynb", ["notebooks"], "sub/eda.ipynb"),
        ("a/notebooks/eda.ipynb", ["notebooks"], "eda.ipynb"),
        ("a/notebooks/eda.ipynb", ["/a/notebooks/"], "eda.ipynb"),
        ("b/a/notebooks/eda.ipynb", ["a/notebooks"], None),
        ("notebooks.ipynb", ["notebooks"], None),
        ("eda.ipynb", ["", "/"], None),
    ],
)
def test_below(path, folders, rest):
    assert below(path, folders) == rest


def notebook(formats: object = None) -> str:
    metadata = {"jupytext": {"formats": formats}} if formats else {}
    return json.dumps({"cells": [], "metadata": metadata, "nbformat": 4})


FORMATS = "its jupytext formats"
PAIRINGS = [
    ("a/notebooks/eda.ipynb", notebook("notebooks//ipynb,scripts//py:percent"),
     Pairing("a/scripts/eda.py", f"{FORMATS} 'notebooks//ipynb,scripts//py:percent'",
             "percent", "notebooks//ipynb,scripts//py:percent")),
    ("b/eda.ipynb", notebook("ipynb,py"),
     Pairing("b/eda.py", f"{FORMATS} 'ipynb,py'", "", "ipynb,py:percent")),
    ("c/eda.ipynb", notebook("ipynb,py:nope"),
     Pairing("", f"{FORMATS} 'ipynb,py:nope'",
             error="'py:nope' is not a jupytext format")),
    ("d/eda.ipynb", notebook(["ipynb", "md"]), Pairing("", f"{FORMATS} 'ipynb,md'")),
    ("e/notebooks/sub/eda.ipynb", notebook(),
     Pairing("e/scripts/sub/eda.py", "e/jupytext.toml", "percent")),
    ("notebooks/sub/eda.ipynb", notebook(),
     Pairing("scripts/eda.py", others=("scripts/sub/eda.py", "notebooks/sub/eda.py"))),
    ("notebooks/探索.ipynb", notebook(),
     Pairing("scripts/探索.py", header="notebooks///ipynb,scripts///py:percent",
             others=("notebooks/探索.py",))),
    ("h/other.ipynb", notebook(),
     Pairing("scripts/h/other.py", others=("scripts/other.py", "h/other.py"))),
]  # fmt: skip


def test_project_pairings(make_files):
    config = 'formats = "notebooks///ipynb,scripts///py:percent"\n'
    files = {path: text for path, text, _ in PAIRINGS}
    repo = make_files({**files, "e/jupytext.toml": config, "scripts/eda.py": ""})
    project = Project(Repo(repo), ["notebooks"], ["scripts"])
    assert [project.pairing(path) for path in files] == [p for _, _, p in PAIRINGS]
    assert project.pairing("b/eda.ipynb") is project.pairing("b/eda.ipynb")
    beside = Project(Repo(repo), ["notebooks"], []).pairing("h/other.ipynb")
    assert beside == Pairing("h/other.py", header="ipynb,py:percent")


def test_project_diagnostics(make_files):
    repo = make_files(
        {
            "f/eda.ipynb": "{",
            "g/jupytext.json": "{",
            "g/sub/eda.ipynb": notebook(),
            "h/eda.py": b"\xff",
        }
    )
    project = Project(Repo(repo), ["notebooks"], [])
    found = [project.pairing("f/eda.ipynb"), project.pairing("g/sub/eda.ipynb")]
    found.append(project.text("h/eda.py"))
    assert all(isinstance(diag, Diagnostic) for diag in found)
    assert [(d.path, d.code) for d in found if isinstance(d, Diagnostic)] == [
        ("f/eda.ipynb", "MLH006"),
        ("g/jupytext.json", "MLH005"),
        ("h/eda.py", "MLH001"),
    ]


def test_project_config_is_the_closest(make_files):
    repo = make_files(
        {
            "jupytext.toml": 'formats = "ipynb,py:percent"\n',
            "a/pyproject.toml": '[tool.jupytext]\nformats = "ipynb,py"\n',
            "a/b/.jupytext.py": "",
            "c/pyproject.toml": "[tool.other]\n",
        }
    )
    project = Project(Repo(repo), [], [])
    assert project.config("") == ("jupytext.toml", ["ipynb,py:percent"])
    assert project.config("a/x") == ("a/pyproject.toml", ["ipynb,py"])
    assert project.config("a/b") == ("a/b/.jupytext.py", [])
    assert project.config("c/d") == ("jupytext.toml", ["ipynb,py:percent"])
