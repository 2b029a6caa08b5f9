"""Coverage: answered, researched-none and missing per jurisdiction and dimension, and the command."""

from policykb.cli import main
from policykb.coverage import coverage, in_target, open_total, totals
from policykb.project import Project
from tests.conftest import REPO, coverage_record, policy


def _table(records):
    project = Project(REPO)
    return coverage(records, project.dimensions, project.jurisdictions)


def test_states_of_a_cell():
    local = policy(id="us-ca-city-law", kind="local-law", locality={"name": "San Francisco", "type": "city"}, provisions=[
        {"dimension": "ice-jail-access", "answer": "prohibits", "citation": "§ 1", "note": "n", "sources": ["leg"]}])
    bill = policy(id="us-ca-bill", kind="bill", status="introduced", provisions=[
        {"dimension": "data-privacy", "answer": "restricts", "citation": "§ 1", "note": "n", "sources": ["leg"]}])
    table = _table([policy(), local, bill, coverage_record()])
    ca = table["us-ca"]
    assert (ca["detainer-holds"].state, ca["detainer-holds"].records) == ("answered", ["us-ca-test-act"])
    assert ca["courthouse-arrests"].state == "researched-none" and ca["courthouse-arrests"].entry["researched_on"] == "2026-11-01"
    assert ca["ice-jail-access"].state == "missing"  # a city law does not answer for the state
    assert (ca["data-privacy"].state, ca["data-privacy"].records) == ("missing", ["us-ca-bill"])  # only a bill: in-force law unknown
    assert table["us-tx"]["detainer-holds"].state == "missing"


def test_target_is_states_dc_and_puerto_rico():
    project = Project(REPO)
    target = [j for j, v in project.jurisdictions.items() if in_target(j, v)]
    assert len(target) == 52 and "us-pr" in target and "us-dc" in target and "us" not in target and "us-gu" not in target
    table = _table([policy(), coverage_record()])
    counts = totals(table, ["us-ca"])
    assert counts == {"answered": 1, "researched-none": 1, "missing": len(project.dimensions) - 2}


def test_coverage_command(repo, capsys):
    repo.write(policy())
    repo.write(coverage_record())
    assert main(["--root", str(repo.root), "coverage", "--jurisdiction", "us-ca"]) == 0
    out = capsys.readouterr().out
    assert "us-ca  California  answered 1  researched-none 1  missing 10" in out
    assert "    missing: 287g-agreements, release-notification," in out
    assert main(["--root", str(repo.root), "coverage", "--jurisdiction", "us-ca", "--require-complete"]) == 1
    capsys.readouterr()
    assert main(["--root", str(repo.root), "coverage", "--format", "csv", "--jurisdiction", "us-ca"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "jurisdiction,dimension,state,records,researched_on,open"
    assert "us-ca,detainer-holds,answered,us-ca-test-act,," in lines
    assert "us-ca,courthouse-arrests,researched-none,,2026-11-01," in lines
    assert main(["--root", str(repo.root), "coverage", "--jurisdiction", "us-zz"]) == 2


OPEN = {"dimension": "data-privacy", "finding": "unresolved", "researched_on": "2026-11-02", "searched": "California bill search, 2024-2026.",
        "blocker": "The outcome of AB 1 (2026), which would limit data sharing, was not found.", "sources": ["leg"]}


def test_an_unresolved_entry_leaves_the_cell_missing_but_open():
    rec = coverage_record()
    rec["entries"].append(OPEN)
    table = _table([policy(), rec])
    cell = table["us-ca"]["data-privacy"]
    assert (cell.state, cell.open, cell.entry["blocker"]) == ("missing", True, OPEN["blocker"])
    assert not table["us-ca"]["courthouse-arrests"].open and not table["us-ca"]["ice-jail-access"].open
    assert totals(table, ["us-ca"])["missing"] == len(Project(REPO).dimensions) - 2  # open cells still count as missing
    assert open_total(table, ["us-ca", "us-tx"]) == 1


def test_coverage_command_marks_open_cells(repo, capsys):
    rec = coverage_record()
    rec["entries"].append(OPEN)
    repo.write(policy())
    repo.write(rec)
    assert main(["--root", str(repo.root), "coverage", "--jurisdiction", "us-ca", "--require-complete"]) == 1
    out = capsys.readouterr().out
    assert "data-privacy (open)" in out and "state-immigration-crimes (open)" not in out
    assert out.rstrip().endswith("missing 10 (of which open after research 1)")
    assert main(["--root", str(repo.root), "coverage", "--format", "csv", "--jurisdiction", "us-ca"]) == 0
    assert "us-ca,data-privacy,missing,,2026-11-02,yes" in capsys.readouterr().out.splitlines()


def test_coverage_json_names_what_open_cells_wait_on(repo, capsys):
    import json

    rec = coverage_record()
    rec["entries"].append({**OPEN, "waiting_on": [{"record": "us-ca-test-act", "status": "in-effect"}]})
    repo.write(policy())
    repo.write(rec)
    assert main(["--root", str(repo.root), "coverage", "--format", "json", "--jurisdiction", "us-ca"]) == 0
    cells = json.loads(capsys.readouterr().out)["us-ca"]
    assert cells["data-privacy"]["waiting_on"] == ["us-ca-test-act"] and cells["data-privacy"]["open"] is True
    assert cells["courthouse-arrests"]["waiting_on"] == []
