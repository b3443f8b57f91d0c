import os
import sys


def run(ok):
    if not ok:
        sys.exit(1)
        print("bye")  # expect: MLH203
    if ok is None:
        os._exit(2)
        cleanup = True  # expect: MLH203
    return ok


print(run(True))
