from __future__ import annotations

import pytest

from mlhooks._configfiles import ConfigFile, ConfigFiles
from mlhooks._linters import (
    TOOLS,
    Flake8Rules,
    ToolConfig,
    as_int,
    isort_value,
    read_tools,
)
from mlhooks._precommit import PreCommit


def hooks(*entries: str) -> str:
    """A .pre-commit-config.yaml running the given hooks (``id`` or YAML mapping)."""
    lines = ["repos:", "  - repo: local", "    hooks:"]
    for entry in entries:
        body = entry if entry.startswith("{") else f"{{id: {entry}}}"
        lines.append(f"      - {body}")
    return "\n".join(lines) + "\n"


def read(
    tmp_path, files: dict[str, str | bytes], tools=TOOLS
) -> tuple[dict[str, ToolConfig], ConfigFiles]:
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (tmp_path / name).write_bytes(data)
    config_files = ConfigFiles(tmp_path)
    pre = PreCommit.read(config_files)
    return read_tools(config_files, pre, tools), config_files


def where(configs: dict[str, ToolConfig]) -> dict[str, tuple]:
    return {
        tool: (config.path, config.sections, config.values)
        for tool, config in configs.items()
    }


WHERE = {
    "black in [tool.black], keys spelled like_this": (
        {"pyproject.toml": "[tool.black]\nLine-Length = 100\n"},
        {"black": ("pyproject.toml", ("tool.black",), {"line_length": 100})},
    ),
    "nothing configured, nothing run": ({"pyproject.toml": "[tool.ruff]\n"}, {}),
    "run by pre-commit only: no file": (
        {".pre-commit-config.yaml": hooks("black-jupyter", "isort", "pflake8")},
        {"black": ("", (), {}), "isort": ("", (), {}), "flake8": ("", (), {})},
    ),
    "isort: .isort.cfg before pyproject.toml and setup.cfg": (
        {
            ".isort.cfg": "[settings]\nline_length = 70\n",
            "pyproject.toml": "[tool.isort]\nline_length = 80\n",
            "setup.cfg": "[isort]\nline_length = 90\n",
        },
        {"isort": (".isort.cfg", ("settings",), {"line_length": "70"})},
    ),
    "isort: pyproject.toml before setup.cfg": (
        {
            "pyproject.toml": "[tool.isort]\nline_length = 80\n",
            "setup.cfg": "[isort]\nline_length = 90\n",
        },
        {"isort": ("pyproject.toml", ("tool.isort",), {"line_length": 80})},
    ),
    "isort: empty sections are passed over, down to tox.ini": (
        {
            ".isort.cfg": "[settings]\n",
            "pyproject.toml": "[tool.isort]\n",
            "setup.cfg": "[isort]\n",
            "tox.ini": "[tool:isort]\nprofile = black\n",
        },
        {"isort": ("tox.ini", ("tool:isort",), {"profile": "black"})},
    ),
    "isort: [isort] and [tool:isort] of one file, the later winning": (
        {"setup.cfg": "[tool:isort]\nline_length = 70\n[isort]\nline_length = 90\n"},
        {"isort": ("setup.cfg", ("isort", "tool:isort"), {"line_length": "70"})},
    ),
    "isort: only empty sections: in use, no file": (
        {"pyproject.toml": "[tool.isort]\n"},
        {"isort": ("", (), {})},
    ),
    "flake8: setup.cfg before tox.ini and .flake8": (
        {
            "setup.cfg": "[flake8]\nmax-line-length = 70\n",
            "tox.ini": "[flake8]\nmax-line-length = 80\n",
            ".flake8": "[flake8]\nmax-line-length = 90\n",
        },
        {"flake8": ("setup.cfg", ("flake8",), {"max_line_length": "70"})},
    ),
    "flake8: setup.cfg without [flake8] falls through": (
        {
            "setup.cfg": "[metadata]\nname = x\n",
            "tox.ini": "[tox]\n",
            ".flake8": "[flake8]\nextend-ignore = E203\n",
        },
        {"flake8": (".flake8", ("flake8",), {"extend_ignore": "E203"})},
    ),
    "flake8: [flake8:local-plugins] alone stops the search": (
        {
            "setup.cfg": "[flake8:local-plugins]\npaths = ./lint\n",
            ".flake8": "[flake8]\nmax-line-length = 90\n",
        },
        {"flake8": ("setup.cfg", ("flake8",), {})},
    ),
    "flake8: [tool.flake8] unread without a plugin": (
        {"pyproject.toml": "[tool.flake8]\nmax-line-length = 88\n"},
        {},
    ),
    "flake8: Flake8-pyproject reads [tool.flake8] first": (
        {
            "pyproject.toml": "[tool.flake8]\nmax-line-length = 88\n",
            "setup.cfg": "[flake8]\nmax-line-length = 79\n",
            ".pre-commit-config.yaml": hooks(
                "{id: flake8, additional_dependencies: [Flake8-pyproject]}"
            ),
        },
        {"flake8": ("pyproject.toml", ("tool.flake8",), {"max_line_length": 88})},
    ),
    "flake8: pyproject-flake8 reads [tool.flake8] last": (
        {
            "pyproject.toml": "[tool.flake8]\nmax-line-length = 88\n",
            "tox.ini": "[flake8]\nmax-line-length = 79\n",
            ".pre-commit-config.yaml": hooks("pflake8"),
        },
        {"flake8": ("tox.ini", ("flake8",), {"max_line_length": "79"})},
    ),
    "flake8: pyproject-flake8 without another file": (
        {
            "pyproject.toml": "[tool.flake8]\nmax-line-length = 88\n",
            ".pre-commit-config.yaml": hooks("pflake8"),
        },
        {"flake8": ("pyproject.toml", ("tool.flake8",), {"max_line_length": 88})},
    ),
    "CRLF and Japanese comments": (
        {"setup.cfg": "# 設定\r\n[flake8]\r\nmax-line-length = 88 ; 幅\r\n"},
        {"flake8": ("setup.cfg", ("flake8",), {"max_line_length": "88 ; 幅"})},
    ),
}


@pytest.mark.parametrize(("files", "expected"), WHERE.values(), ids=list(WHERE))
def test_each_tool_reads_its_first_file(tmp_path, files, expected):
    configs, config_files = read(tmp_path, files)
    assert where(configs) == expected
    assert config_files.problems == []


def test_args_win_over_files(tmp_path):
    args = {
        "black": "--line-length=100",
        "isort": "-w, '70', --profile, google",
        "flake8": "--max-line-length, '79', '--extend-ignore=E203,E701'",
    }
    configs, _ = read(
        tmp_path,
        {
            "pyproject.toml": "[tool.black]\nline-length = 88\n"
            "[tool.isort]\nprofile = 'black'\nline_length = 88\n",
            "setup.cfg": "[flake8]\nmax-line-length = 88\nselect = E,W\n",
            ".pre-commit-config.yaml": hooks(
                *(f"{{id: {tool}, args: [{args[tool]}]}}" for tool in TOOLS)
            ),
        },
    )
    black, isort, flake8 = (configs[tool] for tool in TOOLS)
    assert black.args == {"line_length": "100"}
    assert black.values == {"line_length": 88}
    assert black.number("line_length", 88) == 100
    assert isort.number("line_length", 79) == 70
    assert isort.get("profile") == "google"
    assert flake8.get("max_line_length") == "79"
    assert flake8.get("extend_ignore") == "E203,E701"
    assert flake8.get("select") == "E,W"
    assert flake8.where("max_line_length") == ".pre-commit-config.yaml flake8 args"
    assert flake8.where("select") == "setup.cfg [flake8]"


@pytest.mark.parametrize(
    ("files", "kept", "problems"),
    [
        (
            {
                "pyproject.toml": "[tool.black]\n[tool.isort]\nprofile = 'black'\n",
                "setup.cfg": "[flake8]\nE203\n",
            },
            ["black"],
            ["setup.cfg"],
        ),
        (
            {
                "pyproject.toml": "[tool.black]\nline-length = = 88\n",
                "setup.cfg": "[flake8]\n[isort]\nprofile = black\n",
            },
            [],
            ["pyproject.toml"],
        ),
        (
            {
                "pyproject.toml": "[tool.black]\n",
                ".isort.cfg": "[settings]\nprofile = black\n",
                ".flake8": b"[flake8]\nmax-line-length = 88 \x96\n",
            },
            ["black", "isort"],
            [".flake8"],
        ),
    ],
    ids=["broken setup.cfg", "broken pyproject.toml", ".flake8 not UTF-8"],
)
def test_a_tool_is_left_out_when_a_file_it_reads_is_broken(
    tmp_path, files, kept, problems
):
    configs, config_files = read(tmp_path, files)
    assert list(configs) == kept
    assert [problem.path for problem in config_files.problems] == problems


def test_only_the_tools_asked_for_are_read(tmp_path):
    files = {"pyproject.toml": "[tool.black]\n", "setup.cfg": "[flake8]\nE203\n"}
    configs, config_files = read(tmp_path, files, ["black"])
    assert list(configs) == ["black"] and config_files.problems == []


@pytest.mark.parametrize(
    ("editorconfig", "unknown"),
    [
        (None, False),
        ("[*]\nindent_style = space\n", False),
        ("[*.py]\nmax_line_length = 100\n", True),
        ("[*.py]\r\n  max_line_length=100\r\n", True),
        (b"# \x82\xa0\n", True),
    ],
    ids=["absent", "no width", "width", "CRLF", "not UTF-8"],
)
def test_isort_width_from_editorconfig_is_unknown(tmp_path, editorconfig, unknown):
    files: dict[str, str | bytes] = {"pyproject.toml": "[tool.isort]\n"}
    if editorconfig is not None:
        files[".editorconfig"] = editorconfig
    configs, _ = read(tmp_path, files)
    assert configs["isort"].length_unknown is unknown


FILE = ConfigFile("setup.cfg", "", {})
FLAKE8 = ToolConfig("flake8", FILE, ("flake8",), {"max_line_length": "88"})


@pytest.mark.parametrize(
    ("config", "key", "note", "expected"),
    [
        (ToolConfig("black"), "line_length", "default", "default"),
        (ToolConfig("black"), "line_length", "", "no black configuration"),
        (FLAKE8, "max_line_length", "default", "setup.cfg [flake8]"),
        (FLAKE8, "select", "default", "setup.cfg [flake8], default"),
        (FLAKE8, "select", "", "setup.cfg [flake8]"),
        (
            ToolConfig("isort", args={"profile": "black"}),
            "profile",
            "",
            ".pre-commit-config.yaml isort args",
        ),
    ],
)
def test_where_a_value_comes_from(config, key, note, expected):
    assert config.where(key, note) == expected


@pytest.mark.parametrize(
    ("values", "args", "expected"),
    [
        ({}, {}, 88),
        ({"line_length": 100}, {}, 100),
        ({"line_length": " 100 "}, {}, 100),
        ({"line_length": 100}, {"line_length": "90"}, 90),
        ({"line_length": "wide"}, {}, None),
        ({"line_length": True}, {}, None),
    ],
)
def test_number(values, args, expected):
    black = ToolConfig("black", values=values, args=args)
    assert black.number("line_length", 88) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(88, 88), ("88", 88), (" 88\n", 88), (True, None), ("8.5", None), ("-1", None)],
)
def test_as_int(value, expected):
    assert as_int(value) == expected


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("multi_line_output", 3, 3),
        ("multi_line_output", "3", 3),
        ("multi_line_output", "VERTICAL_HANGING_INDENT", 3),
        ("multi_line_output", "vertical_hanging_indent", 3),
        ("multi_line_output", "GRID", "GRID"),
        ("force_grid_wrap", 0, 0),
        ("force_grid_wrap", "2", 2),
        ("force_grid_wrap", "False", 0),
        ("force_grid_wrap", "never", None),
        ("use_parentheses", True, True),
        ("use_parentheses", "yes", True),
        ("include_trailing_comma", " Off ", False),
        ("include_trailing_comma", 1, True),
        ("ensure_newline_before_comments", "maybe", None),
    ],
)
def test_isort_value(key, value, expected):
    assert isort_value(key, value) == expected


def rules(
    select: str | None = None,
    ignore: str | None = None,
    extend_select: str = "",
    extend_ignore: str = "",
) -> Flake8Rules:
    def codes(text: str) -> tuple[str, ...]:
        return tuple(text.split(","))

    return Flake8Rules(
        None if select is None else codes(select),
        None if ignore is None else codes(ignore),
        codes(extend_select) if extend_select else (),
        codes(extend_ignore) if extend_ignore else (),
    )


DECISIONS = {
    "defaults: E501 reported": (rules(), "E501", True),
    "defaults: W503 in the default ignore list": (rules(), "W503", False),
    "defaults: E24 covers E241": (rules(), "E241", False),
    "defaults: B950 not selected": (rules(), "B950", False),
    "extend-ignore prefix": (rules(extend_ignore="E2"), "E203", False),
    "extend-ignore leaves the defaults": (rules(extend_ignore="E203"), "W503", False),
    "ignore replaces the defaults": (rules(ignore="E203"), "W503", True),
    "ignore applies": (rules(ignore="E203,E501"), "E501", False),
    "explicit select beats the default ignore": (rules(select="E,W"), "W503", True),
    "select leaves other codes out": (rules(select="E"), "W291", False),
    "both chosen: the longer prefix wins": (
        rules(select="E203", extend_ignore="E2"),
        "E203",
        True,
    ),
    "both chosen: ignore longer": (rules(select="E", ignore="E501"), "E501", False),
    "both chosen, equal length: ignored": (
        rules(select="E501", ignore="E501"),
        "E501",
        False,
    ),
    "extend-select adds to the defaults": (rules(extend_select="B9"), "B950", True),
    "extend-select against the default ignore": (
        rules(extend_select="W5"),
        "W503",
        True,
    ),
}


@pytest.mark.parametrize(
    ("flake8", "code", "reported"), DECISIONS.values(), ids=list(DECISIONS)
)
def test_flake8_decides_which_codes_it_reports(flake8, code, reported):
    assert flake8.reports(code) is reported


@pytest.mark.parametrize(
    ("flake8", "reported"),
    [
        (rules(), False),
        (rules(extend_select="B9"), True),
        (rules(select="E,F,W,B950"), True),
        (rules(select="B"), False),
        (rules(extend_select="B95", extend_ignore="B950"), False),
    ],
)
def test_bugbear_reports_b950_only_when_selected_by_name(flake8, reported):
    assert flake8.reports_b950() is reported


def test_flake8_rules_of_a_config():
    flake8 = ToolConfig(
        "flake8",
        values={"ignore": "E203, E501  # 幅\n", "extend_select": ["B950", "b9"]},
        args={"extend_ignore": "W503,E701"},
    )
    assert Flake8Rules.of(flake8) == Flake8Rules(
        None, ("E203", "E501"), ("B950",), ("W503", "E701")
    )
    assert Flake8Rules.of(ToolConfig("flake8")) == Flake8Rules(None, None)


def test_renamed_moves_ignore_into_extend_ignore():
    before = rules(ignore="E203,E501", extend_ignore="E501,W503")
    assert before.renamed() == rules(extend_ignore="E203,E501,W503")
    assert before.renamed().reports("E704") is False
