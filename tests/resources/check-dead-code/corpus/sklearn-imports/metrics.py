from sklearn.metrics import accuracy_score, f1_score  # expect: MLH201
from sklearn.metrics import (
    precision_score,
    recall_score,  # expect: MLH201
)


def report(y, p):
    return {"acc": accuracy_score(y, p), "precision": precision_score(y, p)}


print(report([1], [1]))
