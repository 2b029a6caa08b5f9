"""Benchmark: time and size of `mkdocs build --strict` for the real corpus, N generated records, and plain MkDocs.

    python scripts/benchmarks/site_bench.py [--records 5000] [--skip-plain] [--keep]

Each build runs in its own temporary copy of the repository (mkdocs.yml, docs/, schema/, policies/,
scripts/) as a separate `python -m mkdocs build` process:

  1. real corpus      - the repository's policies/ as they are;
  2. synthetic N      - policies/ replaced by N records from validate_bench.make_records(N);
  3. plain mkdocs     - a minimal Material site with N tiny pages and no policykb code, as a baseline.

Prints, per build: wall time, the child's peak RSS, number of HTML files, site size, size of
search/search_index.json and ms per HTML page, then a table of all builds. No thresholds.
--keep leaves the temporary folder in place (its path is printed) for inspection.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from policykb.fmt import canonical_order, dump
from policykb.project import KIND_DEFS, Project
from policykb.rules.file_location import expected_path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_bench import make_records  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
COPIED = ["mkdocs.yml", "docs", "schema", "policies", "scripts", "CONTRIBUTING.md"]
MIB = 1024 * 1024
LEVEL = re.compile(r"^(INFO|WARNING|ERROR)\b")


@dataclass
class Result:
    name: str
    wall: float
    rss_mib: float
    html: int
    site_mib: float
    index_mib: float
    log_counts: dict[str, int]

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall / self.html if self.html else float("nan")


@contextmanager
def workdir(keep: bool) -> Iterator[Path]:
    """A fresh temporary folder; with keep=True it is left in place and its path printed."""
    if keep:
        path = Path(tempfile.mkdtemp(prefix="site_bench-"))
        print(f"keeping temporary folder: {path}", flush=True)
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="site_bench-") as tmp:
        yield Path(tmp)


def build_env() -> dict[str, str]:
    """os.environ plus the variables every build runs with."""
    env = dict(os.environ)
    env["DISABLE_MKDOCS_2_WARNING"] = "true"
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["SOURCE_DATE_EPOCH"] = "0"
    scripts = str(REPO / "scripts")
    env["PYTHONPATH"] = os.pathsep.join([scripts, env["PYTHONPATH"]]) if env.get("PYTHONPATH") else scripts
    return env


def copy_repo(dest: Path, with_policies: bool = True) -> None:
    """Copy the parts of the repository a site build needs into dest."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in COPIED:
        if name == "policies" and not with_policies:
            continue
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / name)


def write_records(root: Path, n: int) -> int:
    """Write make_records(n) under root/policies the way validate_bench does; returns bytes of YAML."""
    schema = Project(root).record_schema
    size = 0
    for rec in make_records(n):
        path = root / expected_path(rec)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(canonical_order(copy.deepcopy(rec), schema, {"$ref": f"#/$defs/{KIND_DEFS[rec['kind']]}"})), encoding="utf-8")
        size += path.stat().st_size
    return size


def make_plain(root: Path, n: int) -> None:
    """A minimal Material site: index.md in the nav plus n tiny pages under docs/p/."""
    (root / "docs" / "p").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: Plain benchmark\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n"
        "nav:\n  - Home: index.md\n",
        encoding="utf-8",
    )
    (root / "docs" / "index.md").write_text("# Home\n\nSome text.\n", encoding="utf-8")
    for i in range(n):
        (root / "docs" / "p" / f"{i}.md").write_text(f"# Page {i}\n\nSome text.\n", encoding="utf-8")


def run_build(name: str, root: Path, env: dict[str, str]) -> Result:
    """Run mkdocs build in root as its own process; exit 1 with its stderr tail if it fails."""
    site = root / "site"
    out_path, err_path = root / "build.stdout", root / "build.stderr"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    print(f"[{name}] building in {root} ...", flush=True)
    with out_path.open("wb") as out, err_path.open("wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    log = err_path.read_text(encoding="utf-8", errors="replace") + out_path.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        print(f"[{name}] build FAILED (exit {proc.returncode}) after {wall:.1f} s; stderr tail:", file=sys.stderr)
        print("\n".join(log.splitlines()[-30:]), file=sys.stderr)
        raise SystemExit(1)
    counts = {"INFO": 0, "WARNING": 0, "ERROR": 0}
    for line in log.splitlines():
        m = LEVEL.match(line)
        if m:
            counts[m.group(1)] += 1
    files = [p for p in site.rglob("*") if p.is_file()]
    index = site / "search" / "search_index.json"
    res = Result(
        name=name,
        wall=wall,
        rss_mib=usage.ru_maxrss / 1024,  # KiB on Linux
        html=sum(1 for p in files if p.suffix == ".html"),
        site_mib=sum(p.stat().st_size for p in files) / MIB,
        index_mib=index.stat().st_size / MIB if index.is_file() else 0.0,
        log_counts=counts,
    )
    print(
        f"[{name}] wall {res.wall:.2f} s | peak RSS {res.rss_mib:.0f} MiB | {res.html} HTML files | "
        f"site {res.site_mib:.1f} MiB | search index {res.index_mib:.2f} MiB | {res.ms_per_page:.2f} ms/page | "
        f"log lines: {counts['INFO']} INFO, {counts['WARNING']} WARNING",
        flush=True,
    )
    return res


def print_table(results: list[Result]) -> None:
    """An aligned table, one row per build."""
    headers = ["build", "wall s", "RSS MiB", "HTML", "site MiB", "index MiB", "ms/page"]
    rows = [
        [r.name, f"{r.wall:.2f}", f"{r.rss_mib:.0f}", str(r.html), f"{r.site_mib:.1f}", f"{r.index_mib:.2f}", f"{r.ms_per_page:.2f}"]
        for r in results
    ]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]

    def fmt_row(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    print()
    print(fmt_row(headers))
    print(fmt_row(["-" * w for w in widths]))
    for row in rows:
        print(fmt_row(row))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=5000, help="records for the synthetic build and pages for the plain one")
    ap.add_argument("--skip-plain", action="store_true", help="skip the plain-MkDocs baseline")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = ap.parse_args()
    env = build_env()
    n = args.records
    results = []
    with workdir(args.keep) as real:
        copy_repo(real)
        results.append(run_build("real corpus", real, env))
    with workdir(args.keep) as synth:
        copy_repo(synth, with_policies=False)
        t0 = time.perf_counter()
        size = write_records(synth, n)
        print(f"[synthetic {n}] wrote {n} records ({size / MIB:.1f} MiB of YAML) in {time.perf_counter() - t0:.1f} s", flush=True)
        results.append(run_build(f"synthetic {n}", synth, env))
    if not args.skip_plain:
        with workdir(args.keep) as plain:
            make_plain(plain, n)
            results.append(run_build(f"plain mkdocs, {n} pages", plain, env))
    print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
