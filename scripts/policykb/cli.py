"""Command-line entry point: ``policykb <command>``.

Exit codes: 0 all good, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from policykb import __version__
from policykb.project import Project, find_root

if TYPE_CHECKING:
    from policykb.rules import Record


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with a hint
        self.print_usage(sys.stderr)
        print(f"policykb: error: {message}\nRun 'policykb --help' for the commands.", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="policykb", description="Validate, format and publish the policy knowledge base.")
    p.add_argument("--version", action="version", version=f"policykb {__version__}")
    p.add_argument("--root", type=Path, help="repository root (default: found from the current folder)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    v = sub.add_parser("validate", help="check records against the schema and the cross-record rules")
    v.add_argument("paths", nargs="*", help="record files or folders (default: every record under policies/)")
    v.add_argument("--format", choices=("text", "github", "json"), default="text", help="output format")
    v.add_argument("--changed", action="store_true",
                   help="check only changed records (PATHS, or what git shows changed since --base) and the records they affect")
    v.add_argument("--base", default="HEAD", help="with --changed and no PATHS: the git revision to compare with (default HEAD)")

    f = sub.add_parser("fmt", help="check or rewrite records in the canonical style")
    f.add_argument("paths", nargs="*", help="record files or folders (default: every record under policies/)")
    mode = f.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="report files that are not in canonical form")
    mode.add_argument("--write", action="store_true", help="rewrite files in canonical form")

    sub.add_parser("rules", help="list the validation rules")

    i = sub.add_parser("import-287g", help="create or update 287(g) agreement records from ICE's workbooks",
                       description="Import ICE's participating and/or pending agencies workbooks (oldest first, one date at a time). "
                                   "Prints a change report in Markdown.")
    i.add_argument("participating", nargs="?", type=Path, help="ICE's participating agencies workbook (.xlsx)")
    i.add_argument("--pending", type=Path, help="ICE's pending agencies workbook (.xlsx)")
    i.add_argument("--as-of", help="date of the participating list, YYYY-MM-DD (default: from the file name, else the workbook)")
    i.add_argument("--pending-as-of", help="date of the pending list, YYYY-MM-DD (default: as for --as-of)")
    i.add_argument("--report", type=Path, help="also write the change report (Markdown) to this file")
    i.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")

    c = sub.add_parser("coverage", help="which jurisdictions answer, have researched, or miss each codebook dimension",
                       description="Per jurisdiction (the 50 states, DC and Puerto Rico unless --all): dimensions answered by a record "
                                   "in force, researched with none found, or missing. A missing dimension marked (open) was researched but not "
                                   "settled; its coverage entry's blocker says what is still unknown.")
    c.add_argument("--require-complete", action="store_true", help="exit 1 if any dimension is missing")
    c.add_argument("--all", action="store_true", help="also the federal government and the other territories")
    c.add_argument("--jurisdiction", action="append", help="only this jurisdiction id (repeatable)")
    c.add_argument("--format", choices=("text", "csv", "json"), default="text", help="output format")

    s = sub.add_parser("sources", help="how many facts rest on a primary source and how many on secondary sources only",
                       description="A fact is any part of a record that cites sources (history event, provision, identifier, "
                                   "figure, coverage entry...). It rests on a primary source when one of the sources it cites "
                                   "is of type primary.")
    s.add_argument("--by", choices=("kind", "jurisdiction", "record"), default="kind", help="how to group the counts (default kind)")
    s.add_argument("--jurisdiction", action="append", help="only this jurisdiction id (repeatable)")
    s.add_argument("--kind", action="append", help="only this record kind, e.g. statute (repeatable)")
    s.add_argument("--secondary-only", action="store_true", help="list each fact that rests on secondary sources only, as file:line:col")
    s.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    q = sub.add_parser("recheck", help="what to check again, oldest first: pending bills, open coverage cells, uncited provisions",
                       description="List records whose status is pending (a bill's status is known only as of its newest "
                                   "source), coverage cells research left open (with what blocks them) and provisions of "
                                   "policies in force coded without a pinpoint citation, oldest first: the work list for "
                                   "keeping the knowledge base current.")
    q.add_argument("--before", help="only what was last established before this date, YYYY-MM-DD; also lists the coverage cells "
                                    "researched with none found and the records in force last verified before it, to check again "
                                    "after a legislative session")
    q.add_argument("--jurisdiction", action="append", help="only this jurisdiction id (repeatable)")
    q.add_argument("--format", choices=("text", "csv"), default="text", help="output format")

    a = sub.add_parser("sample", help="a reproducible random sample of records to audit against their sources",
                       description="Draw records at random for an audit (CONTRIBUTING.md, 'Audit a sample'): the same seed and "
                                   "records give the same sample. 287(g) agreements and coverage records are left out unless "
                                   "named with --kind.")
    a.add_argument("--seed", required=True, help="any text that fixes the draw, e.g. the audit's date; quote it in your notes")
    a.add_argument("--count", type=int, default=15, help="how many records (default 15)")
    a.add_argument("--kind", action="append", help="only this record kind, e.g. statute (repeatable)")
    a.add_argument("--jurisdiction", action="append", help="only this jurisdiction id (repeatable)")
    a.add_argument("--status", action="append", choices=("current", "pending", "ended", "none"),
                   help="only records whose status is in this group: current (in force), pending, ended, none (repeatable)")
    a.add_argument("--verified-before", help="only records last verified before this date, YYYY-MM-DD")
    a.add_argument("--format", choices=("text", "csv"), default="text", help="text: one file path per line")

    n = sub.add_parser("new", help="write a commented record skeleton at the right path",
                       description="Write a new record with TODOs to fill. It validates once every TODO is filled or deleted.")
    n.add_argument("kind", help="statute, bill, executive-order, directive, local-law, regulation, court-decision, "
                                "federal-program, claim, coverage or agreement-287g")
    n.add_argument("--jurisdiction", required=True, help="jurisdiction id, e.g. us-ca (see schema/jurisdictions.yaml)")
    n.add_argument("--title", help="the official title (the agency name for agreement-287g); not needed for coverage")
    n.add_argument("--id", help="record id (default: jurisdiction plus the title in lower case with dashes)")
    n.add_argument("--model", choices=("jail-enforcement", "task-force", "warrant-service-officer"), help="agreement-287g only")

    d = sub.add_parser("diff", help="describe in words what changed in the records between two git revisions")
    d.add_argument("base", help="the older revision, e.g. origin/main")
    d.add_argument("head", nargs="?", default="HEAD", help="the newer revision (default HEAD)")

    k = sub.add_parser("ice-287g-links", help="print the workbook links found in a saved copy of ICE's 287(g) page")
    k.add_argument("page", type=Path, help="the page's HTML, saved to a file")
    return p


def _resolve_paths(root: Path, paths: list[str]) -> list[str]:
    out: list[str] = []
    for raw in paths:
        full = Path(raw).resolve()
        if not full.exists():
            raise SystemExit(_usage(f"no such file or folder: {raw}"))
        try:
            rel = full.relative_to(root)
        except ValueError:
            raise SystemExit(_usage(f"{raw} is outside the repository at {root}")) from None
        if full.is_dir():
            out += sorted(p.relative_to(root).as_posix() for p in full.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        else:
            out.append(rel.as_posix())
    return out


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _filter_problem(project: Project, jurisdictions: list[str] | None, kinds: list[str] | None = None) -> str | None:
    """The usage error for unknown --jurisdiction or --kind values, else None."""
    from policykb.project import KIND_DEFS

    unknown = [j for j in jurisdictions or [] if j not in project.jurisdictions]
    if unknown:
        return f"unknown jurisdiction {', '.join(unknown)}; ids look like us-ca (see schema/jurisdictions.yaml)"
    bad_kinds = [k for k in kinds or [] if k not in KIND_DEFS]
    if bad_kinds:
        return f"unknown kind {', '.join(bad_kinds)}; kinds: {', '.join(KIND_DEFS)}"
    return None


def _valid_records(project: Project, command: str, consequence: str = "ignored") -> list[Record]:
    """Every schema-valid record, after saying on stderr how many record problems were set aside."""
    from policykb.validate import check_documents, load_corpus

    problems, ctx = check_documents(project, load_corpus(project))
    if problems:
        print(f"policykb {command}: {len(problems)} record problem(s) {consequence}; run policykb validate", file=sys.stderr)
    return ctx.records


def _usage(message: str) -> int:
    print(f"policykb: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # output piped into head and the like: stop quietly
        sys.stderr.close()
        return 1


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        root = (args.root.resolve() if args.root else find_root())
    except FileNotFoundError as exc:
        return _usage(str(exc))
    project = Project(root)
    if args.command == "rules":
        from policykb.rules import RULES

        for rule in RULES:
            print(f"{rule.id:24} {rule.scope:7} {rule.description}")
        return 0
    if args.command == "import-287g":
        from policykb.ice287g.run import run_import

        for value in (args.as_of, args.pending_as_of):
            if value and not _is_date(value):
                return _usage(f"--as-of takes a date as YYYY-MM-DD, not '{value}'")
        return run_import(project, args.participating, args.pending, args.as_of, args.pending_as_of, args.report, args.dry_run)
    if args.command == "new":
        return _new(project, args)
    if args.command == "diff":
        from policykb.diff import diff_revisions
        from policykb.gitfiles import GitError

        try:
            print(diff_revisions(root, args.base, args.head, project.jurisdictions, project.dimensions), end="")
        except GitError as exc:
            return _usage(str(exc))
        return 0
    if args.command == "coverage":
        return _coverage(project, args)
    if args.command == "sources":
        return _sources(project, args)
    if args.command == "recheck":
        return _recheck(project, args)
    if args.command == "sample":
        return _sample(project, args)
    if args.command == "ice-287g-links":
        from policykb.ice287g.links import workbook_links

        try:
            html = args.page.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            return _usage(f"cannot read {args.page}: {exc.strerror}")
        links = workbook_links(html)
        for name, url in sorted(links.items()):
            print(f"{name} {url}")
        return 0 if "participating" in links else 1
    paths = _resolve_paths(root, args.paths) if args.paths else None
    if args.command == "validate":
        if args.changed:
            return _validate_changed(project, paths, args.base, args.format)
        return _validate(project, paths, args.format)
    return _fmt(project, paths, write=args.write)


def _validate(project: Project, paths: list[str] | None, fmt: str) -> int:
    from policykb.report import render
    from policykb.validate import validate

    problems = validate(project, paths)
    out = render(problems, fmt)
    if out:
        print(out)
    count = len(project.record_files()) if paths is None else len(paths)
    files = len({p.path for p in problems})
    if fmt == "text":
        summary = f"{len(problems)} problem(s) in {files} file(s)" if problems else "no problems"
        print(f"policykb validate: {count} file(s) checked, {summary}", file=sys.stderr)
    return 1 if problems else 0


def _new(project: Project, args: argparse.Namespace) -> int:
    import re

    from policykb.problems import did_you_mean
    from policykb.project import KIND_DEFS, today
    from policykb.scaffold import scaffold, write

    if args.kind not in KIND_DEFS:
        return _usage(f"unknown kind '{args.kind}';{did_you_mean(args.kind, list(KIND_DEFS))} kinds: {', '.join(KIND_DEFS)}")
    if args.jurisdiction not in project.jurisdictions:
        hint = did_you_mean(args.jurisdiction, list(project.jurisdictions))
        return _usage(f"unknown jurisdiction '{args.jurisdiction}';{hint or ' ids look like us-ca (see schema/jurisdictions.yaml)'}")
    if args.kind != "coverage" and not args.title:
        return _usage("--title is required (the official title, or the agency name for agreement-287g)")
    if args.id and not re.fullmatch(rf"{re.escape(args.jurisdiction)}(-[a-z0-9]+)+", args.id):
        return _usage(f"--id must be lower-case words joined by '-' starting with {args.jurisdiction}-")
    path, text = scaffold(args.kind, args.jurisdiction, args.title or "", args.id, args.model, today())
    if (project.root / path).exists():
        return _usage(f"{path} already exists; edit it, or choose another --id")
    write(project.root, path, text)
    print(path)
    print(f"Fill in the TODOs, then run: policykb validate {path} && policykb fmt --write {path}", file=sys.stderr)
    return 0


def _coverage(project: Project, args: argparse.Namespace) -> int:
    import csv
    import json

    from policykb.coverage import coverage, in_target, open_total, totals

    juris = project.jurisdictions
    wanted = args.jurisdiction or [j for j, v in juris.items() if args.all or in_target(j, v)]
    bad_filter = _filter_problem(project, wanted)
    if bad_filter:
        return _usage(bad_filter)
    records = _valid_records(project, "coverage")
    table = coverage([r.data for r in records], project.dimensions, juris)
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["jurisdiction", "dimension", "state", "records", "researched_on", "open"])
        for jid in wanted:
            for dim, cell in table[jid].items():
                writer.writerow([jid, dim, cell.state, ";".join(cell.records) if cell.state == "answered" else "",
                                 (cell.entry or {}).get("researched_on", ""), "yes" if cell.open else ""])
    elif args.format == "json":
        print(json.dumps({jid: {d: {"state": c.state, "records": c.records, "researched_on": (c.entry or {}).get("researched_on"),
                                    "open": c.open, "blocker": (c.entry or {}).get("blocker"),
                                    "waiting_on": [w["record"] for w in (c.entry or {}).get("waiting_on", [])]}
                                for d, c in table[jid].items()} for jid in wanted}, indent=1, sort_keys=True))
    else:
        for jid in wanted:
            counts = totals(table, [jid])
            print(f"{jid:6} {juris[jid]['name']}  " + "  ".join(f"{k} {v}" for k, v in counts.items()))
            missing = [d + (" (open)" if c.open else "") for d, c in table[jid].items() if c.state == "missing"]
            if missing:
                print(f"    missing: {', '.join(missing)}")
        counts = totals(table, wanted)
        print(f"Total ({len(wanted)} jurisdictions x {len(project.dimensions)} dimensions = {len(wanted) * len(project.dimensions)}): "
              + ", ".join(f"{k} {v}" for k, v in counts.items())
              + f" (of which open after research {open_total(table, wanted)})")
    missing_total = totals(table, wanted)["missing"]
    return 1 if args.require_complete and missing_total else 0


def _recheck(project: Project, args: argparse.Namespace) -> int:
    import csv

    from policykb.recheck import queue

    if args.before and not _is_date(args.before):
        return _usage(f"--before takes a date as YYYY-MM-DD, not '{args.before}'")
    bad_filter = _filter_problem(project, args.jurisdiction)
    if bad_filter:
        return _usage(bad_filter)
    items = queue([r.data for r in _valid_records(project, "recheck")], args.before, args.jurisdiction)
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["since", "jurisdiction", "record", "what", "subject", "text", "open_cells_waiting"])
        for i in items:
            writer.writerow([i.since, i.jurisdiction, i.record, i.what, i.subject, i.text, i.blocks if i.what == "pending" else ""])
        return 0
    for i in items:
        print(i.line(width=160))
    count = {what: sum(1 for i in items if i.what == what) for what in ("pending", "open", "uncited", "none-found", "in-force")}
    parts = [f"{count['pending']} pending record(s)", f"{count['open']} open coverage cell(s)",
             f"{count['uncited']} provision(s) in force without a pinpoint citation"]
    if args.before:
        parts += [f"{count['none-found']} coverage cell(s) researched with none found",
                  f"{count['in-force']} record(s) in force (287(g) agreements aside)"]
    print(", ".join(parts[:-1]) + f" and {parts[-1]} to check again"
          + (f", last established before {args.before}" if args.before else "") + ".")
    return 0


def _sample(project: Project, args: argparse.Namespace) -> int:
    import csv

    from policykb.sample import draw

    if args.count < 1:
        return _usage(f"--count takes a number of records, 1 or more, not {args.count}")
    if args.verified_before and not _is_date(args.verified_before):
        return _usage(f"--verified-before takes a date as YYYY-MM-DD, not '{args.verified_before}'")
    bad_filter = _filter_problem(project, args.jurisdiction, args.kind)
    if bad_filter:
        return _usage(bad_filter)
    records = _valid_records(project, "sample", "set aside; invalid records are left out")
    picks = draw(((r.path, r.data) for r in records), args.count, args.seed, kinds=args.kind,
                 jurisdictions=args.jurisdiction, groups=args.status, verified_before=args.verified_before)
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["path", "record", "kind", "status", "last_verified"])
        for p in picks:
            writer.writerow([p.path, p.record, p.kind, p.status, p.last_verified])
    else:
        for p in picks:
            print(p.path)
    if len(picks) < args.count:
        print(f"policykb sample: only {len(picks)} record(s) match; all of them are listed", file=sys.stderr)
    return 0


def _sources(project: Project, args: argparse.Namespace) -> int:
    import json

    from policykb.sourcing import Tally, facts, tally

    bad_filter = _filter_problem(project, args.jurisdiction, args.kind)
    if bad_filter:
        return _usage(bad_filter)
    found = [f for r in _valid_records(project, "sources", "set aside; invalid records are not counted") for f in facts(r.data, r.doc)
             if (not args.jurisdiction or f.jurisdiction in args.jurisdiction) and (not args.kind or f.kind in args.kind)]
    if args.secondary_only:
        found = [f for f in found if not f.primary]
        if args.format == "json":
            print(json.dumps([{"file": f.file, "line": f.line, "col": f.col, "record": f.record, "where": f.where} for f in found], indent=1))
        else:
            for f in found:
                print(f"{f.file}:{f.line}:{f.col}: {f.where} cites secondary sources only; "
                      "add the primary source (legislature, governor, court or agency page) to its sources if one exists")
        return 0
    groups = tally(found, args.by)
    overall = tally(found, "kind")
    if args.format == "json":
        print(json.dumps({"by": args.by, "groups": {k: {"primary": t.primary, "secondary_only": t.secondary_only}
                                                     for k, t in groups.items()}}, indent=1, sort_keys=True))
        return 0
    width = max([len(k) for k in groups] + [24])
    print(f"{args.by:{width}} {'facts':>7} {'primary':>8} {'secondary only':>15} {'primary share':>14}")
    for key, t in groups.items():
        print(f"{key:{width}} {t.total:7,} {t.primary:8,} {t.secondary_only:15,} {t.share():>14}")
    for label, keep in (("all", lambda k: True), ("all but 287(g) agreements", lambda k: k != "agreement-287g")):
        t = sum((v for k, v in overall.items() if keep(k)), Tally())
        print(f"{label:{width}} {t.total:7,} {t.primary:8,} {t.secondary_only:15,} {t.share():>14}")
    return 0


def _validate_changed(project: Project, paths: list[str] | None, base: str, fmt: str) -> int:
    from policykb.gitfiles import GitError, changed_records
    from policykb.report import render
    from policykb.validate import validate_changed

    if paths is None:
        try:
            paths = changed_records(project.root, base)
        except GitError as exc:
            return _usage(str(exc))
    problems = validate_changed(project, paths)
    out = render(problems, fmt)
    if out:
        print(out)
    if fmt == "text":
        summary = f"{len(problems)} problem(s)" if problems else "no problems"
        print(f"policykb validate --changed: {len(paths)} changed file(s) checked with the records they affect, {summary}", file=sys.stderr)
    return 1 if problems else 0


def _fmt(project: Project, paths: list[str] | None, write: bool) -> int:
    from policykb.fmt import format_document
    from policykb.loader import load_text

    targets = paths if paths is not None else project.record_files()
    bad = 0
    for rel in targets:
        raw = (project.root / rel).read_bytes()
        doc = load_text(rel, raw)
        text = raw.decode("utf-8", errors="replace")
        out = format_document(doc, text, project.record_schema)
        if out is None:
            print(f"{rel}:1:1: fmt: cannot format a file with YAML problems; run policykb validate {rel} first")
            bad += 1
        elif out != text:
            if write:
                (project.root / rel).write_text(out, encoding="utf-8")
                print(f"formatted {rel}", file=sys.stderr)
            else:
                print(f"{rel}:1:1: fmt: not in canonical form; run policykb fmt --write {rel}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
