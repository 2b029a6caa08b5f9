"""The site: pages are a pure function of the records, escape everything, and MkDocs builds them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policykb.project import Project
from policykb.site.pages import render_site
from tests.conftest import REPO, agreement, claim, policy

EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))'


def _render(records):
    project = Project(REPO)
    return render_site(records, project.dimensions, project.jurisdictions)


def test_render_is_deterministic_and_covers_every_record():
    recs = [policy(), agreement(), claim()]
    first, second = _render(recs), _render(list(reversed(recs)))
    assert first == second
    assert set(first) == {"records/index.md"} | {f"records/{r['id']}.md" for r in recs}


def test_record_text_is_escaped_everywhere():
    rec = policy(title=EVIL, summary=EVIL, aliases=[EVIL])
    rec["sources"][0].update(url="javascript:alert(4)", title=EVIL)
    rec["provisions"][0]["note"] = EVIL
    pages = _render([rec, claim(statement=EVIL, quote=EVIL)])
    for text in pages.values():
        assert "<script" not in text and "<img" not in text and 'href="javascript' not in text
        assert "onerror=alert" not in text or "&lt;img src=x onerror=alert(2)&gt;" in text
    page = pages["records/us-ca-test-act.md"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="#"' in page  # the javascript: source URL became an inert link
    assert page.splitlines()[1].startswith('title: "') and "<" not in page.splitlines()[1]


def test_relations_show_both_directions():
    pages = _render([policy(), policy(id="us-ca-amending-act", title="Amending Act",
                                      relations=[{"type": "amends", "target": "us-ca-test-act"}])])
    assert '<li>amended by: <a href="../us-ca-amending-act/">Amending Act</a></li>' in pages["records/us-ca-test-act.md"]


@pytest.fixture(scope="module")
def site_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    for name in ("mkdocs.yml", "docs", "schema", "policies", "scripts"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    return root


def _build(root: Path):
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
                          cwd=root, capture_output=True, text=True, env=env, check=False)


def test_mkdocs_build_strict_renders_every_record(site_copy):
    proc = _build(site_copy)
    assert proc.returncode == 0, proc.stderr
    ids = [p.stem for p in (site_copy / "policies").rglob("*.yaml")]
    assert ids
    for rid in ids:
        page = site_copy / "site" / "records" / rid / "index.html"
        assert page.is_file(), rid
    index = (site_copy / "site/records/index.html").read_text()
    assert all(f'href="../{rid}/"' in index for rid in ids)
    assert (site_copy / "site/search/search_index.json").is_file()
    assert (site_copy / "site/schema/record.schema.json").read_text() == (REPO / "schema/record.schema.json").read_text()


def test_built_site_references_no_other_host(site_copy):
    if not (site_copy / "site").exists():
        assert _build(site_copy).returncode == 0
    import re

    for page in (site_copy / "site").rglob("*.html"):
        html = page.read_text()
        for m in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(https?:)?//', html):
            raise AssertionError(f"{page}: loads from another host: {m.group(0)}")
        assert "fonts.googleapis.com" not in html


def test_invalid_record_fails_the_build_with_validate_messages(site_copy, tmp_path):
    root = tmp_path / "broken"
    shutil.copytree(site_copy, root, ignore=lambda folder, names: ["site"] if Path(folder) == site_copy else [])
    bad = root / "policies/us/statutes/us-bad-act.yaml"
    bad.write_text("id: us-bad-act\nkind: statute\nstatus: enactd\n")
    proc = _build(root)
    assert proc.returncode != 0
    assert "policies/us/statutes/us-bad-act.yaml:3:9: schema: status the text 'enactd' is not allowed here; did you mean 'enacted'?" in proc.stderr
    assert "Traceback" not in proc.stderr
