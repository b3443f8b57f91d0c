#!/usr/bin/env bash
# usage: gen.sh DVC_BIN WORKDIR
set -euo pipefail
export DVC_NO_ANALYTICS=1 GIT_AUTHOR_NAME=fixture GIT_AUTHOR_EMAIL=fixture@example.invalid
export GIT_COMMITTER_NAME=fixture GIT_COMMITTER_EMAIL=fixture@example.invalid GIT_CONFIG_NOSYSTEM=1
dvc=$1; d=$2
rm -rf "$d"; mkdir -p "$d"; cd "$d"
git init -q -b main
"$dvc" init -q
mkdir -p data/raw/images src
printf 'customer_id,tenure,churn\n1,12,0\n2,3,1\n' > data/raw/customers.csv
printf 'P1\n1 1\n1\n' > data/raw/images/a.pbm
printf 'P1\n1 1\n0\n' > data/raw/images/b.pbm
printf 'train:\n  seed: 42\n' > params.yaml
cat > src/prepare.py <<'PY'
import shutil

shutil.copy("data/raw/customers.csv", "data/processed/clean.csv")
PY
cat > src/train.py <<'PY'
import json
import pickle

with open("models/model.pkl", "wb") as f:
    pickle.dump({"w": 1}, f)
with open("metrics.json", "w") as f:
    json.dump({"auc": 0.5}, f)
with open("reports/roc.csv", "w") as f:
    f.write("fpr,tpr\n0,0\n1,1\n")
PY
mkdir -p data/processed models reports
"$dvc" add -q data/raw/customers.csv
"$dvc" add -q data/raw/images
"$dvc" stage add -q -n prepare -d src/prepare.py -d data/raw/customers.csv \
  -o data/processed/clean.csv python3 src/prepare.py
"$dvc" stage add -q -n train -d src/train.py -d data/processed/clean.csv -p train.seed \
  -o models/model.pkl -M metrics.json --plots-no-cache reports/roc.csv \
  python3 src/train.py
"$dvc" repro -q
"$dvc" remote add -q -d storage /srv/dvc-storage
git add -A
git commit -q -m fixture
git ls-files
