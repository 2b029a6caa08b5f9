"""No text anywhere holds an Outlook SafeLinks address: its parameters carry e-mail addresses."""

import re

from policykb.rules.base import Rule

_SAFELINKS = re.compile(r"safelinks\.protection\.outlook\.com", re.IGNORECASE)


def check(record, ctx):
    for path, value in record.strings:
        if _SAFELINKS.search(value):
            yield record.problem(RULE.id, path, "text contains an Outlook SafeLinks address, whose parameters can hold e-mail addresses; "
                                                "keep only the real address from its url= parameter")


RULE = Rule("no-safelinks", "No text holds an Outlook SafeLinks address.", "record", check)
