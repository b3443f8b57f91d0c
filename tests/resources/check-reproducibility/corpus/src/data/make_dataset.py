import random

import pandas as pd

RAW = "/home/user/data/raw/customers.csv"


def main():
    df = pd.read_csv(RAW)
    keep = random.sample(range(len(df)), k=min(len(df), 10000))
    df.iloc[keep].to_csv("data/interim/sample.csv", index=False)


if __name__ == "__main__":
    main()
