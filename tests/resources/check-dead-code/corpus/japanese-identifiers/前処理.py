"""データの前処理 (日本語の docstring)."""
import re  # 正規表現は使っていない  # expect: MLH201


def 欠損値を補完(frame):
    """欠損値を 0 で埋める."""
    return frame.fillna(0)


def 使われない関数(frame):  # expect: MLH206
    # この関数はどこからも呼ばれない
    return frame
