"""The status is one that makes sense for the record's kind."""

from policykb.rules.base import Rule

_BEFORE_LAW = ["proposed", "introduced", "passed-one-chamber", "passed-legislature", "vetoed", "died", "withdrawn"]
_LAW = ["enacted", "in-effect", "partly-blocked", "struck-down", "repealed", "expired"]
ALLOWED = {
    "bill": _BEFORE_LAW,
    "statute": _LAW,
    "executive-order": ["proposed", *_LAW, "withdrawn"],
    "directive": ["proposed", *_LAW, "withdrawn"],
    "local-law": _BEFORE_LAW + _LAW,
    "regulation": ["proposed", *_LAW, "withdrawn"],
    "court-decision": ["pending", "decided", "vacated", "reversed"],
    "federal-program": ["proposed", "active", "discontinued"],
}


def check(record, ctx):
    allowed = ALLOWED.get(record.kind)
    status = record.data.get("status")
    if allowed is None or status in allowed:
        return
    tip = ""
    if record.kind == "bill" and status in _LAW:
        tip = " An enacted bill is a statute: set kind: statute and move the file to statutes/."
    elif record.kind == "statute" and status in _BEFORE_LAW:
        tip = " A text that is not law is a bill: set kind: bill and move the file to bills/."
    yield record.problem(RULE.id, ("status",), f"status '{status}' does not fit a {record.kind}. Allowed: {', '.join(allowed)}.{tip}")


RULE = Rule("status-for-kind", "The status is one that fits the record's kind.", "record", check)
