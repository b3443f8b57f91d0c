"""Train an ElasticNet model on the wine-quality data and record the run in MLflow.

使い方: python train.py [alpha] [l1_ratio]
"""

import logging
import sys
import warnings
from urllib.parse import urlparse

import mlflow
import mlflow.sklearn
import numpy as np
import pandas as pd
from sklearn.linear_model import ElasticNet
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.WARN)
logger = logging.getLogger(__name__)

DATA = "data/raw/winequality-red.csv"


def eval_metrics(actual, pred):
    """RMSE, MAE and R2 of the predictions (評価指標)."""
    rmse = np.sqrt(mean_squared_error(actual, pred))
    mae = mean_absolute_error(actual, pred)
    r2 = r2_score(actual, pred)
    return rmse, mae, r2


if __name__ == "__main__":
    warnings.filterwarnings("ignore")
    np.random.seed(40)

    # ワインの品質データを読み込む (区切り文字はセミコロン)
    data = pd.read_csv(DATA, sep=";")
    train, test = train_test_split(data)

    # 目的変数 quality は 3 から 9 の整数
    train_x = train.drop(["quality"], axis=1)
    test_x = test.drop(["quality"], axis=1)
    train_y = train[["quality"]]
    test_y = test[["quality"]]

    alpha = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    l1_ratio = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5

    with mlflow.start_run():
        model = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, random_state=42)
        model.fit(train_x, train_y)
        rmse, mae, r2 = eval_metrics(test_y, model.predict(test_x))
        logger.warning("ElasticNet(alpha=%f, l1_ratio=%f): RMSE %s", alpha, l1_ratio, rmse)

        mlflow.log_param("alpha", alpha)
        mlflow.log_param("l1_ratio", l1_ratio)
        mlflow.log_metric("rmse", rmse)
        mlflow.log_metric("r2", r2)
        mlflow.log_metric("mae", mae)

        # ファイルストアではモデルレジストリが使えない
        if urlparse(mlflow.get_tracking_uri()).scheme != "file":
            mlflow.sklearn.log_model(model, "model", registered_model_name="WineElasticNet")
        else:
            mlflow.sklearn.log_model(model, "model")
