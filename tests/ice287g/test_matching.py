"""The matching rule: which record a listing belongs to, across ICE's renames."""

import pytest

from policykb.ice287g.clean import Listing
from policykb.ice287g.matching import match, same_agency


def _li(agency, model="task-force", jur="us-fl", row=2):
    return Listing(list="participating", row=row, jurisdiction=jur, agency=agency, agency_type="municipality", model=model)


def _rec(rid, agency, model="task-force", jur="us-fl", names=None):
    return {"id": rid, "agency": agency, "jurisdiction": jur, "model": model, "ice_listing": {"names": names or [agency]}}


@pytest.mark.parametrize(("a", "b", "tier"), [
    ("City of Miami Springs Police Department", "Miami Springs Police Department", 2),
    ("New Hampshire State Police", "New Hampshire State Police Department", 2),
    ("Berrian County Sheriff's Offic", "Berrian County Sheriff's Office", 1),
    ("Somerville County Sheriff's Office", "Somervell County Sheriff's Office", 1),
    ("Lake Clark Shores Police Department", "Lake Clarke Shores Police Department", 1),
    ("Lewisville Police Department", "Stinesville Police Department", 0),
    ("Saint Mary Police Department", "Saint Ann Police Department", 0),
    ("Brown County Sheriff's Office", "Red Willow County Sheriff's Office", 0),
    ("Munhall Borough Police Department", "Cornwall Borough Police Department", 0),
])
def test_same_agency(a, b, tier):
    assert same_agency(a, b) == tier == same_agency(b, a)


def test_exact_match_ignores_case_spacing_apostrophes_and_knows_old_names():
    records = {"us-fl-a-tfm": _rec("us-fl-a-tfm", "Calhoun County Sheriff's Office"),
               "us-fl-b-tfm": _rec("us-fl-b-tfm", "Miami Springs Police Department", names=["City of Miami Springs Police Department"])}
    matches, renames, notes = match([_li("CALHOUN COUNTY SHERIFF\u2019S  OFFICE"), _li("City of Miami Springs Police Department")], records, set())
    assert matches == {0: "us-fl-a-tfm", 1: "us-fl-b-tfm"} and renames == [] and notes == []


def test_model_and_state_must_agree():
    records = {"us-fl-a-tfm": _rec("us-fl-a-tfm", "Example Sheriff's Office")}
    matches, _, _ = match([_li("Example Sheriff's Office", model="jail-enforcement"), _li("Example Sheriff's Office", jur="us-ga")],
                          records, set(records))
    assert matches == {}


def test_rename_only_for_records_that_just_dropped_off():
    records = {"us-fl-old-tfm": _rec("us-fl-old-tfm", "City of Miami Springs Police Department")}
    listing = [_li("Miami Springs Police Department")]
    assert match(listing, records, set())[0] == {}  # not on the previous list: no rename
    matches, renames, notes = match(listing, records, {"us-fl-old-tfm"})
    assert matches == {0: "us-fl-old-tfm"} and renames == [("us-fl-old-tfm", "Miami Springs Police Department")] and notes == []


def test_a_containment_match_beats_a_close_spelling():
    records = {"us-fl-town-tfm": _rec("us-fl-town-tfm", "Town of Palm Beach Police Department")}
    matches, renames, notes = match([_li("Palm Beach Police Department"), _li("West Palm Beach Police Department", row=3)],
                                    records, set(records))
    assert matches == {0: "us-fl-town-tfm"} and notes == []


def test_ambiguous_renames_are_left_to_a_human():
    records = {"us-pa-a-tfm": _rec("us-pa-a-tfm", "Biglerville Borough Police Department", jur="us-pa"),
               "us-pa-b-tfm": _rec("us-pa-b-tfm", "Bigglerville Borough Police Department", jur="us-pa")}
    matches, renames, notes = match([_li("Biglervile Borough Police Department", jur="us-pa")], records, set(records))
    assert matches == {} and renames == []
    assert notes and "could be a rename of us-pa-a-tfm, us-pa-b-tfm; not matched" in notes[0]
