"""Every fact cites sources that the record lists."""

from policykb.rules.base import Rule


def check(record, ctx):
    keys = [s["key"] for s in record.data["sources"]]
    known = set(keys)
    for path, value in record.strings:
        if len(path) >= 2 and path[0] != "sources" and path[-2] == "sources" and value not in known:
            yield record.problem(RULE.id, path, f"source '{value}' is not in this record's sources list; add it there or use one of: {', '.join(keys)}")
    for name in ("history", "provisions", "figures", "context"):
        for i, item in enumerate(record.data.get(name, [])):
            if not item.get("sources"):
                yield record.problem(RULE.id, (name, i), f"{name}[{i}] cites no source; add sources: [key]")


RULE = Rule("source-citations", "Every event, provision, figure and context note cites a listed source.", "record", check)
