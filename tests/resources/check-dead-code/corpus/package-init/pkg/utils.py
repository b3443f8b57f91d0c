import random


def seed_everything(seed: int) -> None:
    random.seed(seed)
