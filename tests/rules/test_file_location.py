from tests.conftest import claim, only, policy


def test_record_in_wrong_folder(repo):
    path = repo.write(policy(), "policies/us-ca/bills/us-ca-test-act.yaml")
    assert only(repo.validate(), "file-location") == [(
        path, *repo.find(path, "id:"),
        "a statute of 'us-ca' belongs at policies/us-ca/statutes/us-ca-test-act.yaml; "
        "move the file there (git mv policies/us-ca/bills/us-ca-test-act.yaml policies/us-ca/statutes/us-ca-test-act.yaml)",
    )]


def test_record_in_wrong_jurisdiction_folder(repo):
    path = repo.write(claim(), "policies/us/claims/us-ny-claim-example.yaml")
    [(p, *_rest)] = only(repo.validate(), "file-location")
    assert p == path


def test_records_in_their_folders_pass(repo):
    repo.write(policy())
    repo.write(claim())
    assert only(repo.validate(), "file-location") == []
