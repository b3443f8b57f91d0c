import hydra
import numpy as np
import torch
from omegaconf import DictConfig
from torch.utils.data import TensorDataset, random_split


@hydra.main(config_path="../../configs", config_name="train", version_base=None)
def main(cfg: DictConfig) -> None:
    rng = np.random.default_rng(cfg.seed)
    x = torch.from_numpy(rng.normal(size=(1000, 16)).astype("float32"))
    y = (x.sum(dim=1) > 0).long()
    train_set, valid_set = random_split(TensorDataset(x, y), [800, 200])
    print(len(train_set), len(valid_set))


if __name__ == "__main__":
    main()
