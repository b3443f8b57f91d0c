from __future__ import annotations

import pytest

from mlhooks._config import (
    ConfigError,
    Option,
    Settings,
    known_hook_ids,
    load_table,
    resolve,
    validate_table,
)

OPTIONS = (
    Option("min-size", "int", 3, "help"),
    Option("strict", "bool", False, "help"),
    Option("names", "list", ["a"], "help"),
    Option("style", "str", "google", "help", choices=("google", "numpy")),
    Option("aliases", "table", {}, "help"),
    Option("kinds", "list", ["a"], "help", choices=("a", "b")),
    Option(
        "path",
        "str",
        "",
        "help",
        check=lambda v: f"{v!r} leaves the project" if ".." in v else "",
    ),
)


def write(tmp_path, text):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")


def test_no_pyproject_means_no_table(tmp_path):
    assert load_table(tmp_path) == ({}, "")


def test_table_is_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "[tool.mlhooks]\nselect = ['MLH4']\n[tool.other]\nx = 1\n")
    assert load_table(tmp_path) == ({"select": ["MLH4"]}, "pyproject.toml")


def test_broken_toml_names_file_and_position(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "[tool.mlhooks\n")
    with pytest.raises(ConfigError) as info:
        load_table(tmp_path)
    assert str(info.value).startswith("pyproject.toml: invalid TOML: ")
    assert "line 1" in str(info.value)


def test_non_utf8_pyproject(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_bytes(b"x = '\xff'\n")
    with pytest.raises(ConfigError, match=r"^pyproject.toml: "):
        load_table(tmp_path)


def test_explicit_config_must_exist(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_table(tmp_path, tmp_path / "missing.toml")


def test_mlhooks_must_be_a_table(tmp_path):
    write(tmp_path, "[tool]\nmlhooks = 3\n")
    with pytest.raises(ConfigError, match=r"\[tool.mlhooks\] must be a table"):
        load_table(tmp_path)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            {"min-sise": 1},
            "X: unknown key 'min-sise' (did you mean 'min-size'? valid"
            " keys: aliases, kinds, min-size, names, path, strict, style)",
        ),
        (
            {"zzz": 1},
            "X: unknown key 'zzz' (valid keys: aliases, kinds, min-size, names,"
            " path, strict, style)",
        ),
        ({"min-size": "3"}, "X: 'min-size' must be an integer, not str '3'"),
        ({"min-size": True}, "X: 'min-size' must be an integer, not bool True"),
        ({"strict": 1}, "X: 'strict' must be a boolean, not int 1"),
        ({"names": "a"}, "X: 'names' must be a list of strings, not str 'a'"),
        ({"names": [1]}, "X: 'names' must be a list of strings, not list [1]"),
        (
            {"style": "nunpy"},
            "X: 'style': unknown value 'nunpy' (did you mean 'numpy'? valid values:"
            " google, numpy)",
        ),
        (
            {"kinds": ["a", "c"]},
            "X: 'kinds': unknown value 'c' (valid values: a, b)",
        ),
        ({"path": "../x"}, "X: 'path': '../x' leaves the project"),
        ({"aliases": []}, "X: 'aliases' must be a table, not list []"),
    ],
)
def test_validation_errors_are_one_line(table, message):
    with pytest.raises(ConfigError) as info:
        validate_table(table, OPTIONS, "X")
    assert str(info.value) == message


def test_valid_table_and_subtables_pass():
    table = {"min-size": 5, "names": ["b"], "check-x": {"anything": 1}}
    assert validate_table(table, OPTIONS, "X", ("check-x",)) == {
        "min-size": 5,
        "names": ["b"],
    }


def test_ignore_accepts_a_table_of_reasons():
    ignore = (Option("ignore", "list", [], "help"),)
    assert validate_table({"ignore": {"MLH405": "why"}}, ignore, "X") == {
        "ignore": ["MLH405"]
    }


def test_precedence_defaults_file_cli():
    settings = resolve(OPTIONS, {"min-size": 5, "strict": True}, {"min-size": 9})
    assert settings.min_size == 9
    assert settings.strict is True
    assert settings["names"] == ["a"]
    assert isinstance(settings, Settings)
    with pytest.raises(AttributeError):
        settings.unknown


def test_known_hook_ids_come_from_module_names():
    ids = known_hook_ids()
    assert "check-required-files" in ids
    assert not any(i.startswith("-") or i in ("cli", "--init--") for i in ids)
