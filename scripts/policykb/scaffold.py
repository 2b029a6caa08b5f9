"""`policykb new`: a commented record skeleton at the right path.

The skeleton is valid YAML whose gaps say TODO; ``policykb validate`` rejects it (the schema and
the todo-left rule say which field to fill) until every TODO is replaced or deleted.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from policykb.fmt import schema_header
from policykb.ids import slug
from policykb.project import KIND_DEFS, KIND_FOLDERS, RECORDS_DIR

# The sources and review blocks every record ends with.
_SOURCES = """\
sources:
  - key: TODO  # a short name the facts above cite, e.g. leginfo
    url: TODO  # the page you read
    title: TODO
    publisher: TODO
    accessed: {today}
    type: TODO  # primary (the legislature, governor, agency or court) or secondary
review:
  last_verified: {today}
"""

_POLICY = """\
id: {id}
kind: {kind}
title: {title}
# short_title: TODO  # e.g. SB 54 (2017); delete if the title is short
jurisdiction: {jurisdiction}
identifiers:
  - type: bill-number  # or public-law, chapter, session-law, code-citation, executive-order-number, case-citation, docket, other
    value: TODO  # e.g. SB 54
    sources: [TODO]
status: TODO  # e.g. introduced, enacted, in-effect (docs/records.md lists which fit a {kind})
status_as_of: TODO  # YYYY-MM-DD: the date of the source that shows the status
summary: >-
  TODO: what the text does, in the codebook's neutral words.
history:
  - date: TODO  # YYYY-MM-DD
    event: TODO  # e.g. introduced, signed, effective
    sources: [TODO]
provisions:  # one per codebook dimension the text addresses (schema/codebook.yaml)
  - dimension: TODO  # e.g. detainer-holds
    answer: TODO  # e.g. restricts
    citation: TODO  # pinpoint, e.g. Gov. Code § 7284.6(a)(1)(B)
    note: >-
      TODO: what the provision does, in neutral words.
    sources: [TODO]
""" + _SOURCES + """\
  unconfirmed:
    - TODO: what you could not confirm in a source (or delete this list)
"""

_AGREEMENT = """\
# Most agreement records come from ICE's lists (policykb import-287g); write one by hand only
# for an agreement ICE does not list yet.
id: {id}
kind: agreement-287g
agency: {title}
agency_type: TODO  # county, municipality or state-agency
jurisdiction: {jurisdiction}
county: TODO  # or delete
model: {model}
signed: TODO  # YYYY-MM-DD, or delete if not known
status: TODO  # pending, active or no-longer-listed
status_as_of: TODO  # YYYY-MM-DD
""" + _SOURCES

_CLAIM = """\
id: {id}
kind: claim
title: {title}
jurisdiction: {jurisdiction}
claimant:
  name: TODO  # who made the claim
  type: TODO  # federal-agency, state-agency, local-agency, official, organization, media or other
made_on: TODO  # YYYY-MM-DD
medium: TODO  # e.g. press release; or delete
statement: >-
  TODO: what the claimant stated, in neutral words (their own words go in quote).
quote: >-
  TODO: the claimant's exact words, or delete
figures:
  - metric: TODO
    value: 0  # TODO: the number as stated
    unit: TODO
    sources: [TODO]
context:
  - note: >-
      TODO: what other sources show about the claim
    sources: [TODO]
""" + _SOURCES

_COVERAGE = """\
id: {id}
kind: coverage
jurisdiction: {jurisdiction}
entries:  # one per dimension researched with no jurisdiction-wide policy found
  - dimension: TODO  # e.g. courthouse-arrests
    finding: none-found
    researched_on: {today}
    searched: >-
      TODO: where you searched and for what (databases, terms, sessions).
    sources: [TODO]
sources:
  - key: TODO
    url: TODO
    title: TODO
    publisher: TODO
    accessed: {today}
    type: primary
review:
  last_verified: {today}
"""

TEMPLATES = {"policy": _POLICY, "agreement": _AGREEMENT, "claim": _CLAIM, "coverage": _COVERAGE}
MODEL_CODES = {"jail-enforcement": "jem", "task-force": "tfm", "warrant-service-officer": "wso"}


def make_id(kind: str, jurisdiction: str, title: str, model: str | None = None) -> str:
    if kind == "coverage":
        return f"{jurisdiction}-coverage"
    base = f"{jurisdiction}-{slug(title)}"
    return f"{base}-{MODEL_CODES[model]}" if kind == "agreement-287g" and model else base


def scaffold(kind: str, jurisdiction: str, title: str, rid: str | None = None, model: str | None = None,
             today: date | None = None) -> tuple[str, str]:
    """(path, text) of a new record skeleton."""
    rid = rid or make_id(kind, jurisdiction, title, model)
    path = f"{RECORDS_DIR}/{jurisdiction}/{KIND_FOLDERS[kind]}/{rid}.yaml"
    body = TEMPLATES[KIND_DEFS[kind]].format(id=rid, kind=kind, title=_yaml_text(title), jurisdiction=jurisdiction,
                                             model=model or "TODO  # jail-enforcement, task-force or warrant-service-officer",
                                             today=(today or date.today()).isoformat())
    intro = (f"# New {kind} record. Replace every TODO (or delete what does not apply), then run\n"
             f"#   policykb validate {path} && policykb fmt --write {path}\n")
    return path, schema_header(path) + intro + body


def _yaml_text(text: str) -> str:
    """A title as a YAML scalar: quoted when plain YAML would read it differently."""
    if re.match(r"^[A-Za-z0-9][^:#'\"\n]*$", text) and not text.endswith(" "):
        return text
    return "'" + text.replace("'", "''") + "'"


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
