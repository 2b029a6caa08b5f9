"""Changed-only checks: the changed files and the records their change affects, nothing else."""

import subprocess

from policykb.cli import main
from policykb.gitfiles import changed_records
from policykb.validate import validate_changed
from tests.conftest import claim, coverage_record, policy


def _rules(problems):
    return sorted((p.path, p.rule) for p in problems)


def test_only_changed_files_and_what_they_affect(repo):
    a = repo.write(policy())
    repo.write(policy(id="us-tx-other-act", jurisdiction="us-tx", summary="x" * 3))
    bad_unrelated = repo.write("id: us-tx-broken\nkind: statute\n", "policies/us-tx/statutes/us-tx-broken.yaml")
    changed = repo.write(claim(about={"policies": ["us-ca-missing-act"]}))
    problems = validate_changed(repo.project, [changed])
    assert _rules(problems) == [(changed, "references-resolve")]
    assert bad_unrelated not in {p.path for p in problems} and a


def test_a_deleted_record_reports_the_records_that_point_at_it(repo):
    target = repo.write(policy())
    pointer = repo.write(claim(about={"policies": ["us-ca-test-act"]}))
    (repo.root / target).unlink()
    assert _rules(validate_changed(repo.project, [target])) == [(pointer, "references-resolve")]


def test_a_change_in_force_rechecks_the_jurisdictions_coverage(repo):
    cov = repo.write(coverage_record(entries=[{**coverage_record()["entries"][0], "dimension": "detainer-holds"}]))
    changed = repo.write(policy())
    assert _rules(validate_changed(repo.project, [changed])) == [(cov, "coverage-entries")]


def test_a_bill_status_change_rechecks_the_open_cells_waiting_on_it(repo):
    from tests.rules.test_coverage_waiting_on import _bill, _open_cell

    cov = repo.write(_open_cell(("us-ca-ab-9-2026", "introduced")))
    changed = repo.write(_bill(status="passed-one-chamber"))
    assert _rules(validate_changed(repo.project, [changed])) == [(cov, "coverage-waiting-on")]


def test_ids_of_files_not_loaded_still_count(repo):
    repo.write(policy(), "policies/us-ca/statutes/us-ca-test-act.yaml")
    dup = repo.write(policy(kind="bill", status="introduced"), "policies/us-ca/bills/us-ca-test-act.yaml")
    assert ("unique-ids" in {p.rule for p in validate_changed(repo.project, [dup])})


def test_changed_records_from_git_and_the_cli(repo, capsys):
    def git(*args):
        subprocess.run(["git", *args], cwd=repo.root, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "--allow-empty", "-m", "empty")
    kept = repo.write(policy())
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "one")
    new = repo.write(policy(id="us-ca-new-act"))
    (repo.root / kept).write_text((repo.root / kept).read_text().replace("Test Act", "Test Act (amended)"))
    assert changed_records(repo.root) == sorted([kept, new])
    assert changed_records(repo.root, "HEAD~1") == sorted([kept, new])
    assert main(["--root", str(repo.root), "validate", "--changed"]) == 0
    assert "2 changed file(s) checked" in capsys.readouterr().err
    assert main(["--root", str(repo.root), "validate", "--changed", "--base", "no-such-rev"]) == 2
