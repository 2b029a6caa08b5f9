"""The project: where the repository is, and the reference data under schema/."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from policykb.loader import Document, load_file
from policykb.problems import Problem

RECORDS_DIR = "policies"
SCHEMA_DIR = "schema"

POLICY_KINDS = (
    "statute", "bill", "executive-order", "directive", "local-law", "regulation",
    "court-decision", "federal-program",
)
KIND_FOLDERS = {
    "statute": "statutes",
    "bill": "bills",
    "executive-order": "executive-orders",
    "directive": "directives",
    "local-law": "local-laws",
    "regulation": "regulations",
    "court-decision": "court-decisions",
    "federal-program": "programs",
    "agreement-287g": "287g",
    "claim": "claims",
    "coverage": "coverage",
}
KIND_DEFS = {**{k: "policy" for k in POLICY_KINDS}, "agreement-287g": "agreement", "claim": "claim", "coverage": "coverage"}


def kind_def(data: dict[str, Any]) -> str | None:
    """The schema definition a record's kind selects, or None for a missing or unknown kind."""
    kind = data.get("kind")
    return KIND_DEFS.get(kind) if isinstance(kind, str) else None


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder upward holding schema/record.schema.json."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / SCHEMA_DIR / "record.schema.json").is_file():
            return candidate
    packaged = Path(__file__).resolve().parents[2]  # scripts/policykb/ -> repo root
    if (packaged / SCHEMA_DIR / "record.schema.json").is_file():
        return packaged
    raise FileNotFoundError(
        "cannot find the repository root (a folder with schema/record.schema.json); "
        "run policykb inside the repository or pass --root"
    )


def today() -> date:
    """Today's date; POLICYKB_TODAY=YYYY-MM-DD pins it so time-based checks are repeatable."""
    pinned = os.environ.get("POLICYKB_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


@dataclass
class Dimension:
    id: str
    label: str
    question: str
    guidance: str
    answers: list[dict[str, str]]

    @property
    def values(self) -> list[str]:
        return [a["value"] for a in self.answers]


@dataclass(frozen=True)
class CodebookChange:
    version: int
    date: str
    description: str
    dimensions: tuple[str, ...] = ()


@dataclass
class Project:
    root: Path
    problems: list[Problem] = field(default_factory=list)  # problems in the reference data

    @cached_property
    def record_schema(self) -> dict[str, Any]:
        return json.loads((self.root / SCHEMA_DIR / "record.schema.json").read_text(encoding="utf-8"))

    @cached_property
    def codebook_schema(self) -> dict[str, Any]:
        return json.loads((self.root / SCHEMA_DIR / "codebook.schema.json").read_text(encoding="utf-8"))

    def _reference(self, name: str) -> Document:
        doc = load_file(self.root, f"{SCHEMA_DIR}/{name}")
        self.problems.extend(doc.problems)
        return doc

    @cached_property
    def jurisdictions(self) -> dict[str, dict[str, Any]]:
        doc = self._reference("jurisdictions.yaml")
        items = doc.data.get("jurisdictions", []) if isinstance(doc.data, dict) else []
        return {j["id"]: j for j in items if isinstance(j, dict) and "id" in j}

    @cached_property
    def loaded_terms(self) -> tuple[Any, list[str]]:
        """One compiled pattern for every term in schema/loaded-terms.yaml (group i = term i), and
        what to say instead of each."""
        import re

        doc = self._reference("loaded-terms.yaml")
        items = doc.data.get("terms", []) if isinstance(doc.data, dict) else []
        items = [t for t in items if isinstance(t, dict) and isinstance(t.get("pattern"), str)]
        if not items:
            return None, []
        pattern = "|".join(f"(?P<t{i}>{t['pattern']})" for i, t in enumerate(items))
        return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), [str(t.get("say", "")) for t in items]

    @cached_property
    def codebook_document(self) -> Document:
        return self._reference("codebook.yaml")

    @cached_property
    def dimensions(self) -> dict[str, Dimension]:
        from policykb.codebook import check_codebook

        doc = self.codebook_document
        self.problems.extend(check_codebook(doc, self.codebook_schema))
        data = doc.data if isinstance(doc.data, dict) else {}
        scales = data.get("scales") or {}
        out: dict[str, Dimension] = {}
        for d in data.get("dimensions") or []:
            if not isinstance(d, dict) or not isinstance(d.get("id"), str):
                continue
            answers = d.get("answers") or scales.get(d.get("scale"), [])
            out[d["id"]] = Dimension(d["id"], str(d.get("label", d["id"])), str(d.get("question", "")),
                                     str(d.get("guidance", "")), [a for a in answers if isinstance(a, dict)])
        return out

    @cached_property
    def codebook_version(self) -> int:
        data = self.codebook_document.data
        version = data.get("version") if isinstance(data, dict) else None
        return version if isinstance(version, int) else 1

    @cached_property
    def codebook_changes(self) -> list[CodebookChange]:
        """The codebook's change log, newest first (entries that are not well formed are left out)."""
        data = self.codebook_document.data
        items = data.get("changes") if isinstance(data, dict) else None
        out = []
        for c in items if isinstance(items, list) else []:
            if isinstance(c, dict) and isinstance(c.get("version"), int) and c.get("description"):
                out.append(CodebookChange(c["version"], str(c.get("date", "")), str(c["description"]),
                                          tuple(str(d) for d in c.get("dimensions") or ())))
        return out

    def record_files(self) -> list[str]:
        base = self.root / RECORDS_DIR
        if not base.is_dir():
            return []
        files = [p for p in base.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()]
        return sorted(p.relative_to(self.root).as_posix() for p in files)
