"""Notebooks as jupytext's percent scripts: written byte for byte as jupytext writes
them (``cell_to_text.py``, ``pep8.py``), and seen, like any paired script, as units
to compare: cells (percent and hydrogen scripts) or code lines (light and nomarker
scripts), their lines with magics bare, blank lines dropped, trailing spaces removed.
"""

from __future__ import annotations

import json
import re
from itertools import count
from typing import NamedTuple, Sequence

from mlhooks._configfiles import subtable
from mlhooks._jupytext import Script, ScriptCell, is_magic, quoted, uncomment
from mlhooks._notebooks import Cell, Notebook

KEPT_METADATA = ("jupytext", "kernelspec", "kernel_info", "orphan", "tocdepth")
SKIPPED_CELL_METADATA = {"autoscroll", "collapsed", "scrolled", "trusted", "execution"}
SKIPPED_CELL_METADATA |= {"ExecuteTime", "skipline", "noskipline", "cell_marker"}
SKIPPED_CELL_METADATA |= {"lines_to_next_cell", "lines_to_end_of_cell_marker"}
CELL_LANGUAGES = set(  # jupytext's: a cell magic naming one opens a language cell
    "R bash c# c++ clojure coconut cs csharp cython f# fs fsharp gnuplot go groovy"
    " haskell html idl java javascript jenner js julia latex logtalk lua markdown"
    " matlab maxima ocaml octave perl powershell pypy python python2 python3 q"
    " robotframework ruby rust sage sas scala scheme script sh sos spark sql stata svg"
    " tcl typescript xonsh".split()
) | {"wolfram language"}
LANGUAGE = re.compile(r'\blanguage="([^"]*)"')
MAGIC_ARGS = re.compile(r'\bmagic_args="((?:[^"\\]|\\.)*)"')
TRIPLE_QUOTED = re.compile(r"^[rR]?(\"\"\"|''')\n?(.*?)\n?\1$", re.DOTALL)
FRONT_MATTER = re.compile(r"^\s*---\s*\n(.*\n)?---\s*$", re.DOTALL)
_MARKS = re.compile(r"^(?:#\s?)+")


class Unit(NamedTuple):
    """What is compared: a cell or a code line, where it is (cell number or script
    line), its kind, its lines and their numbers."""

    where: int
    kind: str
    lines: tuple[str, ...]
    numbers: tuple[int, ...]


def magics(lines: Sequence[str]) -> list[str]:
    """For each line: ``magic`` if scripts comment it, ``continued`` if it continues
    a magic (after a backslash), else ``''``."""
    kinds, follows = [], False
    for line, inside in zip(lines, quoted(lines)):
        magic = not inside and (follows or is_magic(line))
        kinds.append("" if not magic else "continued" if follows else "magic")
        if not inside:
            follows = magic and line.rstrip().endswith("\\")
    return kinds


def bare_magics(lines: Sequence[str]) -> list[str]:
    """Lines with the comment marks before magics removed (scripts comment them)."""
    result = []
    for line, kind in zip(lines, magics(lines)):
        indent = line[: len(line) - len(line.lstrip())]
        result.append(indent + _MARKS.sub("", line.lstrip()) if kind else line)
    return result


def cell_language(source: str) -> tuple[str, str]:
    """The language and arguments of a cell magic jupytext comments the cell for
    (``%%bash -e``), else ``("", "")``."""
    language, _, args = (source.splitlines() or [""])[0][2:].partition(" ")
    found = source.startswith("%%") and language in CELL_LANGUAGES
    return (language, args) if found else ("", "")


def is_front_matter(cell: Cell) -> bool:
    """A first raw cell of YAML front matter (jupytext moves it to the header)."""
    front = cell.number == 1 and cell.kind == "raw"
    return front and bool(FRONT_MATTER.match(cell.source))


# Units: what a notebook and a script hold, to compare.


def _unit(where: int, kind: str, lines: Sequence[str], first: int) -> Unit:
    """Magics bare (in code), blank lines dropped, trailing spaces removed."""
    lines = bare_magics(lines) if kind == "code" else lines
    kept = [(line.rstrip(), n) for n, line in zip(count(first), lines) if line.strip()]
    return Unit(where, kind, tuple(x for x, _ in kept), tuple(n for _, n in kept))


def _script_unit(cell: ScriptCell) -> Unit:
    lines, language = list(cell.lines), LANGUAGE.search(cell.options)
    first = cell.first - 1 if language else cell.first  # the marker: %%language
    if cell.kind != "code" or language and language[1] != "python":
        lines = [uncomment(line) for line in lines]
    if language:
        args = MAGIC_ARGS.search(cell.options)
        lines.insert(0, f"%%{language[1]} {args[1] if args else ''}".rstrip())
    wrapped = TRIPLE_QUOTED.match("\n".join(lines).strip())
    if cell.kind != "code" and wrapped:
        lines, first = wrapped[2].split("\n"), first + 1
    return _unit(cell.line or cell.first, cell.kind, lines, first)


def _code_lines(lines: Sequence[str], cell: int = 0) -> list[Unit]:
    """Lines holding code (not blank, no comment, no magic) as one-line units."""
    units = []
    flags = zip(quoted(lines), magics(lines))
    for number, (line, (inside, magic)) in enumerate(zip(lines, flags), 1):
        comment = not inside and line.lstrip().startswith("#")
        if line.strip() and not (magic or comment):
            units.append(Unit(cell or number, "code", (line.rstrip(),), (number,)))
    return units


def units(
    notebook: Notebook, script: Script, text: str
) -> tuple[list[Unit], list[Unit]]:
    """What is compared, notebook then script: the cells of percent and hydrogen
    scripts (text cells only if the script has some), else the code lines."""
    if script.format_name not in ("percent", "hydrogen"):
        cells = [c for c in notebook.cells if c.kind == "code"]
        cells = [c for c in cells if cell_language(c.source)[0] in ("", "python")]
        ours = [u for c in cells for u in _code_lines(c.source.split("\n"), c.number)]
        return ours, _code_lines(text.replace("\r\n", "\n").split("\n"))
    text_too = any(cell.kind != "code" for cell in script.cells)
    kinds = ("code", "markdown", "raw") if text_too else ("code",)
    cells = [c for c in notebook.cells if c.kind in kinds and not is_front_matter(c)]
    ours = [_unit(c.number, c.kind, c.source.split("\n"), 1) for c in cells]
    return ours, [_script_unit(cell) for cell in script.cells if cell.kind in kinds]


# Writing: the notebook as jupytext writes a percent script (cell_to_text.py, pep8.py).


def _starts_with_def(lines: list[str]) -> bool:
    for i, (line, inside) in enumerate(zip(lines, quoted(lines))):
        if inside:
            continue
        if not line.strip():
            if i and not lines[i - 1].strip():
                return False
        elif line.startswith(("def ", "async ", "class ")):
            return True
        elif not line.startswith(("#", "@", " ", ")")):
            return False
    return False


def _ends_with_def(lines: list[str]) -> bool:
    bottom_up = [line for line, inside in zip(lines, quoted(lines)) if not inside]
    for i, line in enumerate(reversed(bottom_up)):
        if not line.strip():
            if i and not bottom_up[-i].strip():
                return False
        elif not line.startswith(("#", " ", ")")):
            return line.startswith(("def ", "async ", "class "))
    return False


def _has_code(lines: list[str]) -> bool:
    for i, line in enumerate(lines):
        if line.strip() and not line.strip().startswith("#"):
            return True
        if not line.strip() and i and not lines[i - 1].strip():
            return False
    return False


def _pep8_gap(before: list[str], after: list[str]) -> int:
    """The blank lines jupytext puts between two texts (pep8_lines_between_cells)."""
    if not after or not before:
        return 0 if after else 1
    if _ends_with_def(before):
        return 2 if _has_code(after) else 1
    code = bool(before[-1].strip()) and not before[-1].startswith("#")
    return 2 if code and _starts_with_def(after) else 1


def _commented(lines: list[str]) -> list[str]:
    return [f"# {line}" if line else "#" for line in lines]


def _comment_magics(lines: list[str]) -> list[str]:
    result = []
    for line, kind in zip(lines, magics(lines)):
        bare = line if kind == "continued" else line.lstrip()
        result.append(line[: len(line) - len(bare)] + "# " + bare if kind else line)
    return result


def _cell_text(cell: Cell) -> tuple[list[str], int | None]:
    """A cell as a percent script holds it, and the blank lines its metadata asks
    for after it."""
    metadata = subtable(cell.data, "metadata") or {}
    gap = metadata.get("lines_to_next_cell")
    options = {k: v for k, v in metadata.items() if k not in SKIPPED_CELL_METADATA}
    source = cell.source.splitlines() + [""] * cell.source.endswith("\n") or [""]
    language, args = cell_language(cell.source)
    title, indent = "", ""
    if cell.kind == "code" and language:
        options.update({"magic_args": args} if args else {})
        active = language == "python"  # the kernel's language: left as code
        body = _comment_magics(source[1:]) if active else _commented(source[1:])
        options["language"] = language
    elif cell.kind == "code":
        body = [] if source == [""] else _comment_magics(source)
        first = source[0] if source[0].strip() else ""
        indent = first[: len(first) - len(first.lstrip())]
    else:
        title, body = f"[{cell.kind}]", _commented(source)
        if cell.kind == "raw" and options.get("active") == "":
            del options["active"]
    words = [title] if title else []
    words += [k if v is None else f"{k}={json.dumps(v)}" for k, v in options.items()]
    marker = f"{indent}# %%" + (" " + " ".join(words) if words else "")
    return [marker, *body], gap if isinstance(gap, int) else None


def _yaml_header(notebook: Notebook, formats: str | None, version: str) -> list[str]:
    import yaml

    metadata = subtable(notebook.data, "metadata") or {}
    kept = {key: metadata[key] for key in KEPT_METADATA if key in metadata}
    jupytext = dict(subtable(kept, "jupytext") or {})
    jupytext.pop("formats", None)
    jupytext.update({"formats": formats} if formats else {})
    representation = {"extension": ".py", "format_name": "percent"}
    representation["format_version"] = "1.3"
    representation.update({"jupytext_version": version} if version else {})
    kept["jupytext"] = {**jupytext, "text_representation": representation}
    first = notebook.cells[0] if notebook.cells else None
    front = first.source.strip().splitlines()[1:-1] if first and (
        is_front_matter(first)
    ) else []  # fmt: skip
    dump = yaml.safe_dump({"jupyter": kept}, default_flow_style=False)
    return _commented(["---", *front, *dump.splitlines(), "---"])


def percent_script(notebook: Notebook, formats: str | None, version: str = "") -> str:
    """The notebook as jupytext writes a percent script, ``formats`` (if any) and
    the ``jupytext_version`` (if any) in its header."""
    cells = [c for c in notebook.cells if c.kind in ("code", "markdown", "raw")]
    lines: list[str] = []
    for cell in reversed([c for c in cells if not is_front_matter(c)]):
        text, gap = _cell_text(cell)
        lines = text + [""] * (_pep8_gap(text, lines) if gap is None else gap) + lines
    header = _yaml_header(notebook, formats, version)
    return "\n".join(header + [""] * _pep8_gap(header, lines) + lines)
