from typing import Dict, List
from collections import OrderedDict  # expect: MLH201


def counts(words):
    table = {}  # type: Dict[str, int]
    for word in words:  # type: str
        table[word] = table.get(word, 0) + 1
    return table


def names():
    # type: () -> List[str]
    return []


print(counts, names)
