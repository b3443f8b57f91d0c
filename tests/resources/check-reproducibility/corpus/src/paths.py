#!/home/taro/.venv/bin/python
"""Where things live. Never hard-code /Users/<name>/... here: build from PROJ_ROOT."""
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJ_ROOT / "data"
CACHE_DIR = Path("~/.cache/churn").expanduser()
FONT = "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"
CONDA_PYTHON = "/opt/conda/bin/python"
SCRATCH = "/tmp/churn"
MOUNTED = "/data/shared/churn"
DOCS_URL = "https://intranet.example.com/home/taro/churn-notes"
BUCKET = "s3://ml-bucket/home/taro/churn"
TEMPLATE = "/home/{user}/churn"
PLACEHOLDER = "/home/<user>/churn"
