"""Read one ICE 287(g) workbook: the header row, the data rows, and the hyperlinks behind cells.

ICE's workbooks have one sheet, the header in row 1, and a used range that runs far past the
data, so rows are read until the last one with a value in a known column. URLs exist only as
cell hyperlinks, never as cell text, so the workbook is opened in full (not read-only) mode.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

HEADERS = {
    "STATE": "state", "LAW ENFORCEMENT AGENCY": "agency", "TYPE": "type", "COUNTY": "county",
    "SUPPORT TYPE": "model", "SIGNED": "signed", "MOA": "moa", "ADDENDUM": "addendum",
}
REQUIRED = ("state", "agency", "type", "model")
LISTS = ("participating", "pending")
# Dates in file names: ours (participating-2026-05-18am.xlsx) and ICE's (participatingAgencies05182026am.xlsx).
_ISO_NAME = re.compile(r"(20\d\d)-(\d\d)-(\d\d)")
_ICE_NAME = re.compile(r"Agencies(\d\d)(\d\d)(20\d\d)", re.IGNORECASE)


class WorkbookError(Exception):
    """A workbook that cannot be imported; the message says what to do."""


@dataclass(frozen=True)
class Cell:
    value: Any
    link: str | None = None


@dataclass
class Sheet:
    path: Path
    list: str  # "participating" or "pending"
    as_of: str
    as_of_from: str  # where as_of came from: "option", "file name" or "workbook properties"
    sha256: str
    columns: list[str]
    used_rows: int
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)  # (row number, cells by column)

    @property
    def source_key(self) -> str:
        return f"ice-{self.list}-{self.as_of}"


def date_from_name(name: str) -> str | None:
    m = _ISO_NAME.search(name)
    if m:
        return _valid(m.group(1), m.group(2), m.group(3))
    m = _ICE_NAME.search(name)
    return _valid(m.group(3), m.group(1), m.group(2)) if m else None


def _valid(y: str, m: str, d: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def read_sheet(path: Path, list_name: str, as_of: str | None = None) -> Sheet:
    """Read a workbook; raise WorkbookError with an actionable message if it is not ICE's format."""
    if list_name not in LISTS:
        raise ValueError(list_name)
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WorkbookError(f"{path}: cannot read the file ({exc.strerror or exc}); check the path") from None
    try:
        wb = load_workbook(path)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise WorkbookError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}); download it again from ICE's 287(g) page") from None
    ws = wb.worksheets[0]
    header = {c.column: str(c.value).strip().upper() for c in ws[1] if c.value is not None and str(c.value).strip()}
    columns = {col: HEADERS[name] for col, name in header.items() if name in HEADERS}
    missing = [name for name, key in HEADERS.items() if key in REQUIRED and key not in columns.values()]
    if missing:
        found = ", ".join(header.values()) or "nothing"
        raise WorkbookError(f"{path}: row 1 should hold ICE's column headers; missing {', '.join(missing)} (found: {found}). "
                            "Is this ICE's participating or pending agencies workbook?")
    if as_of:
        when, how = as_of, "option"
    elif date_from_name(path.name):
        when, how = date_from_name(path.name), "file name"
    elif isinstance(wb.properties.modified, datetime):
        when, how = wb.properties.modified.date().isoformat(), "workbook properties"
    else:
        raise WorkbookError(f"{path}: no date in the file name or workbook properties; pass --as-of YYYY-MM-DD")
    sheet = Sheet(path=path, list=list_name, as_of=str(when), as_of_from=how, sha256=hashlib.sha256(raw).hexdigest(),
                  columns=[columns[c] for c in sorted(columns)], used_rows=ws.max_row)
    for row in ws.iter_rows(min_row=2):
        cells = {}
        for c in row:
            key = columns.get(c.column)
            if key is None:
                continue
            link = c.hyperlink.target if c.hyperlink is not None and c.hyperlink.target else None
            cells[key] = Cell(c.value, link)
        if any(_present(cell) for cell in cells.values()):
            sheet.rows.append((row[0].row, cells))
    return sheet


def _present(cell: Cell) -> bool:
    return cell.link is not None or (cell.value is not None and str(cell.value).strip() != "")
