"""Text fields hold plain text, never HTML: the site escapes everything, but the data stays clean."""

import re

from policykb.rules.base import Rule

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>?|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def check(record, ctx):
    for path, value in record.strings:
        if "<" in value or "&" in value:
            m = _TAG.search(value)
            if m:
                yield record.problem(RULE.id, path, f"text contains HTML ('{m.group(0)[:20]}'); write plain text, e.g. 'less than' instead of '<'")


RULE = Rule("no-html", "Text fields hold no raw HTML.", "record", check)
