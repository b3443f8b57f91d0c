import typing

import numpy as np
import torch


def to_array(x: "torch.Tensor") -> "np.ndarray":
    return x


T = typing.TypeVar("T", bound="np.generic")
print(to_array(None), T)
