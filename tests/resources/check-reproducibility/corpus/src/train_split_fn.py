import pandas as pd
from sklearn.model_selection import train_test_split


def split(df: pd.DataFrame):
    """Hold out 20% for validation."""
    return train_test_split(df, test_size=0.2)


def main():
    train, valid = split(pd.read_csv("data/processed/train.csv"))
    train.to_csv("data/processed/train_split.csv", index=False)
    valid.to_csv("data/processed/valid_split.csv", index=False)


if __name__ == "__main__":
    main()
