"""Print problems as text, GitHub Actions annotations or JSON."""

from __future__ import annotations

import json

from policykb.problems import Problem

FORMATS = ("text", "github", "json")


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render(problems: list[Problem], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False)
    if fmt == "github":
        return "\n".join(
            f"::error file={_gh_escape(p.path, True)},line={p.line},col={p.col},title={_gh_escape(p.rule, True)}::{_gh_escape(p.message)}"
            for p in problems
        )
    return "\n".join(str(p) for p in problems)
