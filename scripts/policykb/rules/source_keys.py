"""Source keys are unique within a record, so a citation means one thing."""

from policykb.rules.base import Rule


def check(record, ctx):
    seen = {}
    for i, src in enumerate(record.data["sources"]):
        key = src["key"]
        if key in seen:
            yield record.problem(RULE.id, ("sources", i, "key"), f"source key '{key}' is already used by sources[{seen[key]}]; give each source its own key")
        else:
            seen[key] = i


RULE = Rule("source-keys-unique", "Source keys are unique within a record.", "record", check)
