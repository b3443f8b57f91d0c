from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd
    import numpy as np  # expect: MLH201


def load(path: Path) -> Optional[pd.DataFrame]:
    return None


load(None)
