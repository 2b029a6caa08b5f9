"""Benchmark: validate N generated records vs. PyYAML's C loader just parsing them.

    python scripts/benchmarks/validate_bench.py [--records 2000] [--repeat 3]

Prints the best of --repeat runs for each. Targets: validation <= 2x parse time; a changed-only
check of one file (validate --changed) under 2 s on the whole corpus.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from policykb.fmt import canonical_order, dump
from policykb.project import KIND_DEFS, Project
from policykb.rules.file_location import expected_path
from policykb.validate import validate, validate_changed

REPO = Path(__file__).resolve().parents[2]
STATES = ["us-ca", "us-ny", "us-tx", "us-fl", "us-il", "us-wa", "us-ga", "us-nj"]


def make_records(n: int) -> list[dict]:
    """A realistic mix: a third each of policies, agreements and claims, ~2-4 KB each."""
    out = []
    for i in range(n):
        jur = STATES[i % len(STATES)]
        src = [{"key": f"s{k}", "url": f"https://example.gov/doc/{i}/{k}", "title": f"Document {i}-{k}",
                "publisher": "Example Legislature", "published": "2025-01-02", "accessed": "2026-11-01",
                "type": "primary" if k == 0 else "secondary"} for k in range(3)]
        review = {"last_verified": "2026-11-01", "unconfirmed": ["The effective date is not confirmed in a primary source."]}
        kind = i % 3
        if kind == 0:
            rec = {"id": f"{jur}-bench-act-{i}", "kind": "statute", "title": f"Benchmark Act {i}", "short_title": f"SB {i}",
                   "aliases": [f"SB {i}", f"S.B. {i}", f"SB{i}"], "jurisdiction": jur,
                   "identifiers": [{"type": "bill-number", "value": f"SB {i}", "session": "2025-2026 Regular Session"}],
                   "status": "in-effect", "status_as_of": "2026-06-01",
                   "summary": "Limits the use of local resources for federal civil immigration enforcement and restricts detainer holds to cases with a judicial warrant.",
                   "effective": "2026-01-01",
                   "history": [{"date": "2025-01-02", "event": "introduced", "sources": ["s0"]},
                               {"date": "2025-04-01", "event": "passed-chamber", "sources": ["s0"]},
                               {"date": "2025-06-01", "event": "signed", "description": "Signed by the governor.", "sources": ["s0", "s1"]}],
                   "provisions": [{"dimension": d, "answer": "restricts", "citation": f"§ {k + 1}", "note": "Allowed only with a judicial warrant.", "sources": ["s0"]}
                                  for k, d in enumerate(["detainer-holds", "release-notification", "information-sharing", "ice-jail-access"])],
                   "sources": src, "review": review}
        elif kind == 1:
            rec = {"id": f"{jur}-bench-county-sheriffs-office-{i}-tfm", "kind": "agreement-287g", "agency": f"Bench County {i} Sheriff's Office",
                   "agency_type": "county", "jurisdiction": jur, "county": f"Bench County {i}", "model": "task-force", "signed": "2025-03-01",
                   "status": "active", "status_as_of": "2026-05-18", "moa_url": f"https://www.ice.gov/doclib/287gMOA/bench{i}TFM.pdf",
                   "history": [{"date": "2025-03-01", "event": "signed", "sources": ["s0"]}],
                   "data_quality": ["ICE's list gives the county with a trailing space."], "sources": src, "review": review}
        else:
            rec = {"id": f"{jur}-claim-bench-{i}", "kind": "claim", "title": f"Agency figures {i}", "jurisdiction": jur,
                   "claimant": {"name": "Example Agency", "type": "federal-agency"}, "made_on": "2026-01-30", "medium": "press release",
                   "statement": "The agency stated a number of releases of people with detainers since January 2025.",
                   "figures": [{"metric": "releases", "value": 1000 + i, "unit": "people", "period_start": "2025-01-20", "sources": ["s0"]}],
                   "about": {"jurisdictions": [jur]},
                   "context": [{"note": "The same figure was published a month earlier.", "sources": ["s1"]}],
                   "sources": src, "review": review}
        out.append(rec)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "schema", root / "schema")
        schema = Project(root).record_schema
        files = []
        for rec in make_records(args.records):
            path = root / expected_path(rec)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(dump(canonical_order(copy.deepcopy(rec), schema, {"$ref": f"#/$defs/{KIND_DEFS[rec['kind']]}"})), encoding="utf-8")
            files.append(path)
        size = sum(p.stat().st_size for p in files)
        parse_times, validate_times = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for p in files:
                yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
            parse_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            problems = validate(Project(root))
            validate_times.append(time.perf_counter() - t0)
            if problems:
                print("generated records are invalid:", *problems[:5], sep="\n", file=sys.stderr)
                return 1
        one = files[len(files) // 2].relative_to(root).as_posix()
        changed_times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            validate_changed(Project(root), [one])
            changed_times.append(time.perf_counter() - t0)
        parse, val = min(parse_times), min(validate_times)
        print(f"records: {len(files)} ({size / 1024:.0f} KiB of YAML)")
        print(f"parse only (PyYAML CSafeLoader): {parse:.3f} s")
        print(f"policykb validate (load + schema + rules): {val:.3f} s")
        print(f"ratio validate/parse: {val / parse:.2f}x (target <= 2.00x)")
        print(f"validate --changed, one file ({one}): {min(changed_times):.3f} s (target < 2 s; full: {val:.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
