"""Checks on schema/codebook.yaml itself: its schema, scale references, unique ids."""

from __future__ import annotations

import itertools
from typing import Any

from jsonschema import Draft202012Validator

from policykb.loader import Document
from policykb.problems import Problem


def check_codebook(doc: Document, schema: dict[str, Any]) -> list[Problem]:
    if not isinstance(doc.data, dict):
        return []
    problems: list[Problem] = []
    for error in Draft202012Validator(schema).iter_errors(doc.data):
        path = tuple(error.absolute_path)
        problems.append(doc.problem("codebook", path, f"{'.'.join(map(str, path)) or 'codebook'}: {error.message}"))
    if problems:
        return problems
    scales = doc.data.get("scales", {})
    seen: set[str] = set()
    for i, dim in enumerate(doc.data["dimensions"]):
        if dim["id"] in seen:
            problems.append(doc.problem("codebook", ("dimensions", i, "id"), f"dimension id '{dim['id']}' is used twice; ids must be unique"))
        seen.add(dim["id"])
        if "scale" in dim and dim["scale"] not in scales:
            problems.append(doc.problem("codebook", ("dimensions", i, "scale"),
                                        f"scale '{dim['scale']}' is not defined under scales; define it or use one of: {', '.join(scales)}"))
    for name, answers in scales.items():
        values = [a["value"] for a in answers]
        if len(values) != len(set(values)):
            problems.append(doc.problem("codebook", ("scales", name), f"scale '{name}' lists an answer value twice"))
    problems.extend(_check_changes(doc, seen))
    return problems


def _check_changes(doc: Document, dimension_ids: set[str]) -> list[Problem]:
    """The change log is newest first, ends at the current version and names only known dimensions."""
    version = doc.data["version"]
    changes = doc.data.get("changes", [])
    if not changes:
        if version > 1:
            return [doc.problem("codebook", ("version",), f"version is {version} but there is no `changes` list; "
                                "add an entry at the top of `changes` saying what changed in this version")]
        return []
    problems: list[Problem] = []
    if changes[0]["version"] != version:
        problems.append(doc.problem("codebook", ("changes", 0, "version"),
                                    f"the newest change is version {changes[0]['version']} but the codebook's version is {version}; "
                                    "raise `version` to match, or put the newest change first"))
    for i, (newer, older) in enumerate(itertools.pairwise(changes), start=1):
        if older["version"] >= newer["version"]:
            problems.append(doc.problem("codebook", ("changes", i, "version"),
                                        f"changes must be listed newest first with falling versions, but version {older['version']} "
                                        f"follows version {newer['version']}"))
        if str(older["date"]) > str(newer["date"]):
            problems.append(doc.problem("codebook", ("changes", i, "date"),
                                        f"version {older['version']} is dated {older['date']}, after version {newer['version']} "
                                        f"({newer['date']}); fix the date or the order"))
    for i, change in enumerate(changes):
        for j, dim in enumerate(change.get("dimensions", [])):
            if dim not in dimension_ids:
                problems.append(doc.problem("codebook", ("changes", i, "dimensions", j),
                                            f"change {change['version']} names dimension '{dim}', which the codebook does not define; "
                                            f"use one of: {', '.join(sorted(dimension_ids))}"))
    return problems
