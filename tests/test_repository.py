"""The repository itself: its records are valid and canonical, and set-up and CI say what they do."""

import yaml

from policykb.project import Project
from policykb.validate import validate
from tests.conftest import REPO, real_today

REQUIRED = [
    "us-ina-287g", "us-287g-program", "us-8-usc-1373", "us-detainers-8-cfr-287-7", "us-eo-14159", "us-eo-14287",
    "us-laken-riley-act", "us-obbba-287g-funding", "us-ny-local-cops-local-crimes-act", "us-ny-new-york-for-all-act",
    "us-ny-protect-our-courts-act", "us-ny-green-light-law", "us-ny-nyc-detainer-laws-2014",
    "us-ny-claim-dhs-2026-01-30-releases", "us-ny-claim-dhs-2026-01-30-custody", "us-ca-sb-54-2017", "us-il-trust-act",
    "us-wa-keep-washington-working-act", "us-or-ors-181a-820", "us-nj-immigrant-trust-directive", "us-md-287g-ban-2026",
    "us-tx-sb-4-2017", "us-tx-sb-8-2025", "us-fl-sb-168-2019", "us-fl-287g-jails-2022", "us-fl-sb-2-c-2025",
    "us-ga-hb-1105-2024", "us-arizona-v-united-states-2012", "us-united-states-v-california-2019",
    "us-city-of-el-cenizo-v-texas-2018",
]


def test_repository_records_are_valid(monkeypatch):
    monkeypatch.setenv("POLICYKB_TODAY", real_today())
    assert validate(Project(REPO)) == []


def test_repository_has_the_first_records():
    ids = {p.rsplit("/", 1)[-1].removesuffix(".yaml") for p in Project(REPO).record_files()}
    assert len(ids) >= 30
    assert not [r for r in REQUIRED if r not in ids]
    assert any("/us-ny/287g/" in p for p in Project(REPO).record_files())


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text()
    assert "make serve" in readme and "make test" in readme
    assert "make test" in (REPO / ".ci/run").read_text()


def test_workflows_validate_with_annotations_build_and_deploy():
    pr = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text())
    steps = [s.get("run", "") for s in pr["jobs"]["check"]["steps"]]
    assert "pull_request" in pr[True]  # PyYAML reads the key 'on' as True
    assert any("policykb validate --format github" in s for s in steps)
    assert any("make build" in s for s in steps) and "mkdocs build --strict" in (REPO / "Makefile").read_text()
    assert "bookworm" in pr["jobs"]["check"]["container"] and any("apt-get install" in s and "chromium" in s for s in steps)
    deploy = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text())
    assert deploy[True]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for job in deploy["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_site_config_loads_nothing_from_other_hosts():
    text = (REPO / "mkdocs.yml").read_text()
    assert "font: false" in text and "repo_url" not in text.replace("# No repo_url", "")


def test_scheduled_ice_import_uses_the_tested_commands():
    wf = yaml.safe_load((REPO / ".github/workflows/ice-287g.yml").read_text())
    assert "schedule" in wf[True]
    runs = "\n".join(s.get("run", "") for s in wf["jobs"]["import"]["steps"])
    assert "policykb ice-287g-links" in runs and "policykb import-287g" in runs and "--report" in runs
    assert any(s.get("uses", "").startswith("peter-evans/create-pull-request@") for s in wf["jobs"]["import"]["steps"])


def test_contributor_files_are_well_formed():
    for name in ("new-policy.yml", "correction.yml"):
        form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE" / name).read_text())
        assert form["name"] and form["description"] and form["body"]
        required = [f["id"] for f in form["body"] if f.get("validations", {}).get("required")]
        assert required, name
    correction = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/correction.yml").read_text())
    assert {"record-says", "source-says", "url"} <= {f.get("id") for f in correction["body"]}
    assert "- [ ]" in (REPO / ".github/pull_request_template.md").read_text()
    assert (REPO / ".github/CODEOWNERS").read_text().count("@") >= 1
    assert {label["name"] for label in yaml.safe_load((REPO / ".github/labels.yml").read_text())} >= {"new-record", "correction"}
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"policykb-validate", "policykb-fmt"} and all(h["entry"].startswith("policykb ") for h in hooks)
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    entries = [h["entry"] for r in config["repos"] for h in r["hooks"]]
    assert ".venv/bin/policykb validate --changed" in entries and ".venv/bin/policykb fmt --write" in entries
    guide = (REPO / "CONTRIBUTING.md").read_text()
    for topic in ("policykb new", "Sourcing rules", "Neutral wording", "codebook", "Review process"):
        assert topic in guide


def test_pull_requests_check_changed_records_and_describe_the_change():
    pr = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text())
    check = "\n".join(s.get("run", "") for s in pr["jobs"]["check"]["steps"])
    assert "policykb validate --changed --base" in check
    describe = pr["jobs"]["describe"]
    assert describe["permissions"]["pull-requests"] == "write"
    assert any("policykb diff" in s.get("run", "") for s in describe["steps"])
    assert any(s.get("uses", "").startswith("actions/github-script@") for s in describe["steps"])
