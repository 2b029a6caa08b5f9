from tests.conftest import only, policy


def test_impossible_calendar_date(repo):
    rec = policy()
    rec["history"][1]["date"] = "2025-02-30"
    path = repo.write(rec)
    line, col = repo.find(path, "2025-02-30")
    assert only(repo.validate(), "real-dates") == [
        (path, line, col, "'2025-02-30' is not a real calendar date; check the day and month (YYYY-MM-DD)")
    ]


def test_malformed_date_is_a_schema_error(repo):
    path = repo.write(policy(effective="2026-1-1"))
    [problem] = [p for p in repo.validate() if p.rule == "schema"]
    assert (problem.line, problem.col) == repo.find(path, "2026-1-1")
    assert "is not a valid date; expected: A calendar date written YYYY-MM-DD" in problem.message


def test_real_dates_pass(repo):
    repo.write(policy(effective="2028-02-29"))  # a leap day
    assert only(repo.validate(), "real-dates") == []
