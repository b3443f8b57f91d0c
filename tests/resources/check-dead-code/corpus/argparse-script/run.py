import argparse
import json  # expect: MLH201
import sys


def parse(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    print(args.epochs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
