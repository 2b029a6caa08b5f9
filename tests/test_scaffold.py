"""`policykb new`: a skeleton at the right path that fails validation until its TODOs are filled."""

import re

import pytest

from policykb.cli import main

FILL = {  # key -> a valid value, as the contributor would write it
    "value": "SB 1", "status": None, "status_as_of": "2025-06-01", "date": "2025-06-01", "event": "signed",
    "dimension": None, "answer": None, "citation": "§ 1", "key": "leg", "url": "https://legislature.example.gov/sb-1",
    "title": "SB 1 bill page", "publisher": "Example Legislature", "type": "primary", "agency_type": "county", "county": "Example County",
    "signed": "2025-03-01", "name": "Example Agency", "made_on": "2026-01-30", "medium": "press release", "metric": "releases",
    "unit": "people",
}
STATUS = {"statute": "enacted", "agreement-287g": "active"}


def _fill(text: str, kind: str) -> str:
    values = {**FILL, "status": STATUS.get(kind, "enacted"), "dimension": "courthouse-arrests" if kind == "coverage" else "detainer-holds",
              "answer": "restricts"}
    text = text.replace("type: TODO  # federal-agency", "type: federal-agency  #")
    text = re.sub(r"\[TODO\]", "[leg]", text)
    text = re.sub(r"^(\s*-?\s*)(\w+): TODO\b.*$", lambda m: f"{m.group(1)}{m.group(2)}: {values[m.group(2)]}", text, flags=re.M)
    text = re.sub(r"^(\s+)TODO:? (.*)$", lambda m: m.group(1) + m.group(2).capitalize(), text, flags=re.M)  # block text
    return re.sub(r"^(\s+- )TODO: (.*)$", lambda m: m.group(1) + m.group(2).capitalize(), text, flags=re.M)


@pytest.mark.parametrize(("kind", "extra", "path"), [
    ("statute", ["--title", "Example Act"], "policies/us-ca/statutes/us-ca-example-act.yaml"),
    ("claim", ["--title", "Example agency figures"], "policies/us-ca/claims/us-ca-example-agency-figures.yaml"),
    ("coverage", [], "policies/us-ca/coverage/us-ca-coverage.yaml"),
    ("agreement-287g", ["--title", "Example County Sheriff's Office", "--model", "task-force"],
     "policies/us-ca/287g/us-ca-example-county-sheriffs-office-tfm.yaml"),
])
def test_scaffold_fails_until_filled_then_validates(repo, capsys, kind, extra, path):
    assert main(["--root", str(repo.root), "new", kind, "--jurisdiction", "us-ca", *extra]) == 0
    assert capsys.readouterr().out.strip() == path
    text = (repo.root / path).read_text()
    assert text.startswith("# yaml-language-server: $schema=../../../schema/record.schema.json\n")
    problems = repo.validate()
    assert problems and any(p.rule in ("schema", "todo-left") for p in problems)
    (repo.root / path).write_text(_fill(text, kind))
    assert repo.validate() == [], [str(p) for p in repo.validate()]
    assert main(["--root", str(repo.root), "fmt", "--write", str(repo.root / path)]) == 0
    assert (repo.root / path).read_text().startswith("# yaml-language-server: $schema=")
    assert repo.validate() == []


def test_usage_errors(repo, capsys):
    root = str(repo.root)
    assert main(["--root", root, "new", "statue", "--jurisdiction", "us-ca", "--title", "X"]) == 2
    assert "did you mean 'statute'" in capsys.readouterr().err
    assert main(["--root", root, "new", "statute", "--jurisdiction", "us-cx", "--title", "X"]) == 2
    assert main(["--root", root, "new", "statute", "--jurisdiction", "us-ca"]) == 2
    assert main(["--root", root, "new", "statute", "--jurisdiction", "us-ca", "--title", "X", "--id", "Bad Id"]) == 2
    assert main(["--root", root, "new", "statute", "--jurisdiction", "us-ca", "--title", "Same"]) == 0
    assert main(["--root", root, "new", "statute", "--jurisdiction", "us-ca", "--title", "Same"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_titles_that_need_quoting(repo, capsys):
    assert main(["--root", str(repo.root), "new", "bill", "--jurisdiction", "us-ny", "--title", "Local Cops: Local Crimes 'Act'"]) == 0
    path = capsys.readouterr().out.strip()
    assert "title: 'Local Cops: Local Crimes ''Act'''" in (repo.root / path).read_text()
