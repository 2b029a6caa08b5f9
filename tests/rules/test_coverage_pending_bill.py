from tests.conftest import coverage_record, only, policy

SEARCHED = "California Legislative Information bill search for courthouse arrests, 2024-2026."


def _bill(status="introduced", dimension="courthouse-arrests", **changes):
    fields = {"id": "us-ca-ab-9-2026", "kind": "bill", "short_title": "AB 9 (2026)", "status": status,
              "status_as_of": "2026-01-10",
              "history": [{"date": "2026-01-10", "event": "introduced", "sources": ["leg"]}],
              "provisions": [{"dimension": dimension, "answer": "prohibits", "note": "Would bar civil arrests at courthouses.",
                              "sources": ["leg"]}]}
    bill = policy(**{**fields, **changes})
    del bill["effective"]
    if status in ("passed-one-chamber", "died"):
        event = "passed-chamber" if status == "passed-one-chamber" else "died"
        bill["history"].append({"date": "2026-02-01", "event": event, "sources": ["leg"]})
        bill["status_as_of"] = "2026-02-01"
    return bill


def _none_found(searched=SEARCHED):
    cell = coverage_record()
    cell["entries"][0]["searched"] = searched
    return cell


def test_an_introduced_bill_named_in_searched_passes(repo):
    repo.write(_bill())
    repo.write(_none_found(SEARCHED + " Found only AB 9 (2026), a pending bill."))
    assert only(repo.validate(), "coverage-pending-bill") == []


def test_an_introduced_bill_can_be_named_by_its_record_id(repo):
    repo.write(_bill())
    repo.write(_none_found(SEARCHED + " Found only a pending bill (record us-ca-ab-9-2026)."))
    assert only(repo.validate(), "coverage-pending-bill") == []


def test_an_introduced_bill_not_named_in_searched_is_reported(repo):
    repo.write(_bill())
    path = repo.write(_none_found())
    line, col = repo.find(path, "searched:")
    assert only(repo.validate(), "coverage-pending-bill") == [(
        path, line, col + len("searched: "),
        "us-ca-ab-9-2026, a pending bill ('introduced' as of 2026-01-10) that codes courthouse-arrests, is not named "
        "in this entry's searched text; name it (its number or 'record us-ca-ab-9-2026') so readers know a change "
        "is pending")]


def test_a_bill_that_passed_a_chamber_blocks_none_found_even_when_named(repo):
    repo.write(_bill("passed-one-chamber"))
    path = repo.write(_none_found(SEARCHED + " AB 9 (2026) passed the Assembly."))
    line, col = repo.find(path, "finding: none-found")
    [(p, ln, c, message)] = only(repo.validate(), "coverage-pending-bill")
    assert (p, ln, c) == (path, line, col + len("finding: "))
    assert message.startswith("us-ca-ab-9-2026 codes courthouse-arrests and was 'passed-one-chamber' as of 2026-02-01, "
                              "so it may have been enacted since")
    assert "waiting_on: [{record: us-ca-ab-9-2026, status: passed-one-chamber}]" in message


def test_the_same_bill_is_fine_once_the_cell_is_unresolved_and_waits_on_it(repo):
    repo.write(_bill("passed-one-chamber"))
    cell = coverage_record()
    cell["entries"][0].update(finding="unresolved", blocker="The outcome of AB 9 (2026) was not found.",
                              waiting_on=[{"record": "us-ca-ab-9-2026", "status": "passed-one-chamber"}])
    repo.write(cell)
    assert only(repo.validate(), "coverage-pending-bill") == []


def test_a_bill_that_died_or_codes_another_dimension_or_another_state_is_ignored(repo):
    repo.write(_bill("died"))
    repo.write(_bill("passed-one-chamber", dimension="detainer-holds", id="us-ca-ab-10-2026", short_title="AB 10 (2026)"),
               "policies/us-ca/bills/us-ca-ab-10-2026.yaml")
    repo.write(_bill("passed-one-chamber", id="us-nv-ab-9-2026", jurisdiction="us-nv", short_title="AB 9 (2026)"))
    repo.write(_none_found())
    assert only(repo.validate(), "coverage-pending-bill") == []
