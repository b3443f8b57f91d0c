import typing

DEBUG = False

if typing.TYPE_CHECKING:
    from pathlib import Path


def run(x: "Path"):
    if 0:  # expect: MLH204
        print("zero")
    while False:  # expect: MLH204
        print("never")
    if False and x:  # expect: MLH204
        print("and")
    if __debug__:
        print("debug build")
    if DEBUG:
        print("flag")
    if x:
        pass
    elif None:  # expect: MLH204
        print("none")
    return x


print(run(None))
