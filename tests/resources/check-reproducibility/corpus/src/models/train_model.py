# -*- coding: utf-8 -*-
import logging

import click
import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split


@click.command()
@click.argument("input_filepath", type=click.Path(exists=True))
@click.argument("model_filepath", type=click.Path())
def main(input_filepath, model_filepath):
    """Train a random forest on the processed features (特徴量から学習)."""
    logger = logging.getLogger(__name__)
    df = pd.read_csv(input_filepath)
    X, y = df.drop(columns="target"), df["target"]
    # 検証用に 2 割を取っておく
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=42)
    clf = RandomForestClassifier(n_estimators=300, max_depth=8, n_jobs=-1)
    clf.fit(X_tr, y_tr)
    logger.info("test accuracy %.3f", clf.score(X_te, y_te))
    joblib.dump(clf, model_filepath)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
