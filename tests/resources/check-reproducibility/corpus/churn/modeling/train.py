from pathlib import Path

import joblib
import typer
from loguru import logger
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split

from churn.config import MODELS_DIR, PROCESSED_DATA_DIR
from churn.dataset import load_features

app = typer.Typer()


@app.command()
def main(
    features_path: Path = PROCESSED_DATA_DIR / "features.csv",
    model_path: Path = MODELS_DIR / "model.pkl",
):
    X, y = load_features(features_path)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X, y, test_size=0.2, stratify=y
    )
    # subsample=1.0 and no max_features: the boosting itself is deterministic
    model = GradientBoostingClassifier(n_estimators=200, learning_rate=0.05)
    model.fit(X_train, y_train)
    logger.success(f"valid accuracy: {model.score(X_valid, y_valid):.3f}")
    joblib.dump(model, model_path)


if __name__ == "__main__":
    app()
