"""Loading and cleaning of the customer table (顧客データの読み込みと前処理)."""

from pathlib import Path

import pandas as pd

from churn.config import ID_COL, NUMERIC_COLS, RAW_DATA_PATH, TARGET


def load_raw(path: Path = RAW_DATA_PATH) -> pd.DataFrame:
    """Load the customer table exported from the CRM.

    Args:
        path (Path): CSV file with one row per customer and month.
        encoding (str): Character encoding of the CSV file.

    Returns:
        pd.DataFrame: The table as exported, not cleaned yet.
    """
    # customer_id は ID なので、数字だけの値でも必ず文字列として読む
    return pd.read_csv(path, dtype={ID_COL: str})


def clean(df: pd.DataFrame) -> pd.DataFrame:
    """重複行を除き、欠損値を補完する。

    引数:
        df (pd.DataFrame): load_raw で読み込んだ生データ。

    戻り値:
        pd.DataFrame: 前処理済みのデータ。
    """
    # CRM の出力では同じ顧客が複数回出てくることがある。最新の行だけ残す
    df = df.drop_duplicates(subset=ID_COL, keep="last")
    # 欠損値を中央値で補完する
    for col in NUMERIC_COLS:
        df[col] = df[col].fillna(df[col].median())
    return df.reset_index(drop=True)


def split_xy(
    df: pd.DataFrame,
    target: str = TARGET,
) -> tuple[pd.DataFrame, pd.Series]:
    """説明変数と目的変数に分ける。

    引数:
        df (pd.DataFrame): clean で前処理したデータ。

    戻り値:
        tuple[pd.DataFrame, pd.Series]: 説明変数 X と目的変数 y。
    """
    # customer_id は学習には使わない
    X = df.drop(columns=[ID_COL, target])
    y = df[target]
    return X, y
