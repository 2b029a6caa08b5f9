"""Schema errors read as plain instructions, at the offending key or value."""

from tests.conftest import agreement, claim, policy


def schema_problems(repo, record):
    path = repo.write(record)
    return path, [p for p in repo.validate() if p.rule == "schema"]


def test_misspelled_status_suggests_the_fix(repo):
    path, [p] = schema_problems(repo, policy(status="enactd"))
    assert (p.path, p.line, p.col) == (path, *repo.find(path, "enactd"))
    assert p.message.startswith("status the text 'enactd' is not allowed here; did you mean 'enacted'? Allowed: proposed, introduced,")


def test_unknown_key_points_at_the_key(repo):
    path, [p] = schema_problems(repo, policy(sumary="x"))
    assert (p.line, p.col) == repo.find(path, "sumary:")
    assert p.message.startswith("unknown key 'sumary' in the record; did you mean 'summary'? Allowed keys: id, kind,")


def test_missing_required_key(repo):
    rec = agreement()
    del rec["model"]
    _, [p] = schema_problems(repo, rec)
    assert p.message.startswith("missing required key 'model' in the record; add it (The 287(g) model")


def test_wrong_type_with_tip(repo):
    rec = claim()
    rec["figures"][0]["value"] = "many"
    path, [p] = schema_problems(repo, rec)
    assert (p.line, p.col) == repo.find(path, "many")
    assert p.message == "figures[0].value must be a number, not the text 'many'"


def test_unknown_kind(repo):
    path = repo.write("id: us-x\nkind: statue\n", "policies/us/statutes/us-x.yaml")
    [p] = [p for p in repo.validate() if p.path == path]
    assert (p.rule, p.line, p.col) == ("schema", 2, 7)
    assert p.message.startswith("kind the text 'statue' is not allowed here; did you mean 'statute'? Allowed:")


def test_valid_records_have_no_schema_problems(repo):
    for rec in (policy(), agreement(), claim()):
        repo.write(rec)
    assert repo.validate() == []


def test_kind_of_the_wrong_type_gives_a_message_not_a_crash(repo):
    path = repo.write("id: us-x\nkind: [statute]\n", "policies/us/statutes/us-x.yaml")
    [p] = [p for p in repo.validate() if p.path == path]
    assert (p.rule, p.line) == ("schema", 2)
    assert p.message.startswith("kind a list is not allowed here. Allowed: statute, bill,")


def test_history_date_known_only_from_a_report(repo):
    rec = policy()
    rec["history"][1]["date_qualifier"] = "on-or-before"
    assert schema_problems(repo, rec)[1] == []
    rec["history"][1]["date_qualifier"] = "about"
    _, [p] = schema_problems(repo, rec)
    assert "'about' is not allowed here" in p.message and "on-or-before" in p.message


def test_coverage_blocker_goes_with_unresolved_only(repo):
    from tests.conftest import coverage_record

    entry = {"dimension": "data-privacy", "researched_on": "2026-11-01", "searched": "California bill search, 2024-2026.", "sources": ["leg"]}
    path, [p] = schema_problems(repo, coverage_record(entries=[{**entry, "finding": "unresolved"}]))
    assert p.message == ("missing required key 'blocker' in entries[0]; add it (an unresolved entry says in 'blocker' what is still "
                         "unknown that would settle the dimension)")
    path, [p] = schema_problems(repo, coverage_record(entries=[{**entry, "finding": "none-found", "blocker": "The outcome of AB 1."}]))
    assert (p.line, p.col) == repo.find(path, "blocker:")
    assert p.message == ("'blocker' is not allowed in entries[0] (a blocker belongs only to a finding of unresolved; "
                         "a none-found entry has nothing left to settle); remove it")
    _, problems = schema_problems(repo, coverage_record(entries=[{**entry, "finding": "unresolved", "blocker": "The outcome of AB 1."}]))
    assert problems == []
