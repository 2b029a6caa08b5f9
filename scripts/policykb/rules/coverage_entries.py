"""A coverage record names real dimensions once each, and never contradicts a record in force."""

from policykb.coverage import IN_FORCE
from policykb.problems import did_you_mean
from policykb.rules.base import Rule


def check(record, ctx):
    if record.kind != "coverage":
        return
    data = record.data
    want = f"{data['jurisdiction']}-coverage"
    if record.id != want:
        yield record.problem(RULE.id, ("id",), f"a coverage record's id is its jurisdiction plus '-coverage': use '{want}' (and name the file {want}.yaml)")
    dims = ctx.project.dimensions
    answered = {}
    for other in ctx.by_jurisdiction.get(data["jurisdiction"], []):
        if other.data.get("status") in IN_FORCE and "locality" not in other.data:
            for p in other.data.get("provisions", []):
                answered.setdefault(p["dimension"], other.id)
    seen = set()
    for i, entry in enumerate(data["entries"]):
        dim = entry["dimension"]
        path = ("entries", i, "dimension")
        if dim not in dims:
            hint = did_you_mean(dim, list(dims))
            yield record.problem(RULE.id, path, f"dimension '{dim}' is not in the codebook;{hint} Dimensions: {', '.join(dims)}")
        elif dim in seen:
            yield record.problem(RULE.id, path, f"dimension '{dim}' is listed twice; keep one entry")
        elif dim in answered:
            if entry.get("finding") == "unresolved":
                yield record.problem(RULE.id, path, f"{answered[dim]} is in force and codes '{dim}', so it is no longer unresolved; remove this entry")
            else:
                yield record.problem(RULE.id, path, f"{answered[dim]} is in force and codes '{dim}', so 'none-found' is not true; remove this entry")
        seen.add(dim)


RULE = Rule("coverage-entries", "Coverage entries name codebook dimensions once and do not contradict records in force.", "record", check)
