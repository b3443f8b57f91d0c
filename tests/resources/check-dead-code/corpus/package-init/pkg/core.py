class Model:
    pass


def fit(model):
    return model
