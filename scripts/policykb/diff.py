"""`policykb diff BASE HEAD`: what a change does to the knowledge base, in words.

``describe`` is pure (records before, records after -> sentences); ``diff_revisions`` reads the
two git revisions. Reviewers read the sentences instead of YAML diffs, e.g.
"Texas: Harris County Sheriff's Office: 287(g) Task Force Model agreement added, signed 2025-04-02".
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from policykb.gitfiles import GitError, files_at, git
from policykb.loader import load_text
from policykb.site.model import KIND_LABELS, MODEL_LABELS, short_label

Record = Mapping[str, Any]


def _place(r: Record, jurisdictions: Mapping[str, Mapping[str, Any]]) -> str:
    return str(jurisdictions.get(r.get("jurisdiction"), {}).get("name", r.get("jurisdiction")))


def _name(r: Record) -> str:
    if r.get("kind") == "agreement-287g":
        return f"{r.get('agency')}: 287(g) {MODEL_LABELS.get(str(r.get('model')), r.get('model'))} agreement"
    if r.get("kind") == "coverage":
        return "research coverage"
    return short_label(r)


def _sources(r: Record, keys: list[str]) -> str:
    urls = {s.get("key"): s.get("url") for s in r.get("sources", [])}
    shown = [str(urls.get(k, k)) for k in keys]
    return f" (source: {', '.join(shown)})" if shown else ""


def _added(r: Record, dims: Mapping[str, Any]) -> str:
    kind = r.get("kind")
    if kind == "agreement-287g":
        signed = f", signed {r['signed']}" if r.get("signed") else ", signing date not stated"
        status = "" if r.get("status") == "active" else f" ({r.get('status')})"
        return f"{_name(r)} added{signed}{status}"
    if kind == "claim":
        return f"claim added: {r.get('claimant', {}).get('name')}, {r.get('made_on')}: {r.get('title')}"
    if kind == "coverage":
        parts = []
        for finding, words in (("none-found", "none found on"), ("unresolved", "left open on")):
            dims_found = [_dim(dims, e["dimension"]) for e in r.get("entries", []) if e.get("finding") == finding]
            if dims_found:
                parts.append(f"{words} {', '.join(dims_found)}")
        return f"research coverage added: {'; '.join(parts)}"
    coded = ", ".join(f"{_dim(dims, p['dimension'])} {p['answer']}" for p in r.get("provisions", []))
    return (f"{_name(r)} ({KIND_LABELS.get(str(kind), kind)}, {r.get('status', 'no status')}) added"
            + (f"; codes {coded}" if coded else "; no provisions coded"))


_FINDING = {"none-found": "none found", "unresolved": "left open"}


def codebook_change(old_text: str | None, new_text: str | None) -> str | None:
    """A sentence when the codebook's version differs between two revisions (texts of schema/codebook.yaml)."""
    def version_and_changes(text: str | None) -> tuple[Any, list[Any]]:
        doc = load_text("schema/codebook.yaml", text.encode("utf-8")) if text else None
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        return data.get("version"), data.get("changes") if isinstance(data.get("changes"), list) else []

    (old_v, _), (new_v, changes) = version_and_changes(old_text), version_and_changes(new_text)
    if old_v == new_v:
        return None
    newest = next((c for c in changes if isinstance(c, dict) and c.get("version") == new_v), {})
    what = f": {' '.join(str(newest['description']).split())}" if newest.get("description") else ""
    return f"version {old_v} -> {new_v}{what} Answers coded under different versions may not compare."


def _dim(dims: Mapping[str, Any], d: str) -> str:
    dim = dims.get(d)
    return str(dim.label).lower() if dim is not None else d


def _provisions(r: Record) -> dict[str, list[Mapping[str, Any]]]:
    out: dict[str, list[Mapping[str, Any]]] = {}
    for p in r.get("provisions", []):
        out.setdefault(p["dimension"], []).append(p)
    return out


def _changed(old: Record, new: Record, dims: Mapping[str, Any]) -> list[str]:
    name = _name(new)
    out: list[str] = []
    for key in ("status", "signed", "title", "agency", "county", "moa_url", "effective"):
        if old.get(key) != new.get(key):
            if key == "status":
                when = f" (as of {new['status_as_of']})" if new.get("status_as_of") else ""
                out.append(f"{name}: status changed from {old.get(key, 'none')} to {new.get(key, 'none')}{when}")
            elif old.get(key) is None:
                out.append(f"{name}: {key} set to {new.get(key)}")
            elif new.get(key) is None:
                out.append(f"{name}: {key} removed (was {old.get(key)})")
            else:
                out.append(f"{name}: {key} changed from {old.get(key)} to {new.get(key)}")
    before, after = _provisions(old), _provisions(new)
    for d in sorted(set(before) | set(after)):
        a = [p["answer"] for p in before.get(d, [])]
        b = [p["answer"] for p in after.get(d, [])]
        if d not in before:
            p = after[d][0]
            out.append(f"{name}: now codes {_dim(dims, d)} as {', '.join(b)} ({p.get('citation', 'no citation')}){_sources(new, p.get('sources', []))}")
        elif d not in after:
            out.append(f"{name}: no longer codes {_dim(dims, d)} (was {', '.join(a)})")
        elif a != b:
            out.append(f"{name}: answer on {_dim(dims, d)} changed from {', '.join(a)} to {', '.join(b)}"
                       f"{_sources(new, after[d][0].get('sources', []))}")
        elif before[d] != after[d]:
            out.append(f"{name}: citation or note on {_dim(dims, d)} edited")
    old_cov = {e["dimension"]: e for e in old.get("entries", [])}
    for e in new.get("entries", []):
        was, dim = old_cov.get(e["dimension"]), _dim(dims, e["dimension"])
        if was is None:
            out.append(f"researched {dim}: {_FINDING.get(e.get('finding'), e.get('finding'))} ({e['researched_on']})")
        elif was.get("finding") != e.get("finding"):
            out.append(f"researched {dim}: {_FINDING.get(was.get('finding'), was.get('finding'))} -> "
                       f"{_FINDING.get(e.get('finding'), e.get('finding'))} ({e['researched_on']})")
        elif (was.get("blocker"), was.get("waiting_on")) != (e.get("blocker"), e.get("waiting_on")):
            out.append(f"open cell on {dim}: blocker or records waited on updated ({e['researched_on']})")
    for d in sorted(set(old_cov) - {e["dimension"] for e in new.get("entries", [])}):
        out.append(f"coverage entry for {_dim(dims, d)} removed")
    events = new.get("ice_listing", {}).get("events", [])[len(old.get("ice_listing", {}).get("events", [])):]
    out += [f"{name}: ICE list of {e['date']}: {e['change']}" + (f" ({e['detail']})" if e.get("detail") else "") for e in events]
    old_keys = {s.get("key") for s in old.get("sources", [])}
    added_sources = [s for s in new.get("sources", []) if s.get("key") not in old_keys]
    if added_sources:
        out.append(f"{name}: {len(added_sources)} source(s) added: " + ", ".join(str(s.get("url")) for s in added_sources))
    u_old, u_new = len(old.get("review", {}).get("unconfirmed", [])), len(new.get("review", {}).get("unconfirmed", []))
    if u_old != u_new:
        out.append(f"{name}: unconfirmed items {u_old} -> {u_new}")
    if not out and old != new:
        fields = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        out.append(f"{name}: edited ({', '.join(fields)})")
    return out


def describe(old: Mapping[str, Record], new: Mapping[str, Record], jurisdictions: Mapping[str, Mapping[str, Any]],
             dimensions: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(jurisdiction name, sentence) for everything that changed, in a stable order."""
    out: list[tuple[str, str]] = []
    for rid in sorted(set(old) | set(new)):
        a, b = old.get(rid), new.get(rid)
        if a == b:
            continue
        r = b if b is not None else a
        place = _place(r, jurisdictions)
        if a is None:
            out.append((place, _added(b, dimensions)))
        elif b is None:
            out.append((place, f"{_name(a)} removed (record {rid} deleted)"))
        else:
            out += [(place, s) for s in _changed(a, b, dimensions)]
    return out


def render(lines: list[tuple[str, str]], base: str, head: str, counts: Mapping[str, int]) -> str:
    if not lines:
        return f"No change to the records between `{base}` and `{head}`.\n"
    head_line = (f"**Knowledge-base changes** `{base}` → `{head}`: {counts['added']} added, {counts['changed']} changed, "
                 f"{counts['removed']} removed.\n")
    body = [f"- {place}: {text}" for place, text in lines]
    limit = 500
    if len(body) > limit:
        body = body[:limit] + [f"- …and {len(lines) - limit} more changes."]
    return head_line + "\n" + "\n".join(body) + "\n"


def _codebook_at(root: Path, rev: str) -> str | None:
    try:
        return git(root, "show", f"{rev}:schema/codebook.yaml")
    except GitError:
        return None  # no codebook at that revision


def records_at(root: Path, rev: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path, raw in files_at(root, rev).items():
        doc = load_text(path, raw)
        if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
            out[doc.data["id"]] = doc.data
    return out


def diff_revisions(root: Path, base: str, head: str, jurisdictions: Mapping[str, Mapping[str, Any]],
                   dimensions: Mapping[str, Any]) -> str:
    old, new = records_at(root, base), records_at(root, head)
    lines = describe(old, new, jurisdictions, dimensions)
    codebook = codebook_change(_codebook_at(root, base), _codebook_at(root, head))
    if codebook:
        lines.insert(0, ("Codebook", codebook))
    counts = {"added": len(set(new) - set(old)), "removed": len(set(old) - set(new)),
              "changed": sum(1 for k in set(old) & set(new) if old[k] != new[k])}
    return render(lines, base, head, counts)
