"""The id equals the file name without .yaml, so a record is found by its id."""

from pathlib import PurePosixPath

from policykb.rules.base import Rule


def check(record, ctx):
    stem = PurePosixPath(record.path).stem
    if record.id != stem:
        yield record.problem(RULE.id, ("id",), f"id '{record.id}' differs from the file name '{stem}'; rename the file to '{record.id}.yaml' or change the id to '{stem}'")


RULE = Rule("id-matches-filename", "A record's id equals its file name without .yaml.", "record", check)
