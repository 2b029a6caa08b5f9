"""Sourcing: which facts rest on a primary source, and the ``policykb sources`` command."""

import json

from policykb.cli import main
from policykb.loader import load_file
from policykb.sourcing import facts, tally
from tests.conftest import SOURCE, policy


def _mixed():
    """A statute whose signing and provision cite a primary source and whose introduction cites a newspaper."""
    news = {**SOURCE, "key": "news", "url": "https://news.example.com/a", "publisher": "Example News", "type": "secondary"}
    return policy(
        history=[{"date": "2025-01-02", "event": "introduced", "sources": ["news"]},
                 {"date": "2025-06-01", "event": "signed", "sources": ["news", "leg"]}],
        sources=[SOURCE, news],
    )


def test_facts_are_the_parts_that_cite_sources():
    found = facts(_mixed())
    assert [(f.where, f.primary) for f in found] == [
        ("history[0]", False), ("history[1]", True), ("provisions[0]", True)]  # the record's own sources list is not a fact
    counts = tally(found, "kind")["statute"]
    assert (counts.total, counts.primary, counts.secondary_only, counts.share()) == (3, 2, 1, "67%")


def test_a_key_of_unknown_type_is_not_primary():
    record = policy(provisions=[{"dimension": "detainer-holds", "answer": "restricts", "citation": "§ 2",
                                 "note": "n", "sources": ["nowhere"]}])
    assert [f.primary for f in facts(record)] == [True, True, False]


def test_command_counts_and_lists(repo, capsys):
    path = repo.write(_mixed())
    root = str(repo.root)
    assert main(["--root", root, "sources"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["kind", "facts", "primary", "secondary", "only", "primary", "share"]
    assert out[1].split() == ["statute", "3", "2", "1", "67%"]
    assert out[-1].split()[-4:] == ["3", "2", "1", "67%"] and out[-1].startswith("all but 287(g) agreements")

    assert main(["--root", root, "sources", "--secondary-only"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line, col = load_file(repo.root, path).position(("history", 0))
    assert lines == [f"{path}:{line}:{col}: history[0] cites secondary sources only; add the primary source "
                     "(legislature, governor, court or agency page) to its sources if one exists"]
    assert line > 1

    assert main(["--root", root, "sources", "--by", "jurisdiction", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"by": "jurisdiction", "groups": {"us-ca": {"primary": 2, "secondary_only": 1}}}
    assert main(["--root", root, "sources", "--jurisdiction", "us-tx", "--secondary-only"]) == 0
    assert capsys.readouterr().out == ""


def test_command_rejects_unknown_filters(repo, capsys):
    assert main(["--root", str(repo.root), "sources", "--jurisdiction", "us-zz"]) == 2
    assert main(["--root", str(repo.root), "sources", "--kind", "statue"]) == 2
    assert "unknown kind statue" in capsys.readouterr().err
