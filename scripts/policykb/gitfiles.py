"""Which record files git says changed, and record files as they were at a revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

from policykb.project import RECORDS_DIR


class GitError(Exception):
    """git failed; the message says what to do."""


def git(root: Path, *args: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed; install it or pass the changed files explicitly") from None
    if proc.returncode != 0:
        raise GitError(f"git {' '.join(args)} failed: {proc.stderr.strip() or proc.returncode}")
    return proc.stdout


def changed_records(root: Path, base: str = "HEAD") -> list[str]:
    """Record files changed since ``base`` (its merge base with HEAD), in the working tree or untracked."""
    since = base if base == "HEAD" else git(root, "merge-base", base, "HEAD").strip()
    names = git(root, "diff", "--name-only", "--no-renames", since, "--", RECORDS_DIR).splitlines()
    names += git(root, "ls-files", "--others", "--exclude-standard", "--", RECORDS_DIR).splitlines()
    return sorted({n for n in names if n.endswith((".yaml", ".yml"))})


def files_at(root: Path, rev: str) -> dict[str, bytes]:
    """{path: content} of every record file at a git revision."""
    names = [n for n in git(root, "ls-tree", "-r", "--name-only", rev, "--", RECORDS_DIR).splitlines() if n.endswith((".yaml", ".yml"))]
    if not names:
        return {}
    # One `git cat-file --batch` for all files: fast on thousands of records.
    request = "".join(f"{rev}:{n}\n" for n in names).encode()
    proc = subprocess.run(["git", "cat-file", "--batch"], cwd=root, input=request, capture_output=True, check=False)
    if proc.returncode != 0:
        raise GitError(f"git cat-file failed: {proc.stderr.decode(errors='replace').strip()}")
    out: dict[str, bytes] = {}
    data, pos = proc.stdout, 0
    for name in names:
        header_end = data.index(b"\n", pos)
        size = int(data[pos:header_end].split()[2])
        out[name] = data[header_end + 1: header_end + 1 + size]
        pos = header_end + 1 + size + 1
    return out
