"""MLflow in Python sources, read statically.

``run_evidence`` names what in a source records an MLflow run: the fluent API
(``mlflow.start_run``, ``mlflow.log_*``, ``mlflow.autolog``, ``set_tag``, ``evaluate``,
``mlflow.<flavour>.autolog`` and ``.log_model``), ``MlflowClient`` runs and logging,
Keras' ``mlflow.keras.MlflowCallback``, third-party integrations (Lightning's
``MLFlowLogger``, Hugging Face's and Optuna's ``MLflowCallback``, Ray's
``setup_mlflow``: any imported name with ``mlflow`` in it), and Hugging Face
``report_to="mlflow"`` or Accelerate ``log_with="mlflow"``. ``mlflow_import`` finds
``import mlflow``; ``runs_code`` tells an entry point from a library module.
Nothing is imported or run.
"""

from __future__ import annotations

import ast
from typing import Sequence

from mlhooks._imports import dotted, import_aliases, qualified_name

RUN_CALLS = {"start_run", "autolog", "set_tag", "set_tags", "evaluate", "create_run"}
CALLBACKS = {"mlflowcallback"}
PROJECT_RUNS = {"mlflow.run", "mlflow.projects.run"}
LOGGING_KEYWORDS = {"report_to", "log_with"}
LOGGING_TARGETS = {"mlflow", "all"}
SETUP_CALLS = ("warnings.", "logging.", "sys.path.")


def _client_aliases(trees: Sequence[ast.Module], aliases: dict[str, str]) -> None:
    """``client = MlflowClient()`` makes ``client.log_metric`` an MLflow call."""
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                name = qualified_name(node.value.func, aliases)
                if name.endswith("MlflowClient"):
                    for target in node.targets:
                        if dotted(target):
                            aliases[".".join(dotted(target))] = name


def records_run(name: str, extra: Sequence[str] = ()) -> bool:
    """Whether a call of the dotted ``name`` records an MLflow run."""
    if any(name == call or name.startswith(call + ".") for call in extra):
        return True
    parts = name.split(".")
    if parts[0] != "mlflow":
        return any("mlflow" in part.lower() for part in parts)
    last = parts[-1]
    return (
        last in RUN_CALLS
        or last.startswith("log_")
        or last.lower() in CALLBACKS
        or name in PROJECT_RUNS
    )


def _logs_to_mlflow(value: ast.expr | None) -> bool:
    """``"mlflow"``, ``"all"``, or a list, tuple or set holding one of them."""
    items = value.elts if isinstance(value, (ast.List, ast.Tuple, ast.Set)) else [value]
    return any(
        isinstance(item, ast.Constant)
        and isinstance(item.value, str)
        and item.value.lower() in LOGGING_TARGETS
        for item in items
    )


def _handed_over(call: ast.Call) -> str:
    """An argument named like an MLflow logger or callback (``mlflow_callback``)
    handed to a call: ``model.fit(..., callbacks=[mlflow_callback])``."""
    for arg in [*call.args, *(keyword.value for keyword in call.keywords)]:
        items = arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg]
        for item in items:
            parts = dotted(item) if isinstance(item, (ast.Name, ast.Attribute)) else []
            if parts and parts != ["mlflow"] and "mlflow" in parts[-1].lower():
                return ".".join(parts)
    return ""


def _evidence(node: ast.AST, aliases: dict[str, str], extra: Sequence[str]) -> str:
    if isinstance(node, ast.Call):
        name = qualified_name(node.func, aliases)
        if name and records_run(name, extra):
            return f"{name}()"
        for keyword in node.keywords:
            if keyword.arg in LOGGING_KEYWORDS and _logs_to_mlflow(keyword.value):
                return f"{keyword.arg}={ast.unparse(keyword.value)}"
        if not name.startswith("mlflow.") and _handed_over(node):
            return _handed_over(node)
    elif isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values):
            if isinstance(key, ast.Constant) and key.value in LOGGING_KEYWORDS:
                if _logs_to_mlflow(value):
                    return f"{key.value}: {ast.unparse(value)}"
    elif isinstance(node, (ast.Name, ast.Attribute)):
        parts = dotted(node)
        name = qualified_name(node, aliases)
        imported = bool(parts) and parts[0] in aliases
        if imported and not name.startswith("mlflow.") and "mlflow" in name.lower():
            return name
    return ""


def run_evidence(trees: Sequence[ast.Module], extra: Sequence[str] = ()) -> str:
    """The first thing in ``trees`` that records an MLflow run, as written; ''."""
    aliases = import_aliases(trees)
    _client_aliases(trees, aliases)
    for tree in trees:
        for node in ast.walk(tree):
            found = _evidence(node, aliases, extra)
            if found:
                return found
    return ""


def mlflow_import(tree: ast.Module) -> int:
    """Line of the first ``import mlflow`` / ``from mlflow... import``; 0 if none."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        else:
            continue
        if any(name.split(".")[0] == "mlflow" for name in names):
            return node.lineno
    return 0


def _main_guard(test: ast.expr) -> bool:
    names = {getattr(n, "id", getattr(n, "value", None)) for n in ast.walk(test)}
    return {"__name__", "__main__"} <= names


def _does_work(call: ast.Call) -> bool:
    """A call that does work when the module runs: not logging or warnings setup, and
    not building an object (``app = typer.Typer()``), which a library does too."""
    name = ".".join(dotted(call.func))
    last = name.rsplit(".", 1)[-1]
    chained = isinstance(call.func, ast.Attribute) and isinstance(
        call.func.value, ast.Call
    )
    built = last[:1].isupper() and not chained
    return not name.startswith(SETUP_CALLS) and not built


def runs_code(body: list[ast.stmt]) -> bool:
    """Whether a module does something when run, so it is an entry point, not a
    library: a main guard, or at the top a loop, a ``with`` or a call (logging and
    warnings setup aside)."""
    for node in body:
        if isinstance(node, (ast.For, ast.While, ast.With, ast.AsyncWith)):
            return True
        value = getattr(node, "value", None)  # a bare call, or one assigned
        if isinstance(node, (ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign)):
            if isinstance(value, ast.Call) and _does_work(value):
                return True
        if isinstance(node, ast.If) and (
            _main_guard(node.test) or runs_code(node.body + node.orelse)
        ):
            return True
        if isinstance(node, ast.Try) and runs_code(node.body):
            return True
    return False
