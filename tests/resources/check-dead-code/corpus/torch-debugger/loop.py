import torch


def step(model, x):
    import pdb; pdb.set_trace()  # expect: MLH205
    y = model(x)
    breakpoint()  # expect: MLH205
    return torch.relu(y)


step(None, None)
