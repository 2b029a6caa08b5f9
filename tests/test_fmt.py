"""The canonical style: stable, value-preserving, idempotent."""

from policykb.cli import main
from policykb.fmt import format_document
from policykb.loader import load_text
from tests.conftest import claim, policy

MESSY = """# yaml-language-server: $schema=../../../schema/record.schema.json
title: Test Act
kind: statute
id: us-ca-test-act
summary: 'A summary that is long enough to be folded because it runs well past the eighty character mark.'
status: enacted
jurisdiction: us-ca
history:
- {date: 2025-06-01, event: signed, sources: [leg]}
sources:
- key: leg
  url: https://legislature.example.gov/bills/sb-1
  title: "no"
  publisher: Example Legislature
  accessed: 2026-11-01
  type: primary
review: {last_verified: 2026-11-01}
"""


def test_format_orders_keys_quotes_ambiguous_text_and_keeps_header(repo):
    doc = load_text("r.yaml", MESSY.encode())
    out = format_document(doc, MESSY, repo.project.record_schema)
    assert out is not None
    lines = out.splitlines()
    assert lines[0].startswith("# yaml-language-server:")
    assert lines[1:4] == ["id: us-ca-test-act", "kind: statute", "title: Test Act"]
    assert '    title: "no"' in out
    assert "summary: >-" in out
    assert "  - date: 2025-06-01" in out
    assert load_text("r.yaml", out.encode()).data == doc.data
    assert format_document(load_text("r.yaml", out.encode()), out, repo.project.record_schema) == out


def test_fmt_check_and_write(repo, capsys):
    path = repo.write(MESSY, "policies/us-ca/statutes/us-ca-test-act.yaml")
    assert main(["--root", str(repo.root), "fmt", "--check"]) == 1
    assert f"{path}:1:1: fmt: not in canonical form" in capsys.readouterr().out
    assert main(["--root", str(repo.root), "fmt", "--write"]) == 0
    assert main(["--root", str(repo.root), "fmt", "--check"]) == 0


def test_generated_records_are_canonical(repo):
    repo.write(policy())
    repo.write(claim())
    assert main(["--root", str(repo.root), "fmt", "--check"]) == 0


def test_unparseable_file_is_reported_not_rewritten(repo, capsys):
    path = repo.write("id: [broken\n", "policies/us/statutes/us-broken.yaml")
    assert main(["--root", str(repo.root), "fmt", "--write"]) == 1
    assert (repo.root / path).read_text() == "id: [broken\n"
    assert "cannot format a file with YAML problems" in capsys.readouterr().out
