"""Checking and stripping notebook outputs: mlhooks beside nbstripout and nb-clean.

``check-notebook-outputs`` and ``strip-notebook-outputs`` run on every commit that
touches a notebook, and over every notebook of the repository when CI runs
``pre-commit run --all-files``. Notebooks saved with their outputs are large (base64
figures, long training logs, HTML tables, widget state), so over a whole repository the
cost is reading, parsing and rewriting JSON, while for the one notebook of a typical
commit it is mostly start-up. This script measures both on a corpus of real-size
notebooks, generated once from a fixed seed and cached under
``benchmarks/.work/notebooks/``, beside the tools teams already use for the same job
(nbstripout and nb-clean, each timed when installed) and two floors:

- ``python -c pass``: starting the interpreter, with this environment's site-packages;
- ``json.load`` of every notebook: just parsing the corpus in Python, which any Python
  tool that reads notebooks has to do.

Every command runs as a fresh process in a git repository that holds the corpus, with
the notebooks as arguments, as pre-commit runs a hook (all files in one invocation):

- corpus check: report the notebooks that have outputs;
- corpus strip: remove the outputs in place; the corpus is restored from git after every
  run, outside the timed span;
- single: check and strip of one small notebook that has no outputs.

After one warm-up round, each command runs ``--runs`` times (``--single-runs`` for the
single notebook); rounds are interleaved, in a rotating order, so that machine noise
hits every command alike. The report gives median and minimum wall time in
milliseconds, ratios to the floors, and peer / ours ratios of the medians. The
warm-up round also checks the results: how many notebooks each check flagged, and what
each strip left behind (outputs, execution counts, volatile metadata, changed sources or
cell ids, differences from our result). Mismatches are reported, never fatal.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import importlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import random
import shlex
import shutil
import statistics
import struct
import subprocess
import sys
import sysconfig
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence

import yaml

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parent / ".pre-commit-hooks.yaml"
CORPUS = HERE / ".work" / "notebooks"
STAMP = "mlhooks-bench.json"  # kept inside .git/, so it is not part of the tree
GENERATOR_VERSION = 1
SEED = 20240614
MIN_NOTEBOOKS = 20
CLEAN_EVERY = 25  # notebooks 0, 25, 50, ... are saved after "Clear All Outputs"
MAX_FIGURE_BYTES = 5_000_000  # PNG bytes per notebook: every file stays below 10 MB
TRACEBACK = "Traceback (most recent call last)"
TIMEOUT = 900  # seconds one run may take before the benchmark gives up
GIT_ENV = {
    "GIT_AUTHOR_NAME": "mlhooks benchmark",
    "GIT_AUTHOR_EMAIL": "benchmark@mlhooks.invalid",
    "GIT_COMMITTER_NAME": "mlhooks benchmark",
    "GIT_COMMITTER_EMAIL": "benchmark@mlhooks.invalid",
    "GIT_AUTHOR_DATE": "2024-06-14T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-06-14T12:00:00+00:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}

Json = dict[str, Any]

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

COLUMNS = (
    "age tenure_months monthly_charges total_charges support_calls last_login_days"
    " plan_price discount_rate sessions_30d avg_session_min data_usage_gb"
    " payment_delay_days num_devices nps_score contract_months churned"
).split()
INITIALS = "jqp akm tsu rno hkw".split()
AREAS = {
    "eda": "initial-data-exploration feature-distributions missing-values"
    " correlation-study cohort-analysis",
    "training": "baseline-model lightgbm-tuning mlp-training cross-validation"
    " feature-selection",
    "evaluation": "error-analysis threshold-study calibration drift-check"
    " confusion-matrices",
}
FIGURE_SIZES = (
    (543, 413),
    (567, 455),
    (846, 545),
    (989, 590),
    (1189, 590),
    (704, 704),
    (855, 470),
)
JAPANESE = (
    "## データの読み込み\n\n"
    "`data/processed/` から前処理済みのデータを読み込み、件数と列を確認する。",
    "## 欠損値の確認\n\n"
    "欠損率が 30% を超える列は特徴量から除外する。除外した列は `params.yaml` に記録する。",
    "### 分布の確認\n\n"
    "- `monthly_charges` は右に裾の長い分布\n"
    "- `tenure_months` は契約直後と 24 か月付近に山がある\n"
    "- 外れ値は上位 0.1% でクリップする",
    "## 学習\n\n"
    "LightGBM で学習する。評価指標は ROC AUC、検証は層化 5 分割交差検証。",
    "## 考察\n\n"
    "解約率はサポートへの問い合わせ回数と強く相関している。"
    "問い合わせが 3 回を超えると解約率は約 2 倍になる。",
    "> **注意**: このセルは GPU メモリを大量に使う。バッチサイズを下げて再実行すること。",
    "## 結果のまとめ\n\n"
    "| モデル | ROC AUC | 正解率 |\n|---|---|---|\n"
    "| ベースライン | 0.871 | 0.912 |\n| LightGBM | 0.893 | 0.924 |",
    "閾値を 0.5 から 0.35 に下げると再現率が 0.71 から 0.83 に上がる一方、"
    "適合率は 0.64 まで下がる。\n\n$$F_1 = 2 \\cdot \\frac{PR}{P + R}$$",
)
ENGLISH = (
    "## Load the data\n\nRead the processed features and check shapes and dtypes.",
    "Drop the identifiers before modelling; they leak the split.",
    "## Next steps\n\n1. Re-run with the new features\n2. Compare against the baseline"
    "\n3. Write up the results in `reports/`",
)
IMPORTS = (
    "import numpy as np\n"
    "import pandas as pd\n"
    "import matplotlib.pyplot as plt\n"
    "import seaborn as sns\n\n"
    "%matplotlib inline\n"
    'pd.set_option("display.max_columns", 50)'
)
PARAMETERS = 'SEED = 42\nDATA_DIR = "../data/processed"\nSAMPLE_FRAC = 1.0'
HTML_STYLE = """<div>
<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>
"""
RED, GREEN, CYAN, RESET = "\x1b[0;31m", "\x1b[0;32m", "\x1b[0;36m", "\x1b[0m"
ERRORS = (
    ("KeyError", "'churned_flag'"),
    ("ValueError", "Input contains NaN, infinity or a value too large for float64."),
    (
        "OutOfMemoryError",
        "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 15.78 GiB total"
        " capacity; 13.21 GiB already allocated)",
    ),
    ("FileNotFoundError", "[Errno 2] No such file or directory: 'data/raw/crm.csv'"),
)
FRAMES = (
    "/opt/conda/lib/python3.11/site-packages/pandas/core/frame.py",
    "/opt/conda/lib/python3.11/site-packages/pandas/core/indexes/base.py",
    "/opt/conda/lib/python3.11/site-packages/sklearn/utils/validation.py",
    "/opt/conda/lib/python3.11/site-packages/torch/nn/modules/module.py",
    "/opt/conda/lib/python3.11/site-packages/lightgbm/basic.py",
)


def lines(text: str) -> list[str]:
    """A multi-line string the way nbformat stores it: a list of lines."""
    return text.splitlines(keepends=True)


# --------------------------------------------------------------------------------------
# Figures: real PNG files, noise over a gradient, of a chosen size
# --------------------------------------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


@lru_cache(maxsize=None)
def gradient_row(width: int) -> bytes:
    """One RGBA scan line (filter byte first): a pale gradient on white."""
    pixels = bytearray(b"\0")
    for x in range(width):
        shade = 255 - x * 48 // width
        pixels += bytes((shade, shade, 255, 255))
    return bytes(pixels)


def png_image(rng: random.Random, width: int, height: int, size: int) -> bytes:
    """A ``width`` x ``height`` RGBA PNG of about ``size`` bytes (noise compresses
    to itself, the gradient to almost nothing)."""
    stride = width * 4
    noisy = max(1, min(height, size // stride))
    noise = rng.randbytes(noisy * stride)
    rows = [b"\0" + noise[y * stride : (y + 1) * stride] for y in range(noisy)]
    if noisy < height:  # then rows equal to the one above: filter "Up", all zeros
        rows += [gradient_row(width)] + [b"\2" + bytes(stride)] * (height - noisy - 1)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            png_chunk(b"IHDR", header),
            png_chunk(b"tEXt", b"Software\0Matplotlib version3.8.2, matplotlib.org"),
            png_chunk(b"pHYs", struct.pack(">IIB", 2834, 2834, 1)),
            png_chunk(b"IDAT", zlib.compress(b"".join(rows), 6)),
            png_chunk(b"IEND", b""),
        )
    )


# --------------------------------------------------------------------------------------
# Building one notebook the way Jupyter saves it
# --------------------------------------------------------------------------------------


@dataclass
class Builder:
    """Cells of one notebook in the making, with its clock and widget state."""

    rng: random.Random
    timing: str  # cell metadata that records run times: "execution" or "ExecuteTime"
    clock: datetime
    cells: list[Json] = field(default_factory=list)
    count: int = 0
    figure_bytes: int = 0
    widgets: Json = field(default_factory=dict)

    def cell_id(self) -> str:
        bits = self.rng.getrandbits(128)
        if self.timing == "ExecuteTime":  # classic notebook: nbformat's short ids
            return f"{bits:032x}"[:8]
        text = f"{bits:032x}"
        return f"{text[:8]}-{text[8:12]}-4{text[13:16]}-a{text[17:20]}-{text[20:]}"

    def markdown(self, text: str) -> None:
        self.cells.append(
            {
                "cell_type": "markdown",
                "id": self.cell_id(),
                "metadata": {},
                "source": lines(text),
            }
        )

    def code(
        self,
        source: str,
        outputs: list[Json],
        seconds: float = 0.1,
        metadata: Json | None = None,
    ) -> None:
        self.count += self.rng.choice((1, 1, 1, 1, 2, 5))
        for output in outputs:
            if output["output_type"] == "execute_result":
                output["execution_count"] = self.count
        self.cells.append(
            {
                "cell_type": "code",
                "execution_count": self.count,
                "id": self.cell_id(),
                "metadata": {**self.run_metadata(seconds), **(metadata or {})},
                "outputs": outputs,
                "source": lines(source),
            }
        )

    def run_metadata(self, seconds: float) -> Json:
        start = self.clock + timedelta(seconds=self.rng.uniform(2, 90))
        end = start + timedelta(seconds=seconds * self.rng.uniform(0.5, 1.5))
        self.clock = end

        def stamp(moment: datetime) -> str:
            return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

        if self.timing == "ExecuteTime":
            return {"ExecuteTime": {"end_time": stamp(end), "start_time": stamp(start)}}
        return {
            "execution": {
                "iopub.execute_input": stamp(start + timedelta(milliseconds=3)),
                "iopub.status.busy": stamp(start),
                "iopub.status.idle": stamp(end + timedelta(milliseconds=2)),
                "shell.execute_reply": stamp(end),
            }
        }


def stream(text: str, name: str = "stdout") -> Json:
    return {"name": name, "output_type": "stream", "text": lines(text)}


def rich(data: Json, kind: str = "execute_result") -> Json:
    output: Json = {"data": data, "metadata": {}, "output_type": kind}
    if kind == "execute_result":
        output["execution_count"] = 0  # set by Builder.code
    return output


def plain_table(header: list[str], rows: list[list[str]]) -> str:
    table = [header] + rows
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.rjust(width) for cell, width in zip(row, widths))
        for row in table
    )


def html_table(header: list[str], rows: list[list[str]], note: str = "") -> str:
    head = "".join(f"      <th>{cell}</th>\n" for cell in header[1:])
    body = "".join(
        "    <tr>\n      <th>{}</th>\n{}    </tr>\n".format(
            row[0], "".join(f"      <td>{cell}</td>\n" for cell in row[1:])
        )
        for row in rows
    )
    return (
        HTML_STYLE + '<table border="1" class="dataframe">\n  <thead>\n'
        '    <tr style="text-align: right;">\n      <th></th>\n'
        f"{head}    </tr>\n  </thead>\n  <tbody>\n{body}  </tbody>\n</table>\n"
        f"{note}</div>"
    )


def frame(header: list[str], rows: list[list[str]], note: str = "") -> Json:
    plain = plain_table(header, rows) + (f"\n\n{note}" if note else "")
    html = html_table(header, rows, f"<p>{note}</p>\n" if note else "")
    return rich({"text/html": lines(html), "text/plain": lines(plain)})


def describe(rng: random.Random) -> Json:
    columns = rng.sample(COLUMNS, rng.randint(5, 12))
    stats = "count mean std min 25% 50% 75% max".split()
    rows = [
        [stat] + [f"{rng.uniform(0, 10 ** rng.randint(1, 5)):.6f}" for _ in columns]
        for stat in stats
    ]
    return frame([""] + columns, rows)


def head(rng: random.Random) -> Json:
    columns = rng.sample(COLUMNS, rng.randint(6, 16))
    rows = [
        [str(rng.randint(0, 99999))] + [f"{rng.uniform(0, 500):.2f}" for _ in columns]
        for _ in range(rng.choice((5, 5, 10, 20)))
    ]
    note = f"{len(rows)} rows × {len(columns)} columns"
    return frame([""] + columns, rows, note)


def figure(b: Builder) -> Json:
    width, height = b.rng.choice(FIGURE_SIZES)
    size = int(20_000 * 10 ** b.rng.uniform(0, 1))  # 20 KB to 200 KB, log-uniform
    if b.figure_bytes + size > MAX_FIGURE_BYTES:
        size = 20_000
    image = png_image(b.rng, width, height, size)
    b.figure_bytes += len(image)
    axes = b.rng.choice((1, 1, 2, 4))
    return rich(
        {
            "image/png": base64.b64encode(image).decode("ascii") + "\n",
            "text/plain": [f"<Figure size {width}x{height} with {axes} Axes>"],
        },
        "display_data",
    )


def error_output(rng: random.Random) -> Json:
    name, value = rng.choice(ERRORS)
    frames = []
    for path in rng.sample(FRAMES, rng.randint(2, len(FRAMES))):
        line = rng.randint(100, 4000)
        frames.append(
            f"File {GREEN}{path}:{line}{RESET}, in {CYAN}call{RESET}(self, *args)\n"
            f"\x1b[1;32m   {line - 1}{RESET} \x1b[38;5;28;01mtry\x1b[39;00m:\n"
            f"{GREEN}-> {line}{RESET}     \x1b[38;5;28;01mreturn\x1b[39;00m"
            f" \x1b[38;5;28mself\x1b[39m\x1b[38;5;241m.\x1b[39m_engine(key)\n"
        )
    return {
        "ename": name,
        "evalue": value,
        "output_type": "error",
        "traceback": [
            f"{RED}{'-' * 75}{RESET}",
            f"{RED}{name}{RESET}{' ' * 30}Traceback (most recent call last)",
            *frames,
            f"{RED}{name}{RESET}: {value}",
        ],
    }


def widget_model(module: str, name: str, state: Json) -> Json:
    return {
        "model_module": module,
        "model_module_version": "2.0.0",
        "model_name": name,
        "state": state,
    }


def layout_model() -> Json:
    keys = "align_content align_items align_self border_bottom border_left"
    keys += " border_right border_top bottom display flex flex_flow grid_area"
    keys += " grid_template_areas height justify_content left margin max_height"
    keys += " max_width min_height min_width object_fit order overflow padding"
    keys += " right top visibility width"
    state: Json = {key: None for key in keys.split()}
    state.update({"_model_name": "LayoutModel", "_view_name": "LayoutView"})
    return widget_model("@jupyter-widgets/base", "LayoutModel", state)


def progress_widget(b: Builder, label: str, total: int) -> Json:
    """A tqdm progress bar: its view in the output, its models in the metadata."""
    ids = [f"{b.rng.getrandbits(128):032x}" for _ in range(10)]
    box, left, bar, right, *layouts = ids[:8]
    left_style, right_style = ids[8], ids[9]
    done = f"{total}/{total} [00:{b.rng.randint(10, 59)}<00:00, 9.21it/s]"
    controls = "@jupyter-widgets/controls"
    models = {
        box: widget_model(
            controls,
            "HBoxModel",
            {"children": [f"IPY_MODEL_{m}" for m in (left, bar, right)]},
        ),
        left: widget_model(controls, "HTMLModel", {"value": label}),
        bar: widget_model(
            controls,
            "FloatProgressModel",
            {"bar_style": "success", "max": total, "value": total},
        ),
        right: widget_model(controls, "HTMLModel", {"value": done}),
        left_style: widget_model(controls, "HTMLStyleModel", {"font_size": None}),
        right_style: widget_model(controls, "HTMLStyleModel", {"font_size": None}),
    }
    models.update({layout: layout_model() for layout in layouts})
    b.widgets.update(models)
    view = {"model_id": box, "version_major": 2, "version_minor": 0}
    return rich(
        {
            "application/vnd.jupyter.widget-view+json": view,
            "text/plain": [f"{label}: 100%|{'█' * 10}| {done}"],
        },
        "display_data",
    )


# --------------------------------------------------------------------------------------
# Cells by kind of notebook
# --------------------------------------------------------------------------------------


def plot_source(column: str) -> str:
    return (
        "fig, ax = plt.subplots(figsize=(10, 6))\n"
        f'sns.histplot(df["{column}"], bins=50, ax=ax)\n'
        f'ax.set_title("{column} の分布")\n'
        "plt.show()"
    )


def info_text(rng: random.Random) -> str:
    rows = [
        f" {i:<3} {name:<20} {rng.randint(90000, 184223)} non-null  float64"
        for i, name in enumerate(COLUMNS)
    ]
    return (
        "<class 'pandas.core.frame.DataFrame'>\nRangeIndex: 184223 entries, 0 to 184222"
        f"\nData columns (total {len(COLUMNS)} columns):\n"
        " #   Column                Non-Null Count   Dtype  \n"
        + "\n".join(rows)
        + "\ndtypes: float64(16)\nmemory usage: 22.5 MB\n"
    )


def eda_cell(b: Builder) -> None:
    rng, pick, column = b.rng, b.rng.random(), b.rng.choice(COLUMNS)
    if pick < 0.3:
        b.code(plot_source(column), [figure(b)], 0.8)
    elif pick < 0.45:
        b.code("df.describe()", [describe(rng)])
    elif pick < 0.55:
        b.code(f'df.sort_values("{column}").head()', [head(rng)])
    elif pick < 0.65:
        counts = "\n".join(f"{v}    {rng.randint(10, 9000)}" for v in range(12))
        text = f"{column}\n{counts}\nName: count, dtype: int64"
        b.code(f'df["{column}"].value_counts()', [rich({"text/plain": lines(text)})])
    elif pick < 0.7:
        b.code("df.info()", [stream(info_text(rng))])
    elif pick < 0.76:
        warning = (
            "/tmp/ipykernel_2817/3416.py:2: SettingWithCopyWarning: \nA value is "
            "trying to be set on a copy of a slice from a DataFrame.\n"
        )
        b.code(f'df["{column}"][df.age < 0] = np.nan', [stream(warning, "stderr")])
    else:
        b.code(f'df["{column}_log"] = np.log1p(df["{column}"])', [])


def training_log(rng: random.Random) -> str:
    epochs, steps = rng.randint(5, 40), rng.choice((10, 20, 40, 60))
    loss, accuracy = rng.uniform(0.6, 0.8), rng.uniform(0.4, 0.6)
    out = []
    for epoch in range(1, epochs + 1):
        out.append(f"Epoch {epoch}/{epochs}")
        for step in range(1, steps + 1):
            loss *= rng.uniform(0.995, 0.9999)
            accuracy = min(0.99, accuracy * rng.uniform(1.0, 1.001))
            bar = ("=" * (30 * step // steps - 1) + ">").ljust(30, ".")
            out.append(
                f"{step * 25}/{steps * 25} [{bar}] - ETA: {rng.randint(0, 90)}s"
                f" - loss: {loss:.4f} - accuracy: {accuracy:.4f}"
            )
        out.append(f"val_loss: {loss * 1.1:.4f} - val_accuracy: {accuracy * 0.97:.4f}")
    return "\n".join(out) + "\n"


TRAIN_SOURCE = (
    "history = model.fit(\n"
    "    train_ds,\n"
    "    validation_data=valid_ds,\n"
    "    epochs=params.epochs,\n"
    "    callbacks=[early_stopping, mlflow_callback],\n"
    ")"
)


def training_cell(b: Builder) -> None:
    rng, pick = b.rng, b.rng.random()
    if pick < 0.02:
        b.code("trainer.fit(model, datamodule=data)", [error_output(rng)], 30)
    elif pick < 0.12:
        b.code(TRAIN_SOURCE, [stream(training_log(rng))], 600)
    elif pick < 0.24:
        total = rng.choice((98, 390, 1563))
        source = "for batch in tqdm(loader, desc=f'Epoch {epoch}'):\n    step(batch)"
        bars = [
            progress_widget(b, f"Epoch {e}", total) for e in range(rng.randint(1, 5))
        ]
        b.code(source, bars, 120)
    elif pick < 0.44:
        source = (
            "plt.plot(history.history['loss'])\nplt.plot(history.history['val_loss'])"
        )
        b.code(source, [figure(b)], 0.5)
    elif pick < 0.54:
        metrics = "\n".join(
            f"fold {k}: roc_auc={rng.uniform(0.8, 0.9):.4f}" for k in range(5)
        )
        b.code("print_fold_metrics(scores)", [stream(metrics + "\n")])
    elif pick < 0.62:
        config = {"learning_rate": 0.05, "num_leaves": rng.choice((31, 63)), "seed": 42}
        b.code("params", [rich({"text/plain": lines(repr(config))})])
    else:
        b.code("model = build_model(params)", [])


REPORT_HEADER = "              precision    recall  f1-score   support\n\n"


def evaluation_cell(b: Builder) -> None:
    rng, pick = b.rng, b.rng.random()
    if pick < 0.06:
        b.code('df.loc[:, "churned_flag"].mean()', [error_output(rng)])
    elif pick < 0.31:
        b.code("ConfusionMatrixDisplay.from_predictions(y_true, y_pred)", [figure(b)])
    elif pick < 0.46:
        rows = [
            f"{name:>12}       {rng.random():.2f}      {rng.random():.2f}"
            f"      {rng.random():.2f}     {rng.randint(1000, 40000)}"
            for name in ("0", "1", "accuracy", "macro avg", "weighted avg")
        ]
        report = REPORT_HEADER + "\n".join(rows) + "\n"
        b.code("print(classification_report(y_true, y_pred))", [stream(report)])
    elif pick < 0.6:
        b.code("errors.head(20)", [head(rng)])
    else:
        b.code("y_pred = (proba > threshold).astype(int)", [])


KINDS: dict[str, tuple[Callable[[Builder], None], float]] = {
    "eda": (eda_cell, 0.4),
    "training": (training_cell, 0.35),
    "evaluation": (evaluation_cell, 0.25),
}
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
    "version": "3.11.7",
}
KERNELSPEC = {
    "display_name": "Python 3 (ipykernel)",
    "language": "python",
    "name": "python3",
}


def notebook_metadata(b: Builder) -> Json:
    metadata: Json = {"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO}
    if b.widgets:
        metadata["widgets"] = {
            "application/vnd.jupyter.widget-state+json": {
                "state": b.widgets,
                "version_major": 2,
                "version_minor": 0,
            }
        }
    return metadata


def clear_outputs(notebook: Json) -> None:
    """What "Clear All Outputs" and saving leave: no outputs, counts or run data."""
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            tags = {k: v for k, v in cell["metadata"].items() if k == "tags"}
            cell.update(execution_count=None, outputs=[], metadata=tags)
    notebook["metadata"].pop("widgets", None)


def build_notebook(index: int) -> tuple[str, str]:
    """Path and text of notebook ``index``: the same for the same index."""
    rng = random.Random(SEED * 10_000 + index)
    kinds = list(KINDS)
    kind = rng.choices(kinds, [KINDS[k][1] for k in kinds])[0]
    slug = rng.choice(AREAS[kind].split())
    path = f"notebooks/{kind}/{index:04d}-{rng.choice(INITIALS)}-{slug}.ipynb"
    timing = rng.choice(("execution", "execution", "ExecuteTime"))
    start = datetime(2024, 5, 1, tzinfo=timezone.utc) + timedelta(hours=index * 7)
    b = Builder(rng, timing, start)
    b.markdown(f"# {slug.replace('-', ' ').capitalize()}")
    b.markdown(rng.choice(JAPANESE))
    b.code(IMPORTS, [], 2.5)
    b.code(PARAMETERS, [], 0.01, {"tags": ["parameters"]})
    total = rng.randint(20, 30) if index == 0 else rng.randint(20, 150)  # 0 is small
    add_cell = KINDS[kind][0]
    while len(b.cells) < total:
        if rng.random() < 0.35:
            b.markdown(rng.choice(JAPANESE + ENGLISH))
        else:
            add_cell(b)
    notebook = {
        "cells": b.cells,
        "metadata": notebook_metadata(b),
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    if index % CLEAN_EVERY == 0:
        clear_outputs(notebook)
    text = json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    return path, text


# --------------------------------------------------------------------------------------
# Writing, committing and caching the corpus
# --------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ("git", *args),
        cwd=repo,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def stamp_of(count: int) -> dict[str, int]:
    return {"generator": GENERATOR_VERSION, "seed": SEED, "notebooks": count}


def read_stamp(repo: Path) -> Json | None:
    try:
        data = json.loads((repo / ".git" / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def generate_corpus(repo: Path, count: int) -> float:
    """Write, ``git add`` and commit ``count`` notebooks; seconds it took."""
    if repo.exists():
        shutil.rmtree(repo)
    start = time.perf_counter()
    for index in range(count):
        path, text = build_notebook(index)
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    git(repo, "-c", "init.defaultBranch=main", "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "Notebook corpus")
    seconds = time.perf_counter() - start
    stamp = {**stamp_of(count), "seconds": round(seconds, 2)}
    (repo / ".git" / STAMP).write_text(json.dumps(stamp) + "\n", encoding="utf-8")
    return seconds


def restore(repo: Path) -> bool:
    """Put the corpus back to its commit when something changed it; True if it had."""
    if not git(repo, "status", "--porcelain", "--untracked-files=all"):
        return False
    git(repo, "reset", "-q", "--hard")
    git(repo, "clean", "-q", "-f", "-d")
    return True


@dataclass(frozen=True)
class Corpus:
    repo: Path
    files: tuple[str, ...]  # relative to repo, sorted
    seconds: float
    cached: bool
    notes: list[str] = field(default_factory=list)


def prepare_corpus(count: int, regenerate: bool) -> Corpus:
    stamp = read_stamp(CORPUS)
    current = stamp is not None and all(
        stamp.get(k) == v for k, v in stamp_of(count).items()
    )
    notes = []
    if regenerate or not current:
        progress(f"generating {count} notebooks in {display(CORPUS)} ...")
        seconds = generate_corpus(CORPUS, count)
        progress(f"generated in {seconds:.1f} s")
    else:
        assert stamp is not None
        seconds = float(stamp.get("seconds", 0.0))
        if restore(CORPUS):
            notes.append("the cached corpus had local changes; reset to its commit")
    files = tuple(sorted(git(CORPUS, "ls-files", "-z").split("\0")[:-1]))
    return Corpus(
        CORPUS, files, seconds, cached=current and not regenerate, notes=notes
    )


# --------------------------------------------------------------------------------------
# The tools and the commands to time
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Peer:
    """A peer tool: its executable (and distribution) name and its arguments."""

    name: str
    check: tuple[str, ...]
    strip: tuple[str, ...]
    check_label: str
    strip_label: str
    major: int = 0  # the oldest major release whose command line this matches


# Both peers keep cell ids, notebook metadata and cell tags, as our hooks do. nbstripout
# drops run timing and widget state by default; nb-clean drops all other cell metadata
# (run timing included) but has no flag that drops widget state alone.
PEERS = (
    Peer("nbstripout", ("--verify", "--keep-id"), ("--keep-id",), "--verify", ""),
    Peer(
        "nb-clean",
        ("check", "-n", "--preserve-cell-metadata-field", "tags"),
        ("clean", "-n", "--preserve-cell-metadata-field", "tags"),
        "check",
        "clean",
        major=5,  # nb-clean 4 and older spell the flags differently
    ),
)
OURS = {"check": "check-notebook-outputs", "strip": "strip-notebook-outputs"}


@dataclass(frozen=True)
class Tool:
    name: str
    version: str
    kind: str
    path: str


@dataclass(frozen=True)
class Command:
    group: str  # "corpus" or "single"
    task: str  # "floor", "check" or "strip"
    name: str
    tool: str  # "" for a floor
    argv: tuple[str, ...]
    files: tuple[str, ...] = ()

    @property
    def is_ours(self) -> bool:
        return self.tool == "mlhooks"


def find_executable(name: str) -> Path | None:
    """The tool beside this interpreter first, so that no pyenv shim is timed."""
    beside = Path(sysconfig.get_path("scripts")) / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which(name)
    return Path(found) if found else None


def executable_kind(path: Path) -> str:
    with path.open("rb") as stream:
        first = stream.readline(200)
    if not first.startswith(b"#!"):
        return "compiled binary"
    return "Python script" if b"python" in first else "script"


def distribution_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown version"


def major_of(version: str) -> int:
    head = version.split(".")[0]
    return int(head) if head.isdigit() else 0


def find_peers() -> tuple[list[tuple[Peer, Tool]], list[str]]:
    """The installed peers, and notes on the ones that are skipped."""
    found, skipped = [], []
    for peer in PEERS:
        path = find_executable(peer.name)
        version = distribution_version(peer.name)
        if path is None:
            skipped.append(f"skipped {peer.name}: not installed")
        elif major_of(version) < peer.major:
            skipped.append(f"skipped {peer.name} {version}: needs >= {peer.major}")
        else:
            tool = Tool(peer.name, version, executable_kind(path), str(path))
            found.append((peer, tool))
    return found, skipped


def unimportable(module: str) -> str | None:
    """Why ``module`` cannot provide a hook's ``main``; None when it can."""
    try:
        if importlib.util.find_spec(module) is None:
            return f"module {module} not found"
        loaded = importlib.import_module(module)
    except Exception as exc:  # noqa: BLE001 - any failure means "skip this hook"
        return f"importing {module} failed: {type(exc).__name__}: {exc}"
    if not callable(getattr(loaded, "main", None)):
        return f"module {module} has no main()"
    return None


def manifest_arguments(hook_id: str) -> list[str]:
    """What pre-commit adds before the file names: words of ``entry`` after the
    first, then ``args``."""
    try:
        entries = yaml.safe_load(MANIFEST.read_text(encoding="utf-8")) or []
    except OSError:
        return []
    for entry in entries:
        if isinstance(entry, dict) and entry.get("id") == hook_id:
            extra = shlex.split(str(entry.get("entry", hook_id)))[1:]
            return extra + [str(arg) for arg in entry.get("args", [])]
    return []


def find_ours() -> tuple[dict[str, list[str]], list[str]]:
    """Task -> hook arguments for our importable hooks, and notes on the others."""
    found, skipped = {}, []
    for task, hook_id in OURS.items():
        module = "mlhooks." + hook_id.replace("-", "_")
        reason = unimportable(module)
        if reason:
            skipped.append(f"skipped {hook_id}: {reason}")
        else:
            found[task] = manifest_arguments(hook_id)
    return found, skipped


def hook_argv(hook_id: str) -> tuple[str, ...]:
    module = "mlhooks." + hook_id.replace("-", "_")
    code = f"import sys; from {module} import main; sys.exit(main())"
    return (sys.executable, "-c", code)


PARSE = "import json, sys; [json.load(open(f, encoding='utf-8')) for f in sys.argv[1:]]"


def group_commands(
    group: str,
    files: tuple[str, ...],
    ours: dict[str, list[str]],
    peers: list[tuple[Peer, Tool]],
) -> list[Command]:
    commands = [
        Command(group, "floor", "python -c pass", "", (sys.executable, "-c", "pass"))
    ]
    if group == "corpus":
        parse = (sys.executable, "-c", PARSE, *files)
        commands.append(Command(group, "floor", "json.load each", "", parse, files))
    for task in ("check", "strip"):
        if task in ours:
            argv = (*hook_argv(OURS[task]), *ours[task], *files)
            commands.append(Command(group, task, OURS[task], "mlhooks", argv, files))
        for peer, tool in peers:
            args = peer.check if task == "check" else peer.strip
            label = peer.check_label if task == "check" else peer.strip_label
            name = f"{peer.name} {label}".strip()
            argv = (tool.path, *args, *files)
            commands.append(Command(group, task, name, peer.name, argv, files))
    return commands


# --------------------------------------------------------------------------------------
# What a notebook file holds, for checking the tools' results
# --------------------------------------------------------------------------------------

TIMING_KEYS = ("execution", "ExecuteTime")
CELL_TEXT = ("cell_type", "source")
CELL_CONTENT = CELL_TEXT + ("outputs", "execution_count")


@dataclass(frozen=True)
class State:
    """What the checks look at in one notebook file (digests keep it small)."""

    size: int
    digest: str
    outputs: bool  # some code cell has outputs
    counts: bool  # some code cell has an execution count
    volatile: bool  # widget state or run timing is left in the metadata
    sources: str  # digest of each cell's type and source
    ids: str  # digest of the cell ids
    content: str  # digest of each cell's type, source, outputs and execution count

    @property
    def dirty(self) -> bool:
        return self.outputs or self.counts or self.volatile


def digest_of(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_state(path: Path) -> State:
    data = path.read_bytes()
    whole = hashlib.sha1(data).hexdigest()
    try:
        notebook = json.loads(data)
        cells = [cell for cell in notebook["cells"] if isinstance(cell, dict)]
    except (ValueError, KeyError, TypeError):
        return State(len(data), whole, True, True, True, "", "", "")  # unreadable
    code = [cell for cell in cells if cell.get("cell_type") == "code"]
    timing = any(
        key in cell.get("metadata", {}) for cell in cells for key in TIMING_KEYS
    )
    widgets = "widgets" in notebook.get("metadata", {})
    sources = [[cell.get(key) for key in CELL_TEXT] for cell in cells]
    content = [[cell.get(key) for key in CELL_CONTENT] for cell in cells]
    return State(
        size=len(data),
        digest=whole,
        outputs=any(cell.get("outputs") for cell in code),
        counts=any(cell.get("execution_count") is not None for cell in code),
        volatile=timing or widgets,
        sources=digest_of(sources),
        ids=digest_of([cell.get("id") for cell in cells]),
        content=digest_of(content),
    )


def read_states(repo: Path, files: Sequence[str]) -> dict[str, State]:
    return {name: read_state(repo / name) for name in files}


# --------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------


@dataclass
class Result:
    command: Command
    seconds: list[float] = field(default_factory=list)
    returncode: int = 0
    output: str = ""  # stdout and stderr of the warm-up run
    after: dict[str, State] = field(default_factory=dict)  # strip: files left behind

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def min_ms(self) -> float:
        return min(self.seconds) * 1000


class BenchmarkError(Exception):
    """A timed command failed; the message says which and how."""


def run_once(
    command: Command, cwd: Path
) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command.argv,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        message = f"{command.name}: still running after {TIMEOUT} s"
        raise BenchmarkError(message) from None
    return time.perf_counter() - start, done


def problem(command: Command, done: subprocess.CompletedProcess[bytes]) -> str | None:
    """Why this run counts as an error (not as findings); None when it does not."""
    stderr = done.stderr.decode("utf-8", "replace")
    allowed = (0,) if command.task == "floor" else (0, 1)
    if done.returncode in allowed and TRACEBACK not in stderr:
        return None
    tail = "\n".join(stderr.strip().splitlines()[-15:]) or "(no stderr)"
    return f"{command.name}: exit status {done.returncode}\n{tail}"


def run_and_record(result: Result, corpus: Corpus, warm_up: bool) -> None:
    """Time one run; a warm-up keeps the output and the files a strip left instead.
    The corpus is put back afterwards if the command changed it."""
    command = result.command
    seconds, done = run_once(command, corpus.repo)
    error = problem(command, done)
    if error:
        raise BenchmarkError(error)
    if not warm_up:
        result.seconds.append(seconds)
    else:
        result.returncode = done.returncode
        result.output = (done.stdout + done.stderr).decode("utf-8", "replace")
        if command.task == "strip":
            result.after = read_states(corpus.repo, command.files)
    if command.task == "floor":
        return
    changed = restore(corpus.repo)
    note = f"{command.name} changed the corpus; it was reset"
    if changed and command.task != "strip" and note not in corpus.notes:
        corpus.notes.append(note)


def measure(commands: list[Command], corpus: Corpus, runs: int) -> list[Result]:
    """One warm-up round, then ``runs`` interleaved rounds in a rotating order; the
    corpus is put back after every command that changed it, outside the timed span."""
    results = [Result(command) for command in commands]
    group = commands[0].group
    for number in range(runs + 1):
        progress(f"{group}: " + (f"run {number}/{runs}" if number else "warm-up"))
        shift = number % len(results)
        for result in results[shift:] + results[:shift]:
            run_and_record(result, corpus, warm_up=number == 0)
    return results


# --------------------------------------------------------------------------------------
# Checking the results of the warm-up round
# --------------------------------------------------------------------------------------


def flagged(result: Result) -> int:
    """How many of the notebooks passed to a check are named in its output."""
    return sum(1 for name in result.command.files if name in result.output)


def strip_record(result: Result, before: dict[str, State], ours: Result | None) -> Json:
    after = result.after
    names = list(after)

    def count(test: Callable[[str], bool]) -> int:
        return sum(1 for name in names if test(name))

    record = {
        "group": result.command.group,
        "name": result.command.name,
        "notebooks": len(names),
        "changed": count(lambda n: after[n].digest != before[n].digest),
        "outputs": count(lambda n: after[n].outputs),
        "counts": count(lambda n: after[n].counts),
        "volatile": count(lambda n: after[n].volatile),
        "sources": count(lambda n: after[n].sources != before[n].sources),
        "ids": count(lambda n: after[n].ids != before[n].ids),
        "differ": None,
        "identical": None,
    }
    if ours is not None and ours is not result and ours.after:
        mine = ours.after
        record["differ"] = count(lambda n: after[n].content != mine[n].content)
        record["identical"] = count(lambda n: after[n].digest == mine[n].digest)
    return record


def ours_for(results: list[Result], command: Command) -> Result | None:
    """Our result for the same group and task as ``command``."""
    key = (command.group, command.task)
    return next(
        (
            r
            for r in results
            if r.command.is_ours and (r.command.group, r.command.task) == key
        ),
        None,
    )


def check_record(result: Result, before: dict[str, State]) -> Json:
    files = result.command.files
    return {
        "group": result.command.group,
        "name": result.command.name,
        "notebooks": len(files),
        "dirty": sum(1 for name in files if before[name].dirty),
        "flagged": flagged(result),
    }


def verification(results: list[Result], before: dict[str, State]) -> Json:
    checks, strips = [], []
    for result in results:
        if result.command.task == "check":
            checks.append(check_record(result, before))
        elif result.command.task == "strip":
            ours = ours_for(results, result.command)
            strips.append(strip_record(result, before, ours))
    return {"check": checks, "strip": strips}


# --------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------


def floor_of(results: list[Result], group: str, name: str) -> Result | None:
    key = (group, "floor", name)
    return next(
        (
            r
            for r in results
            if (r.command.group, r.command.task, r.command.name) == key
        ),
        None,
    )


def result_record(result: Result, results: list[Result]) -> Json:
    command = result.command
    python = floor_of(results, command.group, "python -c pass")
    parse = floor_of(results, command.group, "json.load each")
    return {
        "group": command.group,
        "task": command.task,
        "name": command.name,
        "tool": command.tool or None,
        "argv": list(command.argv[: len(command.argv) - len(command.files)]),
        "files": len(command.files),
        "median_ms": round(result.median_ms, 2),
        "min_ms": round(result.min_ms, 2),
        "ratio_python": (
            round(result.median_ms / python.median_ms, 2) if python else None
        ),
        "ratio_parse": round(result.median_ms / parse.median_ms, 2) if parse else None,
        "exit_status": result.returncode,
        "flagged": flagged(result) if command.task == "check" else None,
    }


def peer_ratios(results: list[Result]) -> list[Json]:
    """Median of each peer over the median of ours, for the same group and task."""
    ratios = []
    for peer in results:
        ours = ours_for(results, peer.command)
        if ours is None or not peer.command.tool or peer.command.is_ours:
            continue
        ratios.append(
            {
                "group": peer.command.group,
                "task": peer.command.task,
                "peer": peer.command.name,
                "ours": ours.command.name,
                "ratio": round(peer.median_ms / ours.median_ms, 2),
            }
        )
    return ratios


def number(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def aligned(rows: Sequence[tuple[str, ...]], left: int) -> list[str]:
    """Rows as lines: the first ``left`` columns left-aligned, the rest right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(width) if i < left else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths))
        ).rstrip()
        for row in rows
    ]


def timing_lines(records: list[Json]) -> list[str]:
    header = ("group", "task", "command", "median", "min", "x python", "x parse")
    rows: list[tuple[str, ...]] = [header + ("exit",)]
    for r in records:
        rows.append(
            (r["group"], r["task"], r["name"], number(r["median_ms"], 1))
            + (number(r["min_ms"], 1), number(r["ratio_python"]))
            + (number(r["ratio_parse"]), str(r["exit_status"]))
        )
    return aligned(rows, 3)


def strip_lines(records: list[Json]) -> list[str]:
    keys = "changed outputs counts volatile sources ids differ identical".split()
    rows = [("group", "command", *keys)]
    for r in records:
        rows.append(
            (r["group"], r["name"])
            + tuple("-" if r[key] is None else str(r[key]) for key in keys)
        )
    return aligned(rows, 2)


STRIP_LEGEND = """\
  changed: files whose bytes changed; outputs, counts, volatile: files still holding
  outputs, execution counts, or widget state / run timing; sources, ids: files whose
  cell sources or cell ids changed; differ: files whose cells (type, source, outputs,
  execution count) differ from our result; identical: files byte-identical to ours."""


def header_lines(data: Json) -> list[str]:
    corpus, single = data["corpus"], data["single"]
    before, after = data["load_average"]
    cached = "cached, " if corpus["cached"] else ""
    tools = [f"mlhooks {data['mlhooks']}"] + [
        f"{t['name']} {t['version']} ({t['kind']})" for t in data["tools"]
    ]
    runs = {
        task: "; ".join(f"{t['name']} {' '.join(t[task])}" for t in data["tools"])
        for task in ("check", "strip")
    }
    return [
        f"corpus   {corpus['path']}: {corpus['notebooks']} notebooks"
        f" ({corpus['without_outputs']} without outputs),"
        f" {corpus['bytes'] / 1e6:.1f} MB; {cached}generated in"
        f" {corpus['generation_seconds']:.1f} s",
        f"single   {single['path']}: {single['cells']} cells,"
        f" {single['bytes'] / 1e3:.1f} kB, no outputs",
        f"machine  Python {data['python']}, git {data['git']}, {data['platform']},"
        f" {data['cpus']} CPUs, load {before:.2f} before and {after:.2f} after",
        f"tools    {'; '.join(tools)}",
        f"check    {runs['check'] or '-'}",
        f"strip    {runs['strip'] or '-'}",
        f"timing   corpus {data['runs']} runs, single {data['single_runs']} runs,"
        " each after 1 warm-up; wall time in ms",
    ]


def text_report(data: Json) -> str:
    out = header_lines(data) + [""] + timing_lines(data["results"])
    if data["ratios"]:
        out += ["", "peer / ours, medians (above 1: ours is faster)"]
        out += [
            f"  {r['group']:<6}  {r['task']}  {r['peer']} / {r['ours']}"
            f" = {r['ratio']:.2f}x"
            for r in data["ratios"]
        ]
    checks = data["verification"]["check"]
    out += ["", "check, warm-up run: notebooks flagged / needing a strip"]
    out += [
        f"  {c['group']:<6}  {c['name']}: {c['flagged']} / {c['dirty']}"
        f" of {c['notebooks']}"
        for c in checks
    ]
    if data["verification"]["strip"]:
        out += ["", "strip, files left by the warm-up run"]
        out += ["  " + line for line in strip_lines(data["verification"]["strip"])]
        out.append(STRIP_LEGEND)
    out += [f"note: {note}" for note in data["notes"] + data["skipped"]]
    return "\n".join(out)


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def display(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def at_least(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value

    return parse


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--notebooks",
        type=at_least(MIN_NOTEBOOKS),
        default=150,
        help="notebooks in the corpus (default: 150)",
    )
    parser.add_argument(
        "--runs",
        type=at_least(1),
        default=5,
        help="timed runs over the corpus after one warm-up (default: 5)",
    )
    parser.add_argument(
        "--single-runs",
        type=at_least(1),
        default=20,
        help="timed runs on the single notebook after one warm-up (default: 20)",
    )
    parser.add_argument(
        "--regenerate",
        action="store_true",
        help="rebuild the cached corpus even when it is up to date",
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON instead of a table"
    )
    return parser.parse_args(argv)


def single_notebook(before: dict[str, State]) -> str:
    """The smallest notebook that needs no stripping."""
    clean = [name for name, state in before.items() if not state.dirty]
    if not clean:
        raise RuntimeError("the corpus has no notebook without outputs")
    return min(clean, key=lambda name: (before[name].size, name))


def tool_record(peer: Peer, tool: Tool) -> Json:
    return {
        "name": tool.name,
        "version": tool.version,
        "kind": tool.kind,
        "path": tool.path,
        "check": list(peer.check),
        "strip": list(peer.strip),
    }


def corpus_record(corpus: Corpus, before: dict[str, State]) -> Json:
    return {
        "path": display(corpus.repo),
        "notebooks": len(corpus.files),
        "without_outputs": sum(1 for state in before.values() if not state.dirty),
        "bytes": sum(state.size for state in before.values()),
        "generation_seconds": round(corpus.seconds, 2),
        "cached": corpus.cached,
    }


def single_record(corpus: Corpus, name: str, before: dict[str, State]) -> Json:
    cells = json.loads((corpus.repo / name).read_bytes())["cells"]
    return {"path": name, "bytes": before[name].size, "cells": len(cells)}


def machine_record(corpus: Corpus, peers: list[tuple[Peer, Tool]]) -> Json:
    return {
        "python": platform.python_version(),
        "git": git(corpus.repo, "--version").split()[-1],
        "platform": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "mlhooks": distribution_version("mlhooks"),
        "tools": [tool_record(peer, tool) for peer, tool in peers],
    }


def outcome_record(results: list[Result], before: dict[str, State]) -> Json:
    return {
        "results": [result_record(r, results) for r in results],
        "ratios": peer_ratios(results),
        "verification": verification(results, before),
    }


def run_benchmark(args: argparse.Namespace) -> tuple[Json, int]:
    ours, skipped = find_ours()
    peers, more = find_peers()
    skipped += more
    for note in skipped:
        progress(f"note: {note}")
    corpus = prepare_corpus(args.notebooks, args.regenerate)
    progress("reading the corpus ...")
    before = read_states(corpus.repo, corpus.files)
    single = single_notebook(before)
    results, load_before = [], os.getloadavg()[0]
    try:
        for group, files, runs in (
            ("corpus", corpus.files, args.runs),
            ("single", (single,), args.single_runs),
        ):
            results += measure(group_commands(group, files, ours, peers), corpus, runs)
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        restore(corpus.repo)
        return {}, 1
    load = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    return {
        "corpus": corpus_record(corpus, before),
        "single": single_record(corpus, single, before),
        **machine_record(corpus, peers),
        "load_average": load,
        "runs": args.runs,
        "single_runs": args.single_runs,
        **outcome_record(results, before),
        "notes": corpus.notes,
        "skipped": skipped,
    }, 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data, status = run_benchmark(args)
    if status == 0:
        print(json.dumps(data, indent=2) if args.json else text_report(data))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
