"""``mlhooks``: the umbrella command above the hooks.

``mlhooks check [PATH]`` runs every enabled hook over a whole project without
pre-commit and ends with a summary by guideline section: the "how compliant is this
repository" view for reviews and hand-overs (``--report`` writes it as HTML or
Markdown). ``mlhooks init`` sets a repository up, ``mlhooks baseline`` records the
findings an old repository already has, ``mlhooks rules`` lists every code and
``mlhooks explain CODE`` explains one. Hooks are found from the package's modules,
so a new hook module plugs in without changes.
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
from mlhooks._baseline import Baseline, apply, note, record
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
from mlhooks._i18n import (
    LANGUAGES,
    N_,
    explanation,
    language,
    set_language,
    tr,
    width,
)
from mlhooks._init import add_arguments as init_arguments
from mlhooks._init import command_init
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
        "path",
        nargs="?",
        help="project folder, taken as it is (default: the git work tree of the"
        " current folder)",
    )
    check.add_argument("--fix", action="store_true", help="apply every safe fix")
    check.add_argument("--hooks", type=flag_type(HOOKS), help=HOOKS.help)
    check.add_argument(
        "--report", help="also write a compliance report (.html or .md) to REPORT"
    )
    add_flags(check, SHARED_OPTIONS)
    baseline = commands.add_parser(
        "baseline",
        help="record today's findings so that hooks report only new ones",
        argument_default=argparse.SUPPRESS,
    )
    baseline.add_argument(
        "path",
        nargs="?",
        help="project folder, taken as it is (default: the git work tree of the"
        " current folder)",
    )
    baseline.add_argument(
        "--prune",
        action="store_true",
        help="only drop entries that no longer occur; record nothing new",
    )
    baseline.add_argument("--hooks", type=flag_type(HOOKS), help=HOOKS.help)
    add_flags(baseline, SHARED_OPTIONS)
    init = commands.add_parser(
        "init", help="set a repository up for the guideline in one command"
    )
    init_arguments(init)
    rules = commands.add_parser("rules", help="list every code with its rule")
    explain = commands.add_parser("explain", help="explain one code in full")
    explain.add_argument("code", help="a code such as MLH201")
    for sub in (rules, explain):
        sub.add_argument("--lang", choices=LANGUAGES, help="en or ja (default: locale)")
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
        set_language(settings.lang)
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


SECTION_NAMES = {
    "code": N_("code"),
    "notebooks": N_("notebooks"),
    "documents": N_("documents"),
    "data": N_("data"),
    "experiments": N_("experiments"),
    "tooling": N_("tooling"),
}


def padded(text: str, columns: int) -> str:
    """``text`` padded to ``columns`` terminal columns (CJK characters take two)."""
    return text + " " * max(columns - width(text), 0)


def summary(results: dict[str, list[Diagnostic]], hooks: list[Hook]) -> str:
    """Per guideline section: how many findings, from which hooks."""
    by_id = {hook.id: hook for hook in hooks}
    lines = [tr("Summary by guideline section:")]
    for section in SECTIONS:
        name = padded(tr(SECTION_NAMES[section]), 22)
        ran = [hook_id for hook_id in results if by_id[hook_id].section == section]
        if not ran:
            lines.append(f"  {name} " + tr("not checked"))
            continue
        counts = Counter({hook_id: len(results[hook_id]) for hook_id in ran})
        total = sum(counts.values())
        detail = ", ".join(f"{h} {n}" for h, n in sorted(counts.items()) if n)
        verdict = tr("ok") if total == 0 else findings(total)
        lines.append(f"  {name} {padded(verdict, 12)} {detail}".rstrip())
    total = sum(len(found) for found in results.values())
    fixed = sum(d.fixed for found in results.values() for d in found)
    template = (
        N_("{findings} ({fixed} fixed) from {count} hook.")
        if len(results) == 1
        else N_("{findings} ({fixed} fixed) from {count} hooks.")
    )
    lines.append(
        tr(template, findings=findings(total), fixed=fixed, count=len(results))
    )
    return "\n".join(lines) + "\n"


def findings(count: int) -> str:
    if count == 1:
        return tr("{count} finding", count=count)
    return tr("{count} findings", count=count)


def _repo_at(path: str | None) -> Repo:
    """The project: PATH as it is, else the git work tree of the current folder."""
    return project_root() if path is None else Repo(Path(path).resolve())


def _baseline_setting(repo: Repo, args: dict[str, Any], hooks: list[Hook]) -> str:
    table, where = read_config(repo.root, args.get("config"))
    return str(hook_settings(hooks[0], table, where, args).baseline)


def command_check(args: dict[str, Any]) -> int:
    path = args.get("path")
    if path is not None and not Path(path).is_dir():
        return fail("mlhooks check", f"{path}: not a folder")

    def work() -> int:
        if args.get("report"):
            from mlhooks._report import report_format

            _language(args)  # the error in the user's language
            report_format(Path(args["report"]))  # a wrong name fails before the run
        repo = _repo_at(path)
        hooks = load_hooks()
        results, hidden, setting = unbaselined(repo, args, hooks)
        root = repo.root
        found = [d for diags in results.values() for d in diags]
        fmt = args.get("format", "text")
        report(found, root, fmt, note(hidden, setting))
        if fmt == "text":
            print(("\n" if found else "") + summary(results, hooks), end="")
        if args.get("report"):
            from mlhooks._report import write_report

            write_report(
                Path(args["report"]),
                results,
                hooks,
                root.name,
                hidden=hidden,
                baseline=setting,
            )
        return 1 if found else 0

    return guarded("mlhooks check", work)


def unbaselined(
    repo: Repo, args: dict[str, Any], hooks: list[Hook]
) -> tuple[dict[str, list[Diagnostic]], int, str]:
    """``check_project`` less what the baseline holds: the findings by hook id, how
    many the baseline left out, and the baseline setting."""
    results, hidden = check_project(repo, args, hooks), 0
    setting = _baseline_setting(repo, args, hooks)
    for hook_id, found in results.items():
        results[hook_id], left_out = apply(found, repo.root, setting)
        hidden += left_out
    return results, hidden, setting


def project_findings(repo: Repo) -> list[Diagnostic]:
    """What ``mlhooks check`` reports for ``repo`` (no fixes), less its baseline."""
    results = unbaselined(repo, {}, load_hooks())[0]
    return [d for found in results.values() for d in found]


def command_baseline(args: dict[str, Any]) -> int:
    """Record the project's findings in the baseline file (``--prune``: only drop
    the entries that no longer occur)."""
    path = args.get("path")
    if path is not None and not Path(path).is_dir():
        return fail("mlhooks baseline", f"{path}: not a folder")

    def work() -> int:
        repo = _repo_at(path)
        hooks = load_hooks()
        setting = _baseline_setting(repo, args, hooks) or ".mlhooks-baseline.json"
        file = repo.root / setting
        if args.get("prune") and not file.is_file():
            template = N_("{file}: no baseline to prune; run `mlhooks baseline` first")
            raise ConfigError(tr(template, file=setting))
        old = Baseline.load(file)
        results = check_project(repo, {**args, "fix": False}, hooks)
        new = record([d for found in results.values() for d in found], repo.root)
        left_out = 0
        if args.get("prune"):
            left_out = sum((new.counts - old.counts).values())
            new = Baseline(old.counts & new.counts)
        added = sum((new.counts - old.counts).values())
        dropped = sum((old.counts - new.counts).values())
        changed = new.save(file)
        by_code = Counter(
            code for (_, code, _), n in new.counts.items() for _ in range(n)
        )
        print(
            tr(
                "{file}: {count} finding(s) recorded ({added} added, {dropped} dropped"
                " as no longer found){state}",
                file=setting,
                count=sum(new.counts.values()),
                added=added,
                dropped=dropped,
                state="" if changed else tr("; unchanged"),
            )
        )
        if by_code:
            print("  " + ", ".join(f"{c} {n}" for c, n in sorted(by_code.items())))
        if left_out:
            template = N_(
                "{count} finding(s) not in the baseline still fail (--prune records"
                " nothing new): fix them, or run `mlhooks baseline` to record them"
            )
            print(tr(template, count=left_out))
        if changed:
            template = N_(
                "Hooks now report only findings not in {file}; commit it:"
                " git add {file}"
            )
            print(tr(template, file=setting))
        return 0

    return guarded("mlhooks baseline", work)


def all_codes(hooks: list[Hook]) -> dict[str, tuple[str, Hook | None]]:
    """Every code -> (English summary, its hook; None for core codes)."""
    codes: dict[str, tuple[str, Hook | None]] = {
        code: (text, None) for code, text in CORE_CODES.items()
    }
    for hook in hooks:
        codes.update({code: (text, hook) for code, text in hook.codes.items()})
    return codes


def _language(args: dict[str, Any]) -> None:
    lang = args.get("lang")
    if lang is None:
        try:
            table, _ = read_config(project_root().root, None)
            lang = table.get("lang")
        except ConfigError:
            lang = None
    set_language(lang if isinstance(lang, str) else None)


def _summary_of(code: str, english: str) -> str:
    if language() == "ja":
        return str(explanation(code).get("summary_ja") or english)
    return english


def command_rules(args: dict[str, Any]) -> int:
    _language(args)
    for code, (text, hook) in sorted(all_codes(load_hooks()).items()):
        where = f" [{hook.id}]" if hook else ""
        print(f"{code}  {_summary_of(code, text)}{where}")
    return 0


def _indented(text: str) -> list[str]:
    return [
        "    " + line if line.strip() else "" for line in text.strip("\n").split("\n")
    ]


def command_explain(args: dict[str, Any]) -> int:
    _language(args)
    codes = all_codes(load_hooks())
    code = args["code"].strip().upper()
    if code not in codes:
        import difflib

        close = difflib.get_close_matches(code, list(codes), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        return fail(
            "mlhooks explain",
            f"unknown code {args['code']}{hint}; `mlhooks rules` lists them",
        )
    text, hook = codes[code]
    book = explanation(code)
    ja = language() == "ja"
    where = (
        f"{hook.id}, {tr(SECTION_NAMES[hook.section])}" if hook else tr("every hook")
    )
    lines = [f"{code}  {_summary_of(code, text)}  [{where}]", ""]
    for title, key in ((N_("Why"), "why"), (N_("Fix or suppress"), "fix")):
        body = book.get(f"{key}_ja" if ja else key, "")
        lines += [tr(title) + ":", *_indented(str(body)), ""]
    for title, key in ((N_("Bad"), "bad"), (N_("Good"), "good")):
        lines += [tr(title) + ":", *_indented(str(book.get(key, ""))), ""]
    print("\n".join(lines).rstrip("\n"))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = vars(build_parser().parse_args(argv))
    if args["command"] in ("rules", "explain"):  # print only: a closed pipe is fine
        return guarded(f"mlhooks {args['command']}", lambda: _dispatch(args))
    return _dispatch(args)


def _dispatch(args: dict[str, Any]) -> int:
    commands = {
        "rules": command_rules,
        "explain": command_explain,
        "baseline": command_baseline,
        "init": lambda args: command_init(args, load_hooks(), project_findings),
    }
    return commands.get(args["command"], command_check)(args)


if __name__ == "__main__":
    raise SystemExit(main())
