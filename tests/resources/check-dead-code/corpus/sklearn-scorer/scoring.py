import numpy as np
from sklearn.metrics import make_scorer


def gini(y_true, y_pred):
    order = np.argsort(y_pred)
    return float(np.cumsum(np.asarray(y_true)[order]).sum())


GINI = make_scorer(gini)
print(GINI)
