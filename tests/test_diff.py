"""`policykb diff`: the change between two revisions of a small git repository, in words."""

import subprocess

from policykb.cli import main
from tests.conftest import agreement, claim, coverage_record, policy


def _commit(repo, message):
    for args in (["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=repo.root, check=True, capture_output=True)


def test_diff_describes_the_change(repo, capsys):
    subprocess.run(["git", "init", "-q"], cwd=repo.root, check=True)
    repo.write(policy(short_title="SB 1 (2025)"))
    gone = repo.write(claim())
    _commit(repo, "base")
    changed = policy(short_title="SB 1 (2025)", status="in-effect", status_as_of="2026-11-01")
    changed["provisions"][0]["answer"] = "prohibits"
    changed["provisions"].append({"dimension": "ice-jail-access", "answer": "restricts", "citation": "§ 3", "note": "n", "sources": ["leg"]})
    repo.write(changed)
    repo.write(agreement(agency="Harris County Sheriff's Office", id="us-tx-harris-county-sheriffs-office-tfm", signed="2025-04-02"))
    repo.write(coverage_record())
    (repo.root / gone).unlink()
    _commit(repo, "head")
    assert main(["--root", str(repo.root), "diff", "HEAD~1", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("**Knowledge-base changes** `HEAD~1` → `HEAD`: 2 added, 1 changed, 1 removed.")
    lines = out.splitlines()
    assert "- Texas: Harris County Sheriff's Office: 287(g) Task Force Model agreement added, signed 2025-04-02" in lines
    assert "- California: SB 1 (2025): answer on detainer holds changed from restricts to prohibits (source: https://legislature.example.gov/bills/sb-1)" in lines
    assert "- California: SB 1 (2025): status changed from enacted to in-effect (as of 2026-11-01)" in lines
    assert "- California: SB 1 (2025): now codes ice access to jails as restricts (§ 3) (source: https://legislature.example.gov/bills/sb-1)" in lines
    assert "- California: research coverage added: none found on courthouse arrests" in lines
    assert "- New York: Example agency figures (2026-01-30) removed (record us-ny-claim-example deleted)" in lines


def test_no_change_and_bad_revisions(repo, capsys):
    subprocess.run(["git", "init", "-q"], cwd=repo.root, check=True)
    repo.write(policy())
    _commit(repo, "one")
    assert main(["--root", str(repo.root), "diff", "HEAD", "HEAD"]) == 0
    assert capsys.readouterr().out == "No change to the records between `HEAD` and `HEAD`.\n"
    assert main(["--root", str(repo.root), "diff", "nope", "HEAD"]) == 2


def test_diff_describes_coverage_findings_and_codebook_versions(repo, capsys):
    subprocess.run(["git", "init", "-q"], cwd=repo.root, check=True)
    open_cell = {"dimension": "data-privacy", "finding": "unresolved", "researched_on": "2026-11-02",
                 "searched": "California bill search, 2024-2026.", "blocker": "The outcome of AB 1 was not found.", "sources": ["leg"]}
    repo.write(coverage_record(entries=[*coverage_record()["entries"], open_cell]))
    _commit(repo, "base")
    settled = {k: v for k, v in open_cell.items() if k != "blocker"} | {"finding": "none-found", "researched_on": "2026-12-01"}
    repo.write(coverage_record(entries=[*coverage_record()["entries"], settled]))
    codebook = repo.root / "schema/codebook.yaml"
    codebook.write_text(codebook.read_text().replace("version: 2\nchanges:\n", (
        "version: 3\nchanges:\n  - version: 3\n    date: 2026-12-01\n    dimensions: [data-privacy]\n"
        "    description: Data privacy now covers school records.\n"), 1))
    _commit(repo, "head")
    assert main(["--root", str(repo.root), "diff", "HEAD~1", "HEAD"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == ("- Codebook: version 2 -> 3: Data privacy now covers school records. "
                        "Answers coded under different versions may not compare.")
    assert "- California: researched data privacy: left open -> none found (2026-12-01)" in lines
