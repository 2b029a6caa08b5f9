"""The site model: which provisions give a jurisdiction its answer, and the aggregates pages show."""

from policykb.project import Project
from policykb.site.model import bill_number_variants, build_model, search_terms
from policykb.statuses import STATUS_GROUP, status_group
from tests.conftest import REPO, agreement, claim, coverage_record, policy


def _model(records):
    project = Project(REPO)
    return build_model(records, project.dimensions, project.jurisdictions)


def _prov(dimension, answer, citation="§ 1"):
    return {"dimension": dimension, "answer": answer, "citation": citation, "note": "n", "sources": ["leg"]}


def test_every_status_in_the_schema_has_a_group():
    schema = Project(REPO).record_schema["$defs"]
    statuses = set(schema["policy"]["properties"]["status"]["enum"]) | set(schema["agreement"]["properties"]["status"]["enum"])
    assert statuses == set(STATUS_GROUP)
    assert status_group(None) == "none"


def test_summary_agrees_differs_pending_and_none():
    recs = [
        policy(id="us-ca-a-act", provisions=[_prov("detainer-holds", "prohibits")]),
        policy(id="us-ca-b-act", provisions=[_prov("detainer-holds", "prohibits"), _prov("release-notification", "restricts")]),
        policy(id="us-ca-c-act", status="repealed", provisions=[_prov("release-notification", "requires")]),
        policy(id="us-tx-d-act", jurisdiction="us-tx", provisions=[_prov("detainer-holds", "requires")]),
        policy(id="us-tx-e-act", jurisdiction="us-tx", provisions=[_prov("detainer-holds", "permits")]),
        policy(id="us-tx-bill", jurisdiction="us-tx", kind="bill", status="introduced", provisions=[_prov("release-notification", "requires")]),
        policy(id="us-ny-city-law", jurisdiction="us-ny", kind="local-law", locality={"name": "New York City", "type": "city"},
               provisions=[_prov("detainer-holds", "restricts")]),
    ]
    m = _model(recs)
    state, entries = m.summary("us-ca", "detainer-holds")
    assert state == "prohibits" and [e.record_id for e in entries] == ["us-ca-a-act", "us-ca-b-act"]
    assert m.summary("us-ca", "release-notification")[0] == "restricts"  # the repealed act does not count
    assert m.summary("us-tx", "detainer-holds")[0] == "several"
    assert m.summary("us-tx", "release-notification")[0] == "pending-only"
    assert m.summary("us-ny", "detainer-holds") == ("not-researched", [])  # a local law never sets the state's answer
    assert m.summary("us-fl", "detainer-holds") == ("not-researched", [])
    assert m.answered_count("us-ca") == 2 and m.answered_count("us-tx") == 1
    cell = m.sorted_entries("us-tx", "release-notification")
    assert [e.group for e in cell] == ["pending"]


def test_entries_point_at_the_provision_position():
    m = _model([policy(provisions=[_prov("detainer-holds", "restricts"), _prov("ice-jail-access", "prohibits", "§ 9")])])
    (entry,) = m.entries[("us-ca", "ice-jail-access")]
    assert (entry.index, entry.citation, entry.answer) == (2, "§ 9", "prohibits")


def test_relations_and_claims_about_are_indexed_both_ways():
    m = _model([policy(), policy(id="us-ca-amending-act", relations=[{"type": "amends", "target": "us-ca-test-act"}]),
                claim(about={"policies": ["us-ca-test-act"], "jurisdictions": ["us-ca"]})])
    assert m.incoming["us-ca-test-act"] == [("amended by", "us-ca-amending-act")]
    assert m.claims_about["us-ca-test-act"] == ["us-ny-claim-example"]
    assert [c["id"] for c in m.claims_for("us-ca")] == ["us-ny-claim-example"]
    assert [c["id"] for c in m.claims_for("us-ny")] == ["us-ny-claim-example"]
    assert m.claims_for("us-tx") == []


def test_agreement_aggregates():
    recs = [agreement(), agreement(id="us-tx-b-county-sheriffs-office-jem", model="jail-enforcement", signed="2025-03-20"),
            agreement(id="us-tx-c-county-sheriffs-office-tfm", signed="2025-05-02", status="pending"),
            agreement(id="us-tx-d-county-sheriffs-office-tfm")]
    del recs[3]["signed"]
    m = _model(recs)
    assert m.signed_per_month() == [
        ("2025-03", {"jail-enforcement": 1, "task-force": 1, "warrant-service-officer": 0}),
        ("2025-05", {"jail-enforcement": 0, "task-force": 1, "warrant-service-officer": 0}),
    ]
    assert m.peak_month_total() == 2
    assert dict(m.agreements_by_model()) == {"jail-enforcement": {"active": 1}, "task-force": {"active": 2, "pending": 1}}


def test_events_newest_first_and_by_year():
    m = _model([policy()])
    assert [e[0] for e in m.events()] == ["2025-06-01", "2025-01-02"]
    assert [y for y, _ in m.events_by_year()] == ["2025"]


def test_bill_number_variants_cover_common_spellings():
    assert set(bill_number_variants("SB 54")) >= {"SB 54", "SB54", "S.B. 54", "S.B.54", "SB-54"}
    assert set(bill_number_variants("S.B. 54")) >= {"SB 54", "SB54"}
    assert "HB1105" in bill_number_variants("HB 1105")
    assert "E2SSB5497" in bill_number_variants("E2SSB 5497")
    assert "SB2-C" in bill_number_variants("SB 2-C")
    assert bill_number_variants("Local Cops, Local Crimes Act") == ["Local Cops, Local Crimes Act"]


def test_search_terms_for_bills_and_agreements():
    bill = policy(aliases=["SB 54", "California Values Act"], identifiers=[{"type": "bill-number", "value": "SB 54"}])
    assert {"SB54", "S.B. 54", "California Values Act"} <= set(search_terms(bill))
    terms = search_terms(agreement(ice_listing={"names": ["Example Co. Sheriff", "Example County Sheriff's Office"]}))
    assert {"287(g)", "287g", "Example County Sheriff's Office", "Example Co. Sheriff", "Example County", "Task Force Model"} <= set(terms)
    assert len(terms) == len(set(terms))


def test_researched_none_is_distinct_from_not_researched():
    bill = policy(id="us-ca-bill", kind="bill", status="introduced", provisions=[_prov("courthouse-arrests", "restricts")])
    m = _model([coverage_record(), bill])
    state, entries = m.summary("us-ca", "courthouse-arrests")
    assert state == "none-found" and [e.record_id for e in entries] == ["us-ca-bill"]  # pending bills still shown
    assert m.summary("us-ca", "data-privacy") == ("not-researched", [])
    assert m.coverage_entry("us-ca", "courthouse-arrests")["researched_on"] == "2026-11-01"
    assert m.coverage_totals(["us-ca"])["researched-none"] == 1
