"""No word is split after its hyphen across two lines of folded text.

In a folded block (``>-``) YAML joins the lines with a space, so a word wrapped by hand after its
hyphen ("state-immigration-" at the end of one line, "crimes" on the next) reads
"state-immigration- crimes". Suspended hyphens ("pre- and post-release", "state- or county-level")
are fine, and so are names and titles, which keep the spelling of their source.
"""

import re

from policykb.rules.base import Rule

_BROKEN = re.compile(r"[\w-]*\w- (?!(?:and|or|to|nor)\b)\w+")
# Text copied as published: names, titles, quotes, addresses.
AS_PUBLISHED = {"agency", "names", "title", "short_title", "aliases", "quote", "publisher", "sponsors", "value", "url",
                "archive_url", "moa_url", "addendum_urls"}


def check(record, ctx):
    for path, value in record.strings:
        if "- " not in value:
            continue
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        if key in AS_PUBLISHED:
            continue
        m = _BROKEN.search(value)
        if m:
            broken = m.group(0)
            yield record.problem(RULE.id, path, f"'{broken}' looks like a word split after its hyphen across two lines: YAML joins the lines "
                                                f"of folded text with a space. Keep the word on one line: '{broken.replace('- ', '-', 1)}'")


RULE = Rule("hyphen-break", "No word is split after its hyphen across lines of folded text.", "record", check)
