"""The validation pipeline: YAML -> loader -> schema -> rules -> problems."""

from __future__ import annotations

import gc
from collections.abc import Iterable

from policykb.loader import Document, load_file
from policykb.problems import Problem
from policykb.project import KIND_FOLDERS, RECORDS_DIR, Project, kind_def
from policykb.rules import RULES, Context, Record
from policykb.schema import SchemaChecker


def load_corpus(project: Project, extra: Iterable[str] = ()) -> list[Document]:
    files = project.record_files()
    known = set(files)
    files += [f for f in extra if f not in known]
    # Loading creates hundreds of thousands of small tuples and no reference cycles; pausing the
    # cycle collector meanwhile saves about a tenth of a full check (scripts/benchmarks/validate_bench.py).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [load_file(project.root, f) for f in files]
    finally:
        if enabled:
            gc.enable()


def check_documents(project: Project, docs: list[Document], only: set[str] | None = None,
                    stubs: dict[str, str] | None = None) -> tuple[list[Problem], Context]:
    """All problems in ``docs`` (restricted to paths in ``only`` when given) and the context built.

    ``stubs`` (path -> id) stands in for record files that were not loaded: their ids and kinds
    (from file name and folder) still count for the cross-record checks.
    """
    _ = project.jurisdictions, project.dimensions  # load reference data; its problems land in project.problems
    problems: list[Problem] = list(project.problems)
    checker = SchemaChecker(project.record_schema)
    ctx = Context(project)
    folder_kinds = {folder: kind for kind, folder in KIND_FOLDERS.items()}
    for path, rid in sorted((stubs or {}).items()):
        ctx.all_ids.setdefault(rid, []).append(path)
        kind = folder_kinds.get(path.split("/")[-2]) if path.count("/") >= 2 else None
        if kind:
            ctx.stub_kinds[rid] = kind
    for doc in docs:
        problems.extend(doc.problems)
        if not isinstance(doc.data, dict):
            continue
        rid = doc.data.get("id")
        if isinstance(rid, str):
            ctx.all_ids.setdefault(rid, []).append(doc.path)
        schema_problems = checker.check(doc, kind_def(doc.data))
        problems.extend(schema_problems)
        if not schema_problems and not doc.problems:
            ctx.records.append(Record(doc))
    for rule in RULES:
        if rule.scope == "corpus":
            problems.extend(_run(rule, lambda r=rule: r.check(ctx), "."))
            continue
        for record in ctx.records:
            if only is None or record.path in only:
                problems.extend(_run(rule, lambda r=rule, rec=record: r.check(rec, ctx), record.path))
    if only is not None:
        # reference-data problems (schema/...) concern every record, so they are always shown
        problems = [p for p in problems if p.path in only or p.path.startswith("schema/")]
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.rule, p.message)), ctx


def _run(rule, call, path: str) -> list[Problem]:
    try:
        return list(call())
    except Exception as exc:  # a bug in a rule must not hide the other results
        return [Problem(path, 1, 1, "internal-error", f"rule '{rule.id}' failed ({type(exc).__name__}: {exc}); please report this as a bug")]


def validate(project: Project, paths: list[str] | None = None) -> list[Problem]:
    docs = load_corpus(project, paths or ())
    only = set(paths) if paths else None
    problems, _ = check_documents(project, docs, only)
    return problems


def scoped(project: Project, changed: Iterable[str]) -> tuple[list[Document], set[str], dict[str, str]]:
    """What a check of only ``changed`` files must load and report, for a fast check on a big corpus.

    Loads the changed files, every record of their jurisdictions (coverage records depend on
    them) and every file that mentions a changed id (references). Other files count only by
    their path (id and kind). Returns (documents, paths to report, stubs).
    """
    files = project.record_files()
    changed = sorted(set(changed))
    ids = {c.rsplit("/", 1)[-1].rsplit(".", 1)[0] for c in changed}
    jurisdictions = {c.split("/")[1] for c in changed if c.startswith(f"{RECORDS_DIR}/") and c.count("/") >= 3}
    load = {f for f in files if f in changed or (f.count("/") >= 3 and f.split("/")[1] in jurisdictions)}
    report = set(changed) | {f for f in load if "/coverage/" in f}
    for f in files:
        if f in load:
            continue
        text = (project.root / f).read_text(encoding="utf-8", errors="replace")
        if any(i in text for i in ids):
            load.add(f)
            report.add(f)
    docs = [load_file(project.root, f) for f in sorted(load | {c for c in changed if (project.root / c).is_file()})]
    stubs = {f: f.rsplit("/", 1)[-1].rsplit(".", 1)[0] for f in files if f not in load}
    return docs, report, stubs


def validate_changed(project: Project, changed: Iterable[str]) -> list[Problem]:
    """Problems in the changed files and in the records their change can affect."""
    existing = [c for c in changed if (project.root / c).is_file()]
    docs, report, stubs = scoped(project, changed)
    problems, _ = check_documents(project, docs, report, stubs)
    return problems if existing or report else []
