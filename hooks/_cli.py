"""The common front of every hook: flags, configuration, filtering, output, exit status.

A hook module describes itself with one ``Hook`` record and its ``main`` is ``return
run(HOOK, argv)``. Every hook therefore has the same flags (``--config``, ``--format``,
``--select``, ``--ignore``, ``--fix`` where a fix exists, one flag per option of its
own), the same configuration rules and the same exit status: 0 clean, 1 findings or
files rewritten, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Mapping, NoReturn, Sequence

from mlhooks._baseline import apply, note
from mlhooks._config import (
    SHARED_OPTIONS,
    ConfigError,
    Option,
    Settings,
    check_value,
    read_config,
    resolve,
    validate_table,
)
from mlhooks._diagnostics import FORMATS, Diagnostic, format_diagnostics
from mlhooks._files import GitError, Repo, git_root, glob_regex
from mlhooks._i18n import set_language
from mlhooks._noqa import Suppressor

SECTIONS = ("code", "notebooks", "documents", "data", "experiments", "tooling")


@dataclass(frozen=True)
class Context:
    """What a hook's check sees: the repository, its settings, the files to check."""

    repo: Repo
    settings: Settings
    filenames: tuple[str, ...] = ()
    fix: bool = False

    @property
    def root(self) -> Path:
        return self.repo.root

    @cached_property
    def silenced(self) -> Suppressor:
        """What settings and noqa comments silence; fixers ask it before writing."""
        return Suppressor(self.settings, self.root)

    def included(self, path: str) -> bool:
        """False for files matched by the ``exclude`` setting."""
        return not glob_regex(tuple(self.settings.exclude)).search(path)


@dataclass(frozen=True)
class Hook:
    """Everything the front needs to know about one hook."""

    id: str
    summary: str
    section: str
    codes: Mapping[str, str]
    check: Callable[[Context], list[Diagnostic]]
    options: tuple[Option, ...] = ()
    files: str | None = (
        None  # regex of the files a per-file hook reads; None: whole repo
    )
    fixable: bool = False
    twin: str = ""  # a fixer reporting the same findings; mlhooks check runs just one
    all_options: tuple[Option, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "all_options", SHARED_OPTIONS + self.options)


class Parser(argparse.ArgumentParser):
    """argparse with a one-line usage error (exit status 2), not the whole usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def flag_type(option: Option) -> Callable[[str], Any]:
    if option.kind == "int":
        return int
    if option.kind == "list":
        return lambda text: [item.strip() for item in text.split(",") if item.strip()]
    return str


def add_flags(parser: argparse.ArgumentParser, options: tuple[Option, ...]) -> None:
    """--config, --format and one flag per option (tables are TOML only)."""
    parser.add_argument(
        "--config", help="pyproject.toml to read instead of the project's"
    )
    parser.add_argument(
        "--format", choices=FORMATS, help="output format (default: text)"
    )
    for option in options:
        flag, kind = "--" + option.name, option.kind
        if kind == "bool":
            action = argparse.BooleanOptionalAction
            parser.add_argument(flag, dest=option.name, action=action, help=option.help)
        elif kind != "table":
            parser.add_argument(
                flag, dest=option.name, type=flag_type(option), help=option.help
            )


def build_parser(hook: Hook) -> argparse.ArgumentParser:
    parser = Parser(
        prog=hook.id, description=hook.summary, argument_default=argparse.SUPPRESS
    )
    parser.add_argument("filenames", nargs="*", help="files (pre-commit passes them)")
    if hook.fixable:
        parser.add_argument(
            "--fix", action="store_true", help="fix what is safe to fix"
        )
    add_flags(parser, hook.all_options)
    return parser


def project_root(path: Path | None = None) -> Repo:
    """The project at the git work-tree root of ``path`` (default: the current
    folder), or at ``path`` itself outside git."""
    start = (path or Path.cwd()).resolve()
    top = git_root(start)
    return Repo(top or start, in_git=top is not None)


def hook_settings(
    hook: Hook, table: Mapping[str, Any], where: str, cli: Mapping[str, Any]
) -> Settings:
    """Defaults < ``[tool.mlhooks]`` and its ``[tool.mlhooks.<id>]`` < flags."""
    shared = {o.name: table[o.name] for o in SHARED_OPTIONS if o.name in table}
    own = validate_table(
        table.get(hook.id, {}), hook.options, f"{where} [tool.mlhooks.{hook.id}]"
    )
    cli_values = {
        o.name: check_value(o, cli[o.name], "command line")
        for o in hook.all_options
        if o.name in cli
    }
    return resolve(hook.all_options, {**shared, **own}, cli_values)


def run_check(hook: Hook, ctx: Context) -> list[Diagnostic]:
    """The hook's check over ``ctx``, filtered by settings and noqa comments."""
    return [diag for diag in hook.check(ctx) if not ctx.silenced(diag)]


def relative_names(
    root: Path, names: Sequence[str], pattern: str | None
) -> tuple[str, ...]:
    """Command-line file names as root-relative ``/`` paths, filtered by ``pattern``.

    Plain path arithmetic first: ``Path.resolve`` on thousands of names pre-commit
    passes costs more than checking one file; only names outside the root (or
    reached through a link) are resolved.
    """
    regex = re.compile(pattern) if pattern else None
    here = os.getcwd()
    result = []
    for name in names:
        rel = os.path.relpath(os.path.join(here, name), root)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            try:
                rel = Path(name).resolve().relative_to(root).as_posix()
            except ValueError:
                rel = Path(name).as_posix()
        rel = rel.replace(os.sep, "/")
        if regex is None or regex.search(rel):
            result.append(rel)
    return tuple(result)


def rebase(diagnostics: list[Diagnostic], root: Path) -> list[Diagnostic]:
    """Paths shown relative to the current folder when the root lies below it."""
    here, top = Path.cwd().resolve(), root.resolve()
    if top == here or here not in top.parents:
        return diagnostics
    prefix = top.relative_to(here).as_posix()
    return [
        replace(d, path=prefix if d.path == "." else f"{prefix}/{d.path}")
        for d in diagnostics
    ]


def fail(prog: str, message: str) -> int:
    print(f"{prog}: error: {message}", file=sys.stderr)
    return 2


def guarded(prog: str, work: Callable[[], int]) -> int:
    """``work()``, with configuration, git and internal errors as one line, status 2."""
    try:
        return work()
    except (ConfigError, GitError) as exc:
        return fail(prog, str(exc))
    except BrokenPipeError:  # the reader (`| head`) stopped early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        if os.environ.get("MLHOOKS_DEBUG"):
            raise
        return fail(
            prog,
            f"internal error: {type(exc).__name__}: {exc} (MLHOOKS_DEBUG=1 shows more)",
        )


def report(
    diagnostics: list[Diagnostic], root: Path, fmt: str, extra: str = ""
) -> None:
    """Print the findings (paths from the current folder) in format ``fmt``, then
    ``extra`` (on stderr unless the format is text)."""
    output = format_diagnostics(rebase(diagnostics, root), fmt)
    if output:
        print(output, end="" if output.endswith("\n") else "\n")
    if extra:
        print(extra, file=sys.stdout if fmt == "text" else sys.stderr)


def run(hook: Hook, argv: Sequence[str] | None = None) -> int:
    """Run the hook on the project in the current folder; print; exit status."""
    args = vars(build_parser(hook).parse_args(argv))

    def work() -> int:
        repo = project_root()
        root = repo.root
        table, where = read_config(root, args.get("config"), (hook.id,))
        settings = hook_settings(hook, table, where, args)
        set_language(settings.lang)
        names = relative_names(root, args.get("filenames", []), hook.files)
        ctx = Context(repo, settings, names, bool(args.get("fix")))
        ctx = replace(ctx, filenames=tuple(n for n in names if ctx.included(n)))
        diagnostics, hidden = apply(run_check(hook, ctx), root, settings.baseline)
        fmt = args.get("format", "text")
        report(diagnostics, root, fmt, note(hidden, settings.baseline))
        return 1 if diagnostics else 0

    return guarded(hook.id, work)
