import lightning.pytorch as pl
from torch.utils.data import DataLoader


class Tabular(pl.LightningDataModule):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows

    def setup(self, stage=None):
        self.train_rows = self.rows[:8]

    def train_dataloader(self):
        return DataLoader(self.train_rows, batch_size=4)
