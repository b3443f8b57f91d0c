import torch

_model = None


def handle(data, context):
    global _model
    if _model is None:
        _model = torch.nn.Identity()
    return [_model(torch.tensor(d)) for d in data]
