"""A none-found coverage cell is not contradicted by a bill that may have become law, and names pending bills.

``none-found`` says research found no jurisdiction-wide policy in force on a dimension. A bill of the
same jurisdiction that codes that dimension and has passed at least one chamber, with no later outcome
recorded, may since have been enacted: the cell cannot honestly say none-found until the bill's
outcome is recorded (enacted, died, vetoed) or the cell is made ``unresolved`` and waits on the bill.
A bill that was only introduced or proposed does not block none-found, but the entry's ``searched``
text must name it, so a reader of the cell learns that a change is pending.
"""

from policykb.rules.base import Rule

ADVANCED = ("passed-one-chamber", "passed-legislature")
EARLY = ("proposed", "introduced")


def _names(bill):
    """The ways a searched text may name a bill: its id, short title, aliases and identifier values."""
    data = bill.data
    names = [bill.id, str(data.get("short_title") or ""), *map(str, data.get("aliases", []))]
    names += [str(i.get("value", "")) for i in data.get("identifiers", [])]
    return [n for n in names if n]


def check(record, ctx):
    if record.kind != "coverage":
        return
    jurisdiction = record.data["jurisdiction"]
    bills = [r for r in ctx.by_jurisdiction.get(jurisdiction, [])
             if r.kind == "bill" and "locality" not in r.data and r.data.get("status") in ADVANCED + EARLY]
    if not bills:
        return
    for i, entry in enumerate(record.data["entries"]):
        if entry.get("finding") != "none-found":
            continue
        dim = entry["dimension"]
        for bill in bills:
            if not any(p["dimension"] == dim for p in bill.data.get("provisions", [])):
                continue
            status, as_of = bill.data["status"], bill.data.get("status_as_of", "an unknown date")
            if status in ADVANCED:
                yield record.problem(
                    RULE.id, ("entries", i, "finding"),
                    f"{bill.id} codes {dim} and was '{status}' as of {as_of}, so it may have been enacted since and "
                    f"'none-found' may not be true. Record its outcome on the bill (enacted, died or vetoed, with a "
                    f"source), or make this entry 'unresolved' with a blocker and waiting_on: "
                    f"[{{record: {bill.id}, status: {status}}}]")
            elif not any(name in entry.get("searched", "") for name in _names(bill)):
                yield record.problem(
                    RULE.id, ("entries", i, "searched"),
                    f"{bill.id}, a pending bill ('{status}' as of {as_of}) that codes {dim}, is not named in this "
                    f"entry's searched text; name it (its number or 'record {bill.id}') so readers know a change "
                    f"is pending")


RULE = Rule("coverage-pending-bill",
            "A none-found coverage cell names the pending bills on its dimension and is not contradicted by one that may have become law.",
            "record", check)
