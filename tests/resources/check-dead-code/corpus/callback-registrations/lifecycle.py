import atexit
import signal
from multiprocessing import Pool


def cleanup():
    print("bye")


def on_term(signum, frame):
    raise SystemExit(0)


def square(x):
    return x * x


atexit.register(cleanup)
signal.signal(signal.SIGTERM, on_term)
with Pool(2) as pool:
    print(pool.map(square, [1, 2]))
