"""mlhooks init: exact files from each starting point, a second run changing nothing,
--dry-run, --lang ja, CI files valid against their schemas, errors as one line."""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest
from conftest import git

from mlhooks._cli import Parser
from mlhooks._config import known_hook_ids
from mlhooks._init import add_arguments, command_init
from mlhooks._initfiles import template
from mlhooks._initprecommit import mlhooks_ids
from mlhooks._initsource import pip_url
from mlhooks.check_readme_sections import OPTIONS, readme_problems

URL, REV = "https://github.com/example/mlhooks", "v1.2.0"
SOURCE = ("--repo", URL, "--rev", REV, "--no-install")
PRE = ".pre-commit-config.yaml"
IDS = [
    "check-commented-code",
    "check-dead-code",
    "check-docstring-args",
    "check-dvc",
    "check-lint-config",
    "check-mlflow",
    "check-notebook-pairing",
    "check-project-layout",
    "check-readme-sections",
    "check-reproducibility",
    "check-required-files",
    "strip-notebook-outputs",
]
HEADER = (
    "# pre-commit runs these hooks on every commit: black, isort and flake8, and the\n"
    "# mlhooks checks of the ML model-development guideline.\n"
    "# Run them all with: pre-commit run --all-files\n"
)


def block(url: str, rev: str, ids: list[str], dash: int = 2, step: int = 2) -> str:
    """A repository of a block-style configuration, as init writes it."""
    pad, hook = " " * (dash + step), " " * (dash + 2 * step)
    hooks = "".join(f"{hook}- id: {i}\n" for i in ids)
    return f"{' ' * dash}- repo: {url}\n{pad}rev: {rev}\n{pad}hooks:\n{hooks}"


BLACK = block("https://github.com/psf/black-pre-commit-mirror", "26.10.1", ["black"])
ISORT = block("https://github.com/pycqa/isort", "9.0.2", ["isort"])
FLAKE8 = block("https://github.com/pycqa/flake8", "7.5.0", ["flake8"])
OURS = block(URL, REV, IDS)
NEW_CONFIG = f"{HEADER}repos:\n{BLACK}{ISORT}{FLAKE8}{OURS}"
PYPROJECT = '[tool.black]\nline-length = 88\n\n[tool.isort]\nprofile = "black"\n'
PYPROJECT += "\n[tool.mlhooks]\n"
SETUP_CFG = "[flake8]\nmax-line-length = 88\nextend-ignore = E203,E701,E704\n"
ALL_ADDED = "isort, flake8, " + ", ".join(IDS)

OWN_CONFIG = """\
# our hooks
repos:
  # formatter, pinned on purpose
  - repo: https://github.com/psf/black-pre-commit-mirror
    rev: 24.1.0  # old but fine
    hooks:
      - id: black
  - repo: local
    hooks:
      - id: pytest
        name: 'pytest'
        entry: pytest
        language: system
        pass_filenames: false
"""
INDENTLESS = """\
repos:
- repo: https://github.com/example/mlhooks.git
  rev: v0.9.0
  hooks:
  - id: check-dvc
  - id: check-notebook-outputs
- repo: https://github.com/pycqa/isort
  rev: "5.13.2"
  hooks: [{id: isort}]
- repo: https://github.com/pycqa/flake8
  rev: 7.0.0
  hooks: []
"""
KEPT = ("check-dvc", "strip-notebook-outputs")  # listed, or its twin is
MERGED_INDENTLESS = (
    INDENTLESS.replace(
        "  - id: check-notebook-outputs\n",
        "  - id: check-notebook-outputs\n"
        + "".join(f"  - id: {i}\n" for i in IDS if i not in KEPT),
    ).replace("hooks: []", "hooks: [{id: flake8}]")
    + "- repo: https://github.com/psf/black-pre-commit-mirror\n"
    "  rev: 26.10.1\n  hooks:\n  - id: black\n"
)
COMMENTED_PYPROJECT = """\
# Build settings of the demo model.
[project]
name = "demo"  # the distribution name

[tool.black]
line-length = 100  # wide screens
"""
JAPANESE_README = (
    "# 需要予測\n\n## 目的\n\n需要を予測します。\n\n## 使い方\n\n`python train.py`\n"
)

# (files before, exact files after (None: must not exist), status lines)
STARTS = {
    "empty repository": (
        {},
        {PRE: NEW_CONFIG, "pyproject.toml": PYPROJECT, "setup.cfg": SETUP_CFG},
        [
            f"{PRE}: created",
            "pyproject.toml: created",
            "setup.cfg: created",
            "README.md: created",
            ".gitignore: created",
        ],
    ),
    "own config with black at another rev and a local hook": (
        {PRE: OWN_CONFIG},
        {PRE: OWN_CONFIG + ISORT + FLAKE8 + OURS},
        [f"{PRE}: updated (added {ALL_ADDED})", "pyproject.toml: created"],
    ),
    "mlhooks listed at another rev, indentless and flow lists": (
        {PRE: INDENTLESS},
        {PRE: MERGED_INDENTLESS},
        [
            f"{PRE}: updated (added black, flake8, "
            + ", ".join(i for i in IDS if i not in KEPT)
            + ")"
        ],
    ),
    "pyproject with comments and black line-length 100": (
        {"pyproject.toml": COMMENTED_PYPROJECT},
        {
            "pyproject.toml": COMMENTED_PYPROJECT
            + '\n[tool.isort]\nprofile = "black"\nline_length = 100\n'
            + "\n[tool.mlhooks]\n",
            "setup.cfg": SETUP_CFG.replace("88", "100"),
        },
        [
            "pyproject.toml: updated (added [tool.isort] profile, [tool.isort]"
            " line_length, [tool.mlhooks])",
            "setup.cfg: created",
        ],
    ),
    "setup.cfg with other sections": (
        {"setup.cfg": "[metadata]\nname = demo\n\n[options]\npackages = find:\n"},
        {
            "setup.cfg": "[metadata]\nname = demo\n\n[options]\npackages = find:\n\n"
            + SETUP_CFG
        },
        ["setup.cfg: updated (added [flake8] max-line-length, [flake8] extend-ignore)"],
    ),
    "tox.ini with [flake8]": (
        {"tox.ini": "[flake8]\nexclude = .git,build\n# notes\n\n[testenv]\nx = 1\n"},
        {
            "tox.ini": "[flake8]\nexclude = .git,build\nmax-line-length = 88\n"
            "extend-ignore = E203,E701,E704\n# notes\n\n[testenv]\nx = 1\n",
            "setup.cfg": None,
        },
        ["tox.ini: updated (added [flake8] max-line-length, [flake8] extend-ignore)"],
    ),
    ".flake8 written key: value": (
        {".flake8": "[flake8]\nmax_line_length: 88\n"},
        {".flake8": "[flake8]\nmax_line_length: 88\nextend-ignore: E203,E701,E704\n"},
        [".flake8: updated (added [flake8] extend-ignore)"],
    ),
    "CRLF files and a byte order mark": (
        {
            PRE: "repos:\r\n"
            + BLACK.replace("26.10.1", "24.1.0").replace("\n", "\r\n"),
            "pyproject.toml": b"[tool.black]\r\nline-length = 88\r\n",
            "setup.cfg": b"\xef\xbb\xbf[metadata]\r\nname = demo\r\n",
        },
        {
            PRE: (
                "repos:\n" + BLACK.replace("26.10.1", "24.1.0") + ISORT + FLAKE8 + OURS
            ).replace("\n", "\r\n"),
            "pyproject.toml": PYPROJECT.replace("\n", "\r\n"),
            "setup.cfg": ("\ufeff[metadata]\nname = demo\n\n" + SETUP_CFG).replace(
                "\n", "\r\n"
            ),
        },
        [
            f"{PRE}: updated (added {ALL_ADDED})",
            "pyproject.toml: updated (added [tool.isort] profile, [tool.mlhooks])",
        ],
    ),
    "README in Japanese lacking sections": (
        {"README.md": JAPANESE_README},
        {"README.md": JAPANESE_README},
        [
            "README.md: unchanged",
            "  lacks the sections overview, io-spec, configuration, environment, data,"
            " results, which the guideline asks for; left as it is"
            " (check-readme-sections will report them)",
        ],
    ),
}


def init(*argv: str) -> int:
    parser = Parser(prog="mlhooks init")
    add_arguments(parser)
    return command_init(vars(parser.parse_args(argv)))


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` but git's own, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(root).parts[:1]
    }


def content(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


@pytest.mark.parametrize("name", STARTS)
def test_init_writes_exactly(
    name: str, make_files: Callable[..., Path], capsys
) -> None:
    before, after, lines = STARTS[name]
    root = make_files(before)
    assert init(*SOURCE) == 0
    for path, expected in after.items():
        if expected is None:
            assert not (root / path).exists()
        else:
            assert (root / path).read_bytes() == content(expected), path
    out = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line not in out] == []


@pytest.mark.parametrize("name", STARTS)
def test_a_second_run_changes_nothing(name: str, make_files, capsys) -> None:
    root = make_files(STARTS[name][0])
    assert init(*SOURCE) == 0
    first = snapshot(root)
    capsys.readouterr()
    assert init(*SOURCE) == 0
    assert snapshot(root) == first
    said = capsys.readouterr().out.split("Next:\n")[0].splitlines()
    files = [line for line in said if not line.startswith("  ")]
    assert files[-1] == "Nothing to change."
    assert [line for line in files[:-1] if not line.endswith(": unchanged")] == []


@pytest.mark.parametrize(
    "before", [OWN_CONFIG, INDENTLESS, "repos: []\n", "# none yet", "repos: [] # c"]
)
def test_the_result_is_a_valid_pre_commit_configuration(
    before: str, make_files
) -> None:
    root = make_files({PRE: before})
    assert init(*SOURCE) == 0
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", PRE],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_flow_style_repos_get_flow_items(make_files) -> None:
    isort = "{repo: https://github.com/pycqa/isort, rev: 5.13.2, hooks: [{id: isort}]}"
    flow = f"repos: [{isort}]\n"
    root = make_files({PRE: flow})
    assert init(*SOURCE) == 0
    hooks = ", ".join(f"{{id: {i}}}" for i in IDS)
    assert (root / PRE).read_text() == flow.replace(
        "]}]",
        "]}, {repo: https://github.com/psf/black-pre-commit-mirror, rev: 26.10.1,"
        " hooks: [{id: black}]}, {repo: https://github.com/pycqa/flake8, rev: 7.5.0,"
        f" hooks: [{{id: flake8}}]}}, {{repo: {URL}, rev: {REV}, hooks: [{hooks}]}}]",
    )


def test_ruff_counts_as_the_linters_where_check_lint_config_allows_it(
    make_files,
) -> None:
    ruff = block(
        "https://github.com/astral-sh/ruff-pre-commit",
        "v0.6.0",
        ["ruff", "ruff-format"],
    )
    root = make_files({PRE: f"repos:\n{ruff}"})
    assert init(*SOURCE) == 0
    assert (root / PRE).read_text() == f"repos:\n{ruff}{OURS}"


@pytest.mark.parametrize(
    "files, where",
    [
        ({PRE: "repos:\n  - repo: x\n   bad: [\n"}, f"{PRE}:3: does not parse as YAML"),
        (
            {"pyproject.toml": "[tool.black\n"},
            "pyproject.toml:1: does not parse as TOML",
        ),
        ({"setup.cfg": "no section\n"}, "setup.cfg:1: does not parse as INI"),
        ({"setup.cfg": b"[flake8]\nx = \xe9\n"}, "setup.cfg:2: not valid UTF-8"),
        ({PRE: "- repo: local\n"}, f"{PRE}: not a pre-commit configuration"),
        ({"pyproject.toml": 'tool = "x"\n'}, "pyproject.toml: tool is not a table"),
    ],
)
def test_an_unreadable_file_stops_everything(
    files: dict[str, Any], where: str, make_files, capsys
) -> None:
    root = make_files(files)
    before = snapshot(root)
    assert init(*SOURCE) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"mlhooks init: error: {where}")
    assert captured.err.count("\n") == 1
    assert snapshot(root) == before


def test_disagreeing_settings_are_kept_and_named(make_files, capsys) -> None:
    pyproject = "[tool.black]\nline-length = 100\n\n[tool.isort]\nline_length = 79\n"
    root = make_files({"pyproject.toml": pyproject})
    assert init(*SOURCE) == 0
    assert (
        (root / "pyproject.toml")
        .read_text()
        .startswith(pyproject + 'profile = "black"\n')
    )
    out = capsys.readouterr().out
    note = "  left as it is; check-lint-config will report it: MLH601 isort"
    assert out.splitlines()[2].startswith(f"{note} line_length = 79")


def added(text: str) -> str:
    return "".join(f"+{line}\n" for line in text.splitlines())


DRY_RUN = (
    f"--- a/{PRE}\n+++ b/{PRE}\n@@ -3,3 +3,26 @@\n"
    "     rev: 24.1.0\n     hooks:\n       - id: black\n"
    + added(ISORT + FLAKE8 + OURS)
    + """\
--- a/pyproject.toml
+++ b/pyproject.toml
@@ -1,2 +1,8 @@
 [tool.black]
 line-length = 100
+
+[tool.isort]
+profile = "black"
+line_length = 100
+
+[tool.mlhooks]
--- a/setup.cfg
+++ b/setup.cfg
@@ -1,2 +1,6 @@
 [metadata]
-name = demo
\\ No newline at end of file
+name = demo
+
+[flake8]
+max-line-length = 100
+extend-ignore = E203,E701,E704
"""
    + f"{PRE}: would be updated (adding {ALL_ADDED})\n"
    + "pyproject.toml: would be updated (adding [tool.isort] profile, [tool.isort]"
    " line_length, [tool.mlhooks])\n"
    "setup.cfg: would be updated (adding [flake8] max-line-length, [flake8]"
    " extend-ignore)\n"
    "README.md: unchanged\n"
    ".gitignore: unchanged\n"
    "Dry run: nothing was written.\n"
)


def test_dry_run_prints_the_diff_and_writes_nothing(make_files, capsys) -> None:
    files = {
        PRE: "repos:\n" + BLACK.replace("26.10.1", "24.1.0"),
        "pyproject.toml": "[tool.black]\nline-length = 100\n",
        "setup.cfg": "[metadata]\nname = demo",
        "README.md": template("README.en.md").replace("${project}", "demo"),
        ".gitignore": "*.pyc\n",
    }
    root = make_files(files)
    before = snapshot(root)
    assert init(*SOURCE, "--dry-run") == 0
    assert snapshot(root) == before
    assert capsys.readouterr().out == DRY_RUN


def test_dry_run_of_a_set_up_repository_shows_no_diff(make_files, capsys) -> None:
    make_files({})
    init(*SOURCE)
    capsys.readouterr()
    assert init(*SOURCE, "--dry-run") == 0
    out = capsys.readouterr().out
    assert not out.startswith("---")
    assert out.endswith(
        "README.md: unchanged\n.gitignore: unchanged\nDry run: nothing was written.\n"
    )


def test_lang_ja_writes_a_japanese_readme_and_speaks_japanese(
    make_files, capsys
) -> None:
    root = make_files({})
    assert init(*SOURCE, "--lang", "ja") == 0
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme == template("README.ja.md").replace("${project}", root.name)
    assert "## 目的\n" in readme and "## 結果\n" in readme
    assert (
        (root / "pyproject.toml").read_text().endswith('[tool.mlhooks]\nlang = "ja"\n')
    )
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"{PRE}: 作成しました", "pyproject.toml: 作成しました"]
    assert "次の手順:" in out


def test_lang_ja_keeps_another_configured_language(make_files, capsys) -> None:
    root = make_files({"pyproject.toml": '[tool.mlhooks]\nlang = "en"\n'})
    assert init(*SOURCE, "--lang", "ja") == 0
    assert '[tool.mlhooks]\nlang = "en"\n' in (root / "pyproject.toml").read_text()
    assert "  [tool.mlhooks] の lang = en はそのままにしました (--lang ja)" in (
        capsys.readouterr().out.splitlines()
    )


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_readme_skeleton_has_every_section(lang: str) -> None:
    settings = {o.name: o.default for o in OPTIONS}
    text = template(f"README.{lang}.md").replace("${project}", "demo")
    codes = [d.code for d in readme_problems("README.md", text, settings)]
    assert codes == ["MLH412", "MLH413"]  # a number and a command are the author's


def test_the_gitignore_keeps_dvc_files_and_ignores_caches(make_files) -> None:
    root = make_files({})
    init(*SOURCE)
    names = [
        "a.csv.dvc",
        ".mlhooks_cache/x",
        "mlruns/0/meta.yaml",
        "m/__pycache__/x.pyc",
    ]
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *names],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert done.stdout.split() == names[1:]


def schema_valid(schema: str, path: Path) -> tuple[int, str]:
    command = [shutil.which("check-jsonschema") or "check-jsonschema"]
    done = subprocess.run(
        [*command, "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stdout + done.stderr


def test_github_workflow_is_valid(make_files, capsys) -> None:
    root = make_files({})
    assert init(*SOURCE, "--ci", "github") == 0
    workflow = root / ".github/workflows/mlhooks.yml"
    assert workflow.read_text() == template("github-workflow.yml")
    assert schema_valid("vendor.github-workflows", workflow) == (
        0,
        "ok -- validation done\n",
    )
    text = workflow.read_text()
    assert "path: ~/.cache/pre-commit" in text
    assert "hashFiles('.pre-commit-config.yaml')" in text
    assert "steps.python.outputs.python-version" in text
    assert "run: pre-commit run --all-files --show-diff-on-failure" in text


def test_an_existing_workflow_is_left_as_it_is(make_files, capsys) -> None:
    root = make_files({".github/workflows/mlhooks.yml": "on: push\n"})
    assert init(*SOURCE, "--ci", "github") == 0
    assert (root / ".github/workflows/mlhooks.yml").read_text() == "on: push\n"
    out = capsys.readouterr().out.splitlines()
    assert out[3:5] == [
        ".github/workflows/mlhooks.yml: unchanged",
        "  differs from the workflow mlhooks init writes; left as it is",
    ]


GITLAB_JOB = template("gitlab-ci.yml").replace(
    "<install>", f"pip install pre-commit 'mlhooks @ git+{URL}@{REV}'"
)


@pytest.mark.parametrize(
    "before, after",
    [
        ("", GITLAB_JOB),
        (
            "stages: [build, deploy]\nbuild:\n  stage: build\n  script: [make]",
            "stages: [build, deploy]\nbuild:\n  stage: build\n  script: [make]\n\n"
            + GITLAB_JOB.replace("\nmlhooks:\n", "\nmlhooks:\n  stage: .pre\n"),
        ),
        (
            "test:\n  script: [pytest]\n",
            "test:\n  script: [pytest]\n\n" + GITLAB_JOB,
        ),
    ],
)
def test_gitlab_job_is_appended_and_valid(before: str, after: str, make_files) -> None:
    root = make_files({".gitlab-ci.yml": before} if before else {})
    assert init(*SOURCE, "--ci", "gitlab") == 0
    path = root / ".gitlab-ci.yml"
    assert path.read_text() == after
    assert schema_valid("vendor.gitlab-ci", path) == (0, "ok -- validation done\n")
    text = path.read_text()
    assert "PRE_COMMIT_HOME: ${CI_PROJECT_DIR}/.cache/pre-commit" in text
    assert "mlhooks check --format gitlab > gl-code-quality-report.json" in text
    assert "codequality: gl-code-quality-report.json" in text
    assert "when: always" in text


def test_a_gitlab_job_of_that_name_is_kept(make_files, capsys) -> None:
    before = "mlhooks:\n  script: [echo]\n"
    root = make_files({".gitlab-ci.yml": before})
    assert init(*SOURCE, "--ci", "gitlab") == 0
    assert (root / ".gitlab-ci.yml").read_text() == before
    assert ".gitlab-ci.yml: unchanged" in capsys.readouterr().out.splitlines()


def test_layout_folders_get_a_gitkeep(make_files, capsys) -> None:
    root = make_files({"models": "not a folder\n", "notebooks/eda.py": "x = 1\n"})
    assert init(*SOURCE, "--layout") == 0
    kept = sorted(p.relative_to(root).as_posix() for p in root.rglob(".gitkeep"))
    assert kept == [
        "data/external/.gitkeep",
        "data/interim/.gitkeep",
        "data/processed/.gitkeep",
        "data/raw/.gitkeep",
        "references/.gitkeep",
        "reports/figures/.gitkeep",
    ]
    assert (root / "data/raw/.gitkeep").read_bytes() == b""
    capsys.readouterr()
    assert init(*SOURCE, "--layout") == 0
    out = capsys.readouterr().out.splitlines()
    assert "data/raw/.gitkeep: unchanged" in out
    assert "Nothing to change." in out


def test_next_steps_in_a_fresh_repository(make_files, capsys) -> None:
    make_files({})
    init(*SOURCE)
    out = capsys.readouterr().out
    assert out.split("Next:\n")[1] == (
        f"  git add {PRE} pyproject.toml setup.cfg README.md .gitignore\n"
        "  pre-commit install\n"
        "  pre-commit run --all-files\n"
    )


def test_outside_git_the_folder_itself_is_set_up(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "project").mkdir()
    assert init("project", *SOURCE) == 0
    assert (tmp_path / "project" / PRE).read_text() == NEW_CONFIG
    out = capsys.readouterr().out
    assert out.startswith(f"project/{PRE}: created\n")
    assert out.split("Next:\n")[1].splitlines()[:2] == [
        f"  cd {tmp_path / 'project'}",
        "  git init",
    ]


def test_not_a_folder(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert init("missing", *SOURCE) == 2
    assert capsys.readouterr().err == (
        "mlhooks init: error: missing: not a folder; give the folder of the project"
        " to set up\n"
    )


class Installed:
    """A distribution whose direct_url.json is ``info``."""

    def __init__(self, info: dict[str, Any] | None) -> None:
        self.info = info

    def read_text(self, name: str) -> str | None:
        return json.dumps(self.info) if self.info else None


@pytest.fixture
def installed(monkeypatch) -> Callable[[dict[str, Any] | None], None]:
    def install(info: dict[str, Any] | None) -> None:
        monkeypatch.setattr(
            importlib.metadata, "distribution", lambda _: Installed(info)
        )

    return install


def test_the_repository_comes_from_a_git_install(make_files, installed) -> None:
    vcs = {"vcs": "git", "requested_revision": "v2.0.0", "commit_id": "a" * 40}
    installed({"url": "https://github.com/team/mlhooks.git", "vcs_info": vcs})
    root = make_files({})
    assert init("--no-install") == 0
    data = (root / PRE).read_text()
    assert "  - repo: https://github.com/team/mlhooks.git\n    rev: v2.0.0\n" in data


@pytest.mark.parametrize("tagged", [True, False])
def test_the_repository_comes_from_a_folder_install(
    tagged: bool, tmp_path, make_files, installed, capsys
) -> None:
    folder = tmp_path / "mlhooks-clone"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    git(folder, "commit", "-q", "--allow-empty", "-m", "one")
    if tagged:
        git(folder, "tag", "v3.1.0")
    sha = git(folder, "rev-parse", "HEAD").strip()
    installed({"url": folder.as_uri(), "dir_info": {"editable": True}})
    root = make_files({})
    assert init("--no-install") == 0
    rev = "v3.1.0" if tagged else sha
    assert f"  - repo: {folder}\n    rev: {rev}\n" in (root / PRE).read_text()
    out = capsys.readouterr().out.splitlines()
    assert out[1] == (
        f"  the mlhooks hooks come from the folder {folder}, which other clones and CI"
        " cannot reach; to share them, pass --repo with a URL they can reach"
    )


@pytest.mark.parametrize(
    "argv, error",
    [
        (
            (),
            "cannot tell where the mlhooks hooks come from (mlhooks was not installed"
            " from a git repository or a folder); pass --repo URL and --rev REV",
        ),
        (
            ("--repo", URL),
            f"no revision of {URL} to pin; pass --rev with a tag or commit",
        ),
    ],
)
def test_no_known_repository_asks_for_repo(
    argv: tuple[str, ...], error: str, make_files, installed, capsys
) -> None:
    installed(None)
    root = make_files({})
    assert init(*argv, "--no-install") == 2
    assert capsys.readouterr().err == f"mlhooks init: error: {error}\n"
    assert snapshot(root) == {}


def test_pip_spells_scp_urls_as_ssh() -> None:
    assert pip_url("git@github.com:team/mlhooks.git") == (
        "ssh://git@github.com/team/mlhooks.git"
    )
    assert pip_url(URL) == URL


def test_the_checking_twin_of_a_fixer_is_left_out() -> None:
    assert mlhooks_ids() == IDS
    assert set(known_hook_ids()) - set(IDS) == {"check-notebook-outputs"}


needs_pre_commit = pytest.mark.skipif(
    shutil.which("pre-commit") is None, reason="pre-commit is not on PATH"
)


@needs_pre_commit
def test_pre_commit_install_runs_once(
    make_files, monkeypatch, tmp_path, capsys
) -> None:
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    root = make_files({})
    assert init("--repo", URL, "--rev", REV) == 0
    assert (root / ".git/hooks/pre-commit").is_file()
    out = capsys.readouterr().out
    assert ".git/hooks/pre-commit: installed (pre-commit install)\n" in out
    assert "  pre-commit install\n" not in out
    assert init("--repo", URL, "--rev", REV) == 0
    out = capsys.readouterr().out
    assert ".git/hooks/pre-commit: unchanged\nNothing to change.\n" in out


@needs_pre_commit
def test_a_failing_pre_commit_install_is_one_line(
    make_files, monkeypatch, tmp_path, capsys
) -> None:
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    root = make_files({})
    git(root, "config", "core.hooksPath", "my-hooks")
    assert init("--repo", URL, "--rev", REV) == 0
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if "pre-commit install failed" in line]
    assert failed == [
        "pre-commit install failed: [ERROR] Cowardly refusing to install hooks with"
        " `core.hooksPath` set. hint: `git config --unset-all core.hooksPath`"
    ]
    assert "  pre-commit install\n" in out


def test_a_disagreement_in_another_file_is_noted_under_it(make_files, capsys) -> None:
    make_files({".isort.cfg": "[settings]\nprofile = google\n"})
    assert init(*SOURCE) == 0
    out = capsys.readouterr().out.split("Next:\n")[0].splitlines()
    assert out[-2] == ".isort.cfg: unchanged"
    assert out[-1].startswith(
        "  left as it is; check-lint-config will report it: MLH602 isort does not use"
        " the black profile"
    )
