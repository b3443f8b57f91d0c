"""Feature engineering (特徴量作成)."""

import pandas as pd

from churn.config import CATEGORICAL_COLS, NUMERIC_COLS


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    """Build the model input from the cleaned customer table.

    Args:
        df (pd.DataFrame): Customer table after ``churn.dataset.clean``.

    Returns:
        pd.DataFrame: One row per customer, numeric features only.
    """
    X = df[NUMERIC_COLS].copy()
    # これまでの累計支払額 (LTV の近似値)
    X["total_charges"] = df["tenure_months"] * df["monthly_charges"]

    # 契約1年未満の顧客は解約しやすい (EDA の結果より)
    median_tenure = df["tenure_months"].median()
    X["is_new_customer"] = (df["tenure_months"] < 12).astype(int)

    # Contract type is one-hot encoded; unseen types are handled in predict.
    dummies = pd.get_dummies(df[CATEGORICAL_COLS], dtype=int)
    # shape: (n_samples, n_features)
    return pd.concat([X, dummies], axis=1)
