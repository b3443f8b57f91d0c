def clean(x):
    return x


def split(x):
    return x


def score(x):
    return x
