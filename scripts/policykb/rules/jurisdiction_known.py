"""Jurisdiction ids exist in schema/jurisdictions.yaml."""

from policykb.problems import did_you_mean
from policykb.rules.base import Rule


def check(record, ctx):
    known = list(ctx.project.jurisdictions)
    places = [(("jurisdiction",), record.data["jurisdiction"])]
    about = record.data.get("about", {})
    places += [(("about", "jurisdictions", i), j) for i, j in enumerate(about.get("jurisdictions", []))]
    for path, jur in places:
        if jur not in ctx.project.jurisdictions:
            hint = did_you_mean(jur, known)
            yield record.problem(RULE.id, path, f"jurisdiction '{jur}' is not in schema/jurisdictions.yaml;{hint or ' use us for federal or us-<postal code>, e.g. us-ny'}")


RULE = Rule("jurisdiction-known", "Jurisdiction ids exist in schema/jurisdictions.yaml.", "record", check)
