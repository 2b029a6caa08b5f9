"""No two files share an id (ids are also file names, but folders differ)."""

from policykb.problems import Problem
from policykb.rules.base import Rule


def check(ctx):
    for rid, paths in sorted(ctx.all_ids.items()):
        if len(paths) > 1:
            for path in paths[1:]:
                yield Problem(path, 1, 1, RULE.id, f"id '{rid}' is already used by {paths[0]}; give this record another id")


RULE = Rule("unique-ids", "Ids are unique across the corpus.", "corpus", check)
