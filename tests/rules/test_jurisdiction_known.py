from tests.conftest import claim, only, policy


def test_unknown_jurisdiction_with_suggestion(repo):
    rec = claim()
    rec["about"] = {"jurisdictions": ["us-nx"]}
    path = repo.write(rec)
    [(p, line, col, msg)] = only(repo.validate(), "jurisdiction-known")
    assert (p, line, col) == (path, *repo.find(path, "us-nx"))
    assert msg.startswith("jurisdiction 'us-nx' is not in schema/jurisdictions.yaml; did you mean 'us-")


def test_unknown_main_jurisdiction(repo):
    path = repo.write(policy(id="us-zz-test-act", jurisdiction="us-zz"))
    [(p, line, col, msg)] = only(repo.validate(), "jurisdiction-known")
    assert (p, line, col) == (path, *repo.find(path, "us-zz", 2))
    assert "'us-zz' is not in schema/jurisdictions.yaml" in msg


def test_territories_and_federal_pass(repo):
    repo.write(policy(id="us-gu-test-act", jurisdiction="us-gu"))
    repo.write(policy(id="us-mp-test-act", jurisdiction="us-mp"))
    repo.write(policy(id="us-test-act", jurisdiction="us"))
    assert only(repo.validate(), "jurisdiction-known") == []
