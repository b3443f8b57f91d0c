from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

import pytest

from mlhooks import check_notebook_outputs, strip_notebook_outputs
from mlhooks.cli import main as mlhooks_main
from mlhooks.strip_notebook_outputs import main

RESOURCES = Path(__file__).parent / "resources" / "strip-notebook-outputs"
LEAK = (
    "notebook outputs are the usual leak of personal data and API keys, and they"
    " bloat git history; run strip-notebook-outputs"
)
KEEP = ", or tag the cell keep-output to keep them"


def outputs(where: str, what: str, keep: str = KEEP) -> str:
    return f"{where}: MLH111 cell has {what}: {LEAK}{keep} [fixed]"


def count(where: str, number: int) -> str:
    return (
        f"{where}: MLH112 cell has execution count {number} but no outputs: counts"
        " change on every run and clutter diffs; run strip-notebook-outputs [fixed]"
    )


def volatile(where: str, keys: str) -> str:
    level = "cell" if ":cell_" in where else "notebook"
    it = "them" if "," in keys else "it"
    return (
        f"{where}: MLH114 {level} metadata holds {keys}: run and view state (and keys"
        " set in strip-metadata) churn diffs and can carry user data; run"
        f" strip-notebook-outputs, or list {it} in keep-metadata [fixed]"
    )


def jupyter_lines(name: str) -> list[str]:
    return [
        volatile(name, "widgets"),
        outputs(f"{name}:cell_2", "2 outputs (stream stdout, stream stderr)"),
        volatile(f"{name}:cell_2", "ExecuteTime"),
        outputs(f"{name}:cell_3", "2 outputs (image/png, text/html)"),
        outputs(f"{name}:cell_4", "1 output (error KeyError)"),
        count(f"{name}:cell_5", 4),
        outputs(f"{name}:cell_8", "2 outputs (stream stdout x2)"),
        volatile(f"{name}:cell_8", "execution"),
    ]


FIXTURES = {
    "jupyter": jupyter_lines("jupyter.ipynb"),
    "crlf": jupyter_lines("crlf.ipynb"),
    "ascii": jupyter_lines("ascii.ipynb"),
    "vscode": [
        outputs("vscode.ipynb:cell_1", "1 output (stream stdout)"),
        outputs("vscode.ipynb:cell_2", "1 output (application/vnd.dataresource+json)"),
    ],
    "colab": [
        outputs("colab.ipynb:cell_2", "1 output (stream stdout)"),
        volatile("colab.ipynb:cell_2", "executionInfo, outputId"),
    ],
    "papermill": [
        volatile("papermill.ipynb", "papermill"),
        volatile("papermill.ipynb:cell_1", "papermill"),
        outputs("papermill.ipynb:cell_2", "1 output (stream stdout)"),
        volatile("papermill.ipynb:cell_2", "papermill"),
    ],
    "nbformat3": [
        volatile("nbformat3.ipynb", "signature"),
        outputs(
            "nbformat3.ipynb:cell_1", "3 outputs (stream stdout, text/plain, image/png)"
        ),
        outputs("nbformat3.ipynb:cell_2", "1 output (error ZeroDivisionError)"),
        count("nbformat3.ipynb:cell_3", 3),
    ],
}


def fixture(name: str) -> bytes:
    return (RESOURCES / name).read_bytes()


def notebook(*cells: dict, **metadata: object) -> str:
    nb = {
        "cells": list(cells),
        "metadata": metadata,
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def code(source: str, outputs: int = 1, count: int | None = 1, **meta: object) -> dict:
    stream = {"name": "stdout", "output_type": "stream", "text": ["結果\n"]}
    return {
        "cell_type": "code",
        "execution_count": count,
        "id": f"{zlib.crc32(source.encode()):08x}",
        "metadata": meta,
        "outputs": [stream] * outputs,
        "source": source,
    }


def stat(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


@pytest.mark.parametrize("name", FIXTURES)
def test_strips_every_kind_of_output_byte_for_byte(make_files, capsys, name):
    repo = make_files({f"{name}.ipynb": fixture(f"{name}.ipynb")})
    assert main([f"{name}.ipynb"]) == 1
    assert capsys.readouterr().out.splitlines() == FIXTURES[name]
    assert (repo / f"{name}.ipynb").read_bytes() == fixture(f"{name}.stripped.ipynb")
    before = stat(repo / f"{name}.ipynb")
    assert main([f"{name}.ipynb"]) == 0
    assert capsys.readouterr().out == ""
    assert stat(repo / f"{name}.ipynb") == before


CLEAN = {
    "Jupyter": fixture("clean.ipynb"),
    "CRLF": fixture("jupyter.stripped.ipynb").replace(b"\n", b"\r\n"),
    "ensure_ascii": fixture("ascii.stripped.ipynb"),
    "Colab": fixture("colab.stripped.ipynb"),
    "nbformat 3": fixture("nbformat3.stripped.ipynb"),
    "VS Code, BOM": b"\xef\xbb\xbf" + fixture("vscode.stripped.ipynb"),
    "keep-output": notebook(code("x", tags=["keep-output"])).encode(),
    "keep_output": notebook(code("x", 2, None, tags=["keep_output"])).encode(),
    "markdown": notebook(
        {"cell_type": "markdown", "metadata": {}, "source": "# 題名"}
    ).encode(),
}


@pytest.mark.parametrize("content", CLEAN.values(), ids=CLEAN)
def test_clean_notebooks_are_left_alone(make_files, capsys, content):
    repo = make_files({"nb.ipynb": content})
    before = stat(repo / "nb.ipynb")
    assert main(["nb.ipynb"]) == 0
    assert capsys.readouterr().out == ""
    assert stat(repo / "nb.ipynb") == before
    assert (repo / "nb.ipynb").read_bytes() == content


@pytest.mark.parametrize(
    ("prefix", "suffix"), [(b"", b""), (b"\xef\xbb\xbf", b"\n"), (b"\n", b"\n\n")]
)
def test_bom_and_surrounding_whitespace_are_kept(make_files, capsys, prefix, suffix):
    body = fixture("jupyter.ipynb").rstrip(b"\n")
    repo = make_files({"nb.ipynb": prefix + body + suffix})
    assert main(["nb.ipynb"]) == 1
    expected = prefix + fixture("jupyter.stripped.ipynb").rstrip(b"\n") + suffix
    assert (repo / "nb.ipynb").read_bytes() == expected


def test_permissions_are_kept(make_files, capsys):
    repo = make_files({"nb.ipynb": notebook(code("x"))})
    os.chmod(repo / "nb.ipynb", 0o640)
    assert main(["nb.ipynb"]) == 1
    assert (repo / "nb.ipynb").stat().st_mode & 0o777 == 0o640


LFS = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 1234\n"
CONFLICT = (
    '{\n "cells": [],\n<<<<<<< HEAD\n "metadata": {"a": 1},\n=======\n'
    ' "metadata": {"a": 2},\n>>>>>>> theirs\n "nbformat": 4\n}\n'
)
BAD = [
    ("", "nb.ipynb: MLH006 not a readable notebook: the file is empty"),
    (
        '{"cells": [',
        "nb.ipynb: MLH006 not a readable notebook: invalid JSON at line 1 column 12:"
        " Expecting value",
    ),
    (
        CONFLICT,
        "nb.ipynb: MLH006 not a readable notebook: merge-conflict marker at line 3;"
        " resolve the conflict first",
    ),
    (
        LFS,
        "nb.ipynb: MLH006 not a readable notebook: a Git LFS pointer, not the"
        " notebook; run: git lfs pull",
    ),
    (
        "[1, 2]\n",
        "nb.ipynb: MLH006 not a readable notebook: the top level is a JSON list, not"
        " an object",
    ),
    (
        '{"nbformat": 5, "cells": []}',
        "nb.ipynb: MLH006 not a readable notebook: unsupported nbformat 5 (3 and 4 are"
        " read)",
    ),
    (
        b'{"nbformat": 4, "cells": [{"source": "\xff"}]}',
        "nb.ipynb:1:1: MLH001 not valid UTF-8 (byte 0xff at offset 38); re-save the"
        " file as UTF-8",
    ),
    (
        b"PK\x03\x04\x00\x00",
        "nb.ipynb: MLH002 binary file (contains NUL bytes); skipped",
    ),
]


@pytest.mark.parametrize(("content", "line"), BAD, ids=range(len(BAD)))
def test_bad_notebooks_are_reported_and_never_rewritten(
    make_files, capsys, content, line
):
    repo = make_files({"nb.ipynb": content, "ok.ipynb": notebook(code("x"))})
    raw = (repo / "nb.ipynb").read_bytes()
    assert main(["nb.ipynb", "ok.ipynb"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == line
    assert out[1].startswith("ok.ipynb:cell_1: MLH111 ")
    assert (repo / "nb.ipynb").read_bytes() == raw


def test_cell_sources_and_ids_are_never_touched(make_files, capsys):
    cells = [code("x = 1  # 日本語\n"), code("", outputs=0, count=2)]
    repo = make_files({"nb.ipynb": notebook(*cells)})
    main(["nb.ipynb"])
    after = json.loads((repo / "nb.ipynb").read_text(encoding="utf-8"))
    assert [(c["id"], c["source"]) for c in after["cells"]] == [
        (c["id"], c["source"]) for c in cells
    ]


NOQA = [
    # (cells, expected MLH codes by cell left in the file afterwards)
    ([code("raise SystemExit  # noqa: MLH111\n"), code("y")], {1: 1, 2: 0}),
    ([code("print(1)\n# noqa: MLH1"), code("y")], {1: 1, 2: 0}),
    ([code("x", tags=["mlhooks-noqa"], ExecuteTime={}), code("y")], {1: 1, 2: 0}),
    ([code("# mlhooks: noqa"), code("y")], {1: 1, 2: 1}),
    ([code("y"), code("# mlhooks: noqa: MLH111\nz")], {1: 1, 2: 1}),
    ([code("x  # noqa: MLH112"), code("y")], {1: 0, 2: 0}),
]


@pytest.mark.parametrize(("cells", "kept"), NOQA)
def test_noqa_keeps_what_it_silences(make_files, capsys, cells, kept):
    repo = make_files({"nb.ipynb": notebook(*cells)})
    main(["nb.ipynb"])
    out = capsys.readouterr().out
    after = json.loads((repo / "nb.ipynb").read_text(encoding="utf-8"))
    assert {n: len(c["outputs"]) for n, c in enumerate(after["cells"], 1)} == kept
    assert [f"cell_{n}:" in out for n in kept] == [not k for k in kept.values()]


def test_file_level_noqa_for_metadata_keeps_it(make_files, capsys):
    cells = [code("# mlhooks: noqa: MLH114", ExecuteTime={"start_time": "t"})]
    repo = make_files({"nb.ipynb": notebook(*cells, widgets={"state": {}})})
    assert main(["nb.ipynb"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        outputs("nb.ipynb:cell_1", "1 output (stream stdout)")
    ]
    after = json.loads((repo / "nb.ipynb").read_text(encoding="utf-8"))
    assert after["metadata"] == {"widgets": {"state": {}}}
    assert after["cells"][0]["metadata"] == {"ExecuteTime": {"start_time": "t"}}


@pytest.mark.parametrize(
    ("args", "code_left"),
    [
        (["--ignore", "MLH114"], "MLH114"),
        (["--select", "MLH114"], "MLH111"),
    ],
)
def test_select_and_ignore_decide_what_is_stripped(make_files, capsys, args, code_left):
    repo = make_files({"nb.ipynb": notebook(code("x", ExecuteTime={"a": 1}))})
    assert main(["nb.ipynb", *args]) == 1
    assert code_left not in capsys.readouterr().out
    cell = json.loads((repo / "nb.ipynb").read_text(encoding="utf-8"))["cells"][0]
    assert (bool(cell["outputs"]), "ExecuteTime" in cell["metadata"]) == (
        code_left == "MLH111",
        code_left == "MLH114",
    )


def test_per_file_ignores_keep_outputs(make_files, capsys):
    config = '[tool.mlhooks]\nper-file-ignores = { "reports/*.ipynb" = ["MLH111"] }\n'
    nb = notebook(code("x"))
    repo = make_files({"pyproject.toml": config, "reports/r.ipynb": nb, "a.ipynb": nb})
    assert main(["reports/r.ipynb", "a.ipynb"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        outputs("a.ipynb:cell_1", "1 output (stream stdout)")
    ]
    assert (repo / "reports/r.ipynb").read_text(encoding="utf-8") == nb


CONFIG = "[tool.mlhooks.strip-notebook-outputs]\n"
OPTIONS = [
    (
        'keep-output-tags = ["show", "図"]',
        [code("a", tags=["図"]), code("b", tags=["keep-output"])],
        [
            outputs(
                "nb.ipynb:cell_2",
                "1 output (stream stdout)",
                ", or tag the cell" " show to keep them",
            )
        ],
    ),
    (
        "keep-output-tags = []",
        [code("a", tags=["keep-output"])],
        [outputs("nb.ipynb:cell_1", "1 output (stream stdout)", "")],
    ),
    (
        'keep-metadata = ["ExecuteTime", "tags"]',
        [code("a", outputs=0, count=None, ExecuteTime={}, execution={})],
        [volatile("nb.ipynb:cell_1", "execution")],
    ),
    (
        'strip-metadata = ["cell.metadata.heading_collapsed", "cell.metadata.a.b"]',
        [code("a", 0, None, heading_collapsed=True, a={"b": 1, "c": 2})],
        [volatile("nb.ipynb:cell_1", "heading_collapsed, a.b")],
    ),
    (
        "strip-collapsed = true",
        [
            code(
                "a",
                0,
                None,
                collapsed=True,
                scrolled=False,
                jupyter={"outputs_hidden": 1},
            )
        ],
        [volatile("nb.ipynb:cell_1", "collapsed, scrolled, jupyter.outputs_hidden")],
    ),
    (
        "strip-collapsed = false",
        [code("a", 0, None, collapsed=True, scrolled=False)],
        [],
    ),
]


@pytest.mark.parametrize(("option", "cells", "lines"), OPTIONS)
def test_options(make_files, capsys, option, cells, lines):
    make_files({"pyproject.toml": f"{CONFIG}{option}\n", "nb.ipynb": notebook(*cells)})
    assert main(["nb.ipynb"]) == int(bool(lines))
    assert capsys.readouterr().out.splitlines() == lines


def test_strip_metadata_at_notebook_level(make_files, capsys):
    meta = {"celltoolbar": "Slideshow", "kernelspec": {"name": "python3"}}
    repo = make_files({"nb.ipynb": notebook(code("a", 0, None), **meta)})
    assert main(["nb.ipynb", "--strip-metadata", "metadata.celltoolbar"]) == 1
    assert capsys.readouterr().out.splitlines() == [volatile("nb.ipynb", "celltoolbar")]
    after = json.loads((repo / "nb.ipynb").read_text(encoding="utf-8"))
    assert after["metadata"] == {"kernelspec": {"name": "python3"}}


def test_max_size_reports_what_stripping_cannot_shrink(make_files, capsys):
    picture = {"image/png": "iVBORw0KGgo" * 400}
    cells = [
        {
            "attachments": {"a.png": picture},
            "cell_type": "markdown",
            "id": "m",
            "metadata": {},
            "source": "![a](attachment:a.png)",
        },
        code("plot()"),
    ]
    repo = make_files({"nb.ipynb": notebook(*cells)})
    assert main(["nb.ipynb", "--max-size", "4"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "nb.ipynb: MLH113 notebook is 5 KiB even stripped, over the max-size of 4 KiB"
        " (largest: cell 1, 5 KiB): embedded images and attachments stay in git"
        " history forever; save them as image files and link them",
        outputs("nb.ipynb:cell_2", "1 output (stream stdout)"),
    ]
    assert "attachments" in (repo / "nb.ipynb").read_text(encoding="utf-8")
    assert main(["nb.ipynb", "--max-size", "4"]) == 1  # not fixable: reported again
    assert main(["nb.ipynb", "--max-size", "5"]) == 0


@pytest.mark.parametrize(
    "option",
    [
        'strip-metadata = ["celltoolbar"]',
        'strip-metadata = ["metadata.kernelspec"]',
    ],
)
def test_bad_options_exit_2(make_files, capsys, option):
    make_files({"pyproject.toml": f"{CONFIG}{option}\n", "nb.ipynb": notebook()})
    assert main(["nb.ipynb"]) == 2
    entry = option.split('"')[1]
    assert capsys.readouterr().err == (
        f"strip-notebook-outputs: error: strip-metadata: {entry!r} must be a path like"
        " metadata.<key> or cell.metadata.<key>, and not in keep-metadata\n"
    )


def test_only_notebooks_are_read(make_files, capsys):
    make_files({"a.py": "print(1)\n", "nb.ipynb.txt": "{"})
    assert main(["a.py", "nb.ipynb.txt", "missing.ipynb"]) == 0


def test_mlhooks_check_reports_without_rewriting_unless_fix(make_files, capsys):
    repo = make_files({"nb.ipynb": fixture("jupyter.ipynb")})
    hooks = ["check", "--hooks", "strip-notebook-outputs"]
    assert mlhooks_main(hooks) == 1
    assert (repo / "nb.ipynb").read_bytes() == fixture("jupyter.ipynb")
    assert " [fixed]" not in capsys.readouterr().out
    assert mlhooks_main([*hooks, "--fix"]) == 1
    assert (repo / "nb.ipynb").read_bytes() == fixture("jupyter.stripped.ipynb")


def test_the_twin_hooks_share_codes_and_options():
    assert strip_notebook_outputs.CODES == check_notebook_outputs.CODES
    assert strip_notebook_outputs.HOOK.options == check_notebook_outputs.HOOK.options


# Messages in Japanese: --lang ja, lang = "ja" in [tool.mlhooks], or the locale.

LEAK_JA = (
    "ノートブックの出力は個人情報や API キーが漏れるよくある経路で、git の履歴も"
    "肥大化させます。strip-notebook-outputs を実行するか、出力を残すならセルにタグ"
    " keep-output を付けてください"
)
VOLATILE_JA = (
    "実行や表示の状態 (と strip-metadata に指定したキー) は差分を乱し、ユーザーの"
    "データを含むこともあります。strip-notebook-outputs を実行するか、残すなら"
    " keep-metadata に加えてください"
)
PICTURE = {
    "attachments": {"a.png": {"image/png": "iVBORw0KGgo" * 400}},
    "cell_type": "markdown",
    "id": "m",
    "metadata": {},
    "source": "![a](attachment:a.png)",
}
JAPANESE = [
    (
        [code("print(x)")],
        [],
        [
            "nb.ipynb:cell_1: MLH111 セルに出力が 1 件あります (stream stdout):"
            f" {LEAK_JA} [fixed]"
        ],
    ),
    (
        [code("print(x)", outputs=3)],
        [],
        [
            "nb.ipynb:cell_1: MLH111 セルに出力が 3 件あります (stream stdout x3):"
            f" {LEAK_JA} [fixed]"
        ],
    ),
    (
        [code("x = 1", outputs=0, count=4)],
        [],
        [
            "nb.ipynb:cell_1: MLH112 セルに出力はないのに実行カウント 4 が残っています:"
            " 実行カウントは実行のたびに変わり、差分を乱します。strip-notebook-outputs"
            " を実行してください [fixed]"
        ],
    ),
    (
        [code("x", 0, None, ExecuteTime={}, execution={})],
        [],
        [
            "nb.ipynb:cell_1: MLH114 セルのメタデータに execution, ExecuteTime"
            f" があります: {VOLATILE_JA} [fixed]"
        ],
    ),
    (
        [code("print(x)")],
        ["--keep-output-tags", ""],
        [
            "nb.ipynb:cell_1: MLH111 セルに出力が 1 件あります (stream stdout):"
            " ノートブックの出力は個人情報や API キーが漏れるよくある経路で、git の"
            "履歴も肥大化させます。strip-notebook-outputs を実行してください [fixed]"
        ],
    ),
    (
        [PICTURE, code("plot()", outputs=0, count=None)],
        ["--max-size", "4"],
        [
            "nb.ipynb: MLH113 ノートブックは出力を除いても 5 KiB あり、max-size の 4"
            " KiB を超えています (最大はセル 1 の 5 KiB): 埋め込んだ画像や添付ファイルは"
            " git の履歴にずっと残ります。画像ファイルとして保存し、リンクしてください"
        ],
    ),
]


@pytest.mark.parametrize(("cells", "args", "lines"), JAPANESE)
def test_messages_in_japanese(make_files, capsys, cells, args, lines):
    make_files({"nb.ipynb": notebook(*cells)})
    assert main(["nb.ipynb", *args, "--lang", "ja"]) == 1
    assert capsys.readouterr().out.splitlines() == lines


def test_notebook_metadata_in_japanese(make_files, capsys):
    make_files({"nb.ipynb": notebook(code("a", 0, None), widgets={}, signature="x")})
    assert main(["nb.ipynb", "--lang", "ja"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "nb.ipynb: MLH114 ノートブックのメタデータに widgets, signature があります:"
        f" {VOLATILE_JA} [fixed]"
    ]


def test_lang_in_pyproject_gives_japanese(make_files, capsys):
    cells, _, lines = JAPANESE[0]
    config = '[tool.mlhooks]\nlang = "ja"\n'
    make_files({"pyproject.toml": config, "nb.ipynb": notebook(*cells)})
    assert main(["nb.ipynb"]) == 1
    assert capsys.readouterr().out.splitlines() == lines


def test_a_japanese_locale_gives_japanese(make_files, capsys, monkeypatch):
    cells, _, lines = JAPANESE[2]
    make_files({"nb.ipynb": notebook(*cells)})
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["nb.ipynb"]) == 1
    assert capsys.readouterr().out.splitlines() == lines
