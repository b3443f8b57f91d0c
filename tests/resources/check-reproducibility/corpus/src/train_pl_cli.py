import pytorch_lightning as pl
from torch.utils.data import DataLoader

from src.data import ImageDataset
from src.model import Net


def main(cfg):
    pl.seed_everything(cfg.seed, workers=True)
    loader = DataLoader(ImageDataset(cfg.data_dir), batch_size=cfg.batch_size, shuffle=True)
    pl.Trainer(max_epochs=cfg.epochs).fit(Net(cfg), loader)


if __name__ == "__main__":
    from omegaconf import OmegaConf

    main(OmegaConf.load("configs/train.yaml"))
