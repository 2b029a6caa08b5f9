"""Render the site's generated pages from records.

``render_site`` is a pure function: the same records, codebook and jurisdictions give the same
``{path under docs/: text}`` mapping, with no MkDocs involved, so it can be tested directly and
reused by another engine. Everything that comes from a record is HTML-escaped by Jinja's
autoescape, and record text is emitted only inside HTML blocks, so Markdown never interprets it
either. Links between pages are relative, computed here (MkDocs does not rewrite links inside
raw HTML), for MkDocs' default directory URLs.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from policykb.site import downloads
from policykb.site.model import (
    AGENCY_TYPE_LABELS,
    GROUP_LABELS,
    KIND_LABELS,
    KIND_SECTIONS,
    MODEL_LABELS,
    RELATION_LABELS,
    STATUS_GROUPS,
    Model,
    build_model,
    record_title,
    search_terms,
    short_label,
    status_group,
)
from policykb.site.tilegrid import COLUMNS, POSITIONS, ROWS

DEFAULT_SITE_NAME = "Immigration Enforcement Cooperation Policy Reference"
TEMPLATES = Path(__file__).parent / "templates"
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\]+$")

# Short text shown on map tiles beside the colour, so colour is never the only signal.
ANSWER_ABBR = {
    "prohibits": "PRO", "restricts": "RES", "not-addressed": "N/A", "permits": "PER", "requires": "REQ",
    "requires-with-penalties": "REQ+", "creates": "CRE", "several": "MIX", "pending-only": "BILL", "none-found": "NONE",
    "open": "OPEN", "not-researched": "?",
}
STATE_LABELS = {"several": "Several answers", "none-found": "None found (researched)",
                "open": "Open (researched, not settled)", "pending-only": "Only pending bills", "not-researched": "Not researched yet"}

__all__ = ["render_site", "record_title", "url_of", "rel"]


def text(value: Any) -> Markup:
    """Escape text and keep its line breaks, with no blank line that could end an HTML block."""
    escaped = escape("" if value is None else str(value))
    lines = [ln.strip() for ln in str(escaped).splitlines() if ln.strip()]
    return Markup("<br>".join(lines))


def safe_url(value: Any) -> str:
    """An http(s) URL, or '#' for anything else: a link can never run script."""
    return value if isinstance(value, str) and _SAFE_URL.match(value) else "#"


def title_text(value: Any) -> str:
    """Plain text for front matter and the theme's <title>: no markup characters at all.

    The theme does not escape page titles, so quotes become typographic ones and the other
    characters that mean something in HTML or YAML become spaces.
    """
    out = str(value).replace("'", "\u2019").replace('"', "\u201d")
    return " ".join(re.sub(r"[<>&`\\]", " ", out).split()) or "Untitled"


def page_title(r: Mapping[str, Any]) -> str:
    """A record page's title: its title, with its short title when that differs (search weighs titles most)."""
    title, short = record_title(r), r.get("short_title")
    return f"{title} · {short}" if short and short != title and short not in title else title


def json_script(value: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">: no '<', '>' or '&' survives."""
    raw = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
                  .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def url_of(path: str) -> str:
    """The site URL (relative to the root) of a docs path, for MkDocs' directory URLs."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


def rel(from_path: str, to: str) -> str:
    """A relative link from the page at ``from_path`` to ``to`` (a docs path, maybe with #anchor)."""
    target, _, anchor = to.partition("#")
    here = url_of(from_path) or "."
    dest = url_of(target) or "."
    out = posixpath.relpath(dest, here)
    if dest.endswith("/") or dest == ".":
        out = out.rstrip("/") + "/" if out != "." else "./"
    return out + (f"#{anchor}" if anchor else "")


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(text=text, url=safe_url, title=title_text, json_script=json_script)
    env.globals.update(
        KIND_LABELS=KIND_LABELS, MODEL_LABELS=MODEL_LABELS, AGENCY_TYPE_LABELS=AGENCY_TYPE_LABELS,
        RELATION_LABELS=RELATION_LABELS, GROUP_LABELS=GROUP_LABELS, STATUS_GROUPS=STATUS_GROUPS,
        KIND_SECTIONS=KIND_SECTIONS, ANSWER_ABBR=ANSWER_ABBR, STATE_LABELS=STATE_LABELS,
        record_title=record_title, short_label=short_label, status_group=status_group, search_terms=search_terms,
        POSITIONS=POSITIONS, MAP_ROWS=ROWS, MAP_COLUMNS=COLUMNS,
    )
    return env


def render_site(records: Iterable[Mapping[str, Any]], dimensions: Mapping[str, Any], jurisdictions: Mapping[str, Mapping[str, Any]],
                edit_base: str | None = None, source_paths: Mapping[str, str] | None = None,
                site_name: str = DEFAULT_SITE_NAME, codebook_version: int = 1,
                codebook_changes: Sequence[Any] = ()) -> dict[str, str]:
    """All generated files: ``{path under docs: text}`` (pages, and the downloads).

    ``codebook_changes`` are the codebook's revisions, newest first (``Project.codebook_changes``).
    """
    env = _env()
    env.globals.update(site_name=site_name, codebook_version=codebook_version, codebook_changes=list(codebook_changes))
    m = build_model(records, dimensions, jurisdictions)
    pages: dict[str, str] = {}

    def render(path: str, template: str, **ctx: Any) -> None:
        pages[path] = env.get_template(template).render(m=m, u=partial(rel, path), page_path=path, **ctx)

    for r in m.records:
        render(f"records/{r['id']}.md", "record.md.j2", r=r, title=record_title(r), page_title=page_title(r),
               jurisdiction=jurisdictions.get(r["jurisdiction"], {"name": r["jurisdiction"]}),
               edit_url=_edit_url(edit_base, (source_paths or {}).get(r["id"])))
    render("records/index.md", "records_index.md.j2", groups=_grouped(m))
    for jid, j in jurisdictions.items():
        render(f"jurisdictions/{jid}.md", "jurisdiction.md.j2", jid=jid, j=j, recs=m.by_jurisdiction.get(jid, []))
    render("jurisdictions/index.md", "jurisdictions_index.md.j2")
    render("index.md", "home.md.j2", recent=_recent(m))
    render("matrix.md", "matrix.md.j2")
    render("compare.md", "compare.md.j2", data=_compare_data(m))
    render("map.md", "map.md.j2")
    render("timeline.md", "timeline.md.j2")
    render("claims.md", "claims.md.j2")
    render("agreements.md", "agreements.md.j2")
    render("coverage.md", "coverage.md.j2")
    render("bills.md", "bills.md.j2")
    render("codebook.md", "codebook.md.j2")
    files = downloads.render(m, codebook_version)
    render("downloads.md", "downloads.md.j2", files=files)
    pages.update({f"downloads/{name}": content for name, (content, _desc) in files.items()})
    return pages


def _grouped(m: Model) -> list[tuple[Mapping[str, Any], list[Mapping[str, Any]]]]:
    order = [j for j in m.jurisdictions if j in m.by_jurisdiction] + sorted(j for j in m.by_jurisdiction if j not in m.jurisdictions)
    return [(m.jurisdictions.get(j, {"id": j, "name": j}), m.by_jurisdiction[j]) for j in order]


def _recent(m: Model, limit: int = 12) -> list[tuple[str, str, Mapping[str, Any]]]:
    """The newest history events up to the newest verification date (never future, scheduled dates)."""
    verified = max((str(r["review"]["last_verified"]) for r in m.records if "review" in r), default="")
    return [e for e in m.events() if e[0] <= verified][:limit]


def _compare_data(m: Model) -> dict[str, Any]:
    """What the compare page's script needs, embedded in the page: no request, works offline."""
    recs = {}
    for r in m.records:
        if r.get("kind") in ("agreement-287g", "claim", "coverage"):
            continue
        recs[r["id"]] = {
            "title": record_title(r), "label": short_label(r), "kind": KIND_LABELS.get(str(r["kind"]), r["kind"]),
            "status": str(r.get("status", "")), "jurisdiction": str(m.jurisdictions.get(r["jurisdiction"], {}).get("name", r["jurisdiction"])),
            "url": rel("compare.md", f"records/{r['id']}.md"),
            "provisions": [{"d": p["dimension"], "a": p["answer"], "c": str(p.get("citation", "")), "n": str(p.get("note", "")),
                            "href": rel("compare.md", f"records/{r['id']}.md#provision-{i}")}
                           for i, p in enumerate(r.get("provisions", []), start=1)],
        }
    dims = [{"id": d.id, "label": d.label, "answers": {a["value"]: a.get("label", a["value"]) for a in d.answers}}
            for d in m.dimensions.values()]
    return {"records": recs, "dimensions": dims}


def _edit_url(base: str | None, path: str | None) -> str | None:
    if not base or not path:
        return None
    return safe_url(base.rstrip("/") + "/" + path)
