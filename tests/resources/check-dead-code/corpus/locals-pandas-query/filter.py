import pandas as pd


def high_scores(frame: pd.DataFrame) -> pd.DataFrame:
    threshold = 0.8
    column = "score"  # expect: MLH202
    return frame.query("score > @threshold")


print(high_scores(pd.DataFrame({"score": [0.9]})))
