"""Real mismatches check-docstring-args does not report, on purpose (precision first);
labelled, so they count against recall."""

from typing import Any

from tokenizers import Tokenizer
from transformers import PreTrainedModel


def encode(text: str, tokenizer: PreTrainedModel) -> list:  # expect: MLH304(tokenizer)
    """Two unknown classes: one may derive from the other, so no report.

    Args:
        text: The text.
        tokenizer (Tokenizer): The tokenizer.

    Returns:
        list: Token ids.
    """
    return []


def fit(x: list, **kwargs: Any) -> None:  # expect: MLH301(alpah)
    """A misspelt name may be a key of **kwargs, so no report.

    Args:
        x: Features.
        alpah: Regularisation.
        **kwargs: Options.
    """


def fit_many(x: list, y: list, epochs: int) -> None:  # expect: MLH302(epochs)
    """An entry that does not read as one makes the list unsure: no MLH302.

    Args:
        x: Features.
        y: Targets.
        see the paper for the rest.
    """


def tokenize(text: str) -> list:  # expect: MLH308(ValueError)
    """An imported exception may derive from the documented one: no report.

    Args:
        text: The text.

    Returns:
        list: Tokens.

    Raises:
        ValueError: When the text is empty.
    """
    if not text:
        raise Tokenizer.Error(text)
    return []


def train(data: list) -> float:  # expect: MLH305
    """A Returns section whose text says None-ish counts as "returns nothing".

    Args:
        data: Rows.

    Returns:
        None, or the loss when training converged.
    """
    print(data)
