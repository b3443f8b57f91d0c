import sys

if sys.version_info >= (3, 11):
    import tomllib

    def load(text):
        return tomllib.loads(text)

else:
    import tomli

    def load(text):
        return tomli.loads(text)
