from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV


def tune(X, y):
    grid = {"n_estimators": [10, 50], "max_depth": [3, None]}
    search = GridSearchCV(RandomForestClassifier(), grid, cv=3)
    search.fit(X, y)
    best_params = search.best_params_  # expect: MLH202
    return search.best_estimator_


print(tune([[0]], [0]))
