"""The tile-grid map places every state, DC and territory exactly once."""

from policykb.project import Project
from policykb.site.tilegrid import COLUMNS, POSITIONS, ROWS
from tests.conftest import REPO


def test_every_non_federal_jurisdiction_has_its_own_tile():
    postal = {j["postal"] for j in Project(REPO).jurisdictions.values() if j["type"] != "federal"}
    assert len(postal) == 56
    assert set(POSITIONS) == postal
    assert len(set(POSITIONS.values())) == len(POSITIONS)
    assert all(1 <= r <= ROWS and 1 <= c <= COLUMNS for r, c in POSITIONS.values())


def test_neighbours_sit_next_to_each_other():
    (wa_r, wa_c), (or_r, or_c), (ca_r, ca_c) = POSITIONS["WA"], POSITIONS["OR"], POSITIONS["CA"]
    assert wa_c == or_c == ca_c and (wa_r, or_r, ca_r) == (wa_r, wa_r + 1, wa_r + 2)
