import numpy.random as npr
from random import choice

import numpy as np

AUGMENTATIONS = ["flip", "rotate", "crop"]

images = np.load("data/processed/images.npy")
npr.shuffle(images)
plan = [choice(AUGMENTATIONS) for _ in range(len(images))]
np.save("data/interim/plan.npy", np.array(plan))
