from __future__ import annotations

import ast

import pytest

from mlhooks._flow import (
    catches_import_errors,
    debugger_calls,
    dotted,
    false_branches,
    first_line,
    literal_false,
    terminator,
    unreachable,
)
from mlhooks._scan import scan
from mlhooks._usage import aliases


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("return", "return"),
        ("raise", "raise"),
        ("sys.exit(1)", "sys.exit()"),
        ("os._exit(0)", "os._exit()"),
        ("exit()", "exit()"),
        ("quit()", "quit()"),
        ("print()", ""),
        ("x = 1", ""),
        ("self.exit()", ""),
    ],
)
def test_terminator(text, what):
    loop = ast.parse(f"for x in y:\n    {text}\n").body[0]
    assert terminator(loop.body[0]) == what
    assert terminator(ast.parse("for x in y:\n    break\n").body[0].body[0]) == "break"


@pytest.mark.parametrize(
    ("test", "false"),
    [
        ("False", True),
        ("0", True),
        ("None", True),
        ("''", True),
        ("0.0", True),
        ("False and x", True),
        ("x and 0", True),
        ("False or x", False),
        ("TYPE_CHECKING", False),
        ("__debug__", False),
        ("not True", False),
        ("...", False),
        ("1", False),
    ],
)
def test_literal_false(test, false):
    assert literal_false(ast.parse(test, mode="eval").body) is false


@pytest.mark.parametrize(
    ("handler", "catches"),
    [
        ("except ImportError:", True),
        ("except (OSError, ModuleNotFoundError):", True),
        ("except:", True),
        ("except builtins.Exception:", True),
        ("except OSError:", False),
    ],
)
def test_catches_import_errors(handler, catches):
    node = ast.parse(f"try:\n    pass\n{handler}\n    pass\n").body[0]
    assert catches_import_errors(node) is catches


def test_dotted_and_first_line():
    assert dotted(ast.parse("a.b().c", mode="eval").body) == "a.b.c"
    assert dotted(ast.parse("a[0].c", mode="eval").body) == ""
    assert first_line(ast.parse("@d\n@e\ndef f(): pass\n").body[0]) == 1


def test_messages():
    text = (
        "import pdb as p\nfrom IPython import embed\n\n\ndef f(x):\n    p.set_trace()\n"
        "    embed()\n    p.post_mortem()\n    raise ValueError\n    @d\n    def g():\n"
        "        pass\n    if x:\n        pass\n    elif False:\n        pass\n"
    )
    found = scan([ast.parse(text)])
    calls = debugger_calls(found, aliases(found))
    assert [(f.line, f.message.split(" left")[0]) for f in calls] == [
        (6, "debugger call 'p.set_trace()'"),
        (7, "debugger call 'embed()'"),
    ]
    [block] = unreachable(found)
    assert (block.line, block.col, block.message.split(" on")[0]) == (
        10,
        5,
        "unreachable code (lines 10-16) after 'raise'",
    )


def test_an_exit_of_the_modules_own_is_not_a_terminator():
    found = scan([ast.parse("def exit():\n    pass\n\n\nexit()\nx = 1\n")])
    assert len(found.blocks) == 1 and unreachable(found) == []


def test_false_branches_name_their_keyword():
    text = "if x:\n    pass\nelif 0:\n    a = 1\n    b = 2\n"
    [finding] = false_branches(scan([ast.parse(text)]), [text])
    assert finding.message.startswith("'elif 0:' never runs its body (lines 4-5)")
