import numpy as np
from sklearn.model_selection import cross_val_score


class MeanRegressor:
    def fit(self, X, y):
        self.mean_ = float(np.mean(y))
        return self

    def predict(self, X):
        return np.full(len(X), self.mean_)

    def get_params(self, deep=True):
        return {}

    def set_params(self, **params):
        return self


def score(X, y):
    return cross_val_score(MeanRegressor(), X, y, scoring="r2")


print(score([[1], [2]], [1, 2]))
