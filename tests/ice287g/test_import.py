"""End to end: import the fixture workbooks (trimmed real ICE sheets) in date order with the CLI,
then check the records, their history, the report, hand edits and the guard rails."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykb.cli import main
from policykb.loader import load_file
from tests.conftest import agreement

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ice287g"
SERIES = [
    ["participating-2025-02-21.xlsx"],
    ["participating-2025-05-16am.xlsx"],
    ["participating-2025-07-18pm.xlsx", "--pending", "pending-2025-07-18pm.xlsx"],
    ["participating-2025-11-18am.xlsx"],
    ["--pending", "pending-2026-02-27am.xlsx"],
    ["participating-2026-05-18am.xlsx"],
]
HAND_NOTE = "The county board approved the agreement at a public meeting (hand-written note)."


def _args(step: list[str]) -> list[str]:
    return [str(FIXTURES / a) if a.endswith(".xlsx") else a for a in step]


def _import(root: Path, step: list[str], *extra: str) -> int:
    return main(["--root", str(root), "import-287g", *_args(step), *extra])


def _load(root: Path, rid: str) -> dict:
    (path,) = root.glob(f"policies/*/287g/{rid}.yaml")
    return load_file(root, path.relative_to(root)).data  # dates stay text, as in the records


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A repository with one hand-made agreement record, after importing the whole series."""
    import shutil

    from tests.conftest import REPO, Repo

    root = tmp_path_factory.mktemp("ice")
    shutil.copytree(REPO / "schema", root / "schema")
    (root / "policies").mkdir()
    hand = agreement(id="us-ny-nassau-county-sheriffs-office-wso", agency="Nassau County Sheriff's Office", jurisdiction="us-ny",
                     county="Nassau County", model="warrant-service-officer", notes=HAND_NOTE, data_quality=["A hand-written note."])
    del hand["signed"], hand["moa_url"]
    hand["sources"][0].update(key="news", url="https://news.example.com/nassau", type="secondary")
    Repo(root).write(hand)
    reports = []
    for i, step in enumerate(SERIES):
        report = root / f"report-{i}.md"
        assert _import(root, step, "--report", str(report)) == 0, step
        reports.append(report.read_text())
    return root, reports


def test_series_imports_cleanly_and_validates(imported):
    root, reports = imported
    assert main(["--root", str(root), "validate"]) == 0
    files = list(root.glob("policies/*/287g/*.yaml"))
    assert len(files) == 109
    text = "\n".join(p.read_text() for p in files)
    assert "safelinks.protection.outlook.com" not in text and "redacted@" not in text and "chrome-extension://" not in text
    assert "- Rows read: 90 participating rows; 0 not imported." in reports[-1]


def test_rename_keeps_the_id_and_records_the_history(imported):
    root, reports = imported
    rec = _load(root, "us-fl-city-of-miami-springs-police-department-tfm")
    assert rec["agency"] == "Miami Springs Police Department" and rec["status"] == "active"
    assert rec["ice_listing"]["names"] == ["City of Miami Springs Police Department", "Miami Springs Police Department"]
    assert [e["change"] for e in rec["ice_listing"]["events"]] == ["listed-participating", "renamed"]
    renamed = rec["ice_listing"]["events"][1]
    assert renamed["date"] == "2025-07-18" and renamed["sources"] == ["ice-participating-2025-07-18"]
    assert {s["key"] for s in rec["sources"]} == {"ice-participating-2025-05-16", "ice-participating-2025-07-18", "ice-participating-2026-05-18"}
    assert "| `us-fl-city-of-miami-springs-police-department-tfm` | City of Miami Springs Police Department | Miami Springs Police Department |" in reports[2]
    somervell = _load(root, "us-tx-somerville-county-sheriffs-office-wso")
    assert somervell["agency"] == "Somervell County Sheriff's Office"
    assert [e["change"] for e in somervell["ice_listing"]["events"]][-2:] == ["renamed", "county-changed"]
    palm = _load(root, "us-fl-town-of-palm-beach-police-department-tfm")
    assert palm["agency"] == "Palm Beach Police Department"
    assert _load(root, "us-fl-west-palm-beach-police-department-tfm")["ice_listing"]["names"] == ["West Palm Beach Police Department"]


def test_removal_is_a_status_with_a_date_never_a_deletion(imported):
    root, reports = imported
    rec = _load(root, "us-tx-aransas-county-sheriffs-office-jem")
    assert rec["status"] == "no-longer-listed" and rec["ice_listing"]["removed"] == "2025-07-18"
    assert rec["ice_listing"]["participating"] == {"first_listed": "2025-02-21", "last_listed": "2025-05-16"}
    assert rec["ice_listing"]["events"][-1] == {"date": "2025-07-18", "change": "removed",
                                                 "detail": "Not on ICE's participating agencies list list of 2025-07-18; last listed 2025-05-16.".replace("list list", "list"),
                                                 "sources": ["ice-participating-2025-07-18"]}
    assert "**1 no longer listed**" in reports[2]


def test_pending_to_participating(imported):
    root, _ = imported
    largo = _load(root, "us-fl-largo-police-department-tfm")
    assert largo["status"] == "active"
    assert [e["change"] for e in largo["ice_listing"]["events"]] == ["listed-pending", "moved-to-participating"]
    assert largo["ice_listing"]["pending"] == {"first_listed": "2025-07-18", "last_listed": "2025-07-18"}
    assert largo["ice_listing"]["participating"]["first_listed"] == "2025-11-18"
    franklin = _load(root, "us-ar-franklin-county-sheriffs-office-tfm")
    assert [e["change"] for e in franklin["ice_listing"]["events"]] == ["listed-pending", "moved-to-participating"]
    dropped = _load(root, "us-la-st-charles-place-sheriffs-office-tfm")  # on the 2025 pending list only
    assert dropped["status"] == "no-longer-listed" and dropped["ice_listing"]["removed"] == "2026-02-27"


def test_each_quirk_is_a_data_quality_note(imported):
    root, _ = imported

    def kinds(rid):
        return {a["kind"] for a in _load(root, rid)["ice_listing"].get("anomalies", [])}

    grundy = _load(root, "us-tn-grundy-county-sheriffs-office-wso")
    assert "impossible-date" in kinds("us-tn-grundy-county-sheriffs-office-wso") and grundy.get("signed") != "5025-07-07"
    campbell = _load(root, "us-va-campbell-county-sheriffs-office-tfm")
    assert campbell["signed"] == "2025-05-08" and "text-date" in kinds("us-va-campbell-county-sheriffs-office-tfm")
    assert _load(root, "us-ut-tooele-county-sheriffs-office-wso")["signed"] == "2025-07-07"  # the text '7/72025'
    assert _load(root, "us-ut-tooele-county-sheriffs-office-tfm")["signed"] == "2025-07-02"
    uf = _load(root, "us-fl-university-of-florida-police-department-tfm")
    assert uf["moa_url"] == "https://www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf"
    assert {"url-as-text", "chrome-extension-url", "malformed-url"} <= kinds("us-fl-university-of-florida-police-department-tfm")
    assert "malformed-url" in kinds("us-al-cherokee-police-department-tfm")
    assert _load(root, "us-al-cherokee-police-department-tfm")["moa_url"].startswith("https://www.ice.gov/")
    assert "suspect-date" in kinds("us-ny-mohawk-village-police-department-tfm")
    assert {"moa-other-agency", "moa-model-mismatch"} <= kinds("us-nd-mercer-county-sheriffs-office-tfm")
    assert "moa-other-agency" in kinds("us-ga-gilmer-county-sheriffs-office-wso")
    assert "safelinks-url" in kinds("us-fl-franklin-county-sheriffs-office-tfm")
    assert "combined-links" in kinds("us-tx-aransas-county-sheriffs-office-jem")
    assert {"model-spelling"} <= kinds("us-ks-wathena-police-department-tfm")
    assert "type-spelling" in kinds("us-al-elberta-police-department-tfm")
    assert "curly-apostrophe" in kinds("us-tx-montgomery-county-sheriffs-office-jem")
    assert "county-placeholder" in kinds("us-fl-city-of-miami-springs-police-department-tfm")
    hills = _load(root, "us-fl-hillsborough-county-sheriffs-office-wso")
    assert hills["addendum_urls"][0].startswith("https://www.ice.gov/doclib/287gMOA/")
    assert _load(root, "us-mp-cnmi-department-of-public-safety-tfm")["jurisdiction"] == "us-mp"
    assert _load(root, "us-gu-office-of-the-attorney-general-tfm")["agency_type"] == "state-agency"


def test_hand_edits_survive(imported):
    root, _ = imported
    rec = _load(root, "us-ny-nassau-county-sheriffs-office-wso")
    assert rec["notes"] == HAND_NOTE and rec["data_quality"] == ["A hand-written note."]
    assert rec["sources"][0]["key"] == "news" and rec["signed"] and rec["moa_url"]
    assert rec["ice_listing"]["events"][0]["change"] == "listed-participating"


def test_reimporting_the_same_lists_changes_nothing(imported, tmp_path):
    import shutil

    root, _ = imported
    copy = tmp_path / "again"
    shutil.copytree(root, copy)
    before = {p: p.read_bytes() for p in copy.glob("policies/**/*.yaml")}
    assert _import(copy, SERIES[-1], "--report", str(tmp_path / "r.md")) == 0
    assert {p: p.read_bytes() for p in copy.glob("policies/**/*.yaml")} == before
    assert "**0 added**, **0 updated**" in (tmp_path / "r.md").read_text()


def test_out_of_order_import_is_refused(imported, tmp_path, capsys):
    root, _ = imported
    assert _import(root, SERIES[1], "--dry-run") == 2
    assert "older than the participating list already imported (2026-05-18); import ICE's workbooks in date order" in capsys.readouterr().err


def test_dry_run_writes_nothing(tmp_path, capsys):
    import shutil

    from tests.conftest import REPO

    shutil.copytree(REPO / "schema", tmp_path / "schema")
    (tmp_path / "policies").mkdir()
    assert _import(tmp_path, SERIES[0], "--dry-run") == 0
    assert list(tmp_path.glob("policies/**/*.yaml")) == []
    assert "**4 added**" in capsys.readouterr().out


def test_usage_errors(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "import-287g"]) == 2
    assert main(["--root", str(tmp_path), "import-287g", str(FIXTURES / SERIES[0][0]), "--as-of", "18/05/2026"]) == 2
    assert "takes a date as YYYY-MM-DD" in capsys.readouterr().err
