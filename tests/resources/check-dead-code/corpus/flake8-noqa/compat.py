import readline  # noqa: F401  (履歴を有効にする)
import json  # noqa  # expect: MLH201
from typing import (  # noqa: F401
    Dict,
    List,
)
import csv  # expect: MLH201


def parse(text):
    result = text.strip()  # noqa: F841
    return text
