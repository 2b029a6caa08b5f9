"""Apply one import (a participating and/or a pending workbook) to the agreement records.

Pure: records in, records out, plus what changed. The importer owns these fields of an
agreement record: agency, agency_type, county, model, signed, status, status_as_of, moa_url,
addendum_urls, ice_listing, review.last_verified, and the sources whose keys start with
``ice-participating-`` or ``ice-pending-``. Everything else (notes, history, data_quality,
other sources, review notes) is a hand edit and survives every import. Records are never
deleted: an agreement that drops off ICE's lists becomes ``no-longer-listed`` with the date.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from policykb.ice287g.clean import MODEL_CODES, Listing, RowError, clean_row, name_key
from policykb.ice287g.matching import match
from policykb.ice287g.workbook import LISTS, Sheet
from policykb.ids import slug

Record = dict[str, Any]
ICE_PAGE = "https://www.ice.gov/identify-and-arrest/287g"
LIST_LABELS = {"participating": "participating agencies", "pending": "pending agencies"}
_SHEET_KEY = re.compile(r"^ice-(participating|pending)-(\d{4}-\d{2}-\d{2})$")


class ImportOrderError(Exception):
    """Sheets must be imported in date order; history depends on it."""


@dataclass
class ImportResult:
    sheets: list[Sheet]
    records: dict[str, Record]
    rows_read: dict[str, int] = field(default_factory=dict)
    rejected: list[tuple[str, int, str]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    no_longer_listed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (id, old name, new name)
    events: list[tuple[str, Mapping[str, Any]]] = field(default_factory=list)  # (id, event) added by this import
    notes: list[str] = field(default_factory=list)
    anomalies: Counter[str] = field(default_factory=Counter)  # kind -> rows showing it
    changed: set[str] = field(default_factory=set)
    unmatched_hand_records: list[str] = field(default_factory=list)


def new_id(li: Listing, taken: Iterable[str]) -> str:
    base = f"{li.jurisdiction}-{slug(li.agency)}-{MODEL_CODES[li.model].lower()}"
    taken = set(taken)
    rid, n = base, 2
    while rid in taken:
        rid, n = f"{base}-{n}", n + 1
    return rid


def sheet_source(sheet: Sheet) -> dict[str, Any]:
    return {
        "key": sheet.source_key, "url": ICE_PAGE,
        "title": f"ICE 287(g) {LIST_LABELS[sheet.list]} list (Excel workbook) as of {sheet.as_of}",
        "publisher": "U.S. Immigration and Customs Enforcement", "published": sheet.as_of, "accessed": sheet.as_of,
        "type": "primary",
        "note": f"Workbook {sheet.path.name} (SHA-256 {sheet.sha256[:16]}); ICE replaces the file on its 287(g) page in place.",
    }


def latest_dates(records: Mapping[str, Record]) -> dict[str, str | None]:
    """The date of the newest imported list of each kind, read from the records."""
    out: dict[str, str | None] = {k: None for k in LISTS}
    for rec in records.values():
        for k in LISTS:
            last = rec.get("ice_listing", {}).get(k, {}).get("last_listed")
            if last and (out[k] is None or last > out[k]):
                out[k] = last
    return out


def import_sheets(records: Mapping[str, Record], sheets: list[Sheet], states: Mapping[str, str]) -> ImportResult:
    """Apply the sheets (at most one per list) to copies of the agreement records."""
    recs = {rid: copy.deepcopy(dict(r)) for rid, r in records.items()}
    before = copy.deepcopy(recs)
    result = ImportResult(sheets=sheets, records=recs)
    latest = latest_dates(recs)
    prior_status = {rid: r.get("status") for rid, r in recs.items()}
    run_dates: dict[str, Sheet] = {}
    for sheet in sorted(sheets, key=lambda s: LISTS.index(s.list)):
        if sheet.list in run_dates:
            raise ImportOrderError(f"two {sheet.list} workbooks in one import; import them one at a time, oldest first")
        previous_date = latest[sheet.list]
        if previous_date and sheet.as_of < previous_date:
            raise ImportOrderError(
                f"{sheet.path.name} is dated {sheet.as_of} ({sheet.as_of_from}), older than the {sheet.list} list already imported "
                f"({previous_date}); import ICE's workbooks in date order, or pass --as-of if the date is wrong")
        _apply_sheet(result, sheet, previous_date, prior_status, states)
        latest[sheet.list] = sheet.as_of
        run_dates[sheet.list] = sheet
    _update_statuses(result, latest, run_dates, prior_status)
    for rid, rec in recs.items():
        _prune_sheet_sources(rec)
        if rec != before.get(rid):
            result.changed.add(rid)
    result.unmatched_hand_records = sorted(rid for rid, r in recs.items() if "ice_listing" not in r)
    return result


def _apply_sheet(result: ImportResult, sheet: Sheet, previous_date: str | None, prior_status: dict[str, Any],
                 states: Mapping[str, str]) -> None:
    listings: list[Listing] = []
    seen: dict[tuple[str, str, str], Listing] = {}
    result.rows_read[sheet.list] = len(sheet.rows)
    for row, cells in sheet.rows:
        try:
            li = clean_row(cells, row, sheet.list, sheet.as_of, states)
        except RowError as exc:
            result.rejected.append((sheet.list, row, str(exc)))
            continue
        if li.key in seen:
            seen[li.key].anomalies.append(("duplicate-row", f"ICE's list shows this agreement twice (rows {seen[li.key].row} and {row}); the first row is used."))
            continue
        seen[li.key] = li
        listings.append(li)
    for li in listings:
        for kind in dict.fromkeys(k for k, _ in li.anomalies):
            result.anomalies[kind] += 1
    recs = result.records
    previous = {rid for rid, r in recs.items() if previous_date and r.get("ice_listing", {}).get(sheet.list, {}).get("last_listed") == previous_date}
    matches, renames, notes = match(listings, recs, previous)
    result.notes += notes
    for i, li in enumerate(listings):
        rid = matches.get(i)
        if rid is None:
            rid = new_id(li, recs)
            recs[rid] = _new_record(rid, li, sheet)
            prior_status[rid] = None
            result.added.append(rid)
            result.events.append((rid, recs[rid]["ice_listing"]["events"][0]))
        _update(result, recs[rid], li, sheet)


def _event(result: ImportResult, rec: Record, sheet: Sheet, change: str, detail: str | None = None) -> None:
    ev: dict[str, Any] = {"date": sheet.as_of, "change": change}
    if detail:
        ev["detail"] = detail
    ev["sources"] = [sheet.source_key]
    rec.setdefault("ice_listing", {"names": []}).setdefault("events", []).append(ev)
    _ensure_source(rec, sheet)
    result.events.append((rec["id"], ev))


def _ensure_source(rec: Record, sheet: Sheet) -> None:
    sources = rec.setdefault("sources", [])
    if not any(s.get("key") == sheet.source_key for s in sources):
        sources.append(sheet_source(sheet))


def _new_record(rid: str, li: Listing, sheet: Sheet) -> Record:
    return {
        "id": rid, "kind": "agreement-287g", "agency": li.agency, "agency_type": li.agency_type, "jurisdiction": li.jurisdiction,
        "model": li.model, "status": "active" if sheet.list == "participating" else "pending", "status_as_of": sheet.as_of,
        "ice_listing": {"names": [li.agency], sheet.list: {"first_listed": sheet.as_of, "last_listed": sheet.as_of},
                        "events": [{"date": sheet.as_of, "change": f"listed-{sheet.list}", "sources": [sheet.source_key]}]},
        "sources": [sheet_source(sheet)],
        "review": {"last_verified": sheet.as_of},
    }


def _update(result: ImportResult, rec: Record, li: Listing, sheet: Sheet) -> None:
    listing = rec.setdefault("ice_listing", {"names": []})
    d = sheet.as_of
    first_time = not any(k in listing for k in LISTS)
    if li.agency not in listing["names"]:
        old = str(rec.get("agency", ""))
        if listing["names"] and name_key(old) != name_key(li.agency):
            _event(result, rec, sheet, "renamed", f"ICE lists the agency as '{li.agency}'; before, as '{old}'.")
            result.renamed.append((rec["id"], old, li.agency))
        listing["names"].append(li.agency)
    rec["agency"] = li.agency
    if rec.get("agency_type") != li.agency_type:
        if rec.get("agency_type"):
            _event(result, rec, sheet, "type-changed", f"ICE lists the agency type as {li.agency_type}; before, {rec['agency_type']}.")
        rec["agency_type"] = li.agency_type
    if li.county and rec.get("county") != li.county:
        if rec.get("county") and name_key(rec["county"]) != name_key(li.county):
            _event(result, rec, sheet, "county-changed", f"ICE lists the county as '{li.county}'; before, '{rec['county']}'.")
        rec["county"] = li.county
    if li.signed and rec.get("signed") != li.signed:
        if rec.get("signed"):
            _event(result, rec, sheet, "signed-date-revised", f"ICE lists the signed date as {li.signed}; before, {rec['signed']}.")
        rec["signed"] = li.signed
    if li.moa_url and rec.get("moa_url") != li.moa_url:
        if rec.get("moa_url"):
            _event(result, rec, sheet, "moa-changed", f"ICE's MOA link changed to {li.moa_url}; before, {rec['moa_url']}.")
        rec["moa_url"] = li.moa_url
    for url in li.addendum_urls:
        if url not in rec.get("addendum_urls", []):
            rec.setdefault("addendum_urls", []).append(url)
    span = listing.setdefault(sheet.list, {"first_listed": d, "last_listed": d})
    span["last_listed"] = max(span["last_listed"], d)
    if first_time and not listing.get("events"):
        _event(result, rec, sheet, f"listed-{sheet.list}")
    anomalies = listing.setdefault("anomalies", [])
    for kind, detail in li.anomalies:
        for a in anomalies:
            if (a["kind"], a["detail"]) == (kind, detail):
                a["last_seen"] = max(a["last_seen"], d)
                break
        else:
            anomalies.append({"kind": kind, "detail": detail, "first_seen": d, "last_seen": d})
    if not anomalies:
        del listing["anomalies"]
    _ensure_source(rec, sheet)
    rec["status_as_of"] = max(str(rec.get("status_as_of") or d), d)
    review = rec.setdefault("review", {"last_verified": d})
    review["last_verified"] = max(str(review.get("last_verified") or d), d)


def _update_statuses(result: ImportResult, latest: Mapping[str, str | None], run: Mapping[str, Sheet], prior: Mapping[str, Any]) -> None:
    for rid, rec in sorted(result.records.items()):
        listing = rec.get("ice_listing")
        if not listing or not any(k in listing for k in LISTS):
            continue  # a hand-made record ICE's lists have never matched: left as it is
        on = {k: bool(latest[k]) and listing.get(k, {}).get("last_listed") == latest[k] for k in LISTS}
        status = "active" if on["participating"] else "pending" if on["pending"] else "no-longer-listed"
        old = prior.get(rid)
        if status == rec.get("status") and old == status:
            continue
        if status == "no-longer-listed":
            dropped = [k for k in LISTS if k in run and k in listing and listing[k]["last_listed"] < run[k].as_of]
            sheet = run[dropped[0]] if dropped else None
            if sheet is None:
                continue
            last = max(listing[k]["last_listed"] for k in LISTS if k in listing)
            rec["status"] = status
            rec["status_as_of"] = sheet.as_of
            listing["removed"] = sheet.as_of
            _event(result, rec, sheet, "removed", f"Not on ICE's {LIST_LABELS[sheet.list]} list of {sheet.as_of}; last listed {last}.")
            result.no_longer_listed.append(rid)
            continue
        listing.pop("removed", None)
        rec["status"] = status
        if old is None:
            continue  # created by this import: its listed-* event says it
        sheet = run.get("participating" if status == "active" else "pending")
        if sheet is None:
            continue
        if old == "no-longer-listed":
            _event(result, rec, sheet, "relisted", f"Back on ICE's {LIST_LABELS[sheet.list]} list.")
        elif old == "pending" and status == "active" and "pending" in listing:
            _event(result, rec, sheet, "moved-to-participating", "Moved from ICE's pending list to its participating list.")
        elif old == "active" and status == "pending" and "participating" in listing:
            _event(result, rec, sheet, "moved-to-pending", "On ICE's pending list and no longer on its participating list.")


def _prune_sheet_sources(rec: Record) -> None:
    """Keep an importer sheet source only while something cites it: an event, or a first/last-listed date."""
    listing = rec.get("ice_listing")
    if not listing:
        return
    cited = {k for ev in listing.get("events", []) for k in ev.get("sources", [])}
    for k in LISTS:
        for when in ("first_listed", "last_listed"):
            if k in listing:
                cited.add(f"ice-{k}-{listing[k][when]}")
    if listing.get("removed"):
        cited |= {f"ice-{k}-{listing['removed']}" for k in LISTS}
    rec["sources"] = [s for s in rec.get("sources", []) if not _SHEET_KEY.match(str(s.get("key"))) or s["key"] in cited]


def states_by_name(jurisdictions: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """ICE's STATE values (full names in capitals) -> jurisdiction ids."""
    return {str(j["name"]).upper(): jid for jid, j in jurisdictions.items() if j.get("type") != "federal"}


__all__ = ["ImportOrderError", "ImportResult", "import_sheets", "states_by_name", "RowError"]
