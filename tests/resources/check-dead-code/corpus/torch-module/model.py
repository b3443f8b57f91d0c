import os  # expect: MLH201
import torch
from torch import nn


class Net(nn.Module):
    """小さな全結合ネットワーク."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.fc = nn.Linear(width, 1)

    def forward(self, x: torch.Tensor, mask=None) -> torch.Tensor:
        return self.fc(x)


def count_parameters(model):  # expect: MLH206
    return sum(p.numel() for p in model.parameters())
