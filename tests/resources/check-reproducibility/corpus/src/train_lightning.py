"""Train the image classifier with Lightning."""
import lightning as L
import torch
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

from src.model import LitClassifier


def main(data_dir: str = "data/raw", seed: int = 42) -> None:
    L.seed_everything(seed, workers=True)
    dataset = datasets.CIFAR10(data_dir, download=False, transform=transforms.ToTensor())
    train_set, val_set = random_split(dataset, [45000, 5000])
    trainer = L.Trainer(max_epochs=10, deterministic=True)
    trainer.fit(
        LitClassifier(),
        DataLoader(train_set, batch_size=128, shuffle=True, num_workers=4),
        DataLoader(val_set, batch_size=256),
    )
    torch.save(trainer.model.state_dict(), "models/classifier.pt")


if __name__ == "__main__":
    main()
