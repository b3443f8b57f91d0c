import optuna
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

X, y = make_classification(n_samples=2000, n_features=20, random_state=0)


def objective(trial):
    c = trial.suggest_float("C", 1e-3, 1e2, log=True)
    return cross_val_score(LogisticRegression(C=c, max_iter=500), X, y, cv=5).mean()


study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler())
study.optimize(objective, n_trials=50)
print(study.best_params)
