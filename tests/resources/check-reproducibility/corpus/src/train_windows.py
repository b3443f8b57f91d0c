import os
import time

import pandas as pd

# Windows の開発機で書いたスクリプト
DATA = r"C:\Users\Taro Yamada\Documents\churn\data.csv"
BACKUP = "C:/Users/taro/OneDrive/churn/backup.csv"
LOCAL = os.path.join("C:", "data")  # drive-relative: no user folder
PROFILE = os.path.expandvars("%USERPROFILE%\\churn")
STAMP = time.strftime("%Y%m%d-%H:%M")

df = pd.read_csv(DATA)
df.to_csv(BACKUP, index=False)
print(LOCAL, PROFILE, STAMP)
