"""Dates follow each other in a possible order, and none lies in the future."""

from datetime import date

from policykb.project import today
from policykb.rules.base import Rule

# Lifecycle steps that must not go backwards: (events, label).
_STAGES = [
    ({"introduced"}, "introduced"),
    ({"passed-chamber", "passed-legislature"}, "passed"),
    ({"signed", "enacted", "veto-overridden"}, "enacted"),
]
_NOT_FUTURE = ("accessed", "last_verified", "status_as_of", "made_on", "signed")


def _d(value):
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # real-dates reports it


def check(record, ctx):
    data = record.data
    rule = RULE.id
    history = data.get("history", [])
    prev = None
    for i, ev in enumerate(history):
        d = _d(ev["date"])
        if d and prev and d < prev:
            yield record.problem(rule, ("history", i, "date"), f"history is not in date order: {ev['date']} comes after {prev.isoformat()}; list events oldest first")
        prev = d or prev
    firsts = []
    for events, label in _STAGES:
        hits = [(i, _d(ev["date"])) for i, ev in enumerate(history) if ev["event"] in events and _d(ev["date"])]
        if hits:
            firsts.append((label, hits[0][0], hits[0][1]))
    for (la, _, da), (lb, ib, db) in zip(firsts, firsts[1:], strict=False):
        if db < da:
            yield record.problem(rule, ("history", ib, "date"), f"{lb} on {db.isoformat()} is before {la} on {da.isoformat()}; check both dates")
    effective = _d(data.get("effective"))
    enacted = next((d for label, _, d in firsts if label == "enacted"), None)
    introduced = next((d for label, _, d in firsts if label == "introduced"), None)
    if effective and (enacted or introduced) and effective < (enacted or introduced):
        which = "enacted" if enacted else "introduced"
        yield record.problem(rule, ("effective",), f"effective date {effective.isoformat()} is before the date it was {which} ({(enacted or introduced).isoformat()}); check both dates")
    until = _d(data.get("valid_through"))
    if until and effective and until <= effective:
        yield record.problem(rule, ("valid_through",), f"valid_through {until.isoformat()} must be after the effective date {effective.isoformat()}")
    for i, fig in enumerate(data.get("figures", [])):
        a, b = _d(fig.get("period_start")), _d(fig.get("period_end"))
        if a and b and b < a:
            yield record.problem(rule, ("figures", i, "period_end"), f"period_end {b.isoformat()} is before period_start {a.isoformat()}")
    for i, src in enumerate(data.get("sources", [])):
        a, b = _d(src.get("published")), _d(src.get("accessed"))
        if a and b and b < a:
            yield record.problem(rule, ("sources", i, "accessed"), f"accessed {b.isoformat()} is before the source was published ({a.isoformat()})")
    now = today()
    for key in _NOT_FUTURE:
        d = _d(data.get(key))
        if d and d > now:
            yield record.problem(rule, (key,), f"{key} {d.isoformat()} is in the future; check the year")
    for i, src in enumerate(data.get("sources", [])):
        d = _d(src.get("accessed"))
        if d and d > now:
            yield record.problem(rule, ("sources", i, "accessed"), f"accessed {d.isoformat()} is in the future; check the year")
    d = _d(data.get("review", {}).get("last_verified"))
    if d and d > now:
        yield record.problem(rule, ("review", "last_verified"), f"last_verified {d.isoformat()} is in the future; check the year")


RULE = Rule("date-order", "Dates are in a possible order and not in the future.", "record", check)
