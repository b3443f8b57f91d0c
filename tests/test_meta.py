"""The project agrees with itself: manifest, entry points, modules, README, imports."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mlhooks._config import load_toml
from mlhooks._diagnostics import CORE_CODES
from mlhooks.cli import load_hooks

TOP = Path(__file__).resolve().parent.parent
HOOKS_DIR = TOP / "hooks"
MANIFEST = yaml.safe_load((TOP / ".pre-commit-hooks.yaml").read_text())
SCRIPTS = load_toml(TOP / "pyproject.toml")["project"]["scripts"]
README = (TOP / "README.md").read_text(encoding="utf-8")
KEY_ORDER = [
    "id",
    "name",
    "description",
    "entry",
    "language",
    "types",
    "types_or",
    "files",
    "pass_filenames",
    "always_run",
    "require_serial",
    "minimum_pre_commit_version",
]


def test_the_package_under_test_is_this_checkout():
    import mlhooks

    assert Path(mlhooks.__file__).resolve().parent == HOOKS_DIR


def module_names() -> list[str]:
    return sorted(p.stem for p in HOOKS_DIR.glob("*.py"))


def test_manifest_validates():
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "validate-manifest",
            ".pre-commit-hooks.yaml",
        ],
        cwd=TOP,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["id"])
def test_manifest_entry_matches_script_module_and_hook(entry):
    hook_id = entry["id"]
    module = hook_id.replace("-", "_")
    assert entry["entry"] == hook_id
    assert entry["language"] == "python"
    assert SCRIPTS[hook_id] == f"mlhooks.{module}:main"
    assert (HOOKS_DIR / f"{module}.py").is_file()
    assert list(entry) == [key for key in KEY_ORDER if key in entry]
    hook = next(h for h in load_hooks() if h.id == hook_id)
    if hook.files is None:
        assert entry["pass_filenames"] is False and entry["always_run"] is True


def test_every_hook_module_is_in_the_manifest_and_scripts():
    manifest_ids = {entry["id"] for entry in MANIFEST}
    hook_ids = {hook.id for hook in load_hooks()}
    assert hook_ids <= manifest_ids
    assert manifest_ids <= set(SCRIPTS)
    assert set(SCRIPTS) - manifest_ids == {"mlhooks"}


def test_codes_are_unique_well_formed_and_documented():
    seen = dict(CORE_CODES)
    hooks = load_hooks()
    twins = {(h.id, h.twin) for h in hooks} | {(h.twin, h.id) for h in hooks}
    for hook in hooks:
        for code in hook.codes:
            assert re.fullmatch(r"MLH\d{3}", code)
            other = seen.get(code, hook.id)
            assert other == hook.id or (hook.id, other) in twins, f"{code} twice"
            seen[code] = hook.id
    missing = [code for code in seen if f"`{code}`" not in README]
    assert not missing, f"codes not documented in README.md: {missing}"


def test_every_code_is_produced_by_some_test():
    tests = "".join(
        p.read_text(encoding="utf-8")
        for p in TOP.glob("tests/test_*.py")
        if p.name != "test_meta.py"
    )
    codes = [c for hook in load_hooks() for c in hook.codes] + list(CORE_CODES)
    assert [code for code in codes if code not in tests] == []


def test_every_hook_id_is_documented():
    for entry in MANIFEST:
        assert f"`{entry['id']}`" in README


def test_readme_starts_with_the_two_commands():
    ci_run = (TOP / ".ci" / "run").read_text()
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", README, re.S)
    assert len(blocks) >= 2
    test_command = blocks[1].strip()
    assert test_command in ci_run
    assert "mlhooks check" in blocks[0]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "mlhooks":
                found.extend(f"mlhooks.{alias.name}" for alias in node.names)
            else:
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return [name for name in found if name.startswith("mlhooks.")]


@pytest.mark.parametrize("name", module_names())
def test_imports_point_down(name):
    imported = {i.split(".")[1] for i in _imports(HOOKS_DIR / f"{name}.py")}
    if name in ("cli", "__main__"):
        return
    upward = {i for i in imported if not i.startswith("_") and i != "__init__"}
    assert not upward, f"{name} imports {upward}: only the core may be imported"
    source = (HOOKS_DIR / f"{name}.py").read_text(encoding="utf-8")
    assert "import_module(" not in source, f"{name} imports a module by name"


def test_core_modules_stay_small():
    for path in HOOKS_DIR.glob("_*.py"):
        assert len(path.read_text().splitlines()) <= 250, path.name


def test_mypy_is_clean(tmp_path):
    """mypy over the package (its folder is ``hooks``, its import name ``mlhooks``)."""
    pytest.importorskip("mypy")
    (tmp_path / "mlhooks").symlink_to(HOOKS_DIR)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "-p",
            "mlhooks",
            "--config-file",
            "pyproject.toml",
        ],
        cwd=TOP,
        env={**os.environ, "MYPYPATH": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout


OWN_HOOKS = [
    "check-required-files",
    "check-lint-config",
    "check-dead-code",
    "check-commented-code",
    "check-docstring-args",
]


@pytest.mark.parametrize("hook_id", OWN_HOOKS)
def test_this_repository_passes_its_own_hooks(hook_id, monkeypatch, capsys):
    """The hooks .pre-commit-config.yaml runs on this repository find nothing."""
    monkeypatch.chdir(TOP)
    hook = next(h for h in load_hooks() if h.id == hook_id)
    module = sys.modules[hook.check.__module__]
    files = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=TOP, capture_output=True, text=True
    ).stdout.split()
    assert module.main(files if hook.files else []) == 0, capsys.readouterr().out


def test_readme_shows_the_demo_summary_as_it_is(monkeypatch, capsys):
    from mlhooks.cli import main

    monkeypatch.chdir(TOP)
    assert main(["check", "examples/churn-demo"]) == 1
    summary = capsys.readouterr().out.split("\n\n")[-1]
    assert f"```text\n{summary}```" in README
