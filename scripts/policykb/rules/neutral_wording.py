"""Our own text describes, it does not take sides: loaded terms only in titles, names and quotes.

The terms and their neutral alternatives live in schema/loaded-terms.yaml. Allowed places:
official titles (title, short_title, aliases, identifiers), source titles, agency names as ICE
lists them, a claim's quote, and any text inside double quotation marks ("..." or “...”).
"""

import re

from policykb.rules.base import Rule

# Keys whose text is someone else's words or an official name.
ALLOWED_KEYS = {"title", "short_title", "aliases", "quote", "agency", "names", "sponsors", "value", "url", "archive_url",
                "moa_url", "addendum_urls", "publisher"}
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


def _key(path):
    return next((p for p in reversed(path) if isinstance(p, str)), "")


def check(record, ctx):
    pattern, says = ctx.project.loaded_terms
    if pattern is None:
        return
    for path, value in record.strings:
        if not pattern.search(value) or _key(path) in ALLOWED_KEYS:
            continue
        m = pattern.search(_QUOTED.sub(" ", value))
        if m:
            say = says[int(m.lastgroup[1:])] if m.lastgroup else ""
            yield record.problem(RULE.id, path, f"'{m.group(0)}' takes a side; in our own words {say}. "
                                                "Quote it (in double quotes) only when attributing it to someone")


RULE = Rule("neutral-wording", "Loaded terms appear only in official titles, names and attributed quotes.", "record", check)
