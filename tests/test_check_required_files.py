from __future__ import annotations

import json

import pytest

from mlhooks.check_required_files import main

COMPLETE = {
    "requirements.txt": "numpy\n",
    "README.md": "# churn\n",
    "params.yaml": "seed: 1\n",
    ".gitignore": "data/\n",
    ".pre-commit-config.yaml": "repos: []\n",
}

MISSING = {
    "MLH401": ".: MLH401 no environment file: the guideline asks for an explicit run"
    " environment that anyone can rebuild; add requirements.txt (pip freeze >"
    " requirements.txt), environment.yml, a Dockerfile, or [project] dependencies in"
    " pyproject.toml",
    "MLH402": ".: MLH402 no README: the guideline's documents (purpose, setup, data,"
    " how to run, results) live in the README; add README.md with the guideline's"
    " sections",
    "MLH403": ".: MLH403 no model or run configuration file: the guideline asks for"
    " the settings that drive model generation to live in a configuration file, not in"
    " code; move the parameters into params.yaml (or configs/*.yaml)",
    "MLH404": ".: MLH404 no .gitignore: without it, data, models, caches and secrets"
    " end up in git; create .gitignore (for example GitHub's Python template)",
    "MLH405": ".: MLH405 no .pre-commit-config.yaml: it is what runs black, isort,"
    " flake8 and mlhooks on every commit; add .pre-commit-config.yaml listing black,"
    " isort, flake8 and the mlhooks hooks, then run: pre-commit install",
}


def test_complete_repository_passes(make_files, capsys):
    make_files(COMPLETE)
    assert main([]) == 0
    assert capsys.readouterr().out == ""


def test_empty_repository_reports_every_item(git_repo, capsys):
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == list(MISSING.values())


@pytest.mark.parametrize(
    "replacement",
    [
        {"environment.yml": "name: x\n"},
        {"requirements-dev.txt": "pytest\n"},
        {"requirements/base.txt": "numpy\n"},
        {"docker/Dockerfile": "FROM python:3.11\n"},
        {"Pipfile": "[packages]\n"},
        {"pyproject.toml": "[project]\nname='x'\ndependencies=['numpy']\n"},
        {"pyproject.toml": "[tool.poetry.dependencies]\npython='^3.11'\n"},
        {"setup.cfg": "[options]\ninstall_requires =\n    numpy\n"},
    ],
)
def test_any_environment_file_counts(make_files, capsys, replacement):
    files = {k: v for k, v in COMPLETE.items() if k != "requirements.txt"}
    make_files({**files, **replacement})
    assert main([]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pyproject.toml", "[tool.black]\nline-length = 88\n"),
        ("setup.cfg", "[flake8]\nmax-line-length = 88\n"),
    ],
)
def test_tool_config_alone_is_not_an_environment(make_files, capsys, name, content):
    files = {k: v for k, v in COMPLETE.items() if k != "requirements.txt"}
    make_files({**files, name: content})
    assert main(["--config", "/dev/null"] if name != "pyproject.toml" else []) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        f".: MLH401 no environment file ({name} declares no dependencies):"
    )


@pytest.mark.parametrize(
    "replacement",
    [
        {"configs/train.yaml": "lr: 0.1\n"},
        {"conf/model/resnet.yaml": "depth: 50\n"},
        {"config.json": "{}\n"},
        {"src/churn/params.yml": "seed: 1\n"},
    ],
)
def test_any_configuration_file_counts(make_files, replacement):
    files = {k: v for k, v in COMPLETE.items() if k != "params.yaml"}
    make_files({**files, **replacement})
    assert main([]) == 0


@pytest.mark.parametrize("code", sorted(MISSING))
def test_each_missing_item_is_reported_alone(make_files, capsys, code):
    index = sorted(MISSING).index(code)
    make_files({k: v for i, (k, v) in enumerate(COMPLETE.items()) if i != index})
    assert main([]) == 1
    assert capsys.readouterr().out == MISSING[code] + "\n"


def test_untracked_file_is_reported_with_git_add(make_files, capsys):
    files = {k: v for k, v in COMPLETE.items() if k != "README.md"}
    make_files(files)
    make_files({"README.md": "# x\n"}, track=False)
    assert main([]) == 1
    assert capsys.readouterr().out == (
        "README.md: MLH406 README.md exists but git does not track it, so nobody else"
        " gets it; run: git add README.md\n"
    )


def test_readme_is_matched_case_insensitively(make_files):
    files = {k: v for k, v in COMPLETE.items() if k != "README.md"}
    make_files({**files, "Readme.md": "# x\n"})
    assert main([]) == 0


def test_custom_globs_are_named_in_the_message(make_files, capsys):
    files = {k: v for k, v in COMPLETE.items() if k != "params.yaml"}
    make_files(files)
    assert main(["--config-files", "hparams/*.yaml,model.toml"]) == 1
    assert capsys.readouterr().out.endswith(
        "not in code; add one of: hparams/*.yaml, model.toml\n"
    )


def test_config_file_options_and_ignore(make_files, capsys):
    files = {
        k: v for k, v in COMPLETE.items() if k not in ("params.yaml", ".gitignore")
    }
    pyproject = (
        "[tool.mlhooks]\nignore = {MLH404 = 'ignored by the platform'}\n"
        "[tool.mlhooks.check-required-files]\nconfig-files = ['hparams.json']\n"
    )
    make_files({**files, "pyproject.toml": pyproject, "hparams.json": "{}"})
    assert main([]) == 0, capsys.readouterr().out


def test_exclude_hides_matching_files(make_files, capsys):
    files = {k: v for k, v in COMPLETE.items() if k != "requirements.txt"}
    make_files({**files, "vendor/lib/requirements.txt": "x\n"})
    assert main(["--exclude", "vendor/"]) == 1
    assert "MLH401" in capsys.readouterr().out


def test_json_format(git_repo, capsys):
    assert main(["--format", "json", "--select", "MLH404"]) == 1
    [record] = json.loads(capsys.readouterr().out)
    assert record == {
        "path": ".",
        "line": 0,
        "col": 0,
        "code": "MLH404",
        "message": MISSING["MLH404"].split("MLH404 ", 1)[1],
        "fixed": False,
        "cell": None,
    }


def test_outside_git_every_file_counts(tmp_path, monkeypatch, capsys):
    for name, content in COMPLETE.items():
        (tmp_path / name).write_text(content)
    monkeypatch.chdir(tmp_path)
    assert main([]) == 0, capsys.readouterr().out


def test_unknown_config_key_is_a_usage_error(make_files, capsys):
    make_files(
        {"pyproject.toml": "[tool.mlhooks.check-required-files]\nreadme-file = []\n"}
    )
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err == (
        "check-required-files: error: pyproject.toml"
        " [tool.mlhooks.check-required-files]: unknown key 'readme-file' (did you mean"
        " 'readme-files'? valid keys: config-files, environment-files, readme-files)\n"
    )


def test_untracked_tool_only_pyproject_is_not_offered_for_git_add(make_files, capsys):
    make_files({k: v for k, v in COMPLETE.items() if k != "requirements.txt"})
    make_files({"pyproject.toml": "[tool.black]\nline-length = 88\n"}, track=False)
    assert main([]) == 1
    assert capsys.readouterr().out.startswith(".: MLH401 no environment file: ")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "setup.cfg",
            "[options\ninstall_requires = numpy\n",
            ".: MLH401 no environment file: the guideline",
        ),
        ("pyproject.toml", "project = 'x'\n", ".: MLH401 no environment file"),
        ("pyproject.toml", "[project]\ndynamic = 'dependencies'\n", ".: MLH401"),
    ],
)
def test_odd_dependency_files(make_files, capsys, name, content, expected):
    make_files({k: v for k, v in COMPLETE.items() if k != "requirements.txt"})
    make_files({name: content})
    assert main(["--config", "/dev/null"] if name == "pyproject.toml" else []) == 1
    assert capsys.readouterr().out.startswith(expected)


@pytest.mark.parametrize(
    ("config", "counts"),
    [
        ("src/model/gpt2-ja-xsmall-config.json", True),
        ("src/churn/configs/train.yaml", True),
        ("experiments/conf/model/resnet.yaml", True),
        ("hparams.yaml", True),
        ("model_config.toml", True),
        (".github/release-drafter-config.yml", False),
        (".devcontainer/config.json", False),
    ],
)
def test_model_configuration_globs(make_files, config, counts):
    make_files({k: v for k, v in COMPLETE.items() if k != "params.yaml"})
    make_files({config: "{}\n"})
    assert (main(["--select", "MLH403"]) == 0) is counts


JA_MISSING = {
    "MLH401": ".: MLH401 環境ファイルがありません: ガイドラインは、誰でも再構築できるよう"
    "実行環境を明示することを求めています。requirements.txt (pip freeze >"
    " requirements.txt)、environment.yml、Dockerfile、または pyproject.toml の"
    " [project] dependencies を追加してください",
    "MLH402": ".: MLH402 README がありません: ガイドラインは、ドキュメント (目的、"
    "環境構築、データ、実行方法、結果) を README に記載することを求めています。"
    "ガイドラインのセクションを備えた README.md を追加してください",
    "MLH403": ".: MLH403 モデルや実行の設定ファイルがありません: ガイドラインは、モデル"
    "生成を制御する設定をコードではなく設定ファイルに置くことを求めています。パラメータを"
    " params.yaml (または configs/*.yaml) に移してください",
    "MLH404": ".: MLH404 .gitignore がありません: これがないと、データ、モデル、キャッシュ"
    "や秘密情報が git に入ってしまいます。.gitignore を作成してください (例: GitHub の"
    " Python 用テンプレート)",
    "MLH405": ".: MLH405 .pre-commit-config.yaml がありません: コミットのたびに black、"
    "isort、flake8 と mlhooks を実行するのはこのファイルです。black、isort、flake8 と"
    " mlhooks のフックを並べた .pre-commit-config.yaml を追加してから、次を実行して"
    "ください: pre-commit install",
}


@pytest.mark.parametrize(
    ("drop", "add", "argv", "expected"),
    [
        ("README.md", {}, [], [JA_MISSING["MLH402"]]),
        (
            "requirements.txt",
            {"pyproject.toml": "[tool.black]\nline-length = 88\n"},
            [],
            [
                ".: MLH401 環境ファイルがありません (pyproject.toml には依存パッケージの"
                "宣言がありません): ガイドラインは、誰でも再構築できるよう実行環境を明示"
                "することを求めています。requirements.txt (pip freeze > requirements.txt)"
                "、environment.yml、Dockerfile、または pyproject.toml の [project]"
                " dependencies を追加してください"
            ],
        ),
        (
            "params.yaml",
            {},
            ["--config-files", "hparams/*.yaml,model.toml"],
            [
                ".: MLH403 モデルや実行の設定ファイルがありません: ガイドラインは、モデル"
                "生成を制御する設定をコードではなく設定ファイルに置くことを求めています。"
                "次のいずれかを追加してください: hparams/*.yaml、model.toml"
            ],
        ),
        (
            ".gitignore",
            {},
            ["--select", "MLH404"],
            [JA_MISSING["MLH404"]],
        ),
    ],
    ids=["README", "tool-only pyproject", "custom globs", ".gitignore"],
)
def test_japanese_messages(make_files, capsys, drop, add, argv, expected):
    make_files({**{k: v for k, v in COMPLETE.items() if k != drop}, **add})
    assert main([*argv, "--lang", "ja"]) == 1
    assert capsys.readouterr().out.splitlines() == expected


def test_japanese_untracked_file(make_files, capsys):
    make_files({k: v for k, v in COMPLETE.items() if k != "README.md"})
    make_files({"README.md": "# x\n"}, track=False)
    assert main(["--lang", "ja"]) == 1
    assert capsys.readouterr().out == (
        "README.md: MLH406 README.md はありますが git で追跡されていないため、ほかの人"
        "には届きません。次を実行してください: git add README.md\n"
    )


def test_lang_in_pyproject_gives_japanese(make_files, capsys):
    files = {k: v for k, v in COMPLETE.items() if k != "params.yaml"}
    make_files({**files, "pyproject.toml": '[tool.mlhooks]\nlang = "ja"\n'})
    assert main([]) == 1
    assert capsys.readouterr().out == JA_MISSING["MLH403"] + "\n"


def test_japanese_locale_gives_japanese(git_repo, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == list(JA_MISSING.values())
