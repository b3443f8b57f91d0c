from dataclasses import dataclass, field


@dataclass(frozen=True)
class TrainConfig:
    lr: float = 1e-3
    epochs: int = 10
    layers: list[int] = field(default_factory=lambda: [64, 32])


@dataclass
class OldConfig:  # expect: MLH206
    lr: float = 0.1
