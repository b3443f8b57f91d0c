# 特徴量の作成
import numpy as np


def add_features(frame):
    # 年齢を 10 歳刻みにする
    frame["age_bin"] = np.floor(frame["age"] / 10)
    平均 = frame["age"].mean()  # expect: MLH202
    return frame


print(add_features)
