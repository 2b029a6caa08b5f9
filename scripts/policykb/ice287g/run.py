"""`policykb import-287g`: read the workbooks, apply them to the records, write, check, report."""

from __future__ import annotations

import sys
from pathlib import Path

from policykb.fmt import render_record
from policykb.ice287g.apply import ImportOrderError, import_sheets, states_by_name
from policykb.ice287g.report import render
from policykb.ice287g.workbook import WorkbookError, read_sheet
from policykb.loader import load_file
from policykb.project import KIND_FOLDERS, Project
from policykb.rules.file_location import expected_path

AGREEMENT_FOLDER = f"/{KIND_FOLDERS['agreement-287g']}/"


def load_agreements(project: Project) -> tuple[dict[str, dict], dict[str, str], list[str]]:
    """(records by id, their paths, problems) for every agreement record in the repository."""
    records: dict[str, dict] = {}
    paths: dict[str, str] = {}
    problems: list[str] = []
    for rel in project.record_files():
        if AGREEMENT_FOLDER not in f"/{rel}":
            continue
        doc = load_file(project.root, rel)
        problems += [str(p) for p in doc.problems]
        if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
            records[doc.data["id"]] = doc.data
            paths[doc.data["id"]] = rel
    return records, paths, problems


def run_import(project: Project, participating: Path | None, pending: Path | None, as_of: str | None = None,
               pending_as_of: str | None = None, report_path: Path | None = None, dry_run: bool = False) -> int:
    if participating is None and pending is None:
        print("policykb: error: give a participating workbook, --pending PENDING.xlsx, or both", file=sys.stderr)
        return 2
    records, paths, problems = load_agreements(project)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("policykb import-287g: fix these YAML problems in agreement records first (policykb validate shows them)", file=sys.stderr)
        return 1
    try:
        sheets = ([read_sheet(participating, "participating", as_of)] if participating else []) + \
                 ([read_sheet(pending, "pending", pending_as_of or (as_of if not participating else None))] if pending else [])
        result = import_sheets(records, sheets, states_by_name(project.jurisdictions))
    except (WorkbookError, ImportOrderError) as exc:
        print(f"policykb import-287g: error: {exc}", file=sys.stderr)
        return 2
    report = render(result)
    written = 0
    if not dry_run:
        schema = project.record_schema
        for rid in sorted(result.changed):
            rec = result.records[rid]
            rel = expected_path(rec)
            old = paths.get(rid)
            existing = (project.root / old).read_text(encoding="utf-8") if old else ""
            text = render_record(rec, schema, rel, existing)
            target = project.root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            if old and old != rel:
                (project.root / old).unlink()
            written += 1
    if report_path:
        report_path.write_text(report, encoding="utf-8")
    print(report)
    print(f"policykb import-287g: {written} file(s) written{' (dry run: none)' if dry_run else ''}", file=sys.stderr)
    if dry_run:
        return 0
    from policykb.validate import validate

    after = validate(Project(project.root))
    for p in after:
        print(p, file=sys.stderr)
    if after:
        print(f"policykb import-287g: {len(after)} problem(s) after the import; fix them before committing", file=sys.stderr)
    return 1 if after else 0
