import pandas as pd
from sklearn.linear_model import LogisticRegression

df = pd.read_csv("data/processed/train.csv")
df = df.sample(frac=1.0).reset_index(drop=True)  # unseeded shuffle through pandas
holdout = df.sample(frac=0.1, random_state=0)
train = df.drop(holdout.index)
model = LogisticRegression(max_iter=1000).fit(train.drop(columns="y"), train["y"])
print(model.score(holdout.drop(columns="y"), holdout["y"]))
