import re


def _strip(text):
    return text.strip()


def _unused_private(text):  # expect: MLH206
    return re.sub(r"\s+", " ", text)


def clean(text):
    return _strip(text)


print(clean(" a "))
