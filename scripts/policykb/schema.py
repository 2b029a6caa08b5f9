"""JSON Schema validation with messages written for contributors.

Each record is checked against the definition its ``kind`` selects in
``schema/record.schema.json`` (``$defs/policy``, ``$defs/agreement`` or ``$defs/claim``), so a
mistake gives one message about that kind's fields instead of a list of if/then failures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from policykb.loader import Document
from policykb.problems import Problem, did_you_mean
from policykb.project import KIND_DEFS

RULE = "schema"

_TYPE_WORDS = {
    "string": "text", "array": "a list", "object": "a mapping of keys to values",
    "number": "a number", "integer": "a whole number", "boolean": "true or false", "null": "nothing",
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def with_choices(message: str, hint: str, allowed: list[Any], label: str = "Allowed") -> str:
    """'message; did you mean 'x'? Allowed: a, b' or 'message. Allowed: a, b'."""
    choices = ", ".join(str(a) for a in allowed)
    return f"{message};{hint} {label}: {choices}" if hint else f"{message}. {label}: {choices}"


def dotted(path: tuple[Any, ...] | list[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the record"


class SchemaChecker:
    """Validators for each record definition, built once per schema."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self._validators: dict[str, Draft202012Validator] = {}
        self._fast: dict[str, Any] = {}
        defs = schema.get("$defs", {})
        kind_prop = schema.get("properties", {}).get("kind", {})
        self.kinds: list[str] = list(kind_prop.get("enum", []))
        for name in sorted(set(KIND_DEFS.values())):
            sub = {"$schema": schema.get("$schema"), "$defs": defs, "$ref": f"#/$defs/{name}"}
            self._validators[name] = Draft202012Validator(sub)
            # Fast path: a compiled validator answers "valid?" ~20x faster; jsonschema then
            # explains the rare invalid record. Our schema uses only keywords both support.
            self._fast[name] = fastjsonschema.compile({k: v for k, v in sub.items() if k != "$schema"})

    def check(self, doc: Document, kind_def: str | None) -> list[Problem]:
        data = doc.data
        if kind_def is None:
            kind = data.get("kind")
            if "kind" not in data:
                return [doc.problem(RULE, (), f"missing required key 'kind'; add one of: {', '.join(self.kinds)}")]
            hint = did_you_mean(kind, self.kinds)
            return [doc.problem(RULE, ("kind",), with_choices(f"kind {_describe(kind)} is not allowed here", hint, self.kinds))]
        try:
            self._fast[kind_def](data)
            return []
        except fastjsonschema.JsonSchemaException:
            pass
        validator = self._validators[kind_def]
        problems: list[Problem] = []
        for error in validator.iter_errors(data):
            problems.extend(self._explain(doc, error))
        return sorted(set(problems))

    def _explain(self, doc: Document, error: ValidationError) -> Iterator[Problem]:
        path = tuple(error.absolute_path)
        where = dotted(path)
        v = error.validator
        schema = error.schema if isinstance(error.schema, dict) else {}
        inst = error.instance
        if v == "additionalProperties" and isinstance(inst, dict):
            allowed = list(schema.get("properties", {}))
            for key in inst:
                if key not in allowed:
                    hint = did_you_mean(key, allowed)
                    yield doc.problem(RULE, path + (key,), with_choices(f"unknown key '{key}' in {where}", hint, allowed, "Allowed keys"), at="key")
        elif v == "required":
            missing = error.validator_value
            for key in missing if isinstance(missing, list) else []:
                if isinstance(inst, dict) and key not in inst:
                    prop = schema.get("properties", {}).get(key, {})
                    what = prop.get("description", "") if isinstance(prop, dict) else ""
                    what = what or schema.get("description", "")  # a conditional requirement explains itself
                    yield doc.problem(RULE, path, f"missing required key '{key}' in {where}; add it" + (f" ({what})" if what else ""), at="key")
        elif v in ("enum", "const"):
            allowed = list(error.validator_value) if v == "enum" else [error.validator_value]
            field = path[-1] if path and isinstance(path[-1], str) else where
            hint = did_you_mean(inst, [str(a) for a in allowed])
            yield doc.problem(RULE, path, with_choices(f"{field} {_describe(inst)} is not allowed here", hint, allowed))
        elif v == "type":
            want = error.validator_value
            wants = [want] if isinstance(want, str) else list(want)
            words = " or ".join(_TYPE_WORDS.get(w, w) for w in wants)
            tip = ""
            if "string" in wants and isinstance(inst, (int, float, bool)):
                tip = f'; put it in quotes: "{inst}"'
            elif inst is None:
                tip = "; fill it in or remove the key"
            elif "array" in wants and not isinstance(inst, list):
                tip = "; write it as a list, one '- ' item per line"
            yield doc.problem(RULE, path, f"{where} must be {words}, not {_describe(inst)}{tip}")
        elif v == "pattern":
            desc = schema.get("description") or f"the pattern {error.validator_value}"
            title = schema.get("title", "value")
            yield doc.problem(RULE, path, f"{where}: {_describe(inst)} is not a valid {title.lower()}; expected: {desc}")
        elif v == "not" and isinstance(schema.get("not"), dict) and set(schema["not"]) == {"required"}:
            # A key that a condition rules out (e.g. a coverage entry's 'blocker' without 'unresolved').
            why = schema.get("description", "")
            for key in schema["not"]["required"]:
                if isinstance(inst, dict) and key in inst:
                    yield doc.problem(RULE, path + (key,), f"'{key}' is not allowed in {where}" + (f" ({why})" if why else "") + "; remove it",
                                      at="key")
        elif v == "minItems":
            yield doc.problem(RULE, path, f"{where} is an empty list; add at least {error.validator_value} item(s) or remove the key")
        elif v == "minLength":
            yield doc.problem(RULE, path, f"{where} is empty text; fill it in or remove the key")
        elif v == "uniqueItems":
            yield doc.problem(RULE, path, f"{where} lists the same item twice; remove the repeat")
        else:
            yield doc.problem(RULE, path, f"{where}: {error.message}")
