"""Train the churn classifier and save it under models/ (学習)."""

import os

import joblib
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from churn.config import MODEL_PATH
from churn.dataset import clean, load_raw, split_xy
from churn.features import build_features


def main() -> None:
    """Train on the raw customer table and print the validation AUC."""
    df = clean(load_raw())
    X, y = split_xy(df)
    X = build_features(X)

    # 解約者は全体の4割弱なので、比率を保って分割する
    X_train, X_valid, y_train, y_valid = train_test_split(
        X,
        y,
        test_size=0.2,
        stratify=y,
    )

    # model = RandomForestClassifier(n_estimators=100)
    # model.fit(X_train, y_train)
    model = GradientBoostingClassifier(
        n_estimators=200,
        learning_rate=0.05,
        max_depth=3,
    )
    model.fit(X_train, y_train)

    # Positive class is 1 (churned), so take the second column.
    proba = model.predict_proba(X_valid)[:, 1]
    print(f"valid AUC: {roc_auc_score(y_valid, proba):.3f}")

    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, MODEL_PATH)
    print(f"saved model to {MODEL_PATH}")


if __name__ == "__main__":
    main()
