import numpy as np
import pandas as pd

np.random.seed(0)  # legacy global seed: does not reach default_rng()

df = pd.read_parquet("data/processed/train.parquet")
rng = np.random.default_rng()
idx = rng.permutation(len(df))
valid = df.iloc[idx[: len(df) // 5]]
train = df.iloc[idx[len(df) // 5 :]]
noise = np.random.normal(0, 0.01, size=len(train))
train = train.assign(y=train["y"] + noise)
