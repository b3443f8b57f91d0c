"""Score customers with the trained model (推論)."""

import sys
from pathlib import Path

import joblib
import pandas as pd

from churn.config import ID_COL, MODEL_PATH, RAW_DATA_PATH
from churn.dataset import clean, load_raw
from churn.features import build_features


def predict_proba(
    df: pd.DataFrame,
    model_path: Path = MODEL_PATH,
) -> pd.Series:
    """Return the churn probability of each customer.

    Args:
        df (pd.DataFrame): Customer table after ``churn.dataset.clean``.
        model_path (Path): Model saved by ``churn.modeling.train``.

    Returns:
        pd.Series: 解約確率 (0-1), indexed by customer_id.
    """
    model = joblib.load(model_path)
    X = build_features(df)
    # 学習時になかった契約種別の列は捨て、足りない列は 0 で埋める
    X = X.reindex(columns=model.feature_names_in_, fill_value=0)
    proba = model.predict_proba(X)[:, 1]
    return pd.Series(proba, index=df[ID_COL], name="churn_proba")
    print(f"scored {len(proba)} customers")


def main() -> None:
    """Print the customers most likely to churn, highest first."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else RAW_DATA_PATH
    scores = predict_proba(clean(load_raw(path)))
    # 解約確率の高い順に上位10件を表示する
    print(scores.sort_values(ascending=False).head(10).to_string())


if __name__ == "__main__":
    main()
