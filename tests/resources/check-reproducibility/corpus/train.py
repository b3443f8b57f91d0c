"""学習スクリプト: 売上予測モデルを学習する。

データは /home/taro/data にあった (古い説明)。
"""
import numpy as np
import pandas as pd

# データは /home/taro/data にある ← コメントなので対象外
np.random.seed(0)
パス = "/home/taro/データ/train.csv"; 出力 = "models/売上.npy"
df = pd.read_csv(パス)
weights = np.random.rand(df.shape[1])
np.save(出力, weights)
