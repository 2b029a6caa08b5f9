"""The change report of one import, in Markdown to paste into a pull request."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from policykb.ice287g.apply import ImportResult
from policykb.ice287g.clean import MODEL_CODES

LIMIT = 300  # rows per table; the rest are counted


def _agreement(result: ImportResult, rid: str) -> str:
    r = result.records[rid]
    return f"{r['jurisdiction'].removeprefix('us-').upper()} | {_cell(r['agency'])} | {MODEL_CODES.get(r['model'], r['model'])} | `{rid}`"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: str, rows: Iterable[str]) -> list[str]:
    rows = list(rows)
    out = [header, "|" + "---|" * (header.count("|") - 1)]
    out += [f"| {row} |" for row in rows[:LIMIT]]
    if len(rows) > LIMIT:
        out.append(f"\n…and {len(rows) - LIMIT} more.")
    return out


def render(result: ImportResult) -> str:
    lines: list[str] = []
    sheets = ", ".join(f"{s.list} list of {s.as_of} (`{s.path.name}`, date from {s.as_of_from})" for s in result.sheets)
    lines += [f"## ICE 287(g) import: {sheets}", ""]
    rows = ", ".join(f"{n} {k} rows" for k, n in result.rows_read.items())
    updated = sorted(result.changed - set(result.added))
    substantive = {rid for rid, _ in result.events} - set(result.added)
    lines += [f"- Rows read: {rows}; {len(result.rejected)} not imported.",
              f"- Agreements: **{len(result.added)} added**, **{len(updated)} updated** ({len(substantive)} with a change beyond the new "
              f"list date), **{len(result.no_longer_listed)} no longer listed**, {len(result.records) - len(result.changed)} unchanged "
              f"({len(result.records)} in all).",
              f"- Matched across a rename: {len(result.renamed)}.", ""]
    changes = Counter(str(ev["change"]) for _, ev in result.events)
    if changes:
        lines += ["### Changes by kind", "", "| change | agreements |", "|---|---|"]
        lines += [f"| {k} | {n} |" for k, n in sorted(changes.items())]
        lines.append("")
    if result.anomalies:
        lines += ["### Oddities in ICE's list (rows showing each)", "", "| kind | rows |", "|---|---|"]
        lines += [f"| {k} | {n} |" for k, n in sorted(result.anomalies.items())]
        lines.append("")
    if result.rejected:
        lines += ["### Rows not imported", ""] + [f"- {k} row {row}: {why}" for k, row, why in result.rejected] + [""]
    if result.notes:
        lines += ["### Needs a decision", ""] + [f"- {n}" for n in result.notes] + [""]
    if result.renamed:
        lines += ["### Renamed (same agreement)", ""]
        lines += _table("| id | was | now |", (f"`{rid}` | {_cell(old)} | {_cell(new)}" for rid, old, new in result.renamed)) + [""]
    for title, ids in (("Added", result.added), ("No longer listed", result.no_longer_listed)):
        if ids:
            lines += [f"### {title} ({len(ids)})", ""] + _table("| state | agency | model | id |", (_agreement(result, rid) for rid in sorted(ids))) + [""]
    revised = [(rid, ev) for rid, ev in result.events if ev["change"] in ("signed-date-revised", "moved-to-participating", "moved-to-pending", "relisted", "county-changed", "type-changed", "moa-changed")]
    if revised:
        lines += [f"### Other changes ({len(revised)})", ""]
        lines += _table("| id | change | detail |", (f"`{rid}` | {ev['change']} | {_cell(ev.get('detail', ''))}" for rid, ev in revised)) + [""]
    if result.unmatched_hand_records:
        lines += ["### Hand-made agreement records not found on ICE's lists", ""] + [f"- `{rid}`" for rid in result.unmatched_hand_records] + [""]
    return "\n".join(lines).rstrip() + "\n"
