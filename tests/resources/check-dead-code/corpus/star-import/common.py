import numpy as np
import pandas as pd
from pathlib import Path


def data_dir():
    return Path("data")
