"""Relations and claim subjects point at records that exist."""

from policykb.problems import did_you_mean
from policykb.project import POLICY_KINDS
from policykb.rules.base import Rule


def check(record, ctx):
    ids = ctx.all_ids
    kinds = ctx.kinds
    for i, rel in enumerate(record.data.get("relations", [])):
        target = rel["target"]
        path = ("relations", i, "target")
        if target == record.id:
            yield record.problem(RULE.id, path, "a record cannot relate to itself; point at another record")
        elif target not in ids:
            hint = did_you_mean(target, list(ids))
            yield record.problem(RULE.id, path, f"no record has id '{target}';{hint or ' check the spelling or add that record first'}")
    for i, pid in enumerate(record.data.get("about", {}).get("policies", [])):
        path = ("about", "policies", i)
        if pid not in ids:
            hint = did_you_mean(pid, list(ids))
            yield record.problem(RULE.id, path, f"no record has id '{pid}';{hint or ' check the spelling or add that record first'}")
        elif pid in kinds and kinds[pid] not in POLICY_KINDS:
            yield record.problem(RULE.id, path, f"'{pid}' is a {kinds[pid]}, not a policy; about.policies lists policy records only")


RULE = Rule("references-resolve", "Every reference to another record resolves.", "record", check)
