"""check-notebook-pairing: every notebook is the companion of a script with its code.

The guideline recommends scripts and discourages notebooks (スクリプト形式を推奨、
Notebook 形式は非推奨): git diffs, reviews and merges scripts, not notebook JSON. Teams
still explore in notebooks, so a notebook may exist only beside a paired script (as
jupytext pairs them, else by name) holding the same code; a script given alone is
judged when it is some notebook's pair. Percent (and hydrogen) scripts are compared
cell by cell, light and nomarker scripts by their code lines, other formats not at
all; a difference in layout only (black's, or comments) does not count when both sides
parse to the same Python. ``--fix`` writes a missing or stale script as jupytext
writes a percent script, but never over code the notebook lacks (unless that code is
exactly the last commit's notebook).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from itertools import zip_longest
from pathlib import Path
from typing import Any, Iterable, Sequence

from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option
from mlhooks._diagnostics import Diagnostic, file_diagnostic
from mlhooks._files import FileProblem, decode, write_atomic
from mlhooks._i18n import N_, tr
from mlhooks._jupytext import Script, read_script
from mlhooks._notebooks import Notebook, parse_notebook, python_source
from mlhooks._pairing import Pairing, Project, below, paired_with
from mlhooks._percent import LANGUAGE, Unit, bare_magics, percent_script, units

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
COMPARED = {"percent", "hydrogen", "light", "nomarker"}  # formats read well enough
NAMING = re.compile(r"\d+(?:\.\d+)*-[A-Za-z][A-Za-z0-9_]*-\w[\w.-]*\.ipynb")


# Comparing.


def _tree(sources: Iterable[str]) -> str | None:
    """The Python of these cells as one syntax tree (None if it does not parse):
    the same whatever black did to the layout, comments aside."""
    import ast

    cells = (python_source("\n".join(bare_magics(s.split("\n")))) for s in sources)
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


def _same_code(
    notebook: Notebook, script: Script, ours: list[Unit], theirs: list[Unit]
) -> bool:
    """Whether a difference is layout only: the same text cells, the same Python."""
    code = [c for c in script.cells if c.kind == "code"]
    code = [c for c in code if not LANGUAGE.search(c.options)]  # as python_source
    tree = _tree(c.source for c in notebook.cells if c.kind == "code")
    same = _shape(ours) == _shape(theirs) and tree is not None
    return same and tree == _tree("\n".join(c.lines) for c in code)


def _subsequence(short: list[Any], long: list[Any]) -> bool:
    items = iter(long)
    return all(item in items for item in short)


def _flat(units: Sequence[Unit]) -> list[tuple[str, str]]:
    return [(unit.kind, line) for unit in units for line in unit.lines]


def _quote(line: str | None) -> str:
    if line is None:
        return tr("nothing")
    line = line.strip()
    line = line if len(line) <= 40 else line[:37] + "..."
    return f'"{line}"' if "'" in line and '"' not in line else f"'{line}'"


@dataclass(frozen=True)
class Difference:
    """Where notebook and script part: the notebook cell (None past its last one)
    and line in it, the script line, and what each side holds there."""

    cell: int | None
    cell_line: int
    line: int
    notebook: str
    script: str

    def what(self, name: str) -> str:
        """The difference told, for the script ``name``."""
        values = {"name": name, "line": self.line, "script": self.script}
        values["notebook"] = self.notebook
        if not self.cell:
            template = N_(
                "paired script {name} holds more than the notebook from line {line}"
                " ({script})"
            )
        elif not self.line:
            template = N_(
                "paired script {name} differs from here (notebook: {notebook}; the"
                " script ends)"
            )
        else:
            template = N_(
                "paired script {name} differs from here (notebook: {notebook}; script"
                " line {line}: {script})"
            )
        return tr(template, **values)


def _difference(ours: list[Unit], theirs: list[Unit]) -> Difference | None:
    """The first unit where notebook and script differ (None if none does)."""
    for mine, other in zip_longest(ours, theirs):
        if mine and other and (mine.kind, mine.lines) == (other.kind, other.lines):
            continue
        if mine and other and mine.kind != other.kind:
            kinds = (tr("a {kind} cell", kind=unit.kind) for unit in (mine, other))
            return Difference(mine.where, 0, other.where, *kinds)
        a, b = mine or Unit(0, "", (), ()), other or Unit(0, "", (), ())
        pairs = list(zip_longest(a.lines, b.lines))
        k = next((i for i, (x, y) in enumerate(pairs) if x != y), 0)
        ours_, theirs_ = pairs[k] if pairs else (None, None)
        return Difference(
            mine.where if mine else None,
            a.numbers[k] if k < len(a.numbers) else 0,
            b.numbers[k] if k < len(b.numbers) else b.where,
            _quote(ours_) if a.lines or not mine else tr("an empty cell"),
            _quote(theirs_) if b.lines or not other else tr("an empty cell"),
        )
    return None


# Findings.


def _mlh101(path: str, what: str, fix: str) -> Diagnostic:
    message = tr(
        "{what}: the guideline prefers scripts, which git can diff and review, to"
        " notebooks; {fix}",
        what=what,
        fix=fix,
    )
    return file_diagnostic(path, "MLH101", message)


def _fixed(
    ctx: Context, diag: Diagnostic, notebook: Notebook, pairing: Pairing, old: str
) -> Diagnostic:
    """With --fix, the script written (CRLF and jupytext_version kept from ``old``)
    and the finding marked fixed; unmarked when the script can't be written."""
    if not ctx.fix:
        return diag
    version = read_script(old).header_value("jupytext_version") if old else ""
    text = percent_script(notebook, pairing.header, version)
    text = text.replace("\n", "\r\n") if "\r\n" in old else text
    try:
        written = write_atomic(ctx.root / pairing.script, text.encode("utf-8"))
    except OSError:
        written = False
    return replace(diag, fixed=True) if written else diag


def _missing(ctx: Context, notebook: Notebook, pairing: Pairing) -> Diagnostic:
    path, script = notebook.path, pairing.script
    set_formats = f"jupytext --set-formats ipynb,py:percent {path}"
    if not script:
        what = tr("{origin} pair it with no Python script", origin=pairing.origin)
        return _mlh101(
            path, what, tr("pair it with one: {command}", command=set_formats)
        )
    writable = pairing.format_name in ("", "percent")
    command = f"jupytext --sync {path}" if pairing.origin else set_formats
    fix = tr("run: {command}", command=command)
    if writable:
        fix = tr(
            "run check-notebook-pairing --fix to write it, or: {command}",
            command=command,
        )
    if pairing.origin:
        what = tr(
            "paired script {script} (declared by {origin}) does not exist",
            script=script,
            origin=pairing.origin,
        )
    elif pairing.others:
        others = ", ".join(pairing.others)
        template = N_("no paired script: expected {script} (or {others})")
        what = tr(template, script=script, others=others)
    else:
        what = tr("no paired script: expected {script}", script=script)
    diag = _mlh101(path, what, fix)
    return _fixed(ctx, diag, notebook, pairing, "") if writable else diag


def _committed(root: Path, path: str) -> Notebook | None:
    """The notebook as the last commit holds it (None when it holds none)."""
    import subprocess

    try:
        done = subprocess.run(
            ("git", "show", f"HEAD:{path}"), cwd=root, capture_output=True
        )
        if done.returncode == 0:
            return parse_notebook(path, decode(done.stdout, path))
    except (OSError, FileProblem):
        pass
    return None


def _stale(root: Path, notebook: Notebook, script: Script, text: str) -> bool:
    """Whether the script holds just the last commit's notebook (so rewriting it
    loses nothing)."""
    old = _committed(root, notebook.path)
    if old is None:
        return False
    return _flat(units(old, script, text)[0]) == _flat(units(notebook, script, text)[1])


def _sync_fix(path: str, percent: bool, safe: bool) -> str:
    if not percent:
        return tr(
            "run: jupytext --sync {path} (--fix writes percent scripts only)", path=path
        )
    if not safe:
        return tr(
            "the script holds code the notebook lacks, so --fix leaves it; run:"
            " jupytext --sync {path}, or update the notebook",
            path=path,
        )
    return tr(
        "run check-notebook-pairing --fix to update it, or: jupytext --sync {path}",
        path=path,
    )


def _out_of_sync(
    ctx: Context, project: Project, notebook: Notebook, pairing: Pairing
) -> list[Diagnostic]:
    path, name = notebook.path, pairing.script
    text = project.text(name)
    if isinstance(text, Diagnostic):
        return [text]
    script = read_script(text, pairing.format_name)
    if script.format_name not in COMPARED:
        return []
    ours, theirs = units(notebook, script, text)
    difference = _difference(ours, theirs)
    if difference is None or _same_code(notebook, script, ours, theirs):
        return []
    percent = script.format_name == "percent"
    behind = _subsequence(_flat(theirs), _flat(ours))  # the notebook holds it all
    safe = behind or _stale(ctx.root, notebook, script, text)
    message = tr(
        "{what}: a script that differs from its notebook misleads every diff and"
        " review; {fix}",
        what=difference.what(name),
        fix=_sync_fix(path, percent, safe),
    )
    line, cell = difference.cell_line, difference.cell
    diag = Diagnostic(path, line, 1 if line else 0, "MLH102", message, cell=cell)
    return [_fixed(ctx, diag, notebook, pairing, text) if percent and safe else diag]


def _placement(ctx: Context, path: str) -> list[Diagnostic]:
    """MLH103 and MLH104: where the notebook is and how it is named."""
    found, (folder, name) = [], posixpath.split(path)
    dirs = [d.strip("/") for d in ctx.settings.notebook_dirs if d.strip("/")]
    outside = bool(dirs) and below(path, dirs) is None
    misnamed = ctx.settings.check_naming and not NAMING.fullmatch(name)
    move = "git mv" if (outside or misnamed) and path in ctx.repo.tracked_set else "mv"
    if outside:
        command = f"{move} {path} {dirs[0]}/{name}"
        script = path[: -len(".ipynb")] + ".py"
        if (ctx.root / script).is_file():
            command += f" && {move} {script} {dirs[0]}/{posixpath.basename(script)}"
        message = tr(
            "notebook outside {dirs}: the guideline's folder template (Cookiecutter"
            " Data Science) keeps exploration notebooks in notebooks/, apart from the"
            " code; move it: {command}",
            dirs=", ".join(dirs),
            command=command,
        )
        found.append(file_diagnostic(path, "MLH103", message))
    if misnamed:
        slug = re.sub(r"\W+", "-", name[: -len(".ipynb")].lower()).strip("-")
        target = posixpath.join(folder, f"1.0-<initials>-{slug or 'eda'}.ipynb")
        message = tr(
            "notebook name {name} is not <step>-<initials>-<description>.ipynb (e.g."
            " 1.0-jqp-initial-data-exploration.ipynb): Cookiecutter Data Science names"
            " notebooks by order, author and topic so the exploration reads in order;"
            " rename it, e.g.: {command}",
            name=name,
            command=f"{move} {path} {target}",
        )
        found.append(file_diagnostic(path, "MLH104", message))
    return found


def _judge(ctx: Context, project: Project, path: str) -> list[Diagnostic]:
    """Every finding about one notebook and its pair."""
    notebook = project.notebook(path)
    if isinstance(notebook, Diagnostic):
        return [notebook]
    found, pairing = _placement(ctx, path), project.pairing(path)
    if isinstance(pairing, Diagnostic):
        return found + [pairing]
    if pairing.error:
        origin, error = pairing.origin, pairing.error
        what = tr("{origin} do not pair it ({error})", origin=origin, error=error)
        command = f"jupytext --set-formats ipynb,py:percent {path}"
        fix = tr("fix them: {command}", command=command)
        return found + [_mlh101(path, what, fix)]
    if pairing.script and (ctx.root / pairing.script).is_file():
        return found + _out_of_sync(ctx, project, notebook, pairing)
    if not ctx.settings.require_pairing:
        return found
    return found + [_missing(ctx, notebook, pairing)]


def _notebooks_of(project: Project, script: str) -> list[str]:
    """The notebooks whose paired script is ``script``: named by its header's
    formats, by a jupytext configuration, or by name; each confirmed by its own
    pairing (a broken notebook named by the header or the name counts too)."""
    stem, text = script[: -len(".py")], project.text(script)
    header = read_script(text).header_value("formats") if isinstance(text, str) else ""
    config = project.config(posixpath.dirname(script))
    groups = [header, *(config[1] if isinstance(config, tuple) else [])]
    candidates = {stem + ".ipynb": True}
    for group in filter(None, groups):
        paths = paired_with(script, group)
        candidates.update((p, True) for p in paths if p.endswith(".ipynb"))
    if below(script, project.script_dirs) is not None:
        name = posixpath.basename(stem) + ".ipynb"
        same = [p for p in project.repo.tracked if posixpath.basename(p) == name]
        candidates.update((p, False) for p in same if p not in candidates)
    found = []
    for path, named in candidates.items():
        pairing = project.pairing(path) if (project.root / path).is_file() else None
        if isinstance(pairing, Pairing) and not pairing.error:
            paired = pairing.script == script
        else:  # a notebook that does not parse, or formats that do not pair it
            paired = named and pairing is not None
        if paired:
            found.append(path)
    return found


def check_notebook_pairing(ctx: Context) -> list[Diagnostic]:
    """Findings for each notebook given, and for the notebook of each script given
    that is a notebook's pair; every notebook judged once."""
    dirs = ctx.settings.notebook_dirs, ctx.settings.script_dirs
    project, notebooks = Project(ctx.repo, *dirs), dict[str, None]()
    for name in ctx.filenames:
        if (ctx.root / name).is_file() and ".ipynb_checkpoints/" not in name:
            found = [name] if name.endswith(".ipynb") else _notebooks_of(project, name)
            notebooks.update((path, None) for path in found if ctx.included(path))
    return [diag for path in notebooks for diag in _judge(ctx, project, path)]


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
