import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/processed/train.csv")
df = df.iloc[np.random.permutation(len(df))].reset_index(drop=True)
X, y = df.drop(columns="label"), df["label"]
X_tr, X_va, y_tr, y_va = train_test_split(X, y, test_size=0.25, random_state=None)
model = xgb.XGBClassifier(n_estimators=400, max_depth=6)  # xgboost seeds 0 by default
model.fit(X_tr, y_tr, eval_set=[(X_va, y_va)])
model.save_model("models/xgb.json")
