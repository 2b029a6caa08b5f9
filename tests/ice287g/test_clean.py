"""Cleaning rows: each quirk of ICE's lists gives the right value and a data-quality note."""

from datetime import datetime

import pytest

from policykb.ice287g.clean import (
    RowError,
    check_moa,
    clean_county,
    clean_model,
    clean_row,
    clean_signed,
    clean_text,
    clean_type,
    clean_url,
    name_key,
)
from policykb.ice287g.workbook import Cell

STATES = {"FLORIDA": "us-fl", "GUAM": "us-gu", "NORTHERN MARIANA ISLANDS": "us-mp"}
SAFELINK = ("https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2F"
            "BerrienCoSheriffsOfficeMI_WSO_MOA_05.05.25.pdf&data=05%7C02%7Cperson%40ice.dhs.gov%7C0&reserved=0")


def _row(**values):
    base = {"state": "FLORIDA", "agency": "Example Police Department", "type": "Municipality", "county": "Example County",
            "model": "Task Force Model", "signed": datetime(2025, 5, 8), "moa": "link"}
    base.update(values)
    links = base.pop("links", {})
    return {k: Cell(v, links.get(k)) for k, v in base.items()}


def test_text_is_trimmed_collapsed_and_apostrophes_straightened():
    assert clean_text("Kansas  Bureau Of Investigation ") == ("Kansas Bureau Of Investigation", True, False)
    assert clean_text("Calhoun County Sheriff\u2019s Office") == ("Calhoun County Sheriff's Office", False, True)
    assert clean_text("a\xa0|\xa0b") == ("a | b", True, False)
    assert name_key("Calhoun County Sheriff\u2019s  Office ") == name_key("calhoun county sheriffs office")


@pytest.mark.parametrize(("raw", "model", "noted"), [
    ("Jail Enforcement Model ", "jail-enforcement", False), ("Task Force Model", "task-force", False),
    ("Warrant Service Officer", "warrant-service-officer", False), ("Warrant Services Officer", "warrant-service-officer", True),
    ("Task Force Officer", "task-force", True),
])
def test_models_and_their_misspellings(raw, model, noted):
    value, notes = clean_model(clean_text(raw)[0])
    assert value == model and bool(notes) == noted
    if noted:
        assert notes[0][0] == "model-spelling" and raw.strip() in notes[0][1]


def test_unknown_model_and_type_reject_the_row():
    with pytest.raises(RowError, match="unknown support type 'Detention Model'"):
        clean_model("Detention Model")
    with pytest.raises(RowError, match="unknown agency type 'Federal'"):
        clean_type("Federal")


@pytest.mark.parametrize(("raw", "value", "noted"), [
    ("County", "county", False), ("State Agency", "state-agency", False), ("State", "state-agency", True),
    ("Muncipality", "municipality", True),
])
def test_types(raw, value, noted):
    got, notes = clean_type(raw)
    assert got == value and bool(notes) == noted


@pytest.mark.parametrize("placeholder", ["#N/A", "#NA", "N/A"])
def test_county_placeholders_are_no_county(placeholder):
    assert clean_county(placeholder) == (None, [("county-placeholder", f"ICE's list gives the county as the placeholder '{placeholder}'; no county is taken from it.")])
    assert clean_county("Kattan District") == ("Kattan District", [])


def test_signed_dates():
    assert clean_signed(datetime(2025, 5, 8), "2025-07-18") == ("2025-05-08", [])
    assert clean_signed("05/082025", "2025-07-18") == ("2025-05-08", [("text-date", "ICE's list gives the signed date as the text '05/082025'; read as 2025-05-08.")])
    assert clean_signed("7/72025", "2025-07-18")[0] == "2025-07-07"
    value, notes = clean_signed(datetime(5025, 7, 7), "2025-07-18")
    assert value is None and notes[0][0] == "impossible-date" and "5025-07-07" in notes[0][1]
    value, notes = clean_signed(datetime(2016, 3, 19), "2026-05-18")
    assert value == "2016-03-19" and notes[0][0] == "suspect-date"
    assert clean_signed("soon", "2025-07-18")[0] is None
    assert clean_signed(None, "2025-07-18") == (None, [])


def test_safelinks_are_unwrapped_and_never_kept():
    url, notes = clean_url(SAFELINK, "MOA")
    assert url == "https://www.ice.gov/doclib/287gMOA/BerrienCoSheriffsOfficeMI_WSO_MOA_05.05.25.pdf"
    assert [k for k, _ in notes] == ["safelinks-url"]
    assert all("safelinks" not in d and "@" not in d and "%40" not in d for _, d in notes)


def test_browser_extension_and_one_slash_links_are_mended():
    url, notes = clean_url("chrome-extension://efaidnbmnnnibpcajpcglclefindmkaj/https:/www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA.pdf", "MOA")
    assert url == "https://www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA.pdf"
    assert [k for k, _ in notes] == ["chrome-extension-url", "malformed-url"]
    url, notes = clean_url("https:/www.ice.gov/doclib/287gMOA/CherokeePDAL_TFM_%20MOA.pdf", "MOA")
    assert url == "https://www.ice.gov/doclib/287gMOA/CherokeePDAL_TFM_%20MOA.pdf" and notes[0][0] == "malformed-url"
    assert clean_url("mailto:someone@example.gov", "MOA")[0] is None


def test_moa_pointing_at_another_agency_or_model():
    gilmer = "https://www.ice.gov/doclib/287gMOA/georgiaDeptPublicSafety_TFM_MOA_0312.pdf"
    assert [k for k, _ in check_moa(gilmer, "Gilmer County Sheriff's Office", "task-force")] == ["moa-other-agency"]
    rush = "https://www.ice.gov/doclib/287gMOA/RushCoSheriffsOfficeIN_TFM_MOA.pdf"
    assert [k for k, _ in check_moa(rush, "Rush County Sheriff's Office", "warrant-service-officer")] == ["moa-model-mismatch"]
    assert check_moa("https://www.ice.gov/doclib/287gMOA/AutaugaCoSheriffsOfficeAL_TFM_MOA_09222025.pdf",
                     "Autauga County Sheriff's Office", "task-force") == []


def test_a_whole_row_with_every_note():
    cells = _row(agency="Example Police Department ", county="#N/A", type="Muncipality ", model="Task Force Officer ",
                 signed="05/082025", links={"moa": SAFELINK.replace("BerrienCoSheriffsOfficeMI_WSO", "ExamplePDFL_TFM")})
    li = clean_row(cells, 7, "participating", "2025-07-18", STATES)
    assert (li.jurisdiction, li.agency, li.agency_type, li.model, li.county, li.signed) == (
        "us-fl", "Example Police Department", "municipality", "task-force", None, "2025-05-08")
    assert li.moa_url.endswith("ExamplePDFL_TFM_MOA_05.05.25.pdf")
    assert [k for k, _ in li.anomalies] == ["whitespace", "model-spelling", "type-spelling", "county-placeholder", "text-date", "safelinks-url"]


def test_link_cells_without_links():
    li = clean_row(_row(moa="link | addendum"), 3, "participating", "2025-05-16", STATES)
    assert li.moa_url is None and li.anomalies == [("combined-links", "ICE's MOA cell reads 'link | addendum' with no usable link behind it; no link is recorded.")]
    li = clean_row(_row(moa="https://www.ice.gov/doclib/287gMOA/ExamplePD_TFM.pdf"), 3, "participating", "2025-05-16", STATES)
    assert li.moa_url == "https://www.ice.gov/doclib/287gMOA/ExamplePD_TFM.pdf" and li.anomalies[0][0] == "url-as-text"
    assert clean_row(_row(moa="link pending"), 3, "participating", "2025-05-16", STATES).anomalies == []
    assert clean_row(_row(moa="link"), 3, "participating", "2025-05-16", STATES).anomalies[0][0] == "no-moa-link"


def test_territories_and_unknown_states():
    assert clean_row(_row(state="NORTHERN MARIANA ISLANDS "), 2, "participating", "2026-05-18", STATES).jurisdiction == "us-mp"
    with pytest.raises(RowError, match="unknown state 'ATLANTIS'"):
        clean_row(_row(state="ATLANTIS"), 2, "participating", "2026-05-18", STATES)
