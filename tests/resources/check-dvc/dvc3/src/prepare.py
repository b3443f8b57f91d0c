import shutil

shutil.copy("data/raw/customers.csv", "data/processed/clean.csv")
