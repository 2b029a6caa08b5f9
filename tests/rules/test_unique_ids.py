from tests.conftest import only, policy


def test_same_id_in_two_files(repo):
    first = repo.write(policy())
    second = repo.write(policy(), "policies/us-ca/bills/us-ca-test-act.yaml")
    # every file that shares the id is reported, so a check of either file alone finds it
    assert only(repo.validate(), "unique-ids") == sorted([
        (first, 1, 1, f"id 'us-ca-test-act' is also used by {second}; give one of these records another id"),
        (second, 1, 1, f"id 'us-ca-test-act' is also used by {first}; give one of these records another id"),
    ])


def test_distinct_ids_pass(repo):
    repo.write(policy())
    repo.write(policy(id="us-ca-other-act"))
    assert only(repo.validate(), "unique-ids") == []
