"""Positions of the states, DC and territories on a square tile-grid map.

Each place is one equal square, laid out roughly where it lies, so small states are as visible
as large ones and the map needs no geometry or tiles from another host. Rows and columns are
1-based CSS grid lines. The territories sit on their own bottom row.
"""

from __future__ import annotations

_ROWS = (
    "AK . . . . . . . . . ME",
    ". . . . . . . . . VT NH",
    "WA ID MT ND MN IL WI MI NY RI MA",
    "OR NV WY SD IA IN OH PA NJ CT .",
    "CA UT CO NE MO KY WV VA MD DE .",
    ". AZ NM KS AR TN NC SC DC . .",
    ". . . OK LA MS AL GA . . .",
    "HI . . TX . . . . FL . .",
    ". . . . . . . . . . .",
    "GU MP AS . . . . . PR VI .",
)


def _positions() -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for row, line in enumerate(_ROWS, start=1):
        for col, code in enumerate(line.split(), start=1):
            if code != ".":
                out[code] = (row, col)
    return out


POSITIONS: dict[str, tuple[int, int]] = _positions()
ROWS = len(_ROWS)
COLUMNS = max(len(line.split()) for line in _ROWS)
