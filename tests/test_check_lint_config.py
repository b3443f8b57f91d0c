from __future__ import annotations

import pytest

from mlhooks.check_lint_config import main

PRE_COMMIT = """\
repos:
  - repo: https://github.com/psf/black-pre-commit-mirror
    rev: 24.1.0
    hooks:
      - id: black
  - repo: https://github.com/pycqa/isort
    rev: 5.13.2
    hooks:
      - id: isort
  - repo: https://github.com/pycqa/flake8
    rev: 7.0.0
    hooks:
      - id: flake8
"""
PYPROJECT = '[tool.black]\nline-length = 88\n\n[tool.isort]\nprofile = "black"\n'
FLAKE8 = "[flake8]\nmax-line-length = 88\nextend-ignore = E203,E701\n"
AGREEING = {
    "pyproject.toml": PYPROJECT,
    "setup.cfg": FLAKE8,
    ".pre-commit-config.yaml": PRE_COMMIT,
}
WHY_ISORT = (
    "isort then wraps imports its own way and black rewrites them, so the two"
    " rewrite each other's import blocks"
)
WHY_WIDTH = (
    "isort re-wraps imports that black leaves on one line, so `isort --check` fails"
    " on black's output"
)
WHY_BLACK = (
    "which black's own output triggers (E203 whitespace before ':' in slices; E701"
    " 'class A: ...' on one line), so flake8 rejects freshly formatted code"
)


def hooks(*entries: str) -> str:
    """A .pre-commit-config.yaml running the given hooks (``id`` or YAML mapping)."""
    lines = ["repos:", "  - repo: local", "    hooks:"]
    for entry in entries:
        body = entry if entry.startswith("{") else f"{{id: {entry}}}"
        lines.append(f"      - {body}")
    return "\n".join(lines) + "\n"


def setup(make_files, changes: dict[str, str | bytes | None] | None = None) -> None:
    """Write AGREEING with ``changes`` (``None`` leaves a file out)."""
    files = {**AGREEING, **(changes or {})}
    make_files({k: v for k, v in files.items() if v is not None}, track=False)


PASSING = {
    "agreeing setup.cfg": {},
    "flake8 in tox.ini": {"setup.cfg": None, "tox.ini": FLAKE8},
    "flake8 in .flake8": {"setup.cfg": None, ".flake8": FLAKE8},
    "setup.cfg without [flake8] falls through to .flake8": {
        "setup.cfg": "[metadata]\nname = churn\n",
        ".flake8": FLAKE8,
    },
    "black's bugbear setup": {
        "setup.cfg": "[flake8]\nmax-line-length = 80\nextend-select = B950\n"
        "extend-ignore = E203,E501,E701\n"
    },
    "E501 ignored: flake8 does not judge length": {
        "setup.cfg": "[flake8]\nextend-ignore = E203,E501,E701\n"
    },
    "prefixes cover codes": {
        "setup.cfg": "[flake8]\nmax_line_length = 88\nextend-ignore = E2, E70\n"
    },
    "explicit select with black's codes ignored": {
        "setup.cfg": "[flake8]\nmax-line-length = 88\nselect = E,F,W,C90\n"
        "extend-ignore = E203,E701,E704,W503\n"
    },
    "ignore listing every default and black's codes": {
        "setup.cfg": "[flake8]\nmax-line-length = 88\nignore =\n"
        "    E121,E123,E126,E226,E24,E704,W503,W504\n    E203,E701\n"
    },
    "isort settings equivalent to the black profile": {
        "pyproject.toml": "[tool.black]\n[tool.isort]\nmulti_line_output = 3\n"
        "include_trailing_comma = true\nforce_grid_wrap = 0\nuse_parentheses = true\n"
        "ensure_newline_before_comments = true\nline_length = 88\n"
    },
    "isort equivalent settings in .isort.cfg": {
        "pyproject.toml": "[tool.black]\n",
        ".isort.cfg": "[settings]\nmulti_line_output = VERTICAL_HANGING_INDENT\n"
        "include_trailing_comma = yes\nuse_parentheses = True\n"
        "ensure_newline_before_comments = 1\nline_length = 88\n",
    },
    "isort in setup.cfg [tool:isort]": {
        "pyproject.toml": "[tool.black]\n",
        "setup.cfg": FLAKE8 + "\n[tool:isort]\nprofile = black\n",
    },
    "all at 100": {
        "pyproject.toml": "[tool.black]\nline_length = 100\n[tool.isort]\n"
        "profile = 'black'\nline_length = 100\n",
        "setup.cfg": FLAKE8.replace("88", "100"),
    },
    "pre-commit args carry the settings": {
        "pyproject.toml": None,
        "setup.cfg": None,
        ".pre-commit-config.yaml": hooks(
            "black",
            "{id: isort, args: [--profile, black]}",
            "{id: flake8, args: ['--max-line-length=88', '--extend-ignore=E203,E701']}",
        ),
    },
    "Flake8-pyproject reads [tool.flake8]": {
        "pyproject.toml": PYPROJECT + "[tool.flake8]\nmax-line-length = 88\n"
        "extend-ignore = ['E203', 'E701']\n",
        "setup.cfg": "[flake8]\nmax-line-length = 79\n",
        ".pre-commit-config.yaml": hooks(
            "black",
            "isort",
            "{id: flake8, additional_dependencies: ['Flake8-pyproject==1.2.3']}",
        ),
    },
    "ruff hooks stand in for black, isort and flake8": {
        "pyproject.toml": "[tool.ruff]\nline-length = 88\n",
        "setup.cfg": None,
        ".pre-commit-config.yaml": hooks("ruff-check", "ruff-format"),
    },
    "black-jupyter counts as black": {
        ".pre-commit-config.yaml": hooks("black-jupyter", "isort", "flake8"),
    },
    "no configuration and no pre-commit": {
        "pyproject.toml": None,
        "setup.cfg": None,
        ".pre-commit-config.yaml": None,
    },
    "CRLF and Japanese comments": {
        "pyproject.toml": PYPROJECT.replace("\n", "\r\n"),
        "setup.cfg": "# flake8 の設定（black と揃える）\r\n"
        + FLAKE8.replace("\n", "\r\n"),
        ".pre-commit-config.yaml": "# 整形と検査\r\n"
        + PRE_COMMIT.replace("\n", "\r\n"),
    },
    "UTF-8 BOM": {"setup.cfg": b"\xef\xbb\xbf" + FLAKE8.encode()},
    "flake8 longer than black: nothing fails, nothing churns": {
        "setup.cfg": None,
        "tox.ini": "[flake8]\nextend-ignore = E203,E701\nmax-line-length=120\n",
    },
    "isort longer than black with the profile: the two converge": {
        "pyproject.toml": PYPROJECT + "line_length = 100\n",
    },
    "black before 24 writes no one-liners: E203 is enough": {
        "setup.cfg": "[flake8]\nmax-line-length = 88\nextend-ignore = E203\n",
        ".pre-commit-config.yaml": PRE_COMMIT.replace("24.1.0", "23.12.1"),
    },
    "comments on their own lines inside extend-ignore": {
        "setup.cfg": "[flake8]\nmax-line-length = 88\nextend-ignore =\n"
        "    # black の出力\n    E203,\n    ; one-liners\n    E701\n",
    },
    "extend_ignore, which flake8 does not check for codes": {
        "setup.cfg": "[flake8]\nmax-line-length = 88\n"
        "extend_ignore = E203 E701  # black\n",
    },
    "flake8 before 6 accepts comments in extend-ignore": {
        "setup.cfg": FLAKE8.rstrip("\n") + "  # black\n",
        ".pre-commit-config.yaml": PRE_COMMIT.replace("7.0.0", "5.0.4"),
    },
}


@pytest.mark.parametrize("changes", PASSING.values(), ids=list(PASSING))
def test_agreeing_setups_pass(make_files, capsys, changes):
    setup(make_files, changes)
    assert main([]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out == ""


FAILING = {
    "flake8 shorter than black": (
        {"setup.cfg": "[flake8]\nmax-line-length = 79\nextend-ignore = E203,E701\n"},
        "setup.cfg:2:1: MLH601 flake8 max-line-length = 79 (setup.cfg [flake8]) is"
        " shorter than black line-length = 88 (pyproject.toml [tool.black]): black"
        " writes lines flake8 then rejects as E501; set max-line-length = 88",
    ),
    "flake8 default against black default": (
        {
            "pyproject.toml": "[tool.black]\ntarget-version = ['py311']\n"
            "[tool.isort]\nprofile = 'black'\n",
            "setup.cfg": "[flake8]\nextend-ignore = E203,E701\n",
        },
        "setup.cfg: MLH601 flake8 max-line-length = 79 (setup.cfg [flake8], default)"
        " is shorter than black line-length = 88 (pyproject.toml [tool.black],"
        " default): black writes lines flake8 then rejects as E501; set"
        " max-line-length = 88",
    ),
    "bugbear B950 below black's length": (
        {
            "setup.cfg": "[flake8]\nextend-select = B9\n"
            "extend-ignore = E203,E701,E501\n",
        },
        "setup.cfg: MLH601 flake8 max-line-length = 79 (setup.cfg [flake8], default)"
        " is shorter than black line-length = 88 (pyproject.toml [tool.black]): B950"
        " allows 86 characters, so black writes lines flake8-bugbear then rejects;"
        " set max-line-length = 80",
    ),
    "isort line_length overrides the profile": (
        {"pyproject.toml": PYPROJECT + "line_length = 79\n"},
        "pyproject.toml:6:1: MLH601 isort line_length = 79 (pyproject.toml"
        " [tool.isort]) is shorter than black line-length = 88 (pyproject.toml"
        f" [tool.black]): {WHY_WIDTH}; set line_length = 88",
    ),
    "isort profile without black's width": (
        {
            "pyproject.toml": PYPROJECT.replace("88", "100"),
            "setup.cfg": FLAKE8.replace("88", "100"),
        },
        "pyproject.toml:5:1: MLH601 isort line_length = 88 (pyproject.toml"
        " [tool.isort], profile black) is shorter than black line-length = 100"
        f" (pyproject.toml [tool.black]): {WHY_WIDTH}; set line_length = 100",
    ),
    "isort without a profile": (
        {"pyproject.toml": "[tool.black]\n\n[tool.isort]\nknown_first_party = ['x']\n"},
        "pyproject.toml: MLH602 isort does not use the black profile (pyproject.toml"
        f' [tool.isort]: no profile): {WHY_ISORT}; set profile = "black"',
    ),
    "isort with another profile": (
        {
            "pyproject.toml": "[tool.black]\nline-length = 100\n",
            "setup.cfg": FLAKE8.replace("88", "100") + "[isort]\nprofile = google\n",
        },
        "setup.cfg:5:1: MLH602 isort does not use the black profile (setup.cfg"
        f" [isort]: profile = google): {WHY_ISORT}; set profile = black and"
        " line_length = 100",
    ),
    "isort settings override the black profile": (
        {"pyproject.toml": PYPROJECT + "force_grid_wrap = 2\nmulti_line_output = 7\n"},
        "pyproject.toml:7:1: MLH602 isort multi_line_output = 7, force_grid_wrap = 2"
        " (pyproject.toml [tool.isort]) overrides the black profile's"
        f" multi_line_output = 3, force_grid_wrap = 0: {WHY_ISORT}; remove them",
    ),
    "isort equivalent settings but one": (
        {
            "pyproject.toml": "[tool.black]\n",
            ".isort.cfg": "[isort]\nmulti_line_output = 3\ninclude_trailing_comma = 1\n"
            "force_grid_wrap = 0\nuse_parentheses = true\nline_length = 88\n",
        },
        ".isort.cfg: MLH602 isort does not use the black profile (.isort.cfg [isort]:"
        f" no profile): {WHY_ISORT}; set profile = black",
    ),
    "isort profile from pre-commit args": (
        {
            ".pre-commit-config.yaml": hooks(
                "black", "{id: isort, args: [--profile=google]}", "flake8"
            )
        },
        ".pre-commit-config.yaml: MLH602 isort does not use the black profile"
        " (.pre-commit-config.yaml isort args: profile = google):"
        f" {WHY_ISORT}; pass --profile=black in the isort hook's args",
    ),
    "isort equivalent settings at isort's default width": (
        {
            "pyproject.toml": "[tool.black]\n[tool.isort]\nmulti_line_output = 3\n"
            "include_trailing_comma = true\nuse_parentheses = true\n"
            "ensure_newline_before_comments = true\n"
        },
        "pyproject.toml: MLH601 isort line_length = 79 (pyproject.toml [tool.isort],"
        " default) is shorter than black line-length = 88 (pyproject.toml"
        f" [tool.black], default): {WHY_WIDTH}; set line_length = 88",
    ),
    "flake8 without extend-ignore": (
        {"setup.cfg": "[flake8]\nmax-line-length = 88\n"},
        f"setup.cfg: MLH604 flake8 reports E203,E701 (setup.cfg [flake8]), {WHY_BLACK};"
        " set extend-ignore = E203,E701",
    ),
    "flake8 ignoring only E203": (
        {"setup.cfg": "[flake8]\nmax-line-length = 88\nextend-ignore = E203, F401\n"},
        "setup.cfg:3:1: MLH604 flake8 reports E701 (setup.cfg [flake8]), which black's"
        " own output triggers (E701 'class A: ...' on one line), so flake8 rejects"
        " freshly formatted code; set extend-ignore = E203,F401,E701",
    ),
    "explicit select re-enables the defaults": (
        {"setup.cfg": FLAKE8 + "select = E,F,W\n"},
        "setup.cfg:3:1: MLH604 flake8 reports E704,W503 (setup.cfg [flake8]), which"
        " black's own output triggers (E704 'def f(): ...' on one line; W503 line"
        " breaks before binary operators), so flake8 rejects freshly formatted code;"
        " set extend-ignore = E203,E701,E704,W503",
    ),
    "flake8 settings in pyproject.toml": (
        {
            "pyproject.toml": PYPROJECT + "\n[tool.flake8]\nmax-line-length = 88\n",
        },
        "pyproject.toml:7:1: MLH605 flake8 settings in pyproject.toml [tool.flake8]"
        " are never read: flake8 reads only setup.cfg, tox.ini and .flake8, so it"
        " checks with other settings than these; move them to a [flake8] section of"
        " .flake8, or add Flake8-pyproject to the flake8 hook's"
        " additional_dependencies",
    ),
    "flake8 length from pre-commit args": (
        {
            ".pre-commit-config.yaml": hooks(
                "black", "isort", "{id: flake8, args: [--max-line-length, '79']}"
            )
        },
        ".pre-commit-config.yaml: MLH601 flake8 max-line-length = 79"
        " (.pre-commit-config.yaml flake8 args) is shorter than black line-length = 88"
        " (pyproject.toml [tool.black]): black writes lines flake8 then rejects as"
        " E501; pass --max-line-length=88 in the flake8 hook's args",
    ),
    "pyproject-flake8 reads pyproject.toml after setup.cfg": (
        {
            "pyproject.toml": PYPROJECT + "[tool.flake8]\nmax-line-length = 88\n",
            "setup.cfg": "[flake8]\nmax-line-length = 79\nextend-ignore = E203,E701\n",
            ".pre-commit-config.yaml": hooks("black", "isort", "pflake8"),
        },
        "setup.cfg:2:1: MLH601 flake8 max-line-length = 79 (setup.cfg [flake8]) is"
        " shorter than black line-length = 88 (pyproject.toml [tool.black]): black"
        " writes lines flake8 then rejects as E501; set max-line-length = 88",
    ),
}


@pytest.mark.parametrize(("changes", "expected"), FAILING.values(), ids=list(FAILING))
def test_each_disagreement_is_reported(make_files, capsys, changes, expected):
    setup(make_files, changes)
    assert main([]) == 1
    assert capsys.readouterr().out == expected + "\n"


def test_ignore_replacing_the_defaults(make_files, capsys):
    setup(
        make_files,
        {"setup.cfg": "[flake8]\nmax-line-length = 88\nignore = E203,E501\n"},
    )
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "setup.cfg:3:1: MLH603 flake8 ignore = E203,E501 (setup.cfg [flake8]) replaces"
        " flake8's default ignore list, re-enabling E121, E123, E126, E226, E24,"
        " E704, W503, W504, which PEP 8 leaves optional and black's style partly"
        " contradicts; rename ignore to extend-ignore so the defaults stay",
        "setup.cfg:3:1: MLH604 flake8 reports E701,E704,W503 (setup.cfg [flake8]),"
        " which black's own output triggers (E701 'class A: ...' on one line; E704"
        " 'def f(): ...' on one line; W503 line breaks before binary operators), so"
        " flake8 rejects freshly formatted code; replace ignore = E203,E501 with"
        " extend-ignore = E203,E501,E701",
    ]


def test_defaults_everywhere_with_only_a_pre_commit_config(make_files, capsys):
    setup(make_files, {"pyproject.toml": None, "setup.cfg": None})
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == [
        ".: MLH601 flake8 max-line-length = 79 (default) is shorter than black"
        " line-length = 88 (default): black writes lines flake8 then rejects as E501;"
        " set max-line-length = 88 in a [flake8] section of .flake8",
        ".: MLH602 isort does not use the black profile (no isort configuration):"
        f' {WHY_ISORT}; set profile = "black" in [tool.isort] of pyproject.toml',
        f".: MLH604 flake8 reports E203,E701 (no flake8 configuration), {WHY_BLACK};"
        " set extend-ignore = E203,E701 in a [flake8] section of .flake8",
    ]


def mlh606(tool: str, url: str, rev: str, ruff: str | None) -> str:
    also = f" (ruff's {ruff} hook also counts)" if ruff else ""
    return (
        f".pre-commit-config.yaml: MLH606 {tool} does not run in"
        " .pre-commit-config.yaml: the guideline asks for black, isort and flake8 on"
        " every change, and pre-commit is what runs them; add to repos: - {repo:"
        f" {url}, rev: {rev}, hooks: [{{id: {tool}}}]}}{also}"
    )


BLACK_606 = ("black", "https://github.com/psf/black-pre-commit-mirror", "26.10.1")
ISORT_606 = ("isort", "https://github.com/pycqa/isort", "9.0.2")
FLAKE8_606 = ("flake8", "https://github.com/pycqa/flake8", "7.5.0")


@pytest.mark.parametrize(
    ("present", "missing"),
    [
        (("isort", "flake8"), (BLACK_606, "ruff-format")),
        (("black", "flake8"), (ISORT_606, "ruff")),
        (("black", "isort"), (FLAKE8_606, "ruff")),
    ],
)
def test_each_tool_missing_from_pre_commit(make_files, capsys, present, missing):
    setup(make_files, {".pre-commit-config.yaml": None})
    make_files({".pre-commit-config.yaml": hooks(*present)}, track=False)
    assert main([]) == 1
    assert capsys.readouterr().out == mlh606(*missing[0], missing[1]) + "\n"


def test_empty_pre_commit_config_lists_all_three(make_files, capsys):
    setup(make_files, {".pre-commit-config.yaml": ""})
    assert main(["--no-allow-ruff"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        mlh606(*BLACK_606, None),
        mlh606(*FLAKE8_606, None),
        mlh606(*ISORT_606, None),
    ]


def test_ruff_does_not_count_when_not_allowed(make_files, capsys):
    setup(make_files)
    make_files({".pre-commit-config.yaml": hooks("ruff", "ruff-format")}, track=False)
    assert main(["--no-allow-ruff", "--select", "MLH606"]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_tools_option_limits_what_is_required_and_compared(make_files, capsys):
    pyproject = (
        "[tool.black]\n[tool.isort]\nline_length = 70\n"
        "[tool.mlhooks.check-lint-config]\ntools = ['black', 'flake8']\n"
    )
    setup(make_files, {"pyproject.toml": pyproject})
    make_files({".pre-commit-config.yaml": hooks("black", "flake8")}, track=False)
    assert main([]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "table", "expected"),
    [
        (
            ["--tools", "black,pylint"],
            "",
            "command line: 'tools': unknown value 'pylint' (valid values: black,"
            " flake8, isort)",
        ),
        (
            [],
            "tools = ['black', 'iosrt']\n",
            "pyproject.toml [tool.mlhooks.check-lint-config]: 'tools': unknown value"
            " 'iosrt' (did you mean 'isort'? valid values: black, flake8, isort)",
        ),
    ],
)
def test_unknown_tool_is_a_configuration_error(
    make_files, capsys, argv, table, expected
):
    table = f"[tool.mlhooks.check-lint-config]\n{table}" if table else ""
    setup(make_files, {"pyproject.toml": PYPROJECT + table})
    assert main(argv) == 2
    assert capsys.readouterr().err == f"check-lint-config: error: {expected}\n"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "setup.cfg",
            "[flake8]\nmax-line-length = 88\nE203\n",
            "setup.cfg:3:1: MLH005 does not parse as INI: 'E203' is neither a"
            " [section] header nor a key = value line",
        ),
        (
            "setup.cfg",
            "max-line-length = 88\n[flake8]\n",
            "setup.cfg:1:1: MLH005 does not parse as INI: 'max-line-length = 88' comes"
            " before any [section] header",
        ),
        (
            "tox.ini",
            "[flake8]\nmax-line-length = 88\n\n[flake8]\n",
            "tox.ini:4:1: MLH005 does not parse as INI: section [flake8] appears twice",
        ),
        (
            ".flake8",
            "[flake8]\r\nmax-line-length = 88\r\nMax-Line-Length = 80\r\n",
            ".flake8:3:1: MLH005 does not parse as INI: key 'max-line-length' appears"
            " twice in [flake8]",
        ),
        (
            ".isort.cfg",
            "[settings]\nprofile = black\n[oops\n",
            ".isort.cfg:3:1: MLH005 does not parse as INI: '[oops' is neither a"
            " [section] header nor a key = value line",
        ),
        (
            ".pre-commit-config.yaml",
            "repos:\n  - repo: local\n    hooks:\n  - id: black\n   bad\n",
            ".pre-commit-config.yaml:5:1: MLH005 does not parse as YAML: while parsing"
            " a block collection, expected <block end>, but found '<scalar>'",
        ),
        (
            ".pre-commit-config.yaml",
            "just a string\n",
            ".pre-commit-config.yaml: MLH005 is not a pre-commit configuration: it has"
            " no 'repos' list",
        ),
        (
            "setup.cfg",
            b"[flake8]\nmax-line-length = 88 \x96 black\n",
            "setup.cfg:2:1: MLH001 not valid UTF-8 (byte 0x96 at offset 30); re-save"
            " the file as UTF-8",
        ),
        (
            ".pre-commit-config.yaml",
            b"repos: []\n# \x82\xa0\n",
            ".pre-commit-config.yaml:2:1: MLH001 not valid UTF-8 (byte 0x82 at offset"
            " 12); re-save the file as UTF-8",
        ),
    ],
)
def test_unreadable_configuration_is_named(make_files, capsys, name, content, expected):
    setup(make_files)
    make_files({name: content}, track=False)
    assert main([]) == 1
    assert capsys.readouterr().out == expected + "\n"


def test_broken_pyproject_read_beside_another_config(make_files, capsys):
    setup(make_files, {"pyproject.toml": "[tool.black]\nline-length = = 88\n"})
    make_files({"mlhooks.toml": "[tool.mlhooks]\n"}, track=False)
    assert main(["--config", "mlhooks.toml"]) == 1
    assert capsys.readouterr().out == (
        "pyproject.toml:2:1: MLH005 does not parse as TOML: Invalid value (at line 2,"
        " column 15)\n"
    )


def test_crlf_findings_point_at_the_right_line(make_files, capsys):
    crlf = (
        "# 設定\r\n[metadata]\r\nname = x\r\n\r\n[flake8]\r\nmax-line-length = 79\r\n"
    )
    setup(make_files, {"setup.cfg": crlf + "extend-ignore = E203,E701\r\n"})
    assert main([]) == 1
    assert capsys.readouterr().out.startswith("setup.cfg:6:1: MLH601 ")


@pytest.mark.parametrize(
    ("files", "where"),
    [
        (
            {"setup.cfg": "[flake8]\nmax-line-length = 79\n", ".flake8": FLAKE8},
            "setup.cfg",
        ),
        ({"tox.ini": "[flake8]\nmax-line-length = 79\n", ".flake8": FLAKE8}, "tox.ini"),
        (
            {
                "setup.cfg": "[metadata]\n",
                "tox.ini": "[tox]\n\n[flake8]\nmax-line-length = 79\n",
            },
            "tox.ini",
        ),
    ],
)
def test_flake8_reads_the_first_file_with_a_flake8_section(
    make_files, capsys, files, where
):
    setup(make_files, {"setup.cfg": None})
    make_files(files, track=False)
    assert main(["--select", "MLH601"]) == 1
    assert capsys.readouterr().out.startswith(f"{where}:")


def test_isort_reads_the_first_file_with_settings(make_files, capsys):
    pyproject = "[tool.black]\n[tool.isort]\n"  # empty: isort looks further
    setup(make_files, {"pyproject.toml": pyproject, "setup.cfg": FLAKE8 + "[isort]\n"})
    make_files({"tox.ini": "[isort]\nprofile = black\nline_length = 70\n"}, track=False)
    assert main([]) == 1
    assert capsys.readouterr().out.startswith("tox.ini:3:1: MLH601 isort line_length")


def test_isort_cfg_wins_over_pyproject(make_files, capsys):
    setup(make_files, {"pyproject.toml": PYPROJECT + "line_length = 70\n"})
    make_files({".isort.cfg": "[settings]\nprofile=black\n"}, track=False)
    assert main([]) == 0, capsys.readouterr().out


def test_file_level_noqa_silences_a_code(make_files, capsys):
    setup(
        make_files,
        {"setup.cfg": "# mlhooks: noqa: MLH601\n[flake8]\nextend-ignore = E203,E701\n"},
    )
    assert main([]) == 0, capsys.readouterr().out


def test_empty_setup_cfg_leaves_flake8_at_its_defaults(make_files, capsys):
    setup(make_files, {"setup.cfg": ""})
    assert main(["--select", "MLH601"]) == 1
    assert capsys.readouterr().out.startswith(".: MLH601 flake8 max-line-length = 79")


@pytest.mark.parametrize(("editorconfig", "status"), [(None, 1), ("100", 0)])
def test_editorconfig_width_is_not_second_guessed(
    make_files, capsys, editorconfig, status
):
    pre_commit = hooks("black", "{id: isort, args: [--profile, black]}", "flake8")
    setup(
        make_files,
        {
            "pyproject.toml": "[tool.black]\nline-length = 100\n",
            "setup.cfg": FLAKE8.replace("88", "100"),
            ".pre-commit-config.yaml": pre_commit,
        },
    )
    if editorconfig:
        make_files(
            {".editorconfig": f"[*.py]\nmax_line_length = {editorconfig}\n"},
            track=False,
        )
    assert main([]) == status
    assert capsys.readouterr().out.startswith(
        ".pre-commit-config.yaml: MLH601 isort" if status else ""
    )


def black_at(rev: str, repo: str = "https://github.com/psf/black") -> str:
    """PRE_COMMIT with black from ``repo`` at ``rev`` ('' for a local hook)."""
    if not rev:
        return hooks("black", "isort", "flake8")
    return PRE_COMMIT.replace("24.1.0", rev).replace(
        "https://github.com/psf/black-pre-commit-mirror", repo
    )


@pytest.mark.parametrize(
    ("pre_commit", "codes"),
    [
        (black_at("20.8b1"), "E203"),
        (black_at("v23.1.0", "https://github.com/psf/black-pre-commit-mirror"), "E203"),
        (black_at("24.2.0", "https://github.com/psf/black-pre-commit-mirror"), None),
        (black_at("e0b5ff5e6ab4f7ad25a20b0a6f9d9d8cc2d0c7a9"), None),
        (black_at(""), None),
        (None, None),
    ],
    ids=["20.8b1", "mirror v23.1.0", "mirror 24.2.0", "commit", "local", "no config"],
)
def test_one_liners_count_from_black_24_or_an_unknown_version(
    make_files, capsys, pre_commit, codes
):
    setup(
        make_files,
        {
            "setup.cfg": "[flake8]\nmax-line-length = 88\n",
            ".pre-commit-config.yaml": pre_commit,
        },
    )
    assert main(["--select", "MLH604"]) == 1
    expected = (
        f"setup.cfg: MLH604 flake8 reports E203,E701 (setup.cfg [flake8]), {WHY_BLACK};"
        " set extend-ignore = E203,E701"
    )
    if codes == "E203":
        expected = (
            "setup.cfg: MLH604 flake8 reports E203 (setup.cfg [flake8]), which black's"
            " own output triggers (E203 whitespace before ':' in slices), so flake8"
            " rejects freshly formatted code; set extend-ignore = E203"
        )
    assert capsys.readouterr().out == expected + "\n"


MERGED = {
    "ignore that the defaults complete": (
        "[flake8]\nmax-line-length = 88\nignore = E203,E701\n",
        PRE_COMMIT,
        "setup.cfg:3:1: MLH604 flake8 reports E704,W503 (setup.cfg [flake8]), which"
        " black's own output triggers (E704 'def f(): ...' on one line; W503 line"
        " breaks before binary operators), so flake8 rejects freshly formatted code;"
        " replace ignore = E203,E701 with extend-ignore = E203,E701",
    ),
    "ignore beside extend-ignore": (
        "[flake8]\nmax-line-length = 88\nignore = E203\nextend-ignore = F401\n",
        PRE_COMMIT,
        "setup.cfg:4:1: MLH604 flake8 reports E701,E704,W503 (setup.cfg [flake8]),"
        " which black's own output triggers (E701 'class A: ...' on one line; E704"
        " 'def f(): ...' on one line; W503 line breaks before binary operators), so"
        " flake8 rejects freshly formatted code; replace ignore = E203 and"
        " extend-ignore = F401 with extend-ignore = E203,F401,E701",
    ),
    "black 23: only W503 comes back": (
        "[flake8]\nmax-line-length = 88\nignore = E203\n",
        PRE_COMMIT.replace("24.1.0", "23.12.1"),
        "setup.cfg:3:1: MLH604 flake8 reports W503 (setup.cfg [flake8]), which"
        " black's own output triggers (W503 line breaks before binary operators), so"
        " flake8 rejects freshly formatted code; replace ignore = E203 with"
        " extend-ignore = E203",
    ),
    "--ignore in the hook's args": (
        "[flake8]\nmax-line-length = 88\n",
        hooks("black", "isort", "{id: flake8, args: ['--ignore=E203,E501']}"),
        ".pre-commit-config.yaml: MLH604 flake8 reports E701,E704,W503"
        " (.pre-commit-config.yaml flake8 args), which black's own output triggers"
        " (E701 'class A: ...' on one line; E704 'def f(): ...' on one line; W503"
        " line breaks before binary operators), so flake8 rejects freshly formatted"
        " code; pass --extend-ignore=E203,E501,E701 instead of --ignore=E203,E501",
    ),
}


@pytest.mark.parametrize(
    ("setup_cfg", "pre_commit", "expected"), MERGED.values(), ids=list(MERGED)
)
def test_ignore_gets_one_merged_fix(
    make_files, capsys, setup_cfg, pre_commit, expected
):
    setup(make_files, {"setup.cfg": setup_cfg, ".pre-commit-config.yaml": pre_commit})
    assert main(["--select", "MLH603,MLH604"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and " MLH603 flake8 ignore = " in out[0]
    assert out[1] == expected


REFUSED = {
    "inline comment in a multi-line ignore": (
        "setup.cfg",
        "[flake8]\nmax-line-length = 88\nignore =\n    E203,\n"
        "    F401  # Module imported but unused\n",
        "setup.cfg:3:1: MLH005 flake8 ignore holds '#', which is not an error code:"
        " flake8 6 and later stop on it (ValueError: Error code '#' supplied to"
        " 'ignore' option does not match '^[A-Z]{1,3}[0-9]{0,3}$') and check nothing;"
        " move comments to their own lines",
    ),
    "semicolon comment in extend-ignore, CRLF, Japanese": (
        ".flake8",
        "[flake8]\r\nmax-line-length = 88\r\n"
        "extend-ignore = E203, E701 ; black の出力\r\n",
        ".flake8:3:1: MLH005 flake8 extend-ignore holds ';', which is not an error"
        " code: flake8 6 and later stop on it (ValueError: Error code ';' supplied to"
        " 'extend-ignore' option does not match '^[A-Z]{1,3}[0-9]{0,3}$') and check"
        " nothing; move comments to their own lines",
    ),
    "lower-case code": (
        "tox.ini",
        "[flake8]\nmax-line-length = 88\nExtend-Ignore = e203,E701\n",
        "tox.ini:3:1: MLH005 flake8 extend-ignore holds 'e203', which is not an error"
        " code: flake8 6 and later stop on it (ValueError: Error code 'e203' supplied"
        " to 'extend-ignore' option does not match '^[A-Z]{1,3}[0-9]{0,3}$') and"
        " check nothing; list only error codes there, such as E203",
    ),
}


@pytest.mark.parametrize(
    ("name", "content", "expected"), REFUSED.values(), ids=list(REFUSED)
)
def test_tokens_flake8_refuses_are_mlh005(make_files, capsys, name, content, expected):
    setup(make_files, {"setup.cfg": None, name: content})
    assert main(["--select", "MLH005"]) == 1
    assert capsys.readouterr().out == expected + "\n"


JA_WHY_ISORT = (
    "isort が独自に import を折り返し、それを black が書き直すため、両者が互いの import"
    " ブロックを書き換え合います"
)
JA_FLAKE8_79 = (
    "setup.cfg:2:1: MLH601 flake8 の max-line-length = 79 (setup.cfg [flake8]) が black"
    " の line-length = 88 (pyproject.toml [tool.black]) より短くなっています: black が"
    "書いた行を flake8 が E501 として拒否します。max-line-length = 88 を設定してください"
)
JA_CASES = {
    "flake8 shorter than black": (
        {"setup.cfg": "[flake8]\nmax-line-length = 79\nextend-ignore = E203,E701\n"},
        [JA_FLAKE8_79],
    ),
    "isort width below black's, with the profile": (
        {
            "pyproject.toml": PYPROJECT.replace("88", "100"),
            "setup.cfg": FLAKE8.replace("88", "100"),
        },
        [
            "pyproject.toml:5:1: MLH601 isort の line_length = 88 (pyproject.toml"
            " [tool.isort], black プロファイルの値) が black の line-length = 100"
            " (pyproject.toml [tool.black]) より短くなっています: black が 1 行のままにした"
            " import を isort が折り返すため、black の出力に対して `isort --check` が"
            "失敗します。line_length = 100 を設定してください"
        ],
    ),
    "isort overrides the profile": (
        {"pyproject.toml": PYPROJECT + "force_grid_wrap = 2\n"},
        [
            "pyproject.toml:6:1: MLH602 isort の force_grid_wrap = 2 (pyproject.toml"
            " [tool.isort]) が black プロファイルの force_grid_wrap = 0 を上書きしています:"
            f" {JA_WHY_ISORT}。この設定を削除してください"
        ],
    ),
    "isort profile in pre-commit args": (
        {
            "pyproject.toml": "[tool.black]\nline-length = 100\n",
            "setup.cfg": FLAKE8.replace("88", "100"),
            ".pre-commit-config.yaml": hooks(
                "black", "{id: isort, args: [--profile=google]}", "flake8"
            ),
        },
        [
            ".pre-commit-config.yaml: MLH602 isort が black プロファイルを使っていません"
            " (.pre-commit-config.yaml の isort の args: profile = google):"
            f" {JA_WHY_ISORT}。isort フックの args に --profile=black を渡してください。"
            "line_length = 100 も設定してください"
        ],
    ),
    "ignore replacing the defaults": (
        {"setup.cfg": "[flake8]\nmax-line-length = 88\nignore = E203,E501\n"},
        [
            "setup.cfg:3:1: MLH603 flake8 の ignore = E203,E501 (setup.cfg [flake8]) が"
            " flake8 のデフォルトの ignore リストを置き換えるため、PEP 8 では任意で black"
            " のスタイルと一部矛盾する E121、E123、E126、E226、E24、E704、W503、W504"
            " が再び有効になります。デフォルトのリストが残るよう、ignore を extend-ignore"
            " に改名してください",
            "setup.cfg:3:1: MLH604 flake8 が E701,E704,W503 を報告します (setup.cfg"
            " [flake8]): これらは black 自身の出力で発生する (E701 'class A: ...' の"
            " 1 行記述; E704 'def f(): ...' の 1 行記述; W503 二項演算子の前の改行) ため、"
            "flake8 は整形したばかりのコードを拒否します。ignore = E203,E501 を"
            " extend-ignore = E203,E501,E701 に置き換えてください",
        ],
    ),
    "defaults everywhere": (
        {"pyproject.toml": None, "setup.cfg": None},
        [
            ".: MLH601 flake8 の max-line-length = 79 (デフォルト値) が black の"
            " line-length = 88 (デフォルト値) より短くなっています: black が書いた行を"
            " flake8 が E501 として拒否します。.flake8 の [flake8] セクションに"
            " max-line-length = 88 を設定してください",
            ".: MLH602 isort が black プロファイルを使っていません (isort の設定なし):"
            f' {JA_WHY_ISORT}。pyproject.toml の [tool.isort] に profile = "black" を'
            "設定してください",
            ".: MLH604 flake8 が E203,E701 を報告します (flake8 の設定なし): これらは"
            " black 自身の出力で発生する (E203 スライスの ':' の前の空白; E701"
            " 'class A: ...' の 1 行記述) ため、flake8 は整形したばかりのコードを拒否"
            "します。.flake8 の [flake8] セクションに extend-ignore = E203,E701 を設定"
            "してください",
        ],
    ),
    "flake8 settings in pyproject.toml": (
        {"pyproject.toml": PYPROJECT + "\n[tool.flake8]\nmax-line-length = 88\n"},
        [
            "pyproject.toml:7:1: MLH605 pyproject.toml の [tool.flake8] にある flake8"
            " の設定は読まれません: flake8 が読むのは setup.cfg、tox.ini、.flake8 だけ"
            "なので、これとは別の設定で検査しています。.flake8 の [flake8] セクションに"
            "移すか、flake8 フックの additional_dependencies に Flake8-pyproject を追加"
            "してください"
        ],
    ),
    "flake8 missing from pre-commit": (
        {".pre-commit-config.yaml": hooks("black", "isort")},
        [
            ".pre-commit-config.yaml: MLH606 flake8 が .pre-commit-config.yaml で実行"
            "されていません: ガイドラインは変更のたびに black、isort、flake8 をかける"
            "ことを求めており、それを実行するのが pre-commit です。repos に追加して"
            "ください: - {repo: https://github.com/pycqa/flake8, rev: 7.5.0, hooks:"
            " [{id: flake8}]} (ruff の ruff フックでも可)"
        ],
    ),
    "comment in extend-ignore": (
        {"setup.cfg": FLAKE8.rstrip("\n") + "  # black\n"},
        [
            "setup.cfg:3:1: MLH005 flake8 の extend-ignore にある '#' はエラーコードでは"
            "ありません: flake8 6 以降はここで停止し (ValueError: Error code '#'"
            " supplied to 'extend-ignore' option does not match"
            " '^[A-Z]{1,3}[0-9]{0,3}$')、何も検査しません。コメントは別の行に移して"
            "ください"
        ],
    ),
    "broken INI": (
        {"setup.cfg": "[flake8]\nmax-line-length = 88\nE203\n"},
        [
            "setup.cfg:3:1: MLH005 INI として解析できません: 'E203' は [section] 見出し"
            "でも key = value の行でもありません"
        ],
    ),
    "no repos list": (
        {".pre-commit-config.yaml": "just a string\n"},
        [
            ".pre-commit-config.yaml: MLH005 pre-commit の設定ではありません: 'repos'"
            " のリストがありません"
        ],
    ),
}


@pytest.mark.parametrize(("changes", "expected"), JA_CASES.values(), ids=list(JA_CASES))
def test_japanese_messages(make_files, capsys, changes, expected):
    setup(make_files, changes)
    assert main(["--lang", "ja"]) == 1
    assert capsys.readouterr().out.splitlines() == expected


def test_lang_in_pyproject_gives_japanese(make_files, capsys):
    pyproject = PYPROJECT + '[tool.mlhooks]\nlang = "ja"\n'
    setup(
        make_files,
        {
            "pyproject.toml": pyproject,
            "setup.cfg": "[flake8]\nmax-line-length = 79\nextend-ignore = E203,E701\n",
        },
    )
    assert main([]) == 1
    assert capsys.readouterr().out == JA_FLAKE8_79 + "\n"


def test_japanese_locale_gives_japanese(make_files, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    setup(
        make_files,
        {"setup.cfg": "[flake8]\nmax-line-length = 79\nextend-ignore = E203,E701\n"},
    )
    assert main([]) == 1
    assert capsys.readouterr().out == JA_FLAKE8_79 + "\n"


def test_ignore_beside_extend_ignore_is_merged_into_one_key(make_files, capsys):
    """Renaming ignore to extend-ignore beside an existing extend-ignore would give
    flake8 a duplicate key; the fix names the one merged line instead."""
    make_files(
        {
            "pyproject.toml": "[tool.black]\nline-length = 88\n",
            "setup.cfg": (
                "[flake8]\nmax-line-length = 88\nignore = E731,E501,W503\n"
                "extend-ignore = E203,E701,E704\n"
            ),
        }
    )
    assert main([]) == 1
    out = capsys.readouterr().out
    assert out.startswith("setup.cfg:3:1: MLH603 flake8 ignore = E731,E501,W503 ")
    assert out.splitlines()[0].endswith(
        "; replace ignore = E731,E501,W503 and extend-ignore = E203,E701,E704 with"
        " extend-ignore = E731,E501,W503,E203,E701,E704"
    )


def test_words_of_an_inline_comment_are_not_codes(make_files, capsys):
    make_files(
        {
            "pyproject.toml": "[tool.black]\nline-length = 88\n",
            "setup.cfg": (
                "[flake8]\nmax-line-length = 88\n"
                "ignore = E731,E266  # see TODO E501 and PEP8\n"
            ),
        }
    )
    assert main([]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("setup.cfg:3:1: MLH005 flake8 ignore holds '#', ")
    assert lines[2].endswith(
        "; replace ignore = E731,E266 with extend-ignore = E731,E266,E203,E701"
    )
