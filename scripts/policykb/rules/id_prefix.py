"""Ids start with the jurisdiction id, so ids of different jurisdictions never collide."""

import re

from policykb.rules.base import Rule

_STATE_PREFIX = re.compile(r"^us-([a-z]{2})-")


def check(record, ctx):
    jur = record.data["jurisdiction"]
    rid = record.id
    if not rid.startswith(jur + "-"):
        yield record.problem(RULE.id, ("id",), f"id '{rid}' must start with its jurisdiction '{jur}-'; for example '{jur}-{rid.removeprefix('us-')}'")
    elif jur == "us":
        m = _STATE_PREFIX.match(rid)
        if m and f"us-{m.group(1)}" in ctx.project.jurisdictions:
            yield record.problem(RULE.id, ("id",), f"federal id '{rid}' starts like the ids of '{m.group(0)[:-1]}'; choose an id whose second word is not a state code")


RULE = Rule("id-jurisdiction-prefix", "A record's id starts with its jurisdiction id.", "record", check)
