"""Provisions use dimensions and answers that exist in the codebook."""

from policykb.problems import did_you_mean
from policykb.rules.base import Rule


def check(record, ctx):
    dims = ctx.project.dimensions
    for i, prov in enumerate(record.data.get("provisions", [])):
        dim_id, answer = prov["dimension"], prov["answer"]
        dim = dims.get(dim_id)
        if dim is None:
            hint = did_you_mean(dim_id, list(dims))
            yield record.problem(RULE.id, ("provisions", i, "dimension"), f"dimension '{dim_id}' is not in the codebook;{hint} Dimensions: {', '.join(dims)}")
            continue
        if answer == "not-addressed":
            yield record.problem(RULE.id, ("provisions", i, "answer"), f"a provision records what a text says; remove this provision instead of coding '{dim_id}' as not-addressed")
        elif answer not in dim.values:
            hint = did_you_mean(answer, dim.values)
            yield record.problem(RULE.id, ("provisions", i, "answer"), f"answer '{answer}' is not allowed for {dim_id};{hint} Allowed: {', '.join(v for v in dim.values if v != 'not-addressed')}")


RULE = Rule("codebook-answers", "Provisions use the codebook's dimensions and answers.", "record", check)
