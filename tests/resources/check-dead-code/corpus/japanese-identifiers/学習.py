from 前処理 import 欠損値を補完

print(欠損値を補完)
