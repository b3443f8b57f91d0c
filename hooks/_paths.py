"""Machine-specific absolute paths: where they are and which text may hold them.

A path is machine-specific when it names one person's files on one machine: a home
folder (``/home/<user>``, ``/Users/<user>``, ``C:\\Users\\<user>``, ``C:/Users/...``,
WSL's ``/mnt/c/Users/<user>``) or Colab's Google Drive (``/content/drive/MyDrive``; the
bare mount point ``/content/drive`` that ``drive.mount`` takes is fine). System folders
(``/usr``, ``/opt``, ``/etc``), ``/tmp``, ``/data``, ``~/...`` and URLs are not: they
are the same everywhere, or too common to mean one machine. A user segment that is a
placeholder (``{user}``, ``<user>``, ``$USER``, ``*``) is no path.

Python is searched in its string literals (f-strings' constant parts included), never
in comments or docstrings; configuration files in their text less comments. Offsets
are character offsets into the text; ``LineIndex`` turns them into 1-based positions.
"""

from __future__ import annotations

import ast
import bisect
import io
import re
import tokenize
from dataclasses import dataclass
from typing import Iterator

from mlhooks._i18n import N_, tr

SEP = r"(?:\\{1,2}|/)"  # a Windows separator as written: \ (raw), \\ (escaped) or /
USER = (
    r"\w[\w.@+-]*"  # a user name; a placeholder ({user}, <user>, $USER) never starts so
)
TAIL = r"(?:[/\\][^\s'\"`,;|<>()\[\]{}]*)?"
# not inside a URL or a longer path (but file:// URLs are local paths)
BEFORE = r"(?:(?<![\w.~$%{}/\\-])|(?<=file://)|(?<=file:///))"
KINDS = {
    "home": rf"/home/{USER}",
    "mac": rf"/Users/{USER}",
    "windows": rf"[A-Za-z]:{SEP}(?i:users){SEP}{USER}",
    "wsl": rf"/mnt/[a-z]/(?i:users)/{USER}",
    "colab": r"/content/[\w-]+/(?:MyDrive|My Drive|Shareddrives|Shared drives)",
}
WHAT = {
    "home": N_("'{path}' is in a Linux home folder"),
    "mac": N_("'{path}' is in a macOS home folder"),
    "windows": N_("'{path}' is in a Windows user folder"),
    "wsl": N_("'{path}' is in a Windows user folder (seen from WSL)"),
    "colab": N_("'{path}' is on a Google Drive mounted in Colab"),
}
PATH = re.compile(
    BEFORE + "(?:" + "|".join(f"(?P<{k}>{v})" for k, v in KINDS.items()) + ")" + TAIL
)
LONGEST = 80
PROSE_KEYWORDS = ("help", "description", "epilog", "usage")
DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
SPACED = re.compile(r"(?: [^\s'\"`]+)+")  # " Yamada\\data": a name with spaces goes on


@dataclass(frozen=True)
class PathHit:
    """One machine-specific path: its offset in the text, as written, and its kind."""

    offset: int
    text: str
    kind: str

    @property
    def shown(self) -> str:
        """The path as written, shortened to ``LONGEST`` characters."""
        text = self.text.rstrip("\r")
        return text if len(text) <= LONGEST else text[: LONGEST - 3] + "..."

    @property
    def what(self) -> str:
        """Where the path is, as a sentence about it, in the current language."""
        return tr(WHAT[self.kind], path=self.shown)


def _normal(path: str) -> str:
    return re.sub(r"\\{1,2}", "/", path).casefold().rstrip("/")


def _allowed(path: str, prefixes: tuple[str, ...]) -> bool:
    """``path`` is one of ``prefixes`` or lies below one (whole names only)."""
    path = _normal(path)
    return any(p and (path == p or path.startswith(p + "/")) for p in prefixes)


def find_paths(text: str, allowed: tuple[str, ...] = ()) -> Iterator[PathHit]:
    """Every machine-specific path in ``text`` not below one of ``allowed``."""
    prefixes = tuple(_normal(prefix) for prefix in allowed)
    for match in PATH.finditer(text):
        kind = match.lastgroup or "home"
        if prefixes and _allowed(match.group(), prefixes):
            continue
        yield PathHit(match.start(), _whole(text, match), kind)


def _whole(text: str, match: re.Match[str]) -> str:
    """The path, taken on to its closing quote when a quoted path goes on after a
    space (``"C:\\Users\\Taro Yamada\\data"``, ``"/content/drive/My Drive/x"``)."""
    start, end = match.span()
    quote = text[start - 1 : start]
    close = text.find(quote, end) if quote in ("'", '"') else -1
    rest = text[end:close] if close != -1 else ""
    if SPACED.fullmatch(rest) and ("/" in rest or "\\" in rest):
        return text[start:close]
    return match.group()


class LineIndex:
    """Character offsets of ``text`` as 1-based (line, column); lines end at ``\\n``."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        for number, line in enumerate(text.split("\n")):
            self.starts.append(self.starts[number] + len(line) + 1)

    def offset(self, line: int, col: int) -> int:
        """The offset of 1-based ``line`` and 0-based ``col``."""
        return self.starts[line - 1] + col

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def char_column(line: str, byte_col: int) -> int:
    """The 0-based character column of ``ast``'s UTF-8 byte column in ``line``."""
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "replace"))


def _prose(tree: ast.Module) -> Iterator[ast.expr]:
    """Docstrings, and the text of help=, description=, epilog= and usage= arguments
    (argparse, click, typer), where a path is an example, not one the code opens."""
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in PROSE_KEYWORDS:
            yield node.value
        elif isinstance(node, DOCUMENTED) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                yield first.value


def _span(node: ast.expr, index: LineIndex, lines: list[str]) -> range:
    """The character offsets ``node`` covers (ast columns count UTF-8 bytes)."""
    end_line = node.end_lineno or node.lineno
    begin = char_column(lines[node.lineno - 1], node.col_offset)
    end = char_column(lines[end_line - 1], node.end_col_offset or 0)
    return range(index.offset(node.lineno, begin), index.offset(end_line, end))


def _strings(tree: ast.Module) -> Iterator[ast.expr]:
    """Every string literal; an f-string whole, with what its braces hold."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))
        ):
            yield node
        else:
            stack.extend(ast.iter_child_nodes(node))


def _literal_spans(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Start and end of every string literal token; an f-string (split into pieces
    from Python 3.12 on) is one span from its opening to its closing quote."""
    depth, start = 0, (0, 0)
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        name = tokenize.tok_name[token.type]
        if name.endswith("STRING_START"):  # FSTRING_START, TSTRING_START (3.14)
            depth, start = depth + 1, start if depth else token.start
        elif name.endswith("STRING_END"):
            depth -= 1
            if not depth:
                yield start, token.end
        elif token.type == tokenize.STRING and not depth:
            yield token.start, token.end


def _pieces(raw: str) -> Iterator[tuple[int, str]]:
    """The literals of ``"a"  # note`` + newline + ``"b"`` (strings that concatenate
    around a comment), by offset in ``raw``: the comment is no literal."""
    wrapped = f"({raw})"
    index = LineIndex(wrapped)
    try:
        for start, end in list(_literal_spans(wrapped)):
            begin = index.offset(*start)
            yield begin - 1, wrapped[begin : index.offset(*end)]
    except (tokenize.TokenError, SyntaxError):  # parsed by ast, so hardly ever
        yield 0, raw


def python_literals(text: str, tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Offset and source text of every string literal but docstrings and help texts
    (found in the syntax tree: tokenizing the whole file would cost more)."""
    index, lines = LineIndex(text), text.split("\n")
    prose = [_span(node, index, lines) for node in _prose(tree)]
    for node in _strings(tree):
        span = _span(node, index, lines)
        if not any(span.start in skip for skip in prose):
            raw = text[span.start : span.stop]
            pieces = _pieces(raw) if "#" in raw else [(0, raw)]
            yield from ((span.start + offset, piece) for offset, piece in pieces)


def _uncommented(line: str) -> str:
    """``line`` up to a ``#`` comment outside quotes (YAML and TOML)."""
    quote, at = "", 0
    while at < len(line):
        char = line[at]
        if quote:
            at += char == "\\" and quote == '"'  # skip the escaped character
            quote = "" if char == quote else quote
        elif char in "'\"" and (at == 0 or line[at - 1] in " \t:[{,=-"):
            quote = char
        elif char == "#" and (at == 0 or line[at - 1] in " \t"):
            return line[:at]
        at += 1
    return line


def config_text(path: str, text: str) -> Iterator[tuple[int, str]]:
    """Offset and text of each line of a configuration file, less its comments:
    ``#`` comments in YAML and TOML, whole-line ``#``/``;`` comments in INI; JSON has
    none."""
    kind = path.rsplit(".", 1)[-1].lower()
    offset = 0
    for line in text.split("\n"):
        if kind in ("yaml", "yml", "toml"):
            yield offset, _uncommented(line)
        elif kind in ("cfg", "ini"):
            if not line.lstrip().startswith(("#", ";")):
                yield offset, line
        else:
            yield offset, line
        offset += len(line) + 1
