"""An agreement's ICE listing is consistent: its dates are in order, and it is removed exactly
when its status says it is no longer listed."""

from policykb.rules.base import Rule

LISTS = ("participating", "pending")


def check(record, ctx):
    listing = record.data.get("ice_listing")
    if record.kind != "agreement-287g" or not listing:
        return
    base = ("ice_listing",)
    for name in LISTS:
        span = listing.get(name)
        if span and span["first_listed"] > span["last_listed"]:
            yield record.problem(RULE.id, (*base, name, "last_listed"),
                                 f"last_listed {span['last_listed']} is before first_listed {span['first_listed']}; swap them or fix the dates")
    last = max((listing[n]["last_listed"] for n in LISTS if n in listing), default=None)
    removed = listing.get("removed")
    status = record.data["status"]
    if status == "no-longer-listed" and last and not removed:
        yield record.problem(RULE.id, ("status",), "status is no-longer-listed but ice_listing.removed is missing; add the date of the first ICE list that no longer showed it")
    if removed and status != "no-longer-listed":
        yield record.problem(RULE.id, (*base, "removed"), f"ice_listing.removed is set but status is '{status}'; remove the date or set status: no-longer-listed")
    if removed and last and removed <= last:
        yield record.problem(RULE.id, (*base, "removed"), f"removed {removed} is not after the last listing ({last}); it must be the date of a later list")
    if status in ("active", "pending") and not any(n in listing for n in LISTS):
        yield record.problem(RULE.id, base, f"status is '{status}' but ice_listing names no list (participating or pending) that showed it")
    dates = [ev["date"] for ev in listing.get("events", [])]
    for i in range(1, len(dates)):
        if dates[i] < dates[i - 1]:
            yield record.problem(RULE.id, (*base, "events", i, "date"), f"event dated {dates[i]} comes after one dated {dates[i - 1]}; keep events oldest first")
            break
    for i, a in enumerate(listing.get("anomalies", [])):
        if a["first_seen"] > a["last_seen"]:
            yield record.problem(RULE.id, (*base, "anomalies", i, "last_seen"), f"last_seen {a['last_seen']} is before first_seen {a['first_seen']}")


RULE = Rule("agreement-listing", "An agreement's ICE listing dates are in order and match its status.", "record", check)
