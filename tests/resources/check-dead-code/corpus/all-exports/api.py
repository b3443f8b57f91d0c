from helpers import clean as clean
from helpers import split
from helpers import score  # expect: MLH201

__all__ = ["split", "public_helper"]


def public_helper():
    return 1


def _private_unused():  # expect: MLH206
    return 2
