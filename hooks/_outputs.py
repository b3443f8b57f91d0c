"""Notebook outputs (shared by strip- and check-notebook-outputs): what is volatile,
the findings, and a rewrite that strips exactly what is reported (not what settings or
noqa silence), never touches cell sources, and keeps the file's JSON style: indentation,
key order, separators, ``ensure_ascii``, CRLF, BOM, cell ids. nbformat 3 notebooks lose
``outputs`` and ``prompt_number`` in place, unconverted.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from mlhooks._cli import Context
from mlhooks._config import ConfigError, Option, Settings
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import BOM, FileProblem, read_text, write_atomic
from mlhooks._i18n import N_, tr
from mlhooks._notebooks import dump_notebook, parse_notebook, raw_cells

CODES = {
    "MLH111": "a code cell has outputs",
    "MLH112": "a code cell has an execution count but no outputs",
    "MLH113": "the notebook is over max-size even stripped (opt-in)",
    "MLH114": "volatile metadata: widget state, signatures, run timing and records",
}
MAX_BYTES = 100 << 20  # notebooks full of plots are big, and they most need stripping
NOTEBOOK_VOLATILE = ("widgets", "signature", "papermill")
CELL_VOLATILE = ("execution", "ExecuteTime", "papermill", "executionInfo", "outputId")
VIEW_STATE = "collapsed scrolled jupyter.outputs_hidden jupyter.source_hidden"
VIEW_STATE += " heading_collapsed hidden"
KEEP_TAGS = ["keep-output", "keep_output"]
KEEP = "kernelspec language_info jupytext tags slideshow vscode editable deletable"
OPTIONS = (
    Option("keep-output-tags", "list", KEEP_TAGS, "tags that keep a cell's outputs"),
    Option("keep-metadata", "list", KEEP.split(), "metadata keys or paths to keep"),
    Option("strip-metadata", "list", [], "metadata paths to strip too: metadata.x"),
    Option("strip-collapsed", "bool", False, f"strip {VIEW_STATE.replace(' ', ', ')}"),
    Option("max-size", "int", 0, "KiB a stripped notebook may weigh (0: no limit)"),
)
PATH = re.compile(r"(?:cell\.)?metadata(?:\.[^.\s]+)+")
V3_MIME = {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}
V3_MIME.update(html="text/html", latex="text/latex", text="text/plain")


@dataclass(frozen=True)
class Rules:
    """The resolved options: tags that keep outputs, metadata keys to strip."""

    keep_tags: tuple[str, ...]
    notebook_keys: tuple[str, ...]
    cell_keys: tuple[str, ...]


def make_rules(settings: Settings) -> Rules:
    """The rules the options ask for; ConfigError for a bad strip-metadata path."""
    keep = {name for name in settings.keep_metadata if PATH.fullmatch(name)}
    for name in set(settings.keep_metadata) - keep:
        keep.update({f"metadata.{name}", f"cell.metadata.{name}"})
    for path in settings.strip_metadata:
        if path in keep or not PATH.fullmatch(path):
            raise ConfigError(
                f"strip-metadata: {path!r} must be a path like metadata.<key> or"
                " cell.metadata.<key>, and not in keep-metadata"
            )
    cell = CELL_VOLATILE + tuple(VIEW_STATE.split() * settings.strip_collapsed)
    strip = [f"metadata.{key}" for key in NOTEBOOK_VOLATILE]
    strip += [f"cell.metadata.{key}" for key in cell] + settings.strip_metadata
    strip = [path for path in dict.fromkeys(strip) if path not in keep]
    return Rules(
        tuple(settings.keep_output_tags),
        tuple(path[9:] for path in strip if path.startswith("metadata.")),
        tuple(path[14:] for path in strip if path.startswith("cell.")),
    )


def _has(node: Any, path: str) -> bool:
    """Whether the dotted ``path`` is in ``node``; as nbstripout does, a key that
    holds periods itself ("application/vnd.databricks.v1+cell") is tried whole first."""
    if not isinstance(node, dict):
        return False
    head, _, rest = path.partition(".")
    return path in node or (head in node and bool(rest) and _has(node[head], rest))


def output_kind(output: Any) -> str:
    """``stream stderr``, ``error ValueError``, or a display's richest MIME type."""
    output = output if isinstance(output, dict) else {}
    kind = str(output.get("output_type", "unknown"))
    if kind == "stream":
        return f"stream {output.get('name', output.get('stream'))}"
    if kind in ("error", "pyerr"):
        return f"error {output.get('ename')}"
    data = output.get("data")
    mimes = list(data) if isinstance(data, dict) else [V3_MIME.get(k) for k in output]
    rich = [m for m in mimes if m and m != "text/plain"] or [m for m in mimes if m]
    return rich[0] if rich else kind


def keeps_output(cell: dict[str, Any], rules: Rules) -> bool:
    """A keep tag, or the cell metadata nbstripout honours: ``keep_output: true``
    and ``init_cell: true`` (the init_cell extension runs such cells on open)."""
    meta = cell.get("metadata")
    meta = meta if isinstance(meta, dict) else {}
    tags = meta.get("tags")
    tagged = isinstance(tags, list) and any(tag in rules.keep_tags for tag in tags)
    return tagged or meta.get("keep_output") is True or meta.get("init_cell") is True


def _cell_message(cell: dict[str, Any], rules: Rules) -> tuple[str, str] | None:
    """MLH111 or MLH112 and the message, for a code cell not marked to keep."""
    if keeps_output(cell, rules):
        return None
    outputs, count = cell.get("outputs"), cell.get("execution_count")
    if isinstance(outputs, list) and outputs:
        kinds = Counter(map(output_kind, outputs))  # in order of first appearance
        what = ", ".join(k if n == 1 else f"{k} x{n}" for k, n in kinds.items())
        head = N_("cell has {n} outputs ({what})")
        head = head if outputs[1:] else N_("cell has 1 output ({what})")
        fix = tr("run strip-notebook-outputs")
        for tag in rules.keep_tags[:1]:
            fix = tr(
                "run strip-notebook-outputs, or tag the cell {tag} to keep them",
                tag=tag,
            )
        why = tr(
            "notebook outputs are the usual leak of personal data and API keys, and"
            " they bloat git history; {fix}",
            fix=fix,
        )
        return "MLH111", f"{tr(head, n=len(outputs), what=what)}: {why}"
    count = cell.get("prompt_number", count)
    if count is None:
        return None
    return "MLH112", tr(
        "cell has execution count {count} but no outputs: counts change on every"
        " run and clutter diffs; run strip-notebook-outputs",
        count=count,
    )


def _metadata_message(where: str, keys: tuple[str, ...]) -> str:
    head = N_("cell metadata holds {keys}")
    head = head if where == "cell" else N_("notebook metadata holds {keys}")
    fix = tr("run strip-notebook-outputs, or list it in keep-metadata")
    if keys[1:]:
        fix = tr("run strip-notebook-outputs, or list them in keep-metadata")
    why = tr(
        "run and view state (and keys set in strip-metadata) churn diffs and can"
        " carry user data; {fix}",
        fix=fix,
    )
    return f"{tr(head, keys=', '.join(keys))}: {why}"


def find(path: str, data: dict[str, Any], rules: Rules) -> list[Diagnostic]:
    """Every finding in the notebook ``data``, in file order."""
    keys = tuple(k for k in rules.notebook_keys if _has(data.get("metadata"), k))
    message = _metadata_message("notebook", keys)
    found = [Diagnostic(path, 0, 0, "MLH114", message)] if keys else []
    meta = data.get("metadata")
    keep_all = isinstance(meta, dict) and meta.get("keep_output") is True
    for number, cell in enumerate(raw_cells(data), start=1):
        if not isinstance(cell, dict):
            continue
        code = cell.get("cell_type") == "code" and not keep_all
        if code and (coded := _cell_message(cell, rules)):
            found.append(Diagnostic(path, 0, 0, *coded, cell=number))
        if keys := tuple(k for k in rules.cell_keys if _has(cell.get("metadata"), k)):
            message = _metadata_message("cell", keys)
            found.append(Diagnostic(path, 0, 0, "MLH114", message, cell=number))
    return found


def _pop(node: dict[str, Any], path: str) -> None:
    head, _, rest = path.partition(".")
    child = node.get(head)
    if path in node or not rest:
        node.pop(path, None)
    elif isinstance(child, dict):
        _pop(child, rest)
        if not child:  # a parent emptied by the strip goes too
            del node[head]


def strip(data: dict[str, Any], found: list[Diagnostic], rules: Rules) -> None:
    """Remove from ``data`` what the findings ``find`` returned name."""
    cells = raw_cells(data)
    for diag in found:
        node = data if diag.cell is None else cells[diag.cell - 1]
        if diag.code == "MLH114":
            for key in rules.cell_keys if diag.cell else rules.notebook_keys:
                _pop(node["metadata"], key)
        else:  # MLH111, MLH112
            node.pop("prompt_number", None)  # nbformat 3: an optional key
            if "execution_count" in node:
                node["execution_count"] = None
            if diag.code == "MLH111":
                node["outputs"] = []


def _size(path: str, size: int, data: dict[str, Any], max_kib: int) -> list[Diagnostic]:
    if max_kib <= 0 or size <= max_kib << 10:
        return []
    dumps = (json.dumps(c, ensure_ascii=False).encode() for c in raw_cells(data))
    big, number = max(((len(d), n) for n, d in enumerate(dumps, 1)), default=(0, 0))
    head = N_("notebook is {size} KiB even stripped, over the max-size of {max} KiB")
    if number:
        head = N_(
            "notebook is {size} KiB even stripped, over the max-size of {max} KiB"
            " (largest: cell {cell}, {big} KiB)"
        )
    values = dict(size=-(-size // 1024), max=max_kib, cell=number, big=-(-big // 1024))
    why = tr(
        "embedded images and attachments stay in git history forever; save them as"
        " image files and link them"
    )
    message = f"{tr(head, **values)}: {why}"
    return [Diagnostic(path, 0, 0, "MLH113", message)]


def check_file(ctx: Context, path: str, rules: Rules, write: bool) -> list[Diagnostic]:
    """Findings of one notebook; with ``write``, the file is stripped of them."""
    full = ctx.root / path
    try:
        notebook = parse_notebook(path, read_text(ctx.root, path, MAX_BYTES))
    except FileProblem as exc:
        return [exc.diagnostic]
    ctx.silenced.notebook(path, notebook)  # parsed once, for noqa lookups too
    silenced, data = ctx.silenced, notebook.data
    found = [diag for diag in find(path, data, rules) if not silenced(diag)]
    size = full.stat().st_size
    if found and (write or ctx.settings.max_size > 0):  # a check only reports
        strip(data, found, rules)
        with full.open("rb") as handle:
            bom = handle.read(len(BOM)) == BOM  # read_text drops it
        size = len(new := dump_notebook(data, notebook.text, bom))
        if write and write_atomic(full, new):
            found = [replace(diag, fixed=True) for diag in found]
    more = _size(path, size, data, ctx.settings.max_size)
    return found + [diag for diag in more if not silenced(diag)]


def check_notebooks(ctx: Context, write: bool) -> list[Diagnostic]:
    """Findings of every notebook in ``ctx.filenames``; ``write`` strips them."""
    rules = make_rules(ctx.settings)
    paths = [path for path in ctx.filenames if (ctx.root / path).is_file()]
    return [d for path in paths for d in check_file(ctx, path, rules, write)]
