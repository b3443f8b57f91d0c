import importlib


def __getattr__(name):
    return importlib.import_module(f"pkg.{name}")


def __dir__():
    return ["models"]
