"""Render the site's generated pages from records.

``render_site`` is a pure function: the same records, codebook and jurisdictions give the same
``{path: text}`` mapping, with no MkDocs involved, so it can be tested directly and reused by
another engine. Everything that comes from a record is HTML-escaped by Jinja's autoescape, and
record text is emitted only inside HTML blocks, so Markdown never interprets it either.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"

KIND_LABELS = {
    "statute": "Statute", "bill": "Bill", "executive-order": "Executive order", "directive": "Directive",
    "local-law": "Local law", "regulation": "Regulation", "court-decision": "Court decision",
    "federal-program": "Federal program", "agreement-287g": "287(g) agreement", "claim": "Claim",
}
MODEL_LABELS = {"jail-enforcement": "Jail Enforcement Model", "task-force": "Task Force Model",
                "warrant-service-officer": "Warrant Service Officer"}
RELATION_REVERSE = {
    "amends": "amended by", "repeals": "repealed by", "supersedes": "superseded by",
    "implements": "implemented by", "challenges": "challenged in", "responds-to": "responded to by",
    "alternative-to": "alternative to", "related-to": "related to",
}
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$")


def text(value: Any) -> Markup:
    """Escape text and keep its line breaks, with no blank line that could end an HTML block."""
    escaped = escape("" if value is None else str(value))
    lines = [ln.strip() for ln in str(escaped).splitlines() if ln.strip()]
    return Markup("<br>".join(lines))


def safe_url(value: Any) -> str:
    """An http(s) URL, or '#' for anything else: a link can never run script."""
    return value if isinstance(value, str) and _SAFE_URL.match(value) else "#"


def title_text(value: Any) -> str:
    """Plain text for front matter: no markup characters at all (titles pass through theme templates)."""
    return re.sub(r"[<>&\"'`\\]", " ", str(value)).strip() or "Untitled"


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["text"] = text
    env.filters["url"] = safe_url
    env.filters["title"] = title_text
    env.globals.update(KIND_LABELS=KIND_LABELS, MODEL_LABELS=MODEL_LABELS)
    return env


def record_title(data: Mapping[str, Any]) -> str:
    if data.get("kind") == "agreement-287g":
        return f"{data.get('agency')}: {MODEL_LABELS.get(str(data.get('model')), data.get('model'))}"
    return str(data.get("title") or data.get("id"))


def render_site(records: Iterable[Mapping[str, Any]], dimensions: Mapping[str, Any], jurisdictions: Mapping[str, Mapping[str, Any]],
                edit_base: str | None = None, source_paths: Mapping[str, str] | None = None) -> dict[str, str]:
    """All generated pages: ``{path under docs: text}``."""
    env = _env()
    recs = sorted(records, key=lambda r: str(r["id"]))
    by_id = {r["id"]: r for r in recs}
    incoming: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in recs:
        for rel in r.get("relations", []):
            incoming[rel["target"]].append((RELATION_REVERSE.get(rel["type"], rel["type"]), r["id"]))
        for pid in r.get("about", {}).get("policies", []):
            incoming[pid].append(("claim about it", r["id"]))
    pages: dict[str, str] = {}
    record_tpl = env.get_template("record.md.j2")
    for r in recs:
        pages[f"records/{r['id']}.md"] = record_tpl.render(
            r=r, title=record_title(r), by_id=by_id, incoming=sorted(incoming.get(r["id"], [])),
            dimensions=dimensions, jurisdiction=jurisdictions.get(r["jurisdiction"], {"name": r["jurisdiction"]}),
            record_title=record_title, edit_url=_edit_url(edit_base, (source_paths or {}).get(r["id"])),
        )
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for r in recs:
        groups[r["jurisdiction"]].append(r)
    order = [j for j in jurisdictions if j in groups] + sorted(j for j in groups if j not in jurisdictions)
    pages["records/index.md"] = env.get_template("records_index.md.j2").render(
        groups=[(jurisdictions.get(j, {"name": j}), groups[j]) for j in order], record_title=record_title, total=len(recs),
    )
    return pages


def _edit_url(base: str | None, path: str | None) -> str | None:
    if not base or not path:
        return None
    return safe_url(base.rstrip("/") + "/" + path)
