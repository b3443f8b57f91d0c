# exp002: same as exp001 but run locally (ローカル実行版)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

INPUT_DIR = "/home/taro/kaggle/input/playground-series-s4e1"
train = pd.read_csv(f"{INPUT_DIR}/train.csv")
test = pd.read_csv("/home/taro/kaggle/input/playground-series-s4e1/test.csv")
y = train.pop("Exited")

skf = StratifiedKFold(n_splits=5, shuffle=True)
scores = []
for tr, va in skf.split(train, y):
    # LightGBM's default seed is fixed, so the model itself is deterministic
    model = lgb.LGBMClassifier(n_estimators=500)
    model.fit(train.iloc[tr], y.iloc[tr])
    scores.append(roc_auc_score(y.iloc[va], model.predict_proba(train.iloc[va])[:, 1]))
print(sum(scores) / len(scores))
