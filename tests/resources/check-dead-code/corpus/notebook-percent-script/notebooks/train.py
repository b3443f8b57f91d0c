# %% [markdown]
# # 学習ノートブック

# %%
import json  # expect: MLH201
import numpy as np

# %%
values = np.ones(3)
values.mean()
