"""Coverage: for each jurisdiction and codebook dimension, is there an answer, a documented
"researched, none found", or nothing yet?

A pure function of the records, shared by ``policykb coverage``, the ``coverage-entries`` rule
and the site. The states
- ``answered``: a jurisdiction-wide record in force has a provision on the dimension;
- ``researched-none``: the jurisdiction's coverage record says research found none (with the
  date and what was searched);
- ``missing``: neither. Provisions of pending or ended records alone (a bill, a repealed law)
  leave the dimension ``missing`` until someone records whether anything is in force.

A missing cell is *open* when the coverage record has an ``unresolved`` entry for it: research
was done but could not settle it, and the entry's ``blocker`` says what is still unknown (a
bill's outcome, a section's text). Open cells still count as missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from policykb.statuses import STATUS_GROUPS

STATES = ("answered", "researched-none", "missing")
IN_FORCE = STATUS_GROUPS["current"]
# The coverage target: the 50 states, DC and Puerto Rico.
TARGET = ("state", "district")
TARGET_EXTRA = ("us-pr",)


@dataclass
class Cell:
    state: str
    records: list[str] = field(default_factory=list)  # answering records (answered) or other records touching it
    entry: Mapping[str, Any] | None = None  # the coverage entry: none-found (researched-none) or unresolved (missing)

    @property
    def open(self) -> bool:
        """Missing, but researched: the coverage record says what blocks an answer."""
        return self.state == "missing" and self.entry is not None


def in_target(jid: str, j: Mapping[str, Any]) -> bool:
    return j.get("type") in TARGET or jid in TARGET_EXTRA


def coverage(records: Iterable[Mapping[str, Any]], dimensions: Iterable[str],
             jurisdictions: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Cell]]:
    """{jurisdiction id: {dimension id: Cell}} for every jurisdiction."""
    dims = list(dimensions)
    answered: dict[tuple[str, str], list[str]] = {}
    touched: dict[tuple[str, str], list[str]] = {}
    entries: dict[tuple[str, str], Mapping[str, Any]] = {}
    for r in records:
        jid = r.get("jurisdiction")
        if r.get("kind") == "coverage":
            for e in r.get("entries", []):
                entries.setdefault((jid, e["dimension"]), e)
            continue
        if "locality" in r:
            continue
        for p in r.get("provisions", []):
            target = answered if r.get("status") in IN_FORCE else touched
            ids = target.setdefault((jid, p["dimension"]), [])
            if r["id"] not in ids:
                ids.append(r["id"])
    out: dict[str, dict[str, Cell]] = {}
    for jid in jurisdictions:
        row = {}
        for d in dims:
            if (jid, d) in answered:
                row[d] = Cell("answered", sorted(answered[(jid, d)]))
            elif (jid, d) in entries:
                entry = entries[(jid, d)]
                state = "researched-none" if entry.get("finding") == "none-found" else "missing"
                row[d] = Cell(state, sorted(touched.get((jid, d), [])), entry)
            else:
                row[d] = Cell("missing", sorted(touched.get((jid, d), [])))
        out[jid] = row
    return out


def totals(table: Mapping[str, Mapping[str, Cell]], jurisdictions: Iterable[str]) -> dict[str, int]:
    out = dict.fromkeys(STATES, 0)
    for jid in jurisdictions:
        for cell in table[jid].values():
            out[cell.state] += 1
    return out


def open_total(table: Mapping[str, Mapping[str, Cell]], jurisdictions: Iterable[str]) -> int:
    """How many missing cells were researched and left open (an ``unresolved`` entry)."""
    return sum(1 for jid in jurisdictions for cell in table[jid].values() if cell.open)
