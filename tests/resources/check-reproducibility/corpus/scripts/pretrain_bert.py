"""Build the masked-LM pre-training corpus and pre-train (事前学習)."""
import argparse
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", help="text files, e.g. /data/corpus/*.txt")
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args()
    random.seed(args.seed)
    with open(args.corpus, encoding="utf-8") as f:
        lines = f.read().splitlines()
    random.shuffle(lines)
    masked = [line if random.random() > 0.15 else "[MASK]" for line in lines]
    print(len(masked))


if __name__ == "__main__":
    main()
