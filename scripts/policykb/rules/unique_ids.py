"""No two files share an id (ids are also file names, but folders differ)."""

from policykb.problems import Problem
from policykb.rules.base import Rule


def check(ctx):
    for rid, paths in sorted(ctx.all_ids.items()):
        if len(paths) > 1:
            for path in paths:
                others = ", ".join(p for p in paths if p != path)
                yield Problem(path, 1, 1, RULE.id, f"id '{rid}' is also used by {others}; give one of these records another id")


RULE = Rule("unique-ids", "Ids are unique across the corpus.", "corpus", check)
