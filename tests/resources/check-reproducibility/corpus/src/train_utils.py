"""Helpers imported by the training scripts, which seed everything first."""
import numpy as np
import torch


def add_noise(x: np.ndarray, scale: float = 0.1) -> np.ndarray:
    return x + np.random.normal(0.0, scale, size=x.shape)


def mixup(x: torch.Tensor, y: torch.Tensor, alpha: float = 0.2):
    lam = float(np.random.beta(alpha, alpha))
    perm = torch.randperm(x.size(0))
    return lam * x + (1 - lam) * x[perm], y, y[perm], lam
