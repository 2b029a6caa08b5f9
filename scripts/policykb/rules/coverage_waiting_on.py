"""An open coverage cell names the records it waits on, and is looked at again when one changes.

An ``unresolved`` coverage entry may list in ``waiting_on`` the records whose outcome (a pending
bill) or text (a law in force not yet read) would settle it, each with the status it had when the
cell was researched. When such a record's status changes (a bill is enacted, dies or is vetoed),
the cell's blocker is out of date: this rule says so, on the coverage entry, until the cell is
settled or its ``waiting_on`` status is brought up to date.
"""

from policykb.problems import did_you_mean
from policykb.rules.base import Rule


def check(record, ctx):
    if record.kind != "coverage":
        return
    for i, entry in enumerate(record.data["entries"]):
        for j, wait in enumerate(entry.get("waiting_on", [])):
            rid, was = wait["record"], wait["status"]
            if rid not in ctx.all_ids:
                hint = did_you_mean(rid, list(ctx.all_ids))
                yield record.problem(RULE.id, ("entries", i, "waiting_on", j, "record"),
                                     f"no record has id '{rid}';{hint or ' check the spelling, or remove this item'}")
                continue
            now = ctx.statuses.get(rid)
            if now is not None and now != was:  # None: not loaded in a scoped check, or a record without status
                yield record.problem(
                    RULE.id, ("entries", i, "waiting_on", j, "status"),
                    f"the {entry['dimension']} cell waits on {rid}, which was '{was}' when the cell was researched "
                    f"({entry['researched_on']}) and is now '{now}'. If that settles the dimension, code the answer "
                    f"on the record in force or make this entry none-found; otherwise update the blocker and set "
                    f"this status to '{now}'")


RULE = Rule("coverage-waiting-on", "An open coverage cell is looked at again when a record it waits on changes status.", "record", check)
