from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlhooks._config import ConfigError, resolve
from mlhooks._notebooks import dump_notebook
from mlhooks._outputs import (
    OPTIONS,
    Rules,
    find,
    make_rules,
    output_kind,
    strip,
)

RESOURCES = Path(__file__).parent / "resources" / "strip-notebook-outputs"
SAMPLE = {
    "cells": [
        {
            "cell_type": "markdown",
            "id": "m1",
            "metadata": {},
            "source": ["# 前処理\n", "欠損値を除く — naïve 😀"],
        },
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "c1",
            "metadata": {"tags": ["keep-output"], "jupyter": {}},
            "outputs": [],
            "source": ['print("\\t\\u001b[1m")\n', "x = '\u2028'"],
        },
    ],
    "metadata": {"kernelspec": {"name": "python3"}, "language_info": {"name": "py"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def rules(**options: object) -> Rules:
    return make_rules(resolve(OPTIONS, options, {}))


def jupyter(nb: dict, **kwargs: object) -> str:
    """What nbformat writes (and VS Code, whose JSON.stringify agrees here)."""
    kwargs = {"indent": 1, "ensure_ascii": False, "sort_keys": True, **kwargs}
    return json.dumps(nb, **kwargs) + "\n"


STYLES = {
    "jupyter": jupyter(SAMPLE),
    "ensure_ascii": jupyter(SAMPLE, ensure_ascii=True),
    "two spaces, own key order": json.dumps(SAMPLE, indent=2, ensure_ascii=False),
    "four spaces": json.dumps(SAMPLE, indent=4, ensure_ascii=False) + "\n",
    "tabs": json.dumps(SAMPLE, indent="\t", ensure_ascii=False) + "\n",
    "no indentation": json.dumps(SAMPLE, indent=0, ensure_ascii=False) + "\n",
    "no final newline": jupyter(SAMPLE).rstrip("\n"),
    "two final newlines": jupyter(SAMPLE) + "\n",
    "leading whitespace": "\n " + jupyter(SAMPLE),
    "CRLF": jupyter(SAMPLE).replace("\n", "\r\n"),
    "CRLF, no final newline": jupyter(SAMPLE).replace("\n", "\r\n").rstrip(),
    "one line": json.dumps(SAMPLE, ensure_ascii=False),
    "one line, compact": json.dumps(SAMPLE, separators=(",", ":")),
    "Python 2 trailing spaces": json.dumps(
        SAMPLE, indent=1, separators=(", ", ": "), ensure_ascii=False
    ),
}


@pytest.mark.parametrize("text", STYLES.values(), ids=STYLES)
@pytest.mark.parametrize("bom", [False, True], ids=["", "BOM"])
def test_unchanged_data_round_trips_byte_for_byte(text, bom):
    expected = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    assert dump_notebook(json.loads(text), text, bom) == expected


def test_lone_surrogates_stay_escaped_as_javascript_writes_them():
    text = '{\n "a": "\\udc80 and 日本"\n}\n'
    assert dump_notebook(json.loads(text), text) == text.encode("utf-8")


def test_a_removal_keeps_the_style_of_the_rest():
    text = STYLES["two spaces, own key order"].replace("\n", "\r\n")
    data = json.loads(text)
    del data["metadata"]["language_info"]
    expected = copy.deepcopy(SAMPLE)
    del expected["metadata"]["language_info"]
    assert dump_notebook(data, text) == json.dumps(
        expected, indent=2, ensure_ascii=False
    ).replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize(
    ("output", "kind"),
    [
        ({"output_type": "stream", "name": "stderr", "text": "x"}, "stream stderr"),
        ({"output_type": "stream", "stream": "stdout", "text": "x"}, "stream stdout"),
        ({"output_type": "error", "ename": "ValueError"}, "error ValueError"),
        ({"output_type": "pyerr", "ename": "KeyError"}, "error KeyError"),
        (
            {
                "output_type": "display_data",
                "data": {"text/plain": "", "image/png": ""},
            },
            "image/png",
        ),
        ({"output_type": "execute_result", "data": {"text/plain": "1"}}, "text/plain"),
        ({"output_type": "pyout", "text": "1", "png": "", "metadata": {}}, "image/png"),
        ({"output_type": "pyout", "text": "1", "prompt_number": 1}, "text/plain"),
        ({"output_type": "display_data", "metadata": {}}, "display_data"),
        ({"output_type": "stream", "name": "stdout"}, "stream stdout"),
        ("not an output", "unknown"),
    ],
)
def test_output_kind(output, kind):
    assert output_kind(output) == kind


def test_default_rules():
    assert rules() == Rules(("keep-output", "keep_output"), NB, CELL)
    assert rules(**{"keep-output-tags": []}).keep_tags == ()


NB = ("widgets", "signature", "papermill")
CELL = ("execution", "ExecuteTime", "papermill", "executionInfo", "outputId")
VIEW = ("collapsed", "scrolled", "jupyter.outputs_hidden", "jupyter.source_hidden")
VIEW += ("heading_collapsed", "hidden")


@pytest.mark.parametrize(
    ("options", "notebook_keys", "cell_keys"),
    [
        ({}, NB, CELL),
        (
            {"keep-metadata": ["papermill"]},
            ("widgets", "signature"),
            ("execution", "ExecuteTime", "executionInfo", "outputId"),
        ),
        ({"keep-metadata": ["metadata.papermill"]}, ("widgets", "signature"), CELL),
        (
            {"keep-metadata": ["cell.metadata.ExecuteTime"]},
            NB,
            ("execution", "papermill", "executionInfo", "outputId"),
        ),
        (
            {"strip-metadata": ["metadata.celltoolbar", "cell.metadata.a.b"]},
            NB + ("celltoolbar",),
            CELL + ("a.b",),
        ),
        ({"strip-collapsed": True}, NB, CELL + VIEW),
        (
            {"strip-collapsed": True, "keep-metadata": ["jupyter.outputs_hidden"]},
            NB,
            CELL + tuple(key for key in VIEW if key != "jupyter.outputs_hidden"),
        ),
    ],
)
def test_rules_from_options(options, notebook_keys, cell_keys):
    got = rules(**options)
    assert (got.notebook_keys, got.cell_keys) == (notebook_keys, cell_keys)


@pytest.mark.parametrize(
    "entry", ["celltoolbar", "cell.tags", "metadata.", "metadata.kernelspec"]
)
def test_bad_strip_metadata_is_a_config_error(entry):
    with pytest.raises(ConfigError) as info:
        rules(**{"strip-metadata": [entry]})
    assert str(info.value) == (
        f"strip-metadata: {entry!r} must be a path like metadata.<key> or"
        " cell.metadata.<key>, and not in keep-metadata"
    )


def test_view_state_parents_emptied_by_the_strip_go_too():
    meta = {
        "collapsed": True,
        "jupyter": {"outputs_hidden": True},
        "slideshow": {"slide_type": "skip"},
    }
    kept = {"jupyter": {"outputs_hidden": True, "source_hidden": False}}
    nb = {
        "cells": [
            {"cell_type": "markdown", "metadata": meta, "source": ""},
            {"cell_type": "markdown", "metadata": kept, "source": ""},
        ],
        "metadata": {},
        "nbformat": 4,
    }
    with_view = rules(**{"strip-collapsed": True})
    found = find("nb.ipynb", nb, with_view)
    assert [(d.cell, d.message.split(":")[0]) for d in found] == [
        (1, "cell metadata holds collapsed, jupyter.outputs_hidden"),
        (2, "cell metadata holds jupyter.outputs_hidden, jupyter.source_hidden"),
    ]
    strip(nb, found, with_view)
    assert [cell["metadata"] for cell in nb["cells"]] == [
        {"slideshow": {"slide_type": "skip"}},
        {},
    ]


def test_nothing_volatile_no_findings():
    assert find("nb.ipynb", json.loads(STYLES["jupyter"]), rules()) == []


# Property: for any notebook, stripping keeps every cell and its source, finds nothing
# more on a second pass, and a second rewrite changes no byte.

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
SOURCE = st.one_of(TEXT, st.lists(TEXT, max_size=3))
OUTPUT = st.one_of(
    st.fixed_dictionaries(
        {"output_type": st.just("stream"), "name": st.just("stdout"), "text": SOURCE}
    ),
    st.fixed_dictionaries(
        {
            "output_type": st.just("display_data"),
            "data": st.dictionaries(st.sampled_from(["image/png", "text/plain"]), TEXT),
            "metadata": st.just({}),
        }
    ),
    st.fixed_dictionaries(
        {"output_type": st.just("error"), "ename": TEXT, "evalue": TEXT}
    ),
)
METADATA = st.dictionaries(
    st.sampled_from(
        ["ExecuteTime", "execution", "collapsed", "tags", "jupyter", "vscode", "名前"]
    ),
    st.one_of(
        st.booleans(),
        st.lists(st.sampled_from(["keep-output", "x"]), max_size=2),
        st.fixed_dictionaries({"outputs_hidden": st.booleans()}),
    ),
    max_size=4,
)
CODE = st.fixed_dictionaries(
    {
        "cell_type": st.just("code"),
        "execution_count": st.one_of(st.none(), st.integers(0, 99)),
        "metadata": METADATA,
        "outputs": st.lists(OUTPUT, max_size=3),
        "source": SOURCE,
    }
)
OTHER = st.fixed_dictionaries(
    {
        "cell_type": st.sampled_from(["markdown", "raw"]),
        "metadata": METADATA,
        "source": SOURCE,
    }
)
NOTEBOOK = st.fixed_dictionaries(
    {
        "cells": st.lists(st.one_of(CODE, OTHER), max_size=5),
        "metadata": st.dictionaries(
            st.sampled_from(["widgets", "kernelspec", "signature"]), TEXT, max_size=2
        ),
        "nbformat": st.just(4),
        "nbformat_minor": st.integers(0, 5),
    }
)
STYLE = st.fixed_dictionaries(
    {
        "indent": st.sampled_from([None, 0, 1, 2, 4, "\t"]),
        "ensure_ascii": st.booleans(),
        "sort_keys": st.booleans(),
    }
)


@settings(max_examples=100, deadline=None)
@given(NOTEBOOK, STYLE, st.sampled_from(["", "\n", "\r\n"]), st.booleans())
def test_stripping_is_idempotent_and_keeps_sources(nb, style, end, collapsed):
    text = json.dumps(nb, **style) + end
    text = text.replace("\n", "\r\n") if end == "\r\n" else text
    each = rules(**{"strip-collapsed": collapsed})
    data = json.loads(text)
    strip(data, find("nb.ipynb", data, each), each)
    once = dump_notebook(data, text).decode("utf-8")
    again = json.loads(once)
    assert find("nb.ipynb", again, each) == []
    assert dump_notebook(again, once).decode("utf-8") == once
    assert [c["source"] for c in again["cells"]] == [c["source"] for c in nb["cells"]]
    assert once.endswith(end) and ("\r\n" in once) == (end == "\r\n" and "\n" in text)


# The same inputs through nbstripout, where the options mean the same thing. Deliberate
# differences, normalised away below: cells tagged keep-output keep their execution
# counts (nbstripout nulls them); nbformat 3 loses prompt_number (nbstripout writes
# null); view-state parents emptied by the strip go too (nbstripout leaves {}).

NBSTRIPOUT_KEYS = [
    "metadata.signature",
    "metadata.widgets",
    "cell.metadata.ExecuteTime",
    "cell.metadata.execution",
    "metadata.papermill",
    "cell.metadata.papermill",
    "cell.metadata.executionInfo",
    "cell.metadata.outputId",
]


def _comparable(nb: dict) -> dict:
    cells = nb.get("cells") or nb["worksheets"][0]["cells"]
    for cell in cells:
        if {"keep-output", "keep_output"} & set(cell["metadata"].get("tags", [])):
            cell["outputs"], cell["execution_count"] = [], None
        if cell.get("prompt_number", 0) is None:
            del cell["prompt_number"]
        if cell["metadata"].get("jupyter") == {}:
            del cell["metadata"]["jupyter"]
    return nb


@pytest.mark.parametrize(
    "name", ["jupyter", "vscode", "colab", "papermill", "nbformat3", "crlf"]
)
def test_same_result_as_nbstripout(name):
    nbstripout = pytest.importorskip("nbstripout")
    nbformat = pytest.importorskip("nbformat")
    text = (RESOURCES / f"{name}.ipynb").read_text(encoding="utf-8")
    theirs = nbstripout.strip_output(
        nbformat.reads(text, as_version=nbformat.NO_CONVERT),
        keep_output=None,
        keep_count=False,
        keep_id=True,
        extra_keys=NBSTRIPOUT_KEYS,
    )
    theirs = json.loads(nbformat.writes(theirs, version=nbformat.NO_CONVERT))
    ours = json.loads(text)
    strip(ours, find(f"{name}.ipynb", ours, rules()), rules())
    assert _comparable(ours) == _comparable(theirs)


def test_same_view_state_stripping_as_nbstripout_defaults():
    nbstripout = pytest.importorskip("nbstripout")
    nbformat = pytest.importorskip("nbformat")
    meta = {
        "collapsed": True,
        "scrolled": "auto",
        "heading_collapsed": True,
        "hidden": True,
        "jupyter": {"outputs_hidden": True, "source_hidden": True},
        "ExecuteTime": {"end_time": "2024-05-01T09:00:01Z"},
    }
    cell = {"cell_type": "code", "execution_count": 3, "id": "a", "metadata": meta}
    cell.update(outputs=[], source=["x"])
    nb = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    theirs = nbstripout.strip_output(
        nbformat.reads(json.dumps(nb), as_version=nbformat.NO_CONVERT),
        keep_output=None,
        keep_count=False,
        keep_id=True,
        extra_keys=[
            "cell.metadata.collapsed",
            "cell.metadata.scrolled",
            "cell.metadata.heading_collapsed",
            "cell.metadata.hidden",
            "cell.metadata.ExecuteTime",
            "cell.metadata.jupyter.outputs_hidden",
            "cell.metadata.jupyter.source_hidden",
        ],
    )
    with_view = rules(**{"strip-collapsed": True})
    strip(nb, find("nb.ipynb", nb, with_view), with_view)
    assert _comparable(nb) == _comparable(json.loads(nbformat.writes(theirs)))
