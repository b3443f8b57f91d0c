"""``mlhooks``: the umbrella command above the hooks.

``mlhooks check [PATH]`` runs every enabled hook over a whole project without
pre-commit and ends with a summary by guideline section: the "how compliant is this
repository" view for reviews and hand-overs. ``mlhooks rules`` lists every code. Hooks
are found from the package's modules, so a new hook module plugs in without changes.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

from mlhooks import __version__
from mlhooks._cli import (
    SECTIONS,
    Context,
    Hook,
    Parser,
    add_flags,
    fail,
    flag_type,
    guarded,
    hook_settings,
    project_root,
    report,
    run_check,
)
from mlhooks._config import (
    SHARED_OPTIONS,
    ConfigError,
    Option,
    known_hook_ids,
    read_config,
)
from mlhooks._diagnostics import CORE_CODES, Diagnostic
from mlhooks._files import Repo
from mlhooks._noqa import matches

HOOKS = Option("hooks", "list", [], "only these hook ids (comma-separated)")


def load_hooks() -> list[Hook]:
    """Every hook of the package, in id order."""
    modules = (f"mlhooks.{hook_id.replace('-', '_')}" for hook_id in known_hook_ids())
    return [importlib.import_module(name).HOOK for name in modules]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="mlhooks", description="Keep an ML repository inside its guideline."
    )
    parser.add_argument("--version", action="version", version=f"mlhooks {__version__}")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=Parser
    )
    check = commands.add_parser(
        "check",
        help="run every enabled hook over a project and summarise",
        argument_default=argparse.SUPPRESS,
    )
    check.add_argument(
        "path", nargs="?", default=".", help="project folder (default: .)"
    )
    check.add_argument("--fix", action="store_true", help="apply every safe fix")
    check.add_argument("--hooks", type=flag_type(HOOKS), help=HOOKS.help)
    add_flags(check, SHARED_OPTIONS)
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


def check_project(
    repo: Repo, args: dict[str, Any], hooks: list[Hook]
) -> dict[str, list[Diagnostic]]:
    """Findings of every selected hook over the project ``repo``, by hook id."""
    table, where = read_config(repo.root, args.get("config"))
    results = {}
    selected = _selected_hooks(hooks, args.get("hooks"))
    ids = {hook.id for hook in selected}
    for hook in selected:
        if hook.twin in ids:
            continue
        settings = hook_settings(hook, table, where, args)
        if not any(
            matches(code, settings.select) for code in [*hook.codes, *CORE_CODES]
        ):
            continue
        ctx = Context(repo, settings, (), bool(args.get("fix")))
        ctx = replace(
            ctx, filenames=tuple(filter(ctx.included, _files_for(hook, repo)))
        )
        results[hook.id] = run_check(hook, ctx)
    return results


def summary(results: dict[str, list[Diagnostic]], hooks: list[Hook]) -> str:
    """Per guideline section: how many findings, from which hooks."""
    by_id = {hook.id: hook for hook in hooks}
    lines = ["Summary by guideline section:"]
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
    hooks_run = len(results)
    plural, hooks_plural = "s" * (total != 1), "s" * (hooks_run != 1)
    lines.append(
        f"{total} finding{plural} ({fixed} fixed) from {hooks_run} hook{hooks_plural}."
    )
    return "\n".join(lines) + "\n"


def command_check(args: dict[str, Any]) -> int:
    path = Path(args["path"])
    if not path.is_dir():
        return fail("mlhooks check", f"{args['path']}: not a folder")

    def work() -> int:
        here = path.resolve() == Path.cwd().resolve()
        repo = project_root(path) if here else Repo(path.resolve())
        hooks = load_hooks()
        results = check_project(repo, args, hooks)
        root = repo.root
        found = [d for diags in results.values() for d in diags]
        fmt = args.get("format", "text")
        report(found, root, fmt)
        if fmt == "text":
            print(("\n" if found else "") + summary(results, hooks), end="")
        return 1 if found else 0

    return guarded("mlhooks check", work)


def command_rules() -> int:
    codes = dict(CORE_CODES)
    for hook in load_hooks():
        codes.update({code: f"{text} [{hook.id}]" for code, text in hook.codes.items()})
    for code in sorted(codes):
        print(f"{code}  {codes[code]}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = vars(build_parser().parse_args(argv))
    if args["command"] == "rules":
        return command_rules()
    return command_check(args)


if __name__ == "__main__":
    raise SystemExit(main())
