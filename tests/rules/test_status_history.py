from tests.conftest import only, policy


def test_status_contradicts_newest_event(repo):
    rec = policy(status="vetoed")
    path = repo.write(rec)
    assert only(repo.validate(), "status-history") == [(
        path, *repo.find(path, "vetoed"),
        "status 'vetoed' disagrees with the history: the newest event that sets a status is 'signed' on 2025-06-01, "
        "which means 'enacted'; change the status or add the later event with its source",
    )]


def test_status_without_any_history(repo):
    path = repo.write(policy(history=[]))
    [(p, line, _, msg)] = only(repo.validate(), "status-history")
    assert (p, line) == (path, repo.find(path, "status:")[0])
    assert msg.startswith("status 'enacted' has no history event behind it")


def test_in_effect_before_its_effective_date(repo):
    repo.write(policy(status="in-effect", effective="2027-01-01"))
    assert len(only(repo.validate(), "status-history")) == 1


def test_session_law_citation_shows_enactment_when_the_date_is_unknown(repo):
    rec = policy(status="in-effect", identifiers=[{"type": "session-law", "value": "Oregon Laws 1987, chapter 467"}])
    rec["history"] = [{"date": "1987-02-20", "event": "passed-chamber", "sources": ["leg"]}]
    rec.pop("effective")
    repo.write(rec)
    assert only(repo.validate(), "status-history") == []
    rec["identifiers"] = [{"type": "bill-number", "value": "HB 2314"}]
    repo.write(rec)
    assert len(only(repo.validate(), "status-history")) == 1


def test_agreeing_status_passes(repo):
    repo.write(policy())
    repo.write(policy(id="us-ca-test-act-two", status="in-effect"))  # enacted, effective date passed
    rec = policy(id="us-ca-test-act-three", status="partly-blocked")
    rec["history"].append({"date": "2025-08-01", "event": "enjoined", "sources": ["leg"]})
    repo.write(rec)
    assert only(repo.validate(), "status-history") == []


def test_published_code_section_shows_a_statute_is_law_without_a_dated_event(repo):
    code = [{"type": "code-citation", "value": "Idaho Code 19-6102", "sources": ["leg"]}]
    rec = policy(status="in-effect", history=[], identifiers=code)
    rec.pop("effective")
    repo.write(rec)
    assert repo.validate() == []  # schema-valid too, so the rule did run
    bill = policy(id="us-ca-test-bill", kind="bill", status="enacted", history=[], identifiers=code)
    repo.write(bill)  # a bill's code citation names sections it would add: not evidence of enactment
    assert len(only(repo.validate(), "status-history")) == 1
