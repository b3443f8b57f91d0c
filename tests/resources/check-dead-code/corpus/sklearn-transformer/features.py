import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


class LogScaler(BaseEstimator, TransformerMixin):
    def __init__(self, offset: float = 1.0):
        self.offset = offset

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        return np.log(X + self.offset)


def build():
    return make_pipeline(LogScaler(), StandardScaler())


print(build())
