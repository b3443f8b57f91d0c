# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:light
#     text_representation:
#       extension: .py
#       format_name: light
#       format_version: '1.5'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# # 探索的データ分析 (EDA)
#
# 売上データを読み込み、欠損値を確認する。

# +
# %matplotlib inline
import pandas as pd

# データを読み込む
df = pd.read_csv("data/raw/sales.csv")

# + tags=["parameters"]
N_SPLITS = 5


# -


def summarize(frame):
    """Return the number of rows."""
    return len(frame)


# !pip list | head
summary = summarize(df)

# + language="bash"
# ls data/raw
# -

# ## 結果

print(f"{summary} 行")
