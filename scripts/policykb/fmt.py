"""One canonical style for records, so that diffs stay small and reviewable.

* keys in the order the schema lists them (unknown keys last, in their original order);
* two-space indentation, list items indented under their key;
* text unquoted where that is unambiguous, double-quoted where it is not (``"no"``, ``"1e3"``);
  text longer than 80 characters as a folded block (``>-``), multi-line text as a literal block;
* lines up to 100 characters; dates unquoted (``2025-01-20``);
* the first line is the editor schema comment (``# yaml-language-server: $schema=...``), so
  VS Code and other editors validate and complete records while typing; the file's other
  leading comment lines are kept; other comments are not part of the data and are dropped.
"""

from __future__ import annotations

import posixpath
from typing import Any

import yaml

from policykb.loader import Ambiguous, Document, resolve_plain
from policykb.project import kind_def

WIDTH = 100
FOLD_AT = 80


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


# Dates are text to us: emit them plain instead of quoting them as YAML 1.1 timestamps.
_Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _needs_quotes(text: str) -> bool:
    try:
        return resolve_plain(text) != text
    except Ambiguous:
        return True


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = None
    if "\n" in text.rstrip("\n"):
        style = "|"
    elif len(text) > FOLD_AT and text == text.strip() and "  " not in text:
        style = ">"
    elif _needs_quotes(text):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def _node(schema: dict[str, Any], node: Any) -> dict[str, Any]:
    while isinstance(node, dict) and "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    return node if isinstance(node, dict) else {}


def canonical_order(value: Any, schema: dict[str, Any], node: Any) -> Any:
    node = _node(schema, node)
    if isinstance(value, dict):
        props = node.get("properties", {})
        keys = [k for k in props if k in value] + [k for k in value if k not in props]
        return {k: canonical_order(value[k], schema, props.get(k)) for k in keys}
    if isinstance(value, list):
        return [canonical_order(v, schema, node.get("items")) for v in value]
    return value


def header_comments(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#"):
            lines.append(line if line.endswith("\n") else line + "\n")
        elif line.strip():
            break
    return "".join(lines)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH, indent=2,
                     default_flow_style=False)


SCHEMA_COMMENT = "# yaml-language-server: $schema="


def schema_header(path: str) -> str:
    """The editor schema comment for a record at ``path`` (relative to the repository root)."""
    return f"{SCHEMA_COMMENT}{posixpath.relpath('schema/record.schema.json', posixpath.dirname(path))}\n"


def with_schema_header(path: str, comments: str) -> str:
    """Leading comments with the schema comment first (replacing a stale one)."""
    rest = [ln for ln in comments.splitlines(keepends=True) if not ln.startswith(SCHEMA_COMMENT)]
    return schema_header(path) + "".join(rest)


def render_record(data: dict[str, Any], schema: dict[str, Any], path: str, existing: str = "") -> str:
    """A record's canonical text: schema comment, kept leading comments, then the data."""
    definition = kind_def(data)
    node = {"$ref": f"#/$defs/{definition}"} if definition else {}
    return with_schema_header(path, header_comments(existing)) + dump(canonical_order(data, schema, node))


def format_document(doc: Document, text: str, schema: dict[str, Any]) -> str | None:
    """The canonical text of a parsed record, or None if it cannot be formatted safely."""
    if not isinstance(doc.data, dict) or doc.problems:
        return None
    out = render_record(doc.data, schema, doc.path, text)
    from policykb.loader import load_text

    again = load_text(doc.path, out.encode("utf-8"))
    if again.problems or again.data != doc.data:  # never change a value while formatting
        return None
    return out
