# %%
import pandas as pd


def summarise(frame):
    return frame.describe()


def unused_summary(frame):
    return frame.head()


# %%
summarise(pd.DataFrame({"a": [1]}))
