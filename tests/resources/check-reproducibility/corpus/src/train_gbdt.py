import joblib
from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

from src.data import load_xy


def main():
    X, y = load_xy()
    models = {
        "gbdt": GradientBoostingClassifier(subsample=0.8, n_estimators=300),
        "hgb": HistGradientBoostingClassifier(max_iter=300),
        "tree": DecisionTreeClassifier(max_depth=3),
        "svc": SVC(C=1.0, probability=True),
    }
    for name, model in models.items():
        joblib.dump(model.fit(X, y), f"models/{name}.joblib")


if __name__ == "__main__":
    main()
