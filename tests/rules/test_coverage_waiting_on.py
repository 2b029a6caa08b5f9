from tests.conftest import coverage_record, only, policy

BLOCKER = "The outcome of AB 9 (record us-ca-ab-9-2026), which would bar courthouse arrests, was not found."


def _bill(status="introduced"):
    bill = policy(id="us-ca-ab-9-2026", kind="bill", status=status, status_as_of="2026-01-10",
                  history=[{"date": "2026-01-10", "event": "introduced", "sources": ["leg"]}], provisions=[
        {"dimension": "courthouse-arrests", "answer": "prohibits", "note": "Would bar civil arrests at courthouses.", "sources": ["leg"]}])
    del bill["effective"]
    if status == "passed-one-chamber":
        bill["history"].append({"date": "2026-02-01", "event": "passed-chamber", "sources": ["leg"]})
        bill["status_as_of"] = "2026-02-01"
    return bill


def _open_cell(*waits):
    return coverage_record(entries=[{
        "dimension": "courthouse-arrests", "finding": "unresolved", "researched_on": "2026-11-01",
        "searched": "California Legislative Information bill search for courthouse arrests, 2024-2026.",
        "blocker": BLOCKER, "waiting_on": [{"record": r, "status": s} for r, s in waits], "sources": ["leg"]}])


def test_open_cell_waiting_on_an_unchanged_bill_passes(repo):
    repo.write(_bill())
    repo.write(_open_cell(("us-ca-ab-9-2026", "introduced")))
    assert repo.validate() == []


def test_a_status_change_asks_for_the_cell_to_be_looked_at_again(repo):
    repo.write(_bill(status="passed-one-chamber"))
    path = repo.write(_open_cell(("us-ca-ab-9-2026", "introduced")))
    line, col = repo.find(path, "status: introduced")
    assert only(repo.validate(), "coverage-waiting-on") == [(
        path, line, col + len("status: "),
        "the courthouse-arrests cell waits on us-ca-ab-9-2026, which was 'introduced' when the cell was researched "
        "(2026-11-01) and is now 'passed-one-chamber'. If that settles the dimension, code the answer on the record "
        "in force or make this entry none-found; otherwise update the blocker and set this status to 'passed-one-chamber'")]


def test_an_unknown_record_is_reported_with_a_suggestion(repo):
    repo.write(_bill())
    path = repo.write(_open_cell(("us-ca-ab-9-2025", "introduced")))
    [(p, line, _col, message)] = only(repo.validate(), "coverage-waiting-on")
    assert (p, line) == (path, repo.find(path, "us-ca-ab-9-2025")[0])
    assert message.startswith("no record has id 'us-ca-ab-9-2025'; did you mean 'us-ca-ab-9-2026'?")


def test_a_none_found_entry_cannot_wait_on_anything(repo):
    repo.write(_bill())
    cell = _open_cell(("us-ca-ab-9-2026", "introduced"))
    del cell["entries"][0]["blocker"]
    cell["entries"][0]["finding"] = "none-found"
    path = repo.write(cell)
    messages = [p.message for p in repo.validate() if p.rule == "schema" and p.path == path]
    assert any(m.startswith("'waiting_on' is not allowed") and "a none-found entry waits on nothing" in m for m in messages)
