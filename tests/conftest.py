"""Shared test helpers: a throw-away repository with the real schema, and minimal valid records."""

from __future__ import annotations

import copy
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from policykb.fmt import canonical_order, dump, render_record
from policykb.project import Project, kind_def
from policykb.rules.file_location import expected_path
from policykb.validate import validate

REPO = Path(__file__).resolve().parents[1]
# Throw-away repositories are judged as of this fixed date, so their "in the future" checks are
# repeatable. The real records are written with real dates: checks on them use real_today().
TODAY = "2026-11-28"


def real_today() -> str:
    """Today's date by the clock, for checks on the repository's own records (never the pinned TODAY,
    which the records overtake as soon as someone records a later date)."""
    return date.today().isoformat()

SOURCE = {
    "key": "leg",
    "url": "https://legislature.example.gov/bills/sb-1",
    "title": "SB 1 bill page",
    "publisher": "Example Legislature",
    "published": "2025-01-02",
    "accessed": "2026-11-01",
    "type": "primary",
}
POLICY: dict[str, Any] = {
    "id": "us-ca-test-act",
    "kind": "statute",
    "title": "Test Act",
    "jurisdiction": "us-ca",
    "status": "enacted",
    "summary": "Restricts detainer holds.",
    "effective": "2026-01-01",
    "history": [
        {"date": "2025-01-02", "event": "introduced", "sources": ["leg"]},
        {"date": "2025-06-01", "event": "signed", "sources": ["leg"]},
    ],
    "provisions": [
        {"dimension": "detainer-holds", "answer": "restricts", "citation": "§ 2", "note": "Holds need a judicial warrant.", "sources": ["leg"]}
    ],
    "sources": [SOURCE],
    "review": {"last_verified": "2026-11-01"},
}
AGREEMENT: dict[str, Any] = {
    "id": "us-tx-example-county-sheriffs-office-tfm",
    "kind": "agreement-287g",
    "agency": "Example County Sheriff's Office",
    "agency_type": "county",
    "jurisdiction": "us-tx",
    "county": "Example County",
    "model": "task-force",
    "signed": "2025-03-01",
    "status": "active",
    "moa_url": "https://www.ice.gov/doclib/287gMOA/exampleTFM.pdf",
    "sources": [{**SOURCE, "key": "ice", "url": "https://www.ice.gov/identify-and-arrest/287g"}],
    "review": {"last_verified": "2026-11-01"},
}
CLAIM: dict[str, Any] = {
    "id": "us-ny-claim-example",
    "kind": "claim",
    "title": "Example agency figures (2026-01-30)",
    "jurisdiction": "us-ny",
    "claimant": {"name": "Example Agency", "type": "federal-agency"},
    "made_on": "2026-01-30",
    "statement": "The agency stated a count of releases.",
    "figures": [{"metric": "releases", "value": 10, "unit": "people", "period_start": "2025-01-20", "sources": ["rel"]}],
    "context": [{"note": "The figure was published earlier.", "sources": ["rel"]}],
    "sources": [{**SOURCE, "key": "rel", "url": "https://agency.example.gov/release", "type": "secondary"}],
    "review": {"last_verified": "2026-11-01"},
}


def policy(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(POLICY), **changes}


def agreement(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(AGREEMENT), **changes}


def claim(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(CLAIM), **changes}


def to_yaml(data: dict[str, Any], schema: dict[str, Any], path: str | None = None) -> str:
    """A record's canonical text (with the editor schema comment when its path is known)."""
    if path:
        return render_record(data, schema, path)
    definition = kind_def(data)
    return dump(canonical_order(data, schema, {"$ref": f"#/$defs/{definition}"} if definition else {}))


class Repo:
    """A temporary repository: the real schema/ and whatever records a test writes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.project = Project(root)

    def write(self, record: dict[str, Any] | str, path: str | None = None) -> str:
        if isinstance(record, dict):
            path = path or expected_path(record)
            text = to_yaml(record, self.project.record_schema, path)
        else:
            text = record
        assert path
        full = self.root / path
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_text(text, encoding="utf-8") if isinstance(text, str) else full.write_bytes(text)
        return path

    def write_bytes(self, raw: bytes, path: str) -> str:
        full = self.root / path
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_bytes(raw)
        return path

    def validate(self, *paths: str):
        return validate(Project(self.root), list(paths) or None)

    def find(self, path: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
        """1-based (line, col) of the n-th occurrence of needle in a file."""
        seen = 0
        for n, line in enumerate((self.root / path).read_text(encoding="utf-8").splitlines(), 1):
            col = line.find(needle)
            if col >= 0:
                seen += 1
                if seen == occurrence:
                    return n, col + 1
        raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKB_TODAY", TODAY)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    (tmp_path / "policies").mkdir()
    return Repo(tmp_path)


def only(problems, rule: str):
    """The problems of one rule, as (path, line, col, message) tuples."""
    return [(p.path, p.line, p.col, p.message) for p in problems if p.rule == rule]


COVERAGE: dict[str, Any] = {
    "id": "us-ca-coverage",
    "kind": "coverage",
    "jurisdiction": "us-ca",
    "entries": [{"dimension": "courthouse-arrests", "finding": "none-found", "researched_on": "2026-11-01",
                 "searched": "California Legislative Information bill search for courthouse arrests, 2024-2026.", "sources": ["leg"]}],
    "sources": [SOURCE],
    "review": {"last_verified": "2026-11-01"},
}


def coverage_record(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(COVERAGE), **changes}
