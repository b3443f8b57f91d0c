import fire


def train(epochs: int = 3):
    return epochs


def export(path: str):
    return path


if __name__ == "__main__":
    fire.Fire({"train": train, "export": export})
