from tests.conftest import agreement, only

SOURCE_KEY = "ice"


def _listed(**listing):
    return agreement(ice_listing={"names": ["Example County Sheriff's Office"], **listing})


def test_removed_agreement_needs_the_date(repo):
    path = repo.write(_listed(participating={"first_listed": "2025-02-21", "last_listed": "2025-05-16"}) | {"status": "no-longer-listed"})
    assert only(repo.validate(), "agreement-listing") == [
        (path, *repo.find(path, "status: no-longer-listed")[:1], len("status: ") + 1,
         "status is no-longer-listed but ice_listing.removed is missing; add the date of the first ICE list that no longer showed it")]


def test_removed_date_must_agree_with_status_and_follow_the_last_listing(repo):
    path = repo.write(_listed(participating={"first_listed": "2025-02-21", "last_listed": "2025-05-16"}, removed="2025-05-16"))
    msgs = [m for *_, m in only(repo.validate(), "agreement-listing")]
    assert msgs == ["ice_listing.removed is set but status is 'active'; remove the date or set status: no-longer-listed",
                    "removed 2025-05-16 is not after the last listing (2025-05-16); it must be the date of a later list"]
    assert path


def test_dates_in_order(repo):
    rec = _listed(participating={"first_listed": "2025-07-18", "last_listed": "2025-05-16"},
                  events=[{"date": "2025-07-18", "change": "renamed", "sources": [SOURCE_KEY]},
                          {"date": "2025-05-16", "change": "listed-participating", "sources": [SOURCE_KEY]}],
                  anomalies=[{"kind": "whitespace", "detail": "Spaces.", "first_seen": "2025-07-18", "last_seen": "2025-05-16"}])
    path = repo.write(rec)
    problems = only(repo.validate(), "agreement-listing")
    assert [m for *_, m in problems] == [
        "last_listed 2025-05-16 is before first_listed 2025-07-18; swap them or fix the dates",
        "event dated 2025-05-16 comes after one dated 2025-07-18; keep events oldest first",
        "last_seen 2025-05-16 is before first_seen 2025-07-18",
    ]
    assert problems[0][:2] == (path, repo.find(path, "last_listed:")[0])


def test_active_listing_without_a_list(repo):
    path = repo.write(_listed())
    assert [m for *_, m in only(repo.validate(), "agreement-listing")] == [
        "status is 'active' but ice_listing names no list (participating or pending) that showed it"]
    assert path


def test_consistent_listing_passes(repo):
    repo.write(_listed(participating={"first_listed": "2025-02-21", "last_listed": "2025-05-16"}, removed="2025-06-17") | {"status": "no-longer-listed"})
    repo.write(agreement(id="us-tx-other-county-sheriffs-office-tfm"))  # a hand-made record with no listing
    assert only(repo.validate(), "agreement-listing") == []
