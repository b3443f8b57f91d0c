from numpy.random import *  # noqa: F403

import numpy as np

x = np.load("data/processed/x.npy")
shuffle(x)  # noqa: F405
np.save("data/interim/x_shuffled.npy", x)
