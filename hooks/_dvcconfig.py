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

SECTION = re.compile(r"""^'?\s*remote\s+"(.+)"\s*'?$""")
PULL = "so nobody else (CI included) can dvc pull the data"


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
    fix = f"&& git add {shlex.quote(config)}"
    if name:
        where = f" (only in {local}, which git does not share)"
        what = f"the default remote '{name}' is not defined in {config}"
        what += where if name in local_remotes else ""
        fix = f"run: dvc remote add {shlex.quote(name)} <url> {fix}"
    elif local_name:
        what = f"the default remote '{local_name}' is set only in {local}, which git"
        what += " does not share"
        add = f"dvc remote add {shlex.quote(local_name)} <url> && "
        add = add if local_name in local_remotes else ""
        fix = f"run: {add}dvc remote default {shlex.quote(local_name)} {fix}"
    else:
        what = f"no default remote in {config}: dvc push has nowhere to send the data"
        fix = f"run: dvc remote add -d storage <url> {fix}"
    return Problem(config, line, f"{what}, {PULL}; {fix}")
