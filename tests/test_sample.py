"""policykb sample: a reproducible random sample of records to audit."""

import pytest

from policykb.cli import main
from policykb.sample import draw
from tests.conftest import agreement, claim, coverage_record, policy


def _pool(n=40):
    """n statutes in force across two states, half of them verified early, plus records left out by default."""
    out = []
    for i in range(n):
        jur = "us-ca" if i % 2 else "us-tx"
        rec = policy(id=f"{jur}-act-{i:02d}", jurisdiction=jur, review={"last_verified": "2026-01-01" if i < n // 2 else "2026-11-01"})
        out.append((f"policies/{jur}/statutes/{rec['id']}.yaml", rec))
    out.append(("policies/us-ca/bills/us-ca-ab-1-2026.yaml", policy(id="us-ca-ab-1-2026", kind="bill", status="introduced")))
    out.append(("policies/us-ca/coverage/us-ca-coverage.yaml", coverage_record()))
    out.append(("policies/us-ca/287g/x.yaml", agreement()))
    out.append(("policies/us-ny/claims/y.yaml", claim()))
    return out


def test_same_seed_same_sample_whatever_the_input_order():
    pool = _pool()
    first = draw(pool, 10, "2026-11-29")
    assert len(first) == 10
    assert first == draw(list(reversed(pool)), 10, "2026-11-29")  # sorted by path before the draw
    assert [p.path for p in first] == sorted(p.path for p in first)
    assert [p.path for p in draw(pool, 10, "another seed")] != [p.path for p in first]


def test_agreements_and_coverage_records_are_left_out_unless_named():
    everything = draw(_pool(), 100, "s")
    assert len(everything) == 42  # 40 statutes, the bill and the claim
    assert {p.kind for p in everything} == {"statute", "bill", "claim"}
    assert [p.kind for p in draw(_pool(), 100, "s", kinds=["coverage"])] == ["coverage"]


def test_filters_narrow_the_pool_before_the_draw():
    pool = _pool()
    assert {p.record for p in draw(pool, 100, "s", groups=["pending"])} == {"us-ca-ab-1-2026"}
    tx = draw(pool, 100, "s", jurisdictions=["us-tx"], kinds=["statute"])
    assert len(tx) == 20 and all(p.record.startswith("us-tx-") for p in tx)
    stale = draw(pool, 100, "s", kinds=["statute"], verified_before="2026-06-01")
    assert len(stale) == 20 and {p.last_verified for p in stale} == {"2026-01-01"}


def test_sample_command(repo, capsys):
    for i in range(5):
        repo.write(policy(id=f"us-ca-act-{i}"))
    repo.write(policy(id="us-ca-ab-1-2026", kind="bill", status="introduced"))
    assert main(["--root", str(repo.root), "sample", "--seed", "x", "--count", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and all(line.startswith("policies/us-ca/") and line.endswith(".yaml") for line in out)
    assert main(["--root", str(repo.root), "sample", "--seed", "x", "--count", "3"]) == 0
    assert capsys.readouterr().out.splitlines() == out  # reproducible
    assert main(["--root", str(repo.root), "sample", "--seed", "x", "--status", "pending", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["path,record,kind,status,last_verified",
                                         "policies/us-ca/bills/us-ca-ab-1-2026.yaml,us-ca-ab-1-2026,bill,introduced,2026-11-01"]
    assert "only 1 record(s) match" in captured.err
    with pytest.raises(SystemExit) as exit_info:  # the seed is required
        main(["--root", str(repo.root), "sample"])
    assert exit_info.value.code == 2
    assert main(["--root", str(repo.root), "sample", "--seed", "x", "--count", "0"]) == 2
    assert main(["--root", str(repo.root), "sample", "--seed", "x", "--kind", "law"]) == 2
    assert main(["--root", str(repo.root), "sample", "--seed", "x", "--verified-before", "June"]) == 2
