from tests.conftest import coverage_record, only, policy


def _entry(dimension, **extra):
    return {"dimension": dimension, "finding": "none-found", "researched_on": "2026-11-01",
            "searched": "California Legislative Information bill search, 2024-2026.", "sources": ["leg"], **extra}


def test_unknown_and_repeated_dimensions(repo):
    path = repo.write(coverage_record(entries=[_entry("courthouse-arrest"), _entry("data-privacy"), _entry("data-privacy")]))
    problems = only(repo.validate(), "coverage-entries")
    assert problems[0][:3] == (path, *repo.find(path, "courthouse-arrest"))
    assert problems[0][3].startswith("dimension 'courthouse-arrest' is not in the codebook; did you mean 'courthouse-arrests'?")
    assert problems[1][3] == "dimension 'data-privacy' is listed twice; keep one entry"


def test_none_found_cannot_contradict_a_record_in_force(repo):
    repo.write(policy())  # in force in us-ca, codes detainer-holds
    repo.write(policy(id="us-ca-bill-act", kind="bill", status="introduced", provisions=[
        {"dimension": "data-privacy", "answer": "restricts", "citation": "§ 1", "note": "n", "sources": ["leg"]}]))
    path = repo.write(coverage_record(entries=[_entry("detainer-holds"), _entry("data-privacy")]))
    assert only(repo.validate(), "coverage-entries") == [
        (path, *repo.find(path, "detainer-holds"), "us-ca-test-act is in force and codes 'detainer-holds', so 'none-found' is not true; remove this entry")]


def test_id_is_the_jurisdiction_plus_coverage(repo):
    path = repo.write(coverage_record(id="us-ca-research"))
    assert "a coverage record's id is its jurisdiction plus '-coverage': use 'us-ca-coverage' (and name the file us-ca-coverage.yaml)" in [
        m for *_, m in only(repo.validate(), "coverage-entries")]
    assert path


def test_valid_coverage_passes(repo):
    repo.write(policy())
    repo.write(coverage_record())
    assert repo.validate() == []


def test_unresolved_entry_goes_once_the_dimension_is_answered(repo):
    repo.write(policy())  # in force in us-ca, codes detainer-holds
    path = repo.write(coverage_record(entries=[_entry("detainer-holds", finding="unresolved", blocker="The outcome of AB 1 was not found.")]))
    assert only(repo.validate(), "coverage-entries") == [
        (path, *repo.find(path, "detainer-holds"), "us-ca-test-act is in force and codes 'detainer-holds', so it is no longer unresolved; remove this entry")]
