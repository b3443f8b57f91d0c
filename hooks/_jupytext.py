"""jupytext's pairing and percent scripts, read without importing jupytext.

Pairing follows jupytext's ``formats`` (``[prefix/][suffix]ext[:format_name]``: prefix
folder ``scripts//py``, prefix root ``notebooks///ipynb``, file-name prefix ``_/py``,
suffix ``_nb.py``) on project-relative paths, which never leave the project. A percent
script: an optional commented YAML header, then cells opened by ``# %%`` markers.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any, Iterable

from mlhooks._i18n import tr

Format = dict[str, str]
FORMAT_NAMES = set("hydrogen light marimo markdown myst nomarker pandoc".split())
FORMAT_NAMES |= {"percent", "quarto", "rmarkdown", "sphinx", "spin"}
ALIASES = {"notebook": "ipynb", "rmarkdown": "Rmd", "quarto": "qmd", "marimo": "py"}
ALIASES.update(markdown="md", script="auto", myst="md:myst", pandoc="md:pandoc")
MARKER = re.compile(r"^\s*#\s*%%%*(?:\s(.*))?$")  # jupytext's, bar <codecell>, In[1]
HEADER_FENCE = re.compile(r"^#\s?---\s*$")
CODING = re.compile(r"^[ \t\f]*#.*?coding[:=]")
_TOKENS = re.compile(r"\\.|'''|\"\"\"|['\"#]")
_C = r"(?:# |#)*"  # a line commented any number of times
_NOESCAPE = re.compile(rf"^\s*{_C}%{{1,3}}[a-zA-Z].*#\s*noescape")
_MAGICS = (  # jupytext's magics.py for Python, in the same order
    re.compile(rf"^\s*{_C}%{{1,3}}[a-zA-Z]"),
    re.compile(r"^\s*(?:(?:# |#)+\s*)?[?!]\s*[A-Za-z.~$\\/{}]"),
    re.compile(rf"^{_C}\s*[a-zA-Z_][a-zA-Z_$0-9]*\s*=\s*(?:%{{1,3}}|!)[a-zA-Z]"),
    re.compile(r"^\s*(?:# )*\S*\?\s*$"),
    re.compile(rf"^{_C}(?:cat|cd|cp|mv|rm|rmdir|mkdir|copy|ddir|echo|ls|ldir|ren)"
               r"(?:$|\s$|\s[^=,])"),
)  # fmt: skip


class PairingError(ValueError):
    """jupytext formats that do not parse, or a path they do not fit."""


def long_form(text: str, auto: str | None = ".py") -> Format:
    """``'scripts//py:percent'`` as jupytext's ``{prefix, extension, format_name}``."""
    spec, fmt = ALIASES.get(text.lower(), text), {}
    if spec.rfind("/") > 0:
        fmt["prefix"], spec = spec.rsplit("/", 1)
    ext = spec
    if ":" in spec:
        ext, name = spec.rsplit(":", 1)
        fmt["format_name"] = "nomarker" if name == "bare" else name
    elif spec in FORMAT_NAMES:
        fmt["format_name"], ext = spec, ""
    if ext.rfind(".") > 0:
        fmt["suffix"], ext = posixpath.splitext(ext)
    ext = ext if ext.startswith(".") else "." + ext
    fmt["extension"] = (auto or ext) if ext == ".auto" else ext
    known = fmt.get("format_name", "light") in FORMAT_NAMES
    if not (known and re.fullmatch(r"\.\w+", ext)):
        raise PairingError(tr("'{text}' is not a jupytext format", text=text))
    return fmt


def long_forms(formats: Any, auto: str | None = ".py") -> list[Format]:
    """``formats`` (``'ipynb,py:percent'`` or a list); ``auto`` None drops ``auto``."""
    items = formats.split(",") if isinstance(formats, str) else formats
    if not isinstance(items, list):
        raise PairingError(
            tr("formats must be a string or a list, not {formats!r}", formats=formats)
        )
    result = []
    for item in (i for i in items if i):
        if isinstance(item, dict) and isinstance(item.get("extension"), str):
            result.append({str(key): str(value) for key, value in item.items()})
        elif isinstance(item, str):
            result.append(long_form(item.strip(), auto))
        else:
            raise PairingError(tr("{item!r} is not a jupytext format", item=item))
    return [fmt for fmt in result if fmt["extension"] != ".auto"]


def _split(path: str) -> tuple[str, str]:
    return path.rpartition("/")[::2]  # head, tail


def _prefix_parts(prefix: str) -> tuple[str, str, str]:
    root, prefix = prefix.rsplit("//", 1) if "//" in prefix else ("", prefix)
    return (root, *_split(prefix))


def base_path(path: str, formats: list[Format]) -> str:
    """``path`` without the prefix, suffix and extension of the first of ``formats``
    with its extension (jupytext's ``base_path``)."""
    base, ext = posixpath.splitext(path)
    fmt = next((f for f in formats if f["extension"] == ext), {"extension": ext})
    misfit = tr("{path} does not fit the jupytext format {fmt}", path=path, fmt=fmt)
    suffix = fmt.get("suffix", "")
    if not base.endswith(suffix):
        raise PairingError(misfit)
    base = base[: len(base) - len(suffix)]
    if not fmt.get("prefix"):
        return base
    root, prefix_dir, prefix_name = _prefix_parts(fmt["prefix"])
    folder, name = _split(base)
    if not name.startswith(prefix_name):
        raise PairingError(misfit)
    name, climbed = name[len(prefix_name) :], list[str]()
    while prefix_dir:
        prefix_dir, expected = _split(prefix_dir)
        if expected == ".." and climbed:
            folder = f"{folder}/{climbed.pop()}" if folder else climbed.pop()
            continue
        folder, actual = _split(folder)
        climbed.append(actual)
        if expected != actual:
            raise PairingError(misfit)
    if root:
        if f"/{root}/" not in f"/{folder}/":
            raise PairingError(misfit)
        left, right = f"/{folder}/".rsplit(f"/{root}/", 1)
        folder = f"{left}///{right}"[1:-1]
    return f"{folder}/{name}" if folder else name


def full_path(base: str, fmt: Format) -> str:
    """The path of format ``fmt`` for a base path (jupytext's ``full_path``)."""
    full = base
    if fmt.get("prefix"):
        root, prefix_dir, prefix_name = _prefix_parts(fmt["prefix"])
        if bool(root) != ("//" in base):
            raise PairingError(tr("use a prefix root in all paired formats or in none"))
        if root:
            left, right = base.rsplit("//", 1)
            right_dir, name = _split(right)
            folder = f"{left}{root}/{right_dir}"
        else:
            folder, name = _split(base)
        while prefix_dir.startswith("../"):
            prefix_dir, folder = prefix_dir[3:], _split(folder)[0]
        if prefix_dir:
            folder += ("/" if folder and not folder.endswith("/") else "") + prefix_dir
        folder += "/" if folder and not folder.endswith("/") else ""
        full = folder + prefix_name + name
    return full + fmt.get("suffix", "") + fmt["extension"]


def paired_paths(path: str, formats: list[Format]) -> list[tuple[str, Format]]:
    """Every path paired with ``path`` (itself included) with its format."""
    base = base_path(path, formats)
    paths = [full_path(base, fmt) for fmt in formats]
    root = base.rsplit("//", 1)[0].strip("/") if "//" in base else ""
    for paired in paths:
        norm = posixpath.normpath(paired)
        inside = not root or f"{norm}/".startswith(f"{root}/")
        if norm.startswith(("../", "/")) or norm == ".." or not inside:
            left = tr("paired path {paired} leaves the project", paired=paired)
            raise PairingError(left)
    if path not in paths or len(set(paths)) < len(paths):
        once = tr("the formats do not pair {path} once with each format", path=path)
        raise PairingError(once)
    return list(zip(paths, formats))


def quoted(lines: Iterable[str]) -> list[bool]:
    """For each line, whether it begins inside a triple-quoted string."""
    flags, state = [], ""  # the open quote: '', ' or ", ''' or """
    for line in lines:
        state = state if len(state) == 3 else ""
        flags.append(bool(state))
        if not state and line.lstrip().startswith("#"):
            continue
        for token in _TOKENS.findall(line):
            if state:
                state = "" if token == state else state
            elif token == "#":
                break
            elif token[0] != "\\":
                state = token
    return flags


def is_magic(line: str) -> bool:
    """Whether jupytext comments this code line in scripts (or it is one commented)."""
    return not _NOESCAPE.match(line) and any(r.match(line) for r in _MAGICS)


def uncomment(line: str) -> str:
    return line[2:] if line.startswith("# ") else line[1:] if line[:1] == "#" else line


@dataclass(frozen=True)
class ScriptCell:
    """A cell of a percent script: its kind, marker line (1-based; 0 for text before
    the first marker), its lines, the marker's options, its first line's number."""

    kind: str
    line: int
    lines: tuple[str, ...]
    options: str = ""
    first: int = 1


@dataclass(frozen=True)
class Script:
    """A script read as the percent format: its header (uncommented) and its cells."""

    header: tuple[str, ...]
    cells: tuple[ScriptCell, ...]
    format_name: str = ""

    def header_value(self, key: str) -> str:
        """A scalar of the header, e.g. ``formats`` or ``format_name`` ('' if none)."""
        pattern = re.compile(rf"^\s*{re.escape(key)}:\s*(['\"]?)(.*?)\1\s*$")
        return next((m[2] for m in map(pattern.match, self.header) if m), "")


def _header(lines: list[str]) -> tuple[tuple[str, ...], int]:
    start = 1 if lines and lines[0].startswith("#!") else 0
    start += 1 if len(lines) > start and CODING.match(lines[start]) else 0
    if len(lines) > start and HEADER_FENCE.match(lines[start]):
        for end in range(start + 1, len(lines)):
            if HEADER_FENCE.match(lines[end]):
                return tuple(map(uncomment, lines[start + 1 : end])), end + 1
            if not lines[end].startswith("#"):
                break
    return (), start


def read_script(text: str, declared: str = "") -> Script:
    """``text`` as a percent script; text before the first marker is a code cell. Its
    format: the header's, else ``declared``, else percent if it has markers."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header, start = _header(lines)
    cells: list[ScriptCell] = []
    kind, line, options, body = "code", 0, "", []
    for number, (text_line, inside) in enumerate(
        zip(lines[start:] + ["# %%"], quoted(lines[start:]) + [False]), start + 1
    ):
        marker = None if inside else MARKER.match(text_line)
        if marker is None:
            body.append(text_line)
            continue
        if line or any(b.strip() for b in body):
            cells += [ScriptCell(kind, line, tuple(body), options, (line or start) + 1)]
        options = (marker.group(1) or "").strip()
        kind = "markdown" if re.search(r"\[(markdown|md)\]", options) else "code"
        kind, line, body = "raw" if "[raw]" in options else kind, number, []
    markers = "percent" if any(cell.line for cell in cells) else "light"
    name = Script(header, ()).header_value("format_name") or declared or markers
    return Script(header, tuple(cells), name)
