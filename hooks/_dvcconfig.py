"""DVC's configuration: the default remote that a repository shares.

``.dvc/config`` is the file git shares. ``.dvc/config.local`` (git-ignored by DVC's own
``.dvc/.gitignore``) and the user's global configuration are not, so a default remote
set only there leaves CI and every teammate with nowhere to pull the data from. The
files are INI as configobj writes them: ``[core]`` with ``remote = name``, and one
``['remote "name"']`` section per remote (``dvc remote add -d name url``).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from mlhooks._configfiles import ConfigFile, key_line, read_ini
from mlhooks._diagnostics import Diagnostic
from mlhooks._dvcfiles import Problem
from mlhooks._i18n import tr

SECTION = re.compile(r"""^'?\s*remote\s+"(.+)"\s*'?$""")


def _remote(file: ConfigFile | Diagnostic | None) -> tuple[str, set[str], int]:
    """The default remote's name ('' if none), the remotes defined, the key's line."""
    if not isinstance(file, ConfigFile):
        return "", set(), 0
    sections = {name.strip(): body for name, body in file.data.items()}
    core = sections.get("core", {})
    name = str(core.get("remote", "")).strip().strip("'\"")
    remotes = {m.group(1) for s in sections if (m := SECTION.match(s))}
    return name, remotes, key_line(file.text, "core", "remote") if name else 0


def remote_problem(root: Path, folder: str) -> Problem | Diagnostic | None:
    """What keeps the DVC project in ``folder`` ('' or ``sub/``) from having a shared
    default remote; None when ``.dvc/config`` sets one it defines."""
    config = f"{folder}.dvc/config"
    shared = read_ini(root, config)
    if isinstance(shared, Diagnostic):
        return shared
    name, remotes, line = _remote(shared)
    if name and name in remotes:
        return None
    local_name, local_remotes, _ = _remote(read_ini(root, f"{config}.local"))
    local = f"{folder}.dvc/config.local"
    commit = f"&& git add {shlex.quote(config)}"
    values = {"config": config, "local": local}
    if name in local_remotes:
        message = tr(
            "the default remote '{name}' is not defined in {config} (only in {local},"
            " which git does not share), so nobody else (CI included) can dvc pull the"
            " data; run: {command}",
            **values,
            name=name,
            command=f"dvc remote add {shlex.quote(name)} <url> {commit}",
        )
    elif name:
        message = tr(
            "the default remote '{name}' is not defined in {config}, so nobody else"
            " (CI included) can dvc pull the data; run: {command}",
            **values,
            name=name,
            command=f"dvc remote add {shlex.quote(name)} <url> {commit}",
        )
    elif local_name:
        add = f"dvc remote add {shlex.quote(local_name)} <url> && "
        add = add if local_name in local_remotes else ""
        message = tr(
            "the default remote '{name}' is set only in {local}, which git does not"
            " share, so nobody else (CI included) can dvc pull the data; run:"
            " {command}",
            **values,
            name=local_name,
            command=f"{add}dvc remote default {shlex.quote(local_name)} {commit}",
        )
    else:
        message = tr(
            "no default remote in {config}: dvc push has nowhere to send the data, so"
            " nobody else (CI included) can dvc pull the data; run: {command}",
            **values,
            command=f"dvc remote add -d storage <url> {commit}",
        )
    return Problem(config, line, message)
