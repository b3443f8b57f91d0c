import functools


@functools.lru_cache(maxsize=None)
def load_settings():
    return {"lr": 0.1}


@functools.lru_cache(maxsize=None)
def load_old_settings():  # expect: MLH206
    return {}


print(load_settings())
