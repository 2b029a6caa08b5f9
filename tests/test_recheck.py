"""policykb recheck: pending records, open coverage cells and uncited provisions, oldest first."""

from policykb.cli import main
from policykb.recheck import pinpointed, queue
from tests.conftest import agreement, coverage_record, policy

OPEN = {"dimension": "data-privacy", "finding": "unresolved", "researched_on": "2026-11-02", "searched": "California bill search.",
        "blocker": "The outcome of AB 1 (2026),\n which would limit data sharing, was not found.", "sources": ["leg"]}


def _bill(id, status, as_of=None, jurisdiction="us-ca"):
    rec = policy(id=id, kind="bill", status=status, short_title=id.upper(), jurisdiction=jurisdiction)
    if as_of:
        rec["status_as_of"] = as_of
    return rec


def _uncited():
    rec = policy(id="us-tx-uncited-act", jurisdiction="us-tx", review={"last_verified": "2026-01-15"})
    rec["provisions"].append({"dimension": "information-sharing", "answer": "requires", "note": "Described by a news report.",
                              "sources": ["leg"]})
    return rec


def _records():
    cov = coverage_record()
    cov["entries"].append({**OPEN, "waiting_on": [{"record": "us-ca-ab-1-2026", "status": "introduced"}]})  # the none-found entry
    # already there is settled: not listed
    uncited_bill = _bill("us-ca-ab-9-2024", "introduced")
    del uncited_bill["provisions"][0]["citation"]  # listed as a pending bill, not as an uncited provision
    return [policy(), cov, _uncited(), _bill("us-ca-ab-1-2026", "introduced", "2026-03-01"), _bill("us-ca-sb-2-2025", "died", "2025-09-01"),
            _bill("us-tx-hb-3-2025", "passed-one-chamber", "2025-04-01", "us-tx"), uncited_bill]


def test_pending_records_open_cells_and_uncited_provisions_oldest_first_undated_first_of_all():
    items = queue(_records())
    assert [(i.since, i.record, i.what, i.subject) for i in items] == [
        ("undated", "us-ca-ab-9-2024", "pending", "introduced"),
        ("2025-04-01", "us-tx-hb-3-2025", "pending", "passed-one-chamber"),
        ("2026-01-15", "us-tx-uncited-act", "uncited", "information-sharing"),
        ("2026-03-01", "us-ca-ab-1-2026", "pending", "introduced"),
        ("2026-11-02", "us-ca-coverage", "open", "data-privacy"),
    ]  # the cited provisions, the died bill and the none-found cell are settled
    assert items[-1].text == "The outcome of AB 1 (2026), which would limit data sharing, was not found."
    assert items[1].line() == "2025-04-01  us-tx-hb-3-2025: still passed-one-chamber? (US-TX-HB-3-2025)"
    assert items[3].line() == "2026-03-01  us-ca-ab-1-2026: still introduced? (US-CA-AB-1-2026); 1 open cell(s) wait on it"
    assert items[2].line() == "2026-01-15  us-tx-uncited-act: information-sharing (requires) has no pinpoint citation"
    assert items[-1].line(width=20) == "2026-11-02  us-ca-coverage: data-privacy is open: The outcome of AB 1…"


def test_before_and_jurisdiction_narrow_the_list():
    assert [(i.record, i.what) for i in queue(_records(), before="2026-03-01")] == [
        ("us-ca-ab-9-2024", "pending"), ("us-tx-hb-3-2025", "pending"), ("us-tx-uncited-act", "in-force"),
        ("us-tx-uncited-act", "uncited")]
    assert [i.record for i in queue(_records(), jurisdictions=["us-tx"])] == ["us-tx-hb-3-2025", "us-tx-uncited-act"]


def test_recheck_command(repo, capsys):
    for rec in _records()[:4]:
        repo.write(rec)
    assert main(["--root", str(repo.root), "recheck"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["2026-01-15  us-tx-uncited-act: information-sharing (requires) has no pinpoint citation",
                   "2026-03-01  us-ca-ab-1-2026: still introduced? (US-CA-AB-1-2026); 1 open cell(s) wait on it",
                   "2026-11-02  us-ca-coverage: data-privacy is open: The outcome of AB 1 (2026), which would limit data sharing, was not found.",
                   "1 pending record(s), 1 open coverage cell(s) and 1 provision(s) in force without a pinpoint citation to check again."]
    assert main(["--root", str(repo.root), "recheck", "--format", "csv", "--before", "2026-11-01"]) == 0
    assert capsys.readouterr().out.splitlines() == ["since,jurisdiction,record,what,subject,text,open_cells_waiting",
                                                    "2026-01-15,us-tx,us-tx-uncited-act,in-force,enacted,Test Act,",
                                                    "2026-01-15,us-tx,us-tx-uncited-act,uncited,information-sharing,requires,",
                                                    "2026-03-01,us-ca,us-ca-ab-1-2026,pending,introduced,US-CA-AB-1-2026,1"]
    assert main(["--root", str(repo.root), "recheck", "--before", "yesterday"]) == 2
    assert main(["--root", str(repo.root), "recheck", "--jurisdiction", "us-zz"]) == 2


def test_a_citation_that_says_its_section_is_unknown_is_not_a_pinpoint():
    for placeholder in ("Directive 2018-6 (section pinpoint not confirmed)", "HB 8004 (2025 special session); section pinpoint not seen",
                        "AB 668 (2019); code sections not confirmed", "Executive order of December 2025 (number and paragraph not seen)",
                        "Executive-branch detainer policy of August 2014 (text not seen)", "", None):
        assert not pinpointed(placeholder), placeholder
    for pinpoint in ("Gov. Code § 7284.6(a)(1)(B), (a)(4)", "General Statutes section 54-192h(b)(1)(A) and (C) (wording through Public "
                     "Act 19-23; 2025 additions not seen in it)", "Utah Code 76-10-2901 (as enacted; renumbering after 2025 not confirmed)"):
        assert pinpointed(pinpoint), pinpoint


def test_provisions_citing_only_the_instrument_are_listed_with_their_citation():
    rec = _uncited()
    rec["provisions"][-1]["citation"] = "Act 5 (2025); section pinpoint not confirmed"
    [item] = [i for i in queue([rec]) if i.what == "uncited"]
    assert item.line() == ("2026-01-15  us-tx-uncited-act: information-sharing (requires; citation: Act 5 (2025); section pinpoint "
                           "not confirmed) has no pinpoint citation")


def test_before_also_lists_cells_researched_with_none_found_and_records_in_force_verified_before_that_date(repo, capsys):
    everyday = queue(_records())
    assert not [i for i in everyday if i.what in ("none-found", "in-force")]  # settled: not on the everyday list
    assert not [i for i in queue(_records(), before="2026-11-01") if i.what == "none-found"]  # researched on that day
    later = queue(_records() + [agreement()], before="2026-11-02")
    [cell] = [i for i in later if i.what == "none-found"]
    assert (cell.since, cell.record, cell.subject) == ("2026-11-01", "us-ca-coverage", "courthouse-arrests")
    assert cell.line(width=60) == ("2026-11-01  us-ca-coverage: courthouse-arrests had none found; search again: "
                                   "California Legislative Information bill search for courthou…")
    # laws in force, each dated by its last verification; 287(g) agreements are the importer's to re-check
    assert [(i.since, i.record) for i in later if i.what == "in-force"] == [("2026-01-15", "us-tx-uncited-act"),
                                                                          ("2026-11-01", "us-ca-test-act")]
    assert [i for i in later if i.what == "in-force"][0].line() == "2026-01-15  us-tx-uncited-act: still enacted? (Test Act)"
    for rec in _records()[:4]:
        repo.write(rec)
    assert main(["--root", str(repo.root), "recheck", "--before", "2026-11-02", "--jurisdiction", "us-ca"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2026-03-01  us-ca-ab-1-2026: still introduced?")
    assert out[1].startswith("2026-11-01  us-ca-coverage: courthouse-arrests had none found; search again: California")
    assert out[2] == "2026-11-01  us-ca-test-act: still enacted? (Test Act)"
    assert out[-1] == ("1 pending record(s), 0 open coverage cell(s), 0 provision(s) in force without a pinpoint citation, 1 "
                       "coverage cell(s) researched with none found and 1 record(s) in force (287(g) agreements aside) to check "
                       "again, last established before 2026-11-02.")
