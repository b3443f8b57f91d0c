"""strip-notebook-outputs against the peers' own test notebooks and expected results.

The fixtures in ``resources/strip-notebook-outputs/peers/`` are nbstripout's and
nb-clean's test notebooks with the results their maintainers wrote (see SOURCE.txt
there). Each peer case runs our stripper with the options that mean what the peer's
flags mean, and our result must equal the peer's expected notebook as JSON, after
undoing only a difference the README documents. A case whose flags have no equivalent
here is in SKIPPED with the reason; a difference the README does not document is an
``xfail(strict=True)`` that names it, so it stays visible.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mlhooks.strip_notebook_outputs import main

PEERS = Path(__file__).parent / "resources" / "strip-notebook-outputs" / "peers"

# nbstripout strips cell.metadata collapsed, scrolled, heading_collapsed and hidden by
# default, besides widgets, signature, ExecuteTime and execution, which we strip by
# default too: its default is our strip-collapsed (which also strips
# jupyter.outputs_hidden and jupyter.source_hidden: no peer fixture has them).
NBSTRIPOUT_DEFAULT = "strip-collapsed = true\n"
# Our default keep-metadata (README), to strip some of it or keep more.
KEEP = "kernelspec language_info jupytext tags slideshow vscode editable deletable"


def keep_metadata(less: str = "", more: str = "") -> str:
    keep = [key for key in KEEP.split() if key not in less.split()] + more.split()
    return f"keep-metadata = {json.dumps(keep)}\n"


def fixture(peer: str, name: str) -> bytes:
    return (PEERS / peer / name).read_bytes()


@dataclass(frozen=True)
class Case:
    """One input/expected pair of a peer's test suite, and our equivalent options."""

    peer: str
    source: str  # the input notebook
    expected: str  # the peer's expected result (the input when it must not change)
    peer_flags: str  # the peer's flags for this pair, as its test passes them
    options: str = ""  # TOML under [tool.mlhooks.strip-notebook-outputs]
    ignore: tuple[str, ...] = ()  # codes under [tool.mlhooks] ignore
    renumbered_ids: bool = False  # nbstripout without --keep-id renumbers cell ids
    xfail: str = ""

    def param(self) -> Any:
        name = f"{self.peer}:{self.expected}[{self.peer_flags}]"
        marks = [pytest.mark.xfail(strict=True, reason=self.xfail)] * bool(self.xfail)
        return pytest.param(self, id=name, marks=marks)


def nbstripout(source: str, expected: str, flags: str = "", **kw: Any) -> Case:
    kw.setdefault("options", NBSTRIPOUT_DEFAULT)
    return Case("nbstripout", source, expected, flags, **kw)


# nb-clean drops language_info.version from the notebook metadata unless -n.
NB_CLEAN_DEFAULT = keep_metadata(less="language_info") + (
    'strip-metadata = ["metadata.language_info.version"]\n'
)

# nbstripout 0.9.1 tests/test_end_to_end.py TEST_CASES and DRY_RUN_CASES, in its order.
CASES = [
    # Stored as tests/test_strip_empty_cells.ipynb: see SOURCE.txt.
    nbstripout(
        "test_strip_empty_cells.ipynb", "test_drop_empty_cells_dontdrop.ipynb.expected"
    ),
    nbstripout(
        "test_drop_tagged_cells.ipynb", "test_drop_tagged_cells_dontdrop.ipynb.expected"
    ),
    nbstripout("test_execution_timing.ipynb", "test_execution_timing.ipynb.expected"),
    nbstripout(
        "test_empty_metadata.ipynb",
        "test_empty_metadata.ipynb.expected",
        renumbered_ids=True,
    ),
    nbstripout(
        "test_metadata.ipynb",
        "test_metadata.ipynb.expected",
    ),
    nbstripout(
        "test_metadata.ipynb",
        "test_metadata_extra_keys.ipynb.expected",
        "--extra-keys 'metadata.kernelspec metadata.language_info'",
        options=NBSTRIPOUT_DEFAULT
        + keep_metadata(less="kernelspec language_info")
        + 'strip-metadata = ["metadata.kernelspec", "metadata.language_info"]\n',
    ),
    nbstripout(
        "test_metadata.ipynb",
        "test_metadata_keep_output_keep_count.ipynb.expected",
        "--keep-output --keep-count",
        ignore=("MLH111", "MLH112"),
    ),
    nbstripout(
        "test_metadata_notebook.ipynb",
        "test_metadata_notebook.ipynb",
    ),
    nbstripout(
        "test_keep_metadata_keys.ipynb",
        "test_keep_metadata_keys.ipynb.expected",
        "--keep-metadata-keys 'cell.metadata.scrolled cell.metadata.collapsed"
        " metadata.a'",
        options=NBSTRIPOUT_DEFAULT
        + keep_metadata(
            more="cell.metadata.scrolled cell.metadata.collapsed metadata.a"
        ),
    ),
    nbstripout(
        "test_metadata_period.ipynb",
        "test_metadata_period.ipynb.expected",
        "--extra-keys 'cell.metadata.application/vnd.databricks.v1+cell"
        " metadata.application/vnd.databricks.v1+notebook'",
        options=NBSTRIPOUT_DEFAULT
        + 'strip-metadata = ["cell.metadata.application/vnd.databricks.v1+cell",'
        ' "metadata.application/vnd.databricks.v1+notebook"]\n',
    ),
    nbstripout("test_nbformat45.ipynb", "test_nbformat45.ipynb.expected", "--keep-id"),
    nbstripout(
        "test_nbformat45.ipynb",
        "test_nbformat45.ipynb.expected_sequential_id",
        renumbered_ids=True,
    ),
    nbstripout("test_unicode.ipynb", "test_unicode.ipynb.expected"),
    nbstripout("test_widgets.ipynb", "test_widgets.ipynb.expected"),
    # DRY_RUN_CASES: nbstripout must not change it.
    nbstripout(
        "test_nochange.ipynb",
        "test_nochange.ipynb",
    ),
    # nb-clean tests/test_clean_notebook.py::test_clean_notebook_with_notebook_metadata
    # and tests/test_check_notebook.py::test_check_notebook (clean_notebook is clean).
    # nb-clean also drops every cell metadata key, which has no equivalent here; it is
    # inert on these inputs, whose cell metadata are all empty.
    Case(
        "nb-clean",
        "clean_with_notebook_metadata.ipynb",
        "clean_with_notebook_metadata.ipynb",
        "preserve_notebook_metadata=True (-n)",
    ),
    Case(
        "nb-clean",
        "clean_with_notebook_metadata.ipynb",
        "clean.ipynb",
        "preserve_notebook_metadata=False (default)",
        options=NB_CLEAN_DEFAULT,
    ),
    Case(
        "nb-clean",
        "clean.ipynb",
        "clean.ipynb",
        "check (default)",
        options=NB_CLEAN_DEFAULT,
    ),
]

# The peers' cases whose flags have no equivalent here, or which cannot be checked.
SKIPPED = [
    (
        "nbstripout",
        "test_strip_init_cells.ipynb.expected [--strip-init-cells]",
        "init_cell cells keep their outputs, as nbstripout's default does; no option"
        " strips them",
    ),
    (
        "nbstripout",
        "test_drop_empty_cells.ipynb.expected [--drop-empty-cells]",
        "no option removes cells: mlhooks never touches sources or cell lists",
    ),
    (
        "nbstripout",
        "test_drop_tagged_cells.ipynb.expected [--drop-tagged-cells=test]",
        "no option removes cells: mlhooks never touches sources or cell lists",
    ),
    (
        "nbstripout",
        "test_max_size.ipynb.expected [--max-size 50 --keep-id]",
        "nbstripout's --max-size keeps outputs under N bytes; our max-size only reports"
        " a notebook over N KiB",
    ),
    (
        "nbstripout",
        "test_max_size.ipynb.expected_sequential_id [--max-size 50]",
        "nbstripout's --max-size keeps outputs under N bytes; our max-size only reports"
        " a notebook over N KiB",
    ),
    (
        "nbstripout",
        "test_metadata_keep_count.ipynb.expected [--keep-count]",
        "no option strips outputs but keeps execution counts",
    ),
    (
        "nbstripout",
        "test_metadata_keep_output.ipynb.expected [--keep-output]",
        "no option keeps every output but drops execution counts (ignore MLH111 keeps"
        " both)",
    ),
    (
        "nbstripout",
        "test_zeppelin.zpln.expected [--mode zeppelin]",
        "Zeppelin notebooks are not read",
    ),
    (
        "nbstripout",
        "test_make_errors: test_metadata.ipynb [--extra-keys 'invalid foo.invalid']",
        "nbstripout warns and ignores an invalid key; our strip-metadata rejects it"
        " with exit 2 (tested in test_strip_notebook_outputs.py)",
    ),
    (
        "nbstripout",
        "test_make_errors: test_metadata_exception.ipynb",
        "an error for keep_output: false beside a keep_output tag; mlhooks reads no"
        " keep_output metadata",
    ),
    (
        "nbstripout",
        "test_keep_output_tags.py::test_exception",
        "an error for keep_output: false beside a keep_output tag; mlhooks reads no"
        " keep_output metadata",
    ),
    (
        "nbstripout",
        "test_output_types.py [--keep-output-type, --drop-output-type]",
        "no option keeps or drops outputs by type",
    ),
    (
        "nb-clean",
        "dirty.ipynb / dirty_with_version.ipynb -> clean.ipynb (default)",
        "nb-clean drops every cell metadata key (nbclean, tags, special here); mlhooks"
        " strips only named keys. The stored dirty.ipynb is also an older revision than"
        " clean.ipynb (1 cell against 3)",
    ),
    (
        "nb-clean",
        "preserve_cell_metadata=[] (-m) -> clean_with_cell_metadata.ipynb",
        "the expected file is not in the stored copy (its older name"
        " clean_with_metadata.ipynb is a revision that does not match the input)",
    ),
    (
        "nb-clean",
        "preserve_cell_metadata=[tags, ...] (--preserve-cell-metadata-field)",
        "no option keeps only some cell metadata keys and drops the rest",
    ),
    (
        "nb-clean",
        "preserve_cell_outputs=True (-o) -> clean_with_outputs.ipynb",
        "no option keeps every output but drops execution counts",
    ),
    (
        "nb-clean",
        "preserve_execution_counts=True (-c) -> clean_with_counts.ipynb",
        "no option strips outputs but keeps execution counts",
    ),
    (
        "nb-clean",
        "remove_all_notebook_metadata=True (-M)",
        "no option removes all notebook metadata",
    ),
    (
        "nb-clean",
        "remove_empty_cells=True (-e)",
        "no option removes cells: mlhooks never touches sources or cell lists",
    ),
]

# Files the peers process (or reject) and mlhooks reports as MLH006 without rewriting
# them, as the README's MLH006 row says: the peer's result is not compared.
REFUSED = [
    (
        "nbstripout",
        "test_nbformat2.ipynb",
        "unsupported nbformat 2 (3 and 4 are read)",
    ),
    (
        "nbstripout",
        "test_missing_nbformat.ipynb",
        "unsupported nbformat None (3 and 4 are read)",
    ),
    # nbstripout: 'No valid notebook detected on stdin' (test_make_errors): agreed.
    (
        "nbstripout",
        "test_invalid_json.ipynb",
        "invalid JSON at line 33 column 1: Expecting property name enclosed in double"
        " quotes",
    ),
]


def differences(ours: Any, theirs: Any, path: str = "$") -> list[str]:
    """Where two JSON values differ, one line each: path, our value, theirs."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        found = []
        for key in sorted(ours.keys() | theirs.keys()):
            where = f"{path}.{key}"
            if key not in theirs:
                found.append(f"{where}: ours {ours[key]!r:.80}, theirs absent")
            elif key not in ours:
                found.append(f"{where}: ours absent, theirs {theirs[key]!r:.80}")
            else:
                found += differences(ours[key], theirs[key], where)
        return found
    if isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        pairs = enumerate(zip(ours, theirs))
        return [d for n, (a, b) in pairs for d in differences(a, b, f"{path}[{n}]")]
    if ours == theirs and type(ours) is type(theirs):
        return []
    return [f"{path}: ours {ours!r:.80}, theirs {theirs!r:.80}"]


def kept_ids(theirs: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    """``theirs`` with the input's cell ids back. README: the stripper keeps cell ids;
    nbstripout without --keep-id renumbers them "0", "1", ..."""
    cells = theirs["cells"]
    assert [cell["id"] for cell in cells] == [str(n) for n in range(len(cells))]
    for cell, before in zip(cells, source["cells"], strict=True):
        cell["id"] = before["id"]
    return theirs


def counts_dropped(ours: dict[str, Any], case: Case) -> dict[str, Any]:
    """``ours`` with nbstripout's counts on kept cells. README: cells that keep their
    outputs keep their execution counts too; nbstripout nulls them unless
    --keep-count."""
    if case.peer != "nbstripout" or "MLH112" in case.ignore:
        return ours
    for cell in ours.get("cells", []):
        if cell.get("outputs") and cell.get("execution_count") is not None:
            cell["execution_count"] = None
            for output in cell["outputs"]:
                if "execution_count" in output:
                    output["execution_count"] = None
    return ours


def config(case: Case) -> str:
    ignore = f"[tool.mlhooks]\nignore = {json.dumps(list(case.ignore))}\n"
    table = f"[tool.mlhooks.strip-notebook-outputs]\n{case.options}"
    return ignore * bool(case.ignore) + table


@pytest.mark.parametrize("case", [case.param() for case in CASES])
def test_peer_expected_notebooks(make_files, capsys, case):
    raw = fixture(case.peer, case.source)
    repo = make_files({"pyproject.toml": config(case), case.source: raw})
    assert main([case.source]) in (0, 1)
    assert capsys.readouterr().err == ""
    ours = json.loads((repo / case.source).read_text(encoding="utf-8"))
    theirs = json.loads(fixture(case.peer, case.expected))
    if case.renumbered_ids:
        theirs = kept_ids(theirs, json.loads(raw))
    assert differences(counts_dropped(ours, case), theirs) == []


@pytest.mark.parametrize(
    "number",
    [
        2,
        3,
        4,
    ],
)
def test_nbstripout_keep_output_tags(make_files, capsys, number):
    """nbstripout's test_keep_output_tags.py::test_cells: a cell whose source starts
    ``# output`` keeps its outputs, one starting ``# no_output`` loses them."""
    name = "test_keep_output_tags.ipynb"
    raw = fixture("nbstripout", name)
    case = nbstripout(name, name)
    repo = make_files({"pyproject.toml": config(case), name: raw})
    main([name])
    before = json.loads(raw)["cells"][number - 1]
    after = json.loads((repo / name).read_text(encoding="utf-8"))["cells"][number - 1]
    marker = re.match(r"\s*#\s*(output|no_output)", "".join(before["source"]))
    assert marker and before["outputs"]  # the peer's own check of its fixture
    assert bool(after["outputs"]) == (marker[1] == "output")


@pytest.mark.parametrize(("peer", "name", "reason"), REFUSED)
def test_peer_notebooks_we_refuse_are_left_alone(
    make_files, capsys, peer, name, reason
):
    raw = fixture(peer, name)
    repo = make_files({name: raw})
    assert main([name]) == 1
    assert capsys.readouterr().out == (
        f"{name}: MLH006 not a readable notebook: {reason}\n"
    )
    assert (repo / name).read_bytes() == raw


@pytest.mark.parametrize(
    ("peer", "case", "reason"),
    [pytest.param(*row, marks=pytest.mark.skip(reason=row[2])) for row in SKIPPED],
)
def test_peer_cases_without_an_equivalent(peer, case, reason):
    """Never runs: the table of skipped peer cases, each shown with its reason."""


def test_every_peer_fixture_is_used_and_named_in_source_txt():
    used = {(c.peer, n) for c in CASES for n in (c.source, c.expected)}
    used |= {(peer, name) for peer, name, _ in REFUSED}
    used.add(("nbstripout", "test_keep_output_tags.ipynb"))
    on_disk = {
        (path.parent.name, path.name)
        for path in PEERS.glob("*/*")
        if path.name not in ("LICENSE", "SOURCE.txt")
    }
    assert on_disk == used
    for peer, name in used:
        assert name in (PEERS / peer / "SOURCE.txt").read_text(encoding="utf-8")
    for peer in ("nbstripout", "nb-clean"):
        assert (PEERS / peer / "LICENSE").is_file()
