import yaml
from scipy.stats import randint
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import (
    RandomizedSearchCV,
    StratifiedKFold,
    cross_val_score,
)

from src.data import load_xy

params = yaml.safe_load(open("params.yaml"))["rf"]
X, y = load_xy()
cv = StratifiedKFold(n_splits=5)  # no shuffle: the folds are fixed
base = RandomForestClassifier(**params)
print(cross_val_score(base, X, y, cv=cv).mean())
search = RandomizedSearchCV(
    base,
    {"n_estimators": randint(100, 1000), "max_depth": randint(3, 12)},
    n_iter=20,
    cv=cv,
)
search.fit(X, y)
