from tests.conftest import only, policy


def test_same_id_in_two_files(repo):
    first = repo.write(policy())
    second = repo.write(policy(), "policies/us-ca/bills/us-ca-test-act.yaml")
    # files are read in path order, so the bills/ copy is the first user of the id
    assert (second < first) is True
    assert only(repo.validate(), "unique-ids") == [
        (first, 1, 1, f"id 'us-ca-test-act' is already used by {second}; give this record another id")
    ]


def test_distinct_ids_pass(repo):
    repo.write(policy())
    repo.write(policy(id="us-ca-other-act"))
    assert only(repo.validate(), "unique-ids") == []
