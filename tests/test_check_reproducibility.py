from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterator

import pytest

from mlhooks._cli import Context
from mlhooks._config import resolve
from mlhooks._files import Repo
from mlhooks._i18n import set_language
from mlhooks.check_reproducibility import HOOK, check_reproducibility, main
from mlhooks.cli import check_project, summary

RESOURCES = Path(__file__).parent / "resources" / "check-reproducibility"
WHY_PATH = "it exists on one machine only, so nobody else can rerun this"
FIX_PATH = {
    "py": "build it from the project root (Path(__file__).resolve().parent / ...),"
    " a configuration value or an environment variable",
    "ipynb": "use a path relative to the project root (from notebooks/:"
    " Path('..') / 'data'), a configuration value or an environment variable",
    "config": "use a path relative to the project root, or an environment variable"
    " that the code reads",
}
HOME, MAC = "in a Linux home folder", "in a macOS home folder"
WINDOWS, WSL = "in a Windows user folder", "in a Windows user folder (seen from WSL)"
COLAB = "on a Google Drive mounted in Colab"
WHY_SEED = "each run gives a different result, so the experiment cannot be reproduced"
STATE = {
    "np": "numpy's global random state",
    "random": "Python's global random state",
    "torch": "torch's global generator",
}


def path_line(where: str, path: str, what: str, kind: str = "py") -> str:
    return f"{where}: MLH701 '{path}' is {what}: {WHY_PATH}; {FIX_PATH[kind]}"


def global_line(where: str, name: str, state: str, seed: str) -> str:
    return (
        f"{where}: MLH702 {name}() draws from {STATE[state]}, which this module never"
        f" seeds: {WHY_SEED}; call {seed} once at the start (or a seed_everything"
        " helper)"
    )


def state_line(where: str, shown: str) -> str:
    return (
        f"{where}: MLH702 {shown} has no random_state: {WHY_SEED}; pass"
        " random_state=42 (or call np.random.seed(42) at the start)"
    )


def fresh_line(where: str, name: str) -> str:
    return (
        f"{where}: MLH702 {name}() without a seed starts from fresh OS entropy, which"
        f" no global seed reaches: {WHY_SEED}; pass a seed: {name}(42)"
    )


def torch_line(where: str, shown: str) -> str:
    return (
        f"{where}: MLH702 {shown} with torch's global generator, which this module"
        f" never seeds: {WHY_SEED}; call torch.manual_seed(42) at the start, or pass"
        " generator=torch.Generator().manual_seed(42)"
    )


def notebook(*sources: str, kinds: str = "") -> str:
    """A notebook of code cells (``m`` in ``kinds`` makes that cell markdown)."""
    cells = [
        (
            {"cell_type": "markdown", "metadata": {}, "source": text}
            if kinds[n : n + 1] == "m"
            else {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": text,
            }
        )
        for n, text in enumerate(sources)
    ]
    data = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(data, ensure_ascii=False, indent=1)


def check(make_files, capsys, files: dict[str, str | bytes], *args: str):
    make_files(files)
    status = main([*files, *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


NP = "import numpy as np\n"
SK = "from sklearn.model_selection import KFold, train_test_split\n"
TORCH = "import torch\nfrom torch.utils.data import DataLoader, random_split\n"
PASSING = {
    "numpy seeded": NP + "np.random.seed(0)\nx = np.random.rand(3)\n",
    "seed after use": NP + "x = np.random.rand(3)\nnp.random.seed(0)\n",
    "project helper": "import random\nfrom utils import seed_everything\n"
    "seed_everything(1)\nrandom.shuffle([1, 2])\n",
    "helper method": "import random\nimport lightning as L\nL.seed_everything(1)\n"
    "random.random()\n",
    "random seeded": "from random import seed, choice\nseed(3)\nchoice([1])\n",
    "sklearn random_state": SK + "train_test_split([1], random_state=0)\n",
    "sklearn by numpy seed": NP + SK + "np.random.seed(1)\ntrain_test_split([1])\n",
    "no shuffle": SK + "KFold(5)\nKFold(5, shuffle=False)\n",
    "split unshuffled": SK + "train_test_split([1], shuffle=False)\n",
    "unknown shuffle": SK + "KFold(5, shuffle=cfg.shuffle)\n",
    "random_state from config": SK + "train_test_split([1], random_state=cfg.seed)\n",
    "kwargs may hold it": "from sklearn.ensemble import RandomForestClassifier\n"
    "RandomForestClassifier(**params)\n",
    "deterministic boosting": "from sklearn.ensemble import"
    " GradientBoostingClassifier as G, HistGradientBoostingClassifier as H\n"
    "G(subsample=1.0)\nH(max_iter=10)\n",
    "lightgbm default seed": "import lightgbm as lgb\nlgb.LGBMClassifier()\n",
    "loader with generator": TORCH
    + "DataLoader(ds, shuffle=True, generator=g)\nDataLoader(ds, 8, False)\n",
    "torch seeded": TORCH + "torch.manual_seed(0)\ntorch.randn(2)\n"
    "random_split(ds, [1, 1])\nDataLoader(ds, shuffle=True)\n",
    "split with generator": TORCH + "random_split(ds, [1, 1], generator=g)\n"
    "torch.normal(0, 1, (2,), generator=g)\n",
    "seeded generators": "import random\n" + NP + "np.random.default_rng(42)\n"
    "np.random.default_rng(seed=1)\nnp.random.RandomState(0)\nrandom.Random(7)\n",
    "methods are not imports": NP + "rng = np.random.default_rng(1)\n"
    "rng.shuffle(x)\ndf.sample(frac=1)\n",
    "local function": "def shuffle(x):\n    return x\n\n\nshuffle([1])\n",
    "allowed path prefixes": "A = '/usr/share/x'\nB = '/opt/conda'\nC = '/etc/x'\n"
    "D = '/tmp/x'\nE = '/data/x'\nF = '~/data'\nG = '$HOME/data'\n",
    "not paths": "A = 'https://example.com/home/taro'\nB = 's3://b/home/taro'\n"
    "C = '/home/{user}/x'\nD = '/home/<user>/x'\nE = '/home/'\nF = 'data/home/taro'\n"
    "G = r'C:\\Program Files\\x'\nH = '%USERPROFILE%\\\\x'\nI = '/home/*/x'\n",
    "comments and docstrings": '#!/home/taro/.venv/bin/python\n"""In /home/taro."""\n'
    "# /home/taro/data\n\n\ndef f():\n    '''See /Users/taro.'''\n",
    "help texts": "import argparse\np = argparse.ArgumentParser(description='Reads"
    " /home/me/x')\np.add_argument('--data', help='e.g. /home/taro/data'"
    " ' or /Users/taro/data')\n",
    "colab mount point": "from google.colab import drive\n"
    "drive.mount('/content/drive')\n",
    "noqa": "import random\nDATA = '/home/taro/x'  # noqa: MLH701\n"
    "random.random()  # noqa: MLH702\n",
}
LIBRARY = NP + "\n\ndef f():\n    return np.random.rand(3)\n"


@pytest.mark.parametrize("text", PASSING.values(), ids=PASSING)
def test_passing_training_code(make_files, capsys, text):
    assert check(make_files, capsys, {"train.py": text}) == (0, [], "")


@pytest.mark.parametrize(
    "files",
    [
        {"src/train_utils.py": LIBRARY},
        {"src/features.py": NP + "x = np.random.rand(3)\n"},  # not training code
        {"tests/test_io.py": "P = '/home/taro/x'\n"},
        {"docs/conf.py": "P = '/home/taro/x'\n"},
        {"data/raw/meta.json": '{"p": "/home/taro/x"}\n'},
        {".vscode/settings.json": '{"python": "/home/taro/.venv/bin/python"}\n'},
        {"conf.yaml": "# was /home/taro/x\nkey: value # /home/taro/y\n"},
        {"conf.toml": "# /home/taro/x\nkey = 'a#b' # /Users/taro\n"},
        {"setup.cfg": "[x]\n# /home/taro/x\n; /home/taro/y\nkey = 1\n"},
    ],
    ids=lambda files: next(iter(files)),
)
def test_passing_files(make_files, capsys, files):
    assert check(make_files, capsys, files) == (0, [], "")


FINDINGS = {
    "home in train.py": (
        {"train.py": "DATA = '/home/taro/data/train.csv'\n"},
        [path_line("train.py:1:9", "/home/taro/data/train.csv", HOME)],
    ),
    "every kind of path": (
        {
            "src/paths.py": "A = '/Users/hanako/x'\nB = r'C:\\Users\\taro\\d'\n"
            "C = 'D:\\\\users\\\\taro'\nD = 'C:/Users/taro/x'\n"
            "E = '/mnt/c/Users/taro/x'\nF = '/content/drive/MyDrive/x'\n"
            "G = 'file:///home/taro/mlruns'\nH = f'{ROOT}/x:/home/taro/y'\n"
        },
        [
            path_line("src/paths.py:1:6", "/Users/hanako/x", MAC),
            path_line("src/paths.py:2:7", "C:\\Users\\taro\\d", WINDOWS),
            path_line("src/paths.py:3:6", "D:\\\\users\\\\taro", WINDOWS),
            path_line("src/paths.py:4:6", "C:/Users/taro/x", WINDOWS),
            path_line("src/paths.py:5:6", "/mnt/c/Users/taro/x", WSL),
            path_line("src/paths.py:6:6", "/content/drive/MyDrive/x", COLAB),
            path_line("src/paths.py:7:13", "/home/taro/mlruns", HOME),
            path_line("src/paths.py:8:16", "/home/taro/y", HOME),
        ],
    ),
    "spaces, several per line, multi-line strings": (
        {
            "a.py": "A = ['/home/a/x', \"/home/b/y\"]\n"
            "B = '/content/drive/My Drive/Colab Notebooks/p'\n"
            'C = """\ncopy from /home/taro/raw\n"""\n'
        },
        [
            path_line("a.py:1:7", "/home/a/x", HOME),
            path_line("a.py:1:20", "/home/b/y", HOME),
            path_line("a.py:2:6", "/content/drive/My Drive/Colab Notebooks/p", COLAB),
            path_line("a.py:4:11", "/home/taro/raw", HOME),
        ],
    ),
    "strings around a comment": (
        {"a.py": "x = ('/home/a/1'  # /home/b/2\n     f'/home/c/{n}')\n"},
        [
            path_line("a.py:1:7", "/home/a/1", HOME),
            path_line("a.py:2:8", "/home/c/", HOME),
        ],
    ),
    "japanese before the path": (
        {"学習.py": "# 学習データ\nパス = '/home/太郎/データ.csv'  # 注意\n"},
        [path_line("学習.py:2:7", "/home/太郎/データ.csv", HOME)],
    ),
    "numpy, random and torch unseeded": (
        {
            "train.py": "import random\nimport numpy as np\nimport torch\n"
            "from numpy.random import permutation\n"
            "x = np.random.rand(3)\nrandom.shuffle([1])\ntorch.randn(2)\n"
            "permutation(3)\n"
        },
        [
            global_line("train.py:5:5", "np.random.rand", "np", "np.random.seed(42)"),
            global_line("train.py:6:1", "random.shuffle", "random", "random.seed(42)"),
            global_line(
                "train.py:7:1", "torch.randn", "torch", "torch.manual_seed(42)"
            ),
            global_line("train.py:8:1", "permutation", "np", "np.random.seed(42)"),
        ],
    ),
    "scikit-learn": (
        {
            "src/modeling/fit.py": SK + "from sklearn import ensemble as E\n"
            "from sklearn.svm import SVC\n"
            "a = train_test_split([1], test_size=0.2)\n"
            "KFold(5, shuffle=True)\nE.RandomForestRegressor(random_state=None)\n"
            "E.GradientBoostingRegressor(subsample=0.5)\nSVC(probability=True)\n"
        },
        [
            state_line("src/modeling/fit.py:4:5", "train_test_split()"),
            state_line("src/modeling/fit.py:5:1", "KFold(shuffle=True)"),
            state_line("src/modeling/fit.py:6:1", "E.RandomForestRegressor()"),
            state_line("src/modeling/fit.py:7:1", "E.GradientBoostingRegressor()"),
            state_line("src/modeling/fit.py:8:1", "SVC(probability=True)"),
        ],
    ),
    "fresh generators even when seeded": (
        {
            "exp001.py": "import random\n" + NP + "np.random.seed(0)\n"
            "np.random.default_rng()\nrandom.Random(None)\n"
        },
        [
            fresh_line("exp001.py:4:1", "np.random.default_rng"),
            fresh_line("exp001.py:5:1", "random.Random"),
        ],
    ),
    "a seed call without a seed draws one": (
        {"train.py": NP + "np.random.seed()\nnp.random.seed(None)\nnp.random.rand()\n"},
        [global_line("train.py:4:1", "np.random.rand", "np", "np.random.seed(42)")],
    ),
    "torch loaders": (
        {
            "train.py": TORCH + "DataLoader(ds, batch_size=8, shuffle=True)\n"
            "DataLoader(ds, 8, True)\nrandom_split(ds, [1, 1])\n"
        },
        [
            torch_line("train.py:3:1", "DataLoader(shuffle=True) shuffles"),
            torch_line("train.py:4:1", "DataLoader(shuffle=True) shuffles"),
            torch_line("train.py:5:1", "random_split() splits"),
        ],
    ),
    "a library call at module level runs": (
        {"src/train_utils.py": NP + "NOISE = np.random.rand(3)\n"},
        [
            global_line(
                "src/train_utils.py:2:9", "np.random.rand", "np", "np.random.seed(42)"
            )
        ],
    ),
    "entry points run their functions": (
        {
            "a/train_cli.py": LIBRARY + "\n\nif __name__ == '__main__':\n    f()\n",
            "b/train_fire.py": LIBRARY + "\n\nfire.Fire(f)\n",
        },
        [
            global_line(
                "a/train_cli.py:5:12", "np.random.rand", "np", "np.random.seed(42)"
            ),
            global_line(
                "b/train_fire.py:5:12", "np.random.rand", "np", "np.random.seed(42)"
            ),
        ],
    ),
    "a seed for torch is none for random": (
        {
            "train.py": "import random\nimport torch\ntorch.manual_seed(0)\n"
            "random.shuffle([1])\n"
        },
        [global_line("train.py:4:1", "random.shuffle", "random", "random.seed(42)")],
    ),
}


@pytest.mark.parametrize(("files", "expected"), FINDINGS.values(), ids=FINDINGS)
def test_findings(make_files, capsys, files, expected):
    assert check(make_files, capsys, files) == (1, expected, "")


CONFIGS = {
    "conf/train.yaml": "# data\nseed: 1\ndata_dir: /home/taro/imagenet  # local\n"
    "paths:\n  - 'C:\\Users\\taro\\raw'\n  - \"C:\\\\Users\\\\taro\\\\b\"\n"
    "run: |\n  python train.py --out /Users/taro/out\n",
    "params.toml": '[paths]\n# /home/taro/old\ndata = "/home/taro/data"\n'
    "models = 'C:\\Users\\taro\\m'  # Windows\n",
    "config.json": '{\n  "train": "/home/taro/t.csv",\n  "valid": "data/v.csv",'
    '\n  "out": "C:\\\\Users\\\\taro\\\\out"\n}\n',
    "setup.cfg": "[paths]\n; /home/taro/old\nraw = /home/taro/raw\n",
    "tox.ini": "[testenv]\nsetenv =\n    DATA=/home/taro/data\n",
}


def test_configuration_files(make_files, capsys):
    assert check(make_files, capsys, CONFIGS) == (
        1,
        [
            path_line("conf/train.yaml:3:11", "/home/taro/imagenet", HOME, "config"),
            path_line("conf/train.yaml:5:6", "C:\\Users\\taro\\raw", WINDOWS, "config"),
            path_line(
                "conf/train.yaml:6:6", "C:\\\\Users\\\\taro\\\\b", WINDOWS, "config"
            ),
            path_line("conf/train.yaml:8:25", "/Users/taro/out", MAC, "config"),
            path_line("config.json:2:13", "/home/taro/t.csv", HOME, "config"),
            path_line(
                "config.json:4:11", "C:\\\\Users\\\\taro\\\\out", WINDOWS, "config"
            ),
            path_line("params.toml:3:9", "/home/taro/data", HOME, "config"),
            path_line("params.toml:4:11", "C:\\Users\\taro\\m", WINDOWS, "config"),
            path_line("setup.cfg:3:7", "/home/taro/raw", HOME, "config"),
            path_line("tox.ini:3:10", "/home/taro/data", HOME, "config"),
        ],
        "",
    )


def test_crlf_and_bom_keep_positions(make_files, capsys):
    files = {
        "train.py": b"\xef\xbb\xbfimport numpy as np\r\n\r\nx = np.random.rand(3)\r\n"
        b"P = '/home/taro/x'\r\n",
        "conf.yaml": b"a: 1\r\nb: /home/taro/y\r\n",
    }
    assert check(make_files, capsys, files) == (
        1,
        [
            path_line("conf.yaml:2:4", "/home/taro/y", HOME, "config"),
            global_line("train.py:3:5", "np.random.rand", "np", "np.random.seed(42)"),
            path_line("train.py:4:6", "/home/taro/x", HOME),
        ],
        "",
    )


def test_notebooks_report_cells_and_see_magics(make_files, capsys):
    training = notebook(
        "# /home/taro/notes\n",
        "import numpy as np\nfrom sklearn.model_selection import train_test_split",
        "%cd /content/drive/MyDrive/proj\n!cp /home/taro/a.csv .",
        "%%bash\nls /home/taro",
        "df = read('/Users/taro/a.csv')\nx = train_test_split(df)",
        "np.random.seed(0)\nnp.random.rand(2)",
        "def f(:",
        kinds="m",
    )
    eda = notebook("import numpy as np\nnp.random.rand(3)\nP = '/home/taro/x'")
    files = {"notebooks/1.0-tk-train-model.ipynb": training, "notebooks/eda.ipynb": eda}
    name = "notebooks/1.0-tk-train-model.ipynb"
    assert check(make_files, capsys, files) == (
        1,
        [
            path_line(
                f"{name}:cell_3:1:5", "/content/drive/MyDrive/proj", COLAB, "ipynb"
            ),
            path_line(f"{name}:cell_3:2:5", "/home/taro/a.csv", HOME, "ipynb"),
            path_line(f"{name}:cell_5:1:12", "/Users/taro/a.csv", MAC, "ipynb"),
            f"{name}:cell_7:1:7: MLH003 cell does not parse as Python (invalid syntax);"
            " it is skipped",
            path_line("notebooks/eda.ipynb:cell_1:3:6", "/home/taro/x", HOME, "ipynb"),
        ],
        "",
    )


def test_notebook_cells_share_imports_and_seeds(make_files, capsys):
    seeded = notebook("import torch", "torch.manual_seed(0)", "torch.randn(3)")
    unseeded = notebook("import torch as T", "x = 1", "y = T.randn(3)")
    files = {"train_a.ipynb": seeded, "train_b.ipynb": unseeded}
    assert check(make_files, capsys, files) == (
        1,
        [
            global_line(
                "train_b.ipynb:cell_3:1:5", "T.randn", "torch", "T.manual_seed(42)"
            )
        ],
        "",
    )


def test_files_gone_since_listed_are_skipped(git_repo, capsys):
    assert main(["gone.py", "gone.yaml"]) == 0
    assert capsys.readouterr().out == ""


def test_unreadable_files(make_files, capsys):
    files = {
        "train.py": "x = )\n",
        "latin.py": b"# caf\xe9\nP = '/home/taro/x'\n",
        "conf.yaml": b"a: \xff\n",
        "broken.ipynb": "{",
    }
    status, out, err = check(make_files, capsys, files)
    assert (status, err) == (1, "")
    assert out == [
        "broken.ipynb: MLH006 not a readable notebook: invalid JSON at line 1 column 2:"
        " Expecting property name enclosed in double quotes",
        "conf.yaml:1:1: MLH001 not valid UTF-8 (byte 0xff at offset 3); re-save the"
        " file as UTF-8",
        "latin.py:1:1: MLH001 not valid UTF-8 (byte 0xe9 at offset 5); re-save the file"
        " as UTF-8",
        "train.py:1:5: MLH003 file does not parse as Python (unmatched ')'); it is"
        " skipped",
    ]


OPTION_CASES = {
    "no paths": (["--no-check-paths"], ["train.py:2:5"]),
    "no seeds": (["--no-check-seeds"], ["train.py:3:6"]),
    "training code elsewhere": (["--training-code", "run*.py"], ["train.py:3:6"]),
    "allowed prefix": (["--allowed-paths", "/home/taro/"], ["train.py:2:5"]),
    "allowed call": (["--allowed-random-calls", "rand"], ["train.py:3:6"]),
    "exempt": (["--exempt-files", "train.py"], ["train.py:2:5"]),
    "helper": (["--seed-functions", "my_seed"], ["train.py:3:6"]),
}


@pytest.mark.parametrize(("args", "where"), OPTION_CASES.values(), ids=OPTION_CASES)
def test_options(make_files, capsys, args, where):
    text = NP + "x = np.random.rand(2)\nP = '/home/taro/x'\nmy_seed()\n"
    status, out, err = check(make_files, capsys, {"train.py": text}, *args)
    assert [line.split(": ")[0] for line in out] == where
    if "--seed-functions" in args:  # the only helper now: numpy counts as seeded
        status, out, err = check(make_files, capsys, {"train.py": text})
        assert [line.split(": ")[0] for line in out] == ["train.py:2:5", "train.py:3:6"]


def test_extra_random_calls_from_pyproject(make_files, capsys):
    table = '[tool.mlhooks.check-reproducibility]\nextra-random-calls = ["optuna.'
    table += 'samplers.TPESampler"]\nallowed-paths = ["/home/jovyan"]\n'
    text = "import optuna\nfrom optuna.samplers import TPESampler\n"
    text += "optuna.samplers.TPESampler()\nTPESampler(seed=1)\nP = '/home/jovyan/w'\n"
    files = {"pyproject.toml": table, "train.py": text}
    assert check(make_files, capsys, files) == (
        1,
        [
            "train.py:3:1: MLH702 optuna.samplers.TPESampler() has no seed"
            " (random_state=, seed=) and this module sets no global seed:"
            f" {WHY_SEED}; pass one"
        ],
        "",
    )


@pytest.mark.parametrize(
    ("table", "error"),
    [
        (
            'seed-functions = ["seed all"]',
            "'seed-functions': 'seed all' is not a Python name",
        ),
        (
            'extra-random-calls = ["TPESampler"]',
            "'extra-random-calls': 'TPESampler' is not package.name",
        ),
        ("check-path = false", "unknown key 'check-path' (did you mean 'check-paths'?"),
    ],
)
def test_bad_configuration_is_exit_2(make_files, capsys, table, error):
    files = {"pyproject.toml": f"[tool.mlhooks.check-reproducibility]\n{table}\n"}
    status, out, err = check(make_files, capsys, files)
    assert (status, out) == (2, [])
    prefix = "check-reproducibility: error: pyproject.toml"
    assert err.startswith(f"{prefix} [tool.mlhooks.check-reproducibility]: {error}")


def test_mlhooks_check_runs_it_in_its_section(make_files, capsys):
    root = make_files({"src/train.py": SK + "train_test_split([1])\n", "x.md": "x\n"})
    results = check_project(Repo(root), {}, [HOOK])
    assert [d.as_text() for d in results[HOOK.id]] == [
        state_line("src/train.py:2:1", "train_test_split()")
    ]
    lines = summary(results, [HOOK]).splitlines()
    assert "  experiments            1 finding    check-reproducibility 1" in lines


def _labels() -> Counter[tuple[str, str]]:
    labels: Counter[tuple[str, str]] = Counter()
    for line in (RESOURCES / "corpus-labels.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            where, code = line.split(": ")[0], line.split(": ")[1].split()[0]
            labels[(where, code)] += 1
    return labels


def _corpus_findings() -> Counter[tuple[str, str]]:
    root = RESOURCES / "corpus"
    files = sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and re.search(HOOK.files, path.name)
    )
    assert len(files) >= 40
    ctx = Context(Repo(root, in_git=False), resolve(HOOK.all_options, {}, {}), files)
    found: Counter[tuple[str, str]] = Counter()
    for diag in check_reproducibility(ctx):
        where = diag.path + (f":cell_{diag.cell}" if diag.cell else "")
        found[(f"{where}:{diag.line}", diag.code)] += 1
    return found


def test_corpus_precision_and_recall():
    """Every finding on the labelled corpus is right (precision 1.0); the misses are
    the known ones (recall 40/44)."""
    labels, found = _labels(), _corpus_findings()
    right = sum((labels & found).values())
    precision, recall = right / sum(found.values()), right / sum(labels.values())
    assert (precision, round(recall, 3)) == (1.0, 0.909)
    misses = labels - found
    text = (RESOURCES / "corpus-labels.txt").read_text("utf-8")
    known = {
        (line.split(": ")[0], "MLH70" + line.split(": MLH70")[1][0])
        for line in text.splitlines()
        if "known miss" in line
    }
    assert set(misses) == known


# --- Japanese messages ---------------------------------------------------------

WHY_PATH_JA = "このパスは 1 台のマシンにしか存在しないため、ほかの人は再実行できません"
WHY_SEED_JA = "実行するたびに結果が変わるため、実験を再現できません"
FIX_PY_JA = (
    "プロジェクトルートから組み立てる (Path(__file__).resolve().parent / ...) か、"
    "設定値または環境変数を使ってください"
)
UNSEEDED_JA = "から乱数を引いていますが、このモジュールはそのシードを設定していません"
JAPANESE = [
    (
        {"src/load.py": "DATA = '/home/taro/churn/data.csv'\n"},
        [
            "src/load.py:1:9: MLH701 '/home/taro/churn/data.csv' は Linux のホームフォルダ"
            f"内のパスです。{WHY_PATH_JA}。{FIX_PY_JA}"
        ],
    ),
    (
        {"params.yaml": "data_dir: C:\\Users\\taro\\churn  # 元データ\n"},
        [
            "params.yaml:1:11: MLH701 'C:\\Users\\taro\\churn' は Windows のユーザー"
            f"フォルダ内のパスです。{WHY_PATH_JA}。プロジェクトルートからの相対パスか、"
            "コードが読み取る環境変数を使ってください"
        ],
    ),
    (
        {
            "notebooks/eda.ipynb": notebook(
                "%cd /content/drive/MyDrive/churn", "import pandas as pd"
            )
        },
        [
            "notebooks/eda.ipynb:cell_1:1:5: MLH701 '/content/drive/MyDrive/churn' は"
            f" Colab でマウントした Google Drive 上のパスです。{WHY_PATH_JA}。"
            "プロジェクトルートからの相対パス (notebooks/ からなら Path('..') / 'data')、"
            "設定値または環境変数を使ってください"
        ],
    ),
    (
        {"src/train.py": NP + "np.random.shuffle(rows)\n"},
        [
            f"src/train.py:2:1: MLH702 np.random.shuffle() は numpy のグローバルな乱数状態"
            f"{UNSEEDED_JA}。{WHY_SEED_JA}。最初に一度 np.random.seed(42) を呼んで"
            "ください (または seed_everything のようなヘルパーを使ってください)"
        ],
    ),
    (
        {"src/train.py": SK + "KFold(5, shuffle=True)\ntrain_test_split(X, y)\n"},
        [
            f"src/train.py:{line}:1: MLH702 {shown} に random_state がありません。"
            f"{WHY_SEED_JA}。random_state=42 を渡してください (または最初に"
            " np.random.seed(42) を呼んでください)"
            for line, shown in ((2, "KFold(shuffle=True)"), (3, "train_test_split()"))
        ],
    ),
    (
        {
            "src/train.py": TORCH
            + "import numpy as np\nrng = np.random.default_rng()\n"
            + "loader = DataLoader(ds, shuffle=True)\n"
            + "train, val = random_split(ds, [8, 2])\n"
        },
        [
            "src/train.py:4:7: MLH702 シードなしの np.random.default_rng() は OS の"
            f"エントロピーから新たに初期化され、グローバルなシードは効きません。{WHY_SEED_JA}。"
            "シードを渡してください: np.random.default_rng(42)",
            "src/train.py:5:10: MLH702 DataLoader(shuffle=True) は torch のグローバルな"
            "乱数生成器でシャッフルしますが、このモジュールはそのシードを設定していません。"
            f"{WHY_SEED_JA}。最初に torch.manual_seed(42) を呼ぶか、"
            "generator=torch.Generator().manual_seed(42) を渡してください",
            "src/train.py:6:14: MLH702 random_split() は torch のグローバルな乱数生成器で"
            "分割しますが、このモジュールはそのシードを設定していません。"
            f"{WHY_SEED_JA}。最初に torch.manual_seed(42) を呼ぶか、"
            "generator=torch.Generator().manual_seed(42) を渡してください",
        ],
    ),
    (
        {
            "pyproject.toml": "[tool.mlhooks.check-reproducibility]\n"
            "extra-random-calls = ['augment.jitter']\n",
            "src/train.py": "import augment\naugment.jitter(x)\n",
        },
        [
            "src/train.py:2:1: MLH702 augment.jitter() にシード (random_state=、seed=) が"
            "渡されておらず、このモジュールはグローバルなシードも設定していません。"
            f"{WHY_SEED_JA}。シードを渡してください"
        ],
    ),
]


@pytest.fixture
def english_after() -> Iterator[None]:
    """Helpers called without ``main`` after a Japanese run speak English again."""
    yield
    set_language("en")


@pytest.mark.parametrize(("files", "expected"), JAPANESE)
def test_japanese_messages(make_files, capsys, english_after, files, expected):
    assert check(make_files, capsys, files, "--lang", "ja") == (1, expected, "")


def test_lang_in_pyproject_and_the_locale_give_japanese(
    make_files, capsys, monkeypatch, english_after
):
    files, expected = JAPANESE[0]
    english = [path_line("src/load.py:1:9", "/home/taro/churn/data.csv", HOME)]
    pyproject = {"pyproject.toml": "[tool.mlhooks]\nlang = 'ja'\n"}
    assert check(make_files, capsys, {**files, **pyproject}) == (1, expected, "")
    make_files({"pyproject.toml": "[tool.mlhooks]\n"})
    assert check(make_files, capsys, files) == (1, english, "")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert check(make_files, capsys, files) == (1, expected, "")
    assert check(make_files, capsys, files, "--lang", "en") == (1, english, "")
