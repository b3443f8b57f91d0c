"""check-notebook-pairing: every notebook is the companion of a script with its code.

The guideline recommends scripts and discourages notebooks (スクリプト形式を推奨、
Notebook 形式は非推奨): git diffs, reviews and merges scripts, not notebook JSON. Teams
still explore in notebooks, so a notebook may exist only beside a paired script holding
the same code, paired as jupytext pairs them: the notebook's ``jupytext.formats``
metadata, else the closest jupytext configuration file, else a ``.py`` of the same name
beside it or in a ``script-dirs`` folder. A script given alone is judged when it is
some notebook's pair (looked up on disk). Percent (and hydrogen) scripts are compared
cell by cell, light and nomarker scripts by their code lines, other formats not at
all; a difference in layout only (black's, or comments) does not count when both sides
parse to the same Python. ``--fix`` writes a missing script, or updates a stale one,
as jupytext writes a percent script; it never overwrites a script holding code the
notebook lacks (unless that code is exactly the last commit's notebook).
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, replace
from itertools import count, zip_longest
from typing import Any, Iterable, Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option
from mlhooks._configfiles import ConfigFiles, subtable
from mlhooks._diagnostics import Diagnostic, file_diagnostic
from mlhooks._files import FileProblem, decode, read_text, write_atomic
from mlhooks._jupytext import (
    ALIASES,
    Format,
    PairingError,
    Script,
    ScriptCell,
    is_magic,
    long_forms,
    paired_paths,
    quoted,
    read_script,
    uncomment,
)
from mlhooks._notebooks import Cell, Notebook, parse_notebook, python_source

HOOK_ID = "check-notebook-pairing"
CODES = {
    "MLH101": "notebook without a paired script",
    "MLH102": "the paired script does not hold the notebook's code (out of sync)",
    "MLH103": "notebook outside the notebook folders",
    "MLH104": "notebook not named <step>-<initials>-<description>.ipynb",
}
OPTIONS = (
    Option(
        "notebook-dirs",
        "list",
        ["notebooks"],
        "folders notebooks belong in (a name without / matches at any depth);"
        " empty: anywhere",
    ),
    Option(
        "script-dirs",
        "list",
        [],
        "folders for paired scripts besides the notebook's own (notebooks/a/x.ipynb"
        " pairs with <dir>/a/x.py or <dir>/x.py)",
    ),
    Option("require-pairing", "bool", True, "report unpaired notebooks (MLH101)"),
    Option(
        "check-naming",
        "bool",
        False,
        "report notebook names off the Cookiecutter Data Science convention (MLH104)",
    ),
)
WHY = "the guideline prefers scripts, which git can diff and review, to notebooks"
WHY_SYNC = "a script that differs from its notebook misleads every diff and review"
EXTENSIONS = ("", ".toml", ".yml", ".yaml", ".json")  # jupytext's order of search
CONFIG_FILES = [f"{dot}jupytext{ext}" for dot in ("", ".") for ext in EXTENSIONS]
CONFIG_FILES.append(".jupytext.py")
NAMING = re.compile(r"\d+(?:\.\d+)*-[A-Za-z][A-Za-z0-9_]*-\w[\w.-]*\.ipynb")
COMPARED = {"percent", "hydrogen", "light", "nomarker"}  # formats read well enough
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
Unit = tuple[Any, str, tuple[str, ...], tuple[int, ...]]  # where, kind, lines, numbers
Config = tuple[str, list[str]]  # a jupytext configuration file and its format groups


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Pairing:
    """Where a notebook's script is or belongs (``script`` '' when the declared
    formats name none), what declared it (``origin`` '' for a pairing by name), its
    declared format, the ``formats`` a written script's header records, and other
    paths the script may have."""

    script: str
    origin: str = ""
    format_name: str = ""
    header: str | None = None
    others: tuple[str, ...] = ()


class Project:
    """The project being checked, and what this run read of it (each file once)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.configs = ConfigFiles(ctx.root)
        self.texts: dict[str, str | Diagnostic] = {}
        self.notebooks: dict[str, Notebook | Diagnostic] = {}
        self.pairings: dict[str, Pairing | Diagnostic] = {}
        self.folders: dict[str, Config | Diagnostic | None] = {}

    def text(self, path: str) -> str | Diagnostic:
        if path not in self.texts:
            try:
                self.texts[path] = read_text(self.ctx.root, path)
            except FileProblem as exc:
                self.texts[path] = exc.diagnostic
        return self.texts[path]

    def notebook(self, path: str) -> Notebook | Diagnostic:
        if path not in self.notebooks:
            text = self.text(path)
            try:
                parsed = parse_notebook(path, text) if isinstance(text, str) else text
            except FileProblem as exc:
                parsed = exc.diagnostic
            self.notebooks[path] = parsed
        return self.notebooks[path]

    def pairing(self, path: str) -> Pairing | Diagnostic:
        if path not in self.pairings:
            notebook = self.notebook(path)
            self.pairings[path] = (
                _pairing(self, notebook) if isinstance(notebook, Notebook) else notebook
            )
        return self.pairings[path]

    def config(self, folder: str) -> Config | Diagnostic | None:
        """The closest jupytext configuration at or above ``folder``, as jupytext
        finds it (its global configuration aside)."""
        if folder not in self.folders:
            here = _config_in(self, folder)
            above = (
                None if here or not folder else self.config(posixpath.dirname(folder))
            )
            self.folders[folder] = here or above
        return self.folders[folder]


def format_groups(value: Any) -> list[str]:
    """A configuration's ``formats`` (string, table or list) as groups of formats."""
    groups = value.split(";") if isinstance(value, str) else value
    groups = [groups] if isinstance(groups, dict) else groups
    if not isinstance(groups, list):
        raise PairingError(f"{value!r} is not a string, a table or a list")
    result = []
    for group in groups:
        if isinstance(group, dict):
            group = ",".join(
                f"{str(prefix).rstrip('/')}///{fmt}" if prefix else str(fmt)
                for prefix, fmt in group.items()
            )
        if not isinstance(group, str):
            raise PairingError(f"{group!r} is not a group of paired formats")
        result.append(group)
    return result


def _config_in(project: Project, folder: str) -> Config | Diagnostic | None:
    """jupytext's configuration files in ``folder``, first found first."""
    for name in CONFIG_FILES:
        path = posixpath.join(folder, name)
        if (project.ctx.root / path).is_file():
            return _config_groups(project, path, name)
    pyproject = posixpath.join(folder, "pyproject.toml")
    if (project.ctx.root / pyproject).is_file():
        found = project.configs.toml(pyproject)
        problem = [p for p in project.configs.problems if p.path == pyproject]
        table = subtable(found.data, "tool", "jupytext") if found else None
        return problem[0] if problem else _groups(pyproject, table) if table else None
    return None


def _config_groups(project: Project, path: str, name: str) -> Config | Diagnostic:
    if name.endswith(".py"):
        return path, []  # not run: its notebooks pair by name
    if name.endswith(".json"):
        text = project.text(path)
        if isinstance(text, Diagnostic):
            return text
        try:
            return _groups(path, json.loads(text))
        except ValueError as exc:
            return file_diagnostic(path, "MLH005", f"does not parse as JSON: {exc}")
    yaml = name.endswith((".yml", ".yaml"))
    found = project.configs.yaml(path) if yaml else project.configs.toml(path)
    problem = [p for p in project.configs.problems if p.path == path]
    return problem[0] if problem else _groups(path, found.data if found else None)


def _groups(path: str, table: Any) -> Config | Diagnostic:
    if table is not None and not isinstance(table, dict):
        return file_diagnostic(path, "MLH005", "is not a table of jupytext settings")
    value = _table(table).get("formats", _table(table).get("default_jupytext_formats"))
    try:
        groups = [] if value is None else format_groups(value)
        return path, [group for group in groups if long_forms(group)]
    except PairingError as exc:
        return file_diagnostic(path, "MLH005", f"jupytext formats do not parse: {exc}")


def _auto_extension(metadata: dict[str, Any]) -> str | None:
    extension = _table(metadata.get("language_info")).get("file_extension")
    language = _table(metadata.get("kernelspec")).get("language")
    if isinstance(extension, str):
        return extension
    return ".py" if language in (None, "python") else None


def short_form(fmt: Format) -> str:
    """A format as jupytext writes it in ``formats`` (``scripts//py:percent``)."""
    text = fmt.get("suffix", "") + fmt["extension"]
    text = text if "suffix" in fmt else text[1:]
    text = fmt["prefix"] + "/" + text if "prefix" in fmt else text
    name = fmt.get("format_name")
    if name and (fmt["extension"] not in (".md", ".Rmd") or name in ALIASES):
        text += ":" + name
    return text


def _declared(
    path: str, formats: Any, metadata: dict[str, Any], origin: str
) -> Pairing:
    """The pairing that ``formats`` declare for the notebook ``path``."""
    fmts = long_forms(formats, _auto_extension(metadata))
    pairs = [(p, f) for p, f in paired_paths(path, fmts) if p.endswith(".py")]
    if not pairs:
        return Pairing("", origin)
    plain = {"extension": ".py"}
    written = [{**f, "format_name": "percent"} if f == plain else f for f in fmts]
    header = ",".join(short_form(fmt) for fmt in written)
    return Pairing(pairs[0][0], origin, pairs[0][1].get("format_name", ""), header)


def _pairing(project: Project, notebook: Notebook) -> Pairing | Diagnostic:
    path, metadata = notebook.path, _table(notebook.data.get("metadata"))
    jupytext = _table(metadata.get("jupytext"))
    formats = jupytext.get("formats") or metadata.get("jupytext_formats")
    if formats:
        shown = formats if isinstance(formats, str) else ",".join(map(str, formats))
        origin = f"its jupytext formats '{shown}'"
        try:
            return _declared(path, formats, metadata, origin)
        except PairingError as exc:
            fix = f"fix them: jupytext --set-formats ipynb,py:percent {path}"
            return _mlh101(path, f"{origin} do not pair it ({exc})", fix)
    config = project.config(posixpath.dirname(path))
    if isinstance(config, Diagnostic):
        return config
    origin, groups = config or ("", [])
    for group in groups:
        try:
            return replace(_declared(path, group, metadata, origin), header=None)
        except PairingError:
            continue
    return _by_name(project.ctx, path)


def _below(path: str, folders: Sequence[str]) -> str | None:
    """``path`` below the first of ``folders`` holding it (a name without ``/``
    matches at any depth), else None."""
    for folder in (f.strip("/") for f in folders if f.strip("/")):
        anywhere = "" if "/" in folder else "(?:.*/)?"
        match = re.match(f"{anywhere}{re.escape(folder)}/", path)
        if match:
            return path[match.end() :]
    return None


def _by_name(ctx: Context, path: str) -> Pairing:
    """The same-stem script in a ``script-dirs`` folder (the notebook's folders
    below its notebook folder kept, or not), else beside the notebook."""
    stem, rel = path[: -len(".ipynb")], _below(path, ctx.settings.notebook_dirs)
    tails = dict.fromkeys([(rel or path)[: -len(".ipynb")], posixpath.basename(stem)])
    dirs = [d.strip("/") for d in ctx.settings.script_dirs if d.strip("/")]
    paths = list(dict.fromkeys([f"{d}/{t}.py" for d in dirs for t in tails]))
    paths.append(stem + ".py")
    script = next((p for p in paths if (ctx.root / p).is_file()), paths[0])
    top = path[: len(path) - len(rel)].rstrip("/") if rel else ""
    header = f"{top}///ipynb,{dirs[0]}///py:percent" if dirs and top else ""
    header = header if script != stem + ".py" else "ipynb,py:percent"
    try:
        pairs = paired_paths(path, long_forms(header))
    except PairingError:
        pairs = []
    fits = any(p == script for p, _ in pairs)
    others = tuple(p for p in paths if p != script)
    return Pairing(script, header=header if fits else None, others=others)


def _bare_magics(lines: Sequence[str], code: bool = True) -> list[str]:
    """Lines with the comment marks before magics removed (scripts comment them)."""
    result, follows = [], False
    for line, inside in zip(lines, quoted(lines) if code else [True] * len(lines)):
        if not inside and (follows or is_magic(line)):
            bare = line.lstrip()
            line = line[: len(line) - len(bare)] + re.sub(r"^(?:#\s?)+", "", bare)
            follows = line.rstrip().endswith("\\")
        result.append(line)
    return result


def _canon(lines: Sequence[str], code: bool, first: int) -> tuple[Any, Any]:
    """The lines compared, and their numbers (from ``first``): magics bare, blank
    lines dropped, trailing spaces removed."""
    kept = [
        (line.rstrip(), number)
        for number, line in zip(count(first), _bare_magics(lines, code))
        if line.strip()
    ]
    return tuple(line for line, _ in kept), tuple(number for _, number in kept)


def _tree(sources: Iterable[str]) -> str | None:
    """The Python of these cells as one syntax tree (None if it does not parse):
    the same whatever black did to the layout, comments aside."""
    import ast

    cells = (python_source("\n".join(_bare_magics(s.split("\n")))) for s in sources)
    try:
        return ast.dump(ast.parse("\n".join(c for c in cells if c is not None)))
    except (SyntaxError, ValueError, RecursionError):
        return None


def _shape(units: list[Unit]) -> list[tuple[str, Any]]:
    """The kinds of the units in order (a run of code as one) with their text."""
    shape: list[tuple[str, Any]] = []
    for _, kind, lines, _ in units:
        item = (kind, kind == "code" or lines)
        shape += [] if shape and item == shape[-1] == ("code", True) else [item]
    return shape


def _same_code(notebook: Notebook, script: Script, units: list[list[Unit]]) -> bool:
    """Whether a difference is layout only: the same text cells, the same Python."""
    ours, theirs = (_shape(side) for side in units)
    code = [c for c in script.cells if c.kind == "code"]
    code = [c for c in code if not LANGUAGE.search(c.options)]  # as python_source
    tree = _tree(c.source for c in notebook.cells if c.kind == "code")
    return (
        ours == theirs
        and tree is not None
        and tree == _tree("\n".join(c.lines) for c in code)
    )


def _is_front_matter(cell: Cell) -> bool:
    """A first raw cell of YAML front matter (jupytext moves it to the header)."""
    front = cell.number == 1 and cell.kind == "raw"
    return front and bool(FRONT_MATTER.match(cell.source))


def _notebook_units(notebook: Notebook, text: bool) -> list[Unit]:
    kinds = ("code", "markdown", "raw") if text else ("code",)
    return [
        (
            cell.number,
            cell.kind,
            *_canon(cell.source.split("\n"), cell.kind == "code", 1),
        )
        for cell in notebook.cells
        if cell.kind in kinds and not _is_front_matter(cell)
    ]


def _script_units(cells: Sequence[ScriptCell], text: bool) -> list[Unit]:
    units = []
    for cell in (c for c in cells if text or c.kind == "code"):
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
        canon = _canon(lines, cell.kind == "code", first)
        units.append((cell.line or cell.first, cell.kind, *canon))
    return units


def _code_lines(lines: Sequence[str], cell: int = 0) -> list[Unit]:
    """Lines holding code (not blank, no comment, no magic) as one-line units."""
    units: list[Unit] = []
    follows = False
    for number, (line, inside) in enumerate(zip(lines, quoted(lines)), 1):
        magic = not inside and (follows or is_magic(line))
        follows = magic and line.rstrip().endswith("\\")
        comment = not inside and line.lstrip().startswith("#")
        if line.strip() and not (magic or comment):
            units.append((cell or number, "code", (line.rstrip(),), (number,)))
    return units


def _cell_language(source: str) -> tuple[str, str]:
    """The language and arguments of a cell magic jupytext comments the cell for
    (``%%bash -e``), else ``("", "")``."""
    language, _, args = (source.splitlines() or [""])[0][2:].partition(" ")
    found = source.startswith("%%") and language in CELL_LANGUAGES
    return (language, args) if found else ("", "")


def _units(notebook: Notebook, script: Script, text: str) -> list[list[Unit]]:
    """What is compared, on each side: cells of percent scripts, or code lines."""
    if script.format_name in ("percent", "hydrogen"):
        with_text = any(cell.kind != "code" for cell in script.cells)
        ours = _notebook_units(notebook, with_text)
        return [ours, _script_units(script.cells, with_text)]
    code = [c for c in notebook.cells if c.kind == "code"]
    ours = [
        unit
        for cell in code
        if _cell_language(cell.source)[0] in ("", "python")
        for unit in _code_lines(cell.source.split("\n"), cell.number)
    ]
    return [ours, _code_lines(text.replace("\r\n", "\n").split("\n"))]


def _subsequence(short: list[Any], long: list[Any]) -> bool:
    items = iter(long)
    return all(item in items for item in short)


def _flat(units: list[Unit]) -> list[tuple[str, str]]:
    return [(unit[1], line) for unit in units for line in unit[2]]


def _quote(line: str | None) -> str:
    if line is None:
        return "nothing"
    line = line.strip()
    line = line if len(line) <= 40 else line[:37] + "..."
    return f'"{line}"' if "'" in line and '"' not in line else f"'{line}'"


@dataclass(frozen=True)
class Difference:
    """Where notebook and script part: the notebook cell (None past its last one)
    and line in it, the script line, what each side holds there, and whether the
    script holds something the notebook lacks."""

    cell: int | None
    cell_line: int
    line: int
    notebook: str
    script: str
    ahead: bool


def _difference(ours: list[Unit], theirs: list[Unit]) -> Difference | None:
    for mine, other in zip_longest(ours, theirs):
        if mine and other and mine[1:3] == other[1:3]:
            continue
        a, b = mine or (None, "", (), ()), other or (0, "", (), ())
        pairs = list(zip_longest(a[2], b[2]))
        k = next((i for i, (x, y) in enumerate(pairs) if x != y), 0)
        ahead = not _subsequence(_flat(theirs), _flat(ours))
        if mine and other and a[1] != b[1]:
            return Difference(a[0], 0, b[0], f"a {a[1]} cell", f"a {b[1]} cell", ahead)
        ours_, theirs_ = pairs[k] if pairs else (None, None)
        return Difference(
            a[0],
            a[3][k] if k < len(a[3]) else 0,
            b[3][k] if k < len(b[3]) else b[0],
            _quote(ours_) if a[2] or not mine else "an empty cell",
            _quote(theirs_) if b[2] or not other else "an empty cell",
            ahead,
        )
    return None


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
    result, follows = [], False
    for line, inside in zip(lines, quoted(lines)):
        if not inside and (follows or is_magic(line)):
            bare = line if follows else line.lstrip()
            follows = line.rstrip().endswith("\\")
            line = line[: len(line) - len(bare)] + "# " + bare
        result.append(line)
    return result


def _cell_text(cell: Cell) -> tuple[list[str], int | None]:
    """A cell as a percent script holds it, and the blank lines its metadata asks
    for after it."""
    metadata = _table(cell.data.get("metadata"))
    gap = metadata.get("lines_to_next_cell")
    options = {k: v for k, v in metadata.items() if k not in SKIPPED_CELL_METADATA}
    source = cell.source.splitlines() + [""] * cell.source.endswith("\n") or [""]
    language, args = _cell_language(cell.source)
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

    metadata = _table(notebook.data.get("metadata"))
    kept = {key: metadata[key] for key in KEPT_METADATA if key in metadata}
    jupytext = dict(_table(kept.get("jupytext")))
    jupytext.pop("formats", None)
    jupytext.update({"formats": formats} if formats else {})
    representation = {"extension": ".py", "format_name": "percent"}
    representation["format_version"] = "1.3"
    representation.update({"jupytext_version": version} if version else {})
    kept["jupytext"] = {**jupytext, "text_representation": representation}
    first = notebook.cells[0] if notebook.cells else None
    front = first.source.strip().splitlines()[1:-1] if first and (
        _is_front_matter(first)
    ) else []  # fmt: skip
    dump = yaml.safe_dump({"jupyter": kept}, default_flow_style=False)
    return _commented(["---", *front, *dump.splitlines(), "---"])


def percent_script(notebook: Notebook, formats: str | None, version: str = "") -> str:
    """The notebook as jupytext writes a percent script, ``formats`` (if any) and
    the ``jupytext_version`` (if any) in its header."""
    cells = [c for c in notebook.cells if c.kind in ("code", "markdown", "raw")]
    lines: list[str] = []
    for cell in reversed([c for c in cells if not _is_front_matter(c)]):
        text, gap = _cell_text(cell)
        lines = text + [""] * (_pep8_gap(text, lines) if gap is None else gap) + lines
    header = _yaml_header(notebook, formats, version)
    return "\n".join(header + [""] * _pep8_gap(header, lines) + lines)


# Findings.


def _mlh101(path: str, what: str, fix: str) -> Diagnostic:
    return file_diagnostic(path, "MLH101", f"{what}: {WHY}; {fix}")


def _write(project: Project, notebook: Notebook, pairing: Pairing, old: str) -> bool:
    """Write the script (CRLF kept, jupytext_version kept); False if it can't be."""
    version = read_script(old).header_value("jupytext_version") if old else ""
    text = percent_script(notebook, pairing.header, version)
    text = text.replace("\n", "\r\n") if "\r\n" in old else text
    try:
        return write_atomic(project.ctx.root / pairing.script, text.encode("utf-8"))
    except OSError:
        return False


def _missing(project: Project, notebook: Notebook, pairing: Pairing) -> Diagnostic:
    path, script = notebook.path, pairing.script
    set_formats = f"jupytext --set-formats ipynb,py:percent {path}"
    if not script:
        what = f"{pairing.origin} pair it with no Python script"
        return _mlh101(path, what, f"pair it with one: {set_formats}")
    writable = pairing.format_name in ("", "percent")
    fix = "run check-notebook-pairing --fix to write it, or: " if writable else "run: "
    fix += f"jupytext --sync {path}" if pairing.origin else set_formats
    if pairing.origin:
        what = f"paired script {script} (declared by {pairing.origin}) does not exist"
    else:
        also = f" (or {', '.join(pairing.others)})" if pairing.others else ""
        what = f"no paired script: expected {script}{also}"
    diag = _mlh101(path, what, fix)
    if project.ctx.fix and writable and _write(project, notebook, pairing, ""):
        diag = replace(diag, fixed=True)
    return diag


def _committed(project: Project, path: str) -> Notebook | None:
    """The notebook as the last commit holds it (None when it holds none)."""
    import subprocess

    try:
        done = subprocess.run(
            ("git", "show", f"HEAD:{path}"), cwd=project.ctx.root, capture_output=True
        )
        if done.returncode == 0:
            return parse_notebook(path, decode(done.stdout, path))
    except (OSError, FileProblem):
        pass
    return None


def _stale(project: Project, notebook: Notebook, script: Script, text: str) -> bool:
    """Whether the script holds just the last commit's notebook (so rewriting it
    loses nothing)."""
    old = _committed(project, notebook.path)
    return old is not None and _flat(_units(old, script, text)[0]) == _flat(
        _units(notebook, script, text)[1]
    )


def _sync_fix(path: str, percent: bool, safe: bool) -> str:
    if not percent:
        return f"run: jupytext --sync {path} (--fix writes percent scripts only)"
    if not safe:
        return (
            "the script holds code the notebook lacks, so --fix leaves it; run:"
            f" jupytext --sync {path}, or update the notebook"
        )
    return f"run check-notebook-pairing --fix to update it, or: jupytext --sync {path}"


def _out_of_sync(
    project: Project, notebook: Notebook, pairing: Pairing
) -> list[Diagnostic]:
    path, name = notebook.path, pairing.script
    text = project.text(name)
    if isinstance(text, Diagnostic):
        return [text]
    script = read_script(text, pairing.format_name)
    units = _units(notebook, script, text) if script.format_name in COMPARED else []
    difference = _difference(*units) if units else None
    if difference is None or _same_code(notebook, script, units):
        return []
    percent = script.format_name == "percent"
    safe = not difference.ahead or _stale(project, notebook, script, text)
    at, theirs = f"line {difference.line}", difference.script
    script_side = f"script {at}: {theirs}" if difference.line else "the script ends"
    what = (
        f"paired script {name} differs from here (notebook: {difference.notebook};"
        f" {script_side})"
        if difference.cell
        else f"paired script {name} holds more than the notebook from {at} ({theirs})"
    )
    message = f"{what}: {WHY_SYNC}; {_sync_fix(path, percent, safe)}"
    line, cell = difference.cell_line, difference.cell
    diag = Diagnostic(path, line, 1 if line else 0, "MLH102", message, cell=cell)
    if (
        project.ctx.fix
        and percent
        and safe
        and _write(project, notebook, pairing, text)
    ):
        diag = replace(diag, fixed=True)
    return [diag]


def _placement(ctx: Context, path: str) -> list[Diagnostic]:
    """MLH103 and MLH104: where the notebook is and how it is named."""
    found, (folder, name) = [], posixpath.split(path)
    dirs = [d.strip("/") for d in ctx.settings.notebook_dirs if d.strip("/")]
    outside = bool(dirs) and _below(path, dirs) is None
    misnamed = ctx.settings.check_naming and not NAMING.fullmatch(name)
    move = "git mv" if (outside or misnamed) and path in ctx.repo.tracked_set else "mv"
    if outside:
        command = f"{move} {path} {dirs[0]}/{name}"
        script = path[: -len(".ipynb")] + ".py"
        if (ctx.root / script).is_file():
            command += f" && {move} {script} {dirs[0]}/{posixpath.basename(script)}"
        message = (
            f"notebook outside {', '.join(dirs)}: the guideline's folder template"
            " (Cookiecutter Data Science) keeps exploration notebooks in notebooks/,"
            f" apart from the code; move it: {command}"
        )
        found.append(file_diagnostic(path, "MLH103", message))
    if misnamed:
        slug = re.sub(r"\W+", "-", name[: -len(".ipynb")].lower()).strip("-")
        target = posixpath.join(folder, f"1.0-<initials>-{slug or 'eda'}.ipynb")
        message = (
            f"notebook name {name} is not <step>-<initials>-<description>.ipynb (e.g."
            " 1.0-jqp-initial-data-exploration.ipynb): Cookiecutter Data Science names"
            " notebooks by order, author and topic so the exploration reads in order;"
            f" rename it, e.g.: {move} {path} {target}"
        )
        found.append(file_diagnostic(path, "MLH104", message))
    return found


def _judge(project: Project, path: str) -> list[Diagnostic]:
    """Every finding about one notebook and its pair."""
    notebook = project.notebook(path)
    if isinstance(notebook, Diagnostic):
        return [notebook]
    found = _placement(project.ctx, path)
    pairing = project.pairing(path)
    if isinstance(pairing, Diagnostic):
        return found + [pairing]
    if pairing.script and (project.ctx.root / pairing.script).is_file():
        return found + _out_of_sync(project, notebook, pairing)
    if not project.ctx.settings.require_pairing:
        return found
    return found + [_missing(project, notebook, pairing)]


def _notebooks_of(project: Project, script: str) -> list[str]:
    """The notebooks whose paired script is ``script``: named by its header's
    formats, by a jupytext configuration, or by name; each confirmed by its own
    pairing (a broken notebook named by the header or the name counts too)."""
    stem, text = script[: -len(".py")], project.text(script)
    candidates = {stem + ".ipynb": True}
    groups = (
        [read_script(text).header_value("formats")] if isinstance(text, str) else []
    )
    config = project.config(posixpath.dirname(script))
    groups += config[1] if isinstance(config, tuple) else []
    for group in filter(None, groups):
        try:
            pairs = paired_paths(script, long_forms(group))
        except PairingError:
            continue
        candidates.update((p, True) for p, _ in pairs if p.endswith(".ipynb"))
    if _below(script, project.ctx.settings.script_dirs) is not None:
        name = posixpath.basename(stem) + ".ipynb"
        same = [p for p in project.ctx.repo.tracked if posixpath.basename(p) == name]
        candidates.update((p, False) for p in same if p not in candidates)
    found = []
    for path, named in candidates.items():
        exists = (project.ctx.root / path).is_file()
        pairing = project.pairing(path) if exists else None
        broken = named and isinstance(pairing, Diagnostic)
        if broken or isinstance(pairing, Pairing) and pairing.script == script:
            found.append(path)
    return found


def check_notebook_pairing(ctx: Context) -> list[Diagnostic]:
    """Findings for each notebook given, and for the notebook of each script given
    that is a notebook's pair; every notebook judged once."""
    project, notebooks = Project(ctx), dict[str, None]()
    for name in ctx.filenames:
        if (ctx.root / name).is_file() and ".ipynb_checkpoints/" not in name:
            found = [name] if name.endswith(".ipynb") else _notebooks_of(project, name)
            notebooks.update((path, None) for path in found if ctx.included(path))
    return [diag for path in notebooks for diag in _judge(project, path)]


HOOK = Hook(
    id=HOOK_ID,
    summary="Every notebook has a paired script (jupytext's pairing, or a same-name"
    " .py) holding the same code, and lives in the notebook folders.",
    section="notebooks",
    codes=CODES,
    check=check_notebook_pairing,
    options=OPTIONS,
    files=r"\.(ipynb|py)$",
    fixable=True,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
