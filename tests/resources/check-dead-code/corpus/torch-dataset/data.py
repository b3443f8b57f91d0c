import numpy as np
from torch.utils.data import DataLoader, Dataset


class Frames(Dataset):
    def __init__(self, values):
        self.values = np.asarray(values)

    def __len__(self):
        return len(self.values)

    def __getitem__(self, index):
        raw = self.values[index]  # expect: MLH202
        return self.values[index] * 2


def loader(values):
    return DataLoader(Frames(values), batch_size=2)
