import torch


@torch.no_grad()
def evaluate(model, batch):
    return model(batch)


@torch.no_grad()
def evaluate_old(model, batch):  # expect: MLH206
    return model(batch).argmax(-1)


def run(model, batch):
    return evaluate(model, batch)
