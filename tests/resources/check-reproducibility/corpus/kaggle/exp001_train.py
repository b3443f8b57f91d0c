# Kaggle notebook exported as a script: paths are the Kaggle kernel's own.
import os
import random

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold

SEED = 42
INPUT_DIR = "/kaggle/input/playground-series-s4e1"  # same on every Kaggle kernel
OUTPUT_DIR = "/kaggle/working"


def seed_everything(seed):
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)


seed_everything(SEED)
train = pd.read_csv(os.path.join(INPUT_DIR, "train.csv"))
features = [c for c in train.columns if c not in ("id", "Exited")]
oof = np.zeros(len(train))
kf = KFold(n_splits=5, shuffle=True, random_state=SEED)
for fold, (tr, va) in enumerate(kf.split(train)):
    model = lgb.LGBMClassifier(n_estimators=1000, learning_rate=0.05)
    model.fit(train.loc[tr, features], train.loc[tr, "Exited"])
    oof[va] = model.predict_proba(train.loc[va, features])[:, 1]
np.save(os.path.join(OUTPUT_DIR, "oof.npy"), oof)
