from tests.conftest import only, policy


def test_enacted_bill(repo):
    path = repo.write(policy(id="us-ca-test-bill", kind="bill", status="enacted"))
    assert only(repo.validate(), "status-for-kind") == [(
        path, *repo.find(path, "enacted"),
        "status 'enacted' does not fit a bill. Allowed: proposed, introduced, passed-one-chamber, passed-legislature, "
        "vetoed, died, withdrawn. An enacted bill is a statute: set kind: statute and move the file to statutes/.",
    )]


def test_court_decision_with_law_status(repo):
    path = repo.write(policy(id="us-ca-test-case", kind="court-decision", status="in-effect",
                             history=[{"date": "2025-06-01", "event": "decided", "sources": ["leg"]}]))
    [(p, line, _, msg)] = only(repo.validate(), "status-for-kind")
    assert (p, line) == (path, repo.find(path, "status:")[0])
    assert msg.startswith("status 'in-effect' does not fit a court-decision. Allowed: pending, decided")


def test_fitting_status_passes(repo):
    repo.write(policy())
    assert only(repo.validate(), "status-for-kind") == []
