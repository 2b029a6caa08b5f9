"""The status agrees with the newest history event that implies a status."""

from datetime import date

from policykb.project import KIND_DEFS, today
from policykb.rules.base import Rule

EVENT_STATUS = {
    "proposed": "proposed", "introduced": "introduced",
    "passed-chamber": "passed-one-chamber", "passed-legislature": "passed-legislature",
    "signed": "enacted", "enacted": "enacted", "veto-overridden": "enacted", "vetoed": "vetoed",
    "effective": "in-effect", "enjoined": "partly-blocked", "injunction-narrowed": "partly-blocked", "injunction-lifted": "in-effect",
    "struck-down": "struck-down", "repealed": "repealed", "expired": "expired", "died": "died",
    "withdrawn": "withdrawn", "filed": "pending", "argued": "pending", "decided": "decided",
    "vacated": "vacated", "reversed": "reversed", "launched": "active", "discontinued": "discontinued",
}


_PRE_LAW = {"proposed", "introduced", "passed-one-chamber", "passed-legislature"}
_LAW = {"enacted", "in-effect", "partly-blocked", "struck-down", "repealed", "expired"}
_ENACTMENT_CITATIONS = {"public-law", "chapter", "session-law"}
_CODIFIED_KINDS = {"statute", "regulation"}


def _future(value):
    try:
        return value is not None and date.fromisoformat(value) > today()
    except ValueError:
        return False


def _shown_as_law(kind, data):
    """A chapter, session-law or public-law number, or (for a statute or regulation) a section of
    the published code, shows that the text is law even when no dated history event is known."""
    types = {i["type"] for i in data.get("identifiers", [])}
    return bool(types & _ENACTMENT_CITATIONS) or (kind in _CODIFIED_KINDS and "code-citation" in types)


def implied_status(history):
    """The status implied by the newest event that implies one, with its index."""
    found = None
    for i, ev in enumerate(history):
        if ev["event"] in EVENT_STATUS:
            found = (EVENT_STATUS[ev["event"]], i)
    return found


def check(record, ctx):
    if KIND_DEFS.get(record.kind) != "policy":
        return
    data = record.data
    status = data["status"]
    found = implied_status(data.get("history", []))
    shown_law = _shown_as_law(record.kind, data)
    if found is None:
        if status in ("enacted", "in-effect") and shown_law:
            return
        if status not in ("proposed", "active"):
            yield record.problem(RULE.id, ("status",), f"status '{status}' has no history event behind it; add a dated history event (with its source) that shows it")
        return
    implied, index = found
    if status == implied:
        return
    # A law status agrees with a history that stops earlier when the text is shown as law
    # (see _shown_as_law): the enactment date is then simply unknown.
    if implied in _PRE_LAW and status in _LAW and shown_law:
        return
    # An enacted text is in effect unless its effective date is still ahead; it has expired
    # once its valid-through date has passed. Neither needs an event of its own.
    if implied == "enacted" and status == "in-effect" and not _future(data.get("effective")):
        return
    if implied in ("enacted", "in-effect") and status == "expired" and data.get("valid_through") and not _future(data["valid_through"]):
        return
    yield record.problem(
        RULE.id, ("status",),
        f"status '{status}' disagrees with the history: the newest event that sets a status is "
        f"'{data['history'][index]['event']}' on {data['history'][index]['date']}, which means '{implied}'; "
        f"change the status or add the later event with its source",
    )


RULE = Rule("status-history", "The status agrees with the history.", "record", check)
