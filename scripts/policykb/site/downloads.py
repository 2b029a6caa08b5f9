"""Downloads: every record as JSON, and flat CSV tables of records, provisions and agreements.

Pure functions of the model. Files are deterministic (sorted keys, sorted rows, "\\n" line ends)
and carry no build date, so the same records always give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from policykb.recheck import pinpointed
from policykb.site.model import Model, record_title, status_group

SCHEMA_ID = "urn:policykb:schema:record:1"
# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    out = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    out = " ".join(out.split()) if "\n" in out else out
    return "'" + out if out.startswith(_FORMULA_START) else out


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def _primary(r: Mapping[str, Any]) -> int:
    return sum(1 for s in r.get("sources", []) if s.get("type") == "primary")


RECORD_COLUMNS = ("id", "kind", "title", "short_title", "jurisdiction", "jurisdiction_name", "locality", "status", "status_group",
                  "status_as_of", "effective", "agency", "agency_type", "county", "model", "signed", "claimant", "made_on",
                  "provisions", "sources", "primary_sources", "unconfirmed_items", "last_verified", "page")
PROVISION_COLUMNS = ("record_id", "record_title", "kind", "jurisdiction", "local", "status", "status_group", "dimension", "answer",
                     "citation", "pinpoint", "note", "source_keys", "source_urls")
AGREEMENT_COLUMNS = ("id", "agency", "agency_type", "jurisdiction", "county", "model", "signed", "status", "status_as_of", "moa_url")


def records_json(m: Model, codebook_version: int = 1) -> str:
    payload = {"schema": SCHEMA_ID, "codebook_version": codebook_version, "count": len(m.records), "records": list(m.records)}
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def records_csv(m: Model) -> str:
    rows = []
    for r in m.records:
        rows.append([
            r["id"], r.get("kind"), record_title(r), r.get("short_title"), r.get("jurisdiction"),
            m.jurisdictions.get(r["jurisdiction"], {}).get("name"), (r.get("locality") or {}).get("name"), r.get("status"),
            status_group(r.get("status")), r.get("status_as_of"), r.get("effective"), r.get("agency"), r.get("agency_type"),
            r.get("county"), r.get("model"), r.get("signed"), (r.get("claimant") or {}).get("name"), r.get("made_on"),
            len(r.get("provisions", [])), len(r.get("sources", [])), _primary(r), len(r.get("review", {}).get("unconfirmed", [])),
            r.get("review", {}).get("last_verified"), f"records/{r['id']}/",
        ])
    return _csv(RECORD_COLUMNS, rows)


def provisions_csv(m: Model) -> str:
    rows = []
    for r in m.records:
        urls = {s["key"]: s["url"] for s in r.get("sources", [])}
        for p in r.get("provisions", []):
            rows.append([r["id"], record_title(r), r["kind"], r["jurisdiction"], "locality" in r, r.get("status"),
                         status_group(r.get("status")), p["dimension"], p["answer"], p.get("citation"),
                         pinpointed(p.get("citation")), p.get("note"),
                         p.get("sources", []), [urls.get(k, "") for k in p.get("sources", [])]])
    return _csv(PROVISION_COLUMNS, rows)


def agreements_csv(m: Model) -> str:
    rows = [[r["id"], r.get("agency"), r.get("agency_type"), r["jurisdiction"], r.get("county"), r.get("model"), r.get("signed"),
             r.get("status"), r.get("status_as_of"), r.get("moa_url")] for r in m.agreements()]
    return _csv(AGREEMENT_COLUMNS, rows)


COVERAGE_COLUMNS = ("jurisdiction", "jurisdiction_name", "dimension", "state", "records", "researched_on", "searched", "open",
                    "blocker", "waiting_on")


def coverage_csv(m: Model) -> str:
    rows = []
    for jid, row in m.coverage_table.items():
        for dim, cell in row.items():
            entry = cell.entry or {}
            rows.append([jid, m.jurisdictions[jid].get("name"), dim, cell.state, cell.records if cell.state == "answered" else [],
                         entry.get("researched_on"), entry.get("searched"), "yes" if cell.open else "", entry.get("blocker"),
                         [f"{w['record']} ({w['status']})" for w in entry.get("waiting_on", [])]])
    return _csv(COVERAGE_COLUMNS, rows)


def render(m: Model, codebook_version: int = 1) -> dict[str, tuple[str, str]]:
    """``{file name: (content, description)}`` for the downloads folder."""
    return {
        "records.json": (records_json(m, codebook_version),
                         f"All {len(m.records)} records, every field, as JSON (an object with the codebook version and a records list)."),
        "records.csv": (records_csv(m), "One row per record: the main fields, with counts of provisions and sources."),
        "provisions.csv": (provisions_csv(m), "One row per coded provision: dimension, answer, citation, whether the citation names the section "
                          "(pinpoint: false when it is missing or says the section was not confirmed), note and source URLs."),
        "coverage.csv": (coverage_csv(m), "One row per jurisdiction and dimension: answered (by which records), researched with none found (when, what was searched), or missing; a missing cell marked open was researched, its blocker says what is still unknown and waiting_on names the records that would settle it."),
        "agreements.csv": (agreements_csv(m), "One row per 287(g) agreement: agency, type, county, model, signed date, status and MOA link."),
    }
