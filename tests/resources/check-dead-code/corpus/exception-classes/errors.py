class DataError(Exception):
    """入力データの不備."""


class UnusedError(Exception):  # expect: MLH206
    pass


def check(frame):
    if frame is None:
        raise DataError("empty")
    return frame


print(check([]))
