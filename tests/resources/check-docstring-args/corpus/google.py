"""Labelled corpus, Google style: what an ML team writes, mistakes and traps.

A comment ``# expect: CODE(subject) ...`` on a ``def`` or ``class`` line lists the
findings check-docstring-args must report for it (run with ``--check-raises``);
anything unlabelled must stay quiet.
"""

from __future__ import annotations

import abc
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Union


def load_dataset(path: Path, limit: int = 0) -> list:
    """Load the dataset.

    Args:
        path (Path): CSV file to read.
        limit (int): Rows to read (0: all).

    Returns:
        list: The rows.
    """
    return list(range(limit))


def train(data: list, epochs: int, learning_rate: float = 0.1) -> float:  # expect: MLH301(lr) MLH302(learning_rate)
    """Train the model.

    Args:
        data (list): Training rows.
        epochs (int): Passes over the data.
        lr (float): Learning rate.

    Returns:
        float: Final loss.
    """
    return learning_rate * epochs


def evaluate(model: Any, data: list, metric: str = "auc") -> float:  # expect: MLH303
    """Evaluate a model.

    Args:
        data: Rows to score.
        model: The fitted model.
        metric: Metric name.

    Returns:
        The score.
    """
    return 0.0


def predict(model: Any, rows: list, batch_size: int = 32) -> list:  # expect: MLH304(batch_size)
    """Predict in batches.

    Args:
        model: The fitted model.
        rows (list): Inputs.
        batch_size (str): Rows per batch.

    Returns:
        list: Predictions.
    """
    return rows


def save_model(model: Any, path: Path) -> None:  # expect: MLH305
    """Write the model to disk.

    Args:
        model: The fitted model.
        path: Target file.

    Returns:
        bool: True when written.
    """
    path.write_text(str(model))


def batches(rows: list, size: int) -> list:  # expect: MLH307
    """Split rows into batches.

    Args:
        rows: Inputs.
        size: Batch size.

    Returns:
        list: The batches.
    """
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def stream(rows: list) -> Iterator[list]:
    """Stream the rows one by one (generators may document Returns: Iterator).

    Args:
        rows: Inputs.

    Returns:
        Iterator[list]: The rows.
    """
    yield from rows


def read_lines(path: Path) -> list:  # expect: MLH307
    """Read lines.

    Args:
        path: File to read.

    Yields:
        str: One line at a time.
    """
    return path.read_text().splitlines()


def parse_config(text: str) -> dict:  # expect: MLH308(KeyError)
    """Parse a configuration text.

    Args:
        text: The configuration.

    Returns:
        dict: The settings.

    Raises:
        ValueError: When the text is empty.
        KeyError: When a key is missing.
    """
    if not text:
        raise ValueError("empty configuration")
    return {}


def open_run(run_id: str) -> str:
    """Open a run; re-raises what the lookup raises.

    Args:
        run_id: The run.

    Returns:
        str: The run's folder.

    Raises:
        FileNotFoundError: When the run does not exist.
    """
    try:
        return run_id
    except FileNotFoundError:
        raise


def fit(x: list, y: Optional[list] = None, *args: Any, **kwargs: Any) -> None:
    """Fit with extra options.

    Args:
        x: Features.
        y (list, optional): Targets.
        *args: Passed to the estimator.
        **kwargs: Passed to the estimator.
    """


def fit_escaped(x: list, *args: Any, **kwargs: Any) -> None:
    """Fit; star arguments documented without stars.

    Args:
        x: Features.
        args: Positional options.
        kwargs: Keyword options.
    """


def fit_keys(x: list, **kwargs: Any) -> None:
    """Fit; the keys of **kwargs are documented one by one.

    Args:
        x: Features.
        alpha (float): Regularisation, read from kwargs.
        **kwargs: Other options.
    """


def fit_missing_kwargs(x: list, **kwargs: Any) -> None:  # expect: MLH302(**kwargs)
    """Fit.

    Args:
        x: Features.
    """


def optional_types(
    a: Optional[int], b: int | None, c: Union[int, None], d: List[int], e: Dict[str, int]
) -> None:
    """Every spelling of the same type agrees.

    Args:
        a (int | None): A.
        b (Optional[int]): B.
        c (int, optional): C.
        d (list[int]): D.
        e (dict): E.
    """


def prose_types(a: Any, b: str, c: float, d: "np.ndarray") -> None:
    """Prose types are never contradictions.

    Args:
        a (array-like): A.
        b (str or Path): B.
        c (int): C, the numeric tower.
        d (numpy.ndarray): D.
    """


def wrong_union(path: str | Path) -> None:  # expect: MLH304(path)
    """A documented type the annotation does not allow.

    Args:
        path (int): The file.
    """


def mentions_args(a: int) -> int:
    """Prose that says Args: or Returns: in a sentence is no section.

    The word Args: inside a sentence, and a line that only says Returns
    the sum, are prose.

    Returns the value unchanged.
    """
    return a


def no_sections(alpha: float, beta: float) -> float:
    """A docstring without sections is fine by default."""
    return alpha + beta


def only_returns(alpha: float, beta: float) -> float:
    """Only a Returns section: arguments are not demanded.

    Returns:
        float: The sum.
    """
    return alpha + beta


def misspelt(x: int) -> int:  # expect: MLH309(Agrs:) MLH309(Retruns:)
    """Section headers with typos.

    Agrs:
        x: The input.

    Retruns:
        int: The output.
    """
    return x


def returns_none_documented(path: Path) -> None:
    """Say explicitly that nothing comes back.

    Args:
        path: The file.

    Returns:
        None
    """
    path.touch()


def return_type_mismatch(x: int) -> str:  # expect: MLH304
    """Return type contradicts.

    Args:
        x: The input.

    Returns:
        int: The output.
    """
    return str(x)


def _private_helper(a: int) -> None:
    """Private functions are skipped.

    Args:
        b: Stale, but private.
    """


async def fetch(url: str, timeout: float = 1.0) -> bytes:  # expect: MLH302(timeout)
    """Fetch a URL.

    Args:
        url: Where.

    Returns:
        bytes: The body.
    """
    return b""


def positional_and_keyword(a: int, /, b: int, *, c: int) -> None:
    """Positional-only and keyword-only arguments are arguments.

    Args:
        a: A.
        b: B.
        c: C.
    """


def outer(values: list) -> list:
    """Nested functions are checked on their own.

    Args:
        values: Inputs.

    Returns:
        list: Doubled values.
    """

    def double(value: int) -> int:  # expect: MLH301(x) MLH302(value)
        """Double a value.

        Args:
            x: The value.

        Returns:
            int: Twice the value.
        """
        return value * 2

    scale = lambda v: v * 2  # noqa: E731 - lambdas are ignored
    return [double(scale(v)) for v in values]


def timed(func: Any) -> Any:
    """Time a function.

    Args:
        func: The function to wrap.

    Returns:
        The wrapper.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        """Call the wrapped function.

        Args:
            x: Whatever the wrapped function takes.
        """
        return func(*args, **kwargs)

    return wrapper


class Trainer:
    """A trainer; the class docstring documents __init__.

    Args:
        model: The model.
        epochs: Passes.
    """

    def __init__(self, model: Any, epochs: int, seed: int = 0) -> None:  # expect: MLH302(seed)
        self.model = model

    @property
    def name(self) -> str:
        """The trainer's name.

        Returns:
            str: The name.
        """
        return "trainer"

    @staticmethod
    def default_epochs(size: int) -> int:
        """Epochs for a dataset size.

        Args:
            size: Rows.

        Returns:
            int: Epochs.
        """
        return 10 if size > 100 else 100

    @classmethod
    def from_config(cls, config: dict) -> "Trainer":  # expect: MLH301(cfg) MLH302(config)
        """Build from a configuration.

        Args:
            cfg: The configuration.

        Returns:
            Trainer: The trainer.
        """
        return cls(None, 1)

    def step(self, batch: list) -> float:
        """One step; self is never required.

        Args:
            batch: The batch.

        Returns:
            float: The loss.
        """
        return 0.0


class Split:
    """Both the class and __init__ document; either place is accepted."""

    def __init__(self, train: float, test: float) -> None:
        """Make a split.

        Args:
            train: Share for training.
            test: Share for testing.
        """
        self.train = train


@dataclass
class Params:
    """Hyper-parameters; Args list the fields, not an __init__.

    Args:
        lr: Learning rate.
        epochs: Passes.
    """

    lr: float = 0.1
    epochs: int = 10


@dataclass
class Options:
    """Fields under Attributes.

    Attributes:
        depth: Tree depth.
    """

    depth: int = 3


class Model(abc.ABC):
    """An abstract model."""

    @abc.abstractmethod
    def predict(self, rows: list) -> list:
        """Predict.

        Args:
            rows: Inputs.

        Returns:
            list: Predictions.
        """

    def score(self, rows: list) -> float:
        """Not implemented here.

        Args:
            rows: Inputs.

        Returns:
            float: The score.
        """
        raise NotImplementedError

    def reset(self) -> None:
        """Stub body.

        Returns:
            bool: Whether anything was reset.
        """
        ...
