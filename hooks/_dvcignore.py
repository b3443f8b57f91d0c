"""DVC and ``.gitignore``: outputs git would commit, and rules that hide ``.dvc`` files.

DVC keeps the data of an output out of git by writing ``/name`` into the
``.gitignore`` beside it (``dvc add``, ``dvc repro``); that ``.gitignore`` must be
committed, and git must not track the data as well. The ``.dvc`` file is what git keeps
instead, so no rule may ignore it: ``dvc add`` refuses to write an ignored one ("bad DVC
file name ... is git-ignored", DVC 2 and 3), and DVC does not look inside git-ignored
folders for those already there. A rule that ignores a folder is the usual culprit
(Cookiecutter Data Science's ``/data/``): git never looks inside an ignored folder, so
no later ``!`` rule brings a ``.dvc`` file back. One question to git answers all.
"""

from __future__ import annotations

import os
import posixpath
import shlex
from collections import Counter

from mlhooks._dvcfiles import DvcProject, Out, Problem
from mlhooks._files import Repo
from mlhooks._gitignore import Rule, beyond_symlink, dvc_friendly, ignore_rules
from mlhooks._i18n import tr


def _ancestors(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


def _output_problem(
    repo: Repo, project: DvcProject, out: Out, rule: Rule | None
) -> str:
    """Why git would hold the output's data itself, and the fix ('' when it won't)."""
    path, quoted = out.path, shlex.quote(out.path)
    tracked = repo.tracked_set
    if path in tracked or path in repo.tracked_dirs:
        flag = "-r " if out.is_dir or path in project.folders else ""
        return tr(
            "DVC output {path} is tracked by git too, so git keeps a copy of the data"
            " DVC versions and the two drift apart; run: {command}",
            path=path,
            command=f"git rm {flag}--cached {quoted}",
        )
    shared = rule and (rule.source in tracked or rule.source.startswith("../"))
    if shared or (not rule and beyond_symlink(repo.root, path)):
        return ""  # ignored by a committed rule, or git cannot tell
    if rule:
        return tr(
            "DVC output {path} is ignored only by {source}, which git does not track,"
            " so in a clone git add would commit the data itself, which DVC keeps out"
            " of git and versions by hash; run: {command}",
            path=path,
            source=rule.source,
            command=f"git add {shlex.quote(rule.source)}",
        )
    return tr(
        "DVC output {path} is not git-ignored, so git add would commit the data"
        " itself, which DVC keeps out of git and versions by hash; add the line"
        " /{name} to {gitignore} (dvc add and dvc repro write it)",
        path=path,
        name=posixpath.basename(path),
        gitignore=posixpath.join(posixpath.dirname(path), ".gitignore"),
    )


def _hidden(probes: set[str], rules: dict[str, Rule]) -> list[Problem]:
    """One problem per ``.gitignore`` rule that ignores one of the ``.dvc`` files."""
    by_rule: dict[Rule, tuple[str, str]] = {}
    for probe in sorted(p for p in probes if p in rules):
        folder = next((f for f in _ancestors(probe) if f in rules), "")
        by_rule.setdefault(rules[folder or probe], (probe, folder))
    problems = []
    for rule, (probe, folder) in by_rule.items():
        values = {"pattern": rule.pattern, "probe": probe, "folder": folder}
        values["fix"] = dvc_friendly(rule, bool(folder))
        if folder:
            message = tr(
                "rule '{pattern}' ignores the folder {folder}/, so git cannot add the"
                " .dvc files below it ({probe}) and no '!' rule brings them back: dvc"
                " add refuses to write them, DVC does not see those already there, and"
                " their data goes unversioned; {fix}",
                **values,
            )
        else:
            message = tr(
                "rule '{pattern}' ignores the .dvc file {probe}, so git cannot add it"
                " and dvc add refuses to write it, leaving its data unversioned; {fix}",
                **values,
            )
        problems.append(Problem(rule.source, rule.line, message))
    return problems


def ignore_problems(
    repo: Repo, project: DvcProject, files: list[str], data: list[str], group: int
) -> tuple[list[Problem], list[Problem]]:
    """Outputs git would commit, and rules that hide ``.dvc`` files: those that exist
    (``files`` are the tracked and loose files) and those that ``dvc add`` would write
    for ``data`` (for a folder with more than ``group`` of them, ``folder.dvc``)."""
    probes = {p for p in files if p.endswith(".dvc") and "/.dvc/" not in f"/{p}"}
    folders = Counter(map(posixpath.dirname, data))
    for path in data:
        folder = posixpath.dirname(path)
        probes.add(f"{folder if folders[folder] > group else path}.dvc")
    queries = probes | {a for p in probes for a in _ancestors(p)}
    for out in project.outs:
        queries.add(out.path)
        if not os.path.lexists(repo.root / out.path) and (
            out.is_dir or out.path in project.folders
        ):
            queries.add(f"{out.path}/")  # a folder-only rule matches it as a folder
    rules = ignore_rules(repo.root, queries)
    outputs = []
    for out in dict.fromkeys(o for o in project.outs if o.cache):
        rule = rules.get(out.path) or rules.get(f"{out.path}/")
        message = _output_problem(repo, project, out, rule)
        outputs += [Problem(out.source, out.line, message)] if message else []
    return outputs, _hidden(probes, rules)
