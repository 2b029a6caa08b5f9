"""Shared fixtures for site tests: a real MkDocs build of a copy of the repository, served on
127.0.0.1, and a headless Chromium (Debian's, driven by Playwright) to load it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykb.project import Project
from policykb.rules.file_location import expected_path
from tests.conftest import REPO, agreement, claim, policy, real_today, to_yaml

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Valid record text (the no-html rule keeps tags out) that would still do harm if a page
# interpolated it unescaped into an attribute, a link, Markdown, a template or a script.
TRICKY = ("\" onmouseover=\"alert(1)\" x=\" ' onfocus='alert(2)' [click](javascript:alert(3)) **bold** "
          "{{ 7*7 }} {% raw %} ${alert(4)} `code` \\ \u2028 | --- #")


def build_env() -> dict[str, str]:
    # The builds use the repository's real records, so the date checks run against the real clock.
    return {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764288000",
            "POLICYKB_TODAY": real_today(), "PYTHONPATH": os.pathsep.join(sys.path)}


def copy_repo(dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "schema", "policies", "scripts", "CONTRIBUTING.md"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dst / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, dst / name)
    return dst


def build(root: Path, site_dir: Path | None = None, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    site_dir = site_dir or root / "site"
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], cwd=root,
                          capture_output=True, text=True, env={**build_env(), **(extra_env or {})}, check=False)


def tricky_records() -> list[dict]:
    rec = policy(id="us-ca-tricky-act", title="Tricky Act " + TRICKY, short_title="Tricky " + TRICKY, summary=TRICKY,
                 aliases=["SB 9999", TRICKY], notes=TRICKY)
    rec["provisions"][0].update(note=TRICKY, citation="§ 1 " + TRICKY)
    rec["review"]["unconfirmed"] = [TRICKY]
    agr = agreement(id="us-ca-tricky-county-sheriffs-office-tfm", jurisdiction="us-ca", agency="Tricky County Sheriff's Office " + TRICKY,
                    county="Tricky County " + TRICKY)
    clm = claim(id="us-ca-claim-tricky", jurisdiction="us-ca", title="Tricky claim " + TRICKY, statement=TRICKY, quote=TRICKY,
                about={"policies": ["us-ca-tricky-act"]})
    return [rec, agr, clm]


def add_records(root: Path, records: list[dict]) -> None:
    schema = Project(root).record_schema
    for rec in records:
        rel = expected_path(rec)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_yaml(rec, schema, rel), encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real records plus three with tricky text, built with `mkdocs build --strict`."""
    root = copy_repo(tmp_path_factory.mktemp("repo"))
    add_records(root, tricky_records())
    proc = build(root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed at /usr/bin/chromium; .ci/run installs it with apt-get")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); browser tests need it")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh page that records every request and fails the test on a script error or a dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests = []
    pg.errors = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))
    pg.base = site_url
    yield pg
    context.close()
    assert pg.errors == [], pg.errors
