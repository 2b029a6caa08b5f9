from tests.conftest import only, policy


def test_id_differs_from_file_name(repo):
    path = repo.write(policy(), "policies/us-ca/statutes/us-ca-other-name.yaml")
    problems = only(repo.validate(), "id-matches-filename")
    assert problems == [(path, *repo.find(path, "us-ca-test-act"),
                         "id 'us-ca-test-act' differs from the file name 'us-ca-other-name'; rename the file to 'us-ca-test-act.yaml' or change the id to 'us-ca-other-name'")]


def test_id_equal_to_file_name_passes(repo):
    repo.write(policy())
    assert only(repo.validate(), "id-matches-filename") == []
