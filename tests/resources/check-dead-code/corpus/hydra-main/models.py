from torch import nn


class TinyNet(nn.Module):
    def __init__(self, width: int = 4):
        super().__init__()
        self.fc = nn.Linear(width, 1)

    def forward(self, x):
        return self.fc(x)


class UnusedNet(nn.Module):  # expect: MLH206
    width = 4
