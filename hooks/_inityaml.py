"""mlhooks init: a pre-commit configuration edited as text, keeping every byte it had.

PyYAML only says what the file holds and where (the marks of its nodes). What is added
goes in as text: into a block list after its last item, in the columns of its first
item (other repositories' hooks lend theirs to a new repository's), into a flow list
before its closing bracket, or under a key with no value yet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Sequence

import yaml

from mlhooks._config import ConfigError
from mlhooks._i18n import N_, tr

AS_TEXT = N_("{path}: cannot add to it as text; add the hooks by hand")
Block = Callable[[int, int], str]  # (dash column, key column) -> the lines to add
ARGS = {"ruff-check": "[--fix]", "ruff": "[--fix]"}  # args a hook is added with


@dataclass(frozen=True)
class Entry:
    """A repository of pre-commit hooks, and the hooks to run from it."""

    url: str
    rev: str
    ids: tuple[str, ...]


def same_url(one: str, other: str) -> bool:
    """Whether two repository URLs name the same repository."""

    def norm(url: str) -> str:
        return url.strip().rstrip("/").removesuffix(".git").lower()

    return norm(one) == norm(other)


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when it reads back as itself, else quoted."""
    try:
        plain = yaml.safe_load(f"key: {value}") == {"key": value}
    except yaml.YAMLError:
        plain = False
    return value if plain and value.strip() == value else json.dumps(value)


def _item(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key node and value node of ``key`` in the mapping ``node``."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next(((k, v) for k, v in node.value if k.value == key), None)


def _last_line(node: yaml.Node) -> int:
    """The 0-based line of the last character of ``node``'s content."""
    if isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        return _last_line(last[1] if isinstance(last, tuple) else last)
    end = node.end_mark
    return (
        end.line - 1
        if end.column == 0 and end.line > node.start_mark.line
        else end.line
    )


def _columns(lines: list[str], node: yaml.Node) -> tuple[int, int]:
    """Column of the dash of a block sequence item, and of its content."""
    line, col = node.start_mark.line, node.start_mark.column
    before = lines[line][:col].rstrip()
    dash = len(before) - 1 if before.endswith("-") else max(col - 2, 0)
    return dash, col


def _hook_lines(ids: Sequence[str], dash: int, col: int) -> str:
    marker = "-".ljust(col - dash)
    return "".join(
        f"{' ' * dash}{marker}id: {scalar(i)}\n"
        + (f"{' ' * col}args: {ARGS[i]}\n" if i in ARGS else "")
        for i in ids
    )


def _flow_hook(hook_id: str) -> str:
    args = f", args: {ARGS[hook_id]}" if hook_id in ARGS else ""
    return f"{{id: {scalar(hook_id)}{args}}}"


def _flow(entry: Entry) -> str:
    hooks = ", ".join(_flow_hook(i) for i in entry.ids)
    return f"{{repo: {scalar(entry.url)}, rev: {scalar(entry.rev)}, hooks: [{hooks}]}}"


class ConfigText:
    """A pre-commit configuration's text, its nodes, and the insertions planned."""

    def __init__(self, body: str, path: str) -> None:
        self.body, self.path = body, path
        self.lines = body.split("\n")
        self.repos = _item(yaml.compose(body, Loader=yaml.SafeLoader), "repos")
        items = self.repos[1].value if self.repos else None
        self.items = items if isinstance(items, list) else []
        self.inserts: list[tuple[int, str]] = []
        # A hook's dash and key columns, counted from its repository's key column.
        self.hook_shift = (2, 4)
        for item in self.items:
            hooks = _item(item, "hooks")
            if hooks and isinstance(hooks[1], yaml.SequenceNode) and hooks[1].value:
                if not hooks[1].flow_style:
                    dash, col = _columns(self.lines, hooks[1].value[0])
                    base = item.start_mark.column
                    self.hook_shift = (dash - base, col - base)
                break

    def repo_node(self, url: str) -> yaml.Node | None:
        """The listed repository at ``url``, if any."""
        for item in self.items:
            found = _item(item, "repo")
            if found and isinstance(found[1], yaml.ScalarNode):
                if same_url(found[1].value, url):
                    return item
        return None

    def _offset(self, line: int) -> int:
        """Where the line after the 0-based ``line`` starts."""
        return sum(len(text) + 1 for text in self.lines[: line + 1])

    def _insert(self, offset: int, text: str) -> None:
        if offset > len(self.body):  # after a last line without its newline
            offset, text = len(self.body), "\n" + text
        self.inserts.append((offset, text))

    def _extend(
        self, item: tuple[yaml.Node, yaml.Node], flow: list[str], block: Block
    ) -> None:
        """Append to the list ``item`` (key, value): ``flow`` items in a flow list,
        else the lines ``block(dash, col)``."""
        key, seq = item
        if isinstance(seq, yaml.SequenceNode) and seq.flow_style:
            joined = ", ".join(flow)
            close = seq.end_mark.index - 1  # the closing bracket
            self._insert(close, f", {joined}" if seq.value else joined)
        elif isinstance(seq, yaml.SequenceNode) and seq.value:
            dash, col = _columns(self.lines, seq.value[0])
            self._insert(self._offset(_last_line(seq)), block(dash, col))
        elif (
            isinstance(seq, yaml.ScalarNode)
            and seq.end_mark.index == seq.start_mark.index
        ):
            dash = key.start_mark.column + 2  # no value yet: ``hooks:`` alone
            self._insert(self._offset(key.start_mark.line), block(dash, dash + 2))
        else:
            raise ConfigError(tr(AS_TEXT, path=self.path))

    def add_hooks(self, repo: yaml.Node, ids: Sequence[str]) -> None:
        """Append hooks ``ids`` to the ``hooks:`` list of the repository ``repo``."""
        hooks = _item(repo, "hooks")
        if hooks is None:
            col = repo.start_mark.column
            text = " " * col + "hooks:\n" + _hook_lines(ids, col + 2, col + 4)
            self._insert(self._offset(_last_line(repo)), text)
            return
        flow = [_flow_hook(i) for i in ids]
        self._extend(hooks, flow, lambda dash, col: _hook_lines(ids, dash, col))

    def add_repos(self, entries: list[Entry]) -> None:
        """Append the repositories ``entries`` to the ``repos:`` list."""
        if self.repos is None:
            raise ConfigError(tr(AS_TEXT, path=self.path))
        flow = [_flow(entry) for entry in entries]
        self._extend(self.repos, flow, lambda d, c: self._entry_lines(entries, d, c))

    def _entry_lines(self, entries: list[Entry], dash: int, col: int) -> str:
        pad = " " * col
        hook_dash, hook_col = (col + shift for shift in self.hook_shift)
        return "".join(
            f"{' ' * dash}{'-'.ljust(col - dash)}repo: {scalar(entry.url)}\n"
            f"{pad}rev: {scalar(entry.rev)}\n{pad}hooks:\n"
            + _hook_lines(entry.ids, hook_dash, hook_col)
            for entry in entries
        )

    def result(self) -> str:
        """The text with every insertion; those at one place in the order made."""
        body = self.body
        ordered = sorted(enumerate(self.inserts), key=lambda x: (x[1][0], x[0]))
        for _, (offset, text) in reversed(ordered):
            body = body[:offset] + text + body[offset:]
        return body
