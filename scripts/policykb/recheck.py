"""What to check again, oldest first: pending records, open coverage cells, uncited provisions.

The knowledge base goes stale in two places: a pending bill or proposal whose status is only
known as of its newest source (``status_as_of``), and a coverage cell that research left open
(an ``unresolved`` entry, dated ``researched_on``, whose ``blocker`` says what to look for).
A third gap is thin rather than stale: a provision of a policy in force coded without a pinpoint
citation (the text was described by a source but not read), or whose citation names only the
instrument and says so ("HB 9 (2026); section pinpoint not confirmed"). ``policykb recheck`` lists all three
as one work list for volunteers, and says how many open cells wait on each pending record (the
cells' ``waiting_on`` lists), so the records that settle most are easy to find.

Settled facts are settled only as of a date: a later session may pass a law on a dimension
researched with none found (``researched_on``), and may amend or repeal a law in force, or a
court may block it (its ``review.last_verified``). Asked for what was established before a date
(``before``), the list also holds those cells and those records (287(g) agreements aside: the
importer re-checks them against each ICE list), so a volunteer can check them again after each
legislative session. A pure function of the records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from policykb.statuses import status_group

UNDATED = "undated"

# A citation that says its own section or paragraph is unknown ("section pinpoint not confirmed",
# "code sections not confirmed", "number and paragraph not seen", "text not seen") is not a pinpoint.
_NOT_PINPOINTED = re.compile(
    r"\b(pinpoint|sections?|paragraphs?|subdivisions?|subsections?|numbering|number|text)\b[^;()]*?\bnot (confirmed|seen|read)\b",
    re.IGNORECASE)


def pinpointed(citation: Any) -> bool:
    """Whether a provision's citation names the section that does what it says."""
    return bool(citation) and not _NOT_PINPOINTED.search(str(citation))


@dataclass(frozen=True)
class Item:
    since: str  # the date the fact was last established (YYYY-MM-DD), or "undated"
    jurisdiction: str
    record: str  # record id
    what: str  # "pending", "open", "uncited", "none-found" or "in-force"
    subject: str  # the status of a pending or in-force record, or the dimension of a cell or uncited provision
    text: str  # the record's short title, an open cell's blocker, a none-found cell's searched text, or the answer
    blocks: int = 0  # pending records: how many open coverage cells wait on this record

    def line(self, width: int = 0) -> str:
        text = self.text if not width or len(self.text) <= width else self.text[: width - 1].rstrip() + "…"
        if self.what in ("pending", "in-force"):
            cells = f"; {self.blocks} open cell(s) wait on it" if self.blocks else ""
            return f"{self.since:10}  {self.record}: still {self.subject}? ({text}){cells}"
        if self.what == "uncited":
            return f"{self.since:10}  {self.record}: {self.subject} ({text}) has no pinpoint citation"
        if self.what == "none-found":
            return f"{self.since:10}  {self.record}: {self.subject} had none found; search again: {text}"
        return f"{self.since:10}  {self.record}: {self.subject} is open: {text}"


def _label(record: Mapping[str, Any]) -> str:
    return str(record.get("short_title") or record.get("title") or record["id"])


def queue(records: Iterable[Mapping[str, Any]], before: str | None = None,
          jurisdictions: Iterable[str] | None = None) -> list[Item]:
    """Pending records, open coverage cells and uncited provisions of policies in force, oldest
    first (undated first of all). An uncited provision is dated by its record's last verification.

    ``before`` keeps items established before that date, and adds the cells researched before it
    with none found (their ``searched`` text says what to search again) and the records in force
    last verified before it (287(g) agreements aside); ``jurisdictions`` keeps those places.
    """
    wanted = set(jurisdictions) if jurisdictions is not None else None
    records = list(records)
    blocks: dict[str, int] = {}
    for r in records:
        if r.get("kind") == "coverage":
            for e in r.get("entries", []):
                for wait in e.get("waiting_on", []) if e.get("finding") == "unresolved" else []:
                    blocks[str(wait.get("record"))] = blocks.get(str(wait.get("record")), 0) + 1
    items: list[Item] = []
    for r in records:
        jid = str(r.get("jurisdiction"))
        if wanted is not None and jid not in wanted:
            continue
        if r.get("kind") == "coverage":
            for e in r.get("entries", []):
                if e.get("finding") == "unresolved":
                    items.append(Item(str(e.get("researched_on") or UNDATED), jid, str(r["id"]), "open",
                                      str(e["dimension"]), " ".join(str(e.get("blocker", "")).split())))
                elif e.get("finding") == "none-found" and before:
                    items.append(Item(str(e.get("researched_on") or UNDATED), jid, str(r["id"]), "none-found",
                                      str(e["dimension"]), " ".join(str(e.get("searched", "")).split())))
        elif status_group(r.get("status")) == "pending":
            items.append(Item(str(r.get("status_as_of") or UNDATED), jid, str(r["id"]), "pending", str(r["status"]), _label(r),
                              blocks.get(str(r["id"]), 0)))
        elif status_group(r.get("status")) == "current":
            verified = str((r.get("review") or {}).get("last_verified") or UNDATED)
            if before and r.get("kind") != "agreement-287g":
                items.append(Item(verified, jid, str(r["id"]), "in-force", str(r["status"]), _label(r)))
            items += [Item(verified, jid, str(r["id"]), "uncited", str(p["dimension"]),
                           str(p["answer"]) + (f"; citation: {p['citation']}" if p.get("citation") else ""))
                      for p in r.get("provisions") or [] if not pinpointed(p.get("citation"))]
    if before:
        items = [i for i in items if i.since == UNDATED or i.since < before]
    return sorted(items, key=lambda i: ("" if i.since == UNDATED else i.since, i.jurisdiction, i.record, i.what, i.subject))
