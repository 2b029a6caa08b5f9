from tests.conftest import only, policy


def test_id_without_jurisdiction_prefix(repo):
    path = repo.write(policy(id="us-ny-test-act"), "policies/us-ca/statutes/us-ny-test-act.yaml")
    [(p, line, col, msg)] = only(repo.validate(), "id-jurisdiction-prefix")
    assert (p, line, col) == (path, *repo.find(path, "us-ny-test-act"))
    assert "must start with its jurisdiction 'us-ca-'" in msg


def test_federal_id_that_looks_like_a_state_id(repo):
    path = repo.write(policy(id="us-ca-federal-act", jurisdiction="us"), "policies/us/statutes/us-ca-federal-act.yaml")
    [(p, line, col, msg)] = only(repo.validate(), "id-jurisdiction-prefix")
    assert (p, line) == (path, repo.find(path, "id:")[0])
    assert "starts like the ids of 'us-ca'" in msg


def test_prefixed_ids_pass(repo):
    repo.write(policy())
    repo.write(policy(id="us-ina-test", jurisdiction="us"))  # 'us-in' + 'a' is not Indiana's prefix
    assert only(repo.validate(), "id-jurisdiction-prefix") == []
