"""Reading ICE's workbooks: every layout, the real data rows only, hyperlinks, and dates."""

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from policykb.ice287g.workbook import WorkbookError, date_from_name, read_sheet

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ice287g"


@pytest.mark.parametrize(("name", "columns"), [
    ("participating-2025-02-21.xlsx", ["state", "agency", "type", "model", "signed", "moa"]),
    ("participating-2025-05-16am.xlsx", ["state", "agency", "type", "county", "model", "signed", "moa"]),
    ("participating-2025-07-18pm.xlsx", ["state", "agency", "type", "county", "model", "signed", "moa", "addendum"]),
    ("pending-2025-07-18pm.xlsx", ["state", "agency", "type", "county", "model"]),
    ("pending-2026-02-27am.xlsx", ["state", "agency", "type", "county", "model", "moa"]),
])
def test_every_layout_is_read_by_header_name(name, columns):
    sheet = read_sheet(FIXTURES / name, "pending" if name.startswith("pending") else "participating")
    assert sheet.columns == columns


def test_rows_stop_at_the_data_not_the_used_range():
    sheet = read_sheet(FIXTURES / "participating-2025-07-18pm.xlsx", "participating")
    assert sheet.used_rows > len(sheet.rows) + 1  # formatted empty rows follow the data, as in ICE's files
    assert len(sheet.rows) == 26 and sheet.rows[0][0] == 2


def test_links_come_from_cell_hyperlinks_and_dates_stay_dates():
    sheet = read_sheet(FIXTURES / "participating-2025-07-18pm.xlsx", "participating")
    cells = next(c for _, c in sheet.rows if str(c["agency"].value).startswith("Miami Springs"))
    assert cells["moa"].value.strip() == "link" and cells["moa"].link.startswith("https://www.ice.gov/doclib/287gMOA/")
    assert isinstance(cells["signed"].value, datetime)


def test_sheet_named_with_a_space_and_its_date():
    sheet = read_sheet(FIXTURES / "pending-2026-02-27am.xlsx", "pending")
    assert (sheet.as_of, sheet.as_of_from, len(sheet.rows)) == ("2026-02-27", "file name", 2)
    assert sheet.source_key == "ice-pending-2026-02-27" and len(sheet.sha256) == 64


def test_dates_from_both_file_name_styles_and_the_option():
    assert date_from_name("participatingAgencies05182026am.xlsx") == "2026-05-18"
    assert date_from_name("participating-2025-07-18pm.xlsx") == "2025-07-18"
    assert date_from_name("participatingAgencies13452026.xlsx") is None
    assert read_sheet(FIXTURES / "participating-2025-02-21.xlsx", "participating", as_of="2025-02-22").as_of_from == "option"


def test_unreadable_and_foreign_workbooks_get_a_message(tmp_path):
    bad = tmp_path / "participating-2026-01-01.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(WorkbookError, match="not a readable .xlsx workbook"):
        read_sheet(bad, "participating")
    wb = Workbook()
    wb.active.append(["NAME", "ADDRESS"])
    other = tmp_path / "other-2026-01-01.xlsx"
    wb.save(other)
    with pytest.raises(WorkbookError, match="missing STATE, LAW ENFORCEMENT AGENCY, TYPE, SUPPORT TYPE"):
        read_sheet(other, "participating")
    with pytest.raises(WorkbookError, match="cannot read the file"):
        read_sheet(tmp_path / "missing.xlsx", "participating")
