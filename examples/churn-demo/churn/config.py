"""Paths and column names shared by the whole pipeline."""

from pathlib import Path

# リポジトリのルートディレクトリ
PROJ_ROOT = Path(__file__).resolve().parents[1]

DATA_DIR = PROJ_ROOT / "data"
RAW_DATA_PATH = DATA_DIR / "raw" / "customers.csv"

MODELS_DIR = PROJ_ROOT / "models"
MODEL_PATH = MODELS_DIR / "churn_model.joblib"

# 目的変数 (1 = 翌月までに解約した顧客)
TARGET = "churned"
ID_COL = "customer_id"

# Columns exported from the CRM that the model uses as inputs.
NUMERIC_COLS = ["tenure_months", "monthly_charges"]
CATEGORICAL_COLS = ["contract_type"]
