"""MLflow tracking credentials written down, found statically and shown masked.

``code_leaks`` reads a Python syntax tree, ``text_leaks`` settings text (``.env``,
shell, YAML, TOML, Dockerfile, notebook ``%env`` lines). A leak is a password in a
tracking URI (``https://user:password@host``, given to ``set_tracking_uri``,
``MlflowClient``, a ``tracking_uri=`` argument or key, ``MLFLOW_TRACKING_URI``), a
literal given to ``MLFLOW_TRACKING_PASSWORD``, ``MLFLOW_TRACKING_TOKEN``,
``DATABRICKS_TOKEN`` or ``DATABRICKS_CLIENT_SECRET`` (in ``os.environ``, a dict, a
keyword, a variable of that name), or a Databricks token anywhere. Empty values,
references (``$TOKEN``, ``${{ secrets.X }}``, f-string fields) and placeholders
(``xxx``, ``<password>``, ``your-token``) are no leaks. The secret itself never leaves
this module: ``Leak.shown`` masks it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urlsplit

from mlhooks._imports import dotted

SECRET_KEYS = {
    "mlflow_tracking_password",
    "mlflow_tracking_token",
    "databricks_token",
    "databricks_client_secret",
}
URI_KEYS = ("tracking_uri", "registry_uri")
URI_SETTERS = {"set_tracking_uri", "set_registry_uri"}
ENV_SETTERS = {"setdefault", "putenv", "setenv", "__setitem__"}
DATABRICKS_TOKEN = re.compile(r"\bdapi[0-9a-f]{32}(?:-\d+)?\b")
PLACEHOLDER = re.compile(
    r"[$%{}<>*]|^(?:x+|\.+|_+|-+|change_?me|placeholder|pass(?:wd|word)?|pw|secret"
    r"|token|none|null|(?:your|test|fake|dummy|mock|example|sample)(?:[\W_].*)?)$",
    re.IGNORECASE,
)
TEXT_SETTING = re.compile(
    r"(?P<key>\b[\w.-]*(?:tracking|registry)[_-]uri|\bMLFLOW_TRACKING_(?:PASSWORD"
    r"|TOKEN)|\bDATABRICKS_(?:TOKEN|CLIENT_SECRET))[\"']?\s*[:=]\s*[\"']?"
    r"(?P<value>[^\s\"'#,}]*)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Leak:
    """A credential written down: where, what it is (masked) and how to set it."""

    line: int
    col: int
    shown: str
    setting: str


def _leak(key: str, value: str, line: int, col: int) -> Leak | None:
    """A Leak when ``value`` given to setting ``key`` is a real-looking credential."""
    key = key.lower().replace("-", "_")
    if key in SECRET_KEYS and value and not PLACEHOLDER.search(value):
        name = key.upper()
        return Leak(line, col, f"{name} = '***'", name)
    if key.endswith(URI_KEYS) and "@" in value and "://" in value:
        try:
            parts = urlsplit(value)
            password, host = parts.password, parts.netloc.rpartition("@")[2]
        except ValueError:  # an unclosed [ in the host
            return None
        if password and not PLACEHOLDER.search(password):
            shown = f"{parts.scheme}://{parts.username}:***@{host}"
            return Leak(line, col, shown, "MLFLOW_TRACKING_URI")
    if DATABRICKS_TOKEN.search(value):
        return Leak(line, col, "dapi***", "DATABRICKS_TOKEN")
    return None


def _literal(node: ast.AST | None, constants: dict[str, ast.Constant]) -> ast.AST:
    """The string literal behind ``node`` (a module constant for a name) or node."""
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    return node if node is not None else ast.Constant(None)


def _text(node: ast.AST) -> str:
    """A string literal's text (f-string fields as ``{}``); '' for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text(part) or "{}" for part in node.values)
    return ""


def _settings(node: ast.AST) -> Iterator[tuple[str, ast.AST | None]]:
    """(setting name, value) pairs one node writes: dict entries, assignments,
    keyword arguments, ``environ.setdefault(k, v)``, ``set_tracking_uri(v)``."""
    if isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                yield key.value, value
    elif isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            key = target.slice if isinstance(target, ast.Subscript) else target
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                yield key.value, node.value
            elif isinstance(key, (ast.Name, ast.Attribute)):
                yield dotted(key)[-1] if dotted(key) else "", node.value
    elif isinstance(node, ast.Call):
        for keyword in node.keywords:
            yield keyword.arg or "", keyword.value
        name = (dotted(node.func) or [""])[-1]
        first = node.args[0] if node.args else None
        if name in URI_SETTERS or name.endswith("MlflowClient"):
            yield "tracking_uri", first
        elif name in ENV_SETTERS and len(node.args) > 1:
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield first.value, node.args[1]


def code_leaks(tree: ast.Module) -> list[Leak]:
    """Credentials written as literals in a Python source, at the literal."""
    constants = {
        node.targets[0].id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
    }
    found: dict[tuple[int, int], Leak] = {}
    for node in ast.walk(tree):
        pairs = list(_settings(node))
        pairs += [("", node)] if isinstance(node, ast.Constant) else []
        for key, value in pairs:
            literal = _literal(value, constants)
            line, col = getattr(literal, "lineno", 1), getattr(literal, "col_offset", 0)
            leak = _leak(key, _text(literal), line, col + 1)
            if leak:
                found.setdefault((line, col), leak)
    return list(found.values())


def text_leaks(text: str) -> list[Leak]:
    """Credentials in settings text (``.env``, shell, YAML, TOML, Dockerfile...)."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        for match in TEXT_SETTING.finditer(line):
            leak = _leak(match["key"], match["value"], number, match.start() + 1)
            if leak:
                found.append(leak)
        token = DATABRICKS_TOKEN.search(line)
        if token and not any(leak.line == number for leak in found):
            found.append(Leak(number, token.start() + 1, "dapi***", "DATABRICKS_TOKEN"))
    return found
