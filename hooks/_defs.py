"""Module-level functions and classes, and what counts as using one (MLH206).

Usage is judged by name across the repository, generously: a definition is used when
its name is read or used as an attribute in its own module, or appears as a word in any
other tracked Python file, notebook, configuration file (YAML, TOML, INI, JSON: Hydra's
``_target_``, console scripts and entry points in ``pyproject.toml``/``setup.cfg``),
shell script, Makefile or document. Frameworks call some code by convention, so these
are used by default:

- names: ``main``, ``test_*``, ``Test*``, ``pytest_*``, dunders, module hooks of
  pytest, unittest, nose, IPython, Sphinx and Alembic, SageMaker's ``model_fn``/
  ``input_fn``/``predict_fn``/``output_fn``/``transform_fn``, TorchServe's ``handle``,
  AWS Lambda handlers, MLflow's ``_load_pyfunc``, Triton's ``TritonPythonModel``;
- files: ``conftest.py``, ``hubconf.py`` (torch.hub), ``conf.py``, ``setup.py``,
  ``noxfile.py``, ``dodo.py``, ``fabfile.py``, ``manage.py``, ``*_pb2*.py``, and
  ``migrations/``;
- decorators: any attribute of an object (``@app.command()``, ``@router.post``,
  ``@hydra.main``, ``@pytest.fixture``, ``@celery.task``), any decorator imported from
  a framework (``from prefect import flow``), any decorator called with arguments
  (``@action(parser)``), any name with ``register`` in it, a local decorator named
  like a registry (``@task``, ``@hook``, ``@callback``...), ``@property`` and
  ``@overload``; but not the pure wrappers of functools, dataclasses, typing,
  contextlib, torch, tensorflow, jax, numba...;
- classes with a metaclass, or a base that frameworks discover (``TestCase``, Django
  and SQLAlchemy models, ``luigi`` tasks).

Methods are judged only with ``check-methods`` and only in classes without a base
(a base may call any method), never framework protocol methods.
"""

from __future__ import annotations

import ast
import json
import re
from fnmatch import translate
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Mapping, NamedTuple

from mlhooks._flow import dotted

if TYPE_CHECKING:
    from mlhooks._scan import Scan

NAMES = (
    "main test_* Test* pytest_* __*__ setup teardown setup_module teardown_module"
    " setup_function teardown_function setUpModule tearDownModule load_tests"
    " load_ipython_extension unload_ipython_extension _jupyter_* upgrade downgrade"
    " model_fn input_fn predict_fn output_fn transform_fn handle handler"
    " lambda_handler _load_pyfunc TritonPythonModel register_pipelines"
).split()
FILES = (
    "conftest.py hubconf.py conf.py setup.py noxfile.py dodo.py fabfile.py manage.py"
    " gunicorn*.py *_pb2.py *_pb2_grpc.py */migrations/* */management/commands/*"
).split()
BASES = (
    "*TestCase models.Model db.Model Base DeclarativeBase luigi.* *Migration".split()
)
EXPLICIT = {"property", "overload", "typing.overload", "functools.cached_property"}
WRAPPERS = set(
    """functools dataclasses typing typing_extensions abc contextlib enum warnings
    torch tensorflow jax numba numpy cupy cython attr attrs tqdm staticmethod
    classmethod""".split()
)
REGISTRY = re.compile(
    r"(?i)regist|command|fixture|hook|route|task|flow|callback|handler|endpoint"
    r"|plugin|listen|receiver|expose|asset|sensor|schedule|job|dag|component"
    r"|pipeline|step|cli|group|app|main|export|service|entry|signal|event|op$"
)
PROTOCOL = (
    "forward *_step configure_* call build get_config from_config compute_output_*"
    " fit fit_* partial_fit transform inverse_transform predict predict_* score"
    " score_samples decision_function get_params set_params get_feature_names_out"
    " setup teardown prepare_data *_dataloader on_* setUp* tearDown* test_* visit_*"
    " generic_visit do_* run handle execute initialize finalize compute update reset"
    " step state_dict load_state_dict extra_repr"
).split()
PLAIN_BASES = {"object", "ABC", "abc.ABC"}
WORD = re.compile(r"[^\W\d]\w*")
FROM_IMPORT = re.compile(
    r"^[ \t]*from[ \t]+\.*([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|.*(?:\\\r?\n.*)*)",
    re.MULTILINE,
)
IMPORTED_NAME = re.compile(r"([^\W\d]\w*)(?:\s+as\s+\w+)?")
GETATTR = re.compile(r"getattr\(\s*(?:\w+\.)*(\w+)\s*,\s*[^\s\"'),]")
LAST_WORD = re.compile(r"(\w+)$")
CLASS_BLOCK = re.compile(
    r"^class[ \t]+(\w+)([^\n]*)\n((?:[ \t]+[^\n]*\n|[ \t]*\n)*)", re.M
)


class Definition(NamedTuple):
    """A definition MLH206 may report, with what options match it against."""

    source: int
    line: int
    col: int
    name: str
    kind: str  # function, class or method
    decorators: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    owner: str = ""  # the class of a method


@lru_cache(maxsize=None)
def _glob_regex(globs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(translate(glob) for glob in globs) or "(?!)")


def matches_any(text: str, globs: Iterable[str]) -> bool:
    """Whether ``text`` matches one of the (case-sensitive) globs."""
    return _glob_regex(tuple(globs)).match(text) is not None


def entry_file(path: str) -> bool:
    """Files whose every definition a tool calls by convention."""
    return matches_any(path.rpartition("/")[2], FILES) or matches_any(f"/{path}", FILES)


def framework_decorator(node: ast.expr, aliases: Mapping[str, str]) -> bool:
    """Whether a decorator hands the function to a framework (see the docstring)."""
    name = dotted(node)
    root, _, rest = name.partition(".")
    resolved = aliases.get(root, root) + (f".{rest}" if rest else "")
    if not name or "regist" in name.lower() or {name, resolved} & EXPLICIT:
        return True
    if resolved.split(".")[0] in WRAPPERS:
        return False
    called = isinstance(node, ast.Call)  # @action(parser): a registration, mostly
    return called or "." in name or root in aliases or bool(REGISTRY.search(name))


def _names(nodes: Iterable[ast.expr]) -> tuple[str, ...]:
    return tuple(name for name in map(dotted, nodes) if name)


def definitions(scan: Scan, path: str, aliases: Mapping[str, str]) -> list[Definition]:
    """Module-level functions and classes no built-in rule counts as used."""
    if entry_file(path):
        return []
    found = []
    for source, node in scan.defs:
        assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        if matches_any(node.name, NAMES) or _framework(node, aliases):
            continue
        kind = "class" if isinstance(node, ast.ClassDef) else "function"
        bases = _names(node.bases) if isinstance(node, ast.ClassDef) else ()
        where = (node.lineno, node.col_offset + 1)
        decorators = _names(node.decorator_list)
        found.append(Definition(source, *where, node.name, kind, decorators, bases))
    return found


def _framework(node: ast.stmt, aliases: Mapping[str, str]) -> bool:
    decorators = getattr(node, "decorator_list", [])
    if any(framework_decorator(d, aliases) for d in decorators):
        return True
    if not isinstance(node, ast.ClassDef):
        return False
    bases = _names(node.bases)
    metaclass = any(k.arg == "metaclass" for k in node.keywords)
    return metaclass or any(matches_any(b, BASES) for b in bases)


def _plain(cls: ast.ClassDef) -> bool:
    """A class without a base (``object`` and ``ABC`` aside) that looks up none of
    its own methods by a computed name (``getattr(self, "visit_" + kind)``)."""
    bases = _names(cls.bases)
    if set(bases) - PLAIN_BASES or len(bases) < len(cls.bases):
        return False
    return not any(
        isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "getattr"
        and not (len(node.args) > 1 and isinstance(node.args[1], ast.Constant))
        for node in ast.walk(cls)
    )


def methods(scan: Scan, aliases: Mapping[str, str]) -> list[Definition]:
    """Methods of module-level plain classes (``check-methods``)."""
    found, plain = [], {}
    for source, cls, node in scan.methods:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if matches_any(node.name, PROTOCOL + NAMES) or _framework(cls, aliases):
            continue
        if set(_names(node.decorator_list)) - {"staticmethod", "classmethod"}:
            continue
        if id(cls) not in plain:
            plain[id(cls)] = _plain(cls)
        if plain[id(cls)]:
            where = (node.lineno, node.col_offset + 1)
            found.append(
                Definition(source, *where, node.name, "method", owner=cls.name)
            )
    return found


def mentions(text: str) -> set[str]:
    """Every word of ``text``; ``module.name`` for each name a ``from module import``
    line imports (by the module's last component; ``module.*`` for a star);
    ``^Name`` for each top-level class with a metaclass or ``__init_subclass__`` (its
    subclasses register themselves); ``~name`` for each ``getattr(name, <not a
    string>)`` or ``name.__dict__[...]`` (any attribute of ``name`` may be used)."""
    found = set(WORD.findall(text))
    if "__init_subclass__" in text or "metaclass" in text:
        for name, header, body in CLASS_BLOCK.findall(text):
            if "metaclass" in header or "__init_subclass__" in body:
                found.add(f"^{name}")  # subclasses of this class register themselves
    if "getattr" in text:
        found.update(f"~{name}" for name in GETATTR.findall(text))
    start = text.find(".__dict__[")
    while start > 0:
        found.update(f"~{name}" for name in LAST_WORD.findall(text, start - 80, start))
        start = text.find(".__dict__[", start + 1)
    for module, names in FROM_IMPORT.findall(text):
        stem = module.rpartition(".")[2]
        if stem:
            found.update(f"{stem}.{name}" for name in IMPORTED_NAME.findall(names))
            found.update([f"{stem}.*"] if names.strip() == "*" else [])
    return found


def notebook_code(text: str) -> str:
    """The code cells of a notebook's JSON text (the text itself if it is none)."""
    try:
        data = json.loads(text)
        cells = data.get("cells") or [
            c for sheet in data.get("worksheets", []) for c in sheet.get("cells", [])
        ]
        parts = [c.get("source", c.get("input", "")) for c in cells]
        code = ["".join(p) if isinstance(p, list) else str(p) for p in parts]
        return "\n".join(code)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return text
