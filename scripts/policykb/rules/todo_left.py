"""No TODO is left from a `policykb new` skeleton."""

from policykb.rules.base import Rule


def check(record, ctx):
    for path, value in record.strings:
        if value.strip().upper().startswith("TODO"):
            yield record.problem(RULE.id, path, "still says TODO; fill it in, or delete the field if it does not apply")


RULE = Rule("todo-left", "No TODO placeholder is left in a record.", "record", check)
