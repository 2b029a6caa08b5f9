"""Pages are a pure function of the records: complete, deterministic, linked, and escaped."""

import json
import re
from html.parser import HTMLParser

import pytest

from policykb.project import Project
from policykb.site.pages import json_script, page_title, rel, render_site, safe_url, title_text, url_of
from tests.conftest import REPO, agreement, claim, coverage_record, policy

EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) </script><!--'
STATIC_PAGES = {"index.md", "records/index.md", "jurisdictions/index.md", "matrix.md", "compare.md", "map.md",
                "timeline.md", "claims.md", "codebook.md", "downloads.md", "agreements.md", "coverage.md",
                "bills.md"}
DOWNLOADS = {"downloads/records.json", "downloads/records.csv", "downloads/provisions.csv", "downloads/agreements.csv", "downloads/coverage.csv"}


def _render(records, **kw):
    project = Project(REPO)
    return render_site(records, project.dimensions, project.jurisdictions, **kw)


def _evil_records():
    rec = policy(title=EVIL, short_title=EVIL, summary=EVIL, aliases=[EVIL, "SB 54"], notes=EVIL,
                 relations=[{"type": "amends", "target": "us-ca-other-act", "note": EVIL}])
    rec["sources"][0].update(url="javascript:alert(4)", title=EVIL, publisher=EVIL)
    rec["provisions"][0].update(note=EVIL, citation=EVIL)
    rec["history"][0]["description"] = EVIL
    rec["review"].update(unconfirmed=[EVIL], conflicts=[EVIL])
    other = policy(id="us-ca-other-act", title="Other Act")
    agr = agreement(agency=EVIL, county=EVIL, moa_url="javascript:alert(5)", data_quality=[EVIL])
    clm = claim(title=EVIL, statement=EVIL, quote=EVIL, medium=EVIL, claimant={"name": EVIL, "type": "official"},
                about={"policies": ["us-ca-test-act"], "jurisdictions": ["us-ca"]})
    clm["figures"][0].update(metric=EVIL, unit=EVIL, qualifier=EVIL)
    clm["context"][0]["note"] = EVIL
    return [rec, other, agr, clm]


def test_every_page_and_download_is_generated():
    pages = _render([policy(), agreement(), claim()])
    jurisdictions = {f"jurisdictions/{j}.md" for j in Project(REPO).jurisdictions}
    records = {"records/us-ca-test-act.md", "records/us-tx-example-county-sheriffs-office-tfm.md", "records/us-ny-claim-example.md"}
    assert set(pages) == STATIC_PAGES | DOWNLOADS | jurisdictions | records


def test_render_is_deterministic_whatever_the_input_order():
    recs = [policy(), agreement(), claim(), policy(id="us-tx-test-act", jurisdiction="us-tx")]
    assert _render(recs) == _render(list(reversed(recs)))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]


def test_record_text_can_never_become_markup():
    pages = _render(_evil_records())
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        parser = _Tags()
        parser.feed(text)
        assert "img" not in parser.tags, path
        scripts = [a for a in parser.attrs if a[0] == "script"]
        assert all(a == ("script", "type", "application/json") or a[1] in ("id", "data-search-exclude") for a in scripts), path
        for tag, name, value in parser.attrs:
            assert not name.startswith("on"), (path, tag, name)
            assert not value.strip().lower().startswith("javascript:"), (path, tag, name, value)
        assert "<!--" not in text.replace("<!-- ", ""), path
    record = pages["records/us-ca-test-act.md"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in record
    front = record.split("---")[1]
    assert "<" not in front and "&" not in front.replace("&#", "")


def test_compare_data_is_json_that_cannot_close_its_script_tag():
    page = _render(_evil_records())["compare.md"]
    raw = re.search(r'<script type="application/json" id="pkb-compare-data" data-search-exclude>(.*?)</script>', page, re.S).group(1)
    assert "<" not in raw and ">" not in raw
    data = json.loads(raw)
    assert data["records"]["us-ca-test-act"]["title"] == EVIL  # the text survives, as data
    assert data["records"]["us-ca-test-act"]["provisions"][0]["href"] == "../records/us-ca-test-act/#provision-1"
    assert "us-tx-example-county-sheriffs-office-tfm" not in data["records"]  # agreements and claims are not compared
    assert json.loads(str(json_script({"a": "</script>&\u2028"}))) == {"a": "</script>&\u2028"}


def test_urls_and_titles_helpers():
    assert safe_url("https://example.gov/a?b=c") == "https://example.gov/a?b=c"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example", 'https://x" onclick="y', None, 3):
        assert safe_url(bad) == "#"
    assert title_text("Sheriff's \"Office\" <b>&") == "Sheriff\u2019s \u201dOffice\u201d b"
    assert page_title(policy(title="California Values Act", short_title="SB 54 (2017)")) == "California Values Act · SB 54 (2017)"
    assert page_title(policy(title="Texas SB 4", short_title="SB 4")) == "Texas SB 4"


@pytest.mark.parametrize(("src", "dst", "expected"), [
    ("index.md", "records/index.md", "records/"),
    ("index.md", "matrix.md", "matrix/"),
    ("records/a.md", "records/b.md", "../b/"),
    ("records/a.md", "index.md", "../../"),
    ("records/a.md", "jurisdictions/us-ca.md", "../../jurisdictions/us-ca/"),
    ("compare.md", "records/a.md#provision-2", "../records/a/#provision-2"),
    ("downloads.md", "downloads/records.csv", "records.csv"),
    ("records/index.md", "records/a.md", "a/"),
    ("matrix.md", "matrix.md", "./"),
])
def test_relative_links(src, dst, expected):
    assert rel(src, dst) == expected
    assert url_of("records/index.md") == "records/" and url_of("index.md") == ""


def test_record_page_shows_relations_claims_timeline_and_edit_link():
    recs = [policy(aliases=["SB 54"]), policy(id="us-ca-amending-act", title="Amending Act", relations=[{"type": "amends", "target": "us-ca-test-act"}]),
            claim(about={"policies": ["us-ca-test-act"]})]
    pages = _render(recs, edit_base="https://github.com/o/r/edit/main", source_paths={"us-ca-test-act": "policies/us-ca/statutes/us-ca-test-act.yaml"})
    page = pages["records/us-ca-test-act.md"]
    assert '<li>amended by: <a href="../us-ca-amending-act/">Amending Act</a></li>' in page
    assert '<a href="../us-ny-claim-example/">Example agency figures (2026-01-30)</a>' in page
    assert '<a href="https://github.com/o/r/edit/main/policies/us-ca/statutes/us-ca-test-act.yaml">Edit this record</a>' in page
    assert page.index('<time datetime="2025-01-02">') < page.index('<time datetime="2025-06-01">') < page.index('<time datetime="2026-01-01">')
    assert '<tr id="provision-1">' in page and "SB54" in page
    assert "Edit this record" not in pages["records/us-ca-amending-act.md"]  # no path given, no link
    assert '<li>amends: <a href="../us-ca-test-act/">Test Act</a></li>' in pages["records/us-ca-amending-act.md"]


def test_record_page_marks_a_provision_without_a_pinpoint():
    cited = policy()
    uncited = policy(id="us-ca-uncited-act", title="Uncited Act")
    del uncited["provisions"][0]["citation"]
    pages = _render([cited, uncited])
    assert "<td>§ 2</td>" in pages["records/us-ca-test-act.md"]
    assert "No pinpoint confirmed" not in pages["records/us-ca-test-act.md"]
    row = pages["records/us-ca-uncited-act.md"].split('<tr id="provision-1">', 1)[1].split("</tr>", 1)[0]
    assert '<td><em>No pinpoint confirmed</em> (<a href="#review">see review</a>)</td>' in row


def test_jurisdiction_page_lists_answers_records_and_agreements():
    pages = _render([policy(), agreement(jurisdiction="us-ca", id="us-ca-example-county-sheriffs-office-tfm")])
    page = pages["jurisdictions/us-ca.md"]
    assert '<a class="pkb-entry pkb-a-restricts" href="../../records/us-ca-test-act/#provision-1">Restricts</a>' in page
    assert "<td>Example County</td><td>Task Force Model</td><td>2025-03-01</td>" in page
    assert '<a href="https://www.ice.gov/doclib/287gMOA/exampleTFM.pdf">MOA</a>' in page
    assert "Not researched yet" in page
    assert "No records for Texas yet" in pages["jurisdictions/us-tx.md"]


def test_matrix_has_a_row_per_jurisdiction_and_a_column_per_dimension():
    project = Project(REPO)
    page = _render([policy()])["matrix.md"]
    assert page.count("<tr data-jurisdiction=") == len(project.jurisdictions)
    assert page.count('<th scope="col" data-dimension=') == len(project.dimensions)
    assert '<li data-answer="restricts" data-group="current" data-kind="statute">' in page


def test_map_has_a_tile_per_place_for_every_dimension():
    project = Project(REPO)
    page = _render([policy()])["map.md"]
    places = sum(1 for j in project.jurisdictions.values() if j["type"] != "federal")
    assert page.count('class="pkb-tile ') == places * len(project.dimensions)
    assert 'aria-label="California: Restricts"' in page
    assert page.count("table view</summary>") == len(project.dimensions)


def test_codebook_page_lists_every_dimension_and_answer():
    project = Project(REPO)
    page = _render([])["codebook.md"]
    for d in project.dimensions.values():
        assert f'<h3 id="{d.id}">' in page
        for a in d.answers:
            assert f"<code>{a['value']}</code>" in page


def test_codebook_page_shows_its_version_and_changes():
    project = Project(REPO)
    pages = _render([], codebook_version=project.codebook_version, codebook_changes=project.codebook_changes)
    page = pages["codebook.md"]
    assert f"This is codebook version {project.codebook_version};" in page
    assert '<dt id="change-2">Version 2, <time datetime="2026-11-29">2026-11-29</time>: <a href="#detainer-holds">Detainer holds</a></dt>' in page
    holds = page.split('<h3 id="detainer-holds">')[1].split("<h3 ")[0]
    assert 'Revised in version 2 (<time datetime="2026-11-29">2026-11-29</time>): see <a href="#change-2">the change</a>' in holds
    assert "Revised in version" not in page.split('<h3 id="release-notification">')[1].split("<h3 ")[0]
    assert f"codebook version {project.codebook_version}</a>" in pages["downloads.md"]
    from policykb.project import CodebookChange

    evil = CodebookChange(3, "2026-12-01", EVIL, ("detainer-holds",))
    assert "<script>alert" not in _render([], codebook_version=3, codebook_changes=[evil])["codebook.md"]


def test_claims_ledger_and_timeline():
    pages = _render([policy(), claim(), agreement()])
    assert '<a href="#claim-us-ny-claim-example">' in pages["claims.md"] and "<td>10</td>" in pages["claims.md"]
    timeline = pages["timeline.md"]
    assert '<tr><th scope="row">2025-03</th><td>0</td><td>1</td><td>0</td><td>1</td>' in timeline
    assert "### 2025" in timeline


def test_home_counts_and_recent_changes_skip_future_dates():
    rec = policy(history=[{"date": "2025-01-02", "event": "introduced", "sources": ["leg"]},
                          {"date": "2027-01-01", "event": "effective", "sources": ["leg"]}])
    home = _render([rec, agreement()])["index.md"]
    assert '<tr><th scope="row">Statute</th><td>1</td>' in home
    assert '<tr><th scope="row">Task Force Model</th><td>1</td><td>active: 1</td>' in home
    assert '<time datetime="2025-01-02">' in home and '<time datetime="2027-01-01">' not in home


def test_edit_links_come_from_config_or_the_github_build():
    from policykb.site.mkdocs_build import edit_base

    assert edit_base("https://github.com/o/r/edit/main", {}) == "https://github.com/o/r/edit/main"
    assert edit_base("", {}) is None
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_REF_NAME": "main"}
    assert edit_base(None, env) == "https://github.com/o/r/edit/main"
    assert edit_base(None, {**env, "GITHUB_BASE_REF": "trunk", "GITHUB_REF_NAME": "12/merge"}) == "https://github.com/o/r/edit/trunk"


def test_coverage_shows_answered_none_found_and_not_researched():
    pages = _render([policy(), coverage_record()])
    jur = pages["jurisdictions/us-ca.md"]
    assert "None found (researched)" in jur and "Researched 2026-11-01: California Legislative Information bill search" in jur
    assert '<a href="../../records/us-ca-coverage/">Sources</a>' in jur
    cov = pages["coverage.md"]
    assert "Answered: 1. None found: 1. Missing: 622 (open after research: 0; not researched: 622)." in cov
    assert '<td class="pkb-cov-researched-none">None found <small>(2026-11-01)</small></td>' in cov
    assert '<small class="pkb-none-found">None found (2026-11-01)</small>' in pages["matrix.md"]
    assert 'aria-label="California: None found (researched)"' in pages["map.md"]
    assert "Dimensions researched with none found" in pages["records/us-ca-coverage.md"]
    assert "us-ca,California,courthouse-arrests,researched-none,,2026-11-01," in pages["downloads/coverage.csv"]


def test_sourcing_is_shown_per_record_and_per_jurisdiction():
    news = {"key": "news", "url": "https://news.example.com/a", "title": "Report", "publisher": "Example News",
            "accessed": "2026-11-01", "type": "secondary"}
    record = policy(history=[{"date": "2025-01-02", "event": "introduced", "sources": ["news"]},
                             {"date": "2025-06-01", "event": "signed", "sources": ["leg"]}],
                    sources=[policy()["sources"][0], news])
    pages = _render([record, agreement(jurisdiction="us-ca", id="us-ca-example-county-sheriffs-office-tfm")])
    assert ("2 of 3 sourced statements on this page cite a primary source (one issued by the legislature, governor, court "
            "or agency that made the text); 1 rest on secondary sources only.") in pages["records/us-ca-test-act.md"]
    cov = pages["coverage.md"]
    assert "of the 3 sourced statements in these jurisdictions' records" in cov and "2 cite a primary source" in cov
    assert "<td>2 of 3</td></tr>" in cov  # California's row; the agreement's facts are left out
    assert "<td>0 of 0</td></tr>" in cov


def test_event_known_only_from_a_later_report_reads_on_or_before():
    record = policy()
    record["history"][1] = {"date": "2025-06-01", "date_qualifier": "on-or-before", "event": "signed", "sources": ["leg"]}
    pages = _render([record])
    assert 'on or before <time datetime="2025-06-01">2025-06-01</time> <strong>signed</strong>' in pages["records/us-ca-test-act.md"]
    assert 'on or before <time datetime="2025-06-01">2025-06-01</time></td>' in pages["timeline.md"]


def test_open_cells_say_what_is_still_unknown():
    rec = coverage_record()
    rec["entries"].append({"dimension": "data-privacy", "finding": "unresolved", "researched_on": "2026-11-02",
                           "searched": "California bill search <b>2026</b>.", "blocker": "The outcome of AB 1 <script>x</script> was not found.",
                           "sources": ["leg"]})
    pages = _render([policy(), rec])
    jur = pages["jurisdictions/us-ca.md"]
    assert "<td>Open (researched, not settled)</td>" in jur
    assert "Researched 2026-11-02, not settled: The outcome of AB 1 &lt;script&gt;x&lt;/script&gt; was not found. <a " in jur
    # the search log, often long after several passes, folds away under the blocker
    assert ('<details class="pkb-searched"><summary>What was searched</summary>'
            "<p>California bill search &lt;b&gt;2026&lt;/b&gt;.</p></details>") in jur
    cov = pages["coverage.md"]
    assert "Missing: 622 (open after research: 1; not researched: 621)." in cov
    assert '<td class="pkb-cov-missing"><span class="pkb-open">Open</span> <small>(2026-11-02)</small></td>' in cov
    assert '<small class="pkb-open">Open (2026-11-02)</small>' in pages["matrix.md"]
    assert 'aria-label="California: Open (researched, not settled)"' in pages["map.md"]
    record_page = pages["records/us-ca-coverage.md"]
    assert "## Dimensions researched with none found" in record_page and "## Dimensions researched and still open" in record_page
    assert "<td>The outcome of AB 1 &lt;script&gt;x&lt;/script&gt; was not found.</td>" in record_page
    assert "us-ca,California,data-privacy,missing,,2026-11-02,California bill search <b>2026</b>.,yes,The outcome of AB 1" in pages["downloads/coverage.csv"]


def test_open_cells_link_the_records_they_wait_on():
    bill = policy(id="us-ca-ab-1-2026", kind="bill", status="introduced", short_title=EVIL)
    rec = coverage_record()
    rec["entries"].append({"dimension": "data-privacy", "finding": "unresolved", "researched_on": "2026-11-02",
                           "searched": "California bill search.", "blocker": "The outcome of AB 1 was not found.",
                           "waiting_on": [{"record": "us-ca-ab-1-2026", "status": "introduced"}], "sources": ["leg"]})
    pages = _render([policy(), bill, rec])
    link = '<a href="../../records/us-ca-ab-1-2026/">&lt;script&gt;'
    assert "The outcome of AB 1 was not found. Waiting on: " + link in pages["jurisdictions/us-ca.md"]
    assert "(introduced)." in pages["jurisdictions/us-ca.md"] and "<script>alert" not in pages["jurisdictions/us-ca.md"]
    assert 'Waiting on: <a href="../us-ca-ab-1-2026/">&lt;script&gt;' in pages["records/us-ca-coverage.md"]
    assert pages["downloads/coverage.csv"].splitlines()[0].endswith(",blocker,waiting_on")
    assert ",The outcome of AB 1 was not found.,us-ca-ab-1-2026 (introduced)" in pages["downloads/coverage.csv"]
    cov = pages["coverage.md"]
    assert cov.startswith("---\ntitle: Coverage\n---")
    row = cov.split('<table id="pkb-open-waits">')[1].split("</tr>")[1]
    assert '<a href="../records/us-ca-ab-1-2026/">&lt;script&gt;' in row and "<small>California</small>" in row
    assert '<td>1</td><td><a href="../jurisdictions/us-ca/">Data privacy</a></td>' in row
    assert "open cell(s) wait on a text or fact that has no record yet" not in cov


def test_bills_page_lists_pending_then_ended_bills_with_status_dates():
    def bill(id, jurisdiction, status, as_of, **kw):
        return policy(**{"id": id, "kind": "bill", "jurisdiction": jurisdiction, "status": status, "status_as_of": as_of,
                         "short_title": id.upper(), **kw})
    recs = [bill("us-tx-hb-1-2026", "us-tx", "introduced", "2026-02-01"),
            bill("us-al-sb-2-2026", "us-al", "passed-one-chamber", "2026-03-01", provisions=[]),
            bill("us-al-sb-9-2026", "us-al", "introduced", "2026-04-01", title=EVIL, short_title=EVIL),
            bill("us-ca-ab-3-2025", "us-ca", "died", "2025-09-30"), policy()]
    page = _render(recs)["bills.md"]
    assert "Bills recorded in the knowledge base: 3 pending and 1 that ended without becoming law." in page
    pending, ended = page.split("## Pending (3)")[1].split("## Ended without becoming law (1)")
    # Alabama before Texas; within Alabama the newest status first; the enacted statute is not a bill
    assert pending.index("us-al-sb-9-2026") < pending.index("us-al-sb-2-2026") < pending.index("us-tx-hb-1-2026")
    assert '<time datetime="2026-03-01">2026-03-01</time></td><td>none coded</td>' in pending
    assert "<td>Detainer holds: Restricts</td>" in pending and "us-ca-test-act" not in page
    assert "US-CA-AB-3-2025" in ended
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
