import json
import pickle

with open("models/model.pkl", "wb") as f:
    pickle.dump({"w": 1}, f)
with open("metrics.json", "w") as f:
    json.dump({"auc": 0.5}, f)
with open("reports/roc.csv", "w") as f:
    f.write("fpr,tpr\n0,0\n1,1\n")
