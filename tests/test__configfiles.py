from __future__ import annotations

import pytest

from mlhooks._configfiles import (
    ConfigFile,
    ConfigFiles,
    key_line,
    read_ini,
    read_toml,
    read_yaml,
    subtable,
)
from mlhooks._diagnostics import Diagnostic

READERS = {"ini": read_ini, "toml": read_toml, "yaml": read_yaml}


def read(tmp_path, kind, name, content):
    """Write ``content`` to ``tmp_path/name`` and read it back as ``kind``."""
    (tmp_path / name).write_bytes(
        content if isinstance(content, bytes) else content.encode("utf-8")
    )
    return READERS[kind](tmp_path, name)


PARSING = {
    "INI sections, keys lower-cased, values raw": (
        "ini",
        "[flake8]\nMax-Line-Length = 88\nformat = %(path)s\n[isort]\n",
        {"flake8": {"max-line-length": "88", "format": "%(path)s"}, "isort": {}},
    ),
    "INI continuation lines and comments": (
        "ini",
        "# 設定\n[flake8]\n; note\nextend-ignore =\n    E203,\n    E701\n",
        {"flake8": {"extend-ignore": "\nE203,\nE701"}},
    ),
    "INI [DEFAULT] merged into every section": (
        "ini",
        "[DEFAULT]\nmax-line-length = 70\n[flake8]\n[isort]\nprofile = black\n",
        {
            "flake8": {"max-line-length": "70"},
            "isort": {"max-line-length": "70", "profile": "black"},
        },
    ),
    "INI with CRLF": (
        "ini",
        "[flake8]\r\nmax-line-length = 88\r\n",
        {"flake8": {"max-line-length": "88"}},
    ),
    "INI with a byte order mark": (
        "ini",
        b"\xef\xbb\xbf[flake8]\nselect = E\n",
        {"flake8": {"select": "E"}},
    ),
    "INI empty": ("ini", "", {}),
    "TOML nested tables": (
        "toml",
        '[tool.black]\nline-length = 88\n[tool."isort"]\nprofile = "黒"\n',
        {"tool": {"black": {"line-length": 88}, "isort": {"profile": "黒"}}},
    ),
    "TOML with CRLF": (
        "toml",
        "[tool.black]\r\nline-length = 100\r\n",
        {"tool": {"black": {"line-length": 100}}},
    ),
    "TOML with a byte order mark": (
        "toml",
        b"\xef\xbb\xbf[tool.black]\nline-length = 100\n",
        {"tool": {"black": {"line-length": 100}}},
    ),
    "TOML empty": ("toml", "", {}),
    "YAML mapping": (
        "yaml",
        "repos:\n  - repo: local\n",
        {"repos": [{"repo": "local"}]},
    ),
    "YAML list: not a mapping, given as it is": ("yaml", "- a\n- b\n", ["a", "b"]),
    "YAML scalar: not a mapping, given as it is": (
        "yaml",
        "just a string\n",
        "just a string",
    ),
    "YAML empty": ("yaml", "", None),
    "YAML comment only": ("yaml", "# 空\n", None),
    "YAML duplicate keys: the last wins, as pre-commit reads it": (
        "yaml",
        "rev: 1\nrev: 2\n",
        {"rev": 2},
    ),
    "YAML with CRLF": ("yaml", "a: 1\r\nb: [x, y]\r\n", {"a": 1, "b": ["x", "y"]}),
}


@pytest.mark.parametrize(
    ("kind", "content", "data"), PARSING.values(), ids=list(PARSING)
)
def test_valid_files_read_into_plain_data(tmp_path, kind, content, data):
    got = read(tmp_path, kind, "config", content)
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    assert got == ConfigFile("config", text, data)


BROKEN = {
    "INI line that is no key": (
        "ini",
        "setup.cfg",
        "[flake8]\nmax-line-length = 88\nE203\n",
        "setup.cfg:3:1: MLH005 does not parse as INI: 'E203' is neither a [section]"
        " header nor a key = value line",
    ),
    "INI key before any section": (
        "ini",
        "setup.cfg",
        "max-line-length = 88\n[flake8]\n",
        "setup.cfg:1:1: MLH005 does not parse as INI: 'max-line-length = 88' comes"
        " before any [section] header",
    ),
    "INI duplicate section": (
        "ini",
        "tox.ini",
        "[flake8]\nmax-line-length = 88\n\n[flake8]\n",
        "tox.ini:4:1: MLH005 does not parse as INI: section [flake8] appears twice",
    ),
    "INI duplicate key in another case, CRLF": (
        "ini",
        ".flake8",
        "[flake8]\r\nmax-line-length = 88\r\nMax-Line-Length = 80\r\n",
        ".flake8:3:1: MLH005 does not parse as INI: key 'max-line-length' appears"
        " twice in [flake8]",
    ),
    "INI unclosed header": (
        "ini",
        ".isort.cfg",
        "[settings]\nprofile = black\n[oops\n",
        ".isort.cfg:3:1: MLH005 does not parse as INI: '[oops' is neither a [section]"
        " header nor a key = value line",
    ),
    "INI lines counted at newlines only (form feed, Japanese)": (
        "ini",
        "setup.cfg",
        "[metadata]\n\x0c\nname = 前処理\n[flake8]\nE203\n",
        "setup.cfg:5:1: MLH005 does not parse as INI: 'E203' is neither a [section]"
        " header nor a key = value line",
    ),
    "TOML invalid value": (
        "toml",
        "pyproject.toml",
        "[tool.black]\nline-length = = 88\n",
        "pyproject.toml:2:1: MLH005 does not parse as TOML: Invalid value (at line 2,"
        " column 15)",
    ),
    "TOML duplicate key, CRLF": (
        "toml",
        "pyproject.toml",
        "[tool.black]\r\nline-length = 88\r\nline-length = 79\r\n",
        "pyproject.toml:3:1: MLH005 does not parse as TOML: Cannot overwrite a value"
        " (at line 3, column 17)",
    ),
    "TOML duplicate table": (
        "toml",
        "pyproject.toml",
        "[tool.black]\n[tool.isort]\n[tool.black]\n",
        "pyproject.toml:3:1: MLH005 does not parse as TOML: Cannot declare ('tool',"
        " 'black') twice (at line 3, column 12)",
    ),
    "TOML nested too deeply": (
        "toml",
        "pyproject.toml",
        "x = " + "[" * 1000 + "]" * 1000 + "\n",
        "pyproject.toml: MLH005 does not parse as TOML: arrays or tables nested too"
        " deeply",
    ),
    "YAML block structure": (
        "yaml",
        ".pre-commit-config.yaml",
        "repos:\n  - repo: local\n    hooks:\n  - id: black\n   bad\n",
        ".pre-commit-config.yaml:5:1: MLH005 does not parse as YAML: while parsing a"
        " block collection, expected <block end>, but found '<scalar>'",
    ),
    "YAML python tag is refused, never run": (
        "yaml",
        "dvc.yaml",
        "cmd: !!python/object/apply:os.system ['echo hi']\n",
        "dvc.yaml:1:1: MLH005 does not parse as YAML: could not determine a"
        " constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    "YAML date that does not exist": (
        "yaml",
        "params.yaml",
        "released: 2024-13-01\n",
        "params.yaml: MLH005 does not parse as YAML: month must be in 1..12",
    ),
    "YAML nested too deeply": (
        "yaml",
        "params.yaml",
        "[" * 1000 + "]" * 1000 + "\n",
        "params.yaml: MLH005 does not parse as YAML: lists or mappings nested too"
        " deeply",
    ),
}


@pytest.mark.parametrize(
    ("kind", "name", "content", "expected"), BROKEN.values(), ids=list(BROKEN)
)
def test_broken_files_are_mlh005(tmp_path, kind, name, content, expected):
    got = read(tmp_path, kind, name, content)
    assert isinstance(got, Diagnostic)
    assert got.as_text() == expected


UNREADABLE = [
    (
        b"[flake8]\nmax-line-length = 88 \x96 black\n",
        "conf:2:1: MLH001 not valid UTF-8 (byte 0x96 at offset 30); re-save the file"
        " as UTF-8",
    ),
    (b"[flake8]\0\n", "conf: MLH002 binary file (contains NUL bytes); skipped"),
    (
        b"#" * ((10 << 20) + 1),
        "conf: MLH004 file is 10.0 MiB, over the 10 MiB limit; skipped",
    ),
]


@pytest.mark.parametrize("kind", READERS)
@pytest.mark.parametrize(
    ("content", "expected"), UNREADABLE, ids=["MLH001", "MLH002", "MLH004"]
)
def test_unreadable_files_are_named(tmp_path, kind, content, expected):
    got = read(tmp_path, kind, "conf", content)
    assert isinstance(got, Diagnostic)
    assert got.as_text() == expected


@pytest.mark.parametrize("kind", READERS)
def test_missing_file_or_folder_is_none(tmp_path, kind):
    (tmp_path / ".dvc").mkdir()
    assert READERS[kind](tmp_path, "nothing.cfg") is None
    assert READERS[kind](tmp_path, ".dvc") is None


SETUP_CFG = """\
# [flake8] max-line-length = 1 (a comment, not a header)
[metadata]
max-line-length = 2

[flake8]
; max-line-length = 3
extend-ignore =
    E203,
    E701
Max_Line_Length = 88
[isort]
line_length = 90
"""
PYPROJECT = """\
[tool.black]
line-length = 88

[ tool . "isort" ]
"line_length" = 79
profile = "black"
[tool.isort.sections]
line_length = 1
"""


@pytest.mark.parametrize(
    ("text", "section", "key", "line"),
    [
        (SETUP_CFG, "flake8", "max_line_length", 10),
        (SETUP_CFG, "flake8", "max-line-length", 10),
        (SETUP_CFG, "flake8", "MAX-LINE-LENGTH", 10),
        (SETUP_CFG, "flake8", "extend_ignore", 7),
        (SETUP_CFG, "flake8", "E203", 0),
        (SETUP_CFG, "flake8", "ignore", 0),
        (SETUP_CFG, "flake8", None, 5),
        (SETUP_CFG, "metadata", "max-line-length", 3),
        (SETUP_CFG, "Flake8", "max-line-length", 0),
        (SETUP_CFG, ("isort", "tool:isort"), "line_length", 12),
        (SETUP_CFG, "tool:isort", "line_length", 0),
        (SETUP_CFG.replace("\n", "\r\n"), "isort", "line_length", 12),
        (SETUP_CFG.replace("(a", "\x0c(a"), "isort", "line_length", 12),
        (PYPROJECT, "tool.black", "line_length", 2),
        (PYPROJECT, "tool.isort", "line_length", 5),
        (PYPROJECT, "tool.isort", "profile", 6),
        (PYPROJECT, "tool.isort", None, 4),
        (PYPROJECT, "tool.isort.sections", "line-length", 8),
        (PYPROJECT, "tool.flake8", None, 0),
        ("", "flake8", "select", 0),
    ],
)
def test_key_line(text, section, key, line):
    assert key_line(text, section, key) == line


@pytest.mark.parametrize(
    ("data", "keys", "table"),
    [
        (
            {"tool": {"black": {"line-length": 88}}},
            ("tool", "black"),
            {"line-length": 88},
        ),
        ({"tool": {"black": {}}}, ("tool", "black"), {}),
        ({"tool": {"black": 3}}, ("tool", "black"), None),
        ({"tool": 3}, ("tool", "black"), None),
        ({}, ("tool", "black"), None),
        (["tool"], ("tool",), None),
        (None, ("tool",), None),
        ({"a": 1}, (), {"a": 1}),
    ],
)
def test_subtable(data, keys, table):
    assert subtable(data, *keys) == table


def test_config_files_read_each_file_once_and_keep_problems(tmp_path):
    (tmp_path / "setup.cfg").write_text("[flake8]\nselect = E\n")
    (tmp_path / "tox.ini").write_text("[flake8]\nE203\n")
    (tmp_path / "pyproject.toml").write_bytes(b"# \xff\n")
    files = ConfigFiles(tmp_path)
    setup_cfg = files.ini("setup.cfg")
    (tmp_path / "setup.cfg").write_text("[changed]\n")
    assert files.ini("setup.cfg") is setup_cfg
    assert setup_cfg is not None and setup_cfg.data == {"flake8": {"select": "E"}}
    for _ in range(2):
        assert files.ini("tox.ini") is None
        assert files.toml("pyproject.toml") is None
        assert files.yaml(".pre-commit-config.yaml") is None
    assert [p.as_text() for p in files.problems] == [
        "tox.ini:2:1: MLH005 does not parse as INI: 'E203' is neither a [section]"
        " header nor a key = value line",
        "pyproject.toml:1:1: MLH001 not valid UTF-8 (byte 0xff at offset 2); re-save"
        " the file as UTF-8",
    ]
    assert files.broken("setup.cfg", "tox.ini")
    assert not files.broken("setup.cfg", ".pre-commit-config.yaml")


def test_sections_of_ini_and_toml(tmp_path):
    (tmp_path / "setup.cfg").write_text("[isort]\nprofile = black\n[flake8]\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.isort]\nprofile = "black"\n[tool.black]\n[tool]\nflake8 = 3\n'
    )
    (tmp_path / "tox.ini").write_text("[flake8\n")
    files = ConfigFiles(tmp_path)
    setup_cfg, found = files.sections("setup.cfg", ("tool:isort", "isort", "flake8"))
    assert setup_cfg is files.ini("setup.cfg")
    assert found == {"isort": {"profile": "black"}, "flake8": {}}
    assert list(found) == ["isort", "flake8"]
    pyproject, found = files.sections(
        "pyproject.toml", ("tool.black", "tool.isort", "tool.flake8", "tool.ruff")
    )
    assert pyproject is files.toml("pyproject.toml")
    assert found == {"tool.black": {}, "tool.isort": {"profile": "black"}}
    assert files.sections("tox.ini", ("flake8",)) == (None, {})
    assert files.sections(".flake8", ("flake8",)) == (None, {})
    assert [p.code for p in files.problems] == ["MLH005"]
