"""``mlhooks``: the umbrella command above the hooks.

``mlhooks check [PATH]`` runs every enabled hook over a whole project without
pre-commit and ends with a summary by guideline section: the "how compliant is this
repository" view for reviews and hand-overs. ``mlhooks rules`` lists every code. Hooks
are found from the package's modules, so a new hook module plugs in without changes.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from mlhooks import __version__
from mlhooks._cli import (
    SECTIONS,
    Context,
    Hook,
    fail,
    hook_settings,
    project_root,
    rebase,
    run_check,
)
from mlhooks._config import ConfigError, known_hook_ids, read_config
from mlhooks._diagnostics import CORE_CODES, FORMATS, Diagnostic, format_diagnostics
from mlhooks._files import Repo
from mlhooks._noqa import matches


def load_hooks() -> list[Hook]:
    """Every hook of the package, in id order."""
    modules = (f"mlhooks.{hook_id.replace('-', '_')}" for hook_id in known_hook_ids())
    return [importlib.import_module(name).HOOK for name in modules]


def _comma_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mlhooks", description="Keep an ML repository inside its guideline."
    )
    parser.add_argument("--version", action="version", version=f"mlhooks {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check", help="run every enabled hook over a project and summarise"
    )
    check.add_argument(
        "path", nargs="?", default=".", help="project folder (default: .)"
    )
    check.add_argument("--fix", action="store_true", help="apply every safe fix")
    check.add_argument(
        "--format", choices=FORMATS, default="text", help="output format"
    )
    check.add_argument(
        "--config", help="pyproject.toml to read instead of the project's"
    )
    check.add_argument(
        "--hooks", type=_comma_list, help="only these hook ids (a,b,...)"
    )
    for name in ("select", "ignore", "exclude"):
        check.add_argument(f"--{name}", type=_comma_list, help=f"codes/globs to {name}")
    commands.add_parser("rules", help="list every code with its rule")
    return parser


def _selected_hooks(hooks: list[Hook], wanted: list[str] | None) -> list[Hook]:
    if not wanted:
        return hooks
    known = {hook.id for hook in hooks}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise ConfigError(
            f"unknown hook id {', '.join(unknown)} (valid: {', '.join(sorted(known))})"
        )
    return [hook for hook in hooks if hook.id in wanted]


def _files_for(hook: Hook, repo: Repo) -> tuple[str, ...]:
    if hook.files is None:
        return ()
    pattern = re.compile(hook.files)
    return tuple(path for path in repo.tracked if pattern.search(path))


def check_project(root: Path, args: argparse.Namespace) -> dict[str, list[Diagnostic]]:
    """Findings of every selected hook over the project at ``root``, by hook id."""
    table, where = read_config(root, args.config)
    cli = {k: v for k in ("select", "ignore", "exclude") if (v := getattr(args, k))}
    repo = Repo(root)
    results = {}
    for hook in _selected_hooks(load_hooks(), args.hooks):
        settings = hook_settings(hook, table, where, cli)
        if not any(matches(code, settings.select) for code in hook.codes):
            continue
        ctx = Context(repo, settings, (), args.fix)
        ctx = replace(
            ctx, filenames=tuple(filter(ctx.included, _files_for(hook, repo)))
        )
        results[hook.id] = run_check(hook, ctx)
    return results


def summary(results: dict[str, list[Diagnostic]], hooks: list[Hook]) -> str:
    """Per guideline section: how many findings, from which hooks."""
    by_id = {hook.id: hook for hook in hooks}
    lines = ["", "Summary by guideline section:"]
    for section in SECTIONS:
        ran = [hook_id for hook_id in results if by_id[hook_id].section == section]
        if not ran:
            lines.append(f"  {section:<22} not checked")
            continue
        counts = Counter({hook_id: len(results[hook_id]) for hook_id in ran})
        total = sum(counts.values())
        detail = ", ".join(f"{h} {n}" for h, n in sorted(counts.items()) if n)
        verdict = "ok" if total == 0 else f"{total} finding{'s' * (total != 1)}"
        lines.append(f"  {section:<22} {verdict:<12} {detail}".rstrip())
    total = sum(len(found) for found in results.values())
    fixed = sum(d.fixed for found in results.values() for d in found)
    plural = "s" * (total != 1)
    lines.append(f"{total} finding{plural} ({fixed} fixed) from {len(results)} hooks.")
    return "\n".join(lines) + "\n"


def command_check(args: argparse.Namespace) -> int:
    root = Path(args.path)
    if not root.is_dir():
        return fail("mlhooks check", f"{args.path}: not a folder")
    root = project_root(root) if args.path == "." else root.resolve()
    try:
        results = check_project(root, args)
    except ConfigError as exc:
        return fail("mlhooks check", str(exc))
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        if os.environ.get("MLHOOKS_DEBUG"):
            raise
        return fail("mlhooks check", f"internal error: {type(exc).__name__}: {exc}")
    found = [d for diags in results.values() for d in rebase(diags, root)]
    output = format_diagnostics(found, args.format)
    if args.format == "text":
        output += summary(results, load_hooks())
    print(output, end="" if output.endswith("\n") else "\n")
    return 1 if found else 0


def command_rules() -> int:
    codes = dict(CORE_CODES)
    for hook in load_hooks():
        codes.update({code: f"{text} [{hook.id}]" for code, text in hook.codes.items()})
    for code in sorted(codes):
        print(f"{code}  {codes[code]}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "rules":
        return command_rules()
    return command_check(args)


if __name__ == "__main__":
    sys.exit(main())
