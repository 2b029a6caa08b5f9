from tests.conftest import claim, only, policy


def test_relation_to_missing_record(repo):
    path = repo.write(policy(relations=[{"type": "amends", "target": "us-ca-test-ac"}]))
    line, col = repo.find(path, "target: us-ca-test-ac")
    assert only(repo.validate(), "references-resolve") == [
        (path, line, col + len("target: "), "no record has id 'us-ca-test-ac'; did you mean 'us-ca-test-act'?")
    ]


def test_relation_to_itself(repo):
    repo.write(policy(relations=[{"type": "amends", "target": "us-ca-test-act"}]))
    [(_, _, _, msg)] = only(repo.validate(), "references-resolve")
    assert msg == "a record cannot relate to itself; point at another record"


def test_claim_about_a_missing_or_non_policy_record(repo):
    repo.write(claim(id="us-ny-claim-other"))
    path = repo.write(claim(about={"policies": ["us-ny-nothing-here", "us-ny-claim-other"]}))
    problems = only(repo.validate(path), "references-resolve")
    assert [m for *_, m in problems] == [
        "no record has id 'us-ny-nothing-here'; check the spelling or add that record first",
        "'us-ny-claim-other' is a claim, not a policy; about.policies lists policy records only",
    ]
    assert problems[0][1] == repo.find(path, "us-ny-nothing-here")[0]


def test_resolving_references_pass(repo):
    repo.write(policy())
    repo.write(policy(id="us-ca-amending-act", relations=[{"type": "amends", "target": "us-ca-test-act"}]))
    repo.write(claim(about={"policies": ["us-ca-test-act"], "jurisdictions": ["us-ca"]}))
    assert only(repo.validate(), "references-resolve") == []
