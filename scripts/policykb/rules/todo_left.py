"""No TODO is left from a `policykb new` skeleton."""

import re

from policykb.rules.base import Rule

_TODO = re.compile(r"\s*todo", re.IGNORECASE)


def check(record, ctx):
    for path, value in record.strings:
        if _TODO.match(value):
            yield record.problem(RULE.id, path, "still says TODO; fill it in, or delete the field if it does not apply")


RULE = Rule("todo-left", "No TODO placeholder is left in a record.", "record", check)
