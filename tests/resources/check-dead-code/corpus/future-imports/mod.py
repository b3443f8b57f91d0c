from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Row:
    value: int


print(Row(1))
