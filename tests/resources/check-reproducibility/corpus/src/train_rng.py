import random

import numpy as np

SEED = 7
rng = np.random.default_rng(SEED)
rng2 = np.random.default_rng(seed=SEED + 1)
legacy = np.random.RandomState(42)
py_rng = random.Random()
draws = rng.normal(size=10), rng2.uniform(size=10), legacy.rand(10)
picked = py_rng.choice(["a", "b", "c"])
print(draws, picked)
