"""Checks on schema/codebook.yaml itself: its schema, scale references, unique ids."""

from __future__ import annotations

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
    return problems
