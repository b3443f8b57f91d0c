from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Iterator

import pytest
from conftest import git

from mlhooks._i18n import set_language
from mlhooks.check_mlflow import main

RESOURCES = Path(__file__).parent / "resources" / "check-mlflow"
ENV = {"requirements.txt": "mlflow==2.16.2\nscikit-learn==1.5.2\n"}
WHY_511 = (
    "the guideline's experiment tracking records the parameters, metrics, git commit"
    " and model of every training run, automatically"
)
WHY_512 = (
    "runs, their artifacts and models belong in the tracking store; in git they bloat"
    " the history with every run and conflict on every merge"
)
WHY_513 = (
    "the guideline asks for a run environment anyone can rebuild, and without mlflow"
    " the training stops at its import"
)
WHY_514 = (
    "the team's compliance rules keep keys out of the repository, and git keeps every"
    " committed secret in its history"
)
FIX_URI = (
    "drop user and password from the URI, export MLFLOW_TRACKING_USERNAME and"
    " MLFLOW_TRACKING_PASSWORD outside the repository, and change the password"
)
UNTRACKED = """\
from sklearn.linear_model import LogisticRegression


def main():
    LogisticRegression().fit([[0], [1]], [0, 1])


if __name__ == "__main__":
    main()
"""


def mlh511(path: str, searched: str = "", declare: str = "") -> str:
    kind = "notebook" if path.endswith(".ipynb") else "script"
    where = f" nor in the project modules it imports ({searched})" if searched else ""
    tail = f", and {declare}" if declare else ""
    return (
        f"{path}: MLH511 training {kind} records no MLflow run: no mlflow.start_run(),"
        " mlflow.log_*(), mlflow.autolog() or MLflow logger or callback in"
        f" it{where}: {WHY_511}; add `import mlflow` and `mlflow.autolog()` at the"
        f" start of training (or log inside `with mlflow.start_run():`){tail}"
    )


def mlh513(path: str, where: str, files: str, how: str) -> str:
    return (
        f"{path}: MLH513 mlflow is imported ({where}) but declared in no environment"
        f" file ({files}): {WHY_513}; {how} (mlflow-skinny also does)"
    )


def mlh514(where: str, shown: str, setting: str = "") -> str:
    fix = FIX_URI
    if setting:
        fix = (
            f"set {setting} outside the repository (shell profile, CI secret"
            " variable), and rotate the leaked value"
        )
    return (
        f"{where}: MLH514 MLflow tracking credentials in the repository ({shown}):"
        f" {WHY_514}; {fix}"
    )


def notebook(*sources: str) -> str:
    cells = [
        {
            "cell_type": "markdown" if source.startswith("#!md ") else "code",
            "id": f"cell-{number}",
            "metadata": {},
            "source": source.removeprefix("#!md "),
            **({} if source.startswith("#!md ") else {"outputs": []}),
        }
        for number, source in enumerate(sources, 1)
    ]
    for cell in cells:
        if cell["cell_type"] == "code":
            cell["execution_count"] = None
    data = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(data, indent=1, ensure_ascii=False)


@pytest.fixture
def make_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write ``{path: content}`` into a plain folder, the current one: outside git
    every file counts as tracked, and the tests run faster."""
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)

    def make(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


def run(make, capsys, files, *args: str) -> tuple[int, list[str]]:
    make(files)
    code = main(list(args))
    return code, capsys.readouterr().out.splitlines()


def script(body: str) -> str:
    return f"{body}\n\n\nif __name__ == '__main__':\n    main()\n"


# --- MLH511: every kind of evidence, in the script itself -----------------------

EVIDENCE = {
    "start_run": "import mlflow\n\ndef main():\n    with mlflow.start_run():\n"
    "        pass",
    "log_metric": "import mlflow\n\ndef main():\n    mlflow.log_metric('auc', 0.9)",
    "log_params": "import mlflow\n\ndef main():\n    mlflow.log_params({'lr': 0.1})",
    "autolog": "import mlflow\n\ndef main():\n    mlflow.autolog()",
    "flavour autolog": "import mlflow.sklearn\n\ndef main():\n"
    "    mlflow.sklearn.autolog()",
    "flavour log_model": "import mlflow\n\ndef main(m):\n"
    "    mlflow.sklearn.log_model(m, 'model')",
    "pyfunc log_model": "import mlflow\n\ndef main(m):\n"
    "    mlflow.pyfunc.log_model('model', python_model=m)",
    "alias": "import mlflow as mf\n\ndef main():\n    mf.autolog()",
    "from import": "from mlflow import log_metric, start_run\n\ndef main():\n"
    "    with start_run():\n        log_metric('auc', 0.9)",
    "from flavour import": "from mlflow.sklearn import autolog\n\ndef main():\n"
    "    autolog()",
    "flavour module alias": "from mlflow import xgboost as mlx\n\ndef main():\n"
    "    mlx.autolog()",
    "set_tag": "import mlflow\n\ndef main():\n    mlflow.set_tag('stage', 'dev')",
    "evaluate": "import mlflow\n\ndef main(m, df):\n"
    "    mlflow.evaluate(m, df, targets='y', model_type='classifier')",
    "client create_run": "from mlflow import MlflowClient\n\ndef main():\n"
    "    client = MlflowClient()\n    client.create_run('0')",
    "client log_metric": "from mlflow.tracking import MlflowClient\n\n"
    "def main(run_id):\n    MlflowClient().log_metric(run_id, 'auc', 0.9)",
    "client on self": "import mlflow\n\nclass T:\n    def __init__(self):\n"
    "        self.client = mlflow.MlflowClient()\n\n    def log(self, run_id):\n"
    "        self.client.log_param(run_id, 'lr', 0.1)\n\ndef main():\n    T()",
    "lightning logger": "from pytorch_lightning.loggers import MLFlowLogger\n"
    "import pytorch_lightning as pl\n\ndef main():\n"
    "    pl.Trainer(logger=MLFlowLogger(experiment_name='churn'))",
    "lightning 2 logger": "from lightning.pytorch.loggers import MLFlowLogger\n\n"
    "def main():\n    return MLFlowLogger()",
    "lightning attribute": "import lightning.pytorch as pl\n\ndef main():\n"
    "    pl.Trainer(logger=pl.loggers.MLFlowLogger())",
    "report_to": "from transformers import TrainingArguments\n\ndef main():\n"
    "    TrainingArguments(output_dir='out', report_to='mlflow')",
    "report_to list": "from transformers import TrainingArguments\n\ndef main():\n"
    "    TrainingArguments(output_dir='out', report_to=['tensorboard', 'mlflow'])",
    "report_to all": "from transformers import TrainingArguments\n\ndef main():\n"
    "    TrainingArguments(output_dir='out', report_to='all')",
    "report_to in a dict": "def main():\n    args = {'report_to': ['mlflow']}\n"
    "    return args",
    "accelerate log_with": "from accelerate import Accelerator\n\ndef main():\n"
    "    Accelerator(log_with='mlflow')",
    "hugging face callback": "from transformers.integrations import MLflowCallback\n\n"
    "def main(trainer):\n    trainer.add_callback(MLflowCallback)",
    "keras callback": "import mlflow\n\ndef main(model, x, y):\n"
    "    with mlflow.start_run() as run:\n"
    "        model.fit(x, y, callbacks=[mlflow.keras.MlflowCallback(run)])",
    "optuna callback": "from optuna.integration.mlflow import MLflowCallback\n\n"
    "def main(study):\n    study.optimize(print, callbacks=[MLflowCallback()])",
    "import inside the function": "def main():\n    import mlflow\n"
    "    mlflow.autolog()",
}


@pytest.mark.parametrize("body", EVIDENCE.values(), ids=EVIDENCE)
def test_each_kind_of_evidence_passes(make_plain, capsys, body):
    assert run(make_plain, capsys, {**ENV, "train.py": script(body)}) == (0, [])


def test_flat_script_with_autolog_passes(make_plain, capsys):
    flat = "import mlflow\nfrom sklearn.svm import SVC\n\nmlflow.autolog()\n"
    flat += "SVC().fit([[0], [1]], [0, 1])\n"
    assert run(make_plain, capsys, {**ENV, "src/train_svm.py": flat}) == (0, [])


@pytest.mark.parametrize(
    ("top", "entry"),
    [
        ("model = SVC().fit([[0], [1]], [0, 1])\n", True),
        ("df = load()\nSVC().fit(df, df)\n", True),
        ("app = Typer()\n\ndef fit(m):\n    m.fit()\n", False),
    ],
)
def test_assignments_at_the_top_run_code(make_plain, capsys, top, entry):
    flat = "from sklearn.svm import SVC\nfrom typer import Typer\n\n" + top
    code, lines = run(make_plain, capsys, {**ENV, "train.py": flat})
    assert (code == 1) is entry
    assert all(" MLH511 " in line for line in lines)


def test_in_house_tracking_calls_count_when_configured(make_plain, capsys):
    body = "from ourlib.tracking import start\n\ndef main(model):\n    start('churn')"
    body += "\n    model.fit([[0]], [0])"
    files = {**ENV, "train.py": script(body)}
    assert run(make_plain, capsys, files) == (1, [mlh511("train.py")])
    assert main(["--tracking-calls", "ourlib.tracking"]) == 0


# --- MLH511: evidence in a project module imported one level deep -------------

TRACKING = "import mlflow\n\n\ndef setup():\n    mlflow.autolog()\n"


@pytest.mark.parametrize(
    ("entry", "imports", "module"),
    [
        (
            "churn/modeling/train.py",
            "from ..tracking import setup",
            "churn/tracking.py",
        ),
        (
            "churn/modeling/train.py",
            "from .tracking import setup",
            "churn/modeling/tracking.py",
        ),
        (
            "churn/modeling/train.py",
            "from churn.tracking import setup",
            "churn/tracking.py",
        ),
        (
            "src/churn/train.py",
            "from churn.tracking import setup",
            "src/churn/tracking.py",
        ),
        ("train.py", "import churn.tracking as tracking", "churn/tracking.py"),
        ("train.py", "from churn import tracking", "churn/tracking.py"),
        ("train.py", "from churn import setup", "churn/__init__.py"),
        ("scripts/train.py", "from tracking import setup", "scripts/tracking.py"),
    ],
)
def test_evidence_in_an_imported_project_module(
    make_plain, capsys, entry, imports, module
):
    body = f"{imports}\n\n\ndef main():\n    setup()"
    files = {**ENV, entry: script(body), module: TRACKING}
    assert run(make_plain, capsys, files) == (0, [])


def test_imports_are_followed_one_level_by_default(make_plain, capsys):
    files = {
        **ENV,
        "train.py": script("from churn.pipeline import run as main"),
        "churn/pipeline.py": "from churn.tracking import setup\n\n\n"
        "def run(model):\n    setup()\n    model.fit([[0]], [0])\n",
        "churn/tracking.py": TRACKING,
    }
    assert run(make_plain, capsys, files) == (
        1,
        [mlh511("train.py", "churn/pipeline.py")],
    )
    assert main(["--import-depth", "2"]) == 0
    capsys.readouterr()
    assert main(["--import-depth", "0"]) == 0  # the training itself is not seen


def test_the_searched_modules_are_named_up_to_three(make_plain, capsys):
    imports = "\n".join(f"from churn import m{n}" for n in range(5))
    files = {**ENV, "train.py": script(imports + "\n\ndef main(m): m.fit(0)")}
    files.update({f"churn/m{n}.py": "X = 1\n" for n in range(5)})
    searched = "churn/m0.py, churn/m1.py, churn/m2.py, +2 more"
    assert run(make_plain, capsys, files) == (1, [mlh511("train.py", searched)])


def test_installed_packages_are_never_followed(make_plain, capsys):
    body = "import sklearn.svm\n\ndef main():\n    sklearn.svm.SVC().fit([[0]], [0])"
    files = {**ENV, "train.py": script(body)}
    assert run(make_plain, capsys, files) == (1, [mlh511("train.py")])


# --- MLH511: what is a training entry point -------------------------------------


def test_untracked_training_script_is_reported_exactly(make_plain, capsys):
    files = {**ENV, "churn/modeling/train.py": UNTRACKED}
    assert run(make_plain, capsys, files) == (
        1,
        [
            "churn/modeling/train.py: MLH511 training script records no MLflow run: no"
            " mlflow.start_run(), mlflow.log_*(), mlflow.autolog() or MLflow logger or"
            " callback in it: the guideline's experiment tracking records the"
            " parameters, metrics, git commit and model of every training run,"
            " automatically; add `import mlflow` and `mlflow.autolog()` at the start"
            " of training (or log inside `with mlflow.start_run():`)"
        ],
    )


@pytest.mark.parametrize(
    "path",
    [
        "train.py",
        "training.py",
        "src/models/train_model.py",
        "scripts/train-resnet.py",
        "src/churn/lgbm_train.py",
        "Train.py",
    ],
)
def test_training_script_names(make_plain, capsys, path):
    assert run(make_plain, capsys, {**ENV, path: UNTRACKED}) == (1, [mlh511(path)])


@pytest.mark.parametrize(
    "path",
    [
        "predict.py",
        "src/trainer.py",
        "src/constraints.py",
        "tests/test_train.py",
        "tests/modeling/train.py",
        "src/train_test.py",
        "notebooks/constraint.ipynb",
        "notebooks/1.0-eda.ipynb",
        "mlruns/0/abc/artifacts/code/train.py",
    ],
)
def test_other_files_are_no_entry_points(make_plain, capsys, path):
    content = UNTRACKED if path.endswith(".py") else notebook("x = 1")
    assert run(make_plain, capsys, {**ENV, path: content}, "--ignore", "MLH512") == (
        0,
        [],
    )


@pytest.mark.parametrize(
    "library",
    [
        "def train(model, x, y):\n    return model.fit(x, y)\n",
        "import logging\nimport warnings\nimport sys\n\nlogging.basicConfig()\n"
        "warnings.filterwarnings('ignore')\nsys.path.append('.')\n\n\n"
        "def split(df):\n    return df\n",
        "LR = 0.1\nlogger = __import__('logging').getLogger(__name__)\n",
    ],
)
def test_a_module_that_only_defines_things_is_a_library(make_plain, capsys, library):
    files = {**ENV, "src/train_utils.py": library, "train.py": library}
    assert run(make_plain, capsys, files) == (0, [])


@pytest.mark.parametrize(
    "runner",
    [
        "if __name__ == '__main__':\n    raise SystemExit(1)\n",
        "for epoch in range(3):\n    pass\n",
        "with open('x') as f:\n    pass\n",
        "try:\n    print('x')\nexcept OSError:\n    pass\n",
        "if True:\n    print('x')\n",
    ],
)
def test_code_that_runs_makes_an_entry_point(make_plain, capsys, runner):
    trains = f"def fit_all(model):\n    model.fit(x, y)\n\n\n{runner}"
    assert run(make_plain, capsys, {**ENV, "train.py": trains}) == (
        1,
        [mlh511("train.py")],
    )


@pytest.mark.parametrize(
    ("path", "content"),
    [
        (
            "train_labels.py",
            "import pandas as pd\n\npd.read_csv('x').to_parquet('y')\n",
        ),
        ("src/train_data.py", script("def main():\n    print('split')")),
        (
            "notebooks/3.0-jqp-train-labels.ipynb",
            notebook(
                "#!md # train labels", "import pandas as pd\ndf = pd.read_csv('a')"
            ),
        ),
    ],
)
def test_code_that_trains_nothing_is_no_training_script(
    make_plain, capsys, path, content
):
    assert run(make_plain, capsys, {**ENV, path: content}) == (0, [])


@pytest.mark.parametrize(
    "call",
    [
        "trainer.train()",
        "lgb.train(params, dtrain)",
        "model.partial_fit(x, y)",
        "loss.backward()",
        "agent.learn(total_timesteps=10)",
    ],
)
def test_what_counts_as_training(make_plain, capsys, call):
    files = {**ENV, "train.py": f"for epoch in range(3):\n    {call}\n"}
    assert run(make_plain, capsys, files) == (1, [mlh511("train.py")])


def test_a_logger_handed_over_by_name_counts(make_plain, capsys):
    body = "def main(model, mlflow_callback):\n"
    body += "    model.fit(x, y, callbacks=[stop, mlflow_callback])"
    assert run(make_plain, capsys, {**ENV, "train.py": script(body)}) == (0, [])


def test_custom_training_script_globs(make_plain, capsys):
    files = {**ENV, "pipelines/fit_model.py": UNTRACKED, "train.py": UNTRACKED}
    make_plain(files)
    assert main(["--training-scripts", "pipelines/*.py,finetune*.py"]) == 1
    assert capsys.readouterr().out == mlh511("pipelines/fit_model.py") + "\n"


def test_exclude_hides_a_script(make_plain, capsys):
    files = {**ENV, "legacy/train.py": UNTRACKED}
    assert run(make_plain, capsys, files, "--exclude", "legacy/") == (0, [])


# --- MLH511: notebooks ---------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "notebooks/train.ipynb",
        "notebooks/2.0-jqp-train-model.ipynb",
        "notebooks/03_training.ipynb",
        "notebooks/model training.ipynb",
    ],
)
def test_training_notebook_without_mlflow(make_plain, capsys, name):
    content = notebook("#!md # 学習", "import pandas as pd", "%time model.fit(X, y)")
    assert run(make_plain, capsys, {**ENV, name: content}) == (1, [mlh511(name)])


def test_training_notebook_with_evidence_in_a_later_cell(make_plain, capsys):
    content = notebook(
        "#!md # 学習 (MLflow に記録する)",
        "import mlflow  # 実験管理",
        "%matplotlib inline",
        "# 自動ロギング\nmlflow.autolog()",
    )
    files = {**ENV, "notebooks/train.ipynb": content}
    assert run(make_plain, capsys, files) == (0, [])


def test_evidence_in_a_timed_cell_counts(make_plain, capsys):
    content = notebook("import mlflow", "%%time\nwith mlflow.start_run():\n    pass")
    files = {**ENV, "notebooks/train.ipynb": content}
    assert run(make_plain, capsys, files) == (0, [])


def test_training_notebook_resource_passes(make_plain, capsys):
    name = "2.0-jqp-train-elasticnet.ipynb"
    text = (RESOURCES / name).read_text(encoding="utf-8")
    assert run(make_plain, capsys, {**ENV, f"notebooks/{name}": text}) == (0, [])


def test_noqa_in_a_notebook_cell_silences_it(make_plain, capsys):
    content = notebook("# mlhooks: noqa: MLH511\nimport pandas", "x = 1")
    files = {**ENV, "notebooks/train.ipynb": content}
    assert run(make_plain, capsys, files) == (0, [])


# --- MLH511: runs recorded another way ----------------------------------------


@pytest.mark.parametrize(
    ("mlproject", "entry"),
    [
        (
            "entry_points:\n  main:\n    command: 'python train.py {alpha}'\n",
            "train.py",
        ),
        (
            "entry_points:\n  main:\n    command: python -m churn.modeling.train\n",
            "churn/modeling/train.py",
        ),
    ],
)
def test_an_mlproject_entry_point_records_the_run(make_plain, capsys, mlproject, entry):
    files = {**ENV, "MLproject": "name: churn\n" + mlproject, entry: UNTRACKED}
    assert run(make_plain, capsys, files) == (0, [])


def test_an_mlproject_elsewhere_does_not_count(make_plain, capsys):
    mlproject = "entry_points:\n  main:\n    command: python train.py\n"
    files = {**ENV, "other/MLproject": mlproject, "train.py": UNTRACKED}
    assert run(make_plain, capsys, files) == (1, [mlh511("train.py")])


def test_a_broken_mlproject_is_mlh005(make_plain, capsys):
    files = {**ENV, "MLproject": "entry_points: [\n", "train.py": UNTRACKED}
    code, out = run(make_plain, capsys, files)
    assert code == 1
    assert out[0].startswith("MLproject:2:1: MLH005 does not parse as YAML: ")
    assert out[1:] == [mlh511("train.py")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "configs/trainer.yaml",
            "trainer:\n  logger:\n"
            "    class_path: lightning.pytorch.loggers.MLFlowLogger\n",
        ),
        ("configs/args.json", '{"output_dir": "out", "report_to": ["mlflow"]}\n'),
        ("conf/hf.yaml", "report_to: mlflow\n"),
    ],
)
def test_a_configured_mlflow_logger_counts(make_plain, capsys, name, text):
    files = {**ENV, name: text, "train.py": UNTRACKED}
    assert run(make_plain, capsys, files) == (0, [])


# --- MLH511: suppression, Japanese, unreadable input ---------------------------


def test_file_noqa_and_per_file_ignores(make_plain, capsys):
    files = {**ENV, "train.py": "# mlhooks: noqa: MLH511\n" + UNTRACKED}
    assert run(make_plain, capsys, files) == (0, [])
    pyproject = "[tool.mlhooks]\nper-file-ignores = {'legacy/*' = ['MLH511']}\n"
    files = {"pyproject.toml": pyproject, "legacy/train.py": UNTRACKED}
    assert run(make_plain, capsys, files) == (0, [])


def test_japanese_comments_and_docstrings(make_plain, capsys):
    body = (
        '"""学習スクリプト: モデルを学習して保存する。"""\n'
        "import mlflow  # 実験管理\n\n\n"
        "def main():\n"
        '    """学習を実行する (パラメータと精度を記録)。"""\n'
        "    # 自動ロギング: パラメータ・メトリクス・モデルを記録する\n"
        "    mlflow.autolog()\n"
        "    model.fit(x, y)  # 学習\n"
        "    print('学習完了')"
    )
    assert run(make_plain, capsys, {**ENV, "学習/train.py": script(body)}) == (0, [])
    without = script(body.replace("mlflow.autolog()", "pass"))
    make_plain({"学習/train.py": without})
    assert main([]) == 1
    assert capsys.readouterr().out == mlh511("学習/train.py") + "\n"


def test_a_script_that_does_not_parse_is_mlh003_only(make_plain, capsys):
    code, out = run(make_plain, capsys, {**ENV, "train.py": "def main(:\n    pass\n"})
    assert code == 1
    assert out == [
        "train.py:1:10: MLH003 file does not parse as Python (invalid syntax);"
        " it is skipped"
    ]


def test_a_notebook_cell_that_does_not_parse_is_mlh003_only(make_plain, capsys):
    content = notebook("#!md # 学習", "import pandas", "model.fit(X, y")
    code, out = run(make_plain, capsys, {**ENV, "notebooks/train.ipynb": content})
    assert code == 1
    assert out == [
        "notebooks/train.ipynb:cell_3:1:10: MLH003 cell does not parse as Python"
        " ('(' was never closed); it is skipped"
    ]


def test_an_imported_module_that_does_not_parse_is_mlh003_only(make_plain, capsys):
    files = {
        **ENV,
        "train.py": script("from churn.tracking import main"),
        "churn/tracking.py": "def setup(:\n",
    }
    code, out = run(make_plain, capsys, files)
    assert (code, len(out)) == (1, 1)
    assert out[0].startswith("churn/tracking.py:1:11: MLH003 file does not parse")


def test_a_script_that_is_not_utf8_is_mlh001(make_plain, capsys):
    code, out = run(make_plain, capsys, {**ENV, "train.py": b"x = '\xff'\n"})
    assert code == 1
    assert out == [
        "train.py:1:1: MLH001 not valid UTF-8 (byte 0xff at offset 5); re-save the"
        " file as UTF-8"
    ]


def test_a_broken_training_notebook_is_mlh006(make_plain, capsys):
    code, out = run(make_plain, capsys, {**ENV, "notebooks/train.ipynb": "{"})
    assert code == 1
    assert out[0].startswith("notebooks/train.ipynb: MLH006 not a readable notebook")


# --- MLH511: a realistic MLflow project ----------------------------------------


def copy_wine(repo: Path, train: str, mlproject: bool = False) -> None:
    wine = RESOURCES / "wine"
    for name in ("README.md", "conda.yaml", "python_env.yaml"):
        shutil.copy(wine / name, repo / name)
    shutil.copy(wine / train, repo / "train.py")
    if mlproject:
        shutil.copy(wine / "MLproject", repo / "MLproject")
    git(repo, "add", ".")


def test_the_wine_example_passes(git_repo, capsys):
    copy_wine(git_repo, "train.py")
    assert main([]) == 0
    assert capsys.readouterr().out == ""


def test_the_wine_example_without_mlflow_calls_fails(git_repo, capsys):
    copy_wine(git_repo, "train_untracked.py")
    assert main([]) == 1
    assert capsys.readouterr().out == mlh511("train.py") + "\n"


def test_the_wine_example_run_by_its_mlproject_passes(git_repo, capsys):
    copy_wine(git_repo, "train_untracked.py", mlproject=True)
    assert main([]) == 0
    assert capsys.readouterr().out == ""


def test_the_hint_names_the_environment_file_without_mlflow(make_plain, capsys):
    files = {"requirements.txt": "scikit-learn\n", "train.py": UNTRACKED}
    declare = "add a line `mlflow` to requirements.txt"
    assert run(make_plain, capsys, files) == (1, [mlh511("train.py", "", declare)])
    assert main(["--no-require-dependency"]) == 1
    assert capsys.readouterr().out == mlh511("train.py") + "\n"


# --- MLH512: MLflow's run store in git ------------------------------------------


def test_tracked_run_store_and_databases(make_files, capsys):
    files = {
        **ENV,
        "mlruns/0/meta.yaml": "name: Default\n",
        "mlruns/0/abc/metrics/auc": "1 0.9 0\n",
        "mlruns/.gitkeep": "",
        "experiments/mlartifacts/1/model.pkl": b"\x80\x04",
        "mlflow.db": b"SQLite format 3\x00",
        "db/mlruns.db": b"SQLite format 3\x00",
    }
    assert run(make_files, capsys, files) == (
        1,
        [
            "db/mlruns.db: MLH512 MLflow's local tracking database db/mlruns.db is"
            f" tracked by git: {WHY_512}; run: git rm --cached db/mlruns.db && echo"
            " mlruns.db >> .gitignore",
            "experiments/mlartifacts: MLH512 experiments/mlartifacts/, MLflow's local"
            f" run store, has 1 file in git: {WHY_512}; run: git rm -r --cached"
            " experiments/mlartifacts && echo mlartifacts/ >> .gitignore",
            "mlflow.db: MLH512 MLflow's local tracking database mlflow.db is tracked by"
            f" git: {WHY_512}; run: git rm --cached mlflow.db && echo mlflow.db >>"
            " .gitignore",
            f"mlruns: MLH512 mlruns/, MLflow's local run store, has 2 files in git:"
            f" {WHY_512}; run: git rm -r --cached mlruns && echo mlruns/ >> .gitignore",
        ],
    )


def test_a_kept_empty_run_store_and_untracked_runs_pass(make_files, capsys):
    make_files({**ENV, "mlruns/.gitkeep": "", ".gitignore": "mlruns/*\n!.gitkeep\n"})
    make_files({"mlruns/0/meta.yaml": "name: Default\n"}, track=False)
    assert main([]) == 0
    assert capsys.readouterr().out == ""


def test_a_run_store_outside_git_is_not_reported(tmp_path, monkeypatch, capsys):
    (tmp_path / "mlruns" / "0").mkdir(parents=True)
    (tmp_path / "mlruns" / "0" / "meta.yaml").write_text("name: Default\n")
    monkeypatch.chdir(tmp_path)
    assert main(["--config", "/dev/null"]) == 0
    assert capsys.readouterr().out == ""


def test_a_run_store_path_with_spaces_is_quoted(make_files, capsys):
    code, out = run(make_files, capsys, {**ENV, "my runs/mlruns/0/meta.yaml": "x\n"})
    assert code == 1
    assert out[0].endswith(
        "run: git rm -r --cached 'my runs/mlruns' && echo mlruns/ >> .gitignore"
    )


# --- MLH513: mlflow declared where the code imports it -------------------------

USES = {"train.py": script("import mlflow\n\ndef main():\n    mlflow.autolog()")}


@pytest.mark.parametrize(
    "env",
    [
        {"requirements.txt": "mlflow==2.16.2\n"},
        {"requirements.txt": "MLflow[extras] >= 2.9, < 3  # 実験管理\n"},
        {"requirements.txt": "mlflow-skinny\n"},
        {"requirements.txt": "azureml-mlflow==1.57.0\n"},
        {"requirements.txt": "mlflow @ git+https://github.com/mlflow/mlflow.git\n"},
        {
            "requirements.txt": "-e git+https://github.com/mlflow/mlflow.git"
            "#egg=mlflow\n"
        },
        {"requirements.txt": "numpy \\\n  ==1.26.4\nmlflow \\\n  ==2.16.2\n"},
        {"requirements.txt": "\ufeffnumpy \\\r\n  ==1.26.4\r\nmlflow\r\n"},
        {
            "requirements.txt": "-r requirements/base.txt\n",
            "requirements/base.txt": "mlflow\n",
        },
        {"requirements.txt": "--requirement=base.in\n", "base.in": "mlflow\n"},
        {"requirements.txt": "numpy\n", "requirements-dev.txt": "mlflow\n"},
        {"pyproject.toml": "[project]\nname = 'x'\ndependencies = ['mlflow>=2']\n"},
        {"pyproject.toml": "[project.optional-dependencies]\ntrack = ['mlflow']\n"},
        {"pyproject.toml": "[dependency-groups]\ndev = ['mlflow-skinny']\n"},
        {"pyproject.toml": "[tool.poetry.dependencies]\nmlflow = '^2.16'\n"},
        {"pyproject.toml": "[tool.poetry.group.ml.dependencies]\nMLflow = '*'\n"},
        {"pyproject.toml": "[tool.uv]\ndev-dependencies = ['mlflow']\n"},
        {
            "pyproject.toml": "[project]\nname = 'x'\ndynamic = ['dependencies']\n"
            "[tool.setuptools.dynamic]\ndependencies = {file = ['deps.txt']}\n",
            "deps.txt": "mlflow\n",
        },
        {
            "environment.yml": "dependencies:\n  - python=3.11\n"
            "  - conda-forge::mlflow=2.16\n"
        },
        {
            "environment.yml": "dependencies:\n  - pip\n  - pip:\n"
            "      - mlflow==2.16.2\n"
        },
        {
            "conda.yaml": "dependencies:\n  - pip:\n      - -r requirements-ml.txt\n",
            "requirements-ml.txt": "mlflow\n",
        },
        {"python_env.yaml": "python: '3.11'\ndependencies:\n  - mlflow>=2.16\n"},
        {"setup.cfg": "[options]\ninstall_requires =\n    numpy\n    mlflow>=2\n"},
        {"setup.cfg": "[options.extras_require]\ntrack = mlflow\n"},
        {"Pipfile": "[packages]\nmlflow = '*'\n"},
        {"pixi.toml": "[pypi-dependencies]\nmlflow = '*'\n"},
        {
            "setup.py": "from setuptools import setup\n"
            "setup(install_requires=['mlflow>=2'])\n"
        },
        {
            "requirements.txt": "numpy\n",
            "Dockerfile": "FROM python:3.11\nRUN pip install \\\n    mlflow==2.16.2\n",
        },
        {
            "requirements.txt": "numpy\n",
            "docker/Dockerfile": "FROM ghcr.io/mlflow/mlflow:v2.16.2\n",
        },
    ],
    ids=lambda env: next(iter(env)),
)
def test_declarations_of_mlflow_pass(make_plain, capsys, env):
    code, out = run(make_plain, capsys, {**USES, **env}, "--config", "/dev/null")
    assert (code, out) == (0, [])


@pytest.mark.parametrize(
    ("env", "place", "files", "how"),
    [
        (
            {"requirements.txt": "numpy==1.26.4\n"},
            "requirements.txt",
            "requirements.txt",
            "add a line `mlflow` to requirements.txt",
        ),
        (
            {"pyproject.toml": "[project]\nname = 'x'\ndependencies = ['numpy']\n"},
            "pyproject.toml",
            "pyproject.toml",
            'add "mlflow" to the dependencies in pyproject.toml',
        ),
        (
            {
                "environment.yml": "dependencies:\n  - numpy\n",
                "docker/Dockerfile": "FROM python:3.11\n",
            },
            "environment.yml",
            "environment.yml",
            "add `- mlflow` under dependencies: in environment.yml",
        ),
        (
            {
                "setup.cfg": "[options]\ninstall_requires = numpy\n",
                "Pipfile": "[packages]\nnumpy = '*'\n",
            },
            "setup.cfg",
            "Pipfile, setup.cfg",
            "add mlflow under install_requires in setup.cfg",
        ),
        (
            {"Pipfile": "[packages]\nnumpy = '*'\n"},
            "Pipfile",
            "Pipfile",
            'add mlflow = "*" under [packages] in Pipfile',
        ),
        (
            {
                "requirements/base.txt": "numpy\n",
                "requirements.txt": "-r requirements/base.txt\n",
            },
            "requirements.txt",
            "requirements.txt, requirements/base.txt",
            "add a line `mlflow` to requirements.txt",
        ),
        (
            {
                "requirements.txt": "numpy\n",
                "models/churn/MLmodel": "flavors: {}\n",
                "models/churn/requirements.txt": "mlflow==2.16.2\n",
            },
            "requirements.txt",
            "requirements.txt",
            "add a line `mlflow` to requirements.txt",
        ),
    ],
)
def test_mlflow_missing_from_the_environment(
    make_plain, capsys, env, place, files, how
):
    code, out = run(make_plain, capsys, {**USES, **env}, "--config", "/dev/null")
    assert (code, out) == (1, [mlh513(place, "train.py:1", files, how)])


def test_an_import_in_a_notebook_cell_is_named(make_plain, capsys):
    files = {
        "requirements.txt": "numpy\n",
        "notebooks/eda.ipynb": notebook(
            "#!md # EDA", "import pandas as pd\nimport mlflow"
        ),
    }
    how = "add a line `mlflow` to requirements.txt"
    where = "notebooks/eda.ipynb:cell_2:2"
    assert run(make_plain, capsys, files) == (
        1,
        [mlh513("requirements.txt", where, "requirements.txt", how)],
    )


@pytest.mark.parametrize(
    ("files", "args"),
    [
        ({**USES}, []),  # no environment file: check-required-files reports it
        ({**USES, "requirements.txt": "numpy\n"}, ["--no-require-dependency"]),
        (
            {
                "train.py": script("import wandb\n\ndef main():\n    wandb.init()"),
                "requirements.txt": "wandb\n",
            },
            ["--ignore", "MLH511"],
        ),
        (
            {
                **USES,
                "requirements.txt": "numpy\n",
                "pyproject.toml": "[tool.mlhooks]\nignore = ['MLH513']\n",
            },
            [],
        ),
    ],
)
def test_mlh513_stays_quiet(make_plain, capsys, files, args):
    assert run(make_plain, capsys, files, *args) == (0, [])


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"requirements.txt": "mlflow\nnumpy = 1.26\n"},
            "requirements.txt:2:1: MLH005 does not parse as a pip requirements file:"
            " 'numpy = 1.26' is neither a requirement nor a pip option",
        ),
        (
            {
                "requirements.txt": "<<<<<<< HEAD\nmlflow\n=======\nnumpy\n"
                ">>>>>>> main\n"
            },
            "requirements.txt:1:1: MLH005 does not parse as a pip requirements file:"
            " '<<<<<<< HEAD' is neither a requirement nor a pip option\n"
            "requirements.txt:3:1: MLH005 does not parse as a pip requirements file:"
            " '=======' is neither a requirement nor a pip option\n"
            "requirements.txt:5:1: MLH005 does not parse as a pip requirements file:"
            " '>>>>>>> main' is neither a requirement nor a pip option",
        ),
        (
            {"pyproject.toml": "[project]\ndependencies = ['mlflow',,]\n"},
            "pyproject.toml:2:1: MLH005 does not parse as TOML: Invalid value (at line"
            " 2, column 26)",
        ),
        (
            {"environment.yml": "dependencies:\n  - mlflow\n - numpy\n"},
            "environment.yml:3:1: MLH005 does not parse as YAML: while parsing a block"
            " mapping, expected <block end>, but found '<block sequence start>'",
        ),
        (
            {"requirements.txt": b"mlflow\nscikit-learn\xff\n"},
            "requirements.txt:2:1: MLH001 not valid UTF-8 (byte 0xff at offset 19);"
            " re-save the file as UTF-8",
        ),
    ],
    ids=["toml style", "conflict", "pyproject", "environment", "encoding"],
)
def test_broken_environment_files(make_plain, capsys, env, expected):
    code, out = run(make_plain, capsys, {**USES, **env}, "--config", "/dev/null")
    assert (code, out) == (1, expected.split("\n"))


def test_pip_forms_are_no_parse_errors(make_plain, capsys):
    lines = [
        "mlflow",
        "numpy>=1.26,<2  --hash=sha256:abc",
        "torch==2.4.0+cu121",
        "./vendor/pkg",
        "https://example.org/pkg-1.0-py3-none-any.whl",
        "pkg; python_version < '3.11'",
        "--extra-index-url https://example.org/simple",
        "${PRIVATE_PACKAGE}",
        "-c constraints.txt",
        "scipy (>=1.11)",
    ]
    env = {"requirements.txt": "\n".join(lines) + "\n"}
    assert run(make_plain, capsys, {**USES, **env}) == (0, [])


# --- MLH514: credentials written down ----------------------------------------

URI = "https://alice:***@mlflow.example.com"
TOKEN = ("MLFLOW_TRACKING_TOKEN = '***'", "MLFLOW_TRACKING_TOKEN")
PASSWORD = ("MLFLOW_TRACKING_PASSWORD = '***'", "MLFLOW_TRACKING_PASSWORD")
SECRET_URI = "https://alice:s3cr3t@mlflow.example.com"
DAPI = "dapi" + "0123456789abcdef" * 2  # no token-shaped literal in this file
ENVIRON = "import os\nos.environ"
LEAKS = [
    (
        "src/track.py",
        f"import mlflow\n\nmlflow.set_tracking_uri('{SECRET_URI}/x?y=1')\n",
        "src/track.py:3:25",
        (URI,),
    ),
    (
        "src/track.py",
        f"{ENVIRON}['MLFLOW_TRACKING_PASSWORD'] = 's3cr3t'\n",
        "src/track.py:2:42",
        PASSWORD,
    ),
    (
        "src/track.py",
        f"{ENVIRON}.setdefault('MLFLOW_TRACKING_TOKEN', 's3cr3t')\n",
        "src/track.py:2:48",
        TOKEN,
    ),
    (
        "src/track.py",
        f"{ENVIRON}.update({{'MLFLOW_TRACKING_TOKEN': 's3cr3t'}})\n",
        "src/track.py:2:45",
        TOKEN,
    ),
    (
        "src/track.py",
        "import mlflow\nURI = 'http://bob:hunter2@10.0.0.5:5000'\n\n\n"
        "def setup():\n    mlflow.set_tracking_uri(URI)\n",
        "src/track.py:2:7",
        ("http://bob:***@10.0.0.5:5000",),
    ),
    (
        "src/track.py",
        "import mlflow\nhost = 'h'\n"
        "mlflow.set_tracking_uri(f'https://bob:hunter2@{host}')\n",
        "src/track.py:3:25",
        ("https://bob:***@{}",),
    ),
    (
        "train.py",
        "from lightning.pytorch.loggers import MLFlowLogger\n"
        f"MLFlowLogger(tracking_uri='{SECRET_URI}')\n",
        "train.py:2:27",
        (URI,),
    ),
    (
        "src/track.py",
        f"from mlflow import MlflowClient\nc = MlflowClient('{SECRET_URI}')\n",
        "src/track.py:2:18",
        (URI,),
    ),
    (
        "src/config.py",
        f"DATABRICKS_TOKEN = '{DAPI}'\n",
        "src/config.py:1:20",
        ("DATABRICKS_TOKEN = '***'", "DATABRICKS_TOKEN"),
    ),
    (
        "src/config.py",
        f"settings = {{'databricks': '{DAPI}'}}\n",
        "src/config.py:1:27",
        ("dapi***", "DATABRICKS_TOKEN"),
    ),
    (".env", f"MLFLOW_TRACKING_URI={SECRET_URI}\n", ".env:1:1", (URI,)),
    (
        "docker/Dockerfile",
        "FROM python:3.11\nENV MLFLOW_TRACKING_TOKEN=s3cr3t\n",
        "docker/Dockerfile:2:5",
        TOKEN,
    ),
    (
        "scripts/run.sh",
        "#!/bin/sh\nexport MLFLOW_TRACKING_PASSWORD='s3cr3t'\npython train.py\n",
        "scripts/run.sh:2:8",
        PASSWORD,
    ),
    (
        "configs/train.yaml",
        f"mlflow:\n  tracking_uri: {SECRET_URI}  # 社内サーバ\n",
        "configs/train.yaml:2:3",
        (URI,),
    ),
    (
        "notebooks/eda.ipynb",
        notebook("#!md # 準備", "%env MLFLOW_TRACKING_TOKEN=s3cr3t\nimport mlflow"),
        "notebooks/eda.ipynb:cell_2:1:6",
        TOKEN,
    ),
    (
        "notebooks/eda.ipynb",
        notebook("import os", "# 認証\nos.environ['MLFLOW_TRACKING_PASSWORD'] = 's3'"),
        "notebooks/eda.ipynb:cell_2:2:42",
        PASSWORD,
    ),
]


@pytest.mark.parametrize(("path", "content", "where", "shown"), LEAKS)
def test_credentials_are_reported_masked(
    make_plain, capsys, path, content, where, shown
):
    files = {**ENV, path: content}
    code, out = run(make_plain, capsys, files, "--ignore", "MLH511")
    assert (code, out) == (1, [mlh514(where, *shown)])
    assert not any(secret in out[0] for secret in ("s3", "hunter2", "0123456789"))


@pytest.mark.parametrize(
    ("path", "content"),
    [
        (
            "track.py",
            "import mlflow\nmlflow.set_tracking_uri('https://mlflow.example.com')",
        ),
        ("track.py", "import mlflow\nmlflow.set_tracking_uri('sqlite:///mlflow.db')"),
        ("track.py", "import mlflow\nmlflow.set_tracking_uri('databricks://profile')"),
        ("track.py", f"{ENVIRON}['MLFLOW_TRACKING_PASSWORD'] = getpass.getpass()"),
        ("track.py", f"{ENVIRON}['MLFLOW_TRACKING_TOKEN'] = os.environ['CI_TOKEN']"),
        ("track.py", "import mlflow\nmlflow.set_tracking_uri(f'https://{u}:{p}@host')"),
        ("track.py", "import mlflow\nmlflow.set_tracking_uri('https://<u>:<pw>@host')"),
        ("track.py", f"{ENVIRON}['MLFLOW_TRACKING_TOKEN'] = 'your-token'"),
        ("track.py", f"{ENVIRON}['MLFLOW_TRACKING_TOKEN'] = ''"),
        (
            "tests/test_track.py",
            "def test(m):\n    m.setenv('DATABRICKS_TOKEN', 'fake')",
        ),
        ("track.py", f"{ENVIRON}['MLFLOW_TRACKING_TOKEN'] = 's3'  # noqa: MLH514"),
        (".env.example", "MLFLOW_TRACKING_PASSWORD=xxx\nMLFLOW_TRACKING_TOKEN=\n"),
        (".gitlab-ci.yml", "variables:\n  MLFLOW_TRACKING_TOKEN: $MLFLOW_TOKEN\n"),
        (
            ".github/workflows/train.yml",
            "env:\n  MLFLOW_TRACKING_PASSWORD: ${{ secrets.MLFLOW_PASSWORD }}\n",
        ),
        ("run.sh", 'export MLFLOW_TRACKING_TOKEN="$(cat /run/secrets/mlflow)"\n'),
        ("README.md", f"MLFLOW_TRACKING_URI={SECRET_URI}\n"),
    ],
)
def test_no_credentials_written_down(make_plain, capsys, path, content):
    files = {**ENV, path: content}
    assert run(make_plain, capsys, files, "--ignore", "MLH511") == (0, [])


def test_in_git_only_tracked_files_are_read(make_files, capsys):
    files = {
        "requirements.txt": "numpy\n",
        "src/track.py": "import mlflow\n\nmlflow.autolog()\n",
        ".env": "MLFLOW_TRACKING_TOKEN=s3cr3t\n",
        "src/train.py": script("def main(m):\n    m.fit(0)"),
    }
    make_files(files)
    make_files({"local.env": "MLFLOW_TRACKING_PASSWORD=s3cr3t\n"}, track=False)
    how = "add a line `mlflow` to requirements.txt"
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == [
        mlh514(".env:1:1", *TOKEN),
        mlh513("requirements.txt", "src/track.py:1", "requirements.txt", how),
        mlh511("src/train.py", "", how),
    ]


# --- options -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pyproject", "error"),
    [
        (
            "[tool.mlhooks.check-mlflow]\nimport-depth = -1\n",
            "check-mlflow: error: pyproject.toml [tool.mlhooks.check-mlflow]:"
            " 'import-depth': must be 0 or more\n",
        ),
        (
            "[tool.mlhooks.check-mlflow]\ntraining-script = ['x.py']\n",
            "check-mlflow: error: pyproject.toml [tool.mlhooks.check-mlflow]: unknown"
            " key 'training-script' (did you mean 'training-scripts'? valid keys:"
            " import-depth, require-dependency, tracking-calls, training-scripts)\n",
        ),
    ],
)
def test_bad_options_are_usage_errors(make_plain, capsys, pyproject, error):
    make_plain({"pyproject.toml": pyproject})
    assert main([]) == 2
    assert capsys.readouterr().err == error


def test_options_from_pyproject(make_plain, capsys):
    pyproject = (
        "[tool.mlhooks.check-mlflow]\ntraining-scripts = ['fit.py']\n"
        "tracking-calls = ['ourlib.track']\nrequire-dependency = false\n"
    )
    files = {
        "pyproject.toml": pyproject,
        "fit.py": "from ourlib.track import start\nstart()\n",
        "train.py": "import mlflow\nprint(1)\n",
        "requirements.txt": "numpy\n",
    }
    assert run(make_plain, capsys, files) == (0, [])


# --- Japanese messages ---------------------------------------------------------

WHY_511_JA = (
    "ガイドラインの実験管理では、学習の run ごとにパラメータ・メトリクス・git のコミット・"
    "モデルを自動で記録します"
)
WHY_512_JA = (
    "run とその成果物やモデルはトラッキングストアに置くものです。git に入れると run の"
    "たびに履歴が膨らみ、マージのたびに衝突します"
)
WHY_513_JA = (
    "ガイドラインは誰でも再構築できる実行環境を求めており、mlflow がなければ学習は"
    " import の時点で止まります"
)
WHY_514_JA = (
    "チームのコンプライアンス規程ではキーをリポジトリに置かないことになっており、git は"
    "コミットされた秘密情報をすべて履歴に残します"
)
CALLS_JA = (
    "mlflow.start_run()、mlflow.log_*()、mlflow.autolog()、MLflow のロガーやコールバックの"
    "いずれもありません"
)
DECLARE = "add a line `mlflow` to requirements.txt"
ADD_JA = "学習の開始時に `import mlflow` と `mlflow.autolog()` を追加"
MODULES = "\n".join(f"from churn import m{n}" for n in range(4))
JAPANESE = [
    (
        {"requirements.txt": "scikit-learn\n", "train.py": UNTRACKED},
        [
            f"train.py: MLH511 学習スクリプトが MLflow に run を記録していません:"
            f" スクリプト内に {CALLS_JA}。{WHY_511_JA}。{ADD_JA}し (または"
            " `with mlflow.start_run():` の中で記録し)、さらに requirements.txt に"
            " `mlflow` という行を追加してください"
        ],
    ),
    (
        {
            **ENV,
            "notebooks/train.ipynb": notebook("import pandas", "model.fit(X, y)"),
        },
        [
            "notebooks/train.ipynb: MLH511 学習ノートブックが MLflow に run を記録して"
            f"いません: ノートブック内に {CALLS_JA}。{WHY_511_JA}。{ADD_JA}してください"
            " (または `with mlflow.start_run():` の中で記録してください)"
        ],
    ),
    (
        {
            **ENV,
            "train.py": script(MODULES + "\n\ndef main(m): m.fit(0)"),
            **{f"churn/m{n}.py": "X = 1\n" for n in range(4)},
        },
        [
            "train.py: MLH511 学習スクリプトが MLflow に run を記録していません:"
            " スクリプト内にも、import しているプロジェクトのモジュール (churn/m0.py,"
            f" churn/m1.py, churn/m2.py ほか 1 件) 内にも {CALLS_JA}。{WHY_511_JA}。"
            f"{ADD_JA}してください (または `with mlflow.start_run():` の中で記録して"
            "ください)"
        ],
    ),
    (
        {
            **USES,
            "pyproject.toml": "[project]\nname = 'x'\ndependencies = ['numpy']\n",
        },
        [
            "pyproject.toml: MLH513 mlflow が import されていますが (train.py:1)、"
            f"どの環境ファイル (pyproject.toml) にも宣言されていません。{WHY_513_JA}。"
            'pyproject.toml の dependencies に "mlflow" を追加してください'
            " (mlflow-skinny でも構いません)"
        ],
    ),
    (
        {**ENV, "src/config.py": f"DATABRICKS_TOKEN = '{DAPI}'\n"},
        [
            "src/config.py:1:20: MLH514 MLflow トラッキングの認証情報がリポジトリに"
            f"書かれています (DATABRICKS_TOKEN = '***')。{WHY_514_JA}。DATABRICKS_TOKEN"
            " はリポジトリの外 (シェルのプロファイル、CI のシークレット変数) で設定し、"
            "漏れた値はローテーションしてください"
        ],
    ),
    (
        {**ENV, ".env": f"MLFLOW_TRACKING_URI={SECRET_URI}\n"},
        [
            ".env:1:1: MLH514 MLflow トラッキングの認証情報がリポジトリに書かれています"
            f" ({URI})。{WHY_514_JA}。URI からユーザー名とパスワードを取り除き、"
            "MLFLOW_TRACKING_USERNAME と MLFLOW_TRACKING_PASSWORD はリポジトリの外で"
            " export して、パスワードを変更してください"
        ],
    ),
    (
        {"requirements.txt": "numpy\nfoo bar\n", **USES},
        [
            "requirements.txt:2:1: MLH005 pip の requirements ファイルとして解釈できません:"
            " 'foo bar' はパッケージの指定でも pip のオプションでもありません"
        ],
    ),
]


@pytest.fixture
def english_after() -> Iterator[None]:
    """Helpers called without ``main`` after a Japanese run speak English again."""
    yield
    set_language("en")


@pytest.mark.parametrize(("files", "expected"), JAPANESE)
def test_japanese_messages(make_plain, capsys, english_after, files, expected):
    assert run(make_plain, capsys, files, "--lang", "ja") == (1, expected)


def test_japanese_run_store_messages(make_files, capsys, english_after):
    files = {**ENV, "mlruns/0/meta.yaml": "name: Default\n", "mlflow.db": b"SQLite"}
    assert run(make_files, capsys, files, "--lang", "ja") == (
        1,
        [
            "mlflow.db: MLH512 MLflow のローカルのトラッキングデータベース mlflow.db が"
            f" git で管理されています。{WHY_512_JA}。次を実行してください: git rm --cached"
            " mlflow.db && echo mlflow.db >> .gitignore",
            "mlruns: MLH512 MLflow のローカルの run ストア mlruns/ のファイル 1 個が git"
            f" で管理されています。{WHY_512_JA}。次を実行してください: git rm -r --cached"
            " mlruns && echo mlruns/ >> .gitignore",
        ],
    )


def test_lang_in_pyproject_and_the_locale_give_japanese(
    make_plain, capsys, monkeypatch, english_after
):
    files, expected = JAPANESE[0]
    pyproject = {"pyproject.toml": "[tool.mlhooks]\nlang = 'ja'\n"}
    assert run(make_plain, capsys, {**files, **pyproject}) == (1, expected)
    make_plain({"pyproject.toml": "[tool.mlhooks]\n"})
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == [mlh511("train.py", "", DECLARE)]
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == expected
    assert main(["--lang", "en"]) == 1
    assert capsys.readouterr().out.splitlines() == [mlh511("train.py", "", DECLARE)]
