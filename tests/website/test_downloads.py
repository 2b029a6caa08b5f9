"""Downloads: JSON keeps every record exactly; CSV is flat, parseable and safe to open."""

import csv
import io
import json

from policykb.project import Project
from policykb.site import downloads
from policykb.site.model import build_model
from tests.conftest import REPO, agreement, claim, policy


def _files(records):
    project = Project(REPO)
    model = build_model(records, project.dimensions, project.jurisdictions)
    return {name: content for name, (content, _) in downloads.render(model, project.codebook_version).items()}


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_json_holds_every_record_unchanged():
    recs = [policy(), agreement(), claim()]
    data = json.loads(_files(recs)["records.json"])
    assert data["count"] == 3 and data["schema"] == "urn:policykb:schema:record:1"
    assert data["codebook_version"] == Project(REPO).codebook_version >= 2
    assert sorted(data["records"], key=lambda r: r["id"]) == sorted(recs, key=lambda r: r["id"])


def test_csv_tables():
    files = _files([policy(), agreement(), claim()])
    records = _rows(files["records.csv"])
    assert [r["id"] for r in records] == ["us-ca-test-act", "us-ny-claim-example", "us-tx-example-county-sheriffs-office-tfm"]
    assert records[0]["jurisdiction_name"] == "California" and records[0]["status_group"] == "current"
    assert records[0]["provisions"] == "1" and records[0]["primary_sources"] == "1" and records[0]["page"] == "records/us-ca-test-act/"
    (prov,) = _rows(files["provisions.csv"])
    assert prov["answer"] == "restricts" and prov["source_urls"] == "https://legislature.example.gov/bills/sb-1" and prov["local"] == "false"
    assert prov["pinpoint"] == "true"
    vague = policy()
    vague["provisions"][0]["citation"] = "SB 1 (2025); section pinpoint not confirmed"
    (prov,) = _rows(_files([vague])["provisions.csv"])
    assert prov["citation"] == "SB 1 (2025); section pinpoint not confirmed" and prov["pinpoint"] == "false"
    (agr,) = _rows(files["agreements.csv"])
    assert agr["model"] == "task-force" and agr["signed"] == "2025-03-01" and agr["moa_url"].endswith("exampleTFM.pdf")


def test_csv_cells_never_start_a_formula_and_stay_on_one_line():
    rec = policy(title="=HYPERLINK(\"http://x\")", summary="a\nb")
    rec["provisions"][0]["note"] = "@SUM(A1)\nsecond line"
    files = _files([rec])
    (row,) = _rows(files["records.csv"])
    assert row["title"] == "'=HYPERLINK(\"http://x\")"
    (prov,) = _rows(files["provisions.csv"])
    assert prov["note"] == "'@SUM(A1) second line"
    assert all(line.count(",") >= 5 for line in files["provisions.csv"].splitlines())


def test_downloads_are_deterministic():
    recs = [policy(), agreement(), claim()]
    assert _files(recs) == _files(list(reversed(recs)))
