"""Each file sits at policies/<jurisdiction>/<folder for its kind>/<id>.yaml."""

from policykb.project import KIND_FOLDERS, RECORDS_DIR
from policykb.rules.base import Rule


def expected_path(data):
    return f"{RECORDS_DIR}/{data['jurisdiction']}/{KIND_FOLDERS[data['kind']]}/{data['id']}.yaml"


def check(record, ctx):
    want = expected_path(record.data)
    if record.path != want:
        yield record.problem(RULE.id, (), f"a {record.kind} of '{record.data['jurisdiction']}' belongs at {want}; move the file there (git mv {record.path} {want})")


RULE = Rule("file-location", "A file sits in the folder its jurisdiction and kind imply.", "record", check)
