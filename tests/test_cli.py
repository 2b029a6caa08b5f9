"""The command line: exit codes, output formats, paths."""

import json
import os
import subprocess
import sys

from policykb.cli import main
from tests.conftest import policy


def run(repo, *args):
    return main(["--root", str(repo.root), *args])


def test_valid_corpus_exits_0(repo, capsys):
    repo.write(policy())
    assert run(repo, "validate") == 0
    assert "1 file(s) checked, no problems" in capsys.readouterr().err


def test_problems_exit_1_with_file_line_col(repo, capsys):
    path = repo.write(policy(status="enactd"))
    assert run(repo, "validate") == 1
    out = capsys.readouterr().out.strip().splitlines()
    line, col = repo.find(path, "enactd")
    assert out[0].startswith(f"{path}:{line}:{col}: schema: status the text 'enactd' is not allowed here; did you mean 'enacted'?")


def test_usage_errors_exit_2(repo, capsys):
    try:
        run(repo, "validate", "--format", "xml")
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("expected SystemExit")
    try:
        run(repo, "validate", str(repo.root / "policies/nothing.yaml"))
    except SystemExit as exc:
        assert exc.code == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_paths_limit_the_report_but_not_the_cross_checks(repo, capsys, monkeypatch):
    good = repo.write(policy(relations=[{"type": "amends", "target": "us-ca-broken-act"}]))
    repo.write(policy(id="us-ca-broken-act", status="enactd"))
    monkeypatch.chdir(repo.root)
    assert run(repo, "validate", good) == 0  # the target exists even though it is invalid
    assert run(repo, "validate", "policies/us-ca/statutes/us-ca-broken-act.yaml") == 1
    capsys.readouterr()


def test_github_format(repo, capsys):
    path = repo.write(policy(status="enactd"))
    run(repo, "validate", "--format", "github")
    line, col = repo.find(path, "enactd")
    out = capsys.readouterr().out
    assert out.startswith(f"::error file={path},line={line},col={col},title=schema::status the text 'enactd'")


def test_json_format(repo, capsys):
    repo.write(policy(status="enactd"))
    run(repo, "validate", "--format", "json")
    [item] = json.loads(capsys.readouterr().out)
    assert set(item) == {"path", "line", "col", "rule", "message"} and item["rule"] == "schema"


def test_module_entry_point_and_never_a_traceback(repo):
    repo.write_bytes(b"id: [\n\xff: &a *b !!x\n", "policies/us/statutes/us-broken.yaml")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-m", "policykb", "--root", str(repo.root), "validate"],
                          capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout.startswith("policies/us/statutes/us-broken.yaml:")
