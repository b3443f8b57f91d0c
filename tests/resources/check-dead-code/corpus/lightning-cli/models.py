import lightning.pytorch as pl
from torch import nn


class AutoEncoder(pl.LightningModule):
    def __init__(self, width: int = 8):
        super().__init__()
        self.encoder = nn.Linear(width, 2)

    def training_step(self, batch, batch_idx):
        return self.encoder(batch).sum()


class OldAutoEncoder(pl.LightningModule):  # expect: MLH206
    """Kept "just in case"."""
