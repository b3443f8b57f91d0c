"""Customer segmentation (顧客セグメンテーション)."""
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans

np.random.seed(2024)  # scikit-learn falls back to numpy's global state

df = pd.read_csv("data/processed/customers.csv")
km = KMeans(n_clusters=8, n_init=10)
df["segment"] = km.fit_predict(df[["recency", "frequency", "monetary"]])
df.to_csv("data/processed/segments.csv", index=False)
