"""The site's view of the records: derived facts every page needs, computed once.

A pure function of (records, codebook, jurisdictions): no I/O, no clock, no MkDocs. Pages,
downloads and tests all read this model, so "what counts as New York's answer on detainer
holds" is decided in exactly one place.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from policykb.coverage import Cell, coverage, in_target, open_total, totals
from policykb.sourcing import Tally, facts
from policykb.statuses import STATUS_GROUPS, status_group

Record = Mapping[str, Any]

KIND_LABELS = {
    "statute": "Statute", "bill": "Bill", "executive-order": "Executive order", "directive": "Directive",
    "local-law": "Local law", "regulation": "Regulation", "court-decision": "Court decision",
    "federal-program": "Federal program", "agreement-287g": "287(g) agreement", "claim": "Claim",
    "coverage": "Research coverage",
}
# Sections of a jurisdiction page, in order: (heading, kinds).
KIND_SECTIONS = (
    ("Laws and regulations", ("statute", "regulation", "federal-program")),
    ("Bills", ("bill",)),
    ("Executive actions", ("executive-order", "directive")),
    ("Local laws", ("local-law",)),
    ("Court decisions", ("court-decision",)),
)
MODEL_LABELS = {"jail-enforcement": "Jail Enforcement Model", "task-force": "Task Force Model",
                "warrant-service-officer": "Warrant Service Officer"}
AGENCY_TYPE_LABELS = {"county": "County", "municipality": "Municipality", "state-agency": "State agency"}
RELATION_REVERSE = {
    "amends": "amended by", "repeals": "repealed by", "supersedes": "superseded by",
    "implements": "implemented by", "challenges": "challenged in", "responds-to": "responded to by",
    "alternative-to": "alternative to", "related-to": "related to",
}
RELATION_LABELS = {k: k.replace("-", " ") for k in RELATION_REVERSE}

# summary() states that are not an answer.
NO_ANSWER = ("none-found", "open", "pending-only", "not-researched")
GROUP_LABELS = {"current": "In force", "pending": "Pending", "ended": "Ended", "none": "No status"}

# Bill numbers: "SB 54", "S.B. 54", "HB 1105", "SB 2-C", "E2SSB 5497", "A 1234".
_BILL = re.compile(r"^\s*([A-Za-z][A-Za-z0-9.]*?)\.?\s*[-\s]?\s*(\d+(?:-[A-Za-z0-9]+)?)\s*$")


def record_title(r: Record) -> str:
    if r.get("kind") == "agreement-287g":
        return f"{r.get('agency')}: 287(g) {MODEL_LABELS.get(str(r.get('model')), r.get('model'))}"
    return str(r.get("title") or r.get("id"))


def short_label(r: Record) -> str:
    """A compact name for tables: short title, else title."""
    return str(r.get("short_title") or record_title(r))


def bill_number_variants(value: str) -> list[str]:
    """Common spellings of a bill number, so search finds "SB54", "SB 54" and "S.B. 54" alike."""
    m = _BILL.match(value)
    if not m:
        return [value]
    prefix, number = m.group(1).replace(".", ""), m.group(2)
    out = [f"{prefix} {number}", f"{prefix}{number}", f"{prefix}-{number}"]
    if prefix.isalpha() and len(prefix) <= 4:
        dotted = ".".join(prefix) + "."
        out += [f"{dotted} {number}", f"{dotted}{number}"]
    return list(dict.fromkeys([value.strip(), *out]))


def search_terms(r: Record) -> list[str]:
    """Extra words a reader may type for this record, shown on its page so search indexes them."""
    terms: list[str] = []
    for alias in r.get("aliases", []):
        terms += bill_number_variants(alias) if _BILL.match(alias) else [alias]
    for ident in r.get("identifiers", []):
        if ident.get("type") == "bill-number":
            terms += bill_number_variants(str(ident["value"]))
    if r.get("kind") == "agreement-287g":
        terms += ["287(g)", "287g", str(r.get("agency", "")), *r.get("ice_listing", {}).get("names", []),
                  str(r.get("county", "")), MODEL_LABELS.get(str(r.get("model")), "")]
    return [t for t in dict.fromkeys(terms) if t]


@dataclass(frozen=True)
class Entry:
    """One coded provision, as the matrix, map and jurisdiction pages show it."""

    record_id: str
    label: str
    kind: str
    status: str
    group: str
    local: bool
    dimension: str
    answer: str
    citation: str
    index: int  # 1-based position in the record's provisions: the anchor #provision-<index>


@dataclass
class Model:
    records: list[Record]
    dimensions: Mapping[str, Any]
    jurisdictions: Mapping[str, Mapping[str, Any]]
    by_id: dict[str, Record] = field(default_factory=dict)
    incoming: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    claims_about: dict[str, list[str]] = field(default_factory=dict)
    by_jurisdiction: dict[str, list[Record]] = field(default_factory=dict)
    entries: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    _claims: list[Record] = field(default_factory=list)
    coverage_entries: dict[tuple[str, str], Mapping[str, Any]] = field(default_factory=dict)
    coverage_table: dict[str, dict[str, Cell]] = field(default_factory=dict)
    sourcing: dict[str, Tally] = field(default_factory=dict)  # record id -> facts citing a primary source or not

    # -- lookups -------------------------------------------------------------------------------
    def answers(self, dimension: str) -> list[Mapping[str, Any]]:
        dim = self.dimensions.get(dimension)
        return list(dim.answers) if dim else []

    def answer_label(self, dimension: str, answer: str) -> str:
        for a in self.answers(dimension):
            if a.get("value") == answer:
                return str(a.get("label", answer))
        return answer

    def answer_rank(self, dimension: str, answer: str) -> int:
        values = [a.get("value") for a in self.answers(dimension)]
        return values.index(answer) if answer in values else len(values)

    def all_answers(self) -> list[tuple[str, str]]:
        """(value, label) of every answer any dimension allows, in codebook order, once each."""
        out: dict[str, str] = {}
        for d in self.dimensions.values():
            for a in d.answers:
                out.setdefault(str(a.get("value")), str(a.get("label", a.get("value"))))
        return list(out.items())

    def sorted_entries(self, jurisdiction: str, dimension: str) -> list[Entry]:
        """A cell's entries: in force first, then pending, then ended; local laws after state ones."""
        order = {g: i for i, g in enumerate(STATUS_GROUPS)}
        return sorted(self.entries.get((jurisdiction, dimension), []),
                      key=lambda e: (order.get(e.group, len(order)), e.local, self.answer_rank(dimension, e.answer), e.label, e.index))

    def summary(self, jurisdiction: str, dimension: str) -> tuple[str, list[Entry]]:
        """A jurisdiction's answer on a dimension from its jurisdiction-wide, in-force provisions.

        Returns (state, entries): state is an answer value when they all agree, "several" when
        they differ; otherwise "none-found" when the jurisdiction's coverage record says research
        found no policy in force (entries then list any pending proposals), "open" when it says
        research could not settle the dimension (an unresolved entry with its blocker),
        "pending-only" when only proposals address it, and "not-researched" when nothing does.
        Local laws never set a state's answer.
        """
        entries = [e for e in self.entries.get((jurisdiction, dimension), []) if not e.local]
        current = [e for e in entries if e.group == "current"]
        answers = {e.answer for e in current}
        if len(answers) == 1:
            return answers.pop(), current
        if answers:
            return "several", current
        pending = [e for e in entries if e.group == "pending"]
        entry = self.coverage_entries.get((jurisdiction, dimension))
        if entry is not None:
            return ("none-found" if entry.get("finding") == "none-found" else "open"), pending
        if pending:
            return "pending-only", pending
        return "not-researched", []

    def coverage_target(self) -> list[str]:
        """The jurisdictions coverage is measured on: the 50 states, DC and Puerto Rico."""
        return [j for j, v in self.jurisdictions.items() if in_target(j, v)]

    def coverage_totals(self, jurisdictions: Iterable[str]) -> dict[str, int]:
        return totals(self.coverage_table, jurisdictions)

    def coverage_open(self, jurisdictions: Iterable[str]) -> int:
        """Missing cells that were researched and left open (an unresolved coverage entry)."""
        return open_total(self.coverage_table, jurisdictions)

    def coverage_entry(self, jurisdiction: str, dimension: str) -> Mapping[str, Any] | None:
        return self.coverage_entries.get((jurisdiction, dimension))

    def open_cell_waits(self, jurisdictions: Iterable[str]) -> tuple[list[tuple[str, list[tuple[str, str]]]], int]:
        """The records that open cells wait on, most cells first: ``([(record id, [(jurisdiction,
        dimension), ...]), ...], number of open cells that name no record)``."""
        waits: dict[str, list[tuple[str, str]]] = {}
        unnamed = 0
        for jid in jurisdictions:
            for dim, cell in self.coverage_table.get(jid, {}).items():
                if not cell.open:
                    continue
                named = (cell.entry or {}).get("waiting_on", [])
                unnamed += not named
                for w in named:
                    waits.setdefault(str(w["record"]), []).append((jid, dim))
        return sorted(waits.items(), key=lambda kv: (-len(kv[1]), kv[0])), unnamed

    def sourcing_for(self, jurisdictions: Iterable[str]) -> Tally:
        """Facts of the jurisdictions' records, except 287(g) agreements (which all rest on ICE's lists)."""
        return sum((self.sourcing[r["id"]] for jid in jurisdictions for r in self.by_jurisdiction.get(jid, [])
                    if r.get("kind") != "agreement-287g"), Tally())

    def provision_count(self, dimension: str) -> int:
        return sum(len(v) for (_, d), v in self.entries.items() if d == dimension)

    def answered_count(self, jurisdiction: str) -> int:
        """How many dimensions have an in-force answer for this jurisdiction."""
        return sum(1 for d in self.dimensions if self.summary(jurisdiction, d)[0] not in NO_ANSWER)

    def agreements(self, jurisdiction: str | None = None) -> list[Record]:
        recs = self.by_jurisdiction.get(jurisdiction, []) if jurisdiction else self.records
        return [r for r in recs if r.get("kind") == "agreement-287g"]

    def bills(self, group: str) -> list[Record]:
        """Bill records whose status is in ``group``, in the order of schema/jurisdictions.yaml, newest status first."""
        order = {j: i for i, j in enumerate(self.jurisdictions)}
        bills = [r for r in self.records if r.get("kind") == "bill" and status_group(r.get("status")) == group]
        bills.sort(key=lambda r: str(r["id"]))
        bills.sort(key=lambda r: str(r.get("status_as_of", "")), reverse=True)
        return sorted(bills, key=lambda r: order.get(r["jurisdiction"], len(order)))

    def claims(self) -> list[Record]:
        """Every claim, newest first."""
        return self._claims

    def claims_for(self, jurisdiction: str) -> list[Record]:
        """Claims made in or about a jurisdiction, newest first."""
        return [c for c in self._claims
                if c["jurisdiction"] == jurisdiction or jurisdiction in c.get("about", {}).get("jurisdictions", [])]

    # -- aggregates ----------------------------------------------------------------------------
    def counts_by_kind(self) -> list[tuple[str, int, Counter[str]]]:
        """(kind, total, Counter of status) for every kind present, in KIND_LABELS order."""
        totals: dict[str, Counter[str]] = defaultdict(Counter)
        for r in self.records:
            totals[str(r.get("kind"))][str(r.get("status", "none"))] += 1
        return [(k, sum(totals[k].values()), totals[k]) for k in KIND_LABELS if k in totals]

    def agreements_by_model(self) -> list[tuple[str, Counter[str]]]:
        """(model, Counter of status) for each 287(g) model."""
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for r in self.agreements():
            out[str(r.get("model"))][str(r.get("status"))] += 1
        return [(m, out[m]) for m in MODEL_LABELS if m in out]

    def events(self) -> list[tuple[str, str, Mapping[str, Any]]]:
        """Every dated history event of every record: (date, record id, event), newest first."""
        out = [(str(e.get("date")), r["id"], e) for r in self.records for e in r.get("history", [])]
        return sorted(out, key=lambda t: (t[0], t[1], str(t[2].get("event"))), reverse=True)

    def events_by_year(self) -> list[tuple[str, list[tuple[str, str, Mapping[str, Any]]]]]:
        """events() grouped by year, newest year first."""
        years: dict[str, list[tuple[str, str, Mapping[str, Any]]]] = defaultdict(list)
        for ev in self.events():
            years[ev[0][:4]].append(ev)
        return sorted(years.items(), reverse=True)

    def peak_month_total(self) -> int:
        return max((sum(c.values()) for _, c in self.signed_per_month()), default=0) or 1

    def comparable_groups(self) -> list[tuple[str, list[Record]]]:
        """Records the compare page offers (policies, not agreements or claims), by jurisdiction."""
        out = []
        for jid, j in [*self.jurisdictions.items(), *((k, {"name": k}) for k in sorted(self.by_jurisdiction) if k not in self.jurisdictions)]:
            items = [r for r in self.by_jurisdiction.get(jid, []) if r.get("kind") not in ("agreement-287g", "claim", "coverage")]
            if items:
                out.append((str(j.get("name", jid)), sorted(items, key=lambda r: (short_label(r), r["id"]))))
        return out

    def agreements_by_state(self) -> list[tuple[str, dict[str, int], int]]:
        """(jurisdiction id, {model: listed agreements}, no-longer-listed count) per jurisdiction with agreements."""
        out: dict[str, Counter[str]] = defaultdict(Counter)
        ended: Counter[str] = Counter()
        for r in self.agreements():
            if status_group(r.get("status")) == "ended":
                ended[r["jurisdiction"]] += 1
            else:
                out[r["jurisdiction"]][str(r.get("model"))] += 1
        order = [j for j in self.jurisdictions if j in out or j in ended]
        return [(j, {m: out[j][m] for m in MODEL_LABELS}, ended[j]) for j in order]

    def listing_dates(self) -> list[str]:
        """Every date of an ICE participating list seen in the records, oldest first."""
        dates: set[str] = set()
        for r in self.agreements():
            listing = r.get("ice_listing", {})
            span = listing.get("participating")
            if span:
                dates |= {str(span["first_listed"]), str(span["last_listed"])}
            if listing.get("removed"):
                dates.add(str(listing["removed"]))
        return sorted(dates)

    def growth(self) -> list[tuple[str, dict[str, int]]]:
        """Agreements on ICE's participating list at each list date, by model.

        Counts a record as listed from its first to its last listing; an agreement that left the
        list and came back is counted in between too (the records keep only the span).
        """
        out = []
        for d in self.listing_dates():
            counts: Counter[str] = Counter()
            for r in self.agreements():
                span = r.get("ice_listing", {}).get("participating")
                if span and str(span["first_listed"]) <= d <= str(span["last_listed"]):
                    counts[str(r.get("model"))] += 1
            out.append((d, {m: counts[m] for m in MODEL_LABELS}))
        return out

    def newest_listed(self) -> list[Record]:
        """Agreements first listed on the newest participating list."""
        dates = self.listing_dates()
        if not dates:
            return []
        return [r for r in self.agreements() if str(r.get("ice_listing", {}).get("participating", {}).get("first_listed")) == dates[-1]]

    def no_longer_listed(self) -> list[Record]:
        """Agreements ICE no longer lists, most recently removed first."""
        gone = [r for r in self.agreements() if r.get("status") == "no-longer-listed"]
        return sorted(gone, key=lambda r: (str(r.get("ice_listing", {}).get("removed", "")), r["id"]), reverse=True)

    def signed_per_month(self) -> list[tuple[str, dict[str, int]]]:
        """287(g) agreements by month signed (YYYY-MM) and model, oldest first."""
        months: dict[str, Counter[str]] = defaultdict(Counter)
        for r in self.agreements():
            if r.get("signed"):
                months[str(r["signed"])[:7]][str(r.get("model"))] += 1
        return [(m, {k: months[m][k] for k in MODEL_LABELS}) for m in sorted(months)]


def build_model(records: Iterable[Record], dimensions: Mapping[str, Any], jurisdictions: Mapping[str, Mapping[str, Any]]) -> Model:
    recs = sorted(records, key=lambda r: str(r["id"]))
    m = Model(records=recs, dimensions=dimensions, jurisdictions=jurisdictions)
    m.by_id = {r["id"]: r for r in recs}
    incoming: dict[str, list[tuple[str, str]]] = defaultdict(list)
    claims_about: dict[str, list[str]] = defaultdict(list)
    by_jur: dict[str, list[Record]] = defaultdict(list)
    entries: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for r in recs:
        by_jur[r["jurisdiction"]].append(r)
        for rel in r.get("relations", []):
            incoming[rel["target"]].append((RELATION_REVERSE.get(rel["type"], rel["type"]), r["id"]))
        for pid in r.get("about", {}).get("policies", []):
            claims_about[pid].append(r["id"])
        for i, p in enumerate(r.get("provisions", []), start=1):
            entries[(r["jurisdiction"], p["dimension"])].append(Entry(
                record_id=r["id"], label=short_label(r), kind=str(r["kind"]), status=str(r.get("status", "")),
                group=status_group(r.get("status")), local="locality" in r, dimension=p["dimension"],
                answer=p["answer"], citation=str(p.get("citation", "")), index=i))
    m.incoming = {k: sorted(v) for k, v in incoming.items()}
    m.claims_about = {k: sorted(v) for k, v in claims_about.items()}
    m.by_jurisdiction = dict(by_jur)
    m.entries = dict(entries)
    m.coverage_table = coverage(recs, list(dimensions), jurisdictions)
    for r in recs:
        m.sourcing[r["id"]] = t = Tally()
        for fact in facts(r):
            t.add(fact)
    m.coverage_entries = {(r["jurisdiction"], e["dimension"]): e for r in recs if r.get("kind") == "coverage" for e in r.get("entries", [])}
    m._claims = sorted((r for r in recs if r.get("kind") == "claim"), key=lambda r: (str(r.get("made_on")), r["id"]), reverse=True)
    return m
