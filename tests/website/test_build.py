"""A real `mkdocs build --strict` of the repository's records: complete, linked, self-contained,
deterministic, and stopped by an invalid record."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from policykb.project import Project
from tests.conftest import REPO
from tests.website.conftest import build, copy_repo


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))
            if name in ("href", "src"):
                self.links.append((tag, name, value or ""))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_record_and_jurisdiction_has_a_page(built_site):
    ids = [p.stem for p in (REPO / "policies").rglob("*.yaml")]
    assert len(ids) >= 30
    for rid in ids:
        assert (built_site / "records" / rid / "index.html").is_file(), rid
    for jid in Project(REPO).jurisdictions:
        assert (built_site / "jurisdictions" / jid / "index.html").is_file(), jid
    for page in ("matrix", "compare", "map", "timeline", "claims", "codebook", "downloads", "jurisdictions", "records"):
        assert (built_site / page / "index.html").is_file(), page
    data = json.loads((built_site / "downloads/records.json").read_text())
    assert {r["id"] for r in data["records"]} >= set(ids)
    assert (built_site / "schema/record.schema.json").read_text() == (REPO / "schema/record.schema.json").read_text()


def test_record_pages_are_not_in_the_navigation(built_site):
    """The nav is copied into every page: records listed there would make the site grow quadratically."""
    home = (built_site / "index.html").read_text()
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>")]
    assert "records/us-" not in nav and "jurisdictions/us-" not in nav


def test_every_internal_link_resolves(built_site):
    broken = []
    for page in built_site.rglob("*.html"):
        for tag, attr, value in _parse(page).links:
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            base = built_site if parts.path.startswith("/") else page.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: <{tag} {attr}={value}>")
    assert broken == [], "\n".join(broken[:20])


def test_provision_anchors_exist(built_site):
    ca = (built_site / "records/us-ca-sb-54-2017/index.html").read_text()
    matrix = (built_site / "matrix/index.html").read_text()
    assert 'href="../records/us-ca-sb-54-2017/#provision-1"' in matrix
    assert 'id="provision-1"' in ca


def test_nothing_is_loaded_from_another_host(built_site):
    for page in built_site.rglob("*.html"):
        for tag, attr, value in _parse(page).links:
            if tag in ("script", "link", "img", "iframe", "source", "video", "audio", "embed", "object"):
                assert not urlsplit(value).netloc, f"{page}: <{tag} {attr}={value}> loads from another host"
        assert "fonts.googleapis.com" not in page.read_text()
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text()):
            assert not urlsplit(url).netloc and not url.startswith("//"), f"{css}: url({url})"
        assert "@import" not in css.read_text() or "//" not in css.read_text().split("@import", 1)[1][:100]


def test_tricky_record_text_stays_text(built_site):
    for rel in ("records/us-ca-tricky-act", "records/us-ca-tricky-county-sheriffs-office-tfm", "records/us-ca-claim-tricky",
                "jurisdictions/us-ca", "matrix", "claims", "compare", "records", "map"):
        page = built_site / rel / "index.html"
        parser = _parse(page)
        for tag, name, value in parser.attrs:
            assert not name.startswith("on"), f"{rel}: <{tag} {name}=...>"
            assert not value.strip().lower().startswith("javascript:"), f"{rel}: <{tag} {name}={value}>"
        html = page.read_text()
        assert "<strong>bold</strong>" not in html and "<code>code</code>" not in html, rel
    act = (built_site / "records/us-ca-tricky-act/index.html").read_text()
    assert "[click](javascript:alert(3)) **bold** {{ 7*7 }} {% raw %} ${alert(4)}" in act
    assert "&quot; onmouseover=&quot;alert(1)&quot;" in act or "&#34; onmouseover=&#34;alert(1)&#34;" in act


def test_build_is_deterministic(built_site, tmp_path):
    root = built_site.parent
    proc = build(root, tmp_path / "again")
    assert proc.returncode == 0, proc.stderr[-2000:]
    cmp = filecmp.dircmp(built_site, tmp_path / "again")
    differing: list[str] = []

    def walk(c: filecmp.dircmp, prefix: str = "") -> None:
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        differing.extend(prefix + f for f in mismatch + errors + c.left_only + c.right_only)
        for name, sub in c.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(cmp)
    assert differing == []


def test_invalid_record_stops_the_build_with_validate_messages(tmp_path):
    root = copy_repo(tmp_path / "broken")
    (root / "policies/us/statutes/us-bad-act.yaml").write_text("id: us-bad-act\nkind: statute\nstatus: enactd\n")
    proc = build(root)
    assert proc.returncode != 0
    assert "policies/us/statutes/us-bad-act.yaml:3:9: schema: status the text 'enactd' is not allowed here; did you mean 'enacted'?" in proc.stderr
    assert "Traceback" not in proc.stderr
    shutil.rmtree(root)
