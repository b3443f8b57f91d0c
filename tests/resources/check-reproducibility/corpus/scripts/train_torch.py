#!/usr/bin/env python3
"""Plain PyTorch training loop for the CIFAR-10 baseline."""
import argparse
import random

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/mnt/c/Users/taro/datasets/cifar10")
    parser.add_argument("--out", default="models/baseline.pt")
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args()


def main():
    args = parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    data = datasets.CIFAR10(args.data, transform=transforms.ToTensor())
    loader = DataLoader(data, batch_size=64, shuffle=True)
    model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 10))
    noise = torch.randn(1, 3, 32, 32)  # warm-up input
    model(noise)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for x, y in loader:
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    torch.save(model.state_dict(), args.out)


if __name__ == "__main__":
    main()
