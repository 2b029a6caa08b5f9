from tests.conftest import claim, only, policy


def test_signed_before_introduced(repo):
    rec = policy()
    rec["history"] = [
        {"date": "2025-06-01", "event": "signed", "sources": ["leg"]},
        {"date": "2025-07-01", "event": "introduced", "sources": ["leg"]},
    ]
    rec["effective"] = "2026-01-01"
    path = repo.write(rec)
    msgs = only(repo.validate(), "date-order")
    assert (path, *repo.find(path, "2025-06-01"), "enacted on 2025-06-01 is before introduced on 2025-07-01; check both dates") in msgs


def test_history_out_of_order(repo):
    rec = policy()
    rec["history"] = list(reversed(rec["history"]))
    path = repo.write(rec)
    assert (path, *repo.find(path, "2025-01-02"),
            "history is not in date order: 2025-01-02 comes after 2025-06-01; list events oldest first") in only(repo.validate(), "date-order")


def test_effective_before_enacted_and_sunset_before_effective(repo):
    path = repo.write(policy(effective="2025-05-01", valid_through="2025-04-01"))
    assert only(repo.validate(), "date-order") == [
        (path, *repo.find(path, "effective: 2025-05-01")[:1], len("effective: ") + 1,
         "effective date 2025-05-01 is before the date it was enacted (2025-06-01); check both dates"),
        (path, *repo.find(path, "valid_through:")[:1], len("valid_through: ") + 1,
         "valid_through 2025-04-01 must be after the effective date 2025-05-01"),
    ]


def test_future_and_period_order(repo):
    rec = claim(made_on="2027-01-01")
    rec["figures"][0]["period_end"] = "2025-01-01"
    path = repo.write(rec)
    msgs = [m for *_, m in only(repo.validate(), "date-order")]
    assert "period_end 2025-01-01 is before period_start 2025-01-20" in msgs
    assert "made_on 2027-01-01 is in the future; check the year" in msgs
    assert path


def test_dates_in_order_pass(repo):
    repo.write(policy())
    repo.write(claim())
    assert only(repo.validate(), "date-order") == []
