"""The validation pipeline: YAML -> loader -> schema -> rules -> problems."""

from __future__ import annotations

from collections.abc import Iterable

from policykb.loader import Document, load_file
from policykb.problems import Problem
from policykb.project import Project, kind_def
from policykb.rules import RULES, Context, Record
from policykb.schema import SchemaChecker


def load_corpus(project: Project, extra: Iterable[str] = ()) -> list[Document]:
    files = project.record_files()
    known = set(files)
    files += [f for f in extra if f not in known]
    return [load_file(project.root, f) for f in files]


def check_documents(project: Project, docs: list[Document], only: set[str] | None = None) -> tuple[list[Problem], Context]:
    """All problems in ``docs`` (restricted to paths in ``only`` when given) and the context built."""
    _ = project.jurisdictions, project.dimensions  # load reference data; its problems land in project.problems
    problems: list[Problem] = list(project.problems)
    checker = SchemaChecker(project.record_schema)
    ctx = Context(project)
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
