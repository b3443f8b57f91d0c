from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import git

from mlhooks._notebooks import parse_notebook
from mlhooks._percent import percent_script
from mlhooks.check_notebook_pairing import main

RESOURCES = Path(__file__).parent / "resources" / "check-notebook-pairing"
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}
WHY = "the guideline prefers scripts, which git can diff and review, to notebooks"
WHY_SYNC = "a script that differs from its notebook misleads every diff and review"
HEADER = """\
# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

"""


def notebook(*cells: dict, formats: str | None = None) -> str:
    metadata: dict = {"kernelspec": KERNEL}
    if formats:
        metadata["jupytext"] = {"formats": formats}
    cells = tuple({"id": f"cell-{n}", **cell} for n, cell in enumerate(cells, 1))
    data = {"cells": list(cells), "metadata": metadata, "nbformat": 4}
    return json.dumps({**data, "nbformat_minor": 5}, indent=1, ensure_ascii=False)


def code(source: str, **metadata: object) -> dict:
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": metadata,
        "outputs": [],
        "source": source,
    }


def markdown(source: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def raw(source: str) -> dict:
    return {"cell_type": "raw", "metadata": {}, "source": source}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(list(args))
    return code, capsys.readouterr().out.splitlines()


# Pairs written by jupytext itself (see resources/check-notebook-pairing/README.txt),
# each copied into a folder of its own: (notebook, script, line of N_SPLITS = 5).
FIXTURES = {
    "percent": ("notebooks/eda.ipynb", "notebooks/eda.py", 29),
    "light": ("notebooks/eda.ipynb", "notebooks/eda.py", 28),
    "folders": ("notebooks/sub/eda.ipynb", "scripts/sub/eda.py", 29),
    "config": ("notebooks/eda.ipynb", "scripts/eda.py", 28),
}


def copy_fixtures(repo: Path) -> list[tuple[str, str, int]]:
    """Every fixture pair, in a folder named after it: (notebook, script, line)."""
    for name in FIXTURES:
        source = RESOURCES / name
        target = repo / name / ("notebooks" if (source / "eda.py").exists() else "")
        shutil.copytree(source, target, dirs_exist_ok=True)
    return [(f"{k}/{nb}", f"{k}/{py}", n) for k, (nb, py, n) in FIXTURES.items()]


def copy_fixture(name: str, repo: Path) -> None:
    """One fixture pair into ``notebooks/``, added to git."""
    shutil.copytree(RESOURCES / name, repo / "notebooks", dirs_exist_ok=True)
    git(repo, "add", ".")


def test_pairs_written_by_jupytext_pass(git_repo, capsys):
    pairs = copy_fixtures(git_repo)
    notebooks, scripts = [nb for nb, _, _ in pairs], [py for _, py, _ in pairs]
    for given in (notebooks + scripts, notebooks, scripts):
        assert run(capsys, *given) == (0, [])


def test_an_edited_notebook_is_out_of_sync(git_repo, capsys):
    pairs, expected = copy_fixtures(git_repo), []
    for nb, script, line in pairs:
        path = git_repo / nb
        path.write_text(path.read_text().replace("N_SPLITS = 5", "N_SPLITS = 10"))
        fix = (
            f"the script holds code the notebook lacks, so --fix leaves it; run:"
            f" jupytext --sync {nb}, or update the notebook"
            if nb.split("/")[0] in ("percent", "folders", "config")
            else f"run: jupytext --sync {nb} (--fix writes percent scripts only)"
        )
        expected.append(
            f"{nb}:cell_3:1:1: MLH102 paired script {script} differs from here"
            f" (notebook: 'N_SPLITS = 10'; script line {line}: 'N_SPLITS = 5'):"
            f" {WHY_SYNC}; {fix}"
        )
    notebooks, scripts = [nb for nb, _, _ in pairs], [py for _, py, _ in pairs]
    for given in (notebooks + scripts, notebooks, scripts):
        assert run(capsys, *given) == (1, sorted(expected))


# Pairing declared in the notebook, by a configuration file, or by name.


def test_metadata_formats_with_folder_prefix(make_files, capsys):
    formats = "notebooks//ipynb,scripts//py:percent"
    make_files(
        {
            "notebooks/eda.ipynb": notebook(code("x = 1"), formats=formats),
            "scripts/eda.py": "# %%\nx = 1\n",
            "notebooks/eda.py": "# %%\nx = 2\n",  # not its pair: never read
        }
    )
    assert run(capsys, "notebooks/eda.ipynb", "notebooks/eda.py") == (0, [])
    assert run(capsys, "scripts/eda.py") == (0, [])


CONFIGS = [
    ("jupytext.toml", 'formats = "notebooks///ipynb,scripts///py:percent"\n'),
    (".jupytext", 'formats = "notebooks///ipynb,scripts///py:percent"\n'),
    (".jupytext.yml", "formats: notebooks///ipynb,scripts///py:percent\n"),
    ("jupytext.json", '{"formats": "notebooks///ipynb,scripts///py:percent"}'),
    ("pyproject.toml", '[tool.jupytext]\nformats = "notebooks///ipynb,scripts///py"\n'),
    ("jupytext.toml", '[formats]\n"notebooks/" = "ipynb"\n"scripts/" = "py:percent"\n'),
    ("jupytext.toml",
     'formats = ["data///ipynb,x///py", "notebooks///ipynb,scripts///py"]\n'),
]  # fmt: skip


def test_configuration_file_pairing(make_files, capsys):
    files = {}
    for number, (name, content) in enumerate(CONFIGS):
        files[f"p{number}/{name}"] = content
        files[f"p{number}/notebooks/sub/eda.ipynb"] = notebook(code("x = 1"))
        files[f"p{number}/scripts/sub/eda.py"] = "# %%\nx = 1\n"
    make_files(files, False)
    notebooks = [name for name in files if name.endswith(".ipynb")]
    scripts = [name for name in files if name.endswith(".py")]
    assert run(capsys, *notebooks) == (0, [])
    assert run(capsys, *scripts) == (0, [])
    for script in scripts:
        Path(script).write_text("x = 2\n")
    code_, out = run(capsys, *scripts)
    assert (code_, [line.split(": MLH")[0] for line in out]) == (
        1,
        [f"{nb}:cell_1:1:1" for nb in notebooks],
    )


def test_the_closest_configuration_wins(make_files, capsys):
    make_files(
        {
            "jupytext.toml": 'formats = "ipynb,py:percent"\n',
            "notebooks/jupytext.toml": 'formats = "notebooks///ipynb,src///py"\n',
            "notebooks/eda.ipynb": notebook(code("x = 1")),
            "src/eda.py": "# %%\nx = 1\n",
        }
    )
    assert run(capsys, "notebooks/eda.ipynb") == (0, [])


def test_same_stem_script_beside_the_notebook(make_files, capsys):
    scripts = {"a": "x = 1\n", "b": "# %%\nx = 1\n", "c": "import os\n\nx = 1\n"}
    files = {f"notebooks/{k}.py": text for k, text in scripts.items()}
    make_files(
        {**files, **{f"notebooks/{k}.ipynb": notebook(code("x = 1")) for k in "abc"}}
    )
    code_, out = run(capsys, *files)
    assert (code_, [line.split(" MLH")[0] for line in out]) == (
        1,
        ["notebooks/c.ipynb:cell_1:1:1:"],
    )


def test_script_dirs(make_files, capsys):
    cases = [
        ("scripts/sub/eda.py", "scripts"),
        ("scripts/eda.py", "scripts"),
        ("src/churn/eda.py", "scripts,src/churn"),
        ("notebooks/sub/eda.py", "scripts"),
    ]
    make_files({"notebooks/sub/eda.ipynb": notebook(code("x = 1"))})
    for script, dirs in cases:
        make_files({script: "x = 1\n"})
        for given in ("notebooks/sub/eda.ipynb", script):
            assert run(capsys, given, "--script-dirs", dirs) == (0, [])
        Path(script).write_text("x = 2\n")
        code_, out = run(capsys, script, "--script-dirs", dirs)
        assert code_ == 1
        assert out[0].startswith("notebooks/sub/eda.ipynb:cell_1:1:1: MLH102 ")
        Path(script).unlink()


def test_a_script_without_a_notebook_is_ignored(make_files, capsys):
    make_files(
        {
            "src/train.py": "x = 1\n",
            "scripts/eda.py": HEADER + "# %%\nx = 1\n",  # its notebook is gone
            "notebooks/other.ipynb": notebook(code("y = 1")),
        }
    )
    assert run(capsys, "src/train.py", "scripts/eda.py") == (0, [])
    assert run(capsys, "scripts/eda.py", "--script-dirs", "scripts") == (0, [])


def test_both_files_given_report_once(make_files, capsys):
    make_files(
        {
            "notebooks/eda.ipynb": notebook(code("x = 1")),
            "notebooks/eda.py": "x = 2\n",
        }
    )
    code_, out = run(capsys, "notebooks/eda.ipynb", "notebooks/eda.py")
    assert (code_, len(out)) == (1, 1)


# MLH101: notebook without a paired script.


UNPAIRED = [
    (
        "a",
        notebook(code("x = 1")),
        "no paired script: expected a/notebooks/eda.py: {why}; run"
        " check-notebook-pairing --fix to write it, or: jupytext --set-formats"
        " ipynb,py:percent {nb}",
    ),
    (
        "b",
        notebook(code("x = 1"), formats="ipynb,py:percent"),
        "paired script b/notebooks/eda.py (declared by its jupytext formats"
        " 'ipynb,py:percent') does not exist: {why}; run check-notebook-pairing"
        " --fix to write it, or: jupytext --sync {nb}",
    ),
    (
        "c",
        notebook(code("x = 1"), formats="ipynb,py:light"),
        "paired script c/notebooks/eda.py (declared by its jupytext formats"
        " 'ipynb,py:light') does not exist: {why}; run: jupytext --sync {nb}",
    ),
    (
        "d",
        notebook(code("x = 1"), formats="ipynb,md"),
        "its jupytext formats 'ipynb,md' pair it with no Python script: {why};"
        " pair it with one: jupytext --set-formats ipynb,py:percent {nb}",
    ),
    (
        "e",
        notebook(code("x = 1"), formats="ipynb,py:nope"),
        "its jupytext formats 'ipynb,py:nope' do not pair it ('py:nope' is not a"
        " jupytext format): {why}; fix them: jupytext --set-formats"
        " ipynb,py:percent {nb}",
    ),
    (
        "f",
        notebook(code("x = 1")),
        "paired script f/scripts/eda.py (declared by f/jupytext.toml) does not"
        " exist: {why}; run check-notebook-pairing --fix to write it, or: jupytext"
        " --sync {nb}",
    ),
]


def test_mlh101_unpaired_notebooks(make_files, capsys):
    files = {f"{folder}/notebooks/eda.ipynb": nb for folder, nb, _ in UNPAIRED}
    config = 'formats = "notebooks///ipynb,scripts///py:percent"\n'
    make_files({**files, "f/jupytext.toml": config}, False)
    assert run(capsys, *files) == (
        1,
        [
            f"{nb}: MLH101 {message.format(why=WHY, nb=nb)}"
            for nb, (_, _, message) in zip(files, UNPAIRED)
        ],
    )
    files = {"notebooks/sub/eda.ipynb": notebook(code("x = 1"))}
    make_files(files, False)
    assert run(capsys, *files, "--script-dirs", "scripts") == (
        1,
        [
            "notebooks/sub/eda.ipynb: MLH101 no paired script: expected"
            " scripts/sub/eda.py (or scripts/eda.py, notebooks/sub/eda.py):"
            f" {WHY}; run check-notebook-pairing --fix to write it, or: jupytext"
            " --set-formats ipynb,py:percent notebooks/sub/eda.ipynb"
        ],
    )


def test_require_pairing_off(make_files, capsys):
    make_files({"notebooks/eda.ipynb": notebook(code("x = 1"))})
    assert run(capsys, "notebooks/eda.ipynb", "--no-require-pairing") == (0, [])


def test_noqa_checkpoints_exclude_and_old_notebooks(make_files, capsys):
    v3 = {
        "nbformat": 3,
        "nbformat_minor": 0,
        "metadata": {},
        "worksheets": [{"cells": [{"cell_type": "code", "input": "x = 1"}]}],
    }
    files = {
        "notebooks/a.ipynb": notebook(code("# mlhooks: noqa: MLH101\nx = 1")),
        "notebooks/b.ipynb": notebook(code("x = 1", tags=["mlhooks-noqa"])),
        "notebooks/b.py": "x = 2\n",
        "notebooks/.ipynb_checkpoints/c-checkpoint.ipynb": notebook(code("x")),
        "notebooks/old/d.ipynb": notebook(code("x")),
        "notebooks/e.ipynb": json.dumps(v3),
        "notebooks/e.py": "x = 1\n",
        "p/.jupytext.py": "c.formats = 'ipynb,scripts//py'\n",  # never run
        "p/notebooks/f.ipynb": notebook(code("x = 1")),
        "p/notebooks/f.py": "x = 1\n",
    }
    make_files(files, False)
    assert run(capsys, *files, "--exclude", "old/") == (0, [])


def test_a_wrong_option_is_a_configuration_error(make_files, capsys):
    table = '[tool.mlhooks.check-notebook-pairing]\nnotebook-dirs = "notebooks"\n'
    make_files({"pyproject.toml": table, "notebooks/a.ipynb": notebook()}, False)
    assert main(["notebooks/a.ipynb"]) == 2


# MLH102: the script's code differs from the notebook's.


BLACK_BEFORE = "x = {'a':1}\ndef f(a,b):\n  return a+b  # 和"
BLACK_AFTER = 'x = {"a": 1}\n\n\ndef f(a, b):\n    return a + b  # 和\n'
IN_SYNC = [
    ([code("%matplotlib inline\nimport os")],
     "# %%\n# %matplotlib inline\nimport os\n"),
    ([code("!pip install x\nfiles = !ls")], "# %%\n# !pip install x\n# files = !ls\n"),
    ([code("%%bash\nls\necho 1")], '# %% language="bash"\n# ls\n# echo 1\n'),
    ([code("x = 1\n\n\n")], "# %%\nx = 1\n"),
    ([code("x = 1   ")], "# %%\nx = 1\n"),
    ([markdown("# 題名"), code("x = 1")], "# %%\nx = 1\n"),
    ([markdown("# 題名"), code("x = 1")], "# %% [markdown]\n# # 題名\n\n# %%\nx = 1\n"),
    ([markdown("題名"), code("x")], '# %% [markdown]\n"""\n題名\n"""\n\n# %%\nx\n'),
    ([raw("raw text"), code("x")], "# %% [raw]\n# raw text\n\n# %%\nx\n"),
    ([code(""), code("x")], "# %%\n\n# %%\nx\n"),
    ([code("def f():\n    return 1")], "# %%\ndef f():\n\n    return 1\n"),
    ([code("s = '''\n%d rows\n'''")], "# %%\ns = '''\n%d rows\n'''\n"),
    ([code("x = 1")], "\r\n# %%\r\nx = 1\r\n"),
    ([code("x = 1")], "x = 1\n"),
    ([code("%time x = 1\ny = 2  # 注釈")], "# %time x = 1\ny = 2  # 注釈\n"),
    ([code(BLACK_BEFORE), markdown("# 題名")],
     f"# %%\n{BLACK_AFTER}\n# %% [markdown]\n# # 題名\n"),  # black ran on the script
    ([code("%matplotlib inline\n" + BLACK_BEFORE)],
     f"# %matplotlib inline\n{BLACK_AFTER}"),
]  # fmt: skip


def test_scripts_in_sync(make_files, capsys):
    files = {}
    for number, (cells, script) in enumerate(IN_SYNC):
        files[f"notebooks/c{number:02}.ipynb"] = notebook(*cells)
        files[f"notebooks/c{number:02}.py"] = script
    make_files(files, False)
    assert run(capsys, *files) == (0, [])


LACKS = "the script holds code the notebook lacks, so --fix leaves it; run: jupytext"
OUT_OF_SYNC = [
    (
        [code("x = 1"), code("y = 2")],
        "# %%\nx = 1\n\n# %%\ny = 3\n",
        ":cell_2:1:1",
        "differs from here (notebook: 'y = 2'; script line 5: 'y = 3')",
        f"{LACKS} --sync {{nb}}, or update the notebook",
    ),
    (
        [code("x = 1"), code("y = 2")],
        "# %%\nx = 1\n",
        ":cell_2:1:1",
        "differs from here (notebook: 'y = 2'; the script ends)",
        "run check-notebook-pairing --fix to update it, or: jupytext --sync {nb}",
    ),
    (
        [markdown("# 前処理"), code("x = 1")],
        "# %% [markdown]\n# # 後処理\n\n# %%\nx = 1\n",
        ":cell_1:1:1",
        "differs from here (notebook: '# 前処理'; script line 2: '# 後処理')",
        f"{LACKS} --sync {{nb}}, or update the notebook",
    ),
    (
        [markdown("# 題名"), code("x = 1")],
        "# %%\nx = 1\n\n# %% [markdown]\n# # 題名\n",
        ":cell_1",
        "differs from here (notebook: a markdown cell; script line 1: a code cell)",
        f"{LACKS} --sync {{nb}}, or update the notebook",
    ),
    (
        [code("import os\nx = 1")],
        "import os\n\n# 注釈\nx = 2\n",
        ":cell_1:2:1",
        "differs from here (notebook: 'x = 1'; script line 4: 'x = 2')",
        "run: jupytext --sync {nb} (--fix writes percent scripts only)",
    ),
    (
        [code("print('とても長い行です。' * 10, 'end of a very long line')")],
        "# %%\nprint('short')\n",
        ":cell_1:1:1",
        "differs from here (notebook: \"print('とても長い行です。' * 10, 'end of a"
        ' ver..."; script line 2: "print(\'short\')")',
        f"{LACKS} --sync {{nb}}, or update the notebook",
    ),
    (
        [code("x = 1")],
        "# %%\nx = 1\n\n# %%\nprint(x)\n",
        "",
        "holds more than the notebook from line 5 ('print(x)')",
        f"{LACKS} --sync {{nb}}, or update the notebook",
    ),
]


def test_mlh102_names_the_first_differing_cell(make_files, capsys):
    files, expected = {}, []
    for number, (cells, script, where, what, fix) in enumerate(OUT_OF_SYNC):
        nb, name = f"notebooks/c{number}.ipynb", f"notebooks/c{number}.py"
        files.update({nb: notebook(*cells), name: script})
        expected.append(
            f"{nb}{where}: MLH102 paired script {name} {what}: {WHY_SYNC};"
            f" {fix.format(nb=nb)}"
        )
    make_files(files, False)
    assert run(capsys, *files) == (1, expected)
    fixed = [expected[0], expected[1] + " [fixed]", *expected[2:]]  # c1 only
    assert run(capsys, *files, "--fix") == (1, fixed)
    assert Path("notebooks/c6.py").read_text() == OUT_OF_SYNC[6][1]


def test_formats_not_compared_are_left_alone(make_files, capsys):
    nb = notebook(code("x = 1"), formats="ipynb,py:sphinx")
    files = {"notebooks/eda.ipynb": nb, "notebooks/eda.py": '"""Doc."""\ny = 2\n'}
    make_files(files, False)
    assert run(capsys, "notebooks/eda.ipynb") == (0, [])


# MLH103 and MLH104: where notebooks live and how they are named.


def _moved(path: str, folder: str) -> str:
    name, script = path.rpartition("/")[2], path[:-6] + ".py"
    return (
        f"git mv {path} {folder}/{name} && git mv {script}" f" {folder}/{name[:-6]}.py"
    )


def test_mlh103_notebook_outside_the_folders(make_files, capsys):
    outside = ["eda.ipynb", "src/eda.ipynb", "notebooks_old/eda.ipynb"]
    inside = [
        "notebooks/eda.ipynb",
        "notebooks/exploratory/1.0-jqp-eda.ipynb",
        "projects/churn/notebooks/eda.ipynb",
    ]
    files = {path: notebook(code("x = 1")) for path in outside + inside}
    make_files({**files, **{p[:-6] + ".py": "x = 1\n" for p in files}})
    expected = [
        f"{path}: MLH103 notebook outside {{dirs}}: the guideline's folder template"
        " (Cookiecutter Data Science) keeps exploration notebooks in notebooks/,"
        f" apart from the code; move it: {{move}}"
        for path in sorted(outside)
    ]
    out = [
        e.format(dirs="notebooks", move=_moved(p, "notebooks"))
        for p, e in zip(sorted(outside), expected)
    ]
    assert run(capsys, *files) == (1, out)
    dirs = ["--notebook-dirs", "research/notebooks,nb"]
    out = [
        e.format(dirs="research/notebooks, nb", move=_moved(p, "research/notebooks"))
        for p, e in zip(sorted(outside), expected)
    ]
    assert run(capsys, *outside, *dirs) == (1, out)
    assert run(capsys, *files, "--notebook-dirs", "") == (0, [])
    assert run(capsys, "src/eda.ipynb", "--notebook-dirs", "notebooks,src") == (0, [])


GOOD_NAMES = [
    "1.0-jqp-initial-data-exploration.ipynb",
    "0.3-bull-visualize-distributions.ipynb",
    "01-ab-eda.ipynb",
    "2-ty-前処理.ipynb",
    "1.2.3-jqp_2-v2.final.ipynb",
]
BAD_NAMES = {
    "eda.ipynb": "1.0-<initials>-eda.ipynb",
    "Untitled 1.ipynb": "1.0-<initials>-untitled-1.ipynb",
    "jqp-eda.ipynb": "1.0-<initials>-jqp-eda.ipynb",
    "1.0-eda.ipynb": "1.0-<initials>-1-0-eda.ipynb",
    "1.0--eda.ipynb": "1.0-<initials>-1-0-eda.ipynb",
}


def test_mlh104_notebook_names(make_files, capsys):
    names = GOOD_NAMES + sorted(BAD_NAMES)
    paths = [f"notebooks/{name}" for name in names]
    make_files(
        {**{p: notebook() for p in paths}, **{p[:-6] + ".py": "" for p in paths}}
    )
    assert run(capsys, *paths) == (0, [])
    assert run(capsys, *paths, "--check-naming") == (
        1,
        [
            f"notebooks/{name}: MLH104 notebook name {name} is not"
            " <step>-<initials>-<description>.ipynb (e.g."
            " 1.0-jqp-initial-data-exploration.ipynb): Cookiecutter Data Science"
            " names notebooks by order, author and topic so the exploration reads in"
            f" order; rename it, e.g.: git mv notebooks/{name}"
            f" notebooks/{BAD_NAMES[name]}"
            for name in sorted(BAD_NAMES)
        ],
    )


# --fix writes percent scripts as jupytext writes them.

EDA = RESOURCES / "percent" / "eda.py"
WITHOUT_VERSION = "".join(
    line for line in EDA.read_text().splitlines(True) if "jupytext_version" not in line
)


def test_fix_writes_a_missing_script_as_jupytext_would(git_repo, capsys):
    copy_fixture("percent", git_repo)
    Path("notebooks/eda.py").unlink()
    code_, out = run(capsys, "notebooks/eda.ipynb", "--fix")
    assert code_ == 1 and out[0].endswith(" [fixed]")
    assert out[0].startswith("notebooks/eda.ipynb: MLH101 paired script notebooks/")
    assert Path("notebooks/eda.py").read_text() == WITHOUT_VERSION
    assert run(capsys, "notebooks/eda.ipynb", "notebooks/eda.py", "--fix") == (0, [])


def test_fix_updates_a_stale_script_byte_for_byte(git_repo, capsys):
    copy_fixture("percent", git_repo)
    text = EDA.read_text()
    stale = text.replace('\n# %%\nprint(f"{summary} 行")\n', "\n")
    Path("notebooks/eda.py").write_text(stale)
    code_, out = run(capsys, "notebooks/eda.py", "--fix")
    assert (code_, out) == (
        1,
        [
            "notebooks/eda.ipynb:cell_8:1:1: MLH102 paired script notebooks/eda.py"
            " differs from here (notebook: 'print(f\"{summary} 行\")'; the script"
            f" ends): {WHY_SYNC}; run check-notebook-pairing --fix to update it, or:"
            " jupytext --sync notebooks/eda.ipynb [fixed]"
        ],
    )
    assert Path("notebooks/eda.py").read_text() == text
    assert run(capsys, "notebooks/eda.py", "--fix") == (0, [])


def test_fix_updates_a_script_that_holds_the_last_commit(git_repo, capsys):
    copy_fixture("percent", git_repo)
    git(git_repo, "commit", "-qm", "eda")
    nb = Path("notebooks/eda.ipynb")
    nb.write_text(nb.read_text().replace("N_SPLITS = 5", "N_SPLITS = 10"))
    code_, out = run(capsys, "notebooks/eda.ipynb", "--fix")
    assert code_ == 1 and out[0].endswith(
        "run check-notebook-pairing --fix to update it, or: jupytext --sync"
        " notebooks/eda.ipynb [fixed]"
    )
    expected = EDA.read_text().replace("N_SPLITS = 5", "N_SPLITS = 10")
    assert Path("notebooks/eda.py").read_text() == expected


def test_fix_never_overwrites_a_script_ahead_of_its_notebook(git_repo, capsys):
    copy_fixture("percent", git_repo)
    git(git_repo, "commit", "-qm", "eda")
    script = Path("notebooks/eda.py")
    ahead = script.read_text().replace("N_SPLITS = 5", "N_SPLITS = 10")
    script.write_text(ahead)
    code_, out = run(capsys, "notebooks/eda.py", "--fix")
    assert code_ == 1 and "so --fix leaves it" in out[0] and "[fixed]" not in out[0]
    assert script.read_text() == ahead


def test_fix_keeps_crlf(make_files, capsys):
    make_files(
        {
            "notebooks/eda.ipynb": notebook(code("x = 1"), code("y = 2")),
            "notebooks/eda.py": "# %%\r\nx = 1\r\n",
        }
    )
    assert run(capsys, "notebooks/eda.ipynb", "--fix")[0] == 1
    expected = HEADER + "# %%\nx = 1\n\n# %%\ny = 2\n"
    assert (
        Path("notebooks/eda.py").read_bytes() == expected.replace("\n", "\r\n").encode()
    )
    assert run(capsys, "notebooks/eda.ipynb", "--fix") == (0, [])


@pytest.mark.parametrize(
    ("path", "args", "script", "formats"),
    [
        ("notebooks/eda.ipynb", [], "notebooks/eda.py", "ipynb,py:percent"),
        ("notebooks/sub/eda.ipynb", ["--script-dirs", "scripts"], "scripts/sub/eda.py",
         "notebooks///ipynb,scripts///py:percent"),
        ("a/notebooks/eda.ipynb", ["--script-dirs", "scripts"], "scripts/eda.py",
         "a/notebooks///ipynb,scripts///py:percent"),
        ("eda.ipynb", ["--script-dirs", "scripts", "--notebook-dirs", ""],
         "scripts/eda.py", None),
    ],
)  # fmt: skip
def test_fix_writes_the_expected_script(
    make_files, capsys, path, args, script, formats
):
    cells = (markdown("# 題名\n\n説明"), code("%matplotlib inline\nimport os"))
    make_files({path: notebook(*cells)})
    assert run(capsys, path, "--fix", *args)[0] == 1
    header = HEADER.replace("ipynb,py:percent", formats or "")
    header = header if formats else header.replace("#     formats: \n", "")
    assert Path(script).read_text() == (
        header + "# %% [markdown]\n# # 題名\n#\n# 説明\n\n"
        "# %%\n# %matplotlib inline\nimport os\n"
    )
    assert run(capsys, path, script, "--fix", *args) == (0, [])


def test_fix_leaves_light_scripts(git_repo, capsys):
    copy_fixture("light", git_repo)
    git(git_repo, "commit", "-qm", "eda")
    nb = Path("notebooks/eda.ipynb")
    nb.write_text(nb.read_text().replace("N_SPLITS = 5", "N_SPLITS = 10"))
    before = Path("notebooks/eda.py").read_bytes()
    code_, out = run(capsys, "notebooks/eda.ipynb", "--fix")
    assert code_ == 1 and "[fixed]" not in out[0]
    assert Path("notebooks/eda.py").read_bytes() == before


# The writer against jupytext itself.

ROUND_TRIPS = [
    [markdown("# 題名\n\n- 項目"), code("%matplotlib inline\nimport pandas as pd")],
    [code("x = 1", tags=["parameters"], scrolled=True), code("def f():\n    pass")],
    [code("class A:\n    pass"), code("a = A()"), code("@dec\ndef g():\n    return 1")],
    [code("%%bash --out x\nls\n\necho hi"), code("%%time\nf()"), code("obj?")],
    [code("!ls \\\n  -l"), code("files = !ls\ncd ..\ncd = 3"), code("")],
    [raw("raw text"), markdown(""), code("    x = 1")],
    [code("s = '''\n%d items\n'''"), code('"""Doc."""\nimport os')],
    [code("x = 1", lines_to_next_cell=0), code("y = 2")],
    [raw("---\ntitle: 題名\n---"), code("x = 1")],
    [code("# %time commented already\nx = 1"), markdown("text\n\n\nmore")],
    [code("%%python\nx = 1"), code("%%python3\ny = 2"), code("%%sql\nselect 1")],
]


@pytest.mark.parametrize("cells", ROUND_TRIPS)
def test_writer_agrees_with_jupytext(cells):
    jupytext = pytest.importorskip("jupytext")
    nbformat = pytest.importorskip("nbformat")
    text = notebook(*cells, formats="ipynb,py:percent")
    ours = percent_script(parse_notebook("eda.ipynb", text), "ipynb,py:percent", "v")
    theirs = jupytext.writes(nbformat.reads(text, as_version=4), fmt="py:percent")
    assert ours == theirs.replace(jupytext.__version__, "v")
    back = jupytext.reads(ours, fmt="py:percent")
    # jupytext moves front matter to the header and drops %%python when reading
    expected = [c["source"] for c in cells if not c["source"].startswith("---")]
    expected = [source.removeprefix("%%python\n") for source in expected]
    assert [
        c.source for c in back.cells if c.cell_type != "raw" or "---" not in c.source
    ] == expected


def test_writer_agrees_with_jupytext_on_the_fixture():
    jupytext = pytest.importorskip("jupytext")
    nb = parse_notebook("eda.ipynb", (RESOURCES / "percent" / "eda.ipynb").read_text())
    ours = percent_script(nb, "ipynb,py:percent", jupytext.__version__)
    assert ours == EDA.read_text()


# Bad input: a finding naming the file, never a traceback, never a fix.


def test_bad_notebooks(make_files, capsys):
    files = {
        "notebooks/a.ipynb": "{",
        "notebooks/b.ipynb": "",
        "notebooks/c.ipynb": b'{"cells": ["\xff"]}',
    }
    make_files(files, False)
    expected = [
        "notebooks/a.ipynb: MLH006 not a readable notebook: invalid JSON at line 1"
        " column 2: Expecting property name enclosed in double quotes",
        "notebooks/b.ipynb: MLH006 not a readable notebook: the file is empty",
        "notebooks/c.ipynb:1:1: MLH001 not valid UTF-8 (byte 0xff at offset 12);"
        " re-save the file as UTF-8",
    ]
    assert run(capsys, *files, "--fix") == (1, expected)
    assert sorted(p.name for p in Path("notebooks").iterdir()) == sorted(
        name[10:] for name in files
    )
    scripts = [name[:-6] + ".py" for name in files]
    for script in scripts:
        Path(script).write_text("x = 1\n")
    assert run(capsys, *scripts, "--fix") == (1, expected)
    assert all(Path(script).read_text() == "x = 1\n" for script in scripts)


def test_an_undecodable_script(make_files, capsys):
    make_files(
        {
            "notebooks/eda.ipynb": notebook(code("x = 1")),
            "notebooks/eda.py": b"x = '\xff'\n",
        },
        False,
    )
    assert run(capsys, "notebooks/eda.ipynb", "notebooks/eda.py", "--fix") == (
        1,
        [
            "notebooks/eda.py:1:1: MLH001 not valid UTF-8 (byte 0xff at offset 5);"
            " re-save the file as UTF-8"
        ],
    )


BROKEN_CONFIGS = [
    ("jupytext.toml", "formats = [\n", "does not parse as TOML: "),
    (".jupytext.yml", "formats: [\n", "does not parse as YAML: "),
    ("jupytext.json", "{", "does not parse as JSON: "),
    ("jupytext.toml", "formats = 3\n", "jupytext formats do not parse: 3 is not"),
    ("jupytext.toml", 'formats = "ipynb,py:nope"\n', "jupytext formats do not parse"),
    (".jupytext.yml", "- a\n", "is not a table of jupytext settings"),
    ("pyproject.toml", "[tool.jupytext\n", "does not parse as TOML: "),
]


def test_a_broken_jupytext_configuration(make_files, capsys):
    files = {}
    for number, (name, content, _) in enumerate(BROKEN_CONFIGS):
        files[f"p{number}/{name}"] = content
        files[f"p{number}/notebooks/eda.ipynb"] = notebook(code("x = 1"))
    make_files(files, False)
    notebooks = [name for name in files if name.endswith(".ipynb")]
    code_, out = run(capsys, *notebooks, "--fix")
    assert code_ == 1 and len(out) == len(BROKEN_CONFIGS)
    for number, (line, (name, _, message)) in enumerate(zip(out, BROKEN_CONFIGS)):
        assert line.startswith(f"p{number}/{name}") and f" MLH005 {message}" in line
    assert not any(Path(nb[:-6] + ".py").exists() for nb in notebooks)


@pytest.mark.parametrize("fmt", ["percent", "light", "hydrogen", "nomarker"])
def test_scripts_written_by_jupytext_are_in_sync(make_files, capsys, fmt):
    jupytext = pytest.importorskip("jupytext")
    nbformat = pytest.importorskip("nbformat")
    files = {}
    for number, cells in enumerate(ROUND_TRIPS):
        text = notebook(*cells, formats=f"ipynb,py:{fmt}")
        script = jupytext.writes(nbformat.reads(text, as_version=4), fmt=f"py:{fmt}")
        files[f"notebooks/c{number}.ipynb"] = text
        files[f"notebooks/c{number}.py"] = script
    make_files(files, False)
    assert run(capsys, *files) == (0, [])


# Messages in Japanese: --lang ja, lang = "ja" in [tool.mlhooks], or the locale.

WHY_JA = "ガイドラインはノートブックより、git で差分を見てレビューできるスクリプトを推奨しています"
WHY_SYNC_JA = "ノートブックと食い違うスクリプトは、差分もレビューも誤らせます"
LACKS_JA = (
    "スクリプトにノートブックにないコードがあるため、--fix では書き換えません。"
    "jupytext --sync notebooks/eda.ipynb を実行するか、ノートブックを更新してください"
)
JAPANESE = [
    (
        {"notebooks/eda.ipynb": notebook(code("x = 1"))},
        [],
        [
            "notebooks/eda.ipynb: MLH101 ペアのスクリプト notebooks/eda.py がありません:"
            f" {WHY_JA}。check-notebook-pairing --fix で書き出すか、次を実行してください:"
            " jupytext --set-formats ipynb,py:percent notebooks/eda.ipynb"
        ],
    ),
    (
        {"notebooks/eda.ipynb": notebook(code("x = 1"), formats="ipynb,py:nope")},
        [],
        [
            "notebooks/eda.ipynb: MLH101 ノートブックの jupytext formats"
            " 'ipynb,py:nope' ではペアになりません ('py:nope' は jupytext"
            f" のフォーマットではありません): {WHY_JA}。formats の指定を直してください:"
            " jupytext --set-formats ipynb,py:percent notebooks/eda.ipynb"
        ],
    ),
    (
        {"notebooks/eda.ipynb": notebook(code("x = 1"), formats="ipynb,md")},
        [],
        [
            "notebooks/eda.ipynb: MLH101 ノートブックの jupytext formats 'ipynb,md'"
            f" はどの Python スクリプトともペアにしていません: {WHY_JA}。スクリプトと"
            "ペアにしてください: jupytext --set-formats ipynb,py:percent"
            " notebooks/eda.ipynb"
        ],
    ),
    (
        {
            "notebooks/eda.ipynb": notebook(code("x = 1"), code("y = 2")),
            "notebooks/eda.py": "# %%\nx = 1\n\n# %%\ny = 3\n",
        },
        [],
        [
            "notebooks/eda.ipynb:cell_2:1:1: MLH102 ペアのスクリプト notebooks/eda.py"
            " がここから食い違っています (ノートブック: 'y = 2'、スクリプト 5 行目:"
            f" 'y = 3'): {WHY_SYNC_JA}。{LACKS_JA}"
        ],
    ),
    (
        {
            "notebooks/eda.ipynb": notebook(code("x = 1"), code("y = 2")),
            "notebooks/eda.py": "# %%\nx = 1\n",
        },
        [],
        [
            "notebooks/eda.ipynb:cell_2:1:1: MLH102 ペアのスクリプト notebooks/eda.py"
            " がここから食い違っています (ノートブック: 'y = 2'、スクリプト:"
            f" ここで終わり): {WHY_SYNC_JA}。check-notebook-pairing --fix"
            " で更新するか、次を実行してください: jupytext --sync notebooks/eda.ipynb"
        ],
    ),
    (
        {
            "notebooks/eda.ipynb": notebook(markdown("# 題名"), code("x = 1")),
            "notebooks/eda.py": "# %%\nx = 1\n\n# %% [markdown]\n# # 題名\n",
        },
        [],
        [
            "notebooks/eda.ipynb:cell_1: MLH102 ペアのスクリプト notebooks/eda.py"
            " がここから食い違っています (ノートブック: markdown セル、スクリプト 1"
            f" 行目: code セル): {WHY_SYNC_JA}。{LACKS_JA}"
        ],
    ),
    (
        {
            "notebooks/eda.ipynb": notebook(code("import os\nx = 1")),
            "notebooks/eda.py": "import os\n\n# 注釈\nx = 2\n",
        },
        [],
        [
            "notebooks/eda.ipynb:cell_1:2:1: MLH102 ペアのスクリプト notebooks/eda.py"
            " がここから食い違っています (ノートブック: 'x = 1'、スクリプト 4 行目:"
            f" 'x = 2'): {WHY_SYNC_JA}。次を実行してください: jupytext --sync"
            " notebooks/eda.ipynb (--fix が書き出すのは percent 形式のスクリプトだけです)"
        ],
    ),
    (
        {
            "notebooks/eda.ipynb": notebook(code("x = 1")),
            "notebooks/eda.py": "# %%\nx = 1\n\n# %%\nprint(x)\n",
        },
        [],
        [
            "notebooks/eda.ipynb: MLH102 ペアのスクリプト notebooks/eda.py の 5"
            " 行目以降に、ノートブックにない内容があります ('print(x)'):"
            f" {WHY_SYNC_JA}。{LACKS_JA}"
        ],
    ),
    (
        {"src/eda.ipynb": notebook(code("x = 1")), "src/eda.py": "x = 1\n"},
        [],
        [
            "src/eda.ipynb: MLH103 ノートブックが notebooks の外にあります:"
            " ガイドラインのフォルダテンプレート (Cookiecutter Data Science) では、"
            "探索用のノートブックはコードと分けて notebooks/ に置きます。移動して"
            "ください: mv src/eda.ipynb notebooks/eda.ipynb && mv src/eda.py"
            " notebooks/eda.py"
        ],
    ),
    (
        {"notebooks/Untitled 1.ipynb": notebook(), "notebooks/Untitled 1.py": ""},
        ["--check-naming"],
        [
            "notebooks/Untitled 1.ipynb: MLH104 ノートブック名 Untitled 1.ipynb が"
            " <step>-<initials>-<description>.ipynb の形ではありません (例:"
            " 1.0-jqp-initial-data-exploration.ipynb): Cookiecutter Data Science"
            " では、探索の流れを順に追えるよう、ノートブックに順番・作成者・内容で名前を"
            "付けます。名前を変えてください。例: mv notebooks/Untitled 1.ipynb"
            " notebooks/1.0-<initials>-untitled-1.ipynb"
        ],
    ),
]


@pytest.mark.parametrize("files, args, expected", JAPANESE)
def test_messages_in_japanese(make_files, capsys, files, args, expected):
    make_files(files, False)
    assert run(capsys, *files, *args, "--lang", "ja") == (1, expected)


def test_lang_in_pyproject_gives_japanese(make_files, capsys):
    files, _, expected = JAPANESE[3]
    make_files({**files, "pyproject.toml": '[tool.mlhooks]\nlang = "ja"\n'}, False)
    assert run(capsys, *files) == (1, expected)
    assert run(capsys, *files, "--lang", "en")[1][0].endswith(
        "; run: jupytext --sync notebooks/eda.ipynb, or update the notebook"
    )


def test_a_japanese_locale_gives_japanese(make_files, capsys, monkeypatch):
    files, _, expected = JAPANESE[0]
    make_files(files, False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert run(capsys, *files) == (1, expected)


def test_a_broken_jupytext_configuration_in_japanese(make_files, capsys):
    files = {
        "a/jupytext.toml": "formats = 3\n",
        "a/notebooks/eda.ipynb": notebook(code("x = 1")),
        "b/.jupytext.yml": "- a\n",
        "b/notebooks/eda.ipynb": notebook(code("x = 1")),
    }
    make_files(files, False)
    assert run(
        capsys, "a/notebooks/eda.ipynb", "b/notebooks/eda.ipynb", "--lang=ja"
    ) == (
        1,
        [
            "a/jupytext.toml: MLH005 jupytext の formats を解析できません: 3"
            " は文字列・テーブル・リストのいずれでもありません",
            "b/.jupytext.yml: MLH005 jupytext の設定のテーブルではありません",
        ],
    )
