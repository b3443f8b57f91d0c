"""Labelled corpus, NumPy style (labels as in google.py)."""

from __future__ import annotations

from typing import Any, Iterator, Optional

import numpy as np
import pandas as pd


def normalise(x: np.ndarray, axis: int = 0) -> np.ndarray:
    """Scale to zero mean and unit variance.

    Parameters
    ----------
    x : numpy.ndarray
        The data.
    axis : int, optional
        The axis, by default 0.

    Returns
    -------
    np.ndarray
        The scaled data.
    """
    return x


def split(df: pd.DataFrame, test_size: float = 0.2, seed: int = 0) -> tuple:  # expect: MLH302(seed) MLH301(random_state)
    """Split a frame.

    Parameters
    ----------
    df : pd.DataFrame
        The frame.
    test_size : float, default 0.2
        Share for testing.
    random_state : int
        Seed.

    Returns
    -------
    train : pd.DataFrame
    test : pd.DataFrame
    """
    return df, df


def encode(frame: pd.DataFrame, columns: list, drop: bool = True) -> pd.DataFrame:  # expect: MLH303
    """One-hot encode.

    Parameters
    ----------
    columns : list of str
        Columns to encode.
    frame : pandas.DataFrame
        The frame.
    drop : bool
        Drop the originals.

    Returns
    -------
    pandas.DataFrame
        The encoded frame.
    """
    return frame


def clip(x: np.ndarray, low: float, high: float) -> np.ndarray:  # expect: MLH304(x)
    """Clip values.

    Parameters
    ----------
    x : pd.DataFrame
        Values.
    low, high : float
        Bounds.

    Returns
    -------
    numpy.ndarray
        Clipped values.
    """
    return x


def shapes(x1: Any, x2: Any, weights: Optional[list] = None) -> None:
    """Several names on one line, array_like and optional.

    Parameters
    ----------
    x1, x2 : array_like
        Inputs.
    weights : list or None, optional
        Weights.
    """


def log_metrics(metrics: dict, step: int) -> None:  # expect: MLH305
    """Log metrics.

    Parameters
    ----------
    metrics : dict
        Name to value.
    step : int
        The step.

    Returns
    -------
    dict
        The logged metrics.
    """
    print(metrics, step)


def windows(x: list, size: int) -> Iterator[list]:
    """Sliding windows.

    Parameters
    ----------
    x : list
        Values.
    size : int
        Window size.

    Yields
    ------
    list
        One window.
    """
    for i in range(len(x) - size + 1):
        yield x[i : i + size]


def chunks(x: list, size: int) -> list:  # expect: MLH307
    """Chunks.

    Parameters
    ----------
    x : list
        Values.
    size : int
        Chunk size.

    Yields
    ------
    list
        One chunk.
    """
    return [x[i : i + size] for i in range(0, len(x), size)]


def load(path: str) -> dict:  # expect: MLH308(OSError)
    """Load.

    Parameters
    ----------
    path : str
        File.

    Returns
    -------
    dict
        Content.

    Raises
    ------
    ValueError
        When the file is empty.
    OSError
        When the file cannot be read.
    """
    if not path:
        raise ValueError(path)
    return {}


def check(value: float) -> float:
    """A subclass raised counts for its documented base.

    Parameters
    ----------
    value : float
        Value.

    Returns
    -------
    float
        Value.

    Raises
    ------
    LookupError
        When missing.
    """
    if value is None:
        raise KeyError(value)
    return value


def typo_header(a: int) -> int:  # expect: MLH309(Parmeters)
    """Misspelt NumPy header.

    Parmeters
    ---------
    a : int
        A.

    Returns
    -------
    int
        A.
    """
    return a


def notes_mention(alpha: float) -> float:
    """Sections that are not checked end the Parameters section.

    Parameters
    ----------
    alpha : float
        Weight.

    Notes
    -----
    Parameters are described in the paper; beta is not an argument.

    Examples
    --------
    >>> notes_mention(1.0)
    1.0
    """
    return alpha


def kwargs_doc(x: int, *args: Any, **kwargs: Any) -> None:
    """Star arguments.

    Parameters
    ----------
    x : int
        X.
    *args
        More.
    **kwargs
        Options.
    """


class Scaler:
    """Scale features.

    Parameters
    ----------
    with_mean : bool
        Center.
    with_std : bool
        Scale.

    Attributes
    ----------
    mean_ : numpy.ndarray
        Learnt means.
    """

    def __init__(self, with_mean: bool = True, with_std: bool = True) -> None:
        self.with_mean = with_mean

    def fit(self, X: np.ndarray, y: Any = None) -> "Scaler":  # expect: MLH302(y)
        """Learn the means.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Data.

        Returns
        -------
        self : Scaler
            Fitted scaler.
        """
        return self

    def transform(self, X: np.ndarray, copy: bool = True) -> np.ndarray:  # expect: MLH301(inplace) MLH302(copy)
        """Scale.

        Parameters
        ----------
        X : ndarray
            Data.
        inplace : bool
            Scale in place.

        Returns
        -------
        ndarray
            Scaled data.
        """
        return X


class Encoder:
    """Encode labels.

    Parameters
    ----------
    classes : list
        Known labels.
    unknown : str
        Label for the rest.
    """

    def __init__(self, classes: list) -> None:  # expect: MLH301(unknown)
        self.classes = classes
