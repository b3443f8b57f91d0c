"""check-dead-code: code the processing does not need is deleted.

The guideline (成果物と品質) asks that code the processing does not need be deleted
(処理に不要なコードを削除): unused imports and variables, code that can never run,
branches switched off with ``if False:``, debugger calls left in, and functions or
classes nothing uses mislead every reader and reviewer and hide the real processing.
Python files and notebooks are checked (a notebook's code cells are one namespace, and
names in magics count as used). Whether a module-level function or class is used is
judged by name over every tracked Python file, notebook, configuration file, script and
document, through a cache keyed by content, so a commit re-reads only what changed.
``--fix`` removes unused imports and unreachable code (in notebooks, in cells without
magics).
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from mlhooks import _cache, _defs, _flow, _scan, _summary, _usage
from mlhooks._cache import CACHE_DIR, Mentions, Store, content_ids
from mlhooks._cli import Context, Hook, run
from mlhooks._config import Option
from mlhooks._defs import Definition, matches_any, mentions, notebook_code
from mlhooks._diagnostics import Diagnostic
from mlhooks._files import write_atomic
from mlhooks._i18n import LANGUAGES, RULES, language, tr
from mlhooks._pyedit import fixes
from mlhooks._summary import Module, Summary, from_json, load_module, summarise, to_json

HOOK_ID = "check-dead-code"
CODES = {
    "MLH201": "unused import",
    "MLH202": "local variable assigned but never read",
    "MLH203": "unreachable code after return, raise, continue, break or an exit call",
    "MLH204": "branch under a literal false test (if False:, while 0:)",
    "MLH205": "debugger call left in (breakpoint(), pdb.set_trace(), IPython.embed())",
    "MLH206": "module-level function or class used nowhere in the repository",
}
OPTIONS = (
    Option(
        "ignore-names",
        "list",
        [],
        "globs of names MLH206 never reports (functions, classes, Class.method)",
    ),
    Option(
        "ignore-decorators",
        "list",
        [],
        "globs of decorators whose functions and classes count as used (app.*)",
    ),
    Option(
        "ignore-bases",
        "list",
        [],
        "globs of base classes whose subclasses count as used",
    ),
    Option(
        "check-methods",
        "bool",
        False,
        "also report methods used nowhere (classes without a base only)",
    ),
)
REFERENCES = re.compile(
    r"\.(?:py|pyi|pyx|ipynb|ya?ml|toml|cfg|ini|json|md|rst|sh|bash|mk|html|j2|jinja2?)$"
    r"|(?:^|/)(?:Makefile|Dockerfile|Procfile|Justfile|Snakefile)$"
)
MAX_REFERENCE = 16 << 20
FIXABLE = ("MLH201", "MLH203")


def _read(root: Path, path: str) -> bytes | None:
    try:
        full = root / path
        return full.read_bytes() if full.stat().st_size <= MAX_REFERENCE else None
    except OSError:
        return None


def _extract(path: str, data: bytes) -> set[str]:
    text = data.decode("utf-8", "replace")
    return mentions(notebook_code(text) if path.endswith(".ipynb") else text)


def _version() -> str:
    digest = hashlib.sha1()
    for module in (_cache, _defs, _flow, _scan, _summary, _usage):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    for book in sorted(RULES.glob("*.toml")):  # cached messages are translated
        digest.update(book.read_bytes())
    return f"{digest.hexdigest()[:16]}-py{sys.version_info[0]}{sys.version_info[1]}"


class Repository:
    """The tracked files' words (from the cache) and the checked files' summaries."""

    def __init__(self, ctx: Context) -> None:
        self.root = ctx.root
        self.store = Store(ctx.root, HOOK_ID, _version())
        files = {
            path: blob
            for path, blob in content_ids(ctx.repo).items()
            if REFERENCES.search(path) and not path.startswith(CACHE_DIR + "/")
        }
        self.words = Mentions(
            self.store, files, lambda p: _read(self.root, p), _extract
        )
        self.own: dict[str, tuple[set[str], set[str]]] = {}

    def summary(self, path: str) -> Summary:
        """The file's summary, kept per language (its messages are translated)."""
        key = self.words.keys.get(path)
        entry = f"a{key}@{language()}@{path}"
        cached = from_json(self.store.get(entry), path) if key else None
        if cached is None:
            cached = summarise(load_module(self.root, path), path)
            if key:
                self.store.put(entry, to_json(cached))
        return cached

    def elsewhere(self, path: str, word: str) -> bool:
        """Whether a tracked file mentions ``word``, other than ``path`` and, for a
        notebook, the script of the same name beside it (its jupytext pair)."""
        if path not in self.own:
            pair = path[:-6] + ".py" if path.endswith(".ipynb") else ""
            self.own[path] = (set(self.words.words(path)), set(self.words.words(pair)))
        own, paired = self.own[path]
        return self.words.counts.get(word, 0) - (word in own) - (word in paired) > 0

    def registered(self, base: str) -> bool:
        """Whether a tracked class named like ``base`` registers its subclasses."""
        return self.words.counts.get("^" + base.rpartition(".")[2], 0) > 0

    def save(self) -> None:
        keys = self.words.keys
        live = {f"m{key}" for key in keys.values()}
        live |= {
            f"a{key}@{lang}@{path}" for path, key in keys.items() for lang in LANGUAGES
        }
        self.store.save(self.words.index(), live)


def ignored(definition: Definition, ctx: Context) -> bool:
    settings, name = ctx.settings, definition.name
    qualified = f"{definition.owner}.{name}" if definition.owner else name
    if matches_any(name, settings.ignore_names) or matches_any(
        qualified, settings.ignore_names
    ):
        return True
    decorators = [glob.lstrip("@") for glob in settings.ignore_decorators]
    if any(matches_any(d, decorators) for d in definition.decorators):
        return True
    return any(matches_any(b, settings.ignore_bases) for b in definition.bases)


def unused_definition(
    path: str, definition: Definition, cell: int | None
) -> Diagnostic:
    d = definition
    if d.owner:
        what = tr("method '{name}'", name=f"{d.owner}.{d.name}")
    elif d.kind == "class":
        what = tr("class '{name}'", name=d.name)
    else:
        what = tr("function '{name}'", name=d.name)
    message = tr(
        "{what} is defined but used nowhere in the repository: the guideline deletes"
        " code the processing does not need; delete it, or add it to ignore-names if"
        " code outside the repository uses it",
        what=what,
    )
    return Diagnostic(path, d.line, d.col, "MLH206", message, cell=cell)


def check_file(ctx: Context, repo: Repository, path: str) -> list[Diagnostic]:
    summary = repo.summary(path)
    found = list(summary.problems)
    stem = Path(path).stem
    starred = repo.elsewhere(path, f"{stem}.*")  # `from stem import *` elsewhere
    for f in summary.findings:
        if f.code == "MLH201" and (starred or repo.elsewhere(path, f"{stem}.{f.name}")):
            continue  # another module imports it from here
        cell = summary.cells[f.source]
        found.append(Diagnostic(path, f.line, f.col, f.code, f.message, cell=cell))
    dynamic = summary.dynamic or repo.words.counts.get(f"~{stem}", 0) > 0
    for d in [] if dynamic else summary.defs:
        if d.kind == "method" and not ctx.settings.check_methods:
            continue
        if d.name in summary.uses or repo.elsewhere(path, d.name) or ignored(d, ctx):
            continue
        if any(repo.registered(base) for base in d.bases):
            continue
        found.append(unused_definition(path, d, summary.cells[d.source]))
    return fix(ctx, path, found) if ctx.fix else found


def _cell_lines(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def write_fixes(root: Path, path: str, module: Module, new: dict[int, bytes]) -> bool:
    """Write the fixed sources back (a notebook's cells in its own JSON style)."""
    with open(root / path, "rb") as handle:
        bom = handle.read(3) == b"\xef\xbb\xbf"
    notebook = module.notebook
    if notebook is None:
        return write_atomic(root / path, b"\xef\xbb\xbf" * bom + new[0])
    from mlhooks._notebooks import dump_notebook

    for index, data in new.items():
        cell = notebook.cells[(module.sources[index].cell or 1) - 1].data
        key, text = "source" if "source" in cell else "input", data.decode("utf-8")
        cell[key] = _cell_lines(text) if isinstance(cell[key], list) else text
    return write_atomic(root / path, dump_notebook(notebook.data, notebook.text, bom))


def fix(ctx: Context, path: str, found: list[Diagnostic]) -> list[Diagnostic]:
    """Remove the unused imports and unreachable code reported and not silenced."""
    wanted = [d for d in found if d.code in FIXABLE and not ctx.silenced(d)]
    module = load_module(ctx.root, path) if wanted else None
    if module is None or module.problems and module.notebook is None:
        return found
    index = {source.cell: number for number, source in enumerate(module.sources)}
    if module.notebook is not None:  # cells with magics are left alone
        raw = {cell.number: cell.source for cell in module.notebook.cells}
        index = {
            c: i for c, i in index.items() if raw[c or 0] == module.sources[i].text
        }
    keys = {(index[d.cell], d.line, d.col, d.code) for d in wanted if d.cell in index}
    trees = [source.tree for source in module.sources]
    scan = _scan.scan(trees, sorted(module.extra))
    texts = [source.text for source in module.sources]
    new, done = fixes(scan, trees, texts, keys)
    if not new or not write_fixes(ctx.root, path, module, new):
        return found
    cells = [source.cell for source in module.sources]
    fixed = {(cells[source], line, col, code) for source, line, col, code in done}
    return [replace(d, fixed=(d.cell, d.line, d.col, d.code) in fixed) for d in found]


def check_dead_code(ctx: Context) -> list[Diagnostic]:
    """Findings of every Python file and notebook given; with ``ctx.fix``, unused
    imports and unreachable code are removed."""
    if not ctx.filenames:
        return []
    repo = Repository(ctx)
    found = [d for path in ctx.filenames for d in check_file(ctx, repo, path)]
    repo.save()
    return found


HOOK = Hook(
    id=HOOK_ID,
    summary="Report code the processing does not need: unused imports and locals,"
    " unreachable code, if False: branches, debugger calls, functions and classes"
    " used nowhere in the repository (--fix removes unused imports and unreachable"
    " code).",
    section="code",
    codes=CODES,
    check=check_dead_code,
    options=OPTIONS,
    files=r"\.(py|ipynb)$",
    fixable=True,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(HOOK, argv)


if __name__ == "__main__":
    raise SystemExit(main())
