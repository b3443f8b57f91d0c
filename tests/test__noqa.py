from __future__ import annotations

import pytest

from mlhooks._noqa import file_noqa, is_suppressed, line_noqa, matches


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("x = 1  # noqa: MLH201", ["MLH201"]),
        ("x = 1  # noqa:MLH201,MLH202", ["MLH201", "MLH202"]),
        ("x = 1  # NOQA: mlh2", ["MLH2"]),
        ("x = 1  # noqa: MLH201 MLH211 because notebooks", ["MLH201", "MLH211"]),
        ("x = 1  # noqa", []),
        ("x = 1  # noqa: E501", []),
        ("x = 1", []),
        ("## Usage <!-- noqa: MLH413 -->", ["MLH413"]),
        ("x = 1  # noqa: E501, MLH201", ["MLH201"]),
        ("x = 1  # noqa: E501,MLH2 F401", ["MLH2"]),
    ],
)
def test_line_noqa(line, codes):
    assert line_noqa(line) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("# mlhooks: noqa\nx = 1\n", ["MLH"]),
        ("x = 1\n# mlhooks: noqa: MLH2, MLH411\n", ["MLH2", "MLH411"]),
        ("<!-- mlhooks: noqa: MLH413 -->\n# Title\n", ["MLH413"]),
        ("x = 1  # mlhooks: noqa\n", None),
        ("# noqa\n", None),
        ("# mlhooks: noqa: E501\n", None),
        ("", None),
    ],
)
def test_file_noqa(text, codes):
    assert file_noqa(text) == codes


def test_matches_by_prefix():
    assert matches("MLH201", ["MLH2"])
    assert matches("MLH201", ["mlh201"])
    assert not matches("MLH201", ["MLH21"])
    assert not matches("MLH201", [])


@pytest.mark.parametrize(
    ("code", "line", "expected"),
    [
        ("MLH201", 2, True),
        ("MLH202", 2, False),
        ("MLH201", 1, False),
        ("MLH201", 0, False),
        ("MLH201", 99, False),
    ],
)
def test_is_suppressed_on_the_line(code, line, expected):
    text = "import os\nimport sys  # noqa: MLH201\r\n"
    assert is_suppressed(code, line, text) is expected


def test_file_level_silences_every_line_and_the_whole_file():
    text = "# mlhooks: noqa: MLH2\nimport os\n"
    assert is_suppressed("MLH201", 2, text)
    assert is_suppressed("MLH211", 0, text)
    assert not is_suppressed("MLH301", 2, text)


def test_lines_are_counted_at_newlines_only():
    text = "## Purpose\u2028still purpose\x0c\n## Usage <!-- noqa: MLH413 -->\n"
    assert is_suppressed("MLH413", 2, text)
