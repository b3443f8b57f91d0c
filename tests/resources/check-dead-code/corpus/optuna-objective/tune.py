import optuna


def objective(trial):
    x = trial.suggest_float("x", -10, 10)
    return (x - 2) ** 2


def old_objective(trial):  # expect: MLH206
    return 0.0


optuna.create_study().optimize(objective, n_trials=3)
