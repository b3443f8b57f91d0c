import sys


def cli():
    print(sys.argv)
